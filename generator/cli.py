"""Command line: parse arguments, call one function, map the outcome to an exit code.

Exit codes: 0 success, 1 content problems (reported in German), 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

from generator import ci_output
from generator.content import load_site
from generator.importing import cli as import_cli
from generator.models.site import Site
from generator.project import Project
from generator.publish_mode import publishing
from generator.report import cli as report_cli
from generator.submissions import cli as submission_cli
from generator.validate.pictures import UNUSED_NOTICE, unused_pictures
from generator.validate.placeholders import check_placeholders


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum im Format JJJJ-MM-TT") from None


_PUBLISH_HELP = (
    "Für die Veröffentlichung: Platzhalter aus der Vorlage (Musterstadt, example.org, BEISPIEL) sind Fehler "
    "(in CI auf dem Hauptzweig automatisch)"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Engagement-Portal bauen und prüfen.")
    parser.add_argument("--root", type=Path, default=Path("."), help="Projektordner mit content/ und mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="Alle Inhalte prüfen und Fehler mit Datei und Zeile melden")
    check.add_argument(
        "--summary", type=Path, default=None, help="Zusammenfassung in Markdown anhängen (z. B. $GITHUB_STEP_SUMMARY)"
    )
    check.add_argument("--codequality", type=Path, default=None, help="Code-Quality-Bericht für GitLab (JSON)")
    check.add_argument("--publish", action="store_true", help=_PUBLISH_HELP)
    build = commands.add_parser("build", help="Die ganze Seite bauen")
    build.add_argument("--out", type=Path, required=True, help="Zielordner der fertigen Seite")
    build.add_argument("--today", type=_date, default=None, help="Stichtag JJJJ-MM-TT (für reproduzierbare Builds)")
    build.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="Zwischenspeicher des letzten Builds: nur Geändertes wird neu erzeugt (Standard: build/cache)",
    )
    build.add_argument("--no-cache", action="store_true", help="Alles neu erzeugen, ohne Zwischenspeicher")
    build.add_argument("--publish", action="store_true", help=_PUBLISH_HELP)
    serve = commands.add_parser("serve", help="Bauen, unter http://127.0.0.1:8000 zeigen, bei Änderungen neu bauen")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--today", type=_date, default=None)
    schema = commands.add_parser("schema", help="JSON-Schemas für Editoren schreiben")
    schema.add_argument("--out", type=Path, default=None, help="Zielordner (Standard: schemas/)")
    schema.add_argument("--check", action="store_true", help="Nur prüfen, ob die Schemas aktuell sind")
    init = commands.add_parser("init", help="Das Portal einer weiteren Kommune in einem neuen Ordner anlegen")
    init.add_argument("dir", type=Path, help="neuer oder leerer Ordner")
    init.add_argument("--today", type=_date, default=None, help="Stichtag für die Beispieltermine (JJJJ-MM-TT)")
    town_files = commands.add_parser(
        "town-files", help="Issue-Formulare und Anleitung aus content/town.yml neu schreiben (Auswahllisten, Links)"
    )
    town_files.add_argument("--check", action="store_true", help="Nur prüfen, ob die Dateien aktuell sind")
    report_cli.add_parser(commands)
    submission_cli.add_parser(commands)
    import_cli.add_parser(commands, _date)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project(args.root.resolve())
    if args.command == "validate":
        return validate(project, args.summary, args.codequality, publishing(args.publish, os.environ))
    if args.command == "build":
        from generator.build.publish import build_site

        cache = None if args.no_cache else (args.cache or project.root / "build" / "cache").resolve()
        publish = publishing(args.publish, os.environ)
        return build_site(project, args.out.resolve(), args.today, cache_dir=cache, publish=publish)
    if args.command == "serve":
        from generator.serve import serve

        return serve(project, args.host, args.port, args.today)
    if args.command == "schema":
        from generator.schema import write_schemas

        return write_schemas(project, args.out, check=args.check)
    if args.command == "init":
        from generator.init import run_init

        return run_init(args.dir.resolve(), args.today)
    if args.command == "town-files":
        from generator.town_files import write_town_files

        return write_town_files(project, check=args.check)
    if args.command == report_cli.COMMAND:
        return report_cli.run(project, args)
    if args.command == submission_cli.COMMAND:
        return submission_cli.run(project, args)
    if args.command == import_cli.COMMAND:
        return import_cli.run(project, args)
    return 2  # pragma: no cover - argparse enforces the choices


def print_unused_pictures(project: Project, site: Site) -> None:
    """A notice (not an error) for each file in content/images/ that no record shows."""
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for src in unused_pictures(project.images_dir, site):
        message = UNUSED_NOTICE.format(src=src)
        print(f"::notice file=content/images/{src}::{message}" if github else message)


def validate(
    project: Project, summary: Path | None = None, codequality: Path | None = None, publish: bool = False
) -> int:
    """Check all content; optionally also write a Markdown summary and a GitLab code-quality report.

    ``publish``: placeholders of the template are errors (`validate/placeholders.py`), else a notice."""
    started = time.perf_counter()
    site, report = load_site(project)
    placeholders = check_placeholders(project, site.town.demo, publish) if site is not None else None
    if placeholders is not None and placeholders.fails:
        report.extend(placeholders.problems)
        site = None
    if codequality is not None:
        ci_output.write_codequality(codequality, report)
    if site is None:
        report.print(sys.stderr)
        if placeholders is not None and placeholders.fails:
            placeholders.explain(sys.stderr)
        if summary is not None:
            ci_output.append_text(summary, ci_output.step_summary(report, ci_output.github_link_base(dict(os.environ))))
        return 1
    elapsed = time.perf_counter() - started
    counts = (
        f"{len(site.clubs)} Vereine, {len(site.events)} Veranstaltungen, "
        f"{len(site.venues)} Orte, {len(site.opportunities)} Engagement-Angebote, "
        f"{len(site.pages)} Seiten geprüft"
    )
    print(f"Alles in Ordnung: {counts} ({elapsed:.2f} s).")
    print_unused_pictures(project, site)
    if placeholders is not None:
        placeholders.print_notice(sys.stdout)
    if summary is not None:
        ci_output.append_text(summary, ci_output.success_summary(counts + "."))
    return 0
