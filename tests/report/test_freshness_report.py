"""`python -m generator report`: stale clubs, expired calls, ended series and broken links, by club."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.project import Project
from generator.report.collect import collect, months_before
from generator.report.findings import Kind
from generator.report.render import markdown, text

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2027, 3, 15)

FILES = {
    # stale (reviewed 13 months ago) with a broken e-mail and website, and an unknown field: the
    # file fails validation as a whole, but each link is still checked on its own
    "clubs/schuetzen.yml": """\
name: Schützenverein <b>Teststadt</b> @everyone
category: sport
contact:
  email: vorstand(at)example.org
  website: www.schuetzen.example.org
farbe: grün
reviewed: 2026-02-14
""",
    "clubs/chor.yml": """\
name: Chor Teststadt
category: fest
contact: {email: chor@example.org}
reviewed: 2026-03-15
""",
    "opportunities/helfer-sommerfest.yml": """\
title: Helfer für das Sommerfest 2026
organizer: chor
description: Aufbau und Abbau.
time_commitment: ein Samstag
contact: {email: sommerfest@example.org}
expires: 2026-08-31
""",
    "opportunities/lesepaten.yml": """\
title: Lesepaten
description: Vorlesen in der Bibliothek.
time_commitment: 2 Stunden pro Woche
contact: {phone: 03535 12345}
expires: 2027-12-31
""",
    "opportunities/aufruf-ohne-verein.yml": """\
title: Helfer Herbstputz
organizer: gibt-es-nicht
description: Laub rechen.
time_commitment: ein Vormittag
contact: {email: stadt@example.org}
expires: 2026-10-31
""",
    "events/chorprobe-2026.yml": """\
title: Chorprobe 2026
organizer: chor
category: fest
venue: rathaus
start: 2026-01-06 19:00
end: "21:00"
repeat: {freq: weekly, days: [di], until: 2026-12-29}
registration: ftp://chor.example.org/anmeldung
""",
    "events/kurs.yml": """\
title: Kurs in fünf Terminen
category: sport
venue: rathaus
start: 2027-02-01 18:00
repeat: {freq: weekly, count: 5}
""",
    "events/training.yml": """\
title: Training (laufend)
organizer: turnverein
category: sport
venue: rathaus
start: 2026-01-05 18:00
repeat: {freq: weekly, days: [mo]}
""",
    "events/stammtisch-bis-2027.yml": """\
title: Stammtisch
organizer: turnverein
category: fest
venue: rathaus
start: 2026-01-07 19:00
repeat: {freq: monthly, days: [1mi], until: 2027-12-31}
""",
    "events/altes-fest.yml": """\
title: Fest im Jahr 2025
category: fest
venue: markt
start: 2025-06-01
""",
    "events/kaputt.yml": "title: [nicht geschlossen\n",
}


@pytest.fixture
def stale_project(project):
    for dest, content in FILES.items():
        project.add(dest, content)
    return project


def test_findings_are_grouped_by_club_with_contact(stale_project) -> None:
    report = collect(Project(stale_project.root), TODAY)
    summary = [
        (group.name, group.email, [(f.kind.name, f.path.split("/")[-1], f.field, f.detail) for f in group.findings])
        for group in report.groups
    ]
    assert summary == [
        (
            "Chor Teststadt",
            "chor@example.org",
            [
                ("EXPIRED_OPPORTUNITY", "helfer-sommerfest.yml", "expires", "gültig bis 31.08.2026"),
                ("SERIES_ENDED", "chorprobe-2026.yml", "repeat", "letzter Termin am 29.12.2026"),
                (
                    "BROKEN_LINK",
                    "chorprobe-2026.yml",
                    "registration",
                    "„ftp://chor.example.org/anmeldung“ ist kein erlaubter Link. Nur Adressen, die mit https:// "
                    "oder http:// beginnen, sind erlaubt, z. B. https://www.example.org/.",
                ),
            ],
        ),
        (
            "Schützenverein <b>Teststadt</b> @everyone",
            None,
            [
                ("STALE_CLUB", "schuetzen.yml", "reviewed", "zuletzt bestätigt am 14.02.2026 (vor 13 Monaten)"),
                (
                    "BROKEN_LINK",
                    "schuetzen.yml",
                    "contact.email",
                    "„vorstand(at)example.org“ ist keine gültige E-Mail-Adresse, z. B. info@example.org.",
                ),
                (
                    "BROKEN_LINK",
                    "schuetzen.yml",
                    "contact.website",
                    "„www.schuetzen.example.org“ ist kein erlaubter Link. Nur Adressen, die mit https:// oder "
                    "http:// beginnen, sind erlaubt, z. B. https://www.example.org/.",
                ),
            ],
        ),
        (
            "Ohne Verein (Stadt, Anlaufstelle, Orte)",
            None,
            [
                ("EXPIRED_OPPORTUNITY", "aufruf-ohne-verein.yml", "expires", "gültig bis 31.10.2026"),
                ("SERIES_ENDED", "kurs.yml", "repeat", "letzter Termin am 01.03.2027"),
            ],
        ),
    ]
    assert report.unreadable == ["content/events/kaputt.yml"]
    assert [report.count(kind) for kind in Kind] == [1, 2, 2, 3]


def test_findings_are_located(stale_project) -> None:
    report = collect(Project(stale_project.root), TODAY)
    places = {(f.path, f.field): f.line for g in report.groups for f in g.findings}
    assert places[("content/clubs/schuetzen.yml", "reviewed")] == 7
    assert places[("content/clubs/schuetzen.yml", "contact.website")] == 5
    assert places[("content/events/chorprobe-2026.yml", "registration")] == 8
    assert places[("content/opportunities/helfer-sommerfest.yml", "expires")] == 6


def test_an_event_of_a_club_and_others_goes_to_the_club(stale_project) -> None:
    """The town and a named organisation beside the club do not hide the club (it is told, not the town)."""
    path = stale_project.root / "content" / "events" / "chorprobe-2026.yml"
    text = path.read_text(encoding="utf-8").replace(
        "organizer: chor\n", "organizer:\n  - stadt\n  - name: Musikschule Teststadt\n  - chor\n"
    )
    path.write_text(text, encoding="utf-8")
    report = collect(Project(stale_project.root), TODAY)
    owners = {f.path.split("/")[-1]: g.name for g in report.groups for f in g.findings if f.kind is Kind.SERIES_ENDED}
    assert owners == {"chorprobe-2026.yml": "Chor Teststadt", "kurs.yml": "Ohne Verein (Stadt, Anlaufstelle, Orte)"}


def test_a_club_reviewed_exactly_twelve_months_ago_is_not_yet_stale(stale_project) -> None:
    report = collect(Project(stale_project.root), TODAY)
    assert "Chor Teststadt" not in [f.title for g in report.groups for f in g.findings if f.kind is Kind.STALE_CLUB]
    later = collect(Project(stale_project.root), date(2027, 3, 16))
    assert "Chor Teststadt" in [f.title for g in later.groups for f in g.findings if f.kind is Kind.STALE_CLUB]


def test_nothing_outdated(project) -> None:
    report = collect(Project(project.root), date(2026, 11, 1))
    assert report.total == 0
    assert "Alles aktuell: Kein Eintrag ist veraltet." in markdown(report)
    assert "Alles aktuell" in text(report)


def test_markdown_escapes_names_and_lists_addresses(stale_project) -> None:
    output = markdown(collect(Project(stale_project.root), TODAY))
    assert output.startswith("## Aktualität der Einträge – Stand 15.03.2027\n")
    assert "### Schützenverein \\<b\\>Teststadt\\</b\\> @\u200beveryone\n" in output
    assert "Kontakt: keine gültige E-Mail-Adresse hinterlegt · Datei: `content/clubs/schuetzen.yml`" in output
    assert (
        "- **Engagement-Angebot abgelaufen:** Helfer für das Sommerfest 2026 – gültig bis 31.08.2026 – "
        "Kontakt: sommerfest@example.org – `content/opportunities/helfer-sommerfest.yml:6`"
    ) in output
    assert "`chor@example.org; sommerfest@example.org; stadt@example.org`" in output
    assert "Nicht lesbar (Fehler nennt `python -m generator validate`): `content/events/kaputt.yml`" in output
    assert "<b>" not in output


def test_markdown_leaves_off_whole_sections_to_fit(stale_project) -> None:
    report = collect(Project(stale_project.root), TODAY)
    full = markdown(report)
    limit = len(full) - 100
    short = markdown(report, max_length=limit)
    assert len(short) <= limit
    assert "### Chor Teststadt" in short
    assert "### Ohne Verein" not in short
    assert "weitere Abschnitte, die hier keinen Platz mehr hatten." in short
    assert short.endswith("</details>\n")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 3, 15), date(2026, 3, 15)),
        (date(2028, 2, 29), date(2027, 2, 28)),
        (date(2027, 1, 31), date(2026, 1, 31)),
    ],
)
def test_months_before(day: date, expected: date) -> None:
    assert months_before(day, 12) == expected


def test_cli_text_and_markdown_file(stale_project, capsys, tmp_path) -> None:
    root = str(stale_project.root)
    assert main(["--root", root, "report", "--today", "2027-03-15"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Aktualität der Einträge – Stand 15.03.2027\n\nVereinseintrag länger als 12 Monate")
    assert "  Kontakt: chor@example.org (content/clubs/chor.yml)\n" in out
    target = tmp_path / "bericht.md"
    assert main(["--root", root, "report", "--today", "2027-03-15", "--format", "markdown", "--out", str(target)]) == 0
    assert capsys.readouterr().out == f"Bericht geschrieben: {target} (8 veraltete Einträge).\n"
    assert target.read_text(encoding="utf-8").startswith("## Aktualität der Einträge")


def test_sample_content_has_stale_clubs_and_expired_calls(capsys) -> None:
    report = collect(Project(ROOT), date(2026, 11, 25))
    assert report.count(Kind.STALE_CLUB) == 4
    assert report.count(Kind.EXPIRED_OPPORTUNITY) == 2
    assert report.count(Kind.BROKEN_LINK) == 0
    assert report.unreadable == []
    stale = [g for g in report.groups if any(f.kind is Kind.STALE_CLUB for f in g.findings)]
    assert all(group.email for group in stale)


def test_a_club_with_several_contacts_is_asked_at_its_first_email_and_every_link_is_checked(project) -> None:
    project.add(
        "clubs/kanu.yml",
        """\
name: Kanuclub
category: sport
contact:
  - role: Vorstand
    phone: 03535 12345
  - role: Jugendwart
    email: jugend@kanu.example.org
    website: kanu.example.org
reviewed: 2026-01-10
""",
    )
    report = collect(Project(project.root), TODAY)
    group = next(g for g in report.groups if g.name == "Kanuclub")
    assert group.email == "jugend@kanu.example.org"
    broken = [(f.field, f.line) for f in group.findings if f.kind is Kind.BROKEN_LINK]
    assert broken == [("contact[2].website", 8)]
