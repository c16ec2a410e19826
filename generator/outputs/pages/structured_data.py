"""schema.org JSON-LD for clubs (Organization), events (Event, with eventSchedule for series) and venues (Place).

Search engines and the town app read these; times carry the town's UTC offset.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from generator import urls
from generator.derive.agenda import AgendaItem
from generator.derive.daily_hours import DailyHours
from generator.derive.organizers import Organizer
from generator.derive.organizers import organizers as organizers_of
from generator.derive.pictures import Picture
from generator.models.club import Club
from generator.models.common import Contact, Geo
from generator.models.event import Event, Frequency, Status
from generator.models.site import Record, Site
from generator.models.venue import Venue
from generator.models.weekdays import GERMAN_NAMES
from generator.outputs.markdown import plain_text

_DAY_URLS = tuple(
    f"https://schema.org/{name}"
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
)
_FREQUENCY = {Frequency.daily: "P1D", Frequency.weekly: "P1W", Frequency.monthly: "P1M", Frequency.yearly: "P1Y"}
_STATUS = {
    Status.scheduled: "https://schema.org/EventScheduled",
    Status.cancelled: "https://schema.org/EventCancelled",
    Status.postponed: "https://schema.org/EventPostponed",
}
assert len(GERMAN_NAMES) == len(_DAY_URLS)


def to_json(data: dict[str, Any]) -> str:
    """Compact JSON safe to embed in a <script> element.

    Every "<" is written as \\u003c (as Django's json_script does): neither "</script>" nor
    "<!--" from contributor text can then end the element or change how the browser parses it.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c")


def absolute(site: Site, path: str) -> str:
    return site.town.site_url + path


def _moment(value: date | datetime, zone: ZoneInfo) -> str:
    if isinstance(value, datetime):
        return value.replace(tzinfo=zone).isoformat()
    return value.isoformat()


def _address(street: str | None, postcode: str | None, city: str | None) -> dict[str, Any] | None:
    """A PostalAddress of the parts that are written; None for a place known only by geo or directions."""
    if not (street or city):
        return None
    parts = {"streetAddress": street, "postalCode": postcode, "addressLocality": city}
    return {"@type": "PostalAddress", **{key: value for key, value in parts.items() if value}, "addressCountry": "DE"}


def _geo(geo: Geo | None) -> dict[str, Any]:
    if geo is None:
        return {}
    return {"geo": {"@type": "GeoCoordinates", "latitude": geo.lat, "longitude": geo.lon}}


def place(site: Site, record: Record[Venue]) -> dict[str, Any]:
    venue = record.data
    address = venue.address
    postal = _address(address.street, address.postcode, address.city) if address else None
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": venue.name,
        "url": absolute(site, urls.venue(record.id)),
        **({"address": postal} if postal else {}),
        **_geo(venue.geo),
    }
    if venue.accessibility and venue.accessibility.wheelchair:
        data["amenityFeature"] = {
            "@type": "LocationFeatureSpecification",
            "name": "Rollstuhlgerecht",
            "value": venue.accessibility.wheelchair.value == "yes",
        }
    return data


def _organization(site: Site, organizer: Organizer) -> dict[str, Any]:
    """An event's organiser: a club links to its page in the portal, the town to the portal, another
    organisation to its own website (if it has one)."""
    data: dict[str, Any] = {"@type": "Organization", "name": organizer.name}
    if organizer.club_id is not None:
        data["url"] = absolute(site, urls.club(organizer.club_id))
    elif organizer.kind == "town":
        data["url"] = site.town.site_url
    elif organizer.website:
        data["url"] = organizer.website
    if organizer.email:
        data["email"] = organizer.email
    return data


def _contact_point(contact: Contact) -> dict[str, Any]:
    point: dict[str, Any] = {"@type": "ContactPoint"}
    for key, value in (
        ("contactType", contact.role),
        ("name", contact.name),
        ("email", contact.email),
        ("telephone", contact.phone),
        ("url", contact.website),
    ):
        if value:
            point[key] = value
    return point


def _club_contacts(club: Club) -> dict[str, Any]:
    """The club's first e-mail and phone as its own, its websites as ``sameAs``, every contact as a
    ``contactPoint`` (with its role as ``contactType``) when there are several or one has a role."""
    contacts = club.contacts
    data: dict[str, Any] = {}
    if club.email:
        data["email"] = club.email
    phone = next((contact.phone for contact in contacts if contact.phone), None)
    if phone:
        data["telephone"] = phone
    websites = list(dict.fromkeys(contact.website for contact in contacts if contact.website))
    if websites:
        data["sameAs"] = websites[0] if len(websites) == 1 else websites
    if len(contacts) > 1 or any(contact.role for contact in contacts):
        data["contactPoint"] = [_contact_point(contact) for contact in contacts]
    return data


def organization(site: Site, record: Record[Club], picture: Picture | None = None) -> dict[str, Any]:
    club = record.data
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": club.name,
        "url": absolute(site, urls.club(record.id)),
    }
    if club.description:
        data["description"] = plain_text(club.description)[:500]
    data.update(_club_contacts(club))
    if club.addresses:
        addresses = [_address(address.street, address.postcode, address.city) for address in club.addresses]
        data["address"] = addresses[0] if len(addresses) == 1 else addresses
    if club.founded:
        data["foundingDate"] = str(club.founded)
    if picture is not None:
        data["image"] = absolute(site, picture.og.url)
    return data


def event(
    site: Site, record: Record[Event], upcoming: list[AgendaItem], picture: Picture | None = None
) -> dict[str, Any]:
    """Event; a series gets its next occurrence as startDate plus an eventSchedule."""
    ev = record.data
    zone = site.town.zone
    shown = next((i.occurrence for i in upcoming if i.occurrence.status is not Status.cancelled), None)
    start = shown.start if shown else ev.start
    end = shown.end if shown else ev.end
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": ev.title,
        "url": absolute(site, urls.event(record.id)),
        "startDate": _moment(start, zone),
        "eventStatus": _STATUS[ev.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if end is not None:
        data["endDate"] = _moment(end, zone)
    if ev.description:
        data["description"] = plain_text(ev.description)[:500]
    if ev.venue:
        data["location"] = place(site, site.venues[ev.venue])
        del data["location"]["@context"]
    elif ev.location:
        spot = ev.location
        postal = _address(spot.street, spot.postcode, spot.city)
        location: dict[str, Any] = {
            "@type": "Place",
            "name": spot.name,
            **({"address": postal} if postal else {}),
            **_geo(spot.geo),
        }
        data["location"] = location
    organizers = [_organization(site, organizer) for organizer in organizers_of(site, ev)]
    if organizers:
        data["organizer"] = organizers[0] if len(organizers) == 1 else organizers
    if ev.free is not None:
        data["isAccessibleForFree"] = ev.free
    if picture is not None:
        data["image"] = absolute(site, picture.og.url)
    if ev.repeat:
        data["eventSchedule"] = _schedule(ev, zone)
    hours = DailyHours.of(ev)
    if hours is not None:
        _daily_schedule(data, hours, zone)
    return data


def _daily_schedule(data: dict[str, Any], hours: DailyHours, zone: ZoneInfo) -> None:
    """A multi-day event with hours: first opening to last closing, and one Schedule per run of
    days with the same times (schema.org's way to say "Fr 16–21, Sa–So 11–21")."""
    first = hours.days[0][1][0]
    last = hours.days[-1][1][-1]
    data["startDate"] = _moment(first.start, zone)
    data["endDate"] = _moment(last.end or last.start.date(), zone)
    schedules = []
    for days, times in hours.runs():
        for start, end in times:
            schedule: dict[str, Any] = {
                "@type": "Schedule",
                "startDate": days[0].isoformat(),
                "endDate": days[-1].isoformat(),
                "repeatFrequency": "P1D",
                "startTime": f"{start:%H:%M}",
                "scheduleTimezone": str(zone.key),
            }
            if end is not None:
                schedule["endTime"] = f"{end:%H:%M}"
            schedules.append(schedule)
    data["eventSchedule"] = schedules


def _schedule(ev: Event, zone: ZoneInfo) -> dict[str, Any]:
    repeat = ev.repeat
    assert repeat is not None
    schedule: dict[str, Any] = {
        "@type": "Schedule",
        "startDate": (ev.start.date() if isinstance(ev.start, datetime) else ev.start).isoformat(),
        "repeatFrequency": _FREQUENCY[repeat.freq]
        if repeat.interval == 1
        else f"P{repeat.interval}{_FREQUENCY[repeat.freq][-1]}",
        "scheduleTimezone": str(zone.key),
    }
    if repeat.days:
        schedule["byDay"] = [_DAY_URLS[d.day] for d in repeat.days]
    if isinstance(ev.start, datetime):
        schedule["startTime"] = f"{ev.start:%H:%M}"
        if isinstance(ev.end, datetime):
            schedule["endTime"] = f"{ev.end:%H:%M}"
    if repeat.until:
        schedule["endDate"] = repeat.until.isoformat()
    if repeat.count:
        schedule["repeatCount"] = repeat.count
    if repeat.except_:
        schedule["exceptDate"] = [d.isoformat() for d in repeat.except_]
    return schedule
