"""A venue must be findable: a street address, coordinates or directions (a park, a meeting point
in the woods has no street)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from generator.models.common import PostalAddress
from generator.models.event import Place
from generator.models.venue import Venue

CITY = {"city": "Herzberg (Elster)"}


def test_a_venue_with_only_coordinates_is_valid_and_has_no_address_line() -> None:
    venue = Venue.model_validate({"name": "Schutzhütte", "geo": {"lat": "51,6975", "lon": 13.2452}})
    assert (venue.address, venue.street, venue.address_line) == (None, None, "")
    assert (venue.geo.lat, venue.geo.lon) == (51.6975, 13.2452)  # type: ignore[union-attr]


def test_a_venue_with_only_directions_and_a_city_is_valid() -> None:
    venue = Venue.model_validate({"name": "Festwiese", "address": CITY, "directions": "Hinter dem Freibad"})
    assert venue.address_line == "Herzberg (Elster)"
    assert venue.directions == "Hinter dem Freibad"


def test_a_street_without_postcode_is_fine() -> None:
    venue = Venue.model_validate({"name": "Anger", "address": {"street": "Dorfstraße", **CITY}})
    assert venue.address_line == "Dorfstraße, Herzberg (Elster)"


@pytest.mark.parametrize("written", [{}, {"address": CITY}, {"address": CITY, "directions": "  "}])
def test_a_venue_without_street_coordinates_or_directions_is_an_error_saying_what_to_add(written) -> None:
    with pytest.raises(ValidationError) as caught:
        Venue.model_validate({"name": "Treffpunkt", **written})
    (problem,) = caught.value.errors()
    assert problem["ctx"]["field"] == "address"  # type: ignore[index]
    assert problem["msg"].startswith("Der Ort „Treffpunkt“ ist so nicht zu finden: Es fehlt die Straße")
    assert "geo: {lat:" in problem["msg"] and "directions:" in problem["msg"]


def test_an_address_needs_a_city() -> None:
    with pytest.raises(ValidationError):
        Venue.model_validate({"name": "Hof", "address": {"street": "Weg 1", "postcode": "04916"}})


def test_a_postal_address_still_needs_street_and_postcode() -> None:
    """The publisher's and the contact point's address must reach letters (Impressum)."""
    with pytest.raises(ValidationError) as caught:
        PostalAddress.model_validate(CITY)
    assert {error["loc"] for error in caught.value.errors()} == {("street",), ("postcode",)}


def test_a_one_off_place_takes_coordinates_and_directions() -> None:
    place = Place.model_validate(
        {"name": "Parkplatz", "geo": {"lat": 51.7063, "lon": 13.2118}, "directions": "Am Krötenzaun"}
    )
    assert (place.address_line, place.directions, place.geo.lat) == ("", "Am Krötenzaun", 51.7063)  # type: ignore[union-attr]
    assert Place.model_validate({"name": "Scheune", "postcode": "04916", "city": "Borken"}).address_line == (
        "04916 Borken"
    )
