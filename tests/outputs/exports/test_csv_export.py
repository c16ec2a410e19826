"""CSV for German Excel: BOM, `;`, CRLF, quoting, German column names, no formula injection."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from export_helpers import load

from generator.derive.catalog import Catalog
from generator.outputs.exports.csv_export import CLUB_COLUMNS, EVENT_COLUMNS, clubs_csv, events_csv, to_csv


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 mit BOM"
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert text.endswith("\r\n") and text.count("\r\n") == len(rows), "jede Zeile endet mit CRLF"
    return rows


def test_events_csv_has_one_row_per_date_with_german_columns(town: Path) -> None:
    site = load(town)
    catalog = Catalog.build(site, date(2027, 6, 1))
    rows = _rows(events_csv(site, catalog.upcoming(days=90)))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert all(len(row) == len(EVENT_COLUMNS) for row in rows)
    by_title = {}
    for row in rows[1:]:
        by_title.setdefault(row[4], []).append(dict(zip(EVENT_COLUMNS, row, strict=True)))
    moved = by_title["Sommertreff"][0]
    assert (moved["Datum"], moved["Wochentag"], moved["Beginn"], moved["Ende"]) == (
        "2027-06-17", "Donnerstag", "18:30", "20:30",
    )  # fmt: skip
    assert moved["Hinweis"] == "verlegt vom 16.06.2027; Wegen des Stadtfests am Donnerstag auf dem Markt."
    assert moved["Ort"] == "Marktplatz" and moved["Adresse"].endswith("04916 Teststadt")
    fest = by_title["Stadtfest"][0]
    assert (fest["Beginn"], fest["Ende"], fest["Eintritt"], fest["Veranstalter"]) == (
        "ganztägig", "2027-06-06", "frei", "",
    )  # fmt: skip
    # no organiser written: none named, not the town
    assert moved["Veranstalter"] == "Turnverein Teststadt e. V."
    dates = [row[0] for row in rows[1:]]
    assert dates == sorted(dates)


def test_quotes_semicolons_and_line_breaks_survive(town: Path) -> None:
    site = load(town)
    catalog = Catalog.build(site, date(2027, 1, 10))
    data = events_csv(site, catalog.upcoming(days=90))
    rows = _rows(data)
    vortrag = next(dict(zip(EVENT_COLUMNS, row, strict=True)) for row in rows if row[15] == "vortrag")
    assert vortrag["Titel"] == "Vortrag: Äpfel, Birnen; Quitten \\ Co."
    assert vortrag["Ort"] == "Garten „Zur Linde“; hinten, links"
    assert vortrag["Eintritt"] == "5 €; ermäßigt 3 €"
    assert '"Vortrag: Äpfel, Birnen; Quitten \\ Co."' in data.decode("utf-8-sig")
    table = _rows(to_csv(("A", "B"), [['Er sagt "ja"', "Zeile 1\nZeile 2"]]))
    assert table[1] == ['Er sagt "ja"', "Zeile 1\nZeile 2"]


def test_cells_that_excel_would_run_as_formulas_are_defused() -> None:
    rows = _rows(to_csv(("A", "B", "C", "D", "E"), [["=HYPERLINK(1)", "+49 3535", "-1", "@SUM(A1)", "ok = gut"]]))
    assert rows[1] == ["'=HYPERLINK(1)", "'+49 3535", "'-1", "'@SUM(A1)", "ok = gut"]


def test_clubs_csv_keeps_the_leading_zero_of_postcodes(sample) -> None:
    site, _ = sample
    rows = _rows(clubs_csv(site))
    assert tuple(rows[0]) == CLUB_COLUMNS
    assert len(rows) == len(site.clubs) + 1
    clubs = {row[0]: dict(zip(CLUB_COLUMNS, row, strict=True)) for row in rows[1:]}
    chor = next(c for c in clubs.values() if c["PLZ und Ort"])
    assert chor["PLZ und Ort"].startswith("0"), "PLZ und Ort in einer Zelle: Excel behält die führende Null"
    heimat = clubs["heimatverein-herzberg"]
    assert heimat["Seite im Portal"] == "https://engagiert-herzberg.example.org/vereine/heimatverein-herzberg/"
    assert heimat["Neue Mitglieder willkommen"] == "ja" and "\n" not in heimat["Beschreibung"]
