"""One occurrence of one event, as the page templates list it (the Catalog builds them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from generator.models.event import Event
from generator.models.schedule import Occurrence
from generator.models.site import Record
from generator.render import german


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
        clock = german.clock(start) if isinstance(start, datetime) else "00:00"  # all-day first
        return (self.day, clock, self.event.data.title.lower(), self.event.id)
