"""The Ortsteil of every place of one site: venues, one-off locations and the places of moved dates.

A place names its district or the district is found in its city, name or postcode
(`models/districts.py`); validation has made sure one of the two works, so every place of a
valid site has a district — a town's own, or `models.districts.OUTSIDE`.
"""

from __future__ import annotations

from generator.models.event import Change, Event, Place
from generator.models.site import Site


class Places:
    """District lookups for one site (venues are looked up once)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._finder = site.town.district_finder
        self._venues: dict[str, str | None] = {}

    def venue(self, venue_id: str) -> str | None:
        found = self._venues.get(venue_id, "")
        if found == "":
            venue = self.site.venues[venue_id].data
            address = venue.address
            found = self._venues[venue_id] = self._finder.find(
                venue.district,
                name=venue.name,
                city=address.city if address else None,
                postcode=address.postcode if address else None,
            ).district
        return found

    def location(self, place: Place) -> str | None:
        return self._finder.find(place.district, name=place.name, city=place.city, postcode=place.postcode).district

    def of_event(self, event: Event) -> str | None:
        """The district of the event's own place (its series' place, whatever single dates do)."""
        if event.venue:
            return self.venue(event.venue)
        return self.location(event.location) if event.location else None

    def of_date(self, change: Change | None, main: str | None) -> str | None:
        """The district of one date: the place it was moved to, else ``main`` (`of_event`)."""
        if change is not None and change.venue:
            return self.venue(change.venue)
        if change is not None and change.location:
            return self.location(change.location)
        return main
