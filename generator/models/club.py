"""Clubs, groups and initiatives (Vereine)."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import (
    Accessibility,
    AddressList,
    Contact,
    ContactList,
    ContentModel,
    Image,
    LabelledAddress,
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
    contacts: ContactList = Field(
        default_factory=list,
        alias="contact",
        title="Kontakt",
        description="Ein Kontakt oder eine Liste davon, z. B. Vorstand und Jugendwart; der erste ist der wichtigste.",
    )
    district: Slug | None = Field(None, title="Ortsteil", description="Kennung eines Ortsteils aus content/town.yml.")
    addresses: AddressList = Field(
        default_factory=list,
        alias="address",
        title="Adresse",
        description="Eine Postanschrift oder eine Liste davon (dann je mit „label“, z. B. „Geschäftsstelle“).",
    )
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

    @property
    def email(self) -> str | None:
        """The club's first e-mail address, in the order its contacts are written."""
        return next((contact.email for contact in self.contacts if contact.email), None)

    @property
    def first_contact(self) -> Contact | None:
        """The contact a list or card with room for one shows."""
        return self.contacts[0] if self.contacts else None


__all__ = ["Club", "LabelledAddress", "Membership"]
