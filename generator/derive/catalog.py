"""Everything the page templates need, computed once per build.

Occurrences are expanded once per event and indexed by club, venue, category
and audience, so a club page does not rescan all events (this matters at
county scale: 10,000 events, 1,000 clubs).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

from generator.derive.agenda import AgendaItem
from generator.derive.pictures import Picture, Pictures
from generator.derive.places import Places
from generator.derive.series import SeriesEntry, split_series
from generator.models.club import Club
from generator.models.common import Image
from generator.models.districts import OUTSIDE
from generator.models.event import Event, Status
from generator.models.opportunity import Opportunity
from generator.models.schedule import Occurrence, occurrences
from generator.models.site import Record, Site
from generator.models.town import Term

HORIZON_DAYS = 400
"""How far ahead pages show occurrences (open-ended series are cut here)."""
UPCOMING_DAYS = 60
HIGHLIGHT_DAYS = 90
"""How far ahead the start page looks for highlights."""
ARCHIVE_DAYS = 365
EVENT_PAGE_DATES = 8
"""Dates an event's page lists under "Nächste Termine"."""
SINGLE_DATES = 3
"""Dates of a series that get a calendar file of their own ("Nur diesen Termin"): the next three
that take place. Each is a file (about 1 KB); at 3,000 series that is 9,000 files, where every
listed date (8) would be 24,000."""


def single_dates(event: Event, today: date) -> list[Occurrence]:
    """The dates of a series that its page offers one by one: the first `SINGLE_DATES` of the
    dates it lists (`EVENT_PAGE_DATES` from today on, as `Catalog.future`) that are not cancelled.

    The feeds write a file for each and the page links each, so both ask here."""
    if event.repeat is None:
        return []
    chosen: list[Occurrence] = []
    listed = 0
    for occurrence in occurrences(event, today + timedelta(days=HORIZON_DAYS)):
        end = occurrence.end or occurrence.start
        if (end.date() if isinstance(end, datetime) else end) < today:
            continue
        listed += 1
        if listed > EVENT_PAGE_DATES or len(chosen) == SINGLE_DATES:
            break
        if occurrence.status is not Status.cancelled:
            chosen.append(occurrence)
    return chosen


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def slug(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return self.next().first_day - timedelta(days=1)

    def next(self) -> Month:
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    def previous(self) -> Month:
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)


@dataclass
class Catalog:
    """Indexes over the site's records for one build date."""

    site: Site
    today: date
    items: list[AgendaItem] = field(default_factory=list)
    """All occurrences from ARCHIVE_DAYS ago to HORIZON_DAYS ahead, sorted."""
    by_event: dict[str, list[AgendaItem]] = field(default_factory=dict)
    by_club: dict[str, list[AgendaItem]] = field(default_factory=lambda: defaultdict(list))
    by_venue: dict[str, list[AgendaItem]] = field(default_factory=lambda: defaultdict(list))
    by_category: dict[str, list[AgendaItem]] = field(default_factory=lambda: defaultdict(list))
    by_audience: dict[str, list[AgendaItem]] = field(default_factory=lambda: defaultdict(list))
    by_district: dict[str, list[AgendaItem]] = field(default_factory=lambda: defaultdict(list))
    """Dates by the Ortsteil of their own place (a date moved to another Ortsteil is listed there)."""
    _by_month: dict[Month, list[AgendaItem]] = field(default_factory=dict)
    pictures: Pictures = field(default_factory=Pictures.none)
    """The pictures the records use (`derive/pictures.py`); none unless the build scanned them."""

    @classmethod
    def build(cls, site: Site, today: date, pictures: Pictures | None = None) -> Catalog:
        catalog = cls(site, today)
        if pictures is not None:
            catalog.pictures = pictures
        first = today - timedelta(days=ARCHIVE_DAYS)
        last = today + timedelta(days=HORIZON_DAYS)
        items: list[AgendaItem] = []
        places = catalog.places
        for record in site.events.values():
            own = []
            main = places.of_event(record.data)
            for occurrence in occurrences(record.data, last):
                item = AgendaItem(record, occurrence, places.of_date(occurrence.change, main))
                if item.last_day >= first:
                    own.append(item)
            catalog.by_event[record.id] = own
            items.extend(own)
        items.sort(key=lambda item: item.sort_key)
        catalog.items = items
        for item in items:
            event = item.event.data
            for club_id in event.club_ids:
                catalog.by_club[club_id].append(item)
            venue_id = (item.occurrence.change.venue if item.occurrence.change else None) or event.venue
            if venue_id:
                catalog.by_venue[venue_id].append(item)
            catalog.by_category[event.category].append(item)
            for audience in event.audiences:
                catalog.by_audience[audience].append(item)
            if item.district:
                catalog.by_district[item.district].append(item)
        return catalog

    @cached_property
    def places(self) -> Places:
        """The Ortsteil of every venue, one-off location and moved date."""
        return Places(self.site)

    @cached_property
    def labels(self) -> dict[str, dict[str, str]]:
        """German labels of the town's vocabularies: ``labels["category"]["sport"]``."""
        town = self.site.town
        return {
            "category": {t.id: t.label for t in town.categories},
            "district": {t.id: t.label for t in town.districts} | {OUTSIDE: town.district_label(OUTSIDE)},
            "audience": {t.id: t.label for t in town.audiences},
        }

    # --- windows -------------------------------------------------------------------------

    def upcoming(self, items: list[AgendaItem] | None = None, days: int = UPCOMING_DAYS) -> list[AgendaItem]:
        """Occurrences still running today or starting within ``days``."""
        last = self.today + timedelta(days=days)
        return [i for i in (self.items if items is None else items) if i.last_day >= self.today and i.day <= last]

    def upcoming_or_next(self, items: list[AgendaItem], days: int) -> list[AgendaItem]:
        """`upcoming(items, days)`; when that is empty, the first date after it (if any).

        What open data lists per event: the dates of the coming ``days`` — and for an event whose
        first date lies further ahead (a festival in June, seen in December) that date, so no
        current event is left without one."""
        upcoming = self.upcoming(items, days)
        return upcoming or self.future(items)[:1]

    def listed_dates(self, days: int) -> list[AgendaItem]:
        """Every event's `upcoming_or_next` dates, in reading order (the events CSV's rows)."""
        rows = [item for items in self.by_event.values() for item in self.upcoming_or_next(items, days)]
        return sorted(rows, key=lambda item: item.sort_key)

    def future(self, items: list[AgendaItem]) -> list[AgendaItem]:
        return [i for i in items if i.last_day >= self.today]

    def between(self, first: date, last: date, items: list[AgendaItem] | None = None) -> list[AgendaItem]:
        """Occurrences touching the days ``first`` to ``last`` (inclusive)."""
        return [i for i in (self.items if items is None else items) if i.last_day >= first and i.day <= last]

    def highlights(self, days: int = HIGHLIGHT_DAYS) -> list[AgendaItem]:
        """The next occurrence of each event marked as highlight, soonest first."""
        seen: set[str] = set()
        result = []
        for item in self.upcoming(days=days):
            if item.event.data.highlight and item.event.id not in seen:
                seen.add(item.event.id)
                result.append(item)
        return result

    def split_series(
        self, items: list[AgendaItem], venue_id: str | None = None
    ) -> tuple[list[AgendaItem], list[SeriesEntry]]:
        """One-off occurrences by date, and each regular series once (`derive.series`) with its
        dates of the next UPCOMING_DAYS; ``venue_id`` for a venue's list (see there)."""
        window_end = self.today + timedelta(days=UPCOMING_DAYS)
        return split_series(items, self.next_taking_place, window_end, venue_id)

    def next_taking_place(self, event_id: str) -> AgendaItem | None:
        """The event's first occurrence from today on that is not cancelled (a series is asked on
        every list that shows it: found once per build)."""
        return self._next_taking_place.get(event_id)

    @cached_property
    def _next_taking_place(self) -> dict[str, AgendaItem]:
        today, found = self.today, {}
        for event_id, items in self.by_event.items():
            item = next((i for i in items if i.last_day >= today and not i.cancelled), None)
            if item is not None:
                found[event_id] = item
        return found

    def in_month(self, month: Month) -> list[AgendaItem]:
        """Items touching ``month``; indexed once by the months they span."""
        if not self._by_month:
            for item in self.items:
                current, last = Month.of(item.day), Month.of(item.last_day)
                while (current.year, current.month) <= (last.year, last.month):
                    self._by_month.setdefault(current, []).append(item)
                    current = current.next()
        return self._by_month.get(month, [])

    def months(self) -> list[Month]:
        """Calendar months with pages: from this month to the last month with an occurrence."""
        current = Month.of(self.today)
        last = max((Month.of(i.day) for i in self.items), key=lambda m: (m.year, m.month), default=current)
        months = [current]
        while (months[-1].year, months[-1].month) < (last.year, last.month):
            months.append(months[-1].next())
        return months

    def past_events(self) -> list[tuple[Record[Event], AgendaItem]]:
        """Events that are over, with their last occurrence, newest first."""
        past = []
        for event_id, items in self.by_event.items():
            if items and all(i.last_day < self.today for i in items):
                past.append((self.site.events[event_id], items[-1]))
        return sorted(past, key=lambda pair: pair[1].sort_key, reverse=True)

    def is_current(self, event_id: str) -> bool:
        """Whether the event has an occurrence today or later (event pages ask twice each)."""
        return event_id in self._current_events

    @cached_property
    def _current_events(self) -> frozenset[str]:
        today = self.today
        return frozenset(e for e, items in self.by_event.items() if any(i.last_day >= today for i in items))

    # --- records -------------------------------------------------------------------------

    def clubs_in(self, category_id: str) -> list[Record[Club]]:
        return sorted((c for c in self.site.clubs.values() if category_id in c.data.category), key=_club_name)

    def clubs_for(self, audience_id: str) -> list[Record[Club]]:
        return sorted((c for c in self.site.clubs.values() if audience_id in c.data.audiences), key=_club_name)

    def clubs_sorted(self) -> list[Record[Club]]:
        """All clubs by name (asked by every venue and Ortsteil page and the event filters: sorted once)."""
        return self._clubs_sorted

    @cached_property
    def _clubs_sorted(self) -> list[Record[Club]]:
        return sorted(self.site.clubs.values(), key=_club_name)

    def picture(self, image: Image | None) -> Picture | None:
        """A record's picture as templates show it (``catalog.picture(record.data.image)``)."""
        return self.pictures.picture(image)

    def open_opportunities(self) -> list[Record[Opportunity]]:
        """Volunteer calls that have not expired, soonest deadline last (newest calls stay on top)."""
        current = [o for o in self.site.opportunities.values() if o.data.expires >= self.today]
        return sorted(current, key=lambda o: (o.data.title.lower(), o.id))

    def opportunity_district(self, call: Opportunity) -> str | None:
        """A call's Ortsteil: as written, else that of its venue (derived as events' places are)."""
        if call.district:
            return call.district
        return self.places.venue(call.venue) if call.venue else None

    def opportunities_of(self, club_id: str) -> list[Record[Opportunity]]:
        return [o for o in self.open_opportunities() if club_id in o.data.organizer]

    def used_terms(self, vocabulary: list[Term], used: set[str]) -> list[Term]:
        return [term for term in vocabulary if term.id in used]


def _club_name(record: Record[Club]) -> tuple[str, str]:
    return (record.data.name.lower(), record.id)
