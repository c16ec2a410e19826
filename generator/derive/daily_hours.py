"""The hours of a multi-day event (`hours`) in German, as the lists, its page and the month show them.

* compact, for the time column of a list: "Fr. 16–21, Sa.–So. 11–21 Uhr"; a span of more than a
  week by weekday: "Di.–Fr. 10–18, Sa. 10–13 Uhr"
* rows, for the event page and the poster: one per open day ("Fr., 11. Dezember" – "16:00–21:00 Uhr"),
  or for a longer span one per group of weekdays plus the days that differ ("Sa., 3. Oktober" –
  "geschlossen")
* per day, for the month grid: "16:00–21:00"
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property

from generator.derive.german import MONTHS, clock
from generator.models.event import Event
from generator.models.hours import Slot, open_days
from generator.models.weekdays import GERMAN_NAMES, GERMAN_SHORT

WEEK = 7
"""Spans up to a week are told day by day; longer ones by weekday."""

Times = tuple[tuple[time, time | None], ...]
"""The slots of one day as wall-clock times: what two days must share to be told together."""


@dataclass(frozen=True)
class DailyHours:
    days: tuple[tuple[date, tuple[Slot, ...]], ...]
    """Each open day with its slots, in order."""
    first: date
    last: date

    @classmethod
    def of(cls, event: Event) -> DailyHours | None:
        if not event.hours or isinstance(event.start, datetime) or not isinstance(event.end, date):
            return None
        return cls(tuple(open_days(event.start, event.end, event.hours)), event.start, event.end)

    @property
    def by_weekday(self) -> bool:
        return (self.last - self.first).days + 1 > WEEK

    @cached_property
    def _by_day(self) -> dict[date, tuple[Slot, ...]]:
        return dict(self.days)

    def on(self, day: date) -> str:
        """The hours of ``day`` for the month grid ("16:00–21:00"), "" when closed."""
        return _times(_times_of(self._by_day.get(day, ())), short=False)

    def is_open(self, day: date) -> bool:
        return day in self._by_day

    def compact(self) -> str:
        """ "Fr. 16–21, Sa.–So. 11–21 Uhr" (the time column of lists)."""
        if self.by_weekday:
            groups = self._weekday_groups(short=True)
        else:
            groups = [(_short_span(run[0], run[-1]), times) for run, times in self.runs()]
        return ", ".join(f"{label} {_times(times, short=True)}" for label, times in groups) + " Uhr"

    def rows(self) -> list[tuple[str, str]]:
        """(days, hours) lines for the event page and the poster."""
        if not self.by_weekday:
            return [(_day_name(day), _times(_times_of(slots), short=False) + " Uhr") for day, slots in self.days]
        rows = [(label, _times(times, short=False) + " Uhr") for label, times in self._weekday_groups(short=False)]
        usual = self._usual()
        day = self.first
        while day <= self.last:
            times = _times_of(self._by_day.get(day, ()))
            if times != usual[day.weekday()]:
                rows.append((_day_name(day), _times(times, short=False) + " Uhr" if times else "geschlossen"))
            day += timedelta(days=1)
        return rows

    # --- grouping ---------------------------------------------------------------------------

    def runs(self) -> list[tuple[list[date], Times]]:
        """Consecutive open days with the same times."""
        runs: list[tuple[list[date], Times]] = []
        for day, slots in self.days:
            times = _times_of(slots)
            if runs and runs[-1][1] == times and runs[-1][0][-1] + timedelta(days=1) == day:
                runs[-1][0].append(day)
            else:
                runs.append(([day], times))
        return runs

    def _usual(self) -> dict[int, Times]:
        """The times each weekday has on most of its days in the span (closed: ``()``)."""
        seen: dict[int, Counter[Times]] = {}
        day = self.first
        while day <= self.last:
            seen.setdefault(day.weekday(), Counter())[_times_of(self._by_day.get(day, ()))] += 1
            day += timedelta(days=1)
        return {weekday: counts.most_common(1)[0][0] for weekday, counts in seen.items()}

    def _weekday_groups(self, short: bool) -> list[tuple[str, Times]]:
        """Weekdays (Monday first) with the same usual times, joined: ("Di.–Fr.", times)."""
        usual = self._usual()
        groups: list[tuple[list[int], Times]] = []
        for weekday in range(7):
            times = usual.get(weekday, ())
            if not times:
                continue
            if groups and groups[-1][1] == times and groups[-1][0][-1] == weekday - 1:
                groups[-1][0].append(weekday)
            else:
                groups.append(([weekday], times))
        names = GERMAN_SHORT if short else GERMAN_NAMES
        dot = "." if short else ""

        def label(days: list[int]) -> str:
            if len(days) == 1:
                return f"{names[days[0]]}{dot}"
            joiner = "–" if short else " bis "
            return f"{names[days[0]]}{dot}{joiner}{names[days[-1]]}{dot}"

        return [(label(days), times) for days, times in groups]


def _times_of(slots: tuple[Slot, ...]) -> Times:
    return tuple((slot.start.time(), slot.end.time() if slot.end else None) for slot in slots)


def _hour(value: time, short: bool) -> str:
    """`16` or `16:30` (short), else `16:00`."""
    if short and value.minute == 0:
        return str(value.hour)
    return clock(value)


def _times(times: Times, short: bool) -> str:
    parts = []
    for start, end in times:
        parts.append(f"ab {_hour(start, short)}" if end is None else f"{_hour(start, short)}–{_hour(end, short)}")
    return " und ".join(parts)


def _short_span(first: date, last: date) -> str:
    if first == last:
        return f"{GERMAN_SHORT[first.weekday()]}."
    return f"{GERMAN_SHORT[first.weekday()]}.–{GERMAN_SHORT[last.weekday()]}."


def _day_name(day: date) -> str:
    """`Fr., 11. Dezember`"""
    return f"{GERMAN_SHORT[day.weekday()]}., {day.day}. {MONTHS[day.month - 1]}"
