"""Text as a website's CMS exports it (the Leipzig open-data corpus, run through `import`, had all of
this): HTML and entities, line breaks as ``<br/>``, the calendar software's no-reply address as every
organiser's e-mail, and one organiser without a directory entry behind many events."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.importing.text import description, html_to_markdown, is_no_reply, split_values, unescape
from generator.project import Project

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-12-01"


def _event(number: int, organiser: str) -> str:
    return (
        "BEGIN:VEVENT\r\n"
        f"UID:cms-{number}@example.org\r\n"
        f"DTSTART;TZID=Europe/Berlin:202706{number:02d}T190000\r\n"
        f"SUMMARY:Vortrag {number}: Sinn &amp; Sein &#8211; Teil {number}\r\n"
        "DESCRIPTION:Erste Zeile<br/>Zweite Zeile<br/><br/>Energieexpert_innen diskutieren.<br/>\r\n"
        "LOCATION:Stadtbibliothek Herzberg\r\n"
        f"ORGANIZER;CN={organiser}:mailto:noreply@cms.example.org\r\n"
        "CATEGORIES:Kultur\r\n"
        "END:VEVENT\r\n"
    )


def _calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CMS//DE\r\n" + "".join(events) + "END:VCALENDAR\r\n"


@pytest.fixture
def town(tmp_path: Path) -> Path:
    return Project(ROOT).copy_to(tmp_path / "town").root


def _import(root: Path, source: Path) -> int:
    return main(["--root", str(root), "import", "ical", str(source), "--today", TODAY, "--category", "kultur"])


def test_cms_html_entities_and_no_reply_organisers(
    town: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "cms.ics"
    source.write_text(_calendar(*(_event(n, "Volkshochschule Elbe-Elster") for n in (1, 2, 3))), encoding="utf-8")
    assert _import(town, source) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    written = sorted((town / "content" / "events").glob("vortrag-1*.yml"))
    data = yaml.load(written[0].read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert data["title"] == "Vortrag 1: Sinn & Sein – Teil 1"
    assert data["organizer"] == [{"name": "Volkshochschule Elbe-Elster"}]  # not noreply@… as its e-mail
    assert data["description"] == "Erste Zeile\n\nZweite Zeile\n\nEnergieexpert_innen diskutieren."
    assert "description: |-\n  Erste Zeile\n\n  Zweite Zeile\n" in written[0].read_text(encoding="utf-8")
    assert (
        "Hinweise:\n  „Volkshochschule Elbe-Elster“ veranstaltet 3 der importierten Termine und hat keinen Eintrag "
        "im Verzeichnis. Legen Sie content/clubs/volkshochschule-elbe-elster.yml mit „name: Volkshochschule "
        "Elbe-Elster“ an (Anleitung: docs/inhalte.md, Vereine), dann finden Bürgerinnen und Bürger alle Termine "
        "dieses Veranstalters auf einer Seite, und der nächste Import verknüpft die Termine mit dem Eintrag.\n"
    ) in out
    assert _import(town, source) == 0
    assert "Unverändert: 3\n" in capsys.readouterr().out

    # the town follows the hint: the next import links the events to the new entry
    (town / "content" / "clubs" / "volkshochschule-elbe-elster.yml").write_text(
        "name: Volkshochschule Elbe-Elster\ncategory: kultur\nreviewed: 2026-11-30\n", encoding="utf-8"
    )
    assert _import(town, source) == 0
    out = capsys.readouterr().out
    assert "Aktualisiert: 3\n" in out and "Hinweise:" not in out
    data = yaml.load(written[0].read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert data["organizer"] == ["volkshochschule-elbe-elster"]


def test_two_events_of_one_organiser_get_no_hint(
    town: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "cms.ics"
    source.write_text(
        _calendar(_event(1, "Kirchgemeinde"), _event(2, "Kirchgemeinde"), _event(3, "Schule")), encoding="utf-8"
    )
    assert _import(town, source) == 0
    assert "Hinweise:" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("a<br/>b<br><br />c<br/>", "a\n\nb\n\nc"),
        ("<p>Sinn &amp; Sein &#8211; <b>heute</b></p><p>x_y</p>", "Sinn & Sein – **heute**\n\nx_y"),
        ("<ul><li>eins</li><li>zwei</li></ul>", "- eins\n- zwei"),
    ],
)
def test_html_becomes_markdown_with_paragraphs_not_backslashes(html: str, markdown: str) -> None:
    assert html_to_markdown(html) == markdown


def test_plain_text_keeps_a_lone_ampersand_and_decodes_entities() -> None:
    assert unescape("Kaffee & Kuchen") == "Kaffee & Kuchen"
    assert unescape("Sinn &amp; Sein&nbsp;e. V.") == "Sinn & Sein e. V."
    assert description("Zeile 1\r\nZeile 2  \r\n\r\n\r\nEnde &quot;gut&quot;") == 'Zeile 1\nZeile 2\n\nEnde "gut"'
    assert description("   ") is None


def test_several_values_in_one_cell() -> None:
    assert split_values("a@example.org, b@example.org;c@example.org\nmailto:a@example.org", "email") == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]
    assert split_values("03535 1234\n+49 3535 1234; 0170-55 66", "phone") == ["03535 1234", "0170-55 66"]
    assert split_values("http://www.a.de http://a.de/ https://b.de/x,y", "website") == [
        "http://www.a.de",
        "https://b.de/x,y",
    ]


@pytest.mark.parametrize(
    ("address", "no_reply"),
    [
        ("noreply@leipzig-data.de", True),
        ("mailto:No-Reply@example.org", True),
        ("do-not-reply@example.org", True),
        ("noreply+events@example.org", True),
        ("norbert@example.org", False),
        ("info@noreply.example.org", False),
    ],
)
def test_no_reply_addresses(address: str, no_reply: bool) -> None:
    assert is_no_reply(address) is no_reply
