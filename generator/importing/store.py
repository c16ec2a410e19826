"""Turn imported records into content files: stable ids, hand edits kept, all written or none.

**State file.** Each source has one, ``content/.import/<source>.yml`` (the source's file name as
an id: ``vereinskalender.ics`` → ``vereinskalender``; a URL's host and path). It lists, per record
key (iCalendar UID, CSV key columns), the file the import wrote and the SHA-256 of the bytes it
wrote. It belongs in Git next to the content, so the next import — on any machine — finds it.

**A later import of the same source** writes a record to the file its key had: the same bytes
are "unverändert", other bytes an update. A file whose bytes are no longer those the import wrote
was edited by hand: it is not overwritten and is reported with the first line that differs. A
file deleted by hand is not brought back. A key no longer in the source is reported; its file
stays (deleting content is the editors' decision).

**New ids** come from the record's suggested id, unique against every file of that kind (also
invalid ones) and the ids given in this run: ``sommerfest``, ``sommerfest-2``, …

**Writing** happens after everything was read, matched and planned: every file goes to a
temporary file next to its target first, then all are renamed into place, the state file last.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from generator.importing.records import ImportedRecord, ImportProblem
from generator.load.discover import discover, suggest_id
from generator.project import Project
from generator.submissions.yaml_writer import dump

STATE_DIR = ".import"
"""Folder of the state files, inside content/ (ignored by `validate`: it reads the kinds' folders)."""

_SINGULAR = {"events": "event", "clubs": "club", "venues": "venue"}


class Outcome(StrEnum):
    created = "neu"
    updated = "aktualisiert"
    unchanged = "unverändert"
    edited = "von Hand geändert"
    deleted = "von Hand gelöscht"


@dataclass
class PlannedFile:
    """What the import does with one record."""

    record: ImportedRecord
    record_id: str
    shown: str
    """content/events/<id>.yml, relative to the project root"""
    text: bytes
    outcome: Outcome
    differs_at: int = 0
    """For a hand-edited file: the first line that is not what this import would write."""

    @property
    def writes(self) -> bool:
        return self.outcome in (Outcome.created, Outcome.updated)


@dataclass
class Plan:
    """Everything one import would do; nothing is written until `write_plan`."""

    project: Project
    source_name: str
    state_shown: str
    files: list[PlannedFile] = field(default_factory=list)
    gone: list[tuple[str, str]] = field(default_factory=list)
    """(key, file) of records the last import wrote that the source no longer has"""
    state_text: bytes = b""
    state_changes: bool = False

    def by_outcome(self, outcome: Outcome) -> list[PlannedFile]:
        return [planned for planned in self.files if planned.outcome is outcome]


def source_slug(source_name: str) -> str:
    """The state file's name for a source: a file's name without extension, a URL's host and path."""
    text = source_name.split("://", 1)[-1] if "://" in source_name else Path(source_name).name
    if "://" not in source_name and "." in text:
        text = text.rsplit(".", 1)[0]
    return suggest_id(text.split("?", 1)[0])


def state_path(project: Project, source_name: str) -> Path:
    return project.content_dir / STATE_DIR / f"{source_slug(source_name)}.yml"


def render(record: ImportedRecord, record_id: str, source_name: str) -> bytes:
    """The bytes of a record's content file: schema line, where it came from, the fields."""
    header = (
        f"# yaml-language-server: $schema=../../schemas/{_SINGULAR[record.kind]}.schema.json\n"
        f"# Importiert aus {Path(source_name).name if '://' not in source_name else source_name} "
        "(python -m generator import). Ein erneuter Import aktualisiert diese Datei,\n"
        "# solange sie nicht von Hand geändert wurde; danach bleibt sie, wie Sie sie geändert haben.\n"
    )
    return dump(record.data, header).encode("utf-8")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_state(path: Path, shown: str) -> dict[str, dict[str, str]]:
    """key → {file, sha256} of the last import of this source (empty before the first)."""
    if not path.is_file():
        return {}
    try:
        # BaseLoader: every scalar a string (a UID of digits stays text)
        document: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ImportProblem(
            shown,
            None,
            f"Die Datei mit dem Stand des letzten Imports ist beschädigt ({exc}). Nichts wurde geschrieben.",
        ) from None
    entries = (document or {}).get("records") if isinstance(document, dict) else None
    state: dict[str, dict[str, str]] = {}
    for entry in entries or []:
        if isinstance(entry, dict) and {"key", "file", "sha256"} <= entry.keys():
            state[str(entry["key"])] = {"file": str(entry["file"]), "sha256": str(entry["sha256"])}
    return state


def _state_text(source_name: str, state: dict[str, dict[str, str]]) -> bytes:
    header = (
        f"# Stand des Imports aus „{source_name}“ (python -m generator import), bitte nicht von Hand ändern.\n"
        "# Je Eintrag: Schlüssel in der Quelle (UID), die geschriebene Datei und die Prüfsumme der Bytes,\n"
        "# die der Import zuletzt geschrieben hat. Daran erkennt der nächste Import dieselben Termine\n"
        "# und von Hand geänderte Dateien. Gehört mit ins Repository.\n"
    )
    body = {
        "source": source_name,
        "records": [{"key": key, **state[key]} for key in sorted(state)],
    }
    return dump(body, header).encode("utf-8")


def _first_difference(old: bytes, new: bytes) -> int:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
        if a != b:
            return number
    return min(len(old_lines), len(new_lines)) + 1


def plan_import(project: Project, records: list[ImportedRecord], source_name: str) -> Plan:
    """Decide, for every record, its file and what happens to it. Reads, never writes."""
    target = state_path(project, source_name)
    state_shown = target.relative_to(project.root).as_posix()
    state = read_state(target, state_shown)
    files, _ = discover(project.content_dir, project.root)
    taken: dict[str, set[str]] = {}
    for file in files:
        taken.setdefault(file.kind, set()).add(file.id)
    plan = Plan(project, source_name, state_shown)
    seen: dict[str, ImportedRecord] = {}
    new_state = dict(state)
    for record in records:
        if record.key in seen:
            raise ImportProblem(
                source_name,
                record.line,
                f"Der Schlüssel „{record.key}“ kommt doppelt vor (zuerst in Zeile {seen[record.key].line}). "
                "Jeder Eintrag braucht einen eigenen Schlüssel (UID).",
            )
        seen[record.key] = record
        plan.files.append(_plan_one(project, record, source_name, state.get(record.key), taken, new_state))
    plan.gone = sorted((key, entry["file"]) for key, entry in state.items() if key not in seen)
    plan.state_text = _state_text(source_name, new_state)
    current = target.read_bytes() if target.is_file() else None
    plan.state_changes = current != plan.state_text
    return plan


def _plan_one(
    project: Project,
    record: ImportedRecord,
    source_name: str,
    known: dict[str, str] | None,
    taken: dict[str, set[str]],
    new_state: dict[str, dict[str, str]],
) -> PlannedFile:
    if known is not None:
        shown = known["file"]
        record_id = Path(shown).stem
        text = render(record, record_id, source_name)
        path = project.root / shown
        if not path.is_file():
            return PlannedFile(record, record_id, shown, text, Outcome.deleted)
        current = path.read_bytes()
        if _digest(current) != known["sha256"]:
            return PlannedFile(record, record_id, shown, text, Outcome.edited, _first_difference(current, text))
        new_state[record.key] = {"file": shown, "sha256": _digest(text)}
        return PlannedFile(record, record_id, shown, text, Outcome.unchanged if current == text else Outcome.updated)
    ids = taken.setdefault(record.kind, set())
    base = suggest_id(record.suggested_id)[:60].rstrip("-") or "eintrag"
    record_id, number = base, 1
    while record_id in ids:
        number += 1
        record_id = f"{base}-{number}"
    ids.add(record_id)
    shown = f"content/{record.kind}/{record_id}.yml"
    text = render(record, record_id, source_name)
    new_state[record.key] = {"file": shown, "sha256": _digest(text)}
    return PlannedFile(record, record_id, shown, text, Outcome.created)


def planned_contents(plan: Plan) -> dict[str, bytes]:
    """Files this plan writes: shown path → bytes (the state file included when it changes)."""
    contents = {planned.shown: planned.text for planned in plan.files if planned.writes}
    if plan.state_changes:
        contents[plan.state_shown] = plan.state_text
    return contents


def write_plan(plan: Plan) -> None:
    """Write every planned file: all to temporary files first, then renamed into place."""
    root = plan.project.root
    staged: list[tuple[Path, Path]] = []
    try:
        for shown, data in planned_contents(plan).items():
            target = root / shown
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.import-tmp")
            temporary.write_bytes(data)
            staged.append((temporary, target))
    except OSError:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    for temporary, target in staged:
        os.replace(temporary, target)
