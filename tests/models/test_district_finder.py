"""Which Ortsteil a place lies in (`generator/models/districts.py`), on Herzberg's own districts."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.yaml_loader import load_yaml_file
from generator.models.districts import DistrictFinder, Finding, words
from generator.models.town import District, Town

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def herzberg() -> DistrictFinder:
    town = Town.model_validate(load_yaml_file(ROOT / "content" / "town.yml", "content/town.yml").data)
    return town.district_finder


def _finder(*districts: dict, town: str = "Teststadt") -> DistrictFinder:
    return DistrictFinder([District.model_validate(d) for d in districts], town)


@pytest.mark.parametrize(
    ("city", "name", "expected"),
    [
        ("Herzberg (Elster) OT Arnsnesta", "Dorfanger Arnsnesta", Finding("arnsnesta", "city")),
        ("Arnsnesta", "Dorfanger", Finding("arnsnesta", "city")),
        ("HERZBERG (ELSTER) OT GRAEFENDORF", "Dorfplatz", Finding("graefendorf", "city")),  # case, ä → ae
        ("Herzberg/Elster, Ortsteil Züllsdorf", "Festwiese", Finding("zuellsdorf", "city")),
        ("Herzberg (Elster)", "Dorfkirche Fermerswalde", Finding("fermerswalde", "name")),  # the postal city
        (None, "Orchideenwiese bei Mahdel", Finding("mahdel", "name")),
        (None, "Jeden Abend ein Fenster in der Innenstadt", Finding("herzberg", "name")),  # names: [Innenstadt]
        ("Herzberg (Elster)", "Schulhof der Grundschule", Finding("herzberg", "town")),  # "Herzberg (Kernstadt)"
        (None, "Abfahrt am Busbahnhof Herzberg", Finding("herzberg", "town")),
        ("Herzberg (Elster)", "Arnsnestaer Straße 4", Finding("herzberg", "town")),  # "Arnsnestaer" is no name
        (None, "Scheune am Deich", Finding(None)),
        ("Torgau", "Schloss Hartenfels", Finding(None)),  # another town is never guessed to be "outside"
    ],
)
def test_a_place_is_in_the_district_its_city_or_name_says(herzberg, city, name, expected) -> None:
    assert herzberg.find(name=name, city=city) == expected


def test_a_written_district_wins_over_everything(herzberg) -> None:
    found = herzberg.find("ausserhalb", name="Dorfanger Arnsnesta", city="Herzberg (Elster) OT Arnsnesta")
    assert found == Finding("ausserhalb", "written")


def test_two_districts_decide_nothing_and_a_later_step_may_only_choose_between_them() -> None:
    finder = _finder(
        {"id": "buckau", "label": "Buckau"},
        {"id": "mahdel", "label": "Mahdel"},
        {"id": "borken", "label": "Borken", "postcodes": ["04916"]},
    )
    assert finder.find(name="Grillplatz Buckau / Mahdel") == Finding(None, None, ("buckau", "mahdel"))
    assert finder.find(name="Wanderung von Buckau nach Mahdel") == Finding("mahdel", "name")  # where it ends
    assert finder.find(name="Kirche Mahdel", city="Buckau/Mahdel") == Finding("mahdel", "name")
    # the postcode points elsewhere: nothing is decided, and the message offers all three
    assert finder.find(name="Buckau / Mahdel", postcode="04916") == Finding(None, None, ("borken", "buckau", "mahdel"))


def test_a_postcode_decides_only_when_one_district_has_it() -> None:
    finder = _finder(
        {"id": "zentrum", "label": "Zentrum", "postcodes": ["04109"]},
        {"id": "sued", "label": "Südvorstadt", "postcodes": ["04275", "04277"]},
        {"id": "connewitz", "label": "Connewitz", "postcodes": ["04277"]},
        town="Leipzig",
    )
    assert finder.find(name="Moritzbastei", city="Leipzig", postcode="04109") == Finding("zentrum", "postcode")
    assert finder.find(name="Werk 2", city="Leipzig", postcode="04277") == Finding(None, None, ("connewitz", "sued"))
    assert finder.find(name="Werk 2 Connewitz", city="Leipzig", postcode="04277") == Finding("connewitz", "name")
    # another town that shares a postcode with the town is not taken for one of its districts
    assert finder.find(name="Forsthaus", city="Markkleeberg", postcode="04109") == Finding(None)


def test_a_name_counts_where_it_ends_and_only_where_the_postcode_agrees() -> None:
    """Real Leipzig places: "Zentrum" in a name is often a noun, not the Ortsteil."""
    finder = _finder(
        {"id": "zentrum", "label": "Zentrum", "postcodes": ["04109"]},
        {"id": "plagwitz", "label": "Plagwitz", "postcodes": ["04179"]},
        {"id": "lindenau", "label": "Lindenau", "postcodes": ["04179"]},
        town="Leipzig",
    )
    halle = finder.find(name="Halle 14 – Zentrum für zeitgenössische Kunst", city="Leipzig", postcode="04179")
    assert halle == Finding(None, None, ("lindenau", "plagwitz"))  # the postcode narrows; "Zentrum" is a noun here
    assert finder.find(name="Soziokulturelles Zentrum", city="Leipzig", postcode="04109") == Finding("zentrum", "name")
    # a name that points outside the postcode decides nothing; the message offers all of them
    kunsthaus = finder.find(name="Kunsthaus Zentrum", city="Leipzig", postcode="04179")
    assert kunsthaus == Finding(None, None, ("lindenau", "plagwitz", "zentrum"))
    assert finder.find(name="Soziokulturelles Zentrum", city="Leipzig") == Finding("zentrum", "name")
    # without a postcode: in the middle of a name, the word is a noun
    assert finder.find(name="Helmholtz-Zentrum für Umweltforschung – UFZ", city="Leipzig") == Finding(None)
    assert finder.find(name="KUBUS (Leipzig-Plagwitz)", city="Leipzig") == Finding("plagwitz", "name")


def test_of_two_overlapping_names_the_longer_counts() -> None:
    finder = _finder(
        {"id": "zentrum", "label": "Zentrum"},
        {"id": "zentrum-sued", "label": "Zentrum-Süd"},
        town="Leipzig",
    )
    assert finder.find(name="Bibliothek", city="Leipzig Zentrum-Süd") == Finding("zentrum-sued", "city")
    assert finder.find(name="Bibliothek", city="Leipzig-Zentrum") == Finding("zentrum", "city")


def test_a_district_named_otherwise_than_the_town_needs_the_towns_name_among_its_names() -> None:
    without = _finder({"id": "mitte", "label": "Mitte"}, {"id": "borken", "label": "Borken"})
    assert without.find(name="Marktplatz", city="Teststadt") == Finding(None)
    named = _finder({"id": "mitte", "label": "Mitte", "names": ["Teststadt"]}, {"id": "borken", "label": "Borken"})
    assert named.find(name="Marktplatz", city="Teststadt") == Finding("mitte", "town")
    assert named.find(name="Marktplatz", city="Teststadt OT Borken") == Finding("borken", "city")


def test_words_ignore_case_umlauts_and_punctuation() -> None:
    assert words("Herzberg (Elster) OT Gräfendorf") == ("herzberg", "elster", "ot", "graefendorf")
    assert words("Straße-Nord, 2.") == ("strasse", "nord", "2")


@pytest.mark.parametrize(
    ("city", "name"),
    [("Leipzig", "4rooms"), (None, "Cafe Grundmann"), ("Markkleeberg", "Kanupark"), (None, None)],
)
def test_a_town_with_one_district_asks_nothing(city: str | None, name: str | None) -> None:
    """A city that does not divide itself (yet): every place lies in its only district."""
    finder = _finder({"id": "leipzig", "label": "Leipzig"}, town="Leipzig")
    assert finder.find(name=name, city=city, postcode="04109") == Finding("leipzig", "town")
    assert finder.find("ausserhalb", name=name, city=city) == Finding("ausserhalb", "written")


def test_two_districts_still_ask() -> None:
    finder = _finder({"id": "mitte", "label": "Mitte"}, {"id": "nord", "label": "Nord"}, town="Leipzig")
    assert finder.find(name="Cafe Grundmann").district is None


def test_words_fold_accents_beyond_german() -> None:
    assert words("Café Grundmann") == ("cafe", "grundmann")
    assert words("Gräfendorf") == ("graefendorf",)
    assert words("Łódź") == ("lodz",)
