"""Clubs, groups and initiatives (Vereine)."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import (
    Accessibility,
    Address,
    Contact,
    ContentModel,
    Image,
    LocalDate,
    Markdown,
    Slug,
    SlugList,
    Text,
    TextList,
    Year,
    YesNo,
)


class Membership(ContentModel):
    open: YesNo | None = Field(
        None, title="Neue Mitglieder willkommen", description="ja, wenn neue Mitglieder willkommen sind."
    )
    fee: str | None = Field(None, title="Beitrag", examples=["24 € im Jahr, Kinder 12 €"])
    notes: str | None = Field(None, title="Hinweise", examples=["Schnuppertraining jederzeit möglich."])


class Club(ContentModel):
    """`content/clubs/<id>.yml`."""

    name: Text = Field(title="Name", examples=["Heimatverein Musterstadt e. V."])
    short_name: str | None = Field(None, title="Kurzname", examples=["Heimatverein"])
    category: SlugList = Field(
        title="Kategorie",
        min_length=1,
        description="Eine Kategorie-Kennung aus content/town.yml oder eine Liste davon.",
    )
    description: Markdown | None = Field(None, title="Beschreibung")
    contact: Contact | None = Field(None, title="Kontakt")
    district: Slug | None = Field(None, title="Ortsteil", description="Kennung eines Ortsteils aus content/town.yml.")
    address: Address | None = Field(None, title="Adresse")
    venue: Slug | None = Field(
        None, title="Vereinsort", description="Kennung des Ortes, an dem sich der Verein meist trifft."
    )
    meeting_times: TextList = Field(
        default_factory=list,
        title="Treffen",
        description="Regelmäßige Treffen in Worten, z. B. „dienstags 18–20 Uhr, Sporthalle“.",
    )
    audiences: SlugList = Field(default_factory=list, title="Zielgruppen")
    membership: Membership | None = Field(None, title="Mitgliedschaft")
    founded: Year | None = Field(None, title="Gegründet", examples=[1990])
    accessibility: Accessibility | None = Field(None, title="Barrierefreiheit")
    image: Image | None = Field(None, title="Bild")
    tags: TextList = Field(default_factory=list, title="Schlagwörter")
    reviewed: LocalDate = Field(
        title="Zuletzt bestätigt",
        description="Wann der Verein diesen Eintrag zuletzt geprüft hat (JJJJ-MM-TT).",
    )
