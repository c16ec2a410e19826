"""Read an iCalendar file (Google, Outlook, Nextcloud, Thunderbird, club software) into records.

One record per VEVENT, or per series: a master with RRULE becomes one event with ``repeat``;
its RECURRENCE-ID overrides become ``repeat.changes`` (moved start/end, other title or place)
or ``repeat.cancelled`` (STATUS:CANCELLED), EXDATE becomes ``repeat.except``. What the event
format cannot hold is mapped as closely as it can and always noted for the summary:

- RDATE: each extra date becomes a one-off event of its own (key ``UID#RDATE#date``).
- A rule the format cannot express (BYMONTHDAY other than the start's day, BYSETPOS, BYMONTH,
  hourly …, several RRULEs): its dates from `HORIZON_BACK` days before to `HORIZON_AHEAD` days
  after the import date become one-off events (key ``UID#date``), overrides applied.
- An override whose series is not in the file: a one-off event (key ``UID#RECURRENCE-ID``).

Times: a ``TZID`` (IANA, or a Windows name such as „W. Europe Standard Time“, which `icalendar`
maps) or UTC (``…Z``) is converted to the town's zone; floating times are read in the calendar's
``X-WR-TIMEZONE`` (Google) or else the town's zone. All-day events: DTEND is exclusive in
iCalendar, ``end`` inclusive here. Events marked CLASS:PRIVATE or CONFIDENTIAL are not imported.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from dateutil.rrule import rrulestr
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from generator.importing.ical_lines import Block, decode, scan
from generator.importing.records import ImportedRecord, ImportProblem
from generator.importing.resolve import normalise
from generator.importing.summary import Attention
from generator.importing.text import description as description_markdown
from generator.importing.text import html_to_markdown, is_no_reply, unescape
from generator.models.town import Town

HORIZON_BACK = 365
HORIZON_AHEAD = 365
"""Days before and after the import date within which a series the format cannot express is
written as single dates."""
MAX_EXPANDED = 200
"""Most single dates written for one such series."""
FETCH_TIMEOUT = 30

_DAYS = {"MO": "mo", "TU": "di", "WE": "mi", "TH": "do", "FR": "fr", "SA": "sa", "SU": "so"}
_FREQS = {"DAILY": "daily", "WEEKLY": "weekly", "MONTHLY": "monthly", "YEARLY": "yearly"}
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_POSTCODE_CITY = re.compile(r"^(?:D\s*-\s*)?(\d{5})\s+(.+)$")
_STREET = re.compile(r"^\D+\s\d+\s?[a-zA-Z]?(?:\s?[-/–]\s?\d+\s?[a-zA-Z]?)?$")
_COUNTRIES = {"deutschland", "germany", "de", "brd"}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d /()-]{5,}\d")
_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class Options:
    category: str | None = None
    organizer: str | None = None
    today: date | None = None


def read_location(location: str) -> bytes:
    """The bytes of a file, or of a URL fetched with a timeout; German `ImportProblem` otherwise."""
    if re.match(r"^https?://", location, re.IGNORECASE):
        request = urllib.request.Request(location, headers={"User-Agent": "engagiert-import"})
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            raise ImportProblem(location, None, f"Der Server antwortet mit Fehler {exc.code}.") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ImportProblem(
                location,
                None,
                f"Die Adresse ist nicht erreichbar ({reason}). Prüfen Sie die Adresse und die Internetverbindung, "
                "oder laden Sie die Datei herunter und importieren Sie sie von dort.",
            ) from None
    path = Path(location)
    if not path.is_file():
        raise ImportProblem(location, None, "Die Datei gibt es nicht. Prüfen Sie den Pfad.")
    return path.read_bytes()


def read_ical(
    data: bytes, source: str, town: Town, options: Options | None = None
) -> tuple[list[ImportedRecord], list[Attention]]:
    """The records of an iCalendar file, and notes about what was left out as a whole."""
    options = options or Options()
    text = decode(data, source)
    blocks = scan(text, source)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        raise ImportProblem(source, None, f"Die Datei lässt sich nicht als iCalendar lesen ({exc}).") from None
    components = list(calendar.walk("VEVENT"))
    if len(components) != len(blocks):  # pragma: no cover - both read the same BEGIN:VEVENT lines
        raise ImportProblem(source, None, "Die Termine der Datei lassen sich nicht eindeutig zuordnen.")
    reader = _Reader(source, town, options, _floating_zone(calendar, town))
    for component, block in zip(components, blocks, strict=True):
        reader.add(component, block)
    return reader.records(), reader.notes


def _floating_zone(calendar: icalendar.Calendar, town: Town) -> ZoneInfo:
    name = str(calendar.get("X-WR-TIMEZONE") or "").strip()
    return _zone(name) or ZoneInfo(town.timezone)


def _zone(name: str) -> ZoneInfo | None:
    name = name.strip().strip('"')
    for candidate in (name, WINDOWS_TO_OLSON.get(name, "")):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return None


@dataclass
class _Event:
    """One VEVENT, its times already in the town's local time."""

    component: icalendar.Event
    block: Block
    uid: str
    start: date | datetime
    end: date | datetime | None
    notes: list[tuple[str, str | None]]


class _Reader:
    def __init__(self, source: str, town: Town, options: Options, floating: tzinfo) -> None:
        self.source = source
        self.town = town
        self.zone = ZoneInfo(town.timezone)
        self.floating = floating
        self.options = options
        self.today = options.today or date.today()
        self.masters: dict[str, _Event] = {}
        self.overrides: dict[str, list[_Event]] = {}
        self.order: list[str] = []
        self.notes: list[Attention] = []

    # --- reading ---------------------------------------------------------------------------

    def add(self, component: icalendar.Event, block: Block) -> None:
        for name, message in getattr(component, "errors", []):
            raise ImportProblem(
                self.source,
                block.line_of(name),
                f"Der Wert von {name} lässt sich nicht lesen ({message}). Datum als JJJJMMTT, "
                "Zeit als JJJJMMTTTHHMMSS (z. B. 20271214T173000).",
            )
        if component.get("DTSTART") is None:
            raise ImportProblem(
                self.source, block.line, "Dem Termin fehlt der Beginn (DTSTART). Ohne ihn lässt er sich nicht anlegen."
            )
        visibility = str(component.get("CLASS") or "").upper()
        title = _text(component, "SUMMARY")
        if visibility in ("PRIVATE", "CONFIDENTIAL"):
            self.notes.append(
                Attention(
                    f"{self.source}:{block.line}",
                    f"„{title or 'ohne Titel'}“ ist als privat markiert (CLASS:{visibility}) "
                    "und wurde nicht importiert.",
                )
            )
            return
        notes: list[tuple[str, str | None]] = []
        start = self._local(component, "DTSTART", block, notes)
        end = self._end(component, start, block, notes)
        uid = str(component.get("UID") or "").strip()
        if not uid:
            uid = f"ohne-uid:{_stamp(start)}:{title}"
            notes.append(("Der Termin hat keine UID; erkannt wird er beim nächsten Import an Beginn und Titel.", None))
        event = _Event(component, block, uid, start, end, notes)
        if component.get("RECURRENCE-ID") is not None:
            self.overrides.setdefault(uid, []).append(event)
        elif uid in self.masters:
            raise ImportProblem(
                self.source,
                block.line,
                f"Die UID „{uid}“ steht schon bei dem Termin in Zeile {self.masters[uid].block.line}. "
                "Jeder Termin (und jede Reihe) braucht eine eigene UID.",
            )
        else:
            self.masters[uid] = event
        if uid not in self.order:
            self.order.append(uid)

    def _local(
        self, component: icalendar.Event, name: str, block: Block, notes: list[tuple[str, str | None]]
    ) -> date | datetime:
        prop = component.get(name)
        value = prop.dt if hasattr(prop, "dt") else component.decoded(name)
        if isinstance(value, datetime | date):
            return self.to_local(value, _tzid(prop), notes)
        raise ImportProblem(self.source, block.line_of(name), f"{name} ist kein Datum und keine Zeit: „{value}“.")

    def to_local(
        self, value: date | datetime, tzid: str | None, notes: list[tuple[str, str | None]]
    ) -> date | datetime:
        """``value`` as the town's wall-clock time (dates stay dates)."""
        if not isinstance(value, datetime):
            return value
        if value.tzinfo is None:
            zone: tzinfo = self.floating
            if tzid:
                found = _zone(tzid)
                if found is None:
                    notes.append(
                        (
                            f"Die Zeitzone „{tzid}“ ist unbekannt; die Zeit wurde als Ortszeit ({self.town.timezone}) "
                            "gelesen. Prüfen Sie Beginn und Ende.",
                            "start",
                        )
                    )
                    found = self.zone
                zone = found
            value = value.replace(tzinfo=zone)
        return value.astimezone(self.zone).replace(tzinfo=None, second=0, microsecond=0)

    def _end(
        self, component: icalendar.Event, start: date | datetime, block: Block, notes: list[tuple[str, str | None]]
    ) -> date | datetime | None:
        if component.get("DTEND") is not None:
            end = self._local(component, "DTEND", block, notes)
        elif component.get("DURATION") is not None:
            end = start + component.decoded("DURATION")
        else:
            return None
        if isinstance(start, datetime) != isinstance(end, datetime):
            notes.append(("DTSTART und DTEND passen nicht zusammen (ganztägig/mit Uhrzeit); das Ende fehlt.", "start"))
            return None
        if end < start:
            notes.append(("Das Ende (DTEND) liegt vor dem Beginn; es wurde weggelassen.", "start"))
            return None
        return end

    # --- writing records -----------------------------------------------------------------

    def records(self) -> list[ImportedRecord]:
        out: list[ImportedRecord] = []
        for uid in self.order:
            master = self.masters.get(uid)
            overrides = sorted(self.overrides.get(uid, []), key=lambda e: _stamp(self._recurrence_id(e)))
            if master is None:
                for override in overrides:
                    record = self._one_off(override, f"{uid}#{_stamp(self._recurrence_id(override))}")
                    record.note(
                        "Geänderter Einzeltermin einer Reihe, die nicht in der Datei steht: als einzelner Termin "
                        "angelegt.",
                        "start",
                    )
                    out.append(record)
                continue
            out += self._series(master, overrides)
        return out

    def _recurrence_id(self, event: _Event) -> date | datetime:
        return self._local(event.component, "RECURRENCE-ID", event.block, event.notes)

    def _base(self, event: _Event) -> dict[str, Any]:
        """The fields every record of this VEVENT has, in the order the guide writes them."""
        component = event.component
        data: dict[str, Any] = {"title": _text(component, "SUMMARY") or "Termin ohne Titel"}
        if not _text(component, "SUMMARY"):
            event.notes.append(("Der Termin hat keinen Titel (SUMMARY); bitte einen eintragen.", "title"))
        organisers = _organisers(component)
        if not organisers and self.options.organizer:
            organisers = [self.options.organizer]
        if organisers:
            data["organizer"] = organisers
        category, tags = self._category(component, event)
        if category:
            data["category"] = category
        place = self._place(component, event)
        if place:
            data["location"] = place
        data.update(_times(event.start, event.end))
        if str(component.get("STATUS") or "").upper() == "CANCELLED":
            data["status"] = "cancelled"
        description = _description(component)
        if description:
            data["description"] = description
        url = _text(component, "URL")
        if url:
            data["website"] = url
        contact = _contact(component)
        if contact:
            data["contact"] = contact
        if tags:
            data["tags"] = tags
        return data

    def _category(self, component: icalendar.Event, event: _Event) -> tuple[str | None, list[str]]:
        names = _categories(component)
        ids = {term.id: term.id for term in self.town.categories}
        labels = {normalise(term.label): term.id for term in self.town.categories}
        first_words: dict[str, list[str]] = {}
        for term in self.town.categories:
            first_words.setdefault(normalise(term.label).split(" ")[0], []).append(term.id)
        category, tags = None, []
        for name in names:
            key = normalise(name)
            found = ids.get(name.strip().lower()) or labels.get(key)
            if found is None and len(first_words.get(key, [])) == 1:
                found = first_words[key][0]
            if found and category is None:
                category = found
            elif found != category:
                tags.append(name.strip())
        if category is None:
            category = self.options.category
            if category is None:
                shown = ", ".join(names) if names else "keine"
                event.notes.append(
                    (
                        f"Keine Kategorie: Die Kategorien der Quelle ({shown}) passen zu keiner aus content/town.yml. "
                        "Tragen Sie „category“ ein, oder importieren Sie mit --category KENNUNG.",
                        "title",
                    )
                )
        return category, tags

    def _place(self, component: icalendar.Event, event: _Event) -> dict[str, Any] | None:
        text = _text(component, "LOCATION")
        place = _place_from_text(text) if text else None
        geo = component.get("GEO")
        if geo is not None:
            if place is not None:
                place["geo"] = {"lat": f"{geo.latitude:.6f}", "lon": f"{geo.longitude:.6f}"}
            else:
                event.notes.append(
                    (f"Die Koordinaten (GEO {geo.latitude}, {geo.longitude}) wurden nicht übernommen.", "location")
                )
        if place is None:
            event.notes.append(
                ("Der Termin nennt keinen Ort (LOCATION); bitte „venue“ oder „location“ eintragen.", None)
            )
        return place

    def _one_off(self, event: _Event, key: str) -> ImportedRecord:
        data = self._base(event)
        return self._record(event, key, data)

    def _record(self, event: _Event, key: str, data: dict[str, Any], dated: bool = False) -> ImportedRecord:
        """``dated``: one date of a series written on its own, its id names the day."""
        suggested = f"{data['title']} {_day(event.start)}" if dated else data["title"]
        record = ImportedRecord("events", key, data, event.block.line, suggested)
        for message, field_name in event.notes:
            record.note(message, field_name)
        return record

    def _series(self, master: _Event, overrides: list[_Event]) -> list[ImportedRecord]:
        component = master.component
        rules = component.get("RRULE")
        rules = rules if isinstance(rules, list) else [rules] if rules is not None else []
        extra = self._rdates(master)
        if not rules:
            out = [self._one_off(master, master.uid)]
            for override in overrides:  # a one-off with overrides: the file's own later version
                out.append(self._one_off(override, f"{master.uid}#{_stamp(self._recurrence_id(override))}"))
                out[-1].note("Geänderter Einzeltermin ohne Wiederholungsregel: als eigener Termin angelegt.", "start")
            return out + extra
        repeat, reason = _repeat(rules, master.start, self)
        if repeat is None:
            return self._expanded(master, overrides, reason) + extra
        data = self._base(master)
        exdates = self._exdates(master)
        if exdates:
            repeat["except"] = exdates
        record_notes: list[tuple[str, str | None]] = []
        cancelled, changes = [], []
        for override in overrides:
            day = _day(self._recurrence_id(override))
            if str(override.component.get("STATUS") or "").upper() == "CANCELLED":
                if day not in cancelled:
                    cancelled.append(day)
                continue
            change = self._change(master, override, day, record_notes)
            if change is not None:
                changes.append(change)
        for day in cancelled:
            if day in repeat.get("except", []):
                repeat["except"].remove(day)
        if not repeat.get("except"):
            repeat.pop("except", None)
        if cancelled:
            repeat["cancelled"] = sorted(cancelled)
        if changes:
            repeat["changes"] = changes
        data = _with_repeat(data, repeat)
        record = self._record(master, master.uid, data)
        for message, field_name in record_notes:
            record.note(message, field_name)
        for override in overrides:
            for message, field_name in override.notes:
                record.note(message, field_name)
        return [record, *extra]

    def _change(
        self, master: _Event, override: _Event, day: str, notes: list[tuple[str, str | None]]
    ) -> dict[str, Any] | None:
        regular = self._recurrence_id(override)
        change: dict[str, Any] = {"date": day}
        duration = master.end - master.start if master.end is not None else None
        if override.start != regular:
            change["start"] = _stamp_text(override.start)
        if override.end is not None and (duration is None or override.end != override.start + duration):
            change["end"] = _end_text(override.start, override.end)
        title = _text(override.component, "SUMMARY")
        if title and title != _text(master.component, "SUMMARY"):
            change["title"] = title
        place = _text(override.component, "LOCATION")
        if place and place != _text(master.component, "LOCATION"):
            change["location"] = _place_from_text(place)
        if len(change) == 1:
            notes.append(
                (
                    f"Die Änderung des Termins am {_german(day)} betrifft nur Angaben, die hier je Termin nicht "
                    "gespeichert werden (z. B. die Beschreibung); sie wurde nicht übernommen.",
                    "repeat",
                )
            )
            return None
        if str(override.component.get("RECURRENCE-ID").params.get("RANGE", "")).upper() == "THISANDFUTURE":
            notes.append(
                (
                    f"Die Änderung am {_german(day)} gilt in der Quelle auch für alle folgenden Termine "
                    "(RANGE=THISANDFUTURE); übernommen wurde sie nur für diesen Tag.",
                    "repeat",
                )
            )
        return change

    def _exdates(self, event: _Event) -> list[str]:
        days: list[str] = []
        for value, tzid in _date_list(event.component, "EXDATE"):
            day = _day(self.to_local(value, tzid, event.notes))
            if day not in days:
                days.append(day)
        return sorted(days)

    def _rdates(self, master: _Event) -> list[ImportedRecord]:
        out = []
        duration = master.end - master.start if master.end is not None else None
        for value, tzid in _date_list(master.component, "RDATE"):
            if isinstance(value, tuple):  # PERIOD: start and end or duration
                start = self.to_local(value[0], tzid, master.notes)
                other = value[1]
                end = start + other if isinstance(other, timedelta) else self.to_local(other, tzid, master.notes)
            else:
                start = self.to_local(value, tzid, master.notes)
                if isinstance(master.start, datetime) and not isinstance(start, datetime):
                    start = datetime.combine(start, master.start.time())
                end = start + duration if duration is not None else None
            event = _Event(master.component, master.block, master.uid, start, end, [])
            data = self._base(event)
            record = self._record(event, f"{master.uid}#RDATE#{_stamp(start)}", data, dated=True)
            record.note(
                f"Zusätzlicher Termin der Reihe (RDATE) am {_german(_day(start))}: als einzelner Termin angelegt, "
                "weil eine Reihe hier keine Einzeldaten aufnimmt.",
                "start",
            )
            out.append(record)
        return out

    def _expanded(self, master: _Event, overrides: list[_Event], reason: str) -> list[ImportedRecord]:
        """A series the format cannot express, as single dates within the horizon."""
        first = self.today - timedelta(days=HORIZON_BACK)
        last = self.today + timedelta(days=HORIZON_AHEAD)
        starts = _occurrences(master, self, first, last)
        excluded = set(self._exdates(master))
        by_day = {_day(self._recurrence_id(o)): o for o in overrides}
        duration = master.end - master.start if master.end is not None else None
        out: list[ImportedRecord] = []
        for start in starts:
            day = _day(start)
            if day in excluded:
                continue
            override = by_day.get(day)
            if override is not None:
                event = override
            else:
                event = _Event(master.component, master.block, master.uid, start, None, [])
                event.end = start + duration if duration is not None else None
            if override is not None and str(override.component.get("STATUS") or "").upper() != "CANCELLED":
                event.notes.append(("Geänderter Einzeltermin der Reihe: mit seinen eigenen Angaben angelegt.", "start"))
            record = self._record(event, f"{master.uid}#{_stamp(start)}", self._base(event), dated=True)
            out.append(record)
            if len(out) >= MAX_EXPANDED:
                break
        summary = (
            f"Die Regel der Reihe ({reason}) lässt sich im Terminformat nicht ausdrücken: angelegt als "
            f"{len(out)} einzelne Termine zwischen {first:%d.%m.%Y} und {last:%d.%m.%Y}."
        )
        for record in out:
            record.note(summary, "start")
        for message, field_name in master.notes:
            for record in out[:1]:
                record.note(message, field_name)
        if not out:
            self.notes.append(
                Attention(f"{self.source}:{master.block.line}", summary + " Kein Termin fällt in diesen Zeitraum.")
            )
        return out


# --- mapping helpers --------------------------------------------------------------------------


def _repeat(rules: list[Any], start: date | datetime, reader: _Reader) -> tuple[dict[str, Any] | None, str]:
    """The ``repeat`` mapping of an RRULE, or None and the reason it cannot be written."""
    if len(rules) > 1:
        return None, "mehrere RRULE"
    rule = rules[0]
    parts = {key.upper(): value for key, value in rule.items()}
    freq = str(parts.pop("FREQ", [""])[0]).upper()
    if freq not in _FREQS:
        return None, f"FREQ={freq}"
    repeat: dict[str, Any] = {"freq": _FREQS[freq]}
    interval = int(parts.pop("INTERVAL", [1])[0])
    if interval != 1:
        repeat["interval"] = str(interval)
    first = start.date() if isinstance(start, datetime) else start
    byday = [str(day).upper() for day in parts.pop("BYDAY", [])]
    monthday = [int(day) for day in parts.pop("BYMONTHDAY", [])]
    month = [int(m) for m in parts.pop("BYMONTH", [])]
    if monthday and (freq not in ("MONTHLY", "YEARLY") or monthday != [first.day] or byday):
        return None, "BYMONTHDAY=" + ",".join(map(str, monthday))
    if month and (freq != "YEARLY" or month != [first.month]):
        return None, "BYMONTH=" + ",".join(map(str, month))
    parts.pop("WKST", None)
    until = parts.pop("UNTIL", [None])[0]
    count = parts.pop("COUNT", [None])[0]
    if parts:
        return None, ", ".join(f"{key}={','.join(map(str, value))}" for key, value in sorted(parts.items()))
    if byday:
        parsed = [_BYDAY.match(day) for day in byday]
        if any(match is None for match in parsed):
            return None, "BYDAY=" + ",".join(byday)
        ordinals = [match[1] for match in parsed if match]
        codes = [_DAYS[match[2]] for match in parsed if match]
        if freq == "YEARLY":
            return None, "BYDAY bei FREQ=YEARLY"
        if freq == "MONTHLY" and all(ordinals):
            repeat["days"] = [f"{int(o)}{code}" for o, code in zip(ordinals, codes, strict=True)]
        elif any(ordinals):
            return None, "BYDAY=" + ",".join(byday)
        elif freq == "WEEKLY" or interval == 1:  # daily or monthly on weekdays = weekly on them
            repeat["freq"] = "weekly"
            repeat["days"] = codes
        else:
            return None, f"FREQ={freq};INTERVAL={interval};BYDAY=" + ",".join(byday)
    if until is not None:
        repeat["until"] = _day(reader.to_local(until, None, []) if isinstance(until, datetime) else until)
    if count is not None:
        repeat["count"] = str(int(count))
    return repeat, ""


def _occurrences(master: _Event, reader: _Reader, first: date, last: date) -> list[date | datetime]:
    """Starts of a series (its RRULE as the source wrote it) in [first, last], local time."""
    rule = master.component.get("RRULE")
    rules = rule if isinstance(rule, list) else [rule]
    start = master.start
    anchor = start if isinstance(start, datetime) else datetime.combine(start, time())
    text = "\n".join("RRULE:" + r.to_ical().decode() for r in rules)
    text = re.sub(r"UNTIL=(\d{8}T\d{6})Z", r"UNTIL=\1", text)  # local wall clock, as the anchor
    found: list[date | datetime] = []
    for moment in rrulestr(text, dtstart=anchor, forceset=True):
        if moment.date() > last:
            break
        if moment.date() >= first:
            found.append(moment if isinstance(start, datetime) else moment.date())
    return found


def _with_repeat(data: dict[str, Any], repeat: dict[str, Any]) -> dict[str, Any]:
    """``repeat`` placed right after the times, as the guide writes it."""
    after = "end" if "end" in data else "start"
    out: dict[str, Any] = {}
    for key, value in data.items():
        out[key] = value
        if key == after:
            out["repeat"] = repeat
    return out


def _times(start: date | datetime, end: date | datetime | None) -> dict[str, str]:
    out = {"start": _stamp_text(start)}
    if end is None:
        return out
    if isinstance(start, datetime):
        if end != start:
            out["end"] = _end_text(start, end)
        return out
    last = end - timedelta(days=1)  # DTEND of an all-day event is the day after
    if last > start:
        out["end"] = last.isoformat()
    return out


def _end_text(start: date | datetime, end: date | datetime) -> str:
    if isinstance(start, datetime) and isinstance(end, datetime) and end.date() == start.date():
        return f"{end:%H:%M}"
    return _stamp_text(end)


def _stamp_text(value: date | datetime) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if isinstance(value, datetime) else value.isoformat()


def _stamp(value: date | datetime) -> str:
    return f"{value:%Y%m%dT%H%M}" if isinstance(value, datetime) else f"{value:%Y%m%d}"


def _day(value: date | datetime) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _german(day: str) -> str:
    return date.fromisoformat(day).strftime("%d.%m.%Y")


def _tzid(prop: Any) -> str | None:
    params = getattr(prop, "params", None)
    return str(params.get("TZID")) if params and params.get("TZID") else None


def _date_list(component: icalendar.Event, name: str) -> list[tuple[Any, str | None]]:
    """(value, TZID) of every date in every EXDATE/RDATE line."""
    props = component.get(name)
    if props is None:
        return []
    out = []
    for prop in props if isinstance(props, list) else [props]:
        tzid = _tzid(prop)
        out += [(entry.dt, tzid) for entry in prop.dts]
    return out


def _categories(component: icalendar.Event) -> list[str]:
    props = component.get("CATEGORIES")
    if props is None:
        return []
    names: list[str] = []
    for prop in props if isinstance(props, list) else [props]:
        for name in getattr(prop, "cats", [prop]):
            text = str(name).strip()
            if text and text not in names:
                names.append(text)
    return names


def _organisers(component: icalendar.Event) -> list[dict[str, str]]:
    """ORGANIZER as named organisers; a no-reply sender address (the calendar software's, not the
    organiser's) is not their e-mail, and an organiser known only by one is left out."""
    props = component.get("ORGANIZER")
    out: list[dict[str, str]] = []
    for prop in props if isinstance(props, list) else [props] if props is not None else []:
        address = re.sub(r"^mailto:", "", str(prop).strip(), flags=re.IGNORECASE)
        name = str(prop.params.get("CN", "")).strip().strip('"') if hasattr(prop, "params") else ""
        if is_no_reply(address):
            address = ""
        entry: dict[str, str] = {"name": unescape(name or address)}
        if _EMAIL.fullmatch(address):
            entry["email"] = address
        if entry["name"]:
            out.append(entry)
    return out


def _contact(component: icalendar.Event) -> dict[str, str] | None:
    """CONTACT as the event's contact: the e-mail, phone and link in it; the rest is the name."""
    text = unescape(str(component.get("CONTACT") or "").strip())
    if not text:
        return None
    contact: dict[str, str] = {}
    rest = text
    for key, pattern in (("website", _URL), ("email", _EMAIL), ("phone", _PHONE)):
        match = pattern.search(rest)
        if match:
            rest = rest.replace(match.group(0), " ")
            if not (key == "email" and is_no_reply(match.group(0))):
                contact[key] = match.group(0).rstrip(".,;")
    name = re.sub(r"\s*[,;:/]\s*(?=[,;:/]|$)", "", " ".join(rest.split())).strip(" ,;:-/")
    name = re.sub(r"\b(?:Tel(?:efon)?|E-?Mail|Mail|Web)\.?\s*:?\s*$", "", name, flags=re.IGNORECASE).strip(" ,;:-/")
    if name:
        contact = {"name": name, **contact}
    return contact or None


def _description(component: icalendar.Event) -> str | None:
    """DESCRIPTION as Markdown; the HTML version (X-ALT-DESC) or HTML inside it converted."""
    for prop in _as_list(component.get("X-ALT-DESC")):
        if "html" in str(getattr(prop, "params", {}).get("FMTTYPE", "")).lower():
            return html_to_markdown(_unescape_text(str(prop))) or None
    return description_markdown(str(component.get("DESCRIPTION") or ""))


def _text(component: icalendar.Event, name: str) -> str:
    """A one-line property (SUMMARY, LOCATION, URL) with HTML entities decoded („Sinn &amp; Sein“)."""
    return unescape(str(component.get(name) or "").strip())


def _unescape_text(text: str) -> str:
    """TEXT escapes (RFC 5545 3.3.11) that `icalendar` leaves in X- properties such as X-ALT-DESC."""
    escapes = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}
    return re.sub(r"\\([nN,;\\])", lambda match: escapes[match[1]], text)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _place_from_text(text: str) -> dict[str, Any]:
    """'Haus II, Markt 1, 01234 Musterstadt, Deutschland' → name, street, postcode, city."""
    parts = [part.strip() for part in re.split(r"[,\n]", text) if part.strip()]
    parts = [part for part in parts if part.casefold() not in _COUNTRIES]
    place: dict[str, Any] = {}
    names: list[str] = []
    for part in parts:
        postcode_city = _POSTCODE_CITY.match(part)
        if postcode_city and "postcode" not in place:
            place["postcode"], place["city"] = postcode_city[1], postcode_city[2].strip()
        elif _STREET.match(part) and "street" not in place and len(parts) > 1:
            place["street"] = part
        else:
            names.append(part)
    name = ", ".join(names) or place.get("street") or place.get("city") or text.strip()
    return {"name": name[:200], **place}
