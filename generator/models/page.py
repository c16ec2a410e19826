"""Editorial pages: Markdown files with a short YAML header."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema

from generator.models.common import ContentModel, PositiveInt, SlugList, Text, TextList, error

MENU_TITLE_LIMIT = 25
"""Characters of a page's name in the main menu: with the bundled sample's sections, nine entries stay on one
row at 1280 px (the menu wraps to a second row, never out of sight, when a town needs more)."""


def _short(value: str) -> str:
    if len(value) > MENU_TITLE_LIMIT:
        raise error(
            f"Der Name im Menü hat {len(value)} Zeichen, erlaubt sind höchstens {MENU_TITLE_LIMIT}. "
            "Wählen Sie ein kurzes Stichwort, z. B. „Anlaufstelle“ statt „Anlaufstelle Engagement im Haus II“."
        )
    return value


MenuTitle = Annotated[
    Text, AfterValidator(_short), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MENU_TITLE_LIMIT})
]


class PageMeta(ContentModel):
    """The YAML header (between two `---` lines) of `content/pages/<id>.md`.

    `tags`, `events` and `opportunities` make a participation page (Bürgerrat, Stadtmacher …):
    the dates and calls they name are listed under the text, so the page never goes stale.
    """

    title: Text = Field(title="Titel", examples=["Anlaufstelle im Haus II"])
    description: str | None = Field(
        None, title="Kurzbeschreibung", description="Ein Satz für Suchmaschinen und Vorschauen."
    )
    order: PositiveInt | None = Field(
        None, title="Reihenfolge", description="Position im Hauptmenü; leer = nicht im Menü."
    )
    menu_title: MenuTitle | None = Field(
        None,
        title="Name im Menü",
        description="Kurzer Name für das Hauptmenü, wenn der Titel dort zu lang ist; auf der Seite steht der Titel.",
        examples=["Anlaufstelle"],
    )
    tags: TextList = Field(
        default_factory=list,
        title="Schlagwörter",
        description="Termine und Engagement-Angebote mit einem dieser Schlagwörter erscheinen unter dem Text.",
    )
    events: SlugList = Field(
        default_factory=list,
        title="Termine",
        description="Kennungen von Veranstaltungen, die unter dem Text erscheinen.",
    )
    opportunities: SlugList = Field(
        default_factory=list,
        title="Engagement-Angebote",
        description="Kennungen von Engagement-Angeboten, die unter dem Text erscheinen.",
    )


def tag_key(tag: str) -> str:
    """A tag as pages match it: „Bürgerrat“, „bürgerrat“ and „ Bürgerrat “ are one tag."""
    return " ".join(tag.casefold().split())
