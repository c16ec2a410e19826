"""Small lookups and formatting helpers for the page templates of one page.

Templates get a `view` object bound to the page's URL, so links come out
relative and labels come from the town config without repeating lookups in
every template.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, NamedTuple
from urllib.parse import quote_plus

from generator import urls
from generator.derive import german
from generator.derive.agenda import AgendaItem
from generator.derive.catalog import HORIZON_DAYS, Catalog, Month
from generator.derive.daily_hours import DailyHours
from generator.derive.organizers import organizers
from generator.derive.series import SeriesEntry
from generator.derive.series_notes import SeriesNote, series_notes
from generator.models.common import Accessibility
from generator.models.districts import OUTSIDE
from generator.models.event import Event, Place
from generator.models.opportunity import Opportunity
from generator.models.site import Record, Site
from generator.models.venue import Venue


class Fragment(NamedTuple):
    """Rendered HTML and the links it contains (target → link as written), see `ViewHelpers.shared`."""

    links: tuple[tuple[str, str], ...]
    html: str
    item: AgendaItem
    """Kept alive with the fragment: the cache key holds its `id()`."""


Fragments = dict[tuple[Any, ...], list[Fragment]]
"""List items rendered once for every page that shows them: one per `PageRenderer`."""


class ViewHelpers:
    def __init__(self, site: Site, catalog: Catalog, current_url: str, fragments: Fragments | None = None):
        self.site = site
        self.catalog = catalog
        self.current_url = current_url
        self.fragments: Fragments = {} if fragments is None else fragments
        self._labels = catalog.labels  # built once per build, not once per page
        self._links: dict[str, str] = {}
        self._recording: dict[str, str] | None = None  # the links a `shared` fragment contains

    def link(self, target: str) -> str:
        """A link from this page to ``target`` (a site-relative path from `urls`)."""
        link = self._links.get(target)
        if link is None:  # a month page links each weekly series four or five times
            link = self._links[target] = urls.relative(target, self.current_url)
        if self._recording is not None:
            self._recording[target] = link
        return link

    def shared(self, macro: Callable[..., str], item: AgendaItem, **options: Any) -> str:
        """``macro(item, **options)``, rendered once for all pages on which its links come out
        the same: one occurrence is listed on the start page, the event list and its club, venue,
        category and audience pages (25,000 list items at 10,000 events, 14,000 different ones).

        The macro must depend on the page only through `link` (macros are imported without
        context, so they see the page through `view` alone); its other arguments are hashable.
        """
        key = (macro, id(item), *options.items())
        variants = self.fragments.setdefault(key, [])
        for fragment in variants:
            if all(self.link(target) == link for target, link in fragment.links):
                return fragment.html
        outer, self._recording = self._recording, {}
        try:
            html = macro(item, **options)
            links = tuple(self._recording.items())
        finally:
            self._recording = outer
        if outer is not None:
            outer.update(links)
        variants.append(Fragment(links, html, item))
        return html

    def absolute(self, target: str) -> str:
        return self.site.town.site_url + target

    def webcal(self, target: str) -> str:
        """The `webcal://` address of a feed, which calendar apps open as a subscription."""
        absolute = self.absolute(target)
        return "webcal://" + absolute.split("://", 1)[1]

    # --- labels ------------------------------------------------------------------------------

    def category(self, term_id: str) -> str:
        return self._labels["category"][term_id]

    def district(self, term_id: str) -> str:
        return self._labels["district"][term_id]

    def audience(self, term_id: str) -> str:
        return self._labels["audience"][term_id]

    def district_options(self) -> list[tuple[str, str]]:
        """(id, label) of every Ortsteil for a filter, then the places outside the town."""
        return [(t.id, t.label) for t in self.site.town.districts] + [(OUTSIDE, self._labels["district"][OUTSIDE])]

    def venue_district(self, venue_id: str) -> str | None:
        """The Ortsteil of a venue, written or found in its address (`derive/places.py`)."""
        return self.catalog.places.venue(venue_id)

    def club_name(self, club_id: str) -> str:
        return self.site.clubs[club_id].data.name

    def venue(self, venue_id: str) -> Record[Venue]:
        return self.site.venues[venue_id]

    def organizers(self, event: Event) -> list[tuple[str | None, bool, str]]:
        """(link or None, whether the link leaves the portal, name) of each organiser; empty when none is
        stated. A club links to its page, another organisation to its website."""
        shown: list[tuple[str | None, bool, str]] = []
        for organizer in organizers(self.site, event):
            if organizer.club_id is not None:
                shown.append((self.link(urls.club(organizer.club_id)), False, organizer.name))
            else:
                shown.append((organizer.website if organizer.kind == "other" else None, True, organizer.name))
        return shown

    def organizer_names(self, event: Event) -> list[str]:
        """The names of `organizers` without their links (agenda lists name, but do not link them)."""
        return [organizer.name for organizer in organizers(self.site, event)]

    # --- places ------------------------------------------------------------------------------

    def place_of(self, item: AgendaItem) -> tuple[Record[Venue] | None, Place | None]:
        """Where one occurrence takes place, honouring a moved venue."""
        change = item.occurrence.change
        if change and change.venue:
            return self.site.venues[change.venue], None
        if change and change.location:
            return None, change.location
        event = item.event.data
        return (self.site.venues[event.venue] if event.venue else None), event.location

    def place_name(self, item: AgendaItem) -> str:
        venue, location = self.place_of(item)
        return venue.data.name if venue else (location.name if location else "")

    @staticmethod
    def osm_url(place: Venue | Place) -> str | None:
        """A link to OpenStreetMap (no embedded tiles: nothing is loaded from there): a marker at the
        coordinates, else a search for the street address; None for a place with neither."""
        if place.geo:
            lat, lon = place.geo.lat, place.geo.lon
            return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"
        if not place.street:
            return None
        return "https://www.openstreetmap.org/search?query=" + quote_plus(place.address_line, safe=",")

    @staticmethod
    def place_directions(venue: Venue | None, location: Place | None) -> str | None:
        """Directions worth showing with an event: a one-off place's, or a venue's when it has no
        street (else they are one click away on the venue's page)."""
        if location is not None:
            return location.directions
        if venue is not None and not venue.street:
            return venue.directions
        return None

    @staticmethod
    def wheelchair(accessibility: Accessibility | None) -> str | None:
        if accessibility is None or accessibility.wheelchair is None:
            return None
        return accessibility.wheelchair.label

    # --- occurrences ------------------------------------------------------------------------

    @staticmethod
    def daily_hours(event: Event) -> DailyHours | None:
        """The hours per day of a multi-day event with `hours` (page, poster)."""
        return DailyHours.of(event)

    def series_notes(self, record: Record[Event]) -> list[SeriesNote]:
        """The coming dates a series leaves out, cancels, moves or changes (its page)."""
        items = self.catalog.by_event.get(record.id, [])
        return series_notes(record.data, items, self.catalog.today, HORIZON_DAYS, self.place_name)

    @staticmethod
    def is_cancelled(item: AgendaItem) -> bool:
        return item.cancelled

    @staticmethod
    def is_postponed(item: AgendaItem) -> bool:
        return item.postponed

    @staticmethod
    def group_by_day(items: list[AgendaItem], since: date | None = None) -> list[tuple[date, list[AgendaItem]]]:
        """Items grouped under the day they start (multi-day items only under their first day);
        with ``since``, an item that began earlier (a market on its second day) is listed under it."""
        groups: dict[date, list[AgendaItem]] = {}
        for item in items:
            day = item.day if since is None or item.day >= since else since
            groups.setdefault(day, []).append(item)
        return sorted(groups.items(), key=lambda pair: pair[0]) if since is not None else list(groups.items())

    @staticmethod
    def time_of(item: AgendaItem) -> str:
        """`19:00–21:00 Uhr`, `19:00 Uhr` or `ganztägig` (computed once per item: `item.time`)."""
        return item.time

    def filter_data(self, item: AgendaItem) -> dict[str, str]:
        """`data-*` values the event filters in the browser match against."""
        event = item.event.data
        venue, _ = self.place_of(item)
        wheelchair = ""
        access = event.accessibility or (venue.data.accessibility if venue else None)
        if access and access.wheelchair:
            wheelchair = access.wheelchair.value
        return {
            "category": event.category,
            "clubs": " ".join(event.club_ids),
            "district": item.district or "",
            "audiences": " ".join(event.audiences),
            "free": "ja" if event.free else "",
            "wheelchair": wheelchair,
            "day": item.day.isoformat(),
            "last": item.last_day.isoformat(),
        }

    @staticmethod
    def month_of(day: date) -> Month:
        """The calendar month of ``day`` (its page: `urls.month(month.slug)`)."""
        return Month.of(day)

    def near_date(self, value: date | datetime) -> str:
        """`Mi., 9. Dezember`: a date in the coming months without its year (`german.near_date`)."""
        return german.near_date(value, self.catalog.today)

    def series_filter_data(self, entry: SeriesEntry) -> dict[str, str]:
        """`data-*` of a regular series: every value any of its dates has (a moved date's Ortsteil
        too), and `dates`, the days it takes place, so "from … to …" matches only real dates."""
        values: dict[str, dict[str, None]] = {}
        for item in entry.items:
            for key, value in self.filter_data(item).items():
                if key not in ("day", "last"):
                    values.setdefault(key, {}).update(dict.fromkeys(value.split()))
        data = {key: " ".join(found) for key, found in values.items()}
        data["dates"] = " ".join(dict.fromkeys(i.day.isoformat() for i in entry.items if not i.cancelled))
        data["day"], data["last"] = entry.items[0].day.isoformat(), entry.items[-1].last_day.isoformat()
        return data

    def series_by_category(self, entries: list[SeriesEntry]) -> list[tuple[str, list[SeriesEntry]]]:
        """Regular meetings under their topics, in the order of the town's categories."""
        groups: dict[str, list[SeriesEntry]] = {term.id: [] for term in self.site.town.categories}
        for entry in entries:
            groups[entry.event.data.category].append(entry)
        return [(category, members) for category, members in groups.items() if members]

    # --- calls to volunteer ----------------------------------------------------------------

    def opportunity_district(self, call: Opportunity) -> str | None:
        return self.catalog.opportunity_district(call)

    def opportunity_filter_data(self, call: Opportunity) -> dict[str, str]:
        """`data-*` values the filters on /mitmachen/ match against."""
        return {
            "category": call.category or "",
            "district": self.opportunity_district(call) or "",
            "commitment": call.commitment.value if call.commitment else "",
            "audiences": " ".join(call.audiences),
        }

    def month_grid(self, first: date, items: list[AgendaItem]) -> list[list[tuple[date | None, list[AgendaItem]]]]:
        """Weeks (Monday first) of the month starting at ``first``; each day with its items."""
        from datetime import timedelta

        by_day: dict[date, list[AgendaItem]] = {}
        with_hours: set[date] = set()
        for item in items:
            day = max(item.day, first)
            last = item.last_day
            while day <= last and day.month == first.month:
                if item.open_on(day):
                    by_day.setdefault(day, []).append(item)
                    if item.hours is not None:
                        with_hours.add(day)
                day += timedelta(days=1)
        for day in with_hours:  # the others keep the catalog's order
            by_day[day].sort(key=lambda item, day=day: item.order_on(day))
        weeks: list[list[tuple[date | None, list[AgendaItem]]]] = []
        week: list[tuple[date | None, list[AgendaItem]]] = [(None, [])] * first.weekday()
        day = first
        while day.month == first.month:
            week.append((day, by_day.get(day, [])))
            if len(week) == 7:
                weeks.append(week)
                week = []
            day += timedelta(days=1)
        if week:
            weeks.append(week + [(None, [])] * (7 - len(week)))
        return weeks
