"""What a series' page says next to its rhythm: the coming dates that are left out, cancelled,
moved or otherwise different ("Fällt aus: Mi., 23. Dezember, Mi., 30. Dezember und 4 weitere").

The rhythm sentence ("jeden Mittwoch, 19:00–21:00 Uhr") describes the rule; these lines tell the
exceptions to it, from "today" to the catalog's horizon, a few of each kind and then a count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from generator.derive.agenda import AgendaItem
from generator.derive.german import MONTHS, clock, join
from generator.models.event import Event, Status
from generator.models.weekdays import GERMAN_SHORT

SHOWN = 6
"""Dates named per kind before "und N weitere": a line, not a wall of dates."""


@dataclass(frozen=True)
class SeriesNote:
    label: str
    """"Fällt aus", "Verlegt", "Geändert"."""
    entries: list[str]
    more: int

    @property
    def text(self) -> str:
        """The entries, then "und 1 weiterer Termin" / "und 4 weitere Termine"."""
        text = ", ".join(self.entries)
        if self.more == 1:
            return f"{text} und 1 weiterer Termin"
        return f"{text} und {self.more} weitere Termine" if self.more else text


def day_text(day: date, today: date) -> str:
    """`Mi., 23. Dezember`, with the year when it is not this year's: `Mi., 6. Januar 2027`."""
    text = f"{GERMAN_SHORT[day.weekday()]}., {day.day}. {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def series_notes(
    event: Event, items: list[AgendaItem], today: date, horizon_days: int, place_name: Callable[[AgendaItem], str]
) -> list[SeriesNote]:
    """The notes of a series whose occurrences are ``items`` (its catalog entries)."""
    repeat = event.repeat
    if repeat is None or event.status is not Status.scheduled:
        return []
    last = today + timedelta(days=horizon_days)
    skipped = [day for day in repeat.except_ if today <= day <= last]
    moved: list[str] = []
    changed: list[str] = []
    for item in items:
        occurrence = item.occurrence
        if item.last_day < today:
            continue
        if occurrence.status is Status.cancelled:
            skipped.append(occurrence.original_date)
        elif occurrence.moved:
            moved.append(f"{day_text(occurrence.original_date, today)} auf {_moved_to(item, today)}")
        elif occurrence.change is not None:
            changed.append(_changed(item, today, place_name))
    notes = []
    skipped = sorted(set(skipped))
    if skipped:
        notes.append(SeriesNote("Fällt aus", days_text(skipped[:SHOWN], today), max(0, len(skipped) - SHOWN)))
    for label, entries in ("Verlegt", moved), ("Geändert", changed):
        if entries:
            notes.append(SeriesNote(label, entries[:SHOWN], max(0, len(entries) - SHOWN)))
    return notes


def days_text(days: list[date], today: date) -> list[str]:
    """Dates grouped by month: ["23. und 30. Dezember", "14., 21. und 28. Juli 2027"] (the rhythm
    sentence names the weekday; the year only when it is not this year's)."""
    groups: list[list[date]] = []
    for day in days:
        if groups and (groups[-1][0].year, groups[-1][0].month) == (day.year, day.month):
            groups[-1].append(day)
        else:
            groups.append([day])
    texts = []
    for group in groups:
        joined = join([f"{day.day}." for day in group])
        month = group[0]
        texts.append(f"{joined} {MONTHS[month.month - 1]}" + ("" if month.year == today.year else f" {month.year}"))
    return texts


def _moved_to(item: AgendaItem, today: date) -> str:
    """`Do., 11. Februar, 18:00–20:00 Uhr`"""
    text = day_text(item.day, today)
    return f"{text}, {item.time}" if isinstance(item.occurrence.start, datetime) else text


def _changed(item: AgendaItem, today: date, place_name: Callable[[AgendaItem], str]) -> str:
    """`Mi., 23. Juni 2027: Generalprobe für das Sommerkonzert, Stadtkirche St. Marien, bis 21:30 Uhr`"""
    change = item.occurrence.change
    assert change is not None
    parts = []
    if change.title:
        parts.append(change.title)
    if change.venue or change.location:
        parts.append(place_name(item))
    end = item.occurrence.end
    if change.end is not None and isinstance(end, datetime):
        parts.append(f"bis {clock(end)} Uhr")
    if change.note:
        parts.append(change.note)
    return f"{day_text(item.occurrence.original_date, today)}: {', '.join(parts)}"
