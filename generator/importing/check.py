"""Check the files of an import as `validate` would, before (or instead of) writing them.

The project's content is read file by file (`submissions.check.load_content`: a broken file
elsewhere does not block the import); the import's files — the bytes it is about to write, or
the file as it is where it keeps a hand-edited one — replace their current versions, and each
is checked against its model and then across files (venue, club and category ids …). Only
problems in the import's files are returned.
"""

from __future__ import annotations

from typing import Any

from generator.importing.store import Plan
from generator.load.yaml_loader import YamlLoadError, load_yaml_text
from generator.models.site import Record, Site
from generator.problems import Problem
from generator.submissions.check import RECORD_KINDS, ProjectContent
from generator.validate.records import MODELS, validate_model
from generator.validate.references import ReferenceChecker


def check_plan(content: ProjectContent, plan: Plan) -> list[Problem]:
    """Every problem `validate` would report in the files of this import once it is written."""
    records: dict[str, dict[str, Record[Any]]] = {kind: dict(getattr(content.site, kind)) for kind in RECORD_KINDS}
    existing = {kind: set(ids) for kind, ids in content.existing.items()}
    problems: list[Problem] = []
    shown_paths: set[str] = set()
    for planned in plan.files:
        kind = planned.record.kind
        path = content.project.root / planned.shown
        if planned.writes:
            text = planned.text.decode("utf-8")
        elif path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
        else:
            continue  # deleted by hand: nothing to check
        shown_paths.add(planned.shown)
        existing.setdefault(kind, set()).add(planned.record_id)
        records[kind].pop(planned.record_id, None)
        try:
            document = load_yaml_text(text, planned.shown)
        except YamlLoadError as exc:
            problems += exc.problems
            continue
        data, found = validate_model(MODELS[kind], document)
        problems += found
        if data is not None:
            records[kind][planned.record_id] = Record(planned.record_id, planned.shown, data, document.source)
    site = Site(content.site.town, content.site.town_source, **records)
    checker = ReferenceChecker.for_site(site, content.project.images_dir, existing)
    problems += [problem for problem in checker.run() if problem.location.path in shown_paths]
    return sorted(set(problems))
