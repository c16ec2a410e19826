"""`python -m generator import csv`: a town's spreadsheet → content files, checked field by field.

The tables are written as Excel saves them on a German Windows („CSV (Trennzeichen-getrennt)“:
Windows-1252, semicolons, CRLF), with German dates, times, umlauts, a quoted cell with a line
break, an empty line and a line of nothing but separators. Each import must pass `validate`, and a
second import of the same file must change nothing (same bytes, summary „unverändert“).
"""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from generator.cli import main
from generator.importing.csv_columns import COLUMNS
from generator.importing.csv_source import read_text
from generator.importing.records import ImportProblem
from generator.models.common import Contact

if TYPE_CHECKING:
    from conftest import ContentProject  # only for types: under xdist `conftest` may be another folder's

TODAY = "2026-12-08"
ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "tests" / "data"

EVENT_HEADER = (
    "Nr.;Veranstaltung;Datum;Uhrzeit;bis;Veranstaltungsort;Straße;PLZ;Ort;Ortsteil;Veranstalter;Kategorie;"
    "Beschreibung;Eintritt;Link;E-Mail;Telefon;Anmeldung;Zielgruppe;Status"
)
EVENT_ROWS = [
    "1;Sommerfest am Markt;14.12.2027;17:30–19:00;;Marktplatz;;;;;Turnverein Teststadt e. V.;Feste;"
    '"Bratwurst, Musik und Tanz für Groß und Klein.\r\nMit Tombola.";frei;www.example.org/sommerfest;'
    "fest@example.org;03535 12345;;Familien, Kinder;findet statt",
    "",
    "2;Übungsabend für Jugendliche;15.12.27;17.30 - 19 Uhr;;Turnhalle Süd;Schulstraße 3;4916;Teststadt;Mitte;;"
    "Sport;;3,50 € ermäßigt 2 €;;;;ja;;",
    ";;;;;;;;;;;;;;;;;;;",
    "3;Weihnachtsmarkt;Sa., 18.12.2027;ganztägig;19.12.2027;Marktplatz;;;;;;FESTE;;;;;;;;",
    "4;Silvesterparty;31.12.2027;21 Uhr;1 Uhr;Rathaus;;;;;Turnverein Teststadt;Fest;;12;;;;"
    "https://www.example.org/silvester;;abgesagt",
]
EVENTS = {
    "sommerfest-am-markt": {
        "title": "Sommerfest am Markt",
        "organizer": ["turnverein"],
        "category": "fest",
        "venue": "markt",
        "start": "2027-12-14 17:30",
        "end": "19:00",
        "description": "Bratwurst, Musik und Tanz für Groß und Klein.\nMit Tombola.",
        "free": "ja",
        "audiences": ["familien", "kinder"],
        "website": "https://www.example.org/sommerfest",
        "contact": {"email": "fest@example.org", "phone": "03535 12345"},
    },
    "uebungsabend-fuer-jugendliche": {
        "title": "Übungsabend für Jugendliche",
        "category": "sport",
        "location": {
            "name": "Turnhalle Süd",
            "street": "Schulstraße 3",
            "postcode": "04916",
            "city": "Teststadt",
            "district": "mitte",
        },
        "start": "2027-12-15 17:30",
        "end": "19:00",
        "price": "3,50 € ermäßigt 2 €",
        "registration_required": "ja",
    },
    "weihnachtsmarkt": {
        "title": "Weihnachtsmarkt",
        "category": "fest",
        "venue": "markt",
        "start": "2027-12-18",
        "end": "2027-12-19",
    },
    "silvesterparty": {
        "title": "Silvesterparty",
        "organizer": ["turnverein"],
        "category": "fest",
        "venue": "rathaus",
        "start": "2027-12-31 21:00",
        "end": "2028-01-01 01:00",
        "status": "cancelled",
        "price": "12 €",
        "registration": "https://www.example.org/silvester",
        "registration_required": "ja",
    },
}

CLUB_HEADER = (
    "Name;Kurzname;Rubrik;Beschreibung;Ansprechpartner/in;Funktion;E-Mail;Telefon;Homepage;Straße;PLZ;Ort;"
    "Ortsteil;Gründungsjahr;Mitgliedsbeitrag;Stand"
)
CLUB_ROWS = [
    "Schützengilde Teststadt e. V.;Schützengilde;Sport;"
    '"Traditionsverein seit 1851.\r\nSchießstand am Wäldchen.";Jörg Müller;Vorsitzender;gilde@example.org;'
    '03535 2233;www.schuetzen.example.org;Waldweg 5;04916;Teststadt;Borken;1851;"36 € im Jahr, Jugendliche 12 €";',
    "Förderverein Kita „Sonnenschein“;;Feste, Sport;;;;;;;;;;;;;01.10.2026",
]
_ROLE = "role" in Contact.model_fields
CLUBS = {
    "schuetzengilde-teststadt-e-v": {
        "name": "Schützengilde Teststadt e. V.",
        "short_name": "Schützengilde",
        "category": ["sport"],
        "description": "Traditionsverein seit 1851.\nSchießstand am Wäldchen.",
        "contact": {
            **({"role": "Vorsitzender", "name": "Jörg Müller"} if _ROLE else {"name": "Jörg Müller (Vorsitzender)"}),
            "email": "gilde@example.org",
            "phone": "03535 2233",
            "website": "https://www.schuetzen.example.org",
        },
        "district": "borken",
        "address": {"street": "Waldweg 5", "postcode": "04916", "city": "Teststadt"},
        "membership": {"fee": "36 € im Jahr, Jugendliche 12 €"},
        "founded": "1851",
        "reviewed": TODAY,
    },
    "foerderverein-kita-sonnenschein": {
        "name": "Förderverein Kita „Sonnenschein“",
        "category": ["fest", "sport"],
        "reviewed": "2026-10-01",
    },
}

VENUE_HEADER = "Name;Straße;PLZ;Ort;Ortsteil;Breitengrad;Längengrad;Anfahrt;Barrierefrei;Barrierefreies WC"
VENUE_ROWS = [
    'Bürgerhaus Borken;Dorfstraße 12;04916;Teststadt;Borken;51,6843;13,2346;"Bus 561, Haltestelle Dorfplatz";'
    "teilweise;ja",
    "Sportplatz am Wäldchen;Waldweg 5;4916;Teststadt;;51.69;13.25;;ja;nein",
]
VENUES = {
    "buergerhaus-borken": {
        "name": "Bürgerhaus Borken",
        "address": {"street": "Dorfstraße 12", "postcode": "04916", "city": "Teststadt"},
        "district": "borken",
        "geo": {"lat": "51.6843", "lon": "13.2346"},
        "directions": "Bus 561, Haltestelle Dorfplatz",
        "accessibility": {"wheelchair": "limited", "toilet": "ja"},
    },
    "sportplatz-am-waeldchen": {
        "name": "Sportplatz am Wäldchen",
        "address": {"street": "Waldweg 5", "postcode": "04916", "city": "Teststadt"},
        "geo": {"lat": "51.69", "lon": "13.25"},
        "accessibility": {"wheelchair": "yes", "toilet": "nein"},
    },
}

TABLES = {
    "event": (EVENT_HEADER, EVENT_ROWS, EVENTS),
    "club": (CLUB_HEADER, CLUB_ROWS, CLUBS),
    "venue": (VENUE_HEADER, VENUE_ROWS, VENUES),
}
FOLDERS = {"event": "events", "club": "clubs", "venue": "venues"}


def excel_csv(header: str, rows: list[str]) -> bytes:
    """The table as Excel writes „CSV (Trennzeichen-getrennt)“: Windows-1252, CRLF."""
    return "\r\n".join([header, *rows, ""]).encode("cp1252")


def run_import(project: ContentProject, path: Path, kind: str, *extra: str) -> int:
    return main(["--root", str(project.root), "import", "csv", str(path), "--kind", kind, "--today", TODAY, *extra])


def read_files(project: ContentProject, folder: str, ids: object) -> dict[str, object]:
    """The written files as the loader reads them (every scalar a string)."""
    return {
        name: yaml.load((project.content / folder / f"{name}.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        for name in ids  # type: ignore[attr-defined]
    }


def snapshot(project: ContentProject) -> dict[str, bytes]:
    return {str(p.relative_to(project.root)): p.read_bytes() for p in sorted(project.content.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_a_windows_1252_semicolon_table_imports_field_by_field_and_again_unchanged(
    kind: str, project: ContentProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header, rows, expected = TABLES[kind]
    table = tmp_path / "tabelle.csv"
    table.write_bytes(excel_csv(header, rows))
    before = set(snapshot(project))

    assert run_import(project, table, kind) == 0, capsys.readouterr()
    out = capsys.readouterr().out
    assert out.startswith("tabelle.csv: gelesen als Windows-1252, Trennzeichen Semikolon.\n")
    assert f"Neu angelegt: {len(expected)}\n" in out
    assert f"Alle {len(expected)} Dateien dieses Imports sind in Ordnung." in out
    folder = FOLDERS[kind]
    written = set(snapshot(project)) - before
    assert written == {f"content/{folder}/{name}.yml" for name in expected} | {"content/.import/tabelle.yml"}
    assert read_files(project, folder, expected) == expected
    project.assert_problems([])  # the whole project validates

    files = snapshot(project)
    assert run_import(project, table, kind) == 0
    again = capsys.readouterr().out
    assert f"Unverändert: {len(expected)}\n" in again and "Neu angelegt: 0\n" in again
    assert "Alles unverändert" in again
    assert snapshot(project) == files


def test_clubs_without_a_date_of_review_get_the_import_date_and_the_summary_says_so(
    project: ContentProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "vereine.csv"
    table.write_bytes(excel_csv(CLUB_HEADER, CLUB_ROWS))
    run_import(project, table, "club")
    assert (
        "  vereine.csv: „Zuletzt bestätigt“ (reviewed) ist bei 1 Vereinen das Datum des Imports, 08.12.2026,"
        in capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(",", "utf-8-sig"), ("\t", "utf-8"), (";", "utf-8-sig"), (",", "cp1252")]
)
def test_comma_tab_and_utf8_with_bom_give_the_same_files(
    delimiter: str, encoding: str, project: ContentProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each cell quoted as a spreadsheet quotes it for that separator; the files are those of the Excel table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for line in csv.reader(io.StringIO("\r\n".join([EVENT_HEADER, *EVENT_ROWS]), newline=""), delimiter=";"):
        writer.writerow(line)
    table = tmp_path / "kalender.csv"
    table.write_bytes(buffer.getvalue().encode(encoding))
    assert run_import(project, table, "event") == 0
    assert read_files(project, "events", EVENTS) == EVENTS
    assert "gelesen als UTF-8" in capsys.readouterr().out or encoding == "cp1252"


def test_dry_run_writes_nothing(project: ContentProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "kalender.csv"
    table.write_bytes(excel_csv(EVENT_HEADER, EVENT_ROWS))
    before = snapshot(project)
    assert run_import(project, table, "event", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Neu angelegt: 4\n" in out and "Probelauf (--dry-run): Nichts wurde geschrieben." in out
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            excel_csv("Titel;Datum;Bemerkung (intern)", ["Sommerfest;14.12.2027;rückfragen"]),
            "kalender.csv:1: Die Spalte „Bemerkung (intern)“ (Spalte 3) kennt der Import nicht. Für Veranstaltungen "
            "verstanden werden: ID (auch Nr., Nummer, lfd. Nr., Kennung); Titel (auch Veranstaltung, ",
        ),
        (
            b"\r\n\r\nTitel;Termin\r\n",
            "kalender.csv:3: Die Spalte „Termin“ (Spalte 2) kennt der Import nicht.",
        ),
        (
            excel_csv("Titel;Datum;Ort", ["Sommerfest;14.12.2027;Markt", "Herbstfest;14.10.2027;Markt"]).replace(
                b"Herbst", b"Herb\x81st"
            ),
            "kalender.csv:3: Diese Zeile enthält ein Zeichen (Byte 0x81), das weder UTF-8 noch Windows-1252 ist.",
        ),
        (
            excel_csv("Titel;Datum;Ort", ['"Sommerfest;14.12.2027;Markt']),
            "kalender.csv:2: Diese Zeile ist kein gültiges CSV",
        ),
        (
            excel_csv("Titel;Datum;E-Mail;Ort;Mail", ["Sommerfest;14.12.2027;a@example.org;Markt;b@example.org"]),
            "kalender.csv:1: Die Spalten „E-Mail“ und „Mail“ meinen dasselbe.",
        ),
        (
            excel_csv("Titel;Datum;Ort", ["Sommerfest;14.12.2027;Markt", "", "sommerfest;14.12.27;Rathaus"]),
            "kalender.csv:4: Diese Zeile hat denselben Titel und Beginn wie Zeile 2.",
        ),
    ],
    ids=["unknown-column", "header-after-blank-lines", "encoding", "open-quote", "same-field-twice", "same-key"],
)
def test_an_unreadable_table_names_its_line_and_nothing_is_written(
    data: bytes, message: str, project: ContentProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "kalender.csv"
    table.write_bytes(data)
    before = snapshot(project)
    assert run_import(project, table, "event") == 1
    err = capsys.readouterr().err
    assert err.startswith(message), err
    assert err.rstrip().endswith("Nichts wurde geschrieben.")
    assert snapshot(project) == before


def test_a_value_that_cannot_be_read_is_reported_with_its_line_and_kept_in_the_file(
    project: ContentProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "kalender.csv"
    rows = ["Sommerfest;14.12.2027;18 Uhr;Marktplatz;Feste", "Märchenstunde;31.02.2027;17 Uhr;Rathaus;Kino"]
    table.write_bytes(excel_csv("Titel;Datum;Beginn;Ort;Kategorie", rows))
    assert run_import(project, table, "event") == 1
    out = capsys.readouterr().out
    assert "Neu angelegt: 2\n" in out and "Braucht Ihre Aufmerksamkeit: 2\n" in out
    assert (
        "  content/events/maerchenstunde.yml:7 (Quelle kalender.csv:3): Spalte „Datum“: "
        "Den Tag „31.02.2027“ gibt es nicht." in out
    )
    assert (
        "  content/events/maerchenstunde.yml:5 (Quelle kalender.csv:3): Spalte „Kategorie“: Die Kategorie „Kino“" in out
    )
    assert "1 von 2 Dateien dieses Imports bestehen die Prüfung nicht" in out
    written = read_files(project, "events", ["maerchenstunde"])["maerchenstunde"]
    assert written == {"title": "Märchenstunde", "category": "Kino", "venue": "rathaus", "start": "31.02.2027 17 Uhr"}


def test_rows_keys_and_skipped_columns(project: ContentProject, tmp_path: Path) -> None:
    """Two dates of one title on one day are told apart by the time; a „#“ column is skipped; an ID
    column keys the rows, so a renamed title updates its file instead of creating another."""
    table = tmp_path / "fuehrungen.csv"
    header = "ID;Titel;Datum;Uhrzeit;Ort;Kategorie;# intern"
    rows = [
        "a1;Stadtführung;14.12.2027;10 Uhr;Rathaus;Feste;Anna fragen",
        "a2;Stadtführung;14.12.2027;14 Uhr;Rathaus;Feste;",
    ]
    table.write_bytes(excel_csv(header, rows))
    assert run_import(project, table, "event") == 0
    files = sorted(p.name for p in (project.content / "events").glob("*.yml"))
    assert files == ["stadtfuehrung-2027-12-14-2.yml", "stadtfuehrung-2027-12-14.yml"]
    table.write_bytes(excel_csv(header, [rows[0].replace("Stadtführung", "Stadtführung am Vormittag"), rows[1]]))
    assert run_import(project, table, "event") == 0
    assert sorted(p.name for p in (project.content / "events").glob("*.yml")) == files
    renamed = read_files(project, "events", ["stadtfuehrung-2027-12-14"])["stadtfuehrung-2027-12-14"]
    assert renamed["title"] == "Stadtführung am Vormittag"  # type: ignore[index]


def test_twenty_real_leipzig_clubs_from_a_town_spreadsheet(
    project: ContentProject, capsys: pytest.CaptureFixture[str]
) -> None:
    """bench/leipzig_clubs_csv.py wrote them from the real club directory (placeholders for contacts)."""
    shutil.copyfile(DATA_DIR / "import" / "leipzig-town.yml", project.content / "town.yml")
    project.remove("clubs/turnverein.yml")
    for venue in ("rathaus", "markt"):
        path = project.content / "venues" / f"{venue}.yml"
        text = path.read_text(encoding="utf-8").replace("Teststadt", "Leipzig")
        path.write_text(text.replace("borken", "zentrum").replace("mitte", "zentrum"), encoding="utf-8")
    table = DATA_DIR / "import" / "leipzig-vereine.csv"
    assert run_import(project, table, "club") == 0
    out = capsys.readouterr().out
    assert "gelesen als Windows-1252, Trennzeichen Semikolon" in out and "Neu angelegt: 20\n" in out
    assert "bei 17 Vereinen das Datum des Imports" in out  # three rows have a „Stand“
    project.assert_problems([])
    malteser = read_files(project, "clubs", ["malteser-hilfsdienst-e-v"])["malteser-hilfsdienst-e-v"]
    assert malteser == {
        "name": "Malteser Hilfsdienst e.V.",
        "category": ["behinderung", "kinder", "familie", "senioren"],  # „Kinder, Jugend und Familie“ as the data has it
        "district": "connewitz",
        "address": {"street": "Meusdorfer Straße 12", "postcode": "04277", "city": "Leipzig"},
        "reviewed": TODAY,
    }
    adfc = read_files(project, "clubs", ["adfc-leipzig"])["adfc-leipzig"]
    assert adfc["contact"] == {  # type: ignore[index]  # its phone „0000-000000“ is the old software's „none“
        "email": "kontakt-9bb04ac5@example.org",
        "website": "http://www.adfc-leipzig.de",
    }
    assert "In 3 Zeilen steht als Telefonnummer nur „0000-000000“" in out
    assert adfc["reviewed"] == "2017-05-03"  # type: ignore[index]
    assert run_import(project, table, "club") == 0
    assert "Unverändert: 20\n" in capsys.readouterr().out


def test_the_guide_lists_every_column_name_the_import_understands() -> None:
    guide = (ROOT / "docs" / "umzug.md").read_text(encoding="utf-8")
    missing = [
        name for columns in COLUMNS.values() for column in columns for name in column.names if f"„{name}“" not in guide
    ]
    assert not missing, missing


def test_organisers_and_places_stay_as_the_table_names_them_until_matched(project: ContentProject) -> None:
    """Several organisers in one cell (semicolon or line break); a comma stays part of a name; a place
    without its own column for the name is named by its street."""
    site, _ = project.load()
    assert site is not None
    text = (
        "Titel;Datum;Veranstalter;Straße;PLZ Ort;Kategorie\n"
        'Lesung;14.12.2027;"Ev. Grundschule, Förderverein; Bibliothek\nHeimatverein";Markt 3;04916 Teststadt;fest\n'
    )
    read = read_text(text, "events", site.town, date(2026, 12, 8), "lesung.csv")
    (record,) = read.records
    assert record.data["organizer"] == [
        {"name": "Ev. Grundschule, Förderverein"},
        {"name": "Bibliothek"},
        {"name": "Heimatverein"},
    ]
    assert record.data["location"] == {"name": "Markt 3", "street": "Markt 3", "postcode": "04916", "city": "Teststadt"}
    assert (record.key, record.line, record.suggested_id, record.notes) == ("lesung|2027-12-14", 2, "lesung", [])


MESSY_CLUB_HEADER = (
    "Name;Kategorie;Ansprechpartner;Funktion;E-Mail;Telefon;Webseite;Ansprechpartner 2;Funktion 2;E-Mail 2;Tel. 2"
)
MESSY_CLUB_ROWS = [
    '"Sinn &amp; Sein e. V.";Sport;Jörg Müller;Vorstand;'
    '"vorstand@example.org, info@example.org";"0000-000000\r\n03535 2233\r\n03535 2234";'
    '"http://www.sinn.example.org\r\nhttp://sinn.example.org/\r\nhttps://social.example.org/sinn";'
    "Anna Schulz;Jugendwart;jugend@example.org;0170 1234567",
]


def test_several_values_in_one_cell_and_numbered_columns_become_club_contacts(
    project: ContentProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first value of each cell joins the row's contact; every further value is a contact of its own
    (the table does not say which belong together); „E-Mail 2“ … form the second contact. A phone of
    nothing but zeros is a placeholder and the same link twice one link."""
    table = tmp_path / "vereine.csv"
    table.write_bytes(excel_csv(MESSY_CLUB_HEADER, MESSY_CLUB_ROWS))
    assert run_import(project, table, "club") == 0
    out = capsys.readouterr().out
    assert "In 1 Zeilen steht als Telefonnummer nur „0000-000000“" in out
    club = read_files(project, "clubs", ["sinn-sein-e-v"])["sinn-sein-e-v"]
    assert club["name"] == "Sinn & Sein e. V."  # type: ignore[index]
    assert club["contact"] == [  # type: ignore[index]
        {
            "role": "Vorstand",
            "name": "Jörg Müller",
            "email": "vorstand@example.org",
            "phone": "03535 2233",
            "website": "http://www.sinn.example.org",
        },
        {"email": "info@example.org"},
        {"phone": "03535 2234"},
        {"website": "https://social.example.org/sinn"},
        {"role": "Jugendwart", "name": "Anna Schulz", "email": "jugend@example.org", "phone": "0170 1234567"},
    ]
    project.assert_problems([])
    assert run_import(project, table, "club") == 0
    assert "Unverändert: 1\n" in capsys.readouterr().out


def test_a_venue_keeps_its_first_contact_and_names_the_others(
    project: ContentProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "Name;Straße;PLZ;Ort;E-Mail;Telefon;Webseite;Webseite 2;Beschreibung"
    row = (
        '"Caravan Projektladen „Sinn&amp;Sein“";Markt 3;04916;Teststadt;"a@example.org; b@example.org";'
        '"03535 1111\r\n03535 2222";http://a.example.org http://b.example.org;https://c.example.org;'
        '"<p>Offen &amp; bunt<br/>Treffpunkt f&uuml;r alle &#8211; <strong>dienstags</strong></p><p>Zweiter Absatz</p>"'
    )
    table = tmp_path / "orte.csv"
    table.write_bytes(excel_csv(header, [row]))
    assert run_import(project, table, "venue") == 0
    out = capsys.readouterr().out
    venue = read_files(project, "venues", ["caravan-projektladen-sinn-sein"])["caravan-projektladen-sinn-sein"]
    assert venue["name"] == "Caravan Projektladen „Sinn&Sein“"  # type: ignore[index]
    assert venue["contact"] == {  # type: ignore[index]
        "email": "a@example.org",
        "phone": "03535 1111",
        "website": "http://a.example.org",
    }
    assert venue["description"] == (  # type: ignore[index]
        "Offen & bunt\n\nTreffpunkt für alle – **dienstags**\n\nZweiter Absatz"
    )
    assert (
        "content/venues/caravan-projektladen-sinn-sein.yml:15 (Quelle orte.csv:2): Ein Ort hat einen Kontakt; "
        "übernommen ist der erste. Die Tabelle nennt weitere, die nicht übernommen wurden: b@example.org; "
        "03535 2222; http://b.example.org; https://c.example.org."
    ) in out, out
    project.assert_problems([])


def test_an_event_keeps_its_first_link_and_names_the_others(project: ContentProject) -> None:
    site, _ = project.load()
    assert site is not None
    text = (
        "Titel;Datum;Ort;Kategorie;Webseite;E-Mail;E-Mail 2;Beschreibung\n"
        '"Lesung &amp; Gespräch";14.12.2027;Markt;fest;www.a.example.org, www.b.example.org;'
        'noreply@example.org;kultur@example.org;"Eintritt frei &ndash; Spende erbeten"\n'
    )
    (record,) = read_text(text, "events", site.town, date(2026, 12, 8), "lesung.csv").records
    assert record.data["title"] == "Lesung & Gespräch"
    assert record.data["website"] == "https://www.a.example.org"
    assert record.data["contact"] == {"email": "kultur@example.org"}  # the no-reply address is nobody's
    assert record.data["description"] == "Eintritt frei – Spende erbeten"
    assert record.notes == [
        "Ein Termin hat eine Webseite; übernommen ist „https://www.a.example.org“, nicht „https://www.b.example.org“.",
        "Spalte „E-Mail“: „noreply@example.org“ ist eine Absenderadresse, auf die niemand antwortet; sie wurde "
        "nicht übernommen.",
    ]


def test_a_numbered_column_of_a_field_that_is_not_a_contact_still_stops_the_import(project: ContentProject) -> None:
    site, _ = project.load()
    assert site is not None
    with pytest.raises(ImportProblem, match="Die Spalte „Kategorie 2“ \\(Spalte 3\\) kennt der Import nicht"):
        read_text("Titel;Datum;Kategorie 2\nA;14.12.2027;fest\n", "events", site.town, date(2026, 12, 8), "a.csv")


def test_category_stands_in_for_an_empty_category_cell_and_the_summary_says_so(
    project: ContentProject, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "vereine.csv"
    table.write_bytes(excel_csv("Name;Kategorie;E-Mail", ["Kleingartenverein Am Anger;;garten@example.org"]))

    assert run_import(project, table, "club", "--category", "nicht-da") == 1
    assert "Eine Kategorie „nicht-da“ gibt es in content/town.yml nicht" in capsys.readouterr().err
    assert not (project.content / "clubs" / "kleingartenverein-am-anger.yml").exists()

    assert run_import(project, table, "club", "--category", "sport") == 0, capsys.readouterr()
    out = capsys.readouterr().out
    assert "1 Zeilen nennen keine Kategorie; dort steht nun „sport“ (--category)" in out
    written = read_files(project, "clubs", ["kleingartenverein-am-anger"])["kleingartenverein-am-anger"]
    assert written["category"] == ["sport"]  # type: ignore[index]
