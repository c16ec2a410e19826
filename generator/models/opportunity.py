"""Volunteer opportunities: the Freiwilligenagentur's calls for help."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import (
    Contact,
    ContentModel,
    LocalDate,
    Markdown,
    Slug,
    SlugList,
    Text,
    TextList,
)


class Opportunity(ContentModel):
    """`content/opportunities/<id>.yml`."""

    title: Text = Field(title="Titel", examples=["Lesepat/in für die Grundschule"])
    organizer: SlugList = Field(
        default_factory=list,
        title="Wer sucht",
        description="Kennung eines Vereins oder eine Liste davon; leer, wenn die Stadt selbst sucht.",
    )
    description: Markdown = Field(title="Beschreibung")
    time_commitment: Text = Field(title="Zeitaufwand", examples=["etwa 2 Stunden pro Woche"])
    contact: Contact = Field(title="Kontakt")
    expires: LocalDate = Field(title="Gültig bis", description="Danach wird das Angebot nicht mehr angezeigt.")
    category: Slug | None = Field(None, title="Kategorie")
    district: Slug | None = Field(None, title="Ortsteil")
    venue: Slug | None = Field(None, title="Ort")
    audiences: SlugList = Field(default_factory=list, title="Für wen geeignet")
    tags: TextList = Field(default_factory=list, title="Schlagwörter")
