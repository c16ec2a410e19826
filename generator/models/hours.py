"""Daily hours of a multi-day event: `hours`, a list of days with a time from and (optionally) to.

A Christmas market from Friday to Sunday is one all-day event (``start``/``end`` are days); its
hours per day are written as::

    hours:
      - days: fr
        from: "16:00"
        to: "21:00"
      - days: [sa, so]
        from: "11:00"
        to: "21:00"

``days`` takes weekdays (every such weekday of the event's span) and dates (that one day); entries
that name a date replace the weekday entries on that date. Days of the span that no entry names
are closed: an exhibition open Tuesday to Saturday lists just those days. A ``to`` earlier than
``from`` (at most `LATEST_NEXT_MORNING`) ends the next morning: "Zeltparty 20:00 bis 02:00".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator

from generator.models.common import (
    DATE_PATTERN,
    ContentModel,
    TimeOfDay,
    _few_entries,
    _one_or_many,
    _unique,
    error,
    parse_date,
)
from generator.models.weekdays import GERMAN_SHORT, Weekday, parse_weekday

MAX_SPAN_DAYS = 31
"""Longest event with hours per day: beyond a month a calendar would get a timed entry for every
day, where one all-day entry and the hours in the description serve readers better."""
LATEST_NEXT_MORNING = time(6, 0)
"""A ``to`` before ``from`` means the next morning only up to here; later it is a typing error."""
_WEEKDAY_PATTERN = r"^(mo|tu|di|we|mi|th|do|fr|sa|su|so)$"


HoursDay = date | Weekday
"""A date (that day) or a weekday without ordinal (every such day of the event's span)."""


def parse_hours_day(value: Any) -> HoursDay:
    """``fr`` (a weekday) or ``2026-12-11`` (a date)."""
    if isinstance(value, (date, Weekday)):
        return value
    text = str(value).strip().lower()
    if re.match(r"^[+-]?\d[a-z]{2}$", text):
        raise error(
            f"„{value}“: Bei „hours“ gilt ein Wochentag für jeden solchen Tag des Termins, ohne Nummer davor. "
            f"Schreiben Sie {text.lstrip('+-0123456789')} oder ein Datum als JJJJ-MM-TT."
        )
    if re.match(r"^\d", text):
        return parse_date(text)
    if not re.match(_WEEKDAY_PATTERN, text):
        raise error(
            f"„{value}“ ist weder ein Wochentag noch ein Datum. Schreiben Sie mo, di, mi, do, fr, sa, so "
            "(jeder solche Tag des Termins) oder ein Datum als JJJJ-MM-TT (nur dieser Tag)."
        )
    return Weekday(parse_weekday(text).day)


HoursDayList = Annotated[
    list[Annotated[HoursDay, BeforeValidator(parse_hours_day)]],
    BeforeValidator(_one_or_many),
    AfterValidator(_unique),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": f"{_WEEKDAY_PATTERN}|{DATE_PATTERN}"},
                {
                    "type": "array",
                    "items": {"type": "string", "pattern": f"{_WEEKDAY_PATTERN}|{DATE_PATTERN}"},
                    "minItems": 1,
                },
            ]
        }
    ),
]


class DailyHours(ContentModel):
    """One line of `hours`: on these days, from … to …"""

    days: HoursDayList = Field(
        title="Tage",
        description="Wochentage (fr, [sa, so]) oder Daten (2026-12-24); ein Datum geht dem Wochentag vor.",
    )
    from_: TimeOfDay = Field(alias="from", title="Von", examples=["11:00"])
    to: TimeOfDay | None = Field(
        None, title="Bis", description="Weglassen, wenn das Ende offen ist; früher als „from“ = am nächsten Morgen."
    )

    @model_validator(mode="after")
    def _sane(self) -> DailyHours:
        if not self.days:
            raise error("Nennen Sie mindestens einen Tag, z. B. days: fr oder days: [sa, so].", field="days")
        if self.to is not None and self.to == self.from_:
            raise error(
                f"„to“ ist gleich „from“ ({self.from_:%H:%M}). Lassen Sie „to“ weg, wenn das Ende offen ist.",
                field="to",
            )
        if self.to is not None and LATEST_NEXT_MORNING < self.to < self.from_:
            raise error(
                f"„to“ ({self.to:%H:%M}) liegt vor „from“ ({self.from_:%H:%M}). Prüfen Sie die Uhrzeiten; "
                f'ein Ende nach Mitternacht ist bis {LATEST_NEXT_MORNING:%H:%M} möglich (z. B. to: "02:00").',
                field="to",
            )
        return self


HoursList = Annotated[list[DailyHours], AfterValidator(_few_entries)]


@dataclass(frozen=True)
class Slot:
    """One opening of one day: local start and end (None: open end)."""

    start: datetime
    end: datetime | None
    entry: int
    """Index of the `hours` line it comes from (for located errors)."""


def slot_of(day: date, index: int, line: DailyHours) -> Slot:
    start = datetime.combine(day, line.from_)
    if line.to is None:
        return Slot(start, None, index)
    end = datetime.combine(day, line.to)
    return Slot(start, end + timedelta(days=1) if end < start else end, index)


def open_days(first: date, last: date, hours: list[DailyHours]) -> list[tuple[date, tuple[Slot, ...]]]:
    """Each day from ``first`` to ``last`` on which the event is open, with its slots in time order.

    A line that names the date itself replaces the weekday lines on that date.
    """
    result = []
    day = first
    while day <= last:
        dated = [(i, line) for i, line in enumerate(hours) if day in line.days]
        lines = dated or [(i, line) for i, line in enumerate(hours) if Weekday(day.weekday()) in line.days]
        if lines:
            result.append((day, tuple(sorted((slot_of(day, i, line) for i, line in lines), key=lambda s: s.start))))
        day += timedelta(days=1)
    return result


def check_hours(first: date, last: date | None, hours: list[DailyHours]) -> None:
    """Raise a located German error when ``hours`` do not fit the event's days ``first``–``last``."""
    if last is None or last == first:
        raise error(
            "„hours“ (Uhrzeiten je Tag) ist für Termine über mehrere Tage. Bei einem Termin an einem Tag "
            'schreiben Sie die Uhrzeit in „start“ und „end“, z. B. start: 2027-06-19 14:00 und end: "18:00".',
            field="hours",
        )
    span = (last - first).days + 1
    if span > MAX_SPAN_DAYS:
        raise error(
            f"Der Termin dauert {span} Tage; Uhrzeiten je Tag („hours“) gibt es für Termine bis {MAX_SPAN_DAYS} Tage. "
            "Schreiben Sie die Öffnungszeiten einer längeren Ausstellung in die Beschreibung.",
            field="hours",
        )
    weekdays_in_span = {(first + timedelta(days=n)).weekday() for n in range(min(span, 7))}
    for index, line in enumerate(hours):
        for value in line.days:
            if isinstance(value, Weekday) and value.day not in weekdays_in_span:
                raise error(
                    f"Der Termin ({_day(first)} bis {_day(last)}) hat keinen {value}. Prüfen Sie den Wochentag.",
                    field=f"hours.{index}.days",
                )
            if isinstance(value, date) and not first <= value <= last:
                raise error(
                    f"Der {value:%d.%m.%Y} liegt nicht im Zeitraum des Termins ({_day(first)} bis {_day(last)}).",
                    field=f"hours.{index}.days",
                )
    days = open_days(first, last, hours)
    opened = {day for day, _ in days}
    for day, label in ((first, "beginnt"), (last, "endet")):
        if day not in opened:
            raise error(
                f"Der Termin {label} am {_day(day)}, aber „hours“ nennt für diesen Tag keine Uhrzeit. "
                f"Ergänzen Sie den Tag (z. B. days: {GERMAN_SHORT[day.weekday()].lower()}), oder ändern Sie "
                f"„{'start' if label == 'beginnt' else 'end'}“.",
                field="hours",
            )
    slots = [slot for _, day_slots in days for slot in day_slots]
    for before, after in pairwise(slots):
        reaches = before.end or datetime.combine(before.start.date() + timedelta(days=1), time())
        if after.start < reaches:
            raise error(
                f"Die Zeiten am {_day(after.start.date())} überschneiden sich: {_slot_text(before)} "
                f"(Eintrag {before.entry + 1}) und {_slot_text(after)} (Eintrag {after.entry + 1}). "
                "Eine Zeit ohne „to“ gilt bis Mitternacht.",
                field=f"hours.{after.entry}",
            )


def _day(value: date) -> str:
    return f"{GERMAN_SHORT[value.weekday()]}., {value:%d.%m.%Y}"


def _slot_text(slot: Slot) -> str:
    if slot.end is None:
        return f"ab {slot.start:%H:%M} Uhr"
    return f"{slot.start:%H:%M}–{slot.end:%H:%M} Uhr"
