"""One event as VEVENT components: the master (with RRULE/EXDATE) and its RECURRENCE-ID overrides.

What calendar apps need and why (see ../shared/reference/calendar-clients.md):

* UID ``<event id>@<site domain>`` never changes; overrides share it.
* Timed values carry TZID (no floating times); UNTIL of a timed series is UTC.
  All-day values are DATEs and DTEND is exclusive (the YAML `end` is the last day).
* EXDATE and RECURRENCE-ID use DTSTART's value type and TZID.
* An event with hours per day (`hours`) is one plain VEVENT per day and slot, UID
  ``<event id>_<YYYYMMDD>@<domain>`` (``…_2@`` for a second slot that day): every client shows
  plain timed events alike, where an all-day bar would hide the hours. Ids hold no ``_``, so these
  UIDs never meet another event's.
* One date of a series as a file of its own (`occurrence_file_components`) is a plain VEVENT too,
  UID ``<event id>_<regular date>@<domain>``: a lone RECURRENCE-ID override without its series
  is dropped or mishandled by importers (ICSx⁵, EteSync; Thunderbird fakes a series for it).
* Google hides STATUS:CANCELLED silently, so cancelled items also say so in the
  SUMMARY ("ABGESAGT: "). A postponed event ("verschoben, neuer Termin folgt")
  stays visible as STATUS:TENTATIVE with "VERSCHOBEN: " in front: its date is
  not valid any more, but the new one is not known yet.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator import urls
from generator.derive import german
from generator.derive.daily_hours import DailyHours
from generator.models.event import Event, Place, Status
from generator.models.schedule import Occurrence, occurrences
from generator.models.site import Record, Site
from generator.outputs.feeds.history import Revision
from generator.outputs.feeds.serialize import content, local, quoted_param, text, utc
from generator.outputs.markdown import plain_text

PREFIXES = {Status.scheduled: "", Status.cancelled: "ABGESAGT: ", Status.postponed: "VERSCHOBEN: "}
STATUSES = {Status.scheduled: "CONFIRMED", Status.cancelled: "CANCELLED", Status.postponed: "TENTATIVE"}
_STATUS_NOTES = {
    Status.cancelled: "Dieser Termin ist abgesagt.",
    Status.postponed: "Dieser Termin wird verschoben; der neue Termin wird noch bekannt gegeben.",
}
SINGLE_DATE_TEXT = 300
"""Characters of the description in a single date's file: the series' own file has all of it."""
ORDER = (
    *("SUMMARY", "DTSTART", "DTEND", "DTSTAMP", "UID", "RECURRENCE-ID", "SEQUENCE", "RRULE", "EXDATE"),
    *("CATEGORIES", "DESCRIPTION", "GEO", "LAST-MODIFIED", "LOCATION", "ORGANIZER", "STATUS", "URL"),
)
"""The order in which icalendar writes these properties (its canonical VEVENT order, then A–Z): unchanged bytes."""

Component = dict[str, list[str]]
"""Property name → its content lines (unfolded, value escaped)."""


def event_components(record: Record[Event], site: Site, revision: Revision, dtstamp: datetime) -> list[Component]:
    """The master VEVENT followed by its overrides, sorted by RECURRENCE-ID.

    ``dtstamp`` (UTC) is derived from the build's "today", so two builds of one commit are byte-identical.
    """
    event = record.data
    zone = site.town.zone
    tzid = f"TZID={zone.key}"
    start_time = event.start.time() if isinstance(event.start, datetime) else None
    description = plain_text(event.description)  # once: overrides repeat it
    common = _common(record, site, revision, dtstamp)  # the same lines in the master and every override
    if event.hours:
        return _daily_components(record, site, common, tzid, description)
    master = {**common, **_when(event.start, event.end, tzid)}
    _describe(master, record, site, description, event.status, event.title, event.venue, event.location, [])
    if event.repeat is not None:
        master["RRULE"] = ["RRULE:" + _rule(event, zone)]
        master["EXDATE"] = [_date_line("EXDATE", _value(day, start_time), tzid) for day in sorted(event.repeat.except_)]
    components = [master]
    for occurrence in _overrides(event):
        override = {**common, **_when(occurrence.start, occurrence.end, tzid)}
        override["RECURRENCE-ID"] = [_date_line("RECURRENCE-ID", _value(occurrence.original_date, start_time), tzid)]
        notes = _override_notes(occurrence)
        _describe(override, record, site, description, occurrence.status, *_title_and_place(event, occurrence), notes)
        components.append(override)
    return components


def _daily_components(
    record: Record[Event], site: Site, common: Component, tzid: str, description: str
) -> list[Component]:
    """One VEVENT per day and slot of an event with `hours` (see the module's docstring)."""
    event = record.data
    hours = DailyHours.of(event)
    assert hours is not None
    notes = [f"Zeiten: {hours.compact()}"]
    components = []
    for day, slots in hours.days:
        for number, slot in enumerate(slots, start=1):
            suffix = "" if number == 1 else f"_{number}"
            component = {**common, **_when(slot.start, slot.end, tzid)}
            component["UID"] = ["UID:" + text(f"{record.id}_{day:%Y%m%d}{suffix}@{site.town.uid_domain}")]
            where = (event.venue, event.location)
            _describe(component, record, site, description, event.status, event.title, *where, notes)
            components.append(component)
    return components


def occurrence_file_components(
    record: Record[Event], site: Site, revision: Revision, dtstamp: datetime, occurrence: Occurrence
) -> list[Component]:
    """One date of a series as a plain VEVENT (the file behind "Nur diesen Termin")."""
    event = record.data
    tzid = f"TZID={site.town.zone.key}"
    component = {**_common(record, site, revision, dtstamp), **_when(occurrence.start, occurrence.end, tzid)}
    component["UID"] = ["UID:" + text(f"{record.id}_{occurrence.original_date:%Y%m%d}@{site.town.uid_domain}")]
    notes = [f"Ein Termin der Reihe „{event.title}“ ({german.recurrence_in_words(event)})."]
    notes += _override_notes(occurrence)
    summary = _shortened(plain_text(event.description), SINGLE_DATE_TEXT)
    _describe(component, record, site, summary, occurrence.status, *_title_and_place(event, occurrence), notes)
    return [component]


def _shortened(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with " …" (the page's address follows)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:") + " …"


def render_event(record: Record[Event], site: Site, revision: Revision, dtstamp: datetime) -> bytes:
    """The serialised components of one event, ready to be placed in any feed unchanged."""
    return b"".join(serialise(component) for component in event_components(record, site, revision, dtstamp))


def serialise(component: Component) -> bytes:
    """One VEVENT, its properties in ``ORDER``, folded with CRLF."""
    assert component.keys() <= _KNOWN, set(component) - _KNOWN
    lines = ["BEGIN:VEVENT"]
    for name in ORDER:
        lines += component.get(name, ())
    lines.append("END:VEVENT")
    return content(lines)


_KNOWN = frozenset(ORDER)


def _common(record: Record[Event], site: Site, revision: Revision, dtstamp: datetime) -> Component:
    return {
        "UID": ["UID:" + text(f"{record.id}@{site.town.uid_domain}")],
        "DTSTAMP": ["DTSTAMP:" + utc(dtstamp)],
        "LAST-MODIFIED": ["LAST-MODIFIED:" + utc(revision.last_modified)],
        "SEQUENCE": [f"SEQUENCE:{revision.sequence:d}"],
    }


def _date_line(name: str, value: date | datetime, tzid: str) -> str:
    """A local DATE-TIME with the town's TZID, or a DATE (no floating times)."""
    if isinstance(value, datetime):
        return f"{name};{tzid}:{local(value)}"
    return f"{name};VALUE=DATE:{local(value)}"


def _when(start: date | datetime, end: date | datetime | None, tzid: str) -> Component:
    if isinstance(start, datetime):
        when = {"DTSTART": [_date_line("DTSTART", start, tzid)]}
        if isinstance(end, datetime):
            when["DTEND"] = [_date_line("DTEND", end, tzid)]
        return when
    last_day = end if isinstance(end, date) and not isinstance(end, datetime) else start
    exclusive = last_day + timedelta(days=1)  # also for one-day events (Outlook)
    return {"DTSTART": [_date_line("DTSTART", start, tzid)], "DTEND": [_date_line("DTEND", exclusive, tzid)]}


def _value(day: date, start_time: time | None) -> date | datetime:
    """A regular occurrence's start in DTSTART's form (for EXDATE and RECURRENCE-ID)."""
    return day if start_time is None else datetime.combine(day, start_time)


def _rule(event: Event, zone: ZoneInfo) -> str:
    """The RRULE value, its parts in icalendar's order (FREQ, UNTIL, COUNT, INTERVAL, BYDAY)."""
    repeat = event.repeat
    assert repeat is not None
    parts = [f"FREQ={repeat.freq.value.upper()}"]
    if repeat.count:
        parts.append(f"COUNT={repeat.count:d}")
    elif repeat.until:
        if isinstance(event.start, datetime):  # RFC 5545 §3.3.10: UTC when DTSTART has a TZID
            parts.append("UNTIL=" + utc(datetime.combine(repeat.until, time(23, 59, 59), tzinfo=zone)))
        else:
            parts.append("UNTIL=" + local(repeat.until))
    if repeat.interval > 1:
        parts.append(f"INTERVAL={repeat.interval:d}")
    if repeat.days:
        parts.append("BYDAY=" + ",".join(day.rfc for day in repeat.days))
    return ";".join(parts)


def _overrides(event: Event) -> list[Occurrence]:
    """Occurrences that differ from the series: moved or changed ones, and cancelled ones."""
    repeat = event.repeat
    if repeat is None or not (repeat.changes or repeat.cancelled):
        return []
    cancelled = set(repeat.cancelled) if event.status is not Status.cancelled else set()
    changed = {change.date for change in repeat.changes}
    last = max(cancelled | changed, default=None)
    if last is None:
        return []
    return [o for o in occurrences(event, last) if o.original_date in changed or o.original_date in cancelled]


def _describe(
    component: Component,
    record: Record[Event],
    site: Site,
    description: str,
    status: Status,
    title: str,
    venue_id: str | None,
    place: Place | None,
    notes: list[str],
) -> None:
    event, town = record.data, site.town
    component["SUMMARY"] = ["SUMMARY:" + text(PREFIXES[status] + title)]
    component["STATUS"] = ["STATUS:" + STATUSES[status]]
    location, geo = _location(site, venue_id, place)
    if location:
        component["LOCATION"] = ["LOCATION:" + text(location)]
    if geo is not None:
        component["GEO"] = [f"GEO:{float(geo[0])};{float(geo[1])}"]
    page = town.site_url + urls.event(record.id)
    component["URL"] = ["URL:" + page]
    categories = [town.category_label(event.category)]
    categories += [tag for tag in event.tags if tag.casefold() not in {c.casefold() for c in categories}]
    component["CATEGORIES"] = ["CATEGORIES:" + ",".join(map(text, categories))]
    component["ORGANIZER"] = ["ORGANIZER" + _organizer(site, event)]
    details = _description(event, description, status, notes, page, town.portal_name)
    component["DESCRIPTION"] = ["DESCRIPTION:" + text(details)]


def _location(site: Site, venue_id: str | None, place: Place | None) -> tuple[str, tuple[float, float] | None]:
    if venue_id:
        venue = site.venues[venue_id].data
        address = venue.address
        text = f"{venue.name}, {address.street}, {address.postcode} {address.city}"
        return text, (venue.geo.lat, venue.geo.lon) if venue.geo else None
    if place is None:
        return "", None
    city = " ".join(part for part in (place.postcode, place.city) if part)
    return ", ".join(part for part in (place.name, place.street, city) if part), None


def _organizer(site: Site, event: Event) -> str:
    """``;CN="…":mailto:…``: the organising clubs (or the town), the first club e-mail, else the town's.

    CN is always quoted, so names with `,`/`;`/`:` never break the line.
    """
    town = site.town
    clubs = [site.clubs[club_id].data for club_id in event.organizer]
    name = ", ".join(club.name for club in clubs) or town.organizer_name
    email = next((club.email for club in clubs if club.email), None)
    return f";CN={quoted_param(name)}:mailto:{email or town.contact_point.email or town.legal.email}"


def _title_and_place(event: Event, occurrence: Occurrence) -> tuple[str, str | None, Place | None]:
    """Title, venue id and one-off place of one occurrence: a change's where it has them."""
    change = occurrence.change
    title = change.title if change and change.title else event.title
    if change and (change.venue or change.location):
        return title, change.venue, change.location
    return title, event.venue, event.location


def _override_notes(occurrence: Occurrence) -> list[str]:
    notes = []
    if occurrence.moved:
        new_time = german.when(occurrence.start, occurrence.end)
        notes.append(f"Verlegt vom {german.long_date(occurrence.original_date)} auf {new_time}.")
    if occurrence.change and occurrence.change.note:
        notes.append(f"Hinweis: {occurrence.change.note}")
    return notes


def _description(event: Event, text: str, status: Status, notes: list[str], page: str, portal: str) -> str:
    """Readable plain text: status, notes, the Markdown ``text`` as text (link targets kept), then the facts."""
    blocks = [_STATUS_NOTES.get(status, ""), "\n".join(notes), text]
    facts = []
    if event.free:
        facts.append("Eintritt frei")
    elif event.price:
        facts.append(f"Preis: {event.price}")
    if event.registration:
        facts.append(f"Anmeldung{' erforderlich' if event.registration_required else ''}: {event.registration}")
    elif event.registration_required:
        facts.append("Anmeldung erforderlich")
    if event.website:
        facts.append(f"Webseite: {event.website}")
    contact = event.contact
    if contact and (contact.name or contact.phone or contact.email):
        facts.append("Kontakt: " + ", ".join(part for part in (contact.name, contact.phone, contact.email) if part))
    facts.append(f"Mehr auf {portal}: {page}")
    blocks.append("\n".join(facts))
    return "\n\n".join(block for block in blocks if block)
