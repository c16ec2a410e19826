"""The field types every model shares: each parses the author's text or explains in German why not.

One table of accepted inputs and one of rejected inputs with their exact messages.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from generator.models import common
from generator.models.weekdays import Weekday, WeekdayList

_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def validate(kind: Any, value: Any) -> Any:
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter.validate_python(value)


def error_message(kind: Any, value: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        validate(kind, value)
    (error,) = caught.value.errors()
    return error["msg"]


ACCEPTED = [
    # text and ids
    (common.Text, "Sommerfest", "Sommerfest"),
    (common.Slug, "tag-der-nachbarn", "tag-der-nachbarn"),
    (common.SlugList, "sport", ["sport"]),
    (common.SlugList, ["sport", "fest"], ["sport", "fest"]),
    (common.SlugList, None, []),
    (common.TextList, "Grillen", ["Grillen"]),
    # links and contact data
    (common.HttpUrl, "https://www.example.org/termine?jahr=2027#mai", "https://www.example.org/termine?jahr=2027#mai"),
    (common.HttpUrl, "http://example.org:8080/", "http://example.org:8080/"),
    # scheme and host are case-insensitive (RFC 3986); German umlaut domains exist
    pytest.param(common.HttpUrl, "HTTPS://Example.org/", "HTTPS://Example.org/", id="upper-case-scheme"),
    pytest.param(
        common.HttpUrl, "http://WWW.Example.ORG/Termine", "http://WWW.Example.ORG/Termine", id="upper-case-host"
    ),
    pytest.param(
        common.HttpUrl,
        "https://www.müller-verein.de/termine",
        "https://www.müller-verein.de/termine",
        id="umlaut-domain",
    ),
    (common.Email, "info@example.org", "info@example.org"),
    (common.Email, "mailto:info@example.org", "info@example.org"),
    (common.Phone, "03535 12345", "03535 12345"),
    (common.Phone, "+49 (3535) 123-45", "+49 (3535) 123-45"),
    (common.Phone, "03535/12345", "03535/12345"),
    (common.Postcode, "01067", "01067"),
    # yes/no and numbers
    (common.YesNo, "ja", True),
    (common.YesNo, "Nein", False),
    (common.YesNo, "yes", True),
    (common.YesNo, "NO", False),
    (common.YesNo, "true", True),
    (common.PositiveInt, "3", 3),
    (common.Year, "1990", 1990),
    (common.Latitude, "51,6843", 51.6843),
    (common.Longitude, "-13.5", -13.5),
    # dates and times
    (common.LocalDate, "2027-05-21", date(2027, 5, 21)),
    (common.LocalDate, "2028-02-29", date(2028, 2, 29)),
    (common.LocalDate, "1900-01-01", date(1900, 1, 1)),
    (common.LocalDate, "2199-12-31", date(2199, 12, 31)),
    (common.LocalDateOrDateTime, "2027-05-21", date(2027, 5, 21)),
    (common.LocalDateOrDateTime, "2027-05-21 15:00", datetime(2027, 5, 21, 15, 0)),
    (common.LocalDateOrDateTime, "2027-05-21T9:05", datetime(2027, 5, 21, 9, 5)),
    (common.LocalDateOrDateTime, "2027-05-21 00:00", datetime(2027, 5, 21, 0, 0)),  # midnight is not all-day
    # ISO 8601 as export tools write it: the naive local time as written (the offset is checked in layer 2)
    (common.LocalDateOrDateTime, "2027-12-14T17:30", datetime(2027, 12, 14, 17, 30)),
    (common.LocalDateOrDateTime, "2027-12-14T17:30:00", datetime(2027, 12, 14, 17, 30)),
    (common.LocalDateOrDateTime, "2027-12-14 17:30:00", datetime(2027, 12, 14, 17, 30)),
    (common.LocalDateOrDateTime, "2017-10-18T9:00:00+02:00", datetime(2017, 10, 18, 9, 0)),
    (common.LocalDateOrDateTime, "2027-12-14t17:30z", datetime(2027, 12, 14, 17, 30)),
    (common.LocalDateOrDateTime, "2027-12-14 17:30:00 +0100", datetime(2027, 12, 14, 17, 30)),
    (common.LocalDateOrDateTime, "2027-12-14T17:30-05", datetime(2027, 12, 14, 17, 30)),
    (common.EndValue, "2027-12-14T19:00:00+01:00", datetime(2027, 12, 14, 19, 0)),
    (common.EndValue, "19:00", time(19, 0)),
    (common.EndValue, "2027-05-23", date(2027, 5, 23)),
    (common.EndValue, "2027-05-21 19:00", datetime(2027, 5, 21, 19, 0)),
    (common.TimeOfDay, "9:30", time(9, 30)),
    (common.LocalDateList, ["2027-05-11", "2027-05-18"], [date(2027, 5, 11), date(2027, 5, 18)]),
    (common.LocalDateList, "2027-05-11", [date(2027, 5, 11)]),
    (WeekdayList, ["di", "TH", "-1fr", "1mo"], [Weekday(1), Weekday(3), Weekday(4, -1), Weekday(0, 1)]),
    (WeekdayList, "so", [Weekday(6)]),
]


@pytest.mark.parametrize(("kind", "value", "expected"), ACCEPTED)
def test_accepted(kind: Any, value: Any, expected: Any) -> None:
    result = validate(kind, value)
    assert result == expected
    assert type(result) is type(expected)


_NO_LINK = "ist kein erlaubter Link. Nur Adressen, die mit https:// oder http:// beginnen, sind erlaubt, z. B. https://www.example.org/."
_ID_RULE = (
    "ist keine gültige Kennung. Kennungen bestehen nur aus Kleinbuchstaben a–z, Ziffern und Bindestrichen, "
    "z. B. „foerderverein-freibad“ (ä → ae, ö → oe, ß → ss)."
)
_TIMEPOINT = (
    "ist kein gültiger Zeitpunkt. Schreiben Sie JJJJ-MM-TT HH:MM, z. B. 2027-05-21 15:00, oder nur JJJJ-MM-TT "
    "für ganztägige Termine."
)
_END = (
    "ist kein gültiges Ende. Schreiben Sie JJJJ-MM-TT HH:MM, nur HH:MM (gleicher Tag) oder JJJJ-MM-TT "
    "(letzter Tag eines ganztägigen Termins)."
)

REJECTED = [
    pytest.param(
        common.Text,
        "   ",
        "Darf nicht leer sein. Tragen Sie einen Text ein oder löschen Sie die Zeile.",
        id="empty-text",
    ),
    pytest.param(
        common.Text,
        {"de": "Fest"},
        "Hier wird ein einfacher Text erwartet, keine Liste und keine Unterfelder.",
        id="mapping-as-text",
    ),
    pytest.param(
        common.Text,
        ["a", "b"],
        "Hier wird ein einfacher Text erwartet, keine Liste und keine Unterfelder.",
        id="list-as-text",
    ),
    pytest.param(common.Slug, "Sport", f"„Sport“ {_ID_RULE}", id="slug-upper-case"),
    pytest.param(common.Slug, "gärten", f"„gärten“ {_ID_RULE}", id="slug-umlaut"),
    pytest.param(
        common.SlugList,
        ["sport", "fest", "sport"],
        "„sport“ steht doppelt in der Liste. Nennen Sie jeden Eintrag nur einmal.",
        id="slug-twice",
    ),
    pytest.param(common.HttpUrl, "javascript:alert(1)", f"„javascript:alert(1)“ {_NO_LINK}", id="javascript"),
    pytest.param(common.HttpUrl, "ftp://example.org/", f"„ftp://example.org/“ {_NO_LINK}", id="ftp"),
    pytest.param(common.HttpUrl, "mailto:info@example.org", f"„mailto:info@example.org“ {_NO_LINK}", id="mailto"),
    pytest.param(common.HttpUrl, "www.example.org", f"„www.example.org“ {_NO_LINK}", id="no-scheme"),
    pytest.param(
        common.HttpUrl,
        "https://example.org/mein termin",
        "„https://example.org/mein termin“ ist kein gültiger Link. Prüfen Sie die Adresse auf Leerzeichen und "
        "Tippfehler, z. B. https://www.example.org/termine.",
        id="space-in-link",
    ),
    pytest.param(
        common.Email,
        "info(at)example.org",
        "„info(at)example.org“ ist keine gültige E-Mail-Adresse, z. B. info@example.org.",
        id="email-at",
    ),
    pytest.param(
        common.Email,
        "info@example",
        "„info@example“ ist keine gültige E-Mail-Adresse, z. B. info@example.org.",
        id="email-no-tld",
    ),
    pytest.param(
        common.Phone,
        "0800-RUF-AN",
        "„0800-RUF-AN“ ist keine gültige Telefonnummer. Schreiben Sie nur Ziffern, Leerzeichen und + / - ( ), "
        "z. B. 03535 12345 oder +49 3535 12345.",
        id="phone-letters",
    ),
    pytest.param(
        common.Postcode,
        "4916",
        "„4916“ ist keine gültige Postleitzahl. Sie hat genau fünf Ziffern, z. B. 04916.",
        id="postcode-4",
    ),
    pytest.param(
        common.Postcode,
        "D-04916",
        "„D-04916“ ist keine gültige Postleitzahl. Sie hat genau fünf Ziffern, z. B. 04916.",
        id="postcode-prefix",
    ),
    pytest.param(
        common.YesNo,
        "vielleicht",
        "„vielleicht“ ist weder ja noch nein. Schreiben Sie ja oder nein (bzw. true oder false).",
        id="yes-no",
    ),
    pytest.param(
        common.PositiveInt, "0", "„0“ ist keine gültige Anzahl. Schreiben Sie eine ganze Zahl ab 1, z. B. 2.", id="zero"
    ),
    pytest.param(
        common.Year, "90", "„90“ ist keine gültige Jahreszahl. Schreiben Sie vier Ziffern, z. B. 1990.", id="year"
    ),
    pytest.param(common.Latitude, "91", "Breite 91.0 liegt außerhalb von −90 bis 90.", id="latitude"),
    pytest.param(
        common.Longitude,
        "Osten",
        "„Osten“ ist keine Zahl. Schreiben Sie die Länge mit Punkt, z. B. 51.6843.",
        id="longitude",
    ),
    pytest.param(
        common.LocalDate,
        "21.05.2027",
        "„21.05.2027“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2027-05-21. "
        "Meinten Sie 2027-05-21?",
        id="german-date",
    ),
    pytest.param(
        common.LocalDate,
        "1.5.2027",
        "„1.5.2027“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2027-05-21. "
        "Meinten Sie 2027-05-01?",
        id="german-date-short",
    ),
    pytest.param(
        common.LocalDate,
        "Mai 2027",
        "„Mai 2027“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2027-05-21.",
        id="words",
    ),
    pytest.param(
        common.LocalDate, "2027-02-30", "Den Tag „2027-02-30“ gibt es nicht. Prüfen Sie Tag und Monat.", id="feb-30"
    ),
    pytest.param(
        common.LocalDate, "2027-02-29", "Den Tag „2027-02-29“ gibt es nicht. Prüfen Sie Tag und Monat.", id="no-leap"
    ),
    pytest.param(
        common.LocalDate, "2027-13-01", "Den Tag „2027-13-01“ gibt es nicht. Prüfen Sie Tag und Monat.", id="month-13"
    ),
    pytest.param(
        common.LocalDateOrDateTime,
        "21.05.2027",
        f"„21.05.2027“ {_TIMEPOINT} Meinten Sie 2027-05-21?",
        id="german-start",
    ),
    pytest.param(
        common.LocalDateOrDateTime,
        "21.05.2027 15.00 Uhr",
        f"„21.05.2027 15.00 Uhr“ {_TIMEPOINT} Meinten Sie 2027-05-21 15:00?",
        id="german-start-time",
    ),
    pytest.param(
        common.LocalDateOrDateTime,
        "2027-05-21 24:00",
        "Die Uhrzeit in „2027-05-21 24:00“ gibt es nicht. Erlaubt ist 00:00 bis 23:59.",
        id="hour-24",
    ),
    pytest.param(
        common.LocalDateOrDateTime,
        "2027-04-31 10:00",
        "Den Tag „2027-04-31 10:00“ gibt es nicht. Prüfen Sie Tag und Monat.",
        id="april-31",
    ),
    pytest.param(
        common.EndValue,
        "19:60",
        "Die Uhrzeit in „19:60“ gibt es nicht. Erlaubt ist 00:00 bis 23:59.",
        id="end-minute-60",
    ),
    pytest.param(
        common.LocalDateOrDateTime,
        "2027-12-14T17:30:15",
        "„2027-12-14T17:30:15“ nennt Sekunden; Termine stehen auf die Minute genau. Schreiben Sie 2027-12-14 17:30.",
        id="seconds",
    ),
    pytest.param(
        common.LocalDateOrDateTime,
        "2027-12-14 9:30:00.000",
        "„2027-12-14 9:30:00.000“ nennt Sekunden; Termine stehen auf die Minute genau. Schreiben Sie 2027-12-14 09:30.",
        id="fraction-of-a-second",
    ),
    # the offset stays in the suggestion: without it the time might silently mean another instant
    pytest.param(
        common.LocalDateOrDateTime,
        "2027-12-14T17:30:59.5-05:00",
        "„2027-12-14T17:30:59.5-05:00“ nennt Sekunden; Termine stehen auf die Minute genau. "
        "Schreiben Sie 2027-12-14T17:30-05:00.",
        id="seconds-with-offset",
    ),
    # a minus after HH:MM with a space before the time is a range, not a UTC offset
    pytest.param(
        common.LocalDateOrDateTime, "2027-05-21 15:00-18:00", f"„2027-05-21 15:00-18:00“ {_TIMEPOINT}", id="range"
    ),
    pytest.param(
        common.LocalDateOrDateTime, "2027-05-21T15:00+24:00", f"„2027-05-21T15:00+24:00“ {_TIMEPOINT}", id="offset-24h"
    ),
    pytest.param(
        common.LocalDateOrDateTime,
        "2027-05-21T25:00:00+02:00",
        "Die Uhrzeit in „2027-05-21T25:00:00+02:00“ gibt es nicht. Erlaubt ist 00:00 bis 23:59.",
        id="hour-25-iso",
    ),
    pytest.param(
        common.EndValue,
        "2027-12-14 19:00:30",
        "„2027-12-14 19:00:30“ nennt Sekunden; Termine stehen auf die Minute genau. Schreiben Sie 2027-12-14 19:00.",
        id="end-seconds",
    ),
    pytest.param(common.EndValue, "2027-05-21 15:00-18:00", f"„2027-05-21 15:00-18:00“ {_END}", id="end-range"),
    pytest.param(common.EndValue, "19 Uhr", f"„19 Uhr“ {_END}", id="end-words"),
    pytest.param(
        common.LocalDate,
        "1899-12-31",
        "Das Jahr 1899 in „1899-12-31“ liegt außerhalb von 1900 bis 2199. Prüfen Sie die Jahreszahl.",
        id="year-before-1900",
    ),
    pytest.param(
        common.LocalDateOrDateTime,
        "9999-12-31T23:30:00-05:00",
        "Das Jahr 9999 in „9999-12-31T23:30:00-05:00“ liegt außerhalb von 1900 bis 2199. Prüfen Sie die Jahreszahl.",
        id="year-9999",
    ),
    # a well-formed end that names a day that does not exist keeps the precise message
    pytest.param(
        common.EndValue, "2027-02-30", "Den Tag „2027-02-30“ gibt es nicht. Prüfen Sie Tag und Monat.", id="end-feb-30"
    ),
    pytest.param(
        common.EndValue,
        "2027-04-31 10:00",
        "Den Tag „2027-04-31 10:00“ gibt es nicht. Prüfen Sie Tag und Monat.",
        id="end-april-31",
    ),
    pytest.param(
        common.EndValue,
        "2027-05-21 25:00",
        "Die Uhrzeit in „2027-05-21 25:00“ gibt es nicht. Erlaubt ist 00:00 bis 23:59.",
        id="end-hour-25",
    ),
    pytest.param(common.EndValue, "2027-5-21", f"„2027-5-21“ {_END}", id="end-short-month"),
    pytest.param(
        common.EndValue, "21.05.2027 19:00", f"„21.05.2027 19:00“ {_END} Meinten Sie 2027-05-21 19:00?", id="end-german"
    ),
    pytest.param(
        common.TimeOfDay,
        "9 Uhr",
        "„9 Uhr“ ist keine gültige Uhrzeit. Schreiben Sie HH:MM, z. B. 09:30.",
        id="time-words",
    ),
    pytest.param(
        common.LocalDateList,
        ["2027-05-11", "2027-05-11"],
        "„2027-05-11“ steht doppelt in der Liste. Nennen Sie jeden Eintrag nur einmal.",
        id="date-twice",
    ),
    pytest.param(
        WeekdayList,
        ["di", "tu"],
        "„Dienstag“ steht doppelt in der Liste. Nennen Sie jeden Eintrag nur einmal.",
        id="weekday-twice",
    ),
    pytest.param(
        WeekdayList,
        ["1mo", "+1mo"],
        "„1. Montag“ steht doppelt in der Liste. Nennen Sie jeden Eintrag nur einmal.",
        id="ordinal-weekday-twice",
    ),
    pytest.param(
        WeekdayList,
        ["-1fr", "-1fr"],
        "„letzter Freitag“ steht doppelt in der Liste. Nennen Sie jeden Eintrag nur einmal.",
        id="last-weekday-twice",
    ),
    pytest.param(
        WeekdayList,
        "montag",
        "„montag“ ist kein Wochentag. Erlaubt sind mo, di, mi, do, fr, sa, so (oder mo, tu, we, th, fr, sa, su); "
        "bei monatlichen Terminen mit Nummer davor, z. B. 1mo (erster Montag) oder -1fr (letzter Freitag).",
        id="weekday-word",
    ),
]


@pytest.mark.parametrize(("kind", "value", "message"), REJECTED)
def test_rejected(kind: Any, value: Any, message: str) -> None:
    assert error_message(kind, value) == message


_EMPTY = "Das Feld ist leer. Tragen Sie einen Wert ein."


@pytest.mark.parametrize(
    "kind",
    [
        common.Text,
        common.Slug,
        common.HttpUrl,
        common.Email,
        common.Postcode,
        common.YesNo,
        common.PositiveInt,
        common.LocalDate,
        common.LocalDateOrDateTime,
        common.EndValue,
        common.TimeOfDay,
    ],
)
def test_empty_value_is_reported_as_empty(kind: Any) -> None:
    # `key:` with nothing after it arrives as None; optional fields accept it before these validators run
    assert error_message(kind, None) == _EMPTY


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027-12-14T17:30:00+01:00", common.WrittenOffset("+01:00", timedelta(hours=1))),
        ("2027-12-14 17:30 +0530", common.WrittenOffset("+0530", timedelta(hours=5, minutes=30))),
        ("2027-12-14T17:30-03:30", common.WrittenOffset("-03:30", timedelta(hours=-3, minutes=-30))),
        ("2027-12-14T17:30:00-01", common.WrittenOffset("-01", timedelta(hours=-1))),
        (" 2027-12-14T17:30Z ", common.WrittenOffset("Z", timedelta(0))),
        ("2027-12-14T17:30", None),
        ("2027-12-14", None),
        ("2027-12-14 15:00-18:00", None),  # a range
        ("19:00", None),
        (None, None),
    ],
)
def test_written_offset(value: Any, expected: common.WrittenOffset | None) -> None:
    assert common.written_offset(value) == expected
