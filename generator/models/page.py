"""Editorial pages: Markdown files with a short YAML header."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema

from generator.models.common import ContentModel, PositiveInt, Text, error

MENU_TITLE_LIMIT = 25
"""Characters of a page's name in the main menu: with Herzberg's sections, nine entries stay on one
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
    """The YAML header (between two `---` lines) of `content/pages/<id>.md`."""

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
