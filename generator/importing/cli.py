"""`python -m generator import <source> …`: the import's part of the command line.

Each source adds its sub-command in `add_parser` and reads its file into records in `run`;
`run.run_import` does the rest (matching, files, summary) the same way for all of them.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator.importing import csv_command
from generator.importing.records import ImportProblem
from generator.importing.resolve import TOWN_ORGANIZER
from generator.project import Project

if TYPE_CHECKING:
    from generator.importing.ical_source import Options
    from generator.submissions.check import ProjectContent

COMMAND = "import"


def add_parser(commands: argparse._SubParsersAction, day: type | object) -> None:
    """Add `import` and its sources to the top-level ``commands``; ``day`` parses ``--today``."""
    parser = commands.add_parser(COMMAND, help="Termine aus einem Kalender oder einer Tabelle übernehmen")
    sources = parser.add_subparsers(dest="source", required=True)
    ical = sources.add_parser("ical", help="iCalendar-Datei (.ics) oder -Adresse importieren")
    ical.add_argument("location", help="Pfad der .ics-Datei oder https://-Adresse des Kalenders")
    ical.add_argument("--organizer", default=None, help="Veranstalter (Vereinskennung), wo die Quelle keinen nennt")
    ical.add_argument("--category", default=None, help="Kategorie-Kennung, wo keine Kategorie der Quelle passt")
    ical.add_argument("--dry-run", action="store_true", help="Nur zeigen, was geschähe; nichts schreiben")
    ical.add_argument("--today", type=day, default=None, help="Stichtag JJJJ-MM-TT (Standard: heute)")
    csv_command.add_parser(sources, day)


def run(project: Project, args: argparse.Namespace) -> int:
    try:
        if args.source == "ical":
            return _ical(project, args)
        if args.source == "csv":
            return csv_command.import_csv(
                project, args.file, args.kind, args.dry_run, today=args.today, category=args.category
            )
    except ImportProblem as exc:
        print(f"{exc}\nNichts wurde geschrieben.", file=sys.stderr)
        return 1
    return 2  # pragma: no cover - argparse enforces the choices


def _ical(project: Project, args: argparse.Namespace) -> int:
    # imported here: icalendar and markdownify are not needed by the other commands
    from generator.importing.ical_source import Options, read_ical, read_location
    from generator.importing.run import load_project, run_import

    content = load_project(project)
    source = args.location if "://" in args.location else Path(args.location).name
    data = read_location(args.location)
    options = Options(category=args.category, organizer=args.organizer, today=args.today or date.today())
    _check_ids(content, options)
    records, notes = read_ical(data, source, content.site.town, options)
    return run_import(project, records, source, args.dry_run, content=content, source_notes=notes)


def _check_ids(content: ProjectContent, options: Options) -> None:
    """--organizer and --category name things the project has (else nothing is imported)."""
    clubs = content.existing.get("clubs", set())
    if options.organizer and options.organizer != TOWN_ORGANIZER and options.organizer not in clubs:
        raise ImportProblem(
            "--organizer",
            None,
            f"Einen Verein „{options.organizer}“ gibt es nicht (content/clubs/{options.organizer}.yml fehlt). "
            f"Für die Stadt selbst schreiben Sie „{TOWN_ORGANIZER}“.",
        )
    categories = [term.id for term in content.site.town.categories]
    if options.category and options.category not in categories:
        raise ImportProblem(
            "--category",
            None,
            f"Eine Kategorie „{options.category}“ gibt es in content/town.yml nicht. Möglich sind: "
            + ", ".join(categories)
            + ".",
        )
