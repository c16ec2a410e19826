"""The freshness report as German Markdown (for the monthly issue) or plain text (for a terminal)."""

from __future__ import annotations

from generator.markdown_escape import code, escape
from generator.report.findings import Finding, FreshnessReport, Group, Kind

TITLE = "Aktualität der Einträge"
INTRO = (
    "Diese Liste entsteht jeden Monat automatisch. Sie nennt Einträge, die wahrscheinlich nicht "
    "mehr stimmen, geordnet nach Verein, mit der E-Mail-Adresse des Vereins. Die Anlaufstelle "
    "schreibt die Vereine an; sobald ein Verein antwortet, wird die Datei geändert (im Browser "
    "oder per Pull Request) und der Eintrag verschwindet beim nächsten Bericht aus der Liste."
)


def _german(report: FreshnessReport) -> str:
    return f"{report.today:%d.%m.%Y}"


def _counts(report: FreshnessReport) -> list[str]:
    return [f"{kind.label}: {report.count(kind)}" for kind in Kind]


def _todo_lines() -> list[str]:
    return [f"{kind.label}: {kind.todo}" for kind in Kind]


# --- Markdown ---------------------------------------------------------------------------------


def markdown(report: FreshnessReport, max_length: int | None = None) -> str:
    """The report as Markdown; with ``max_length`` whole club sections are left off to fit."""
    head = [f"## {TITLE} – Stand {_german(report)}", "", INTRO, ""]
    if not report.total:
        head += ["Alles aktuell: Kein Eintrag ist veraltet.", ""]
        return "\n".join(head + _unreadable_md(report))
    head += [f"- {escape(line)}" for line in _counts(report)]
    head += ["", "<details><summary>Was ist jeweils zu tun?</summary>", ""]
    head += [f"- **{escape(kind.label)}:** {_md_todo(kind)}" for kind in Kind]
    head += ["", "</details>", ""]
    tail = "\n".join(_unreadable_md(report) + _addresses_md(report))
    sections = [_group_md(group) for group in report.groups]
    body = "\n".join(head) + "\n"
    for index, section in enumerate(sections):
        if max_length is not None and len(body) + len(section) + len(_left_off(999)) + len(tail) > max_length:
            body += _left_off(len(sections) - index)
            break
        body += section
    return body + tail


def _left_off(count: int) -> str:
    return (
        f"_… und {count} weitere Abschnitte, die hier keinen Platz mehr hatten. Die ganze Liste "
        "zeigt `python -m generator report`._\n\n"
    )


def _md_todo(kind: Kind) -> str:
    # the texts name YAML fields in backticks; keep those as code and escape the rest
    parts = kind.todo.split("`")
    return "".join(code(part) if index % 2 else escape(part) for index, part in enumerate(parts))


def _group_md(group: Group) -> str:
    lines = [f"### {escape(group.name)}", ""]
    if group.club_id is not None:
        contact = escape(group.email) if group.email else "keine gültige E-Mail-Adresse hinterlegt"
        lines += [f"Kontakt: {contact} · Datei: {code(group.path or '')}", ""]
    for finding in group.findings:
        lines.append(_finding_md(finding, group))
    return "\n".join(lines) + "\n\n"


def _finding_md(finding: Finding, group: Group) -> str:
    where = code(f"{finding.path}:{finding.line}" if finding.line else finding.path)
    field = f" ({code(finding.field)})" if finding.field and finding.kind is Kind.BROKEN_LINK else ""
    own = f" – Kontakt: {escape(finding.contact)}" if finding.contact and finding.contact != group.email else ""
    return (
        f"- **{escape(finding.kind.label)}:** {escape(finding.title)}{field} – {escape(finding.detail)}{own} – {where}"
    )


def _unreadable_md(report: FreshnessReport) -> list[str]:
    if not report.unreadable:
        return []
    files = ", ".join(code(path) for path in report.unreadable)
    return [f"Nicht lesbar (Fehler nennt `python -m generator validate`): {files}", ""]


def _addresses_md(report: FreshnessReport) -> list[str]:
    addresses = _addresses(report)
    if not addresses:
        return []
    return [
        "<details><summary>Alle E-Mail-Adressen zum Kopieren</summary>",
        "",
        code("; ".join(addresses)),
        "",
        "</details>",
        "",
    ]


def _addresses(report: FreshnessReport) -> list[str]:
    found: set[str] = set()
    for group in report.groups:
        if group.email:
            found.add(group.email)
        found.update(f.contact for f in group.findings if f.contact)
    return sorted(found, key=str.casefold)


# --- plain text -------------------------------------------------------------------------------


def text(report: FreshnessReport) -> str:
    lines = [f"{TITLE} – Stand {_german(report)}", ""]
    if not report.total:
        lines.append("Alles aktuell: Kein Eintrag ist veraltet.")
    else:
        lines += _counts(report)
        for group in report.groups:
            lines += ["", group.name]
            if group.club_id is not None:
                lines.append(f"  Kontakt: {group.email or 'keine gültige E-Mail-Adresse hinterlegt'} ({group.path})")
            for finding in group.findings:
                field = f" ({finding.field})" if finding.field and finding.kind is Kind.BROKEN_LINK else ""
                own = f", Kontakt: {finding.contact}" if finding.contact and finding.contact != group.email else ""
                where = f"{finding.path}:{finding.line}" if finding.line else finding.path
                lines.append(f"  - {finding.kind.label}: {finding.title}{field} – {finding.detail}{own} – {where}")
        lines += ["", "Was ist zu tun?", *(f"  - {line}" for line in _todo_lines())]
        addresses = _addresses(report)
        if addresses:
            lines += ["", "Alle E-Mail-Adressen: " + "; ".join(addresses)]
    if report.unreadable:
        lines += ["", "Nicht lesbar (Fehler nennt python -m generator validate): " + ", ".join(report.unreadable)]
    return "\n".join(lines) + "\n"
