"""One event as VEVENT components: the master (with RRULE/EXDATE) and its RECURRENCE-ID overrides.

What calendar apps need and why (see ../shared/reference/calendar-clients.md):

* UID ``<event id>@<site domain>`` never changes; overrides share it.
* Timed values carry TZID (no floating times); UNTIL of a timed series is UTC.
  All-day values are DATEs and DTEND is exclusive (the YAML `end` is the last day).
* EXDATE and RECURRENCE-ID use DTSTART's value type and TZID.
* Google hides STATUS:CANCELLED silently, so cancelled items also say so in the
  SUMMARY ("ABGESAGT: "). A postponed event ("verschoben, neuer Termin folgt")
  stays visible as STATUS:TENTATIVE with "VERSCHOBEN: " in front: its date is
  not valid any more, but the new one is not known yet.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
from icalendar.parser import Parameters

from generator.models.event import Event, Place, Status
from generator.models.schedule import Occurrence, occurrences
from generator.models.site import Record, Site
from generator.render import german, urls
from generator.render.feeds.history import Revision
from generator.render.feeds.serialize import to_ical
from generator.render.markdown import plain_text

PREFIXES = {Status.scheduled: "", Status.cancelled: "ABGESAGT: ", Status.postponed: "VERSCHOBEN: "}
STATUSES = {Status.scheduled: "CONFIRMED", Status.cancelled: "CANCELLED", Status.postponed: "TENTATIVE"}
_STATUS_NOTES = {
    Status.cancelled: "Dieser Termin ist abgesagt.",
    Status.postponed: "Dieser Termin wird verschoben; der neue Termin wird noch bekannt gegeben.",
}


class _QuotedCN(Parameters):
    """Parameters that always quote CN, so names with `,`/`;`/`:` never break the line."""

    always_quoted = (*Parameters.always_quoted, "CN")


def event_components(record: Record[Event], site: Site, revision: Revision, dtstamp: datetime) -> list[icalendar.Event]:
    """The master VEVENT followed by its overrides, sorted by RECURRENCE-ID.

    ``dtstamp`` (UTC) is derived from the build's "today", so two builds of one commit are byte-identical.
    """
    event = record.data
    zone = site.town.zone
    start_time = event.start.time() if isinstance(event.start, datetime) else None
    text = plain_text(event.description)  # once: overrides repeat it
    master = _common(record, site, revision, dtstamp)
    _when(master, event.start, event.end, zone)
    _describe(master, record, site, text, event.status, event.title, event.venue, event.location, [])
    if event.repeat is not None:
        master.add("rrule", _rule(event, zone))
        for day in sorted(event.repeat.except_):
            master.add("exdate", _value(day, start_time, zone))
    components = [master]
    for occurrence in _overrides(event):
        override = _common(record, site, revision, dtstamp)
        override.add("recurrence-id", _value(occurrence.original_date, start_time, zone))
        _when(override, occurrence.start, occurrence.end, zone)
        change = occurrence.change
        title = change.title if change and change.title else event.title
        venue, place = event.venue, event.location
        if change and (change.venue or change.location):
            venue, place = change.venue, change.location
        _describe(override, record, site, text, occurrence.status, title, venue, place, _override_notes(occurrence))
        components.append(override)
    return components


def render_event(record: Record[Event], site: Site, revision: Revision, dtstamp: datetime) -> bytes:
    """The serialised components of one event, ready to be placed in any feed unchanged."""
    return b"".join(to_ical(component) for component in event_components(record, site, revision, dtstamp))


def _common(record: Record[Event], site: Site, revision: Revision, dtstamp: datetime) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", f"{record.id}@{site.town.domain}")
    component.add("dtstamp", dtstamp)
    component.add("last-modified", revision.last_modified)
    component.add("sequence", revision.sequence)
    return component


def _when(component: icalendar.Event, start: date | datetime, end: date | datetime | None, zone: ZoneInfo) -> None:
    if isinstance(start, datetime):
        component.add("dtstart", start.replace(tzinfo=zone))
        if isinstance(end, datetime):
            component.add("dtend", end.replace(tzinfo=zone))
        return
    component.add("dtstart", start)
    last_day = end if isinstance(end, date) and not isinstance(end, datetime) else start
    component.add("dtend", last_day + timedelta(days=1))  # exclusive, also for one-day events (Outlook)


def _value(day: date, start_time: time | None, zone: ZoneInfo) -> date | datetime:
    """A regular occurrence's start in DTSTART's form (for EXDATE and RECURRENCE-ID)."""
    return day if start_time is None else datetime.combine(day, start_time, tzinfo=zone)


def _rule(event: Event, zone: ZoneInfo) -> dict[str, object]:
    repeat = event.repeat
    assert repeat is not None
    rule: dict[str, object] = {"freq": repeat.freq.value.upper()}
    if repeat.interval > 1:
        rule["interval"] = repeat.interval
    if repeat.days:
        rule["byday"] = [day.rfc for day in repeat.days]
    if repeat.count:
        rule["count"] = repeat.count
    elif repeat.until:
        if isinstance(event.start, datetime):  # RFC 5545 §3.3.10: UTC when DTSTART has a TZID
            rule["until"] = datetime.combine(repeat.until, time(23, 59, 59), tzinfo=zone).astimezone(UTC)
        else:
            rule["until"] = repeat.until
    return rule


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
    component: icalendar.Event,
    record: Record[Event],
    site: Site,
    text: str,
    status: Status,
    title: str,
    venue_id: str | None,
    place: Place | None,
    notes: list[str],
) -> None:
    event, town = record.data, site.town
    component.add("summary", PREFIXES[status] + title)
    component.add("status", STATUSES[status])
    location, geo = _location(site, venue_id, place)
    if location:
        component.add("location", location)
    if geo is not None:
        component.add("geo", geo)
    page = town.site_url + urls.event(record.id)
    component.add("url", page)
    categories = [town.category_label(event.category)]
    categories += [tag for tag in event.tags if tag.casefold() not in {c.casefold() for c in categories}]
    component.add("categories", categories)
    component.add("organizer", _organizer(site, event))
    component.add("description", _description(event, text, status, notes, page, town.portal_name))


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


def _organizer(site: Site, event: Event) -> icalendar.vCalAddress:
    """The organising clubs (or the town), with a mailto: the first club e-mail, else the town's."""
    town = site.town
    clubs = [site.clubs[club_id].data for club_id in event.organizer]
    name = ", ".join(club.name for club in clubs) or town.organizer_name
    email = next((club.contact.email for club in clubs if club.contact and club.contact.email), None)
    address = icalendar.vCalAddress(f"mailto:{email or town.contact_point.email or town.legal.email}")
    address.params = _QuotedCN({"CN": name})
    return address


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
