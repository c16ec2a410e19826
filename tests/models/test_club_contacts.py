"""A club's contacts and addresses: one entry as before, or a list; always a list in the model."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from generator.models.club import Club
from generator.schema import json_schema

BASE: dict[str, Any] = {"name": "Verein", "category": "sport", "reviewed": "2026-10-01"}
OFFICE = {"street": "Markt 1", "postcode": "04916", "city": "Herzberg (Elster)"}


def club(**fields: Any) -> Club:
    return Club.model_validate({**BASE, **fields})


def test_one_contact_as_before_is_a_list_of_one() -> None:
    result = club(contact={"name": "Vorstand", "email": "vorstand@example.org"})
    assert [(c.name, c.email) for c in result.contacts] == [("Vorstand", "vorstand@example.org")]
    assert result.first_contact is result.contacts[0]


def test_several_contacts_keep_their_order_and_roles() -> None:
    result = club(
        contact=[
            {"role": "Vorstand", "email": "vorstand@example.org"},
            {"role": "Jugendwart", "name": "Max Beispiel", "phone": "03535 000 216"},
        ]
    )
    assert [(c.role, c.name, c.phone) for c in result.contacts] == [
        ("Vorstand", None, None),
        ("Jugendwart", "Max Beispiel", "03535 000 216"),
    ]


@pytest.mark.parametrize("written", [None, []])
def test_no_contact_is_an_empty_list(written: Any) -> None:
    result = club(contact=written)
    assert result.contacts == []
    assert result.first_contact is None and result.email is None


def test_the_club_email_is_the_first_contact_that_has_one() -> None:
    result = club(contact=[{"role": "Jugendwart", "phone": "03535 000 216"}, {"email": "info@example.org"}])
    assert result.email == "info@example.org"


@pytest.mark.parametrize("empty", [None, {}, {"name": ""}])
def test_an_empty_contact_entry_is_refused(empty: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        club(contact=[{"role": "Vorstand"}, empty])
    errors = caught.value.errors()
    assert [e["loc"] for e in errors] == [("contact", 1)]
    assert "Dieser Kontakt ist leer" in errors[0]["msg"]


def test_one_address_or_several_with_labels() -> None:
    assert [a.street for a in club(address=OFFICE).addresses] == ["Markt 1"]
    several = club(
        address=[
            {**OFFICE, "label": "Geschäftsstelle"},
            {"label": "Trainingsplatz", "street": "Am Sportplatz 3", "postcode": "04916", "city": "Herzberg (Elster)"},
        ]
    )
    assert [(a.label, a.street) for a in several.addresses] == [
        ("Geschäftsstelle", "Markt 1"),
        ("Trainingsplatz", "Am Sportplatz 3"),
    ]
    assert club().addresses == []


def test_the_schema_takes_one_entry_a_list_or_nothing_and_warns_before_names() -> None:
    schema = json_schema(Club, "Verein", "")
    contact = schema["properties"]["contact"]
    assert contact["anyOf"] == [
        {"$ref": "#/definitions/Contact"},
        {"type": "array", "items": {"$ref": "#/definitions/Contact"}},
        {"type": "null"},
    ]
    assert schema["properties"]["address"]["anyOf"][0] == {"$ref": "#/definitions/LabelledAddress"}
    name = schema["definitions"]["Contact"]["properties"]["name"]["description"]
    assert "Einwilligung" in name and "Funktion" in name
    assert next(iter(schema["definitions"]["Contact"]["properties"])) == "role"
