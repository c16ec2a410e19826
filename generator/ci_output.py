"""What `validate` writes for CI besides its plain lines: a German job summary and a code-quality report.

* GitHub Actions shows the Markdown of ``$GITHUB_STEP_SUMMARY`` on the run's page; the summary
  lists each problem by file, line and field, with what to do, for a volunteer who opened the
  failed check from their pull request (annotations mark the same lines in "Files changed").
* GitLab shows a code-quality report (CodeClimate JSON, ``artifacts:reports:codequality``) in the
  merge request.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

from generator.markdown_escape import code, escape
from generator.problems import Problem, ProblemReport, summary_line

GUIDE = "docs/inhalte.md"
GUIDE_ERRORS_ANCHOR = "#häufige-fehlermeldungen-und-was-sie-bedeuten"

HOW_TO_FIX = (
    "**So beheben Sie das:** Öffnen Sie in Ihrem Änderungsvorschlag (bei GitHub „Pull Request“) den "
    "Reiter „Files changed“ („Geänderte Dateien“). Die Fehler sind dort an den betroffenen Zeilen "
    "markiert. Über das Menü „…“ einer Datei und „Edit file“ (Datei bearbeiten) ändern Sie die Datei "
    "direkt im Browser: Gehen Sie zur genannten Zeile, korrigieren Sie das genannte Feld so, wie es die "
    "Meldung beschreibt, und speichern Sie mit dem grünen Knopf „Commit changes“ (Änderungen speichern). "
    "Danach prüft die Automatik Ihre Änderung von selbst noch einmal. Oft hilft schon ein Vergleich mit "
    "den Beispielen der Anleitung."
)


def step_summary(report: ProblemReport, link_base: str | None = None) -> str:
    """The German Markdown summary of a failed validation; ``link_base`` + path opens a file."""
    problems = report.sorted()
    files = sorted({p.location.path for p in problems})
    lines = [
        f"## Prüfung der Inhalte: {escape(summary_line(len(problems), len(files)))}",
        "",
        HOW_TO_FIX,
        "",
        f"Hilfe: die Anleitung {_link(GUIDE, GUIDE + GUIDE_ERRORS_ANCHOR, link_base, code_text=True)} "
        "(Abschnitt „Häufige Fehlermeldungen und was sie bedeuten“) – oder fragen Sie die Anlaufstelle; "
        "sie hilft gern.",
    ]
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_file[problem.location.path].append(problem)
    for path in files:
        lines += ["", f"### {_link(path, path, link_base, code_text=True)}", ""]
        lines += ["| Zeile | Feld | Was ist falsch und was ist zu tun |", "|---:|---|---|"]
        for problem in by_file[path]:
            line = problem.location.line
            where = _link(str(line), f"{path}#L{line}", link_base) if line else "–"
            field = code(problem.field) if problem.field else "–"
            lines.append(f"| {where} | {field} | {escape(problem.message)} |")
    return "\n".join(lines) + "\n"


def success_summary(counts: str) -> str:
    """The summary when everything is fine (``counts`` is the CLI's German success line)."""
    return f"## Prüfung der Inhalte: alles in Ordnung\n\n{escape(counts)}\n"


def _link(text: str, target: str, link_base: str | None, code_text: bool = False) -> str:
    shown = code(text) if code_text else escape(text)
    if not link_base:
        return shown
    return f"[{shown}]({link_base}{quote(target, safe='/#')})"


def github_link_base(environ: dict[str, str]) -> str | None:
    """``https://github.com/<owner>/<repo>/blob/<sha>/`` inside GitHub Actions, else None."""
    server, repository, sha = (environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if not (server and repository and sha):
        return None
    return f"{server}/{repository}/blob/{sha}/"


def append_text(path: Path, text: str) -> None:
    """Append (GitHub collects several steps' summaries in one file), creating the file if needed."""
    with path.open("a", encoding="utf-8") as stream:
        stream.write(text)


def codequality(report: ProblemReport) -> list[dict[str, object]]:
    """GitLab code-quality entries (CodeClimate format), one per problem."""
    entries: list[dict[str, object]] = []
    for problem in report.sorted():
        description = f"{problem.field}: {problem.message}" if problem.field else problem.message
        fingerprint = hashlib.sha256(str(problem).encode("utf-8")).hexdigest()
        entries.append(
            {
                "description": description,
                "check_name": "engagiert-validate",
                "fingerprint": fingerprint,
                "severity": "major",
                "location": {"path": problem.location.path, "lines": {"begin": problem.location.line or 1}},
            }
        )
    return entries


def write_codequality(path: Path, report: ProblemReport) -> None:
    path.write_text(json.dumps(codequality(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
