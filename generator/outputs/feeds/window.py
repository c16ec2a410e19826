"""Which events a feed carries: those with any occurrence from 90 days before "today" onward.

A series is carried whole (one RRULE event with all its exceptions) as long as
any of its occurrences, cancelled ones included, ends inside the window; so a
weekly group that started years ago stays in the feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from generator.models.event import Event
from generator.models.schedule import occurrences

WINDOW_DAYS = 90


@dataclass(frozen=True)
class Span:
    """The first and last day an event touches; ``last`` is None for an open-ended series."""

    first: date
    last: date | None

    def reaches(self, day: date) -> bool:
        return self.last is None or self.last >= day


def window_start(today: date) -> date:
    return today - timedelta(days=WINDOW_DAYS)


def span(event: Event) -> Span:
    """First and last day of all occurrences (and of DTSTART, which an excluded first date keeps)."""
    first = _day(event.start)
    repeat = event.repeat
    if repeat is None:
        return Span(first, _day(event.end) if event.end is not None else first)
    if repeat.until is None and repeat.count is None:
        moved = [_day(change.start) for change in repeat.changes if change.start is not None]
        return Span(min([first, *moved]), None)
    last = first
    for occurrence in occurrences(event):
        first = min(first, _day(occurrence.start))
        last = max(last, _day(occurrence.end if occurrence.end is not None else occurrence.start))
    return Span(first, last)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
