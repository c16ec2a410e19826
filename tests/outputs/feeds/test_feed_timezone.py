"""The VTIMEZONE built from zoneinfo: exact text for Europe/Berlin, offsets checked by an independent reader."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz

from generator.outputs.feeds.timezone import transitions, vtimezone


def test_berlin_has_onsets_at_two_and_three_local_time_and_open_yearly_rules():
    assert vtimezone("Europe/Berlin", 2026, 2028).decode().split("\r\n") == [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Berlin",
        "BEGIN:DAYLIGHT",
        "DTSTART:20260329T020000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "TZNAME:CEST",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20261025T030000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
        "TZNAME:CET",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
        "END:VTIMEZONE",
        "",
    ]


def test_berlin_before_1996_ends_summer_time_in_september_with_until():
    text = vtimezone("Europe/Berlin", 1990, 1999).decode()
    assert "DTSTART:19900930T030000\r\nRRULE:FREQ=YEARLY;UNTIL=19950925T010000Z;BYDAY=-1SU;BYMONTH=9\r\n" in text
    assert "DTSTART:19961027T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n" in text
    assert "RDATE" not in text


def test_zone_without_dst_has_one_fixed_standard_part():
    assert vtimezone("Asia/Tokyo", 2026, 2028).decode().split("\r\n")[2:8] == [
        "BEGIN:STANDARD",
        "DTSTART:20260101T000000",
        "TZNAME:JST",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "END:STANDARD",
    ]


def test_transitions_are_found_to_the_second():
    found = transitions(ZoneInfo("Europe/Berlin"), 2027, 2027)
    assert [(t.utc.isoformat(), t.onset.isoformat(), t.name) for t in found] == [
        ("2027-03-28T01:00:00+00:00", "2027-03-28T02:00:00", "CEST"),
        ("2027-10-31T01:00:00+00:00", "2027-10-31T03:00:00", "CET"),
    ]


@pytest.mark.parametrize(
    ("zone", "first", "last"),
    [
        ("Europe/Berlin", 2025, 2030),
        ("Europe/Berlin", 1979, 1999),  # summer time introduced 1980, rule changes 1996
        ("Europe/London", 2025, 2028),
        ("America/New_York", 2005, 2010),  # US rule change 2007
        ("America/Sao_Paulo", 2016, 2022),  # summer time abolished 2019
        ("Australia/Sydney", 2025, 2028),  # southern hemisphere
        ("Asia/Tokyo", 2025, 2027),
    ],
)
def test_an_independent_reader_gets_the_offsets_of_zoneinfo(zone: str, first: int, last: int):
    """dateutil's VTIMEZONE reader: local noon of every day, every local hour of the days around each
    change, and every half hour (UTC) around each change — only the UTC side sees a wrong onset."""
    text = "BEGIN:VCALENDAR\r\n" + vtimezone(zone, first, last).decode() + "END:VCALENDAR\r\n"
    parsed = tz.tzical(io.StringIO(text)).get(zone)
    expected = ZoneInfo(zone)
    moments = [datetime(first + 1, 1, 1, 12) + timedelta(days=n) for n in range(365 * (last - first))]
    for change in transitions(expected, first + 1, last):
        day = datetime.combine(change.onset.date(), datetime.min.time())
        moments += [day + timedelta(hours=n) for n in range(-24, 48)]
        for step in range(-6, 7):
            instant = change.utc + timedelta(minutes=30 * step)
            assert instant.astimezone(parsed).replace(tzinfo=None) == instant.astimezone(expected).replace(
                tzinfo=None
            ), (zone, instant)
    for moment in moments:
        aware = moment.replace(tzinfo=expected)
        unambiguous = aware.replace(fold=1).utcoffset() == aware.utcoffset()
        exists = datetime.fromtimestamp(aware.timestamp(), expected).replace(tzinfo=None) == moment
        if unambiguous and exists:
            assert moment.replace(tzinfo=parsed).utcoffset() == aware.utcoffset(), (zone, moment)
