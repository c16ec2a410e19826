"""`python -m generator issue-to-yaml`: a submitted issue form → a checked content file, or German errors.

Exit 0: the file is written and its path printed (the only line on stdout). Exit 1: nothing is
written; the problems are printed as Markdown for an issue comment. ``--markdown FILE`` also writes
that Markdown (on success: the description for the pull request) to FILE. Exit 2: usage errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.project import Project
from generator.report.cli import parse_date_arg

COMMAND = "issue-to-yaml"
MAX_BODY_BYTES = 1_000_000
KIND_LABELS = {"event": "Neue Veranstaltung", "club": "Neuer Verein", "opportunity": "Neues Engagement-Angebot"}


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        COMMAND, help="Eine über ein GitHub-Issue-Formular eingereichte Meldung als YAML-Datei anlegen"
    )
    parser.add_argument("--kind", choices=tuple(KIND_LABELS), required=True, help="Art der Meldung")
    parser.add_argument("--body-file", type=Path, required=True, help="Text der Meldung, wie GitHub ihn speichert")
    parser.add_argument("--out-dir", type=Path, default=None, help="Inhaltsordner (Standard: content/ des Projekts)")
    parser.add_argument("--issue", type=int, default=None, help="Nummer der Meldung (für Kommentar und Beschreibung)")
    parser.add_argument(
        "--today",
        type=parse_date_arg,
        default=None,
        help="Stichtag JJJJ-MM-TT: Beginn und „Gültig bis“ nicht davor; Vereine: „reviewed“",
    )
    parser.add_argument("--markdown", type=Path, default=None, help="Markdown für Kommentar bzw. Pull Request hierhin")


def run(project: Project, args: argparse.Namespace) -> int:
    from generator.problems import display_path
    from generator.report.collect import default_today
    from generator.submissions import comment
    from generator.submissions.check import ProjectUnusable, check_record, load_content
    from generator.submissions.convert import KINDS, SCHEMA_NAMES, build, record_id
    from generator.submissions.issue_form import load_form, parse_body
    from generator.submissions.yaml_writer import dump

    folder, form_file, _, id_field = KINDS[args.kind]
    form_path = project.root / ".github" / "ISSUE_TEMPLATE" / form_file
    if not form_path.is_file():
        print(f"Das Formular {display_path(form_path, project.root)} fehlt.", file=sys.stderr)
        return 2
    try:
        raw = args.body_file.read_bytes()
    except OSError as exc:
        print(f"Die Datei {args.body_file} lässt sich nicht lesen: {exc.strerror}.", file=sys.stderr)
        return 2
    if len(raw) > MAX_BODY_BYTES:
        print("Die Meldung ist länger als 1 MB und wird nicht verarbeitet.", file=sys.stderr)
        return 2
    try:
        content = load_content(project)
    except ProjectUnusable as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            "Die Angaben zur Kommune (content/town.yml) sind fehlerhaft; zuerst `validate` ausführen.", file=sys.stderr
        )
        return 1
    form = load_form(form_path)
    answers = parse_body(raw.decode("utf-8", errors="replace"), form)
    today = args.today or default_today(project)
    submission = build(form, answers, args.kind, content, today)
    out_dir = (args.out_dir or project.content_dir).resolve()
    target_dir = out_dir / folder
    taken = {path.stem for path in target_dir.glob("*.yml")} if target_dir.is_dir() else set()
    new_id = record_id(submission, id_field, content, taken)
    target = target_dir / f"{new_id}.yml"
    shown = display_path(target, project.root)
    header = f"# yaml-language-server: $schema=../../schemas/{SCHEMA_NAMES[folder]}.schema.json\n"
    if args.issue:
        header += f"# Eingereicht über das Formular „{form.name}“ (Issue #{args.issue}).\n"
    text = dump(submission.data, header) if submission.data else ""
    problems = check_record(content, folder, new_id, text, shown, today) if text or not submission.form_problems else []
    if submission.form_problems or problems:
        _emit(comment.errors(form, submission.form_problems, problems, text or None), args.markdown, echo=True)
        return 1
    target_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    title = str(submission.data.get(id_field, new_id))
    _emit(comment.pull_request(KIND_LABELS[args.kind], title, shown, args.issue), args.markdown, echo=False)
    print(shown)
    return 0


def _emit(markdown: str, path: Path | None, echo: bool) -> None:
    if path is not None:
        path.write_text(markdown, encoding="utf-8")
    if echo:
        sys.stdout.write(markdown)
