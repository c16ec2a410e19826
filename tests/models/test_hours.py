"""`hours`: the daily hours of a multi-day event — where they are allowed, what they mean, how they read."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from generator.derive.daily_hours import DailyHours
from generator.models.event import Event
from generator.models.hours import open_days
from generator.validate.local_times import time_problems

MARKET = {"start": "2026-12-11", "end": "2026-12-13"}  # Friday to Sunday


def event(**fields: Any) -> Event:
    data: dict[str, Any] = {"title": "Weihnachtsmarkt", "category": "fest", "venue": "markt", **MARKET}
    data.update(fields)
    return Event.model_validate(data)


def line(days: Any, start: str, end: str | None = None) -> dict[str, Any]:
    return {"days": days, "from": start, **({"to": end} if end else {})}


def error(**fields: Any) -> tuple[str, str]:
    """(where, message) of the one error, where = loc plus the field that messages.py appends."""
    with pytest.raises(ValidationError) as caught:
        event(**fields)
    (found,) = caught.value.errors()
    field = (found.get("ctx") or {}).get("field")
    where = ".".join(str(part) for part in found["loc"]) + (f"+{field}" if field else "")
    return where, found["msg"]


def test_weekdays_dates_and_a_date_replacing_its_weekday():
    result = event(
        hours=[line("fr", "16:00", "21:00"), line(["sa", "so"], "11:00", "21:00"), line("2026-12-13", "11:00", "19:00")]
    )
    days = open_days(result.start, result.end, result.hours)  # type: ignore[arg-type]
    assert [(day, [(s.start, s.end) for s in slots]) for day, slots in days] == [
        (date(2026, 12, 11), [(datetime(2026, 12, 11, 16), datetime(2026, 12, 11, 21))]),
        (date(2026, 12, 12), [(datetime(2026, 12, 12, 11), datetime(2026, 12, 12, 21))]),
        (date(2026, 12, 13), [(datetime(2026, 12, 13, 11), datetime(2026, 12, 13, 19))]),
    ]


def test_past_midnight_open_end_and_two_slots_a_day():
    result = event(
        hours=[
            line("fr", "20:00", "02:00"),
            line("sa", "08:00"),
            line("so", "10:00", "12:00"),
            line("so", "14:00", "18:00"),
        ]
    )
    days = dict(open_days(result.start, result.end, result.hours))  # type: ignore[arg-type]
    assert days[date(2026, 12, 11)][0].end == datetime(2026, 12, 12, 2)
    assert days[date(2026, 12, 12)][0].end is None
    assert [s.start.hour for s in days[date(2026, 12, 13)]] == [10, 14]


@pytest.mark.parametrize(
    ("fields", "where", "message"),
    [
        ({"repeat": {"freq": "weekly"}, "hours": [line("fr", "16:00")]}, "hours", "nicht für eine Reihe"),
        (
            {"start": "2026-12-11 16:00", "end": "2026-12-13 21:00", "hours": [line("fr", "16:00")]},
            "start",
            "Tage ohne Uhrzeit",
        ),
        ({"end": None, "hours": [line("fr", "16:00")]}, "hours", "Termin an einem Tag"),
        ({"end": "2027-01-31", "hours": [line("fr", "16:00")]}, "hours", "dauert 52 Tage"),
        ({"hours": [line(["fr", "so"], "16:00"), line("mo", "10:00")]}, "hours.1.days", "hat keinen Montag"),
        (
            {"hours": [line(["fr", "so"], "16:00"), line("2026-12-14", "10:00")]},
            "hours.1.days",
            "14.12.2026 liegt nicht im Zeitraum",
        ),
        ({"hours": [line("fr", "16:00")]}, "hours", "endet am So., 13.12.2026"),
        ({"hours": [line(["sa", "so"], "16:00")]}, "hours", "beginnt am Fr., 11.12.2026"),
        (
            {"hours": [line(["fr", "sa", "so"], "11:00", "21:00"), line("sa", "20:00", "23:00")]},
            "hours.1",
            "überschneiden sich: 11:00–21:00 Uhr (Eintrag 1) und 20:00–23:00 Uhr (Eintrag 2)",
        ),
        (
            {"hours": [line(["fr", "sa", "so"], "18:00"), line("sa", "20:00", "23:00")]},
            "hours.1",
            "ohne „to“ gilt bis Mitternacht",
        ),
        (
            {"hours": [line(["fr", "sa"], "20:00", "03:00"), line("sa", "01:00", "02:00"), line("so", "10:00")]},
            "hours.1",
            "überschneiden sich",
        ),
        (
            {"hours": [line(["fr", "sa", "so"], "16:00", "09:00")]},
            "hours.0.to",
            "„to“ (09:00) liegt vor „from“ (16:00)",
        ),
        ({"hours": [line(["fr", "sa", "so"], "16:00", "16:00")]}, "hours.0.to", "„to“ ist gleich „from“"),
        ({"hours": [line("freitag", "16:00")]}, "hours.0.days.0", "weder ein Wochentag noch ein Datum"),
        ({"hours": [line("1fr", "16:00")]}, "hours.0.days.0", "ohne Nummer davor. Schreiben Sie fr oder"),
        ({"hours": [line(["fr", "sa", "so"], "25:00")]}, "hours.0.from", "Uhrzeit"),
    ],
)
def test_hours_that_do_not_fit_get_a_located_german_error(fields, where, message):
    found_where, found_message = error(**fields)
    assert found_where.replace("+", ".").endswith(where) or found_where.split("+")[-1] == where, found_where
    assert message in found_message


def test_hours_in_the_dst_gap_are_reported_at_their_line():
    spring = event(
        start="2027-03-26", end="2027-03-28", hours=[line(["fr", "sa"], "10:00"), line("so", "02:30", "05:00")]
    )
    ((loc, message),) = time_problems(spring, ZoneInfo("Europe/Berlin"))
    assert loc == ("hours", 1, "from")
    assert "02:30 am 28.03.2027 gibt es nicht" in message


def test_hours_in_words_day_by_day_and_by_weekday():
    market = DailyHours.of(event(hours=[line("fr", "16:00", "21:00"), line(["sa", "so"], "11:00", "21:00")]))
    assert market is not None
    assert market.compact() == "Fr. 16–21, Sa.–So. 11–21 Uhr"
    assert market.rows() == [
        ("Fr., 11. Dezember", "16:00–21:00 Uhr"),
        ("Sa., 12. Dezember", "11:00–21:00 Uhr"),
        ("So., 13. Dezember", "11:00–21:00 Uhr"),
    ]
    assert (market.on(date(2026, 12, 11)), market.on(date(2026, 12, 14))) == ("16:00–21:00", "")
    exhibition = DailyHours.of(
        event(
            start="2027-10-01",
            end="2027-10-30",
            hours=[
                line(["di", "mi", "do", "fr"], "10:00", "18:30"),
                line("sa", "10:00"),
                line("2027-10-03", "14:00", "17:00"),
            ],
        )
    )
    assert exhibition is not None
    assert exhibition.compact() == "Di.–Fr. 10–18:30, Sa. ab 10 Uhr"
    assert exhibition.rows() == [
        ("Dienstag bis Freitag", "10:00–18:30 Uhr"),
        ("Samstag", "ab 10:00 Uhr"),
        ("So., 3. Oktober", "14:00–17:00 Uhr"),
    ]
    assert not exhibition.is_open(date(2027, 10, 4)) and exhibition.is_open(date(2027, 10, 3))
