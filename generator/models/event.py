"""Events: one-off or recurring, with cancelled and moved occurrences."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from generator.models.common import (
    LAST_YEAR,
    Accessibility,
    Contact,
    ContentModel,
    EndValue,
    Geo,
    HttpUrl,
    Image,
    KeepsWrittenOffsets,
    LocalDate,
    LocalDateList,
    LocalDateOrDateTime,
    Markdown,
    PositiveInt,
    Postcode,
    Slug,
    SlugList,
    Text,
    TextList,
    YesNo,
    address_line,
    error,
)
from generator.models.hours import HoursList, check_hours
from generator.models.organizers import TOWN_ORGANIZER, NamedOrganizer, Organizers
from generator.models.weekdays import WeekdayList


class Status(StrEnum):
    scheduled = "scheduled"
    cancelled = "cancelled"
    postponed = "postponed"


_STATUS_WORDS = {"geplant": "scheduled", "abgesagt": "cancelled", "verschoben": "postponed"}


class Frequency(StrEnum):
    daily = "daily"
    weekly = "weekly"
    monthly = "monthly"
    yearly = "yearly"


_FREQUENCY_WORDS = {"täglich": "daily", "wöchentlich": "weekly", "monatlich": "monthly", "jährlich": "yearly"}


def _lower_word(words: dict[str, str]):
    def normalise(value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip().lower()
            return words.get(text, text)
        return value

    return normalise


class Place(ContentModel):
    """A one-off place that is not worth its own venue file."""

    name: Text = Field(title="Name des Ortes", examples=["Garten der Familie Muster"])
    street: str | None = Field(None, title="Straße und Hausnummer")
    postcode: Postcode | None = Field(None, title="Postleitzahl")
    city: str | None = Field(None, title="Ort")
    district: Slug | None = Field(
        None,
        title="Ortsteil",
        description="Kennung aus content/town.yml, z. B. „arnsnesta“. Nur nötig, wenn der Ortsteil nicht im Ort "
        "oder im Namen steht; „ausserhalb“ für Orte außerhalb der Kommune (Ausflüge).",
    )
    geo: Geo | None = Field(
        None, title="Koordinaten", description="Für den Link „Auf der Karte zeigen“ (OpenStreetMap)."
    )
    directions: str | None = Field(
        None,
        title="Anfahrt",
        description="Wie man hinfindet, wenn es keine Straße gibt.",
        examples=["Parkplatz am Waldbad, Zufahrt über die Waldstraße"],
    )

    @property
    def address_line(self) -> str:
        """ "Waldstraße 3, 01234 Musterstadt", or as much of it as is written."""
        return address_line(self.street, self.postcode, self.city)


def resolve_end(
    start: date | datetime, end: date | datetime | time | None, field: str = "end"
) -> date | datetime | None:
    """Turn an ``HH:MM`` end into a datetime on the start's day."""
    if isinstance(end, time):
        if not isinstance(start, datetime):
            raise error("Ein ganztägiger Termin endet an einem Tag (JJJJ-MM-TT), nicht zu einer Uhrzeit.", field=field)
        return datetime.combine(start.date(), end)
    return end


def check_start_end(start: date | datetime, end: date | datetime | None, field: str = "end") -> None:
    """Raise a German error when start and end do not fit together."""
    if end is None:
        return
    if isinstance(start, datetime) != isinstance(end, datetime):
        if isinstance(start, datetime):
            raise error(
                "Der Termin beginnt mit Uhrzeit, also braucht auch das Ende eine Uhrzeit "
                "(JJJJ-MM-TT HH:MM oder nur HH:MM).",
                field=field,
            )
        raise error(
            "Der Termin ist ganztägig (Beginn ohne Uhrzeit), also ist das Ende ein Tag (JJJJ-MM-TT), "
            "der letzte Tag des Termins.",
            field=field,
        )
    if end < start:
        raise error("Das Ende liegt vor dem Beginn. Prüfen Sie Datum und Uhrzeit von „end“.", field=field)
    if isinstance(start, datetime) and end == start:
        raise error("Das Ende ist gleich dem Beginn. Lassen Sie „end“ weg, wenn das Ende offen ist.", field=field)


class Change(KeepsWrittenOffsets):
    """One occurrence of a series that is moved or otherwise different."""

    date: LocalDate = Field(title="Regulärer Termin", description="Das Datum, an dem der Termin sonst stattfände.")
    start: LocalDateOrDateTime | None = Field(None, title="Neuer Beginn")
    end: EndValue | None = Field(None, title="Neues Ende")
    title: str | None = Field(None, title="Geänderter Titel")
    venue: Slug | None = Field(None, title="Anderer Ort")
    location: Place | None = Field(None, title="Anderer Ort (einmalig)")
    note: str | None = Field(None, title="Hinweis", examples=["Wegen der Ferien einen Tag später."])

    @model_validator(mode="after")
    def _something_changes(self) -> Change:
        if not any((self.start, self.end, self.title, self.venue, self.location, self.note)):
            raise error(
                "Die Änderung nennt nur ein Datum. Geben Sie an, was sich ändert (start, end, venue, title oder note).",
                field="date",
            )
        if self.venue and self.location:
            raise error("Nennen Sie entweder „venue“ oder „location“, nicht beides.", field="location")
        return self


MAX_INTERVAL = 99
"""Largest ``interval``: every 99th day, week, month or year; beyond it nothing sensible recurs."""
MAX_COUNT = 1000
"""Largest ``count``: a daily series of almost three years; a longer one is written with ``until``."""
_UNIT_DAYS = {"daily": 1, "weekly": 7, "monthly": 31, "yearly": 366}


class Repeat(ContentModel):
    """A recurrence rule in the words of `freq`, `interval`, `days`, `until`/`count`."""

    freq: Annotated[
        Frequency,
        BeforeValidator(_lower_word(_FREQUENCY_WORDS)),
        WithJsonSchema({"enum": [*(f.value for f in Frequency), *_FREQUENCY_WORDS]}),
    ] = Field(
        title="Rhythmus", description="daily, weekly, monthly oder yearly (täglich, wöchentlich, monatlich, jährlich)."
    )
    interval: PositiveInt = Field(1, title="Abstand", description="2 = jede zweite Woche (bzw. jeden zweiten Monat …).")
    days: WeekdayList | None = Field(
        None,
        title="Wochentage",
        description="z. B. [di, do]; bei monatlich auch 1mo (erster Montag) oder -1fr (letzter Freitag).",
    )
    until: LocalDate | None = Field(None, title="Bis", description="Letzter möglicher Tag der Reihe (einschließlich).")
    count: PositiveInt | None = Field(None, title="Anzahl", description="Wie oft der Termin stattfindet.")
    except_: LocalDateList = Field(
        default_factory=list,
        alias="except",
        title="Entfällt",
        description="Termine, die nicht stattfinden und nicht angezeigt werden.",
    )
    cancelled: LocalDateList = Field(
        default_factory=list, title="Abgesagt", description="Termine, die angezeigt, aber als abgesagt markiert werden."
    )
    changes: list[Change] = Field(
        default_factory=list, title="Änderungen", description="Verschobene oder geänderte Termine."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Repeat:
        if self.until and self.count:
            raise error("Nennen Sie entweder „until“ (bis wann) oder „count“ (wie oft), nicht beides.", field="count")
        if self.interval > MAX_INTERVAL:
            raise error(
                f"Ein Abstand von {self.interval} ist zu groß; erlaubt sind 1 bis {MAX_INTERVAL}. "
                "Für einen einzelnen späteren Termin legen Sie eine eigene Datei an.",
                field="interval",
            )
        if self.count is not None and self.count > MAX_COUNT:
            raise error(
                f"Eine Reihe mit {self.count} Terminen ist zu lang; erlaubt sind höchstens {MAX_COUNT}. "
                "Schreiben Sie statt „count“ ein Enddatum mit „until“, oder lassen Sie beides weg, "
                "wenn die Reihe ohne Ende läuft.",
                field="count",
            )
        for day in self.days or ():
            if day.ordinal is not None and self.freq is not Frequency.monthly:
                raise error(
                    f"Eine Nummer vor dem Wochentag (z. B. „{day.ordinal}…“) gibt es nur bei freq: monthly. "
                    "Bei wöchentlichen Terminen schreiben Sie nur den Tag, z. B. di.",
                    field="days",
                )
            if day.ordinal is None and self.freq is Frequency.monthly:
                # RFC 5545 would read this as "every Tuesday of every month", i.e. weekly: never what is meant
                raise error(
                    "Bei freq: monthly braucht der Wochentag eine Nummer davor: 1di = erster Dienstag, "
                    "3di = dritter Dienstag, -1fr = letzter Freitag im Monat. Für jede Woche: freq: weekly.",
                    field="days",
                )
        if self.days and self.freq is Frequency.yearly:
            raise error(
                "Bei freq: yearly wiederholt sich der Termin am selben Datum wie „start“; lassen Sie „days“ weg.",
                field="days",
            )
        doubled = set(self.except_) & set(self.cancelled)
        doubled |= {c.date for c in self.changes} & (set(self.except_) | set(self.cancelled))
        if doubled:
            first = min(doubled)
            raise error(
                f"Der {first:%d.%m.%Y} steht in mehreren Listen (except, cancelled, changes). "
                "Ein Termin entfällt, ist abgesagt oder geändert — nur eines davon.",
                field="cancelled" if first in self.cancelled else "except",
            )
        change_dates = [c.date for c in self.changes]
        if len(change_dates) != len(set(change_dates)):
            raise error(
                "Ein Datum steht mehrfach unter „changes“. Fassen Sie die Änderungen eines Termins zusammen.",
                field="changes",
            )
        return self


class Event(KeepsWrittenOffsets):
    """`content/events/<id>.yml`."""

    title: Text = Field(title="Titel", examples=["Tag der Nachbarn"])
    organizer: Organizers = Field(
        default_factory=list,
        title="Veranstalter",
        description="Wer einlädt: die Kennung eines Vereins (Dateiname unter content/clubs/ ohne .yml), "
        "„stadt“, wenn die Stadt selbst einlädt, oder eine Organisation ohne Eintrag mit name (und "
        "website, email, phone); auch eine Liste davon. Weglassen, wenn kein Veranstalter genannt wird.",
    )
    category: Slug = Field(title="Kategorie", description="Eine Kategorie-Kennung aus content/town.yml, z. B. „fest“.")
    venue: Slug | None = Field(None, title="Ort", description="Kennung eines Ortes unter content/venues/.")
    location: Place | None = Field(None, title="Ort (einmalig)", description="Für einen Ort ohne eigene Datei.")
    start: LocalDateOrDateTime = Field(
        title="Beginn", description="JJJJ-MM-TT HH:MM in Ortszeit; nur JJJJ-MM-TT für ganztägige Termine."
    )
    end: EndValue | None = Field(
        None,
        title="Ende",
        description="JJJJ-MM-TT HH:MM oder nur HH:MM; bei ganztägigen Terminen der letzte Tag (einschließlich).",
    )
    hours: HoursList = Field(
        default_factory=list,
        title="Uhrzeiten je Tag",
        description="Nur bei ganztägigen Terminen über mehrere Tage: an welchen Tagen von wann bis wann, "
        "z. B. days: [sa, so], from: 11:00, to: 21:00. Nicht genannte Tage gelten als geschlossen.",
    )
    description: Markdown | None = Field(None, title="Beschreibung")
    status: Annotated[
        Status,
        BeforeValidator(_lower_word(_STATUS_WORDS)),
        WithJsonSchema({"enum": [*(s.value for s in Status), *_STATUS_WORDS]}),
    ] = Field(
        Status.scheduled,
        title="Status",
        description="scheduled (findet statt), cancelled (abgesagt) oder postponed (verschoben, neuer Termin folgt).",
    )
    repeat: Repeat | None = Field(None, title="Wiederholung")
    free: YesNo | None = Field(None, title="Eintritt frei", description="ja, wenn die Teilnahme kostenlos ist.")
    price: str | None = Field(None, title="Preis", examples=["5 €, ermäßigt 3 €"])
    registration: HttpUrl | None = Field(None, title="Anmeldung", description="Link zur Anmeldung.")
    registration_required: YesNo | None = Field(None, title="Anmeldung nötig")
    audiences: SlugList = Field(
        default_factory=list, title="Zielgruppen", description="Kennungen aus content/town.yml."
    )
    accessibility: Accessibility | None = Field(None, title="Barrierefreiheit")
    image: Image | None = Field(None, title="Bild")
    tags: TextList = Field(default_factory=list, title="Schlagwörter")
    highlight: YesNo | None = Field(
        None,
        title="Höhepunkt",
        description="ja: Die Startseite stellt den Termin als Höhepunkt heraus. Sparsam verwenden — "
        "gedacht für die wenigen großen Ereignisse im Monat (die Redaktion entscheidet).",
    )
    website: HttpUrl | None = Field(None, title="Webseite zum Termin")
    contact: Contact | None = Field(None, title="Kontakt")

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if self.venue and self.location:
            raise error(
                "Nennen Sie entweder „venue“ (Ort aus content/venues/) oder „location“, nicht beides.", field="location"
            )
        if not self.venue and not self.location:
            raise error(
                "Es fehlt der Ort. Geben Sie „venue“ (Kennung aus content/venues/) oder „location“ an.", field="venue"
            )
        end = resolve_end(self.start, self.end)
        if isinstance(self.end, time) and isinstance(end, datetime) and end < self.start:
            raise error(
                f"Das Ende {self.end:%H:%M} liegt vor dem Beginn. Endet der Termin nach Mitternacht, schreiben Sie "
                f"das Datum dazu, z. B. end: {self.start.date() + timedelta(days=1)} {self.end:%H:%M}.",  # type: ignore[union-attr]
                field="end",
            )
        check_start_end(self.start, end)
        object.__setattr__(self, "end", end)
        if self.free and self.price:
            raise error("Der Termin ist als kostenlos (free: ja) markiert und hat zugleich einen Preis.", field="price")
        for index, change in enumerate(self.repeat.changes if self.repeat else ()):
            self._check_change(index, change)
        if self.repeat is not None and self.repeat.count is not None:
            self._check_last_year(self.repeat)
        if self.hours:
            self._check_hours()
        return self

    def _check_hours(self) -> None:
        """Hours per day belong to a one-off all-day event over several days (`models/hours.py`)."""
        if self.repeat is not None:
            raise error(
                "„hours“ (Uhrzeiten je Tag) gibt es nur für einen Termin über mehrere Tage, nicht für eine Reihe. "
                "Bei einer Reihe stehen die Uhrzeiten in „start“ und „end“.",
                field="hours",
            )
        if isinstance(self.start, datetime):
            raise error(
                "Mit „hours“ schreiben Sie „start“ und „end“ als Tage ohne Uhrzeit (JJJJ-MM-TT); "
                "die Uhrzeiten stehen dann je Tag unter „hours“.",
                field="start",
            )
        check_hours(self.start, self.end, self.hours)  # type: ignore[arg-type]  # all-day: end is a date

    def _check_last_year(self, repeat: Repeat) -> None:
        """A counted series must end within the years a date may have (the calendars stop there)."""
        unit = _UNIT_DAYS[repeat.freq.value]
        span = timedelta(days=(repeat.count or 1) * repeat.interval * unit)
        first = self.start.date() if isinstance(self.start, datetime) else self.start
        if first.year + span.days // 365 > LAST_YEAR:
            raise error(
                f"Mit „count: {repeat.count}“ und „interval: {repeat.interval}“ liefe die Reihe über das Jahr "
                f"{LAST_YEAR} hinaus. Verringern Sie „count“, oder schreiben Sie ein Enddatum mit „until“.",
                field="repeat.count",
            )

    def _check_change(self, index: int, change: Change) -> None:
        """A moved occurrence must have the same shape (timed or all-day) and a sane end."""
        timed = isinstance(self.start, datetime)
        if change.start is not None and isinstance(change.start, datetime) != timed:
            raise error(
                f"Die Änderung zum {change.date:%d.%m.%Y}: Der neue Beginn muss wie „start“ "
                + ("eine Uhrzeit haben." if timed else "ein Tag ohne Uhrzeit sein."),
                field=f"repeat.changes.{index}.start",
            )
        if change.end is None:
            return
        start = change.start
        if start is None:
            start = datetime.combine(change.date, self.start.time()) if timed else change.date  # type: ignore[union-attr]
        end_field = f"repeat.changes.{index}.end"
        check_start_end(start, resolve_end(start, change.end, field=end_field), field=end_field)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def club_ids(self) -> list[str]:
        """The clubs of the directory among the organisers (not the town, not named organisations)."""
        return [o for o in self.organizer if isinstance(o, str) and o != TOWN_ORGANIZER]

    @property
    def named_organizers(self) -> list[NamedOrganizer]:
        """The organisations without a directory entry among the organisers."""
        return [o for o in self.organizer if isinstance(o, NamedOrganizer)]
