"""`import ical`: exports shaped like Google, Outlook, Nextcloud, Thunderbird and club software,
read into event files that are checked field by field, validated, re-imported and built."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import yaml

from generator.cli import main
from generator.project import Project

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-12-01"
ALL = ("google", "outlook", "nextcloud", "thunderbird", "utc", "series")


@pytest.fixture
def town(tmp_path: Path) -> Path:
    """A copy of the Herzberg sample to import into."""
    return Project(ROOT).copy_to(tmp_path / "town").root


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), "import", "ical", *args, "--today", TODAY])


def imported(root: Path, name: str, *args: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(root, str(FIXTURES / f"{name}.ics"), *args) == 0, capsys.readouterr()
    return capsys.readouterr().out


def fields(root: Path, event_id: str) -> dict:
    """The file as the project reads it: every value a string."""
    return yaml.load((root / "content" / "events" / f"{event_id}.yml").read_text(encoding="utf-8"), yaml.BaseLoader)


def snapshot(root: Path) -> dict[str, bytes]:
    content = root / "content"
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()}


def test_google_series_with_moved_and_cancelled_dates(town: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = imported(town, "google", "--category", "heimat", capsys=capsys)
    assert fields(town, "stammtisch-des-heimatvereins") == {
        "title": "Stammtisch des Heimatvereins",
        "organizer": ["heimatverein-herzberg"],  # CN "Heimatverein Herzberg e.V." is the club
        "category": "heimat",  # --category: the source has none
        "venue": "haus-zwei",  # "Haus II, Markt 1, 04916 Herzberg (Elster), Deutschland"
        "start": "2027-03-03 18:00",
        "end": "20:00",
        "repeat": {
            "freq": "monthly",
            "days": ["1mi"],
            "until": "2027-12-31",  # UNTIL=20271231T225959Z is 23:59:59 local
            "except": ["2027-07-07", "2027-08-04"],
            "cancelled": ["2027-10-06"],  # RECURRENCE-ID with STATUS:CANCELLED
            "changes": [
                {
                    "date": "2027-06-02",
                    "start": "2027-06-02 19:00",
                    "title": "Stammtisch mit Vortrag zur Stadtgeschichte",
                    "venue": "stadtbibliothek",  # "Stadtbibliothek Herzberg"
                }
            ],
        },
        "description": "Unser **Stammtisch** für alle, die Herzbergs Geschichte lieben.\n\n"
        "Gäste sind willkommen & Kaffee gibt es auch.\n\n"
        "[Mehr auf unserer Seite](https://heimatverein-herzberg.example.org/)",
    }
    # all-day: DTEND 2027-09-13 is exclusive; the sample has its own "tag-des-offenen-denkmals"
    assert fields(town, "tag-des-offenen-denkmals-2") == {
        "title": "Tag des offenen Denkmals",
        "category": "heimat",  # CATEGORIES:Heimat und Geschichte, the label
        "venue": "marktplatz",  # "Marktplatz" is "Marktplatz Herzberg"
        "start": "2027-09-11",
        "end": "2027-09-12",
        "description": "Führungen durch die Altstadt und das Vereinsarchiv.",
    }
    # floating time, read in X-WR-TIMEZONE
    assert fields(town, "archivnachmittag") == {
        "title": "Archivnachmittag",
        "category": "heimat",
        "venue": "haus-zwei",
        "start": "2027-04-15 17:00",
        "end": "18:30",
    }
    assert "Neu angelegt: 3" in out
    assert "Die Datei" in out or "Alle 3 Dateien dieses Imports sind in Ordnung" in out


def test_outlook_windows_zone_and_html(town: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = imported(town, "outlook", capsys=capsys)
    assert fields(town, "tischtennis-training") == {
        "title": "Tischtennis-Training",
        "organizer": ["ttc-herzberg"],  # CN "TTC Herzberg", the club's short name
        "category": "sport",  # CATEGORIES:Sport, the first word of "Sport und Bewegung"
        "venue": "sporthalle-schulzentrum",
        "start": "2027-01-12 18:00",  # TZID="W. Europe Standard Time"
        "end": "19:30",
        "repeat": {"freq": "weekly", "days": ["di", "do"], "count": "20"},
        "description": "Training für **alle ab 10 Jahren**.\n\n- Schläger werden gestellt\n- Hallenschuhe "
        "mitbringen\n\nInfos: [ttc-herzberg.example.org](https://ttc-herzberg.example.org/) & am Aushang",
    }
    assert "outlook.ics:49: „Vorstandssitzung (intern)“ ist als privat markiert (CLASS:PRIVATE)" in out
    assert not list((town / "content" / "events").glob("vorstandssitzung*"))


def test_nextcloud_contact_url_and_other_categories(town: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported(town, "nextcloud", capsys=capsys)
    assert fields(town, "arbeitseinsatz-in-der-elsteraue") == {
        "title": "Arbeitseinsatz in der Elsteraue",
        "organizer": ["naturschutzgruppe-elsteraue"],
        "category": "umwelt",  # CATEGORIES:umwelt, the id
        "venue": "festwiese-elsteraue",
        "start": "2027-03-06 09:00",
        "end": "12:00",
        "repeat": {"freq": "weekly", "interval": "2", "days": ["sa"], "until": "2027-05-29", "except": ["2027-04-17"]},
        "description": "Wir pflegen Kopfweiden und Hecken. Bitte Arbeitshandschuhe mitbringen.",
        "website": "https://naturschutz-elsteraue.example.org/termine",
        "contact": {"name": "Anne Beispiel", "email": "anne@example.org", "phone": "03535 000 140"},
        "tags": ["Ehrenamt"],  # a category of the source that is none of the town's
    }


def test_thunderbird_all_day_yearly_and_last_friday(town: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported(town, "thunderbird", capsys=capsys)
    common = {"organizer": ["gemischter-chor-herzberg"], "category": "musik", "venue": "gemeindehaus-kirchplatz"}
    assert fields(town, "chorwochenende") == {
        "title": "Chorwochenende",
        **common,
        "start": "2027-06-18",
        "end": "2027-06-20",  # DTEND;VALUE=DATE:20270621 is the day after
        "repeat": {"freq": "yearly", "count": "3"},
    }
    assert fields(town, "offenes-singen") == {
        "title": "Offenes Singen",
        **common,
        "start": "2027-01-29 19:00",
        "end": "20:30",
        "repeat": {"freq": "monthly", "days": ["-1fr"]},
    }


def test_utc_export_in_local_time(town: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported(town, "utc", capsys=capsys)
    assert fields(town, "winterwanderung") == {
        "title": "Winterwanderung",
        "organizer": ["heimatverein-herzberg"],
        "category": "heimat",
        "venue": "marktplatz",
        "start": "2027-01-23 14:00",  # 13:00Z in winter
        "end": "16:30",  # DURATION:PT2H30M
    }
    assert fields(town, "sommerabend-im-botanischen-garten") == {
        "title": "Sommerabend im Botanischen Garten",
        "category": "kultur",
        "venue": "botanischer-garten",
        "start": "2027-07-02 18:00",  # 16:00Z in summer
        "end": "22:00",
        "repeat": {"freq": "weekly", "days": ["fr"], "until": "2027-08-27"},
    }


def test_rdate_and_a_rule_the_format_cannot_hold_are_noted(town: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = imported(town, "series", capsys=capsys)
    series = {"title": "Repair-Treff", "organizer": ["repair-cafe-herzberg"], "category": "soziales"}
    assert fields(town, "repair-treff") == {
        **series,
        "venue": "buergerhaus",
        "start": "2027-01-09 10:00",
        "end": "13:00",
        "repeat": {
            "freq": "monthly",
            "days": ["2sa"],
            "count": "10",
            "except": ["2027-02-13"],
            "changes": [{"date": "2027-05-08", "start": "2027-05-15 14:00", "venue": "marktplatz"}],
        },
    }
    assert fields(town, "repair-treff-2027-03-25") == {
        **series,
        "venue": "buergerhaus",
        "start": "2027-03-25 17:00",
        "end": "20:00",
    }
    for day in ("2027-01-15", "2027-02-15", "2027-03-15"):
        assert fields(town, f"sprechstunde-{day}") == {
            "title": "Sprechstunde",
            "category": "beteiligung",
            "venue": "haus-zwei",
            "start": f"{day} 15:00",
            "end": "16:00",
        }
    assert (
        "content/events/repair-treff-2027-03-25.yml:8 (Quelle series.ics:5): Zusätzlicher Termin der Reihe (RDATE) "
        "am 25.03.2027: als einzelner Termin angelegt" in out
    )
    assert (
        "content/events/sprechstunde-2027-02-15.yml:7 (Quelle series.ics:25): Die Regel der Reihe (BYSETPOS=1) lässt "
        "sich im Terminformat nicht ausdrücken: angelegt als 3 einzelne Termine zwischen 01.12.2025 und 01.12.2027."
        in out
    )
    assert "Braucht Ihre Aufmerksamkeit: 4" in out


def test_imported_town_validates_and_second_import_changes_nothing(
    town: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ALL:
        imported(town, name, "--category", "heimat", capsys=capsys)
    assert main(["--root", str(town), "validate"]) == 0, capsys.readouterr()
    capsys.readouterr()
    before = snapshot(town)
    for name in ALL:
        out = imported(town, name, "--category", "heimat", capsys=capsys)
        assert "Neu angelegt: 0\n  Aktualisiert: 0\n" in out
        assert "Alles unverändert: Die Quelle enthält nichts Neues." in out
    assert snapshot(town) == before
    state = yaml.load((town / "content/.import/google.yml").read_text(encoding="utf-8"), yaml.BaseLoader)
    assert [entry["file"] for entry in state["records"]] == [
        "content/events/tag-des-offenen-denkmals-2.yml",
        "content/events/stammtisch-des-heimatvereins.yml",
        "content/events/archivnachmittag.yml",
    ]


def test_changed_source_updates_but_hand_edits_are_kept(
    town: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(town, "google", "--category", "heimat", capsys=capsys)
    edited = town / "content/events/archivnachmittag.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("end: 18:30", "end: 19:00"), encoding="utf-8")
    hand_made = edited.read_bytes()
    source = tmp_path / "google.ics"
    text = (FIXTURES / "google.ics").read_text(encoding="utf-8")
    source.write_text(
        text.replace("SUMMARY:Tag des offenen Denkmals", "SUMMARY:Tag des offenen Denkmals 2027"), "utf-8"
    )
    assert run(town, str(source), "--category", "heimat") == 0
    out = capsys.readouterr().out
    assert edited.read_bytes() == hand_made
    assert (
        "content/events/archivnachmittag.yml:8: seit dem letzten Import von Hand geändert — nicht überschrieben" in out
    )
    assert "Aktualisiert: 1" in out and "Unverändert: 1" in out
    assert fields(town, "tag-des-offenen-denkmals-2")["title"] == "Tag des offenen Denkmals 2027"


def test_dry_run_writes_nothing(town: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(town)
    out = imported(town, "series", "--dry-run", capsys=capsys)
    assert snapshot(town) == before
    assert "Neu angelegt: 5" in out and "Probelauf (--dry-run): Nichts wurde geschrieben." in out


GOOD = (FIXTURES / "utc.ics").read_bytes()


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (GOOD.replace(b"SUMMARY:Winterwanderung", b"Winterwanderung am Samstag"), "utc.ics:9: Die Zeile „Winter"),
        (GOOD.replace(b"DTSTART:20270123T130000Z", b"DTSTART:2027-01-23"), "utc.ics:7: Der Wert von DTSTART"),
        (GOOD.replace(b"DTSTART:20270123T130000Z\r\n", b""), "utc.ics:4: Dem Termin fehlt der Beginn (DTSTART)"),
        (
            GOOD.replace(b"Winterwanderung", "Winterwanderung für Groß".encode("cp1252")),
            "utc.ics:9: Die Zeile ist nicht",
        ),
        (
            GOOD.replace(b"END:VEVENT\r\nBEGIN:VEVENT", b"BEGIN:VEVENT", 1),
            "utc.ics:13: Ein Termin beginnt (BEGIN:VEVENT), bevor der in Zeile 4",
        ),
        (GOOD.replace(b"BEGIN:VCALENDAR", b"Titel;Datum"), "utc.ics:1: Das ist keine iCalendar-Datei"),
    ],
)
def test_broken_input_names_the_line_and_writes_nothing(
    town: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: bytes, expected: str
) -> None:
    source = tmp_path / "utc.ics"
    source.write_bytes(broken)
    before = snapshot(town)
    assert run(town, str(source)) == 1
    err = capsys.readouterr().err
    assert err.startswith(expected), err
    assert "Nichts wurde geschrieben." in err
    assert snapshot(town) == before


def test_unknown_organizer_and_category_options_are_refused(town: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(town, str(FIXTURES / "utc.ics"), "--organizer", "gibt-es-nicht") == 1
    assert "Einen Verein „gibt-es-nicht“ gibt es nicht" in capsys.readouterr().err
    assert run(town, str(FIXTURES / "utc.ics"), "--category", "sportlich") == 1
    assert "Eine Kategorie „sportlich“ gibt es in content/town.yml nicht" in capsys.readouterr().err


def _local(value: date | datetime) -> date | datetime:
    zone = ZoneInfo("Europe/Berlin")
    if isinstance(value, datetime):
        return value.astimezone(zone).replace(tzinfo=None) if value.tzinfo else value
    return value


def _occurrences(calendar: icalendar.Calendar) -> set[tuple[object, str, str]]:
    found = set()
    for component in recurring_ical_events.of(calendar).between(date(2027, 1, 1), date(2028, 1, 1)):
        if str(component.get("CLASS", "")).upper() == "PRIVATE":
            continue
        status = "abgesagt" if str(component.get("STATUS", "")).upper() == "CANCELLED" else ""
        found.add((_local(component.decoded("DTSTART")), str(component.get("SUMMARY")), status))
    return found


def test_built_feeds_have_the_sources_occurrences(
    town: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ALL:
        imported(town, name, "--category", "heimat", capsys=capsys)
    site = tmp_path / "site"
    assert main(["--root", str(town), "build", "--out", str(site), "--today", TODAY, "--no-cache"]) == 0
    for name in ALL:
        source = icalendar.Calendar.from_ical((FIXTURES / f"{name}.ics").read_text(encoding="utf-8"))
        state = yaml.load((town / f"content/.import/{name}.yml").read_text(encoding="utf-8"), yaml.BaseLoader)
        built: set[tuple[object, str, str]] = set()
        for entry in state["records"]:
            event_id = Path(entry["file"]).stem
            feed = (site / "kalender" / "termine" / f"{event_id}.ics").read_text(encoding="utf-8")
            built |= _occurrences(icalendar.Calendar.from_ical(feed))
        expected = _occurrences(source)
        # the feeds prefix a cancelled date's title; compare the date, the title as the source has it
        built = {(start, title.removeprefix("Abgesagt: ").removeprefix("ABGESAGT: "), s) for start, title, s in built}
        assert built == expected, name
