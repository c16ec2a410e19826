"""The Event model on its own: start/end combinations and the consistency rules of a series."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from generator.models.common import WrittenOffset
from generator.models.event import Event, Frequency, Status
from generator.models.schedule import occurrences


def event(**fields: Any) -> Event:
    data: dict[str, Any] = {"title": "Sommerfest", "category": "fest", "venue": "markt"}
    data.update(fields)
    return Event.model_validate(data)


def errors(**fields: Any) -> list[tuple[tuple[Any, ...], str, Any]]:
    """(loc, msg, ctx field) of every error; the ctx field is what messages.py appends to loc."""
    with pytest.raises(ValidationError) as caught:
        event(**fields)
    return [(e["loc"], e["msg"], (e.get("ctx") or {}).get("field")) for e in caught.value.errors()]


# --- start and end ---------------------------------------------------------------------------


def test_end_time_only_is_combined_with_the_start_day() -> None:
    result = event(start="2027-05-21 15:00", end="19:00")
    assert result.start == datetime(2027, 5, 21, 15, 0)
    assert result.end == datetime(2027, 5, 21, 19, 0)
    assert not result.all_day


def test_end_with_date_and_time() -> None:
    assert event(start="2027-05-21 22:00", end="2027-05-22 02:00").end == datetime(2027, 5, 22, 2, 0)


def test_all_day_event_over_several_days() -> None:
    result = event(start="2027-07-02", end="2027-07-04")
    assert (result.start, result.end, result.all_day) == (date(2027, 7, 2), date(2027, 7, 4), True)


def test_all_day_event_on_one_day_may_name_the_same_end_day() -> None:
    assert event(start="2027-07-02", end="2027-07-02").end == date(2027, 7, 2)


def test_midnight_start_is_a_timed_event() -> None:
    result = event(start="2027-05-21 00:00")
    assert result.start == datetime(2027, 5, 21, 0, 0)
    assert not result.all_day


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (
            "2027-05-21 15:00",
            "14:00",
            "Das Ende 14:00 liegt vor dem Beginn. Endet der Termin nach Mitternacht, schreiben Sie das Datum "
            "dazu, z. B. end: 2027-05-22 14:00.",
        ),
        ("2027-05-21", "2027-05-20", "Das Ende liegt vor dem Beginn. Prüfen Sie Datum und Uhrzeit von „end“."),
        ("2027-05-21 15:00", "15:00", "Das Ende ist gleich dem Beginn. Lassen Sie „end“ weg, wenn das Ende offen ist."),
        ("2027-05-21", "18:00", "Ein ganztägiger Termin endet an einem Tag (JJJJ-MM-TT), nicht zu einer Uhrzeit."),
        (
            "2027-05-21",
            "2027-05-21 18:00",
            "Der Termin ist ganztägig (Beginn ohne Uhrzeit), also ist das Ende ein Tag (JJJJ-MM-TT), der letzte Tag "
            "des Termins.",
        ),
        (
            "2027-05-21 15:00",
            "2027-05-22",
            "Der Termin beginnt mit Uhrzeit, also braucht auch das Ende eine Uhrzeit "
            "(JJJJ-MM-TT HH:MM oder nur HH:MM).",
        ),
    ],
)
def test_start_and_end_must_fit(start: str, end: str, message: str) -> None:
    assert errors(start=start, end=end) == [((), message, "end")]


# --- place, price, words for enums ------------------------------------------------------------


def test_venue_or_location_but_not_both() -> None:
    assert errors(start="2027-05-21", location={"name": "Garten"}) == [
        ((), "Nennen Sie entweder „venue“ (Ort aus content/venues/) oder „location“, nicht beides.", "location")
    ]


def test_place_is_required() -> None:
    with pytest.raises(ValidationError) as caught:
        Event.model_validate({"title": "T", "category": "fest", "start": "2027-05-21"})
    assert [(e["loc"], e["msg"], (e.get("ctx") or {}).get("field")) for e in caught.value.errors()] == [
        ((), "Es fehlt der Ort. Geben Sie „venue“ (Kennung aus content/venues/) oder „location“ an.", "venue")
    ]


def test_free_event_has_no_price() -> None:
    assert errors(start="2027-05-21", free="ja", price="5 €") == [
        ((), "Der Termin ist als kostenlos (free: ja) markiert und hat zugleich einen Preis.", "price")
    ]


def test_german_words_for_status_and_frequency() -> None:
    result = event(start="2027-05-04 18:00", status="Abgesagt", repeat={"freq": "wöchentlich"})
    assert result.status is Status.cancelled
    assert result.repeat is not None
    assert result.repeat.freq is Frequency.weekly


# --- the repeat rule ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("repeat", "loc", "message", "field"),
    [
        pytest.param(
            {"freq": "weekly", "until": "2027-12-31", "count": "10"},
            ("repeat",),
            "Nennen Sie entweder „until“ (bis wann) oder „count“ (wie oft), nicht beides.",
            "count",
            id="until-and-count",
        ),
        pytest.param(
            {"freq": "weekly", "days": ["1mo"]},
            ("repeat",),
            "Eine Nummer vor dem Wochentag (z. B. „1…“) gibt es nur bei freq: monthly. Bei wöchentlichen Terminen "
            "schreiben Sie nur den Tag, z. B. di.",
            "days",
            id="ordinal-with-weekly",
        ),
        pytest.param(
            {"freq": "daily", "days": ["-1fr"]},
            ("repeat",),
            "Eine Nummer vor dem Wochentag (z. B. „-1…“) gibt es nur bei freq: monthly. Bei wöchentlichen Terminen "
            "schreiben Sie nur den Tag, z. B. di.",
            "days",
            id="ordinal-with-daily",
        ),
        pytest.param(
            {"freq": "monthly", "days": ["di"]},
            ("repeat",),
            "Bei freq: monthly braucht der Wochentag eine Nummer davor: 1di = erster Dienstag, 3di = dritter "
            "Dienstag, -1fr = letzter Freitag im Monat. Für jede Woche: freq: weekly.",
            "days",
            id="monthly-weekday-without-ordinal",
        ),
        pytest.param(
            {"freq": "yearly", "days": ["1sa"]},
            ("repeat",),
            "Eine Nummer vor dem Wochentag (z. B. „1…“) gibt es nur bei freq: monthly. Bei wöchentlichen Terminen "
            "schreiben Sie nur den Tag, z. B. di.",
            "days",
            id="yearly-with-ordinal",
        ),
        pytest.param(
            {"freq": "yearly", "days": ["sa"]},
            ("repeat",),
            "Bei freq: yearly wiederholt sich der Termin am selben Datum wie „start“; lassen Sie „days“ weg.",
            "days",
            id="yearly-with-days",
        ),
        pytest.param(
            {"freq": "weekly", "except": ["2027-05-11"], "cancelled": ["2027-05-11"]},
            ("repeat",),
            "Der 11.05.2027 steht in mehreren Listen (except, cancelled, changes). Ein Termin entfällt, ist abgesagt "
            "oder geändert — nur eines davon.",
            "cancelled",
            id="except-and-cancelled",
        ),
        pytest.param(
            {"freq": "weekly", "except": ["2027-05-11"], "changes": [{"date": "2027-05-11", "note": "x"}]},
            ("repeat",),
            "Der 11.05.2027 steht in mehreren Listen (except, cancelled, changes). Ein Termin entfällt, ist abgesagt "
            "oder geändert — nur eines davon.",
            "except",
            id="except-and-changes",
        ),
        pytest.param(
            {"freq": "weekly", "changes": [{"date": "2027-05-11", "note": "a"}, {"date": "2027-05-11", "note": "b"}]},
            ("repeat",),
            "Ein Datum steht mehrfach unter „changes“. Fassen Sie die Änderungen eines Termins zusammen.",
            "changes",
            id="change-twice",
        ),
        pytest.param(
            {"freq": "weekly", "changes": [{"date": "2027-05-11"}]},
            ("repeat", "changes", 0),
            "Die Änderung nennt nur ein Datum. Geben Sie an, was sich ändert (start, end, venue, title oder note).",
            "date",
            id="change-only-date",
        ),
        pytest.param(
            {"freq": "weekly", "changes": [{"date": "2027-05-11", "venue": "markt", "location": {"name": "Halle"}}]},
            ("repeat", "changes", 0),
            "Nennen Sie entweder „venue“ oder „location“, nicht beides.",
            "location",
            id="change-venue-and-location",
        ),
        pytest.param(
            {"freq": "weekly", "changes": [{"date": "2027-05-11", "start": "2027-05-12"}]},
            (),
            "Die Änderung zum 11.05.2027: Der neue Beginn muss wie „start“ eine Uhrzeit haben.",
            "repeat.changes.0.start",
            id="change-start-without-time",
        ),
    ],
)
def test_repeat_consistency(repeat: dict[str, Any], loc: tuple[Any, ...], message: str, field: str) -> None:
    assert errors(start="2027-05-04 18:00", repeat=repeat) == [(loc, message, field)]


def test_change_of_all_day_series_must_not_have_a_time() -> None:
    assert errors(
        start="2027-05-04", repeat={"freq": "weekly", "changes": [{"date": "2027-05-11", "start": "2027-05-12 10:00"}]}
    ) == [
        (
            (),
            "Die Änderung zum 11.05.2027: Der neue Beginn muss wie „start“ ein Tag ohne Uhrzeit sein.",
            "repeat.changes.0.start",
        )
    ]


# --- the end of a changed occurrence -----------------------------------------------------------

_END_BEFORE_START = "Das Ende liegt vor dem Beginn. Prüfen Sie Datum und Uhrzeit von „end“."


@pytest.mark.parametrize(
    ("start", "changes", "message", "field"),
    [
        pytest.param(
            "2027-07-05",
            [{"date": "2027-07-12", "end": "18:00"}],
            "Ein ganztägiger Termin endet an einem Tag (JJJJ-MM-TT), nicht zu einer Uhrzeit.",
            "repeat.changes.0.end",
            id="all-day-series-time-end",
        ),
        pytest.param(
            "2027-05-04 18:00",
            [{"date": "2027-05-11", "end": "17:00"}],
            _END_BEFORE_START,
            "repeat.changes.0.end",
            id="end-before-regular-start",
        ),
        pytest.param(
            "2027-05-04 18:00",
            [{"date": "2027-05-11", "start": "2027-05-11 19:00", "end": "18:30"}],
            _END_BEFORE_START,
            "repeat.changes.0.end",
            id="end-before-changed-start",
        ),
        pytest.param(
            "2027-05-04",
            [{"date": "2027-05-11", "note": "Halle"}, {"date": "2027-05-18", "end": "2027-05-17"}],
            _END_BEFORE_START,
            "repeat.changes.1.end",
            id="second-change",
        ),
    ],
)
def test_change_end_must_fit_its_start(start: str, changes: list[dict[str, str]], message: str, field: str) -> None:
    assert errors(start=start, repeat={"freq": "weekly", "changes": changes}) == [((), message, field)]


@pytest.mark.parametrize(
    ("start", "change", "end"),
    [
        ("2027-05-04 18:00", {"date": "2027-05-11", "end": "20:00"}, datetime(2027, 5, 11, 20, 0)),
        ("2027-05-04", {"date": "2027-05-11", "end": "2027-05-13"}, date(2027, 5, 13)),
    ],
)
def test_change_end_that_fits_is_accepted(start: str, change: dict[str, str], end: date) -> None:
    result = event(start=start, repeat={"freq": "weekly", "count": "2", "changes": [change]})
    assert [o.end for o in occurrences(result)][1] == end


# --- ISO 8601 date-times ------------------------------------------------------------------


def test_an_offset_is_kept_aside_and_the_time_stored_as_written() -> None:
    written = event(start="2027-06-19T14:00:00+02:00", end="2027-06-19T18:00+02:00")
    plain = event(start="2027-06-19 14:00", end="2027-06-19 18:00")
    assert (written.start, written.end) == (datetime(2027, 6, 19, 14, 0), datetime(2027, 6, 19, 18, 0))
    assert written.start.tzinfo is None and written.end.tzinfo is None  # type: ignore[union-attr]
    assert written == plain
    assert written.model_dump() == plain.model_dump()
    assert written.written_offsets == {
        "start": WrittenOffset("+02:00", timedelta(hours=2)),
        "end": WrittenOffset("+02:00", timedelta(hours=2)),
    }
    assert plain.written_offsets == {}


def test_offsets_of_a_change_are_kept_with_the_change() -> None:
    result = event(
        start="2027-05-04 18:00",
        repeat={"freq": "weekly", "changes": [{"date": "2027-05-11", "start": "2027-05-11T19:00Z", "end": "21:00"}]},
    )
    (change,) = result.repeat.changes  # type: ignore[union-attr]
    assert change.start == datetime(2027, 5, 11, 19, 0)
    assert change.written_offsets == {"start": WrittenOffset("Z", timedelta(0))}
    assert result.written_offsets == {}


def test_an_offset_in_a_text_field_is_not_kept() -> None:
    result = event(title="2027-06-19T14:00+02:00", start="2027-06-19")  # a title that looks like a date-time
    assert result.written_offsets == {}
