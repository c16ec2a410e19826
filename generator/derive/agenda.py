"""One occurrence of one event, as the page templates list it (the Catalog builds them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar, overload

from generator import urls
from generator.derive import german
from generator.derive.daily_hours import DailyHours
from generator.models.event import Event, Status
from generator.models.schedule import Occurrence
from generator.models.site import Record

T = TypeVar("T")


class once(Generic[T]):
    """`functools.cached_property` without its lock: Python 3.11's lock costs more than most of
    these values (an item's first `day`, `title`, … are computed ~300,000 times at county scale).
    The value lands in the instance's `__dict__`, which later lookups find without this class."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> once[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> T | once[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass(frozen=True)
class AgendaItem:
    event: Record[Event]
    occurrence: Occurrence
    district: str | None = None
    """The Ortsteil of this date's place (`derive/places.py`): a moved date's, else the event's."""

    # computed once: templates and the catalog ask for these millions of times at county scale
    @once
    def day(self) -> date:
        start = self.occurrence.start
        return start.date() if isinstance(start, datetime) else start

    @once
    def last_day(self) -> date:
        end = self.occurrence.end or self.occurrence.start
        return end.date() if isinstance(end, datetime) else end

    @once
    def sort_key(self) -> tuple[date, str, str, str]:
        start = self.occurrence.start
        clock = german.clock(start) if isinstance(start, datetime) else "00:00"  # all-day first
        return (self.day, clock, self.event.data.title.lower(), self.event.id)

    # --- what the lists show ---------------------------------------------------------------

    @once
    def title(self) -> str:
        """The event's title, or the title this one occurrence was given."""
        change = self.occurrence.change
        return change.title if change and change.title else self.event.data.title

    @once
    def url(self) -> str:
        """The event's page (site-relative: pass it through `view.link`)."""
        return urls.event(self.event.id)

    @once
    def cancelled(self) -> bool:
        return self.occurrence.status is Status.cancelled

    @once
    def postponed(self) -> bool:
        return self.occurrence.status is Status.postponed

    @once
    def moved(self) -> bool:
        return self.occurrence.moved

    @once
    def hours(self) -> DailyHours | None:
        """The hours per day of a multi-day event that has `hours`."""
        return DailyHours.of(self.event.data)

    def clock_on(self, day: date) -> str:
        """What the month grid writes before the title on ``day``: the start time on the first day
        (`19:00–21:00`, `ganztägig`), that day's hours for an event with `hours`, else nothing."""
        if self.hours is not None:
            return self.hours.on(day)
        return self.time.replace(" Uhr", "") if day == self.day else ""

    def order_on(self, day: date) -> str:
        """Where the month grid puts the item on ``day``: by that day's opening for an event with
        `hours` (the Saturday market after the 9:00 run), else as the lists do (all-day first)."""
        if self.hours is not None:
            return self.hours.on(day)[:5] or "00:00"
        return self.sort_key[1] if day == self.day else "00:00"

    def open_on(self, day: date) -> bool:
        """Whether the month grid lists the item on ``day`` (an event with `hours` skips closed days)."""
        return self.hours is None or self.hours.is_open(day)

    @once
    def time(self) -> str:
        """`19:00–21:00 Uhr`, `19:00 Uhr` (no end, or the next day), `ganztägig`, or the hours of a
        multi-day event ("Fr. 16–21, Sa.–So. 11–21 Uhr")."""
        start, end = self.occurrence.start, self.occurrence.end
        if not isinstance(start, datetime):
            return self.hours.compact() if self.hours is not None else "ganztägig"
        if isinstance(end, datetime) and end.date() == start.date():
            return f"{german.clock(start)}–{german.clock(end)} Uhr"
        return f"{german.clock(start)} Uhr"
