"""The pipeline: discover → load → validate → Site; building writes nothing unless all of it is clean."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load.discover import IMAGES_DIR, RECORD_KINDS, TOWN_FILE, ContentFile, discover
from generator.load.yaml_loader import LoadedDocument, YamlLoadError, load_yaml_file
from generator.models.site import Record, Site
from generator.models.town import Town
from generator.problems import Location, Problem, ProblemReport, display_path, internal_error
from generator.validate.records import validate_file, validate_model
from generator.validate.references import ReferenceChecker
from generator.validate.town_facts import TownFacts


@dataclass(frozen=True)
class Project:
    """Where a town's files live."""

    root: Path

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def town_file(self) -> Path:
        return self.content_dir / TOWN_FILE

    @property
    def images_dir(self) -> Path:
        return self.content_dir / IMAGES_DIR

    @property
    def theme_dir(self) -> Path:
        return self.root / "theme"

    @property
    def mkdocs_file(self) -> Path:
        return self.root / "mkdocs.yml"

    def copy_to(self, target: Path, *, content: bool = True) -> Project:
        """A working copy at ``target``: theme, mkdocs.yml and, unless ``content=False``, the content.

        For tests and benchmarks that edit or generate content without touching this project.
        """
        target.mkdir(parents=True, exist_ok=True)
        shutil.copytree(self.theme_dir, target / "theme")
        shutil.copy(self.mkdocs_file, target / "mkdocs.yml")
        if content:
            shutil.copytree(self.content_dir, target / "content")
        return Project(target)


def load_site(
    project: Project, on_discovered: Callable[[Town, list[ContentFile]], object] | None = None
) -> tuple[Site | None, ProblemReport]:
    """Read and validate all content. The Site is None whenever any problem was found.

    Nothing one file contains stops the checking of the others, and a broken `town.yml` does not
    stop the checks across files (they use the parts of it that did validate, `TownFacts`).

    ``on_discovered`` is called with the town and the record files once they are known and named
    correctly, before the records are read: a build starts work that needs only the ids."""
    report = ProblemReport()
    town, town_document = _load_town(project, report)
    files, naming_problems = discover(project.content_dir, project.root)
    report.extend(naming_problems)
    if on_discovered is not None and town is not None and not naming_problems:
        on_discovered(town, files)
    records: dict[str, dict[str, Record[Any]]] = {kind: {} for kind in RECORD_KINDS}
    first_seen: dict[tuple[str, str], ContentFile] = {}
    for file in files:
        earlier = first_seen.setdefault((file.kind, file.id), file)
        if earlier is not file:
            report.add(
                Location(file.shown_path, 1, 1),
                "",
                f"Die Kennung „{file.id}“ gibt es schon ({earlier.shown_path}). Dateinamen müssen in "
                f"content/{file.kind}/ eindeutig sein, auch über Unterordner hinweg. Benennen Sie eine der Dateien um.",
            )
            continue
        record, problems = _validate_file_safely(file)
        report.extend(problems)
        if record is not None:
            records[file.kind][file.id] = record
    if town is not None:
        facts = TownFacts.of(town)
    else:
        facts = TownFacts.salvage(town_document.data) if town_document is not None else TownFacts.unknown()
    existing: dict[str, set[str]] = {}
    for file in files:
        existing.setdefault(file.kind, set()).add(file.id)
    town_source = town_document.source if town_document is not None else None
    report.extend(ReferenceChecker(facts, town_source, records, project.images_dir, existing).run())
    if report or town is None or town_source is None:
        return None, report
    return Site(town, town_source, **records), report


def _validate_file_safely(file: ContentFile) -> tuple[Record[Any] | None, list[Problem]]:
    """``validate_file``, with a failure of the program itself turned into a problem of this file."""
    try:
        return validate_file(file)
    except Exception as exc:
        return None, [internal_error(Location(file.shown_path, 1, 1), exc)]


def _load_town(project: Project, report: ProblemReport) -> tuple[Town | None, LoadedDocument | None]:
    """The valid town config, and the parsed `town.yml` (for `TownFacts.salvage` when invalid)."""
    shown = display_path(project.town_file, project.root)
    if not project.town_file.is_file():
        report.add(
            Location(shown, 1, 1),
            "",
            "Die Datei mit den Angaben zur Kommune fehlt. Legen Sie content/town.yml an (Vorlage: README).",
        )
        return None, None
    try:
        document = load_yaml_file(project.town_file, shown)
        town, problems = validate_model(Town, document)
    except YamlLoadError as exc:
        report.extend(exc.problems)
        return None, None
    except Exception as exc:
        report.extend([internal_error(Location(shown, 1, 1), exc)])
        return None, None
    report.extend(problems)
    return town, document


__all__ = ["Problem", "Project", "load_site"]
