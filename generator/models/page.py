"""Editorial pages: Markdown files with a short YAML header."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import ContentModel, PositiveInt, SlugList, Text, TextList


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
        None, title="Reihenfolge", description="Position im Menü „Mitmachen“; leer = nicht im Menü."
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
