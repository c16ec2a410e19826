"""One import, from records to files: match, plan, check, write, report.

`run_import` is what every source's command calls once it has read its file into records
(`ical_source`, `csv_source`); `load_project` gives the sources what they need of the project
(time zone, categories) and the existing venues and clubs.
"""

from __future__ import annotations

import sys
from typing import TextIO

from generator.importing.check import check_plan
from generator.importing.records import ImportedRecord, ImportProblem
from generator.importing.recurring import recurring_organiser_hints
from generator.importing.resolve import Directory, resolve_record
from generator.importing.store import plan_import, write_plan
from generator.importing.summary import Attention, Summary
from generator.project import Project
from generator.submissions.check import ProjectContent, ProjectUnusable, load_content


def load_project(project: Project) -> ProjectContent:
    """The project's valid records and all file ids; `ImportProblem` when town.yml is unusable."""
    try:
        return load_content(project)
    except ProjectUnusable as exc:
        first = exc.problems[0] if exc.problems else None
        reason = f" ({first})" if first else ""
        raise ImportProblem(
            "content/town.yml",
            None,
            f"Die Angaben zur Kommune lassen sich nicht lesen{reason}. Beheben Sie das zuerst "
            "(python -m generator validate); ohne sie kann nichts importiert werden.",
        ) from None


def run_import(
    project: Project,
    records: list[ImportedRecord],
    source_name: str,
    dry_run: bool,
    *,
    content: ProjectContent | None = None,
    source_notes: list[Attention] | None = None,
    out: TextIO | None = None,
) -> int:
    """Match, plan, check and (unless ``dry_run``) write ``records``; print the German summary.

    Returns 0 when every file of the import passes the checks of `validate`, 1 otherwise (the
    files are written all the same: the summary says what to correct). A problem with the source
    itself is raised by the source as `ImportProblem` before this runs; nothing is written then.
    """
    stream = out or sys.stdout
    content = content or load_project(project)
    directory = Directory.of(content.site)
    for record in records:
        resolve_record(record, directory)
    plan = plan_import(project, records, source_name)
    problems = check_plan(content, plan)
    if not dry_run:
        write_plan(plan)
    taken = (
        directory.club_ids
        | content.existing.get("clubs", set())
        | {p.record_id for p in plan.files if p.record.kind == "clubs"}
    )
    hints = recurring_organiser_hints(records, taken, directory.club_ids)
    summary = Summary(plan, problems, source_notes or [], dry_run, hints)
    for line in summary.lines():
        print(line, file=stream)
    return 1 if problems else 0
