"""Venues: places where events happen."""

from __future__ import annotations

from pydantic import Field, model_validator

from generator.models.common import (
    Accessibility,
    Address,
    Contact,
    ContentModel,
    Geo,
    Markdown,
    Slug,
    Text,
    error,
)

DIRECTIONS_EXAMPLE = "Parkplatz am Waldbad, Zufahrt über die Waldstraße"


class Venue(ContentModel):
    """`content/venues/<id>.yml`.

    A park or a meeting point in the woods has no street: it is found by its coordinates or
    directions instead, but by one of the three, or citizens cannot find it.
    """

    name: Text = Field(title="Name", examples=["Marktplatz"])
    address: Address | None = Field(
        None,
        title="Adresse",
        description="Straße und Postleitzahl dürfen fehlen, wenn der Ort keine hat; dann geben Sie "
        "„geo“ oder „directions“ an.",
    )
    district: Slug | None = Field(
        None,
        title="Ortsteil",
        description="Kennung aus content/town.yml. Nur nötig, wenn der Ortsteil nicht in der Adresse (Ort) oder "
        "im Namen steht; „ausserhalb“ für Orte außerhalb der Kommune.",
    )
    geo: Geo | None = Field(
        None, title="Koordinaten", description="Für den Link „Auf der Karte zeigen“ (OpenStreetMap)."
    )
    description: Markdown | None = Field(None, title="Beschreibung")
    directions: str | None = Field(
        None,
        title="Anfahrt",
        description="Wie man hinfindet, z. B. Bus und Haltestelle oder der Weg vom Parkplatz.",
        examples=["Bus 561, Haltestelle Markt", DIRECTIONS_EXAMPLE],
    )
    accessibility: Accessibility | None = Field(None, title="Barrierefreiheit")
    contact: Contact | None = Field(None, title="Kontakt")

    @model_validator(mode="after")
    def _can_be_found(self) -> Venue:
        if self.street is None and self.geo is None and not self.directions:
            raise error(
                f"Der Ort „{self.name}“ ist so nicht zu finden: Es fehlt die Straße (address: street:). "
                "Hat der Ort keine Straße, geben Sie Koordinaten an (geo: {lat: 51.6843, lon: 13.2346}) "
                f"oder beschreiben Sie den Weg (directions: {DIRECTIONS_EXAMPLE}).",
                field="address",
            )
        return self

    @property
    def street(self) -> str | None:
        return self.address.street if self.address else None

    @property
    def address_line(self) -> str:
        """ "Markt 1, 01234 Musterstadt"; "" without an address."""
        return self.address.line if self.address else ""
