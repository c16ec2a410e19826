"""The organisers of an event as every output shows them: name, kind, and how to reach them.

An event names clubs of the directory, the town (``stadt``) and organisations without an entry
(`models/organizers.py`); this resolves each to one `Organizer`, in the order written. An event
that names none has none: no output puts the town in its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.models.event import Event
from generator.models.organizers import TOWN_ORGANIZER, NamedOrganizer
from generator.models.site import Site

Kind = Literal["club", "town", "other"]


@dataclass(frozen=True)
class Organizer:
    """One organiser of an event; ``club_id`` only for a club of the directory."""

    kind: Kind
    name: str
    club_id: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None


def organizers(site: Site, event: Event) -> list[Organizer]:
    """Each organiser ``event`` names, resolved; empty when it names none."""
    return [resolve(site, entry) for entry in event.organizer]


def resolve(site: Site, entry: str | NamedOrganizer) -> Organizer:
    """One written organiser: a club id, ``stadt`` or a named organisation."""
    if isinstance(entry, NamedOrganizer):
        return Organizer("other", entry.name, website=entry.website, email=entry.email, phone=entry.phone)
    town = site.town
    if entry == TOWN_ORGANIZER:
        point = town.contact_point
        return Organizer("town", town.organizer_name, email=point.email, phone=point.phone)
    club = site.clubs[entry].data
    return Organizer(
        "club",
        club.name,
        club_id=entry,
        website=next((contact.website for contact in club.contacts if contact.website), None),
        email=club.email,
        phone=next((contact.phone for contact in club.contacts if contact.phone), None),
    )
