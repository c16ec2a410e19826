"""schema.org JSON-LD for events, clubs and venues (outputs/pages/structured_data.py)."""

from __future__ import annotations

import json

import pytest
from small_town import TODAY, small_town

from generator.derive.catalog import Catalog
from generator.outputs.pages import structured_data


@pytest.fixture
def catalog(project) -> Catalog:
    return Catalog.build(small_town(project), TODAY)


def test_json_for_a_script_element_never_holds_a_less_than_sign() -> None:
    text = structured_data.to_json({"name": "</script><!-- Ä"})
    assert text == '{"name":"\\u003c/script>\\u003c!-- Ä"}'
    assert json.loads(text) == {"name": "</script><!-- Ä"}


def test_a_series_shows_its_next_occurrence_and_its_schedule(catalog: Catalog) -> None:
    site = catalog.site
    upcoming = catalog.future(catalog.by_event["training"])[1:]  # from the moved date on
    data = structured_data.event(site, site.events["training"], upcoming)
    assert data["startDate"] == "2026-12-16T17:00:00+01:00" and data["endDate"] == "2026-12-16T18:30:00+01:00"
    assert data["url"] == "https://engagiert.example.org/veranstaltungen/training/"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Turnverein Teststadt e. V.",
        "url": "https://engagiert.example.org/vereine/turnverein/",
    }
    assert data["location"]["name"] == "Rathaus" and "@context" not in data["location"]
    assert data["eventSchedule"] == {
        "@type": "Schedule",
        "startDate": "2026-12-01",
        "repeatFrequency": "P2W",
        "scheduleTimezone": "Europe/Berlin",
        "byDay": ["https://schema.org/Tuesday"],
        "startTime": "18:00",
        "endTime": "19:30",
        "endDate": "2027-01-26",
    }


def test_a_cancelled_date_is_not_shown_as_the_next_one(catalog: Catalog) -> None:
    site = catalog.site
    from_29th = [i for i in catalog.by_event["training"] if i.day.isoformat() >= "2026-12-29"]
    assert from_29th[0].cancelled
    data = structured_data.event(site, site.events["training"], from_29th)
    assert data["startDate"] == "2027-01-12T18:00:00+01:00"


def test_one_off_events_all_day_and_in_a_place_without_a_venue(catalog: Catalog) -> None:
    site = catalog.site
    market = structured_data.event(site, site.events["weihnachtsmarkt"], [])
    assert market["startDate"] == "2026-12-24" and "endDate" not in market and "eventSchedule" not in market
    assert market["organizer"] == [
        {"@type": "Organization", "name": "Stadt Teststadt", "url": site.town.site_url},  # no e-mail in town.yml
        {
            "@type": "Organization",
            "name": "Schule am Park",
            "url": "https://schule.example.org/",
            "email": "basar@schule.example.org",
        },
    ]
    assert "organizer" not in structured_data.event(site, site.events["lichterfest"], [])  # none written
    concert = structured_data.event(site, site.events["konzert"], [])
    assert concert["location"] == {"@type": "Place", "name": "Scheune am Deich"}
    assert concert["endDate"] == "2027-01-16T01:00:00+01:00"


def test_clubs_and_venues(catalog: Catalog) -> None:
    site = catalog.site
    club = structured_data.organization(site, site.clubs["turnverein"])
    assert club["@type"] == "Organization" and club["name"] == "Turnverein Teststadt e. V."
    assert club["url"] == "https://engagiert.example.org/vereine/turnverein/"
    venue = structured_data.place(site, site.venues["rathaus"])
    assert venue["@type"] == "Place" and venue["name"] == "Rathaus"
    assert venue["address"]["streetAddress"] == "Markt 1" and venue["address"]["postalCode"] == "04916"
