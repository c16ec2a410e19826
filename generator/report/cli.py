"""`python -m generator report`: the freshness report for the contact point."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from generator.project import Project

COMMAND = "report"


def parse_date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum im Format JJJJ-MM-TT") from None


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        COMMAND,
        help="Veraltete Einträge auflisten (Vereine, abgelaufene Angebote, beendete Reihen, ungültige Links)",
    )
    parser.add_argument("--today", type=parse_date_arg, default=None, help="Stichtag JJJJ-MM-TT (Standard: heute)")
    parser.add_argument("--format", choices=("markdown", "text"), default="text", help="Ausgabeformat")
    parser.add_argument("--out", type=Path, default=None, help="In diese Datei schreiben statt auf den Bildschirm")
    parser.add_argument(
        "--max-length", type=int, default=None, help="Höchstlänge in Zeichen (Markdown; z. B. für einen Issue-Text)"
    )


def run(project: Project, args: argparse.Namespace) -> int:
    from generator.report.collect import collect, default_today
    from generator.report.render import markdown, text

    report = collect(project, args.today or default_today(project))
    output = markdown(report, args.max_length) if args.format == "markdown" else text(report)
    if args.out is None:
        sys.stdout.write(output)
    else:
        args.out.write_text(output, encoding="utf-8")
        print(f"Bericht geschrieben: {args.out} ({report.total} veraltete Einträge).")
    return 0
