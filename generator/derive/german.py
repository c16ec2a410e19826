"""Dates, times and series in German words, as citizens read them on the portal."""

from __future__ import annotations

from datetime import date, datetime, time

from generator.models.event import Event, Frequency
from generator.models.town import OpeningHours
from generator.models.weekdays import GERMAN_NAMES, GERMAN_SHORT

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
_ORDINALS = {1: "ersten", 2: "zweiten", 3: "dritten", 4: "vierten", 5: "fünften", -1: "letzten", -2: "vorletzten"}


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def long_date(value: date | datetime) -> str:
    """`Sa., 22. Mai 2027`"""
    day = _day(value)
    return f"{GERMAN_SHORT[day.weekday()]}., {day.day}. {MONTHS[day.month - 1]} {day.year}"


def weekday_short(value: date | datetime) -> str:
    """`Sa` (lists add the full stop where they need it)."""
    return GERMAN_SHORT[_day(value).weekday()]


def near_date(value: date | datetime, today: date) -> str:
    """`Mi., 9. Dezember` for a day in the coming months (lists of what is on soon), else `long_date`."""
    day = _day(value)
    if 0 <= (day - today).days < NEAR_DAYS:
        return f"{GERMAN_SHORT[day.weekday()]}., {day.day}. {MONTHS[day.month - 1]}"
    return long_date(day)


NEAR_DAYS = 300
"""Days ahead for which a date reads without its year: within ten months no month is ambiguous."""


def full_date(value: date | datetime) -> str:
    """`Samstag, 22. Mai 2027`"""
    day = _day(value)
    return f"{GERMAN_NAMES[day.weekday()]}, {day.day}. {MONTHS[day.month - 1]} {day.year}"


def short_date(value: date | datetime) -> str:
    """`22. Mai 2027`"""
    day = _day(value)
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def date_range(first: date, last: date) -> str:
    """`Fr., 11. bis So., 13. Dezember 2026`: month and year written once when shared."""
    if first.year != last.year:
        return f"{long_date(first)} bis {long_date(last)}"
    start = f"{GERMAN_SHORT[first.weekday()]}., {first.day}."
    if first.month != last.month:
        start += f" {MONTHS[first.month - 1]}"
    return f"{start} bis {long_date(last)}"


def clock(value: datetime | time) -> str:
    """`19:30`. Integer formatting: strftime ("%H:%M") costs 7× as much, ~100k times per county build."""
    return f"{value.hour:02}:{value.minute:02}"


def month_name(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def when(start: date | datetime, end: date | datetime | None) -> str:
    """`Sa., 22. Mai 2027, 15:00–19:00 Uhr` and the other shapes a date range can take."""
    if isinstance(start, datetime):
        if end is None:
            return f"{long_date(start)}, {clock(start)} Uhr"
        assert isinstance(end, datetime)
        if end.date() == start.date():
            return f"{long_date(start)}, {clock(start)}–{clock(end)} Uhr"
        return f"{long_date(start)}, {clock(start)} Uhr bis {long_date(end)}, {clock(end)} Uhr"
    if end is None or _day(end) == start:
        return f"{long_date(start)}, ganztägig"
    return f"{long_date(start)} bis {long_date(end)}, ganztägig"


def recurrence_in_words(event: Event) -> str:
    """`jeden Dienstag, 18:00 Uhr, bis 31. Dezember 2027`"""
    repeat = event.repeat
    if repeat is None:
        return ""
    parts = [_rhythm(event)]
    if isinstance(event.start, datetime):
        end = event.end
        if isinstance(end, datetime) and end.date() == event.start.date():
            parts.append(f"{clock(event.start)}–{clock(end)} Uhr")
        else:
            parts.append(f"{clock(event.start)} Uhr")
    if repeat.until:
        parts.append(f"bis {short_date(repeat.until)}")
    elif repeat.count:
        parts.append(f"{repeat.count}-mal")
    return ", ".join(parts)


def _rhythm(event: Event) -> str:
    """`jeden Dienstag`, `täglich`, `jeden ersten Mittwoch im Monat`: the rule without times."""
    repeat = event.repeat
    assert repeat is not None
    days = repeat.days or []
    interval = repeat.interval
    if repeat.freq is Frequency.daily:
        rhythm = "täglich" if interval == 1 else f"alle {interval} Tage"
    elif repeat.freq is Frequency.weekly:
        weekdays = days or []
        names = [GERMAN_NAMES[d.day] for d in weekdays] or [GERMAN_NAMES[_day(event.start).weekday()]]
        joined = _join(names)
        rhythm = f"jeden {joined}" if interval == 1 else f"jeden {interval}. {joined}"
        if interval == 2:
            rhythm = f"jeden zweiten {joined}"
    elif repeat.freq is Frequency.monthly:
        if days:
            parts = []
            for d in days:
                if d.ordinal is not None:
                    parts.append(f"{_ORDINALS.get(d.ordinal, f'{d.ordinal}.')} {GERMAN_NAMES[d.day]}")
                else:
                    parts.append(f"jeden {GERMAN_NAMES[d.day]}")
            prefix = "jeden" if all(d.ordinal is not None for d in days) else ""
            every = "im Monat" if interval == 1 else f"alle {interval} Monate"
            rhythm = f"{prefix} {_join(parts)} {every}".strip()
        else:
            day_of_month = _day(event.start).day
            rhythm = f"monatlich am {day_of_month}." if interval == 1 else f"alle {interval} Monate am {day_of_month}."
    else:
        start_day = _day(event.start)
        rhythm = f"jährlich am {start_day.day}. {MONTHS[start_day.month - 1]}"
        if interval > 1:
            rhythm = f"alle {interval} Jahre am {start_day.day}. {MONTHS[start_day.month - 1]}"
    return rhythm


_ADVERBS = ("montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags")


def sort_key(text: str) -> str:
    """Alphabetical order as a German reader expects it: „Übungsabend“ between „Treffen“ and „Vortrag“."""
    return text.casefold().translate(_UMLAUTS)


_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "„": "", "“": "", '"': ""})


def hours(start: datetime, end: date | datetime | None) -> str:
    """`19–21 Uhr`, `19:30–21 Uhr`, `19 Uhr`: the short form lists use for a regular meeting."""
    if isinstance(end, datetime) and end.date() == start.date():
        return f"{_short_clock(start)}–{_short_clock(end)} Uhr"
    return f"{_short_clock(start)} Uhr"


def _short_clock(value: datetime | time) -> str:
    return str(value.hour) if value.minute == 0 else f"{value.hour}:{value.minute:02}"


def rhythm_in_brief(event: Event) -> str:
    """`mittwochs, 19–21 Uhr`; `jeden ersten Mittwoch im Monat, 18 Uhr`; `täglich, 17 Uhr`.

    The short rhythm of a regular meeting in a list, without its last date (lists show the next
    date instead; the event's page gives the full rule)."""
    repeat = event.repeat
    if repeat is None:
        return ""
    if repeat.freq is Frequency.weekly and repeat.interval == 1:
        days = [d.day for d in repeat.days] if repeat.days else [_day(event.start).weekday()]
        rhythm = _join([_ADVERBS[day] for day in sorted(set(days))])
    else:
        rhythm = _rhythm(event)
    if isinstance(event.start, datetime):
        return f"{rhythm}, {hours(event.start, event.end)}"
    return rhythm


def join(items: list[str]) -> str:
    """`a`, `a und b`, `a, b und c`."""
    return _join(items)


def opening_hours_in_brief(opening_hours: list[OpeningHours]) -> str:
    """`Di. 9–12 und 13–18 Uhr, Do. 13–16 Uhr`: a contact point's hours, day by day, in one line."""
    by_day: dict[int, list[str]] = {}
    for hours in opening_hours:
        span = f"{_short_clock(hours.opens)}–{_short_clock(hours.closes)}"
        for weekday in hours.days:
            by_day.setdefault(weekday.day, []).append(span)
    return ", ".join(f"{GERMAN_SHORT[day]}. {_join(spans)} Uhr" for day, spans in sorted(by_day.items()))


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " und " + items[-1]
