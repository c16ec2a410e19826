"""Occurrences of all events in a date window, sorted as citizens expect to read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from generator.models.event import Event
from generator.models.schedule import Occurrence, occurrences
from generator.models.site import Record, Site


@dataclass(frozen=True)
class AgendaItem:
    event: Record[Event]
    occurrence: Occurrence

    # cached: templates and the catalog ask for these millions of times at county scale
    @cached_property
    def day(self) -> date:
        start = self.occurrence.start
        return start.date() if isinstance(start, datetime) else start

    @cached_property
    def last_day(self) -> date:
        end = self.occurrence.end or self.occurrence.start
        return end.date() if isinstance(end, datetime) else end

    @cached_property
    def sort_key(self) -> tuple[date, str, str, str]:
        start = self.occurrence.start
        clock = f"{start:%H:%M}" if isinstance(start, datetime) else "00:00"  # all-day first
        return (self.day, clock, self.event.data.title.lower(), self.event.id)


def agenda(site: Site, first: date, last: date, events: list[Record[Event]] | None = None) -> list[AgendaItem]:
    """Occurrences that touch the days ``first``..``last`` (inclusive), sorted by start."""
    items = []
    for record in events if events is not None else site.events.values():
        for occurrence in occurrences(record.data, last):
            item = AgendaItem(record, occurrence)
            if item.last_day >= first and item.day <= last:
                items.append(item)
    return sorted(items, key=lambda item: item.sort_key)
