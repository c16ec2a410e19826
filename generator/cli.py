"""Command line: parse arguments, call one function, map the outcome to an exit code.

Exit codes: 0 success, 1 content problems (reported in German), 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from generator.pipeline import Project, load_site


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum im Format JJJJ-MM-TT") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Engagement-Portal bauen und prüfen.")
    parser.add_argument("--root", type=Path, default=Path("."), help="Projektordner mit content/ und mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="Alle Inhalte prüfen und Fehler mit Datei und Zeile melden")
    build = commands.add_parser("build", help="Die ganze Seite bauen")
    build.add_argument("--out", type=Path, required=True, help="Zielordner der fertigen Seite")
    build.add_argument("--today", type=_date, default=None, help="Stichtag JJJJ-MM-TT (für reproduzierbare Builds)")
    serve = commands.add_parser("serve", help="Bauen, unter http://127.0.0.1:8000 zeigen, bei Änderungen neu bauen")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--today", type=_date, default=None)
    schema = commands.add_parser("schema", help="JSON-Schemas für Editoren schreiben")
    schema.add_argument("--out", type=Path, default=None, help="Zielordner (Standard: schemas/)")
    schema.add_argument("--check", action="store_true", help="Nur prüfen, ob die Schemas aktuell sind")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project(args.root.resolve())
    if args.command == "validate":
        return validate(project)
    if args.command == "build":
        from generator.build import build_site

        return build_site(project, args.out.resolve(), args.today)
    if args.command == "serve":
        from generator.serve import serve

        return serve(project, args.host, args.port, args.today)
    if args.command == "schema":
        from generator.schema import write_schemas

        return write_schemas(project, args.out, check=args.check)
    return 2  # pragma: no cover - argparse enforces the choices


def validate(project: Project) -> int:
    started = time.perf_counter()
    site, report = load_site(project)
    if site is None:
        report.print(sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"Alles in Ordnung: {len(site.clubs)} Vereine, {len(site.events)} Veranstaltungen, "
        f"{len(site.venues)} Orte, {len(site.opportunities)} Engagement-Angebote, "
        f"{len(site.pages)} Seiten geprüft ({elapsed:.2f} s)."
    )
    return 0
