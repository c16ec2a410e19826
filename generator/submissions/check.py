"""Check a new record against the project as `validate` would: loader, model, then cross-file rules.

The existing content is read file by file (a broken file elsewhere must not block a valid
submission); the new record is added to that site and the cross-file checks run over it. Only
problems in the new file are returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.load.discover import discover
from generator.load.yaml_loader import YamlLoadError, load_yaml_file, load_yaml_text
from generator.models.site import Record, Site
from generator.models.town import Town
from generator.problems import Location, Problem, display_path
from generator.project import Project
from generator.submissions.past import past_dates
from generator.validate.records import MODELS, validate_file, validate_model
from generator.validate.references import ReferenceChecker

RECORD_KINDS = ("clubs", "venues", "events", "opportunities", "pages")


class ProjectUnusable(Exception):
    """The project's own content/town.yml cannot be read: nothing can be checked against it."""

    def __init__(self, problems: list[Problem]):
        super().__init__("content/town.yml")
        self.problems = problems


@dataclass
class ProjectContent:
    """The existing, valid records of a project, and the ids of all its files (valid or not)."""

    project: Project
    site: Site
    existing: dict[str, set[str]]

    def names(self, kind: str) -> dict[str, str]:
        """Lower-cased names (and short names) of clubs or venues → id."""
        found: dict[str, str] = {}
        for record in getattr(self.site, kind).values():
            for name in (getattr(record.data, "name", None), getattr(record.data, "short_name", None)):
                if name:
                    found.setdefault(name.casefold(), record.id)
        return found


def load_content(project: Project) -> ProjectContent:
    shown = display_path(project.town_file, project.root)
    if not project.town_file.is_file():
        raise ProjectUnusable([Problem(Location(shown), "", "Die Datei mit den Angaben zur Kommune fehlt.")])
    try:
        document = load_yaml_file(project.town_file, shown)
    except YamlLoadError as exc:
        raise ProjectUnusable(exc.problems) from None
    town, problems = validate_model(Town, document)
    if town is None:
        raise ProjectUnusable(problems)
    files, _ = discover(project.content_dir, project.root)
    records: dict[str, dict[str, Record[Any]]] = {kind: {} for kind in RECORD_KINDS}
    existing: dict[str, set[str]] = {kind: set() for kind in RECORD_KINDS}
    for file in files:
        existing[file.kind].add(file.id)
        if file.id in records[file.kind]:
            continue
        record, _ = validate_file(file)
        if record is not None:
            records[file.kind][file.id] = record
    return ProjectContent(project, Site(town, document.source, **records), existing)


def check_record(
    content: ProjectContent, kind: str, record_id: str, text: str, shown_path: str, today: date | None = None
) -> list[Problem]:
    """Every problem `validate` would report in the new file ``shown_path`` holding ``text``; with
    ``today`` also a start or expiry before it (`past.py`: new submissions only, not `validate`)."""
    try:
        document = load_yaml_text(text, shown_path)
    except YamlLoadError as exc:
        return exc.problems
    data, problems = validate_model(MODELS[kind], document)
    if data is None:
        return problems
    if today is not None:
        problems += past_dates(kind, data, document.source, today)
    site = content.site
    records = {k: dict(getattr(site, k)) for k in RECORD_KINDS}
    records[kind][record_id] = Record(record_id, shown_path, data, document.source)
    extended = Site(site.town, site.town_source, **records)
    existing = {k: set(ids) for k, ids in content.existing.items()}
    existing[kind].add(record_id)
    checker = ReferenceChecker.for_site(extended, content.project.images_dir, existing)
    return sorted([*problems, *(p for p in checker.run() if p.location.path == shown_path)])
