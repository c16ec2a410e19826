"""Find the content files of a town and derive each record's id from its file name."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.problems import Location, Problem, display_path

RECORD_KINDS = {"clubs": ".yml", "venues": ".yml", "events": ".yml", "opportunities": ".yml", "pages": ".md"}
"""Content folders and the file extension their records use."""

TOWN_FILE = "town.yml"
IMAGES_DIR = "images"
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_IGNORED_NAMES = {"README.md", ".gitkeep", ".DS_Store"}


@dataclass(frozen=True)
class ContentFile:
    kind: str
    id: str
    path: Path
    shown_path: str


def discover(content_dir: Path, root: Path) -> tuple[list[ContentFile], list[Problem]]:
    """All record files under ``content_dir``, sorted, plus problems with names."""
    files: list[ContentFile] = []
    problems: list[Problem] = []
    for kind, extension in RECORD_KINDS.items():
        folder = content_dir / kind
        if not folder.is_dir():
            continue
        shown_folder = display_path(folder, root)
        for parts in _files_below(str(folder)):
            name = parts[-1]
            if name in _IGNORED_NAMES or name.startswith("."):
                continue
            path = folder.joinpath(*parts)
            shown = "/".join((shown_folder, *parts))
            if path.suffix != extension:
                hint = " Benennen Sie „.yaml“ in „.yml“ um." if path.suffix == ".yaml" and extension == ".yml" else ""
                problems.append(
                    Problem(
                        Location(shown, 1, 1),
                        "",
                        f"In content/{kind}/ sind nur Dateien mit der Endung „{extension}“ erlaubt.{hint}",
                    )
                )
                continue
            record_id = path.name[: -len(extension)]
            if not _ID_RE.match(record_id):
                problems.append(
                    Problem(
                        Location(shown, 1, 1),
                        "",
                        f"Der Dateiname „{path.name}“ ist als Kennung ungültig: erlaubt sind nur "
                        "Kleinbuchstaben a–z, Ziffern und Bindestriche (ä → ae, ß → ss, Leerzeichen → -), "
                        f"z. B. „{suggest_id(record_id)}{extension}“.",
                    )
                )
                continue
            files.append(ContentFile(kind, record_id, path, shown))
    return files, problems


def _files_below(folder: str) -> list[tuple[str, ...]]:
    """Every file under ``folder`` (not following links to folders) as its path parts relative to
    it, sorted part by part as ``sorted(Path(folder).rglob("*"))`` sorts them. Strings, not Path
    objects: at county scale (11,000 files) the sorting of Paths alone took 0.4 s."""
    found: list[tuple[str, ...]] = []
    pending: list[tuple[str, tuple[str, ...]]] = [(folder, ())]
    while pending:
        directory, prefix = pending.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                parts = (*prefix, entry.name)
                if _is_folder(entry):
                    if not entry.is_symlink():
                        pending.append((entry.path, parts))
                else:
                    found.append(parts)
    return sorted(found)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` is a folder; a broken link (a loop, say) counts as a file, whose reading
    then reports it."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def suggest_id(name: str) -> str:
    """A valid id close to ``name``: 'Tag der Nachbarn' → 'tag-der-nachbarn', 'Café Kaputt' → 'cafe-kaputt'."""
    text = name.lower()
    for umlaut, replacement in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, replacement)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")  # é → e, not dropped
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "eintrag"
