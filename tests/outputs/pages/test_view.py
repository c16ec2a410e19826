"""What page templates ask the view helpers (outputs/pages/view.py)."""

from __future__ import annotations

from datetime import date

import pytest
from small_town import TODAY, small_town

from generator.derive.catalog import Catalog
from generator.models.common import Address, Geo
from generator.models.event import Place
from generator.models.venue import Venue
from generator.outputs.pages.view import ViewHelpers


@pytest.fixture
def view(project) -> ViewHelpers:
    site = small_town(project)
    return ViewHelpers(site, Catalog.build(site, TODAY), "veranstaltungen/training/")


def _item(view: ViewHelpers, event_id: str, day: date):
    return next(i for i in view.catalog.by_event[event_id] if i.day == day)


def test_links_are_relative_to_the_current_page(view: ViewHelpers) -> None:
    assert view.link("vereine/turnverein/") == "../../vereine/turnverein/"
    assert view.link("") == "../../"
    assert view.absolute("kalender/") == "https://engagiert.example.org/kalender/"


def test_a_moved_date_takes_place_where_it_moved_to(view: ViewHelpers) -> None:
    assert view.place_name(_item(view, "training", date(2026, 12, 1))) == "Rathaus"
    assert view.place_name(_item(view, "training", date(2026, 12, 16))) == "Marktplatz"
    assert view.place_name(_item(view, "konzert", date(2027, 1, 15))) == "Scheune am Deich"


def test_filter_data(view: ViewHelpers) -> None:
    assert view.filter_data(_item(view, "training", date(2026, 12, 1))) == {
        "category": "sport",
        "clubs": "turnverein",
        "district": "mitte",  # the town hall's district
        "audiences": "kinder",
        "free": "",
        "wheelchair": "",
        "day": "2026-12-01",
        "last": "2026-12-01",
    }
    # a date moved to the market takes the market's district
    assert view.filter_data(_item(view, "training", date(2026, 12, 16)))["district"] == "borken"


def test_labels_and_names(view: ViewHelpers) -> None:
    assert (
        view.category("fest") == "Feste" and view.audience("kinder") == "Kinder" and view.district("mitte") == "Mitte"
    )
    assert view.club_name("turnverein") == "Turnverein Teststadt e. V."


def test_openstreetmap_link_searches_the_address_without_coordinates(view: ViewHelpers) -> None:
    assert view.osm_url(view.site.venues["rathaus"].data) == (
        "https://www.openstreetmap.org/search?query=Markt+1,+04916+Teststadt"
    )


def test_openstreetmap_link_marks_coordinates_and_is_absent_without_street_or_coordinates(view: ViewHelpers) -> None:
    marker = "https://www.openstreetmap.org/?mlat=51.70630&mlon=13.21180#map=17/51.70630/13.21180"
    assert view.osm_url(Place(name="Parkplatz", geo=Geo(lat=51.7063, lon=13.2118))) == marker
    assert view.osm_url(Place(name="Scheune", city="Teststadt", directions="Am Deich")) is None
    assert view.osm_url(Place(name="Hof", street="Weg 1", city="Teststadt")) == (
        "https://www.openstreetmap.org/search?query=Weg+1,+Teststadt"
    )


def test_directions_go_with_an_event_when_the_place_has_no_street(view: ViewHelpers) -> None:
    hut = Venue(name="Hütte", geo=Geo(lat=51.7, lon=13.2), directions="Waldweg")
    hall = Venue(name="Halle", address=Address(street="Weg 1", city="Teststadt"), directions="Bus 5")
    assert view.place_directions(hut, None) == "Waldweg"
    assert view.place_directions(hall, None) is None  # on the venue's page, one click away
    assert view.place_directions(None, Place(name="Parkplatz", directions="Am Zaun")) == "Am Zaun"


def test_month_grid_starts_on_monday_and_spreads_multi_day_items(view: ViewHelpers) -> None:
    first = date(2026, 12, 1)  # a Tuesday
    weeks = view.month_grid(first, view.catalog.in_month(view.catalog.months()[0]))
    assert len(weeks) == 5 and all(len(week) == 7 for week in weeks)
    assert weeks[0][0] == (None, []) and weeks[0][1][0] == first
    days = {day: [i.event.id for i in items] for week in weeks for day, items in week if day}
    assert days[date(2026, 12, 1)] == ["lichterfest", "training"]
    assert days[date(2026, 12, 2)] == ["lichterfest"] and days[date(2026, 12, 3)] == []
    assert weeks[-1][-1] == (None, [])  # Thursday 31 December ends the last week early


def test_group_by_day_lists_multi_day_items_once(view: ViewHelpers) -> None:
    groups = view.group_by_day(view.catalog.in_month(view.catalog.months()[0]))
    assert [day for day, _ in groups] == [
        date(2026, 11, 29),
        date(2026, 12, 1),
        date(2026, 12, 16),
        date(2026, 12, 24),
        date(2026, 12, 29),
    ]
