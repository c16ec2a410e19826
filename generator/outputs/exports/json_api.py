"""The open-data API v1: one JSON file per kind of record under `api/v1/`, each with its schema.

Files are compact UTF-8 JSON, sorted (records by id, vocabularies in the town's order), and carry
no time stamp but the build's "today" and the Git dates of `added`: two builds of one commit
with the same ``--today`` are byte-identical. Occurrences come from the build's Catalog (expanded
once for the whole build).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from generator import urls
from generator.derive import german
from generator.derive.agenda import AgendaItem
from generator.derive.catalog import Catalog
from generator.derive.organizers import Organizer, organizers, resolve
from generator.models import club as club_model
from generator.models import common
from generator.models import event as event_model
from generator.models import opportunity as opportunity_model
from generator.models import venue as venue_model
from generator.models.hours import open_days
from generator.models.organizers import TOWN_ORGANIZER
from generator.models.site import Record, Site
from generator.outputs import Emit
from generator.outputs.exports import shapes
from generator.outputs.markdown import plain_text as plain
from generator.outputs.markdown import render_markdown

OCCURRENCE_DAYS = 90
"""How far ahead `next_occurrences` reaches (open-ended series are cut there)."""

MEDIA_JSON = "application/json"


def _geo(value: common.Geo | None) -> shapes.Geo | None:
    return shapes.Geo(lat=value.lat, lon=value.lon) if value else None


class ApiBuilder:
    """Turns the site's records into the API's models (validated on construction)."""

    def __init__(self, site: Site, catalog: Catalog, added: dict[tuple[str, str], datetime]):
        self.site = site
        self.catalog = catalog
        self.today = catalog.today
        self.added = added
        self.base = site.town.site_url
        self.zone = site.town.zone
        self.occurrences_until = self.today + timedelta(days=OCCURRENCE_DAYS)

    def absolute(self, path: str) -> str:
        return self.base + path

    # --- shared parts ------------------------------------------------------------------------

    @staticmethod
    def address(value: common.Address | None) -> shapes.Address | None:
        if value is None:
            return None
        return shapes.Address(street=value.street, postcode=value.postcode, city=value.city)

    @staticmethod
    def contact(value: common.Contact | None) -> shapes.Contact | None:
        if value is None:
            return None
        return shapes.Contact(
            role=value.role, name=value.name, email=value.email, phone=value.phone, website=value.website
        )

    @staticmethod
    def club_address(value: common.LabelledAddress) -> shapes.ClubAddress:
        return shapes.ClubAddress(street=value.street, postcode=value.postcode, city=value.city, label=value.label)

    @staticmethod
    def accessibility(value: common.Accessibility | None) -> shapes.Accessibility | None:
        if value is None:
            return None
        return shapes.Accessibility(
            wheelchair=value.wheelchair.value if value.wheelchair else None,
            toilet=value.toilet,
            hearing_loop=value.hearing_loop,
            notes=value.notes,
        )

    def image(self, value: common.Image | None) -> shapes.Image | None:
        picture = self.catalog.picture(value)
        if picture is None:
            return None
        return shapes.Image(url=self.absolute(picture.og.url), alt=picture.alt, credit=picture.credit)

    @staticmethod
    def place(value: event_model.Place | None) -> shapes.Place | None:
        if value is None:
            return None
        return shapes.Place(
            name=value.name,
            street=value.street,
            postcode=value.postcode,
            city=value.city,
            geo=_geo(value.geo),
            directions=value.directions,
        )

    def organizers(self, named: list[Organizer]) -> list[shapes.Organizer]:
        return [
            shapes.Organizer(
                club_id=organizer.club_id,
                name=organizer.name,
                url=self.absolute(urls.club(organizer.club_id)) if organizer.club_id else None,
                kind=organizer.kind,
                website=organizer.website,
                email=organizer.email,
                phone=organizer.phone,
            )
            for organizer in named
        ]

    def moment(self, value: date | datetime | None) -> date | datetime | None:
        """Local times get the town's UTC offset; days stay days."""
        if isinstance(value, datetime):
            return value.replace(tzinfo=self.zone)
        return value

    @staticmethod
    def texts(markdown_text: str | None) -> dict[str, str | None]:
        if not markdown_text:
            return {"description": None, "description_html": None}
        return {"description": plain(markdown_text), "description_html": str(render_markdown(markdown_text, 2))}

    # --- records -----------------------------------------------------------------------------

    def club(self, record: Record[club_model.Club]) -> shapes.Club:
        club = record.data
        page = urls.club(record.id)
        membership = None
        if club.membership:
            membership = shapes.Membership(
                open=club.membership.open, fee=club.membership.fee, notes=club.membership.notes
            )
        return shapes.Club(
            id=record.id,
            name=club.name,
            short_name=club.short_name,
            url=self.absolute(page),
            calendar_url=self.absolute(urls.feed_club(record.id)),
            widget_url=self.absolute(urls.widget_club(record.id)),
            qr_code_url=self.absolute(urls.qr(page)),
            categories=list(club.category),
            district=club.district,
            address=self.address(club.addresses[0] if club.addresses else None),
            addresses=[self.club_address(address) for address in club.addresses],
            venue_id=club.venue,
            meeting_times=list(club.meeting_times),
            audiences=list(club.audiences),
            membership=membership,
            founded=club.founded,
            contact=self.contact(club.first_contact),
            contacts=[contact for contact in map(self.contact, club.contacts) if contact is not None],
            accessibility=self.accessibility(club.accessibility),
            image=self.image(club.image),
            tags=list(club.tags),
            reviewed=club.reviewed,
            **self.texts(club.description),
        )

    def venue(self, record: Record[venue_model.Venue]) -> shapes.Venue:
        venue = record.data
        return shapes.Venue(
            id=record.id,
            name=venue.name,
            url=self.absolute(urls.venue(record.id)),
            calendar_url=self.absolute(urls.feed_venue(record.id)),
            address=self.address(venue.address),
            district=self.catalog.places.venue(record.id),
            geo=_geo(venue.geo),
            directions=venue.directions,
            accessibility=self.accessibility(venue.accessibility),
            contact=self.contact(venue.contact),
            **self.texts(venue.description),
        )

    def occurrence(self, item: AgendaItem) -> shapes.Occurrence:
        occurrence, event = item.occurrence, item.event.data
        change = occurrence.change
        venue_id, location = event.venue, event.location
        if change and change.venue:
            venue_id, location = change.venue, None
        elif change and change.location:
            venue_id, location = None, change.location
        return shapes.Occurrence(
            start=self.moment(occurrence.start),
            end=self.moment(occurrence.end),
            status=occurrence.status.value,
            original_date=occurrence.original_date,
            moved=occurrence.moved,
            title=(change.title if change and change.title else None) or event.title,
            venue_id=venue_id,
            location=self.place(location),
            district=item.district,
            note=change.note if change else None,
        )

    def hours(self, event: event_model.Event) -> list[shapes.OpeningTime]:
        """Each opening of an event with `hours`, as local times with the town's offset."""
        if not event.hours or isinstance(event.start, datetime) or not isinstance(event.end, date):
            return []
        return [
            shapes.OpeningTime(start=self.moment(slot.start), end=self.moment(slot.end))  # type: ignore[arg-type]
            for _, slots in open_days(event.start, event.end, event.hours)
            for slot in slots
        ]

    def recurrence(self, event: event_model.Event) -> shapes.Recurrence | None:
        repeat = event.repeat
        if repeat is None:
            return None
        return shapes.Recurrence(
            freq=repeat.freq.value,
            interval=repeat.interval,
            days=[day.rfc for day in repeat.days or ()],
            until=repeat.until,
            count=repeat.count,
            text=german.recurrence_in_words(event),
        )

    def event(self, record: Record[event_model.Event]) -> shapes.Event:
        event = record.data
        page = urls.event(record.id)
        items = self.catalog.by_event.get(record.id, [])
        upcoming = self.catalog.upcoming_or_next(items, OCCURRENCE_DAYS)
        current = self.catalog.is_current(record.id)
        return shapes.Event(
            id=record.id,
            title=event.title,
            url=self.absolute(page),
            ical_url=self.absolute(urls.event_ics(record.id)),
            qr_code_url=self.absolute(urls.qr(page)),
            poster_url=self.absolute(urls.poster(record.id)) if current else None,
            status=event.status.value,
            all_day=event.all_day,
            start=self.moment(event.start),
            end=self.moment(event.end),  # type: ignore[arg-type]  # resolved to date/datetime by the model
            recurrence=self.recurrence(event),
            organizers=self.organizers(organizers(self.site, event)),
            category=event.category,
            audiences=list(event.audiences),
            venue_id=event.venue,
            location=self.place(event.location),
            district=self.catalog.places.of_event(event),
            free=event.free,
            price=event.price,
            registration_url=event.registration,
            registration_required=event.registration_required,
            accessibility=self.accessibility(event.accessibility),
            image=self.image(event.image),
            tags=list(event.tags),
            website=event.website,
            contact=self.contact(event.contact),
            added=self.added[("events", record.id)],
            next_occurrences=[self.occurrence(item) for item in upcoming],
            hours=self.hours(event),
            **self.texts(event.description),
        )

    def opportunity(self, record: Record[opportunity_model.Opportunity]) -> shapes.Opportunity:
        opportunity = record.data
        return shapes.Opportunity(
            id=record.id,
            title=opportunity.title,
            url=self.absolute(urls.opportunity(record.id)),
            organizers=self.organizers(
                [resolve(self.site, club_id) for club_id in opportunity.organizer]
                or [resolve(self.site, TOWN_ORGANIZER)]  # a call without a club is the town's
            ),
            time_commitment=opportunity.time_commitment,
            expires=opportunity.expires,
            category=opportunity.category,
            district=opportunity.district,
            venue_id=opportunity.venue,
            audiences=list(opportunity.audiences),
            tags=list(opportunity.tags),
            contact=self.contact(opportunity.contact),
            description=plain(opportunity.description),
            description_html=str(render_markdown(opportunity.description, 2)),
            added=self.added[("opportunities", record.id)],
        )

    # --- files -------------------------------------------------------------------------------

    def documents(self) -> dict[str, shapes.ApiModel]:
        """Every JSON file of the API by endpoint name (the keys of ``shapes.ENDPOINTS``)."""
        site, town, today = self.site, self.site.town, self.today
        header = {"api_version": shapes.API_VERSION, "generated": today}
        clubs = [self.club(r) for r in sorted(site.clubs.values())]
        events = [self.event(r) for r in sorted(site.events.values())]
        venues = [self.venue(r) for r in sorted(site.venues.values())]
        opportunities = [self.opportunity(r) for r in sorted(self.catalog.open_opportunities())]
        categories = [
            shapes.Category(
                id=t.id,
                label=t.label,
                description=t.description,
                url=self.absolute(urls.category(t.id)),
                calendar_url=self.absolute(urls.feed_category(t.id)),
                widget_url=self.absolute(urls.widget_category(t.id)),
            )
            for t in town.categories
        ]
        audiences = [
            shapes.Audience(
                id=t.id,
                label=t.label,
                description=t.description,
                url=self.absolute(urls.audience(t.id)),
                calendar_url=self.absolute(urls.feed_audience(t.id)),
            )
            for t in town.audiences
        ]
        districts = [
            shapes.District(
                id=t.id,
                label=t.label,
                description=t.description,
                url=self.absolute(urls.district(t.id)),
                calendar_url=self.absolute(urls.feed_district(t.id)),
            )
            for t in town.districts
        ]
        documents: dict[str, shapes.ApiModel] = {
            "clubs": shapes.ClubList(**header, count=len(clubs), items=clubs),
            "events": shapes.EventList(
                **header, count=len(events), occurrences_until=self.occurrences_until, items=events
            ),
            "venues": shapes.VenueList(**header, count=len(venues), items=venues),
            "opportunities": shapes.OpportunityList(**header, count=len(opportunities), items=opportunities),
            "categories": shapes.CategoryList(**header, count=len(categories), items=categories),
            "audiences": shapes.AudienceList(**header, count=len(audiences), items=audiences),
            "districts": shapes.DistrictList(**header, count=len(districts), items=districts),
        }
        return {"index": self.index(), **documents}

    def index(self) -> shapes.ApiIndex:
        town = self.site.town
        files = [
            shapes.Endpoint(
                name=name,
                title=title,
                url=self.absolute(urls.api(name)),
                schema_url=self.absolute(urls.api_schema(name)),
                media_type=MEDIA_JSON,
            )
            for name, (_, title) in shapes.ENDPOINTS.items()
        ]
        files += [
            shapes.Endpoint(name=name, title=title, url=self.absolute(path), schema_url=None, media_type=media)
            for name, title, path, media in EXTRA_FILES
        ]
        return shapes.ApiIndex(
            api_version=shapes.API_VERSION,
            generated=self.today,
            town=shapes.Town(
                name=town.name, portal_name=town.portal_name, site_url=town.site_url, timezone=town.timezone
            ),
            documentation=self.absolute(urls.open_data()),
            files=files,
        )


EXTRA_FILES = (
    ("clubs-csv", "Vereine als Tabelle (CSV für Excel)", urls.csv_file("vereine"), "text/csv; charset=utf-8"),
    (
        "events-csv",
        "Termine als Tabelle (CSV für Excel)",
        urls.csv_file("veranstaltungen"),
        "text/csv; charset=utf-8",
    ),
    ("news-rss", "Neu im Portal (RSS 2.0)", urls.news_rss(), "application/rss+xml"),
    ("news-atom", "Neu im Portal (Atom)", urls.news_atom(), "application/atom+xml"),
    ("calendar", "Alle Veranstaltungen (iCalendar)", urls.feed_all(), "text/calendar"),
)


def dump(document: shapes.ApiModel | dict[str, Any]) -> bytes:
    """Compact, key-order-preserving UTF-8 JSON with a final newline."""
    data = document.model_dump(mode="json") if isinstance(document, shapes.ApiModel) else document
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def write_api(emit: Emit, builder: ApiBuilder) -> dict[str, int]:
    """Write every JSON file and its schema; returns site-relative path → size in bytes."""
    sizes: dict[str, int] = {}
    for name, document in builder.documents().items():
        model, title = shapes.ENDPOINTS[name]
        schema_path = urls.api_schema(name)
        schema = shapes.json_schema(model, title, builder.absolute(schema_path))
        for path, data in ((urls.api(name), dump(document)), (schema_path, dump(schema))):
            emit(path, data)
            sizes[path] = len(data)
    return sizes
