"""An event's date-times against the town's clock: layer 2, which knows the town's zone.

Events hold naive local times. Three things about them need the zone: a wall-clock time that the
spring change skips, one that the autumn change doubles (it names two instants, and calendar apps
would pick either), and a UTC offset written after a time (``+02:00``, ``Z``) that is not the
town's offset at that time. A matching offset is just another way to write the local time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from generator.load.yaml_loader import Loc
from generator.models.common import FIRST_YEAR, LAST_YEAR, KeepsWrittenOffsets, WrittenOffset
from generator.models.event import Event, resolve_end
from generator.models.hours import open_days
from generator.models.schedule import (
    local_time_exists,
    local_time_is_doubled,
    local_time_is_regular,
    occurrences,
    wall_time_hit_by_clock_change,
)
from generator.models.weekdays import GERMAN_NAMES

SERIES_CHECK_YEARS = 3
"""How far a series whose wall-clock time a DST change can hit is looked at."""


def time_problems(event: Event, zone: ZoneInfo) -> Iterator[tuple[Loc, str]]:
    """Problems of the date-times written in ``event``: its start and end, each change's start and end,
    and the times of its `hours` on each open day."""
    for loc, moment, offset in _written_times(event):
        message = _irregular_time_message(moment, zone) or _offset_message(moment, offset, zone)
        if message:
            yield loc, message
    yield from _hours_problems(event, zone)


def _hours_problems(event: Event, zone: ZoneInfo) -> Iterator[tuple[Loc, str]]:
    """The first time in `hours` that a DST change skips or doubles on one of the event's days."""
    if not event.hours or isinstance(event.start, datetime) or not isinstance(event.end, date):
        return
    for _, slots in open_days(event.start, event.end, event.hours):
        for slot in slots:
            for name, moment in ("from", slot.start), ("to", slot.end):
                message = _irregular_time_message(moment, zone) if moment is not None else None
                if message:
                    yield ("hours", slot.entry, name), message
                    return


def series_time_problems(event: Event, zone: ZoneInfo) -> Iterator[tuple[Loc, str]]:
    """The first regular occurrence of a series that a DST change skips, and the first it doubles.

    Cancelled occurrences count (they are listed); left-out and moved ones do not (a moved one is
    checked at its change). A start that is not regular itself is reported once, by ``time_problems``.
    """
    start = event.start
    if not isinstance(start, datetime) or not wall_time_hit_by_clock_change(start.time(), zone):
        return  # the common case: no occurrence needs to be looked at
    if not local_time_is_regular(start, zone):
        return
    skipped: datetime | None = None
    doubled: datetime | None = None
    for occurrence in occurrences(event, start.date() + timedelta(days=366 * SERIES_CHECK_YEARS)):
        moment = occurrence.start
        if occurrence.moved or not isinstance(moment, datetime):
            continue
        if skipped is None and not local_time_exists(moment, zone):
            skipped = moment
        elif doubled is None and local_time_is_doubled(moment, zone):
            doubled = moment
    if skipped is not None:
        yield (
            ("start",),
            f"Ein Termin der Reihe fiele auf {german_day(skipped)}, {skipped:%H:%M} Uhr — diese Uhrzeit gibt es "
            "wegen der Umstellung auf Sommerzeit nicht. Wählen Sie eine andere Uhrzeit.",
        )
    if doubled is not None:
        yield (
            ("start",),
            f"Ein Termin der Reihe fiele auf {german_day(doubled)}, {doubled:%H:%M} Uhr — diese Uhrzeit gibt es "
            "wegen der Umstellung auf Winterzeit zweimal, sie ist also nicht eindeutig. Wählen Sie eine Uhrzeit "
            "vor 02:00 oder ab 03:00, oder verlegen Sie diesen einen Termin unter „repeat.changes“.",
        )


def german_day(value: date | datetime) -> str:
    day = value.date() if isinstance(value, datetime) else value
    return f"{GERMAN_NAMES[day.weekday()]}, {day:%d.%m.%Y}"


def _written_times(event: Event) -> Iterator[tuple[Loc, datetime, WrittenOffset | None]]:
    """Every date-time the author wrote (or an ``HH:MM`` end made into one), with its written offset."""
    yield from _times_of(event, (), event.start, event.end)
    start_time = event.start.time() if isinstance(event.start, datetime) else None
    for index, change in enumerate(event.repeat.changes if event.repeat else ()):
        start = change.start
        if start is None:
            start = datetime.combine(change.date, start_time) if start_time else change.date
        end = resolve_end(start, change.end) if change.end is not None else None
        yield from _times_of(change, ("repeat", "changes", index), change.start, end)


def _times_of(
    record: KeepsWrittenOffsets, loc: Loc, start: date | datetime | None, end: date | datetime | None
) -> Iterator[tuple[Loc, datetime, WrittenOffset | None]]:
    for name, moment in ("start", start), ("end", end):
        if isinstance(moment, datetime):
            yield (*loc, name), moment, record.written_offsets.get(name)


def _irregular_time_message(moment: datetime, zone: ZoneInfo) -> str | None:
    if not local_time_exists(moment, zone):
        return _dst_gap_message(moment)
    if local_time_is_doubled(moment, zone):
        return (
            f"Die Uhrzeit {moment:%H:%M} am {moment:%d.%m.%Y} gibt es zweimal: In dieser Nacht wird die Uhr "
            "von 3 auf 2 Uhr zurückgestellt (Winterzeit), daher ist nicht eindeutig, welche der beiden gemeint ist. "
            "Wählen Sie eine Uhrzeit vor 02:00 oder ab 03:00."
        )
    return None


def _dst_gap_message(moment: datetime) -> str:
    return (
        f"Die Uhrzeit {moment:%H:%M} am {moment:%d.%m.%Y} gibt es nicht: In dieser Nacht wird die Uhr "
        "von 2 auf 3 Uhr vorgestellt (Sommerzeit). Wählen Sie eine Uhrzeit ab 03:00."
    )


def _offset_message(moment: datetime, written: WrittenOffset | None, zone: ZoneInfo) -> str | None:
    """A message if ``written`` is not the town's offset at ``moment`` (a regular local time)."""
    local_offset = moment.replace(tzinfo=zone).utcoffset()
    if written is None or written.offset == local_offset:
        return None
    named = "„Z“ (UTC)" if written.text in ("Z", "z") else f"„{written.text}“"
    message = (
        f"Die Zeitzonen-Angabe {named} passt nicht zur Ortszeit: Am {moment:%d.%m.%Y} gilt hier "
        f"{_offset_text(local_offset)}. Termine stehen in Ortszeit, ohne Zeitzone, so wie sie vor Ort auf der "
        f"Uhr steht. Schreiben Sie {moment:%Y-%m-%d %H:%M}, wenn {moment:%H:%M} Uhr gemeint ist"
    )
    same_instant = _same_instant_in(zone, moment, written.offset)
    if same_instant is None:
        return message + "."
    return message + f", oder {same_instant:%Y-%m-%d %H:%M} für genau den angegebenen Zeitpunkt."


def _same_instant_in(zone: ZoneInfo, moment: datetime, offset: timedelta) -> datetime | None:
    """The town's wall-clock time at the instant ``moment`` + ``offset`` names, if it would be accepted."""
    local = moment.replace(tzinfo=timezone(offset)).astimezone(zone).replace(tzinfo=None)
    acceptable = FIRST_YEAR <= local.year <= LAST_YEAR and local_time_is_regular(local, zone)
    return local if acceptable else None


def _offset_text(offset: timedelta | None) -> str:
    total = int((offset or timedelta(0)).total_seconds())
    sign = "-" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")
