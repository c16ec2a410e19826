"""Cells as town spreadsheets write them: German dates, times, ranges, prices, postcodes, encodings."""

from __future__ import annotations

from datetime import date, time

import pytest

from generator.importing.csv_source import decode, sniff_delimiter
from generator.importing.csv_values import (
    Unreadable,
    When,
    read_coordinates,
    read_postcode,
    read_price,
    read_wheelchair,
    read_when,
    read_year,
    split_postcode_city,
)
from generator.importing.records import ImportProblem

DAY = date(2027, 12, 14)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("14.12.2027", When((DAY,))),
        ("14.12.27", When((DAY,))),
        ("2027-12-14", When((DAY,))),
        ("Di., 14.12.2027", When((DAY,))),
        ("14.12.2027 00:00:00", When((DAY,), (time(0, 0),))),
        ("17:30", When((), (time(17, 30),))),
        ("17.30", When((), (time(17, 30),))),
        ("17 Uhr", When((), (time(17, 0),))),
        ("ab 9.00 Uhr", When((), (time(9, 0),))),
        ("17:30–19:00", When((), (time(17, 30), time(19, 0)))),
        ("17:30 - 19:00 Uhr", When((), (time(17, 30), time(19, 0)))),
        ("17 bis 19 Uhr", When((), (time(17, 0), time(19, 0)))),
        ("14.12.2027, 17:30 Uhr", When((DAY,), (time(17, 30),))),
        ("14.12.2027 – 16.12.2027", When((DAY, date(2027, 12, 16)))),
        ("ganztägig", When()),
    ],
)
def test_dates_and_times_as_written_in_german_spreadsheets(cell: str, expected: When) -> None:
    assert read_when(cell) == expected


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31.02.2027", "Den Tag „31.02.2027“ gibt es nicht."),
        ("25:00", "Die Uhrzeit in „25:00“ gibt es nicht."),
        ("14.12.", "„14.12.“ ist kein Datum und keine Uhrzeit"),
        ("nach Absprache", "„nach Absprache“ ist kein Datum und keine Uhrzeit"),
    ],
)
def test_unreadable_dates_say_what_is_wrong(cell: str, message: str) -> None:
    with pytest.raises(Unreadable) as caught:
        read_when(cell)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("frei", (True, None)),
        ("Eintritt frei", (True, None)),
        ("kostenlos", (True, None)),
        ("0,00 €", (True, None)),
        ("5", (False, "5 €")),
        ("3,50", (False, "3,50 €")),
        ("5 €, ermäßigt 3 €", (False, "5 €, ermäßigt 3 €")),
    ],
)
def test_prices(cell: str, expected: tuple[bool, str | None]) -> None:
    assert read_price(cell) == expected


def test_postcodes_years_coordinates_and_access() -> None:
    assert read_postcode("4916") == "04916"  # Excel dropped the leading zero
    assert split_postcode_city("04916 Herzberg (Elster)") == ("04916", "Herzberg (Elster)")
    assert split_postcode_city("Herzberg") == (None, "Herzberg")
    assert read_year("seit 1851") == read_year("01.05.1851") == 1851
    assert read_coordinates("51,6843; 13,2346") == read_coordinates("51.6843, 13.2346") == (51.6843, 13.2346)
    assert [read_wheelchair(w) for w in ("ja", "teilweise", "Eingeschränkt", "nein")] == [
        "yes",
        "limited",
        "limited",
        "no",
    ]
    with pytest.raises(Unreadable):
        read_postcode("049")


def test_encodings_utf8_first_then_windows_1252() -> None:
    text = "Titel;Ort\nMärchenstunde;Bücherei\n"
    assert decode(text.encode("utf-8"), "t.csv") == (text, "UTF-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "t.csv") == (text, "UTF-8")
    assert decode(text.encode("cp1252"), "t.csv") == (text, "Windows-1252")
    assert decode(text.encode("utf-16"), "t.csv") == (text, "UTF-16")


def test_bytes_that_are_no_text_name_their_line() -> None:
    with pytest.raises(ImportProblem) as caught:
        decode(b"Titel;Ort\nA;B\nC\x81;D\n", "t.csv")
    assert caught.value.line == 3 and "Byte 0x81" in caught.value.message
    mixed = "Titel;Ort\nMärchen;Bücherei\n".encode() + "Fußball;Platz\n".encode("cp1252")
    with pytest.raises(ImportProblem) as caught:
        decode(mixed, "t.csv")
    assert str(caught.value).startswith("t.csv:3: Die Datei mischt zwei Zeichenkodierungen")


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("Titel;Datum;Ort", ";"), ("Titel,Datum,Ort", ","), ("Titel\tDatum\tOrt", "\t"), ('"Titel, kurz";Datum', ";")],
)
def test_the_header_line_decides_the_separator(header: str, delimiter: str) -> None:
    assert sniff_delimiter(f"\n{header}\nA;B,C\tD\n") == delimiter
