"""Which events the feeds carry: any occurrence ending 90 days before "today" or later."""

from __future__ import annotations

from datetime import date

import pytest

from generator.models.event import Event
from generator.outputs.feeds.window import Span, span, window_start

BASE = {"title": "T", "category": "fest", "venue": "markt"}


def event(**fields: object) -> Event:
    return Event.model_validate({**BASE, **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"start": "2027-05-21 15:00", "end": "19:00"}, Span(date(2027, 5, 21), date(2027, 5, 21))),
        ({"start": "2027-06-05", "end": "2027-06-06"}, Span(date(2027, 6, 5), date(2027, 6, 6))),
        ({"start": "2027-01-06 18:00", "repeat": {"freq": "weekly"}}, Span(date(2027, 1, 6), None)),
        (
            {"start": "2027-01-06 18:00", "repeat": {"freq": "weekly", "count": 3, "except": ["2027-01-20"]}},
            Span(date(2027, 1, 6), date(2027, 1, 13)),
        ),
        (
            {
                "start": "2027-01-06 18:00",
                "repeat": {
                    "freq": "weekly",
                    "until": "2027-01-20",
                    "changes": [{"date": "2027-01-20", "start": "2027-02-03 18:00"}],
                },
            },
            Span(date(2027, 1, 6), date(2027, 2, 3)),
        ),
    ],
)
def test_span_covers_every_occurrence(fields, expected):
    assert span(event(**fields)) == expected


def test_the_window_starts_90_days_before_today():
    today = date(2027, 1, 10)
    assert window_start(today) == date(2026, 10, 12)
    assert span(event(start="2026-10-12 10:00")).reaches(window_start(today))
    assert not span(event(start="2026-10-11 10:00")).reaches(window_start(today))
    assert span(event(start="2026-10-10", end="2026-10-12")).reaches(window_start(today))
