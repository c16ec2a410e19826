"""Places and organisers become venue and club ids only when the match is certain."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importing.records import ImportedRecord
from generator.importing.resolve import Directory, normalise, resolve_record
from generator.importing.run import load_project
from generator.project import Project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def directory() -> Directory:
    return Directory.of(load_project(Project(ROOT)).site)


def test_normalise_folds_umlauts_legal_forms_and_punctuation() -> None:
    assert (
        normalise("Heimatverein Herzberg e. V.") == normalise("heimatverein herzberg e.V.") == "heimatverein herzberg"
    )
    assert normalise("Förderverein „Grundschule“!") == "foerderverein grundschule"
    assert normalise("Ev. Kirchengemeinde") == "ev kirchengemeinde"  # "Ev." at the start is no legal form


@pytest.mark.parametrize(
    ("place", "venue"),
    [
        ({"name": "Stadtbibliothek Herzberg"}, "stadtbibliothek"),
        ({"name": "stadtbibliothek"}, "stadtbibliothek"),  # the town's name left out
        ({"name": "Haus II"}, "haus-zwei"),  # "Haus II (Anlaufstelle Engagement)"
        ({"name": "Anlaufstelle", "street": "Markt 1", "city": "Herzberg/Elster"}, "haus-zwei"),  # same address
        ({"name": "Anlaufstelle", "street": "Markt 1", "city": "Falkenberg"}, None),  # same street elsewhere
        ({"name": "Botanischer Garten Herzbreg"}, "botanischer-garten"),  # a typo
        ({"name": "Garten der Familie Muster"}, None),
        ({"name": "Dorfgemeinschaftshaus"}, None),  # which of several?
    ],
)
def test_places(directory: Directory, place: dict, venue: str | None) -> None:
    assert directory.venue_for(place) == venue


def test_unknown_organisers_stay_named_and_the_town_is_stadt(directory: Directory) -> None:
    record = ImportedRecord(
        "events",
        "k",
        {
            "title": "Konzert",
            "organizer": [
                {"name": "Gemischter Chor Herzberg e.V.", "email": "chor@example.org"},
                {"name": "Evangelische Grundschule Herzberg", "email": "schule@example.org"},
                {"name": "Stadt Herzberg (Elster)"},
            ],
            "location": {"name": "Garten der Familie Muster", "city": "Herzberg (Elster)"},
        },
        1,
        "konzert",
    )
    resolve_record(record, directory)
    assert record.data == {
        "title": "Konzert",
        "organizer": [
            "gemischter-chor-herzberg",
            {"name": "Evangelische Grundschule Herzberg", "email": "schule@example.org"},
            "stadt",
        ],
        "location": {"name": "Garten der Familie Muster", "city": "Herzberg (Elster)"},
    }
