"""Volunteer opportunities: the Freiwilligenagentur's calls for help."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

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


class Commitment(StrEnum):
    """How often a call needs its helpers: what the filter "Zeitaufwand" on /mitmachen/ offers.

    The hours themselves stay free text (`time_commitment`); three plain choices are what a
    volunteer can pick without doubt and what a citizen filters by.
    """

    once = "einmalig"
    occasional = "gelegentlich"
    regular = "regelmaessig"

    @property
    def label(self) -> str:
        """The filter's option and the call's fact, in the citizen's words."""
        return _COMMITMENT_LABELS[self]


_COMMITMENT_LABELS = {
    Commitment.once: "Einmalig",
    Commitment.occasional: "Ab und zu",
    Commitment.regular: "Regelmäßig",
}

_COMMITMENT_WORDS = {"regelmäßig": "regelmaessig", "regelmässig": "regelmaessig"}
"""The German spellings a volunteer types; the stored value stays ASCII like every id."""


def _commitment(value: Any) -> Any:
    if isinstance(value, str):
        word = value.strip().lower()
        return _COMMITMENT_WORDS.get(word, word)
    return value


CommitmentField = Annotated[
    Commitment | None,
    BeforeValidator(_commitment),
    WithJsonSchema({"enum": ["einmalig", "gelegentlich", "regelmaessig", "regelmäßig"]}),
]


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
    commitment: CommitmentField = Field(
        None,
        title="Wie oft",
        description="einmalig, gelegentlich oder regelmäßig (regelmaessig); danach filtert die Seite „Mitmachen“.",
    )
    contact: Contact = Field(title="Kontakt")
    expires: LocalDate = Field(title="Gültig bis", description="Danach wird das Angebot nicht mehr angezeigt.")
    category: Slug | None = Field(None, title="Kategorie")
    district: Slug | None = Field(None, title="Ortsteil")
    venue: Slug | None = Field(None, title="Ort")
    audiences: SlugList = Field(default_factory=list, title="Für wen geeignet")
    tags: TextList = Field(default_factory=list, title="Schlagwörter")
