"""Venues: places where events happen."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import (
    Accessibility,
    Address,
    Contact,
    ContentModel,
    Latitude,
    Longitude,
    Markdown,
    Slug,
    Text,
)


class Geo(ContentModel):
    lat: Latitude = Field(title="Breitengrad", examples=[51.6843])
    lon: Longitude = Field(title="Längengrad", examples=[13.2346])


class Venue(ContentModel):
    """`content/venues/<id>.yml`."""

    name: Text = Field(title="Name", examples=["Marktplatz"])
    address: Address = Field(title="Adresse")
    district: Slug | None = Field(
        None,
        title="Ortsteil",
        description="Kennung aus content/town.yml. Nur nötig, wenn der Ortsteil nicht in der Adresse (Ort) oder "
        "im Namen steht; „ausserhalb“ für Orte außerhalb der Kommune.",
    )
    geo: Geo | None = Field(None, title="Koordinaten", description="Für den Link zu OpenStreetMap.")
    description: Markdown | None = Field(None, title="Beschreibung")
    directions: str | None = Field(None, title="Anfahrt", examples=["Bus 561, Haltestelle Markt"])
    accessibility: Accessibility | None = Field(None, title="Barrierefreiheit")
    contact: Contact | None = Field(None, title="Kontakt")
