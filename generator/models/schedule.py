"""When an event takes place: its occurrences, in local time, with exceptions applied.

A series is described by `repeat` (RFC 5545 semantics: the first occurrence is
`start`, later ones follow the rule). Occurrences listed under `except`
disappear; those under `cancelled` stay, marked cancelled; `changes` move or
alter single occurrences, which keep their regular date as identity (the
RECURRENCE-ID in calendar feeds).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil import rrule

from generator.models.event import Change, Event, Frequency, Status, resolve_end

_FREQ = {
    Frequency.daily: rrule.DAILY,
    Frequency.weekly: rrule.WEEKLY,
    Frequency.monthly: rrule.MONTHLY,
    Frequency.yearly: rrule.YEARLY,
}
_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)


@dataclass(frozen=True)
class Occurrence:
    """One time an event takes place (or would have, if cancelled)."""

    original_date: date
    """The regular date of this occurrence, even if it was moved."""
    start: date | datetime
    end: date | datetime | None
    status: Status
    change: Change | None = None

    @property
    def moved(self) -> bool:
        return self.change is not None and self.change.start is not None


def as_datetime(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.combine(value, time())


def build_rule(event: Event) -> rrule.rrule:
    """The dateutil rule of a series, in naive local time."""
    repeat = event.repeat
    assert repeat is not None
    byweekday = None
    if repeat.days:
        byweekday = [_WEEKDAYS[d.day](d.ordinal) if d.ordinal else _WEEKDAYS[d.day] for d in repeat.days]
    until = datetime.combine(repeat.until, time(23, 59, 59)) if repeat.until else None
    return rrule.rrule(
        _FREQ[repeat.freq],
        dtstart=as_datetime(event.start),
        interval=repeat.interval,
        byweekday=byweekday,
        until=until,
        count=repeat.count,
        cache=False,
    )


def regular_starts(event: Event, until: date | None = None) -> Iterator[date | datetime]:
    """Regular starts of the event (the rule, before exceptions), up to ``until`` inclusive."""
    if event.repeat is None:
        if until is None or _day(event.start) <= until:
            yield event.start
        return
    limit = datetime.combine(until, time(23, 59, 59)) if until else None
    for start in build_rule(event):
        if limit is not None and start > limit:
            return
        yield start if isinstance(event.start, datetime) else start.date()


def occurrences(event: Event, until: date | None = None) -> Iterator[Occurrence]:
    """Every occurrence up to ``until`` (inclusive), with `except`, `cancelled`, `changes` applied.

    Open-ended series need ``until``; the caller picks a horizon.
    """
    duration = _duration(event)
    repeat = event.repeat
    excluded = set(repeat.except_) if repeat else set()
    cancelled = set(repeat.cancelled) if repeat else set()
    changes = {c.date: c for c in repeat.changes} if repeat else {}
    series_cancelled = event.status is Status.cancelled
    for start in regular_starts(event, until):
        day = _day(start)
        if day in excluded:
            continue
        status = Status.cancelled if (series_cancelled or day in cancelled) else event.status
        change = changes.get(day)
        if change is None:
            yield Occurrence(day, start, _end_for(start, duration), status)
            continue
        new_start = change.start or start
        new_end = resolve_end(new_start, change.end) if change.end is not None else _end_for(new_start, duration)
        yield Occurrence(day, new_start, new_end, status, change)


def _duration(event: Event) -> timedelta | None:
    if event.end is None:
        return None
    return as_datetime(event.end) - as_datetime(event.start)  # type: ignore[arg-type]


def _end_for(start: date | datetime, duration: timedelta | None) -> date | datetime | None:
    if duration is None:
        return None
    if isinstance(start, datetime):
        return start + duration
    return start + timedelta(days=duration.days)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def local_time_exists(moment: datetime, zone: ZoneInfo) -> bool:
    """False for wall-clock times skipped by a DST change (e.g. 02:30 on the last Sunday of March)."""
    if moment.date() not in _clock_change_days(zone, moment.year):
        return True
    aware = moment.replace(tzinfo=zone)
    round_trip = datetime.fromtimestamp(aware.timestamp(), zone).replace(tzinfo=None)
    return round_trip == moment


def local_time_is_doubled(moment: datetime, zone: ZoneInfo) -> bool:
    """True for wall-clock times that occur twice because a DST change sets the clock back
    (e.g. 02:30 on the last Sunday of October): such a time does not name one instant."""
    if moment.date() not in _clock_change_days(zone, moment.year):
        return False
    first, second = (moment.replace(tzinfo=zone, fold=fold).utcoffset() for fold in (0, 1))
    # the two readings also differ for a skipped time, which is no time at all rather than two
    return first != second and local_time_exists(moment, zone)


def local_time_is_regular(moment: datetime, zone: ZoneInfo) -> bool:
    """The wall-clock time names exactly one instant: neither skipped nor doubled by a DST change."""
    return local_time_exists(moment, zone) and not local_time_is_doubled(moment, zone)


@lru_cache(maxsize=256)
def _clock_change_days(zone: ZoneInfo, year: int) -> frozenset[date]:
    """Days of ``year`` on which the UTC offset of ``zone`` changes (at most a few)."""
    days = set()
    day = date(year, 1, 1)
    previous = datetime.combine(day, time()).replace(tzinfo=zone).utcoffset()
    while day.year == year:
        following = day + timedelta(days=1)
        offset = datetime.combine(following, time()).replace(tzinfo=zone).utcoffset()
        if offset != previous:
            days.add(day)
        previous = offset
        day = following
    return frozenset(days)


@lru_cache(maxsize=1024)
def wall_time_hit_by_clock_change(wall_time: time, zone: ZoneInfo) -> bool:
    """Whether a DST change in ``zone`` ever skips or doubles ``wall_time`` (judged on recent years' rules)."""
    this_year = date.today().year
    return any(
        not local_time_is_regular(datetime.combine(day, wall_time), zone)
        for year in range(this_year - 1, this_year + 3)
        for day in _clock_change_days(zone, year)
    )
