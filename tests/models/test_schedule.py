"""occurrences(): the dates an event takes place, with except/cancelled/changes applied;
and local_time_exists(), the daylight-saving helper."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from generator.models.event import Event, Status
from generator.models.schedule import (
    local_time_exists,
    local_time_is_doubled,
    occurrences,
    regular_starts,
    wall_time_hit_by_clock_change,
)

BERLIN = ZoneInfo("Europe/Berlin")


def event(start: str, end: str | None = None, **fields: Any) -> Event:
    data: dict[str, Any] = {"title": "Training", "category": "sport", "venue": "halle", "start": start}
    if end is not None:
        data["end"] = end
    data.update(fields)
    return Event.model_validate(data)


def summary(evt: Event, until: date | None = None) -> list[tuple[Any, ...]]:
    """(regular date, start, end, status, moved?) of every occurrence."""
    return [(o.original_date, o.start, o.end, o.status.value, o.moved) for o in occurrences(evt, until)]


def starts(evt: Event, until: date | None = None) -> list[Any]:
    return [o.start for o in occurrences(evt, until)]


def test_single_event_has_one_occurrence() -> None:
    evt = event("2027-05-21 15:00", "19:00")
    assert summary(evt) == [
        (date(2027, 5, 21), datetime(2027, 5, 21, 15), datetime(2027, 5, 21, 19), "scheduled", False)
    ]
    assert summary(evt, until=date(2027, 5, 20)) == []
    assert len(summary(evt, until=date(2027, 5, 21))) == 1


def test_weekly_series_with_except_cancelled_and_changes() -> None:
    evt = event(
        "2027-05-04 18:00",
        "20:00",
        repeat={
            "freq": "weekly",
            "days": ["di"],
            "until": "2027-06-01",
            "except": ["2027-05-11"],
            "cancelled": "2027-05-18",
            "changes": [
                {"date": "2027-05-25", "start": "2027-05-26 18:30", "note": "Einen Tag später."},
                {"date": "2027-06-01", "end": "21:30"},
            ],
        },
    )
    assert summary(evt) == [
        (date(2027, 5, 4), datetime(2027, 5, 4, 18), datetime(2027, 5, 4, 20), "scheduled", False),
        # 2027-05-11 is excepted: it disappears
        (date(2027, 5, 18), datetime(2027, 5, 18, 18), datetime(2027, 5, 18, 20), "cancelled", False),
        # moved: keeps its regular date as identity and its two-hour duration
        (date(2027, 5, 25), datetime(2027, 5, 26, 18, 30), datetime(2027, 5, 26, 20, 30), "scheduled", True),
        # only the end changes; `until` is inclusive
        (date(2027, 6, 1), datetime(2027, 6, 1, 18), datetime(2027, 6, 1, 21, 30), "scheduled", False),
    ]
    notes = [o.change.note if o.change else None for o in occurrences(evt)]
    assert notes == [None, None, "Einen Tag später.", None]


def test_weekly_on_two_days_every_second_week() -> None:
    evt = event("2027-05-04 18:00", repeat={"freq": "weekly", "interval": "2", "days": ["di", "do"], "count": "5"})
    assert starts(evt) == [
        datetime(2027, 5, 4, 18),
        datetime(2027, 5, 6, 18),
        datetime(2027, 5, 18, 18),
        datetime(2027, 5, 20, 18),
        datetime(2027, 6, 1, 18),
    ]


def test_monthly_on_the_last_friday() -> None:
    evt = event("2027-01-29 19:00", "21:00", repeat={"freq": "monthly", "days": "-1fr", "count": "5"})
    assert starts(evt) == [
        datetime(2027, 1, 29, 19),
        datetime(2027, 2, 26, 19),
        datetime(2027, 3, 26, 19),
        datetime(2027, 4, 30, 19),
        datetime(2027, 5, 28, 19),
    ]
    assert all(o.end is not None and o.end.hour == 21 for o in occurrences(evt))


def test_monthly_on_the_first_monday_open_ended_needs_a_horizon() -> None:
    evt = event("2027-01-04 19:00", repeat={"freq": "monatlich", "days": ["1mo"]})
    assert starts(evt, until=date(2027, 4, 30)) == [
        datetime(2027, 1, 4, 19),
        datetime(2027, 2, 1, 19),
        datetime(2027, 3, 1, 19),
        datetime(2027, 4, 5, 19),
    ]


def test_count_counts_regular_dates_including_excepted_ones() -> None:
    # RFC 5545: EXDATE removes dates from the set that COUNT produced
    evt = event("2027-05-04 18:00", repeat={"freq": "weekly", "count": "3", "except": ["2027-05-11"]})
    assert starts(evt) == [datetime(2027, 5, 4, 18), datetime(2027, 5, 18, 18)]
    assert len(list(regular_starts(evt))) == 3


def test_all_day_multi_day_series_keeps_its_length() -> None:
    evt = event("2027-07-02", "2027-07-04", repeat={"freq": "yearly", "count": "3"})
    assert summary(evt) == [
        (date(2027, 7, 2), date(2027, 7, 2), date(2027, 7, 4), "scheduled", False),
        (date(2028, 7, 2), date(2028, 7, 2), date(2028, 7, 4), "scheduled", False),
        (date(2029, 7, 2), date(2029, 7, 2), date(2029, 7, 4), "scheduled", False),
    ]


def test_moved_all_day_occurrence_keeps_its_length_in_days() -> None:
    evt = event(
        "2027-07-02",
        "2027-07-04",
        repeat={"freq": "weekly", "count": "2", "changes": [{"date": "2027-07-09", "start": "2027-07-10"}]},
    )
    assert summary(evt) == [
        (date(2027, 7, 2), date(2027, 7, 2), date(2027, 7, 4), "scheduled", False),
        (date(2027, 7, 9), date(2027, 7, 10), date(2027, 7, 12), "scheduled", True),
    ]


def test_all_day_occurrence_without_end() -> None:
    evt = event("2027-07-05", repeat={"freq": "daily", "count": "2"})
    assert summary(evt) == [
        (date(2027, 7, 5), date(2027, 7, 5), None, "scheduled", False),
        (date(2027, 7, 6), date(2027, 7, 6), None, "scheduled", False),
    ]


def test_cancelled_series_cancels_every_occurrence() -> None:
    evt = event("2027-05-04 18:00", status="abgesagt", repeat={"freq": "weekly", "count": "2"})
    assert [o.status for o in occurrences(evt)] == [Status.cancelled, Status.cancelled]


def test_series_keeps_local_wall_time_across_the_dst_change() -> None:
    evt = event("2027-03-23 19:00", "21:00", repeat={"freq": "weekly", "count": "2"})
    assert [(o.start, o.end) for o in occurrences(evt)] == [
        (datetime(2027, 3, 23, 19), datetime(2027, 3, 23, 21)),
        (datetime(2027, 3, 30, 19), datetime(2027, 3, 30, 21)),
    ]


@pytest.mark.parametrize(
    ("moment", "zone", "exists"),
    [
        pytest.param(datetime(2027, 3, 28, 2, 30), "Europe/Berlin", False, id="spring-gap-0230"),
        pytest.param(datetime(2027, 3, 28, 2, 0), "Europe/Berlin", False, id="spring-gap-0200"),
        pytest.param(datetime(2027, 3, 28, 2, 59), "Europe/Berlin", False, id="spring-gap-0259"),
        pytest.param(datetime(2027, 3, 28, 1, 59), "Europe/Berlin", True, id="before-gap"),
        pytest.param(datetime(2027, 3, 28, 3, 0), "Europe/Berlin", True, id="after-gap"),
        pytest.param(datetime(2026, 3, 29, 2, 30), "Europe/Berlin", False, id="spring-gap-2026"),
        pytest.param(datetime(2027, 3, 21, 2, 30), "Europe/Berlin", True, id="week-before"),
        pytest.param(datetime(2027, 10, 31, 2, 30), "Europe/Berlin", True, id="autumn-twice-is-fine"),
        pytest.param(datetime(2027, 3, 28, 2, 30), "UTC", True, id="utc"),
        pytest.param(datetime(2027, 3, 14, 0, 30), "America/Havana", False, id="midnight-change"),
        pytest.param(datetime(2027, 10, 3, 2, 15), "Australia/Lord_Howe", False, id="half-hour-change"),
    ],
)
def test_local_time_exists(moment: datetime, zone: str, exists: bool) -> None:
    assert local_time_exists(moment, ZoneInfo(zone)) is exists


@pytest.mark.parametrize(
    ("moment", "zone", "doubled"),
    [
        pytest.param(datetime(2027, 10, 31, 2, 0), "Europe/Berlin", True, id="autumn-0200"),
        pytest.param(datetime(2027, 10, 31, 2, 30), "Europe/Berlin", True, id="autumn-0230"),
        pytest.param(datetime(2027, 10, 31, 2, 59), "Europe/Berlin", True, id="autumn-0259"),
        pytest.param(datetime(2027, 10, 31, 1, 59), "Europe/Berlin", False, id="before-doubled-hour"),
        pytest.param(datetime(2027, 10, 31, 3, 0), "Europe/Berlin", False, id="after-doubled-hour"),
        pytest.param(datetime(2026, 10, 25, 2, 30), "Europe/Berlin", True, id="autumn-2026"),
        pytest.param(datetime(2027, 10, 24, 2, 30), "Europe/Berlin", False, id="week-before"),
        pytest.param(datetime(2027, 3, 28, 2, 30), "Europe/Berlin", False, id="spring-gap-is-not-doubled"),
        pytest.param(datetime(2027, 10, 31, 2, 30), "UTC", False, id="utc"),
        pytest.param(datetime(2027, 11, 7, 0, 30), "America/Havana", True, id="midnight-change"),
        pytest.param(datetime(2027, 4, 4, 1, 45), "Australia/Lord_Howe", True, id="half-hour-change"),
    ],
)
def test_local_time_is_doubled(moment: datetime, zone: str, doubled: bool) -> None:
    assert local_time_is_doubled(moment, ZoneInfo(zone)) is doubled


@pytest.mark.parametrize(
    ("wall_time", "hit"),
    [(time(2, 30), True), (time(2, 0), True), (time(1, 59), False), (time(3, 0), False), (time(18, 0), False)],
)
def test_wall_time_hit_by_clock_change(wall_time: time, hit: bool) -> None:
    assert wall_time_hit_by_clock_change(wall_time, ZoneInfo("Europe/Berlin")) is hit
