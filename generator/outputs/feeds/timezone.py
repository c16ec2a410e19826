"""The VTIMEZONE of the town's zone, built from the zoneinfo (tzdata) transitions.

Why not ``icalendar.Timezone.from_tzid``: it writes the onset of summer time as
``DTSTART:…T030000`` with ``TZOFFSETFROM:+0100`` — one hour late, since RFC 5545
reads the onset in the offset *before* the change — and lists later years as
RDATE values, which Outlook has mishandled. Here each yearly rule becomes one
RRULE-based STANDARD or DAYLIGHT part whose DTSTART is the local wall-clock
time before the change (Europe/Berlin: DAYLIGHT ``…T020000`` from +0100,
STANDARD ``…T030000`` from +0200). Rules that end inside the covered years get
an UNTIL; irregular one-off changes become parts without a rule.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar

from generator.outputs.feeds.serialize import to_ical

_RFC_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Transition:
    """One change of the zone's UTC offset (or name, or DST flag)."""

    utc: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    dst: bool

    @property
    def onset(self) -> datetime:
        """The naive local wall-clock time of the change, read in the offset before it (RFC 5545)."""
        return (self.utc + self.offset_from).replace(tzinfo=None)

    @property
    def rule_key(self) -> tuple:
        """Transitions with equal keys in successive years may share one yearly rule."""
        onset = self.onset
        return (self.dst, self.offset_from, self.offset_to, self.name, onset.month, onset.weekday(), onset.time())


def _state(zone: ZoneInfo, moment: datetime) -> tuple[timedelta, str, bool]:
    local = moment.astimezone(zone)
    return local.utcoffset() or timedelta(0), local.tzname() or "", bool(local.dst())


def transitions(zone: ZoneInfo, first_year: int, last_year: int) -> list[Transition]:
    """Every transition from 1 January ``first_year`` to 31 December ``last_year`` (UTC), in order.

    Scans day by day and bisects to the second inside a day with a change: a few
    thousand zone look-ups (the caller caches the result).
    """
    found: list[Transition] = []
    cursor = int(datetime(first_year, 1, 1, tzinfo=UTC).timestamp())
    end = int(datetime(last_year + 1, 1, 1, tzinfo=UTC).timestamp())
    state = _state(zone, _utc(cursor))
    while cursor < end:
        following = min(cursor + 86_400, end)
        if _state(zone, _utc(following)) == state:
            cursor = following
            continue
        low, high = cursor, following  # state at low is `state`, at high it differs
        while high - low > 1:
            middle = (low + high) // 2
            if _state(zone, _utc(middle)) == state:
                low = middle
            else:
                high = middle
        after = _state(zone, _utc(high))
        found.append(Transition(_utc(high), state[0], after[0], after[1], after[2]))
        cursor, state = high, after
    return found


def _utc(timestamp: int) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


def _ordinals(moment: datetime) -> set[int]:
    """Which BYDAY ordinals describe this day within its month: the n-th and, in the last week, -1."""
    result = {(moment.day - 1) // 7 + 1}
    if moment.day > calendar.monthrange(moment.year, moment.month)[1] - 7:
        result.add(-1)
    return result


@dataclass
class _Run:
    """Transitions in successive years that one yearly RRULE describes."""

    items: list[Transition]
    ordinals: set[int]

    def accepts(self, transition: Transition) -> bool:
        last = self.items[-1]
        return (
            transition.rule_key == last.rule_key
            and transition.onset.year == last.onset.year + 1
            and bool(self.ordinals & _ordinals(transition.onset))
        )


def _runs(found: list[Transition]) -> list[_Run]:
    runs: list[_Run] = []
    open_runs: dict[tuple, _Run] = {}
    for transition in found:
        run = open_runs.get(transition.rule_key)
        if run is not None and run.accepts(transition):
            run.items.append(transition)
            run.ordinals &= _ordinals(transition.onset)
            continue
        run = _Run([transition], _ordinals(transition.onset))
        open_runs[transition.rule_key] = run
        runs.append(run)
    return runs


def _part(run: _Run, still_running: bool) -> icalendar.Component:
    first = run.items[0]
    part = icalendar.TimezoneDaylight() if first.dst else icalendar.TimezoneStandard()
    part.add("dtstart", first.onset)
    part.add("tzoffsetfrom", first.offset_from)
    part.add("tzoffsetto", first.offset_to)
    if first.name:
        part.add("tzname", first.name)
    if len(run.items) > 1 or still_running:
        ordinal = -1 if -1 in run.ordinals else min(run.ordinals)
        rule: dict[str, object] = {
            "freq": "YEARLY",
            "bymonth": first.onset.month,
            "byday": f"{ordinal}{_RFC_DAYS[first.onset.weekday()]}",
        }
        if not still_running:
            # Any UNTIL before next year's would-be onset ends the rule. One day after the last
            # onset (UTC) also suits readers that compare UNTIL with local times (dateutil's tzical).
            rule["until"] = run.items[-1].utc + timedelta(days=1)
        part.add("rrule", rule)
    return part


@lru_cache(maxsize=64)
def vtimezone(zone_name: str, first_year: int, last_year: int) -> bytes:
    """The serialised VTIMEZONE for ``zone_name``, valid for every local time from ``first_year``.

    Rules still in force in ``last_year`` stay open-ended (no UNTIL), as calendar
    apps expect of a current zone. Pass a ``first_year`` before the first event:
    a local time before the first part's DTSTART is undefined in RFC 5545.
    """
    zone = ZoneInfo(zone_name)
    found = transitions(zone, first_year, last_year)
    component = icalendar.Timezone()
    component.add("tzid", zone_name)
    if not found:
        offset, name, dst = _state(zone, datetime(first_year, 1, 1, tzinfo=UTC))
        fixed = Transition(datetime(first_year, 1, 1, tzinfo=UTC) - offset, offset, offset, name, dst)
        component.add_component(_part(_Run([fixed], set()), still_running=False))
        return to_ical(component)
    parts = []
    for run in _runs(found):
        still_running = run.items[-1].onset.year == last_year
        parts.append((run.items[0].onset, _part(run, still_running)))
    for _, part in sorted(parts, key=lambda pair: pair[0]):
        component.add_component(part)
    return to_ical(component)
