"""The German Markdown posted back: the errors as an issue comment, or the pull request's description."""

from __future__ import annotations

import re

from generator.markdown_escape import code, escape, fence
from generator.problems import Problem
from generator.submissions.convert import path_of
from generator.submissions.issue_form import IssueForm

_INDEX = re.compile(r"\[\d+\]")


def form_label(form: IssueForm, field: str) -> str | None:
    """The form's label for a reported field such as ``contact.email`` or ``repeat.days[2]``."""
    if not field:
        return None
    parts = tuple(_INDEX.sub("", field).split("."))
    while parts:
        element = next((e for e in form.elements if path_of(e.id) == parts), None)
        if element is not None:
            return element.label
        parts = parts[:-1]
    return None


def errors(
    form: IssueForm, form_problems: list[tuple[str, str]], problems: list[Problem], yaml_text: str | None
) -> str:
    """The comment on the issue when the submission cannot be taken over yet."""
    lines = [
        "### Die Meldung kann noch nicht übernommen werden",
        "",
        "Danke für Ihre Meldung! Ein paar Angaben passen noch nicht. Bitte bearbeiten Sie die Meldung "
        "(oben rechts bei Ihrem Text auf „…“ drücken, dann auf „Edit“ bzw. „Bearbeiten“) und korrigieren Sie "
        "diese Felder:",
        "",
    ]
    for label, message in form_problems:
        lines.append(f"- **{escape(label)}:** {escape(message)}")
    for problem in problems:
        label = form_label(form, problem.field)
        name = f"**{escape(label)}**" if label else "**Eintrag**"
        technical = f" ({code(problem.field)})" if problem.field else ""
        lines.append(f"- {name}{technical}: {escape(problem.message)}")
    lines += [
        "",
        "Sobald Sie fertig sind, startet die Redaktion die Übernahme erneut. Fragen? Die Anlaufstelle hilft gern.",
    ]
    if yaml_text:
        lines += [
            "",
            "<details><summary>Für die Redaktion: erzeugte Datei</summary>",
            "",
            fence(yaml_text, "yaml"),
            "",
            "</details>",
        ]
    return "\n".join(lines) + "\n"


def pull_request(kind_label: str, title: str, path: str, issue: int | None) -> str:
    """The description of the pull request that adds the new file."""
    source = f" aus #{issue}" if issue else ""
    lines = [
        f"{kind_label}{source}: **{escape(title)}** → {code(path)}",
        "",
        "Die Datei wurde aus dem Formular erzeugt und automatisch geprüft (Format, Pflichtfelder, Verweise auf "
        "Vereine, Orte und Kategorien). Bitte vor dem Zusammenführen lesen: Stimmen die Angaben, und enthält "
        "der Eintrag keine privaten Daten Dritter?",
    ]
    if issue:
        lines += ["", f"Closes #{issue}"]
    return "\n".join(lines) + "\n"
