"""`python -m generator import csv FILE --kind event|club|venue [--dry-run]`: read, then `run_import`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from generator.importing.csv_source import read_csv
from generator.importing.records import ImportProblem, Kind
from generator.importing.run import load_project, run_import
from generator.importing.summary import Attention
from generator.project import Project

KINDS: dict[str, Kind] = {"event": "events", "club": "clubs", "venue": "venues"}
"""The ``--kind`` words and the content folder each fills."""


def add_parser(sources: argparse._SubParsersAction, day: type | object) -> None:  # type: ignore[type-arg]
    """The ``csv`` subcommand of ``import``; ``day`` parses ``--today``."""
    command = sources.add_parser(
        "csv",
        help="Eine Tabelle (CSV aus Excel oder LibreOffice) mit Veranstaltungen, Vereinen oder Orten übernehmen",
        description="Spaltennamen und Schreibweisen: docs/umzug.md. Ein erneuter Import derselben Tabelle "
        "aktualisiert dieselben Dateien.",
    )
    command.add_argument("file", type=Path, help="die CSV-Datei (Semikolon, Komma oder Tab; UTF-8 oder Windows-1252)")
    command.add_argument("--kind", required=True, choices=sorted(KINDS), help="was die Tabelle enthält")
    command.add_argument("--dry-run", action="store_true", help="Nur zeigen, was geschähe; nichts schreiben")
    command.add_argument(
        "--category", default=None, help="Kategorie-Kennung für Zeilen ohne Kategorie (Veranstaltungen, Vereine)"
    )
    command.add_argument(
        "--today", type=day, default=None, help="Importdatum JJJJ-MM-TT für „Zuletzt bestätigt“ (Standard: heute)"
    )


def import_csv(
    project: Project,
    path: Path,
    kind: str,
    dry_run: bool,
    *,
    today: date | None = None,
    category: str | None = None,
    out: TextIO | None = None,
) -> int:
    """Import ``path`` into ``project``; 0 when every written file validates, 1 otherwise or when unreadable."""
    stream = out or sys.stdout
    try:
        content = load_project(project)
        town = content.site.town
        if category and category not in {term.id for term in town.categories}:
            known = ", ".join(term.id for term in town.categories)
            raise ImportProblem(
                "--category",
                None,
                f"Eine Kategorie „{category}“ gibt es in content/town.yml nicht. Möglich sind: {known}.",
            )
        read = read_csv(path, KINDS[kind], town, today or date.today(), category=category)
        print(f"{path.name}: gelesen als {read.encoding}, Trennzeichen {read.delimiter}.", file=stream)
        notes = [Attention(path.name, remark) for remark in read.remarks]
        return run_import(project, read.records, path.name, dry_run, content=content, source_notes=notes, out=stream)
    except ImportProblem as exc:
        print(f"{exc}\nNichts wurde geschrieben.", file=sys.stderr if out is None else stream)
        return 1
