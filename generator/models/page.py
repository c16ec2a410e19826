"""Editorial pages: Markdown files with a short YAML header."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import ContentModel, PositiveInt, Text


class PageMeta(ContentModel):
    """The YAML header (between two `---` lines) of `content/pages/<id>.md`."""

    title: Text = Field(title="Titel", examples=["Anlaufstelle im Haus II"])
    description: str | None = Field(
        None, title="Kurzbeschreibung", description="Ein Satz für Suchmaschinen und Vorschauen."
    )
    order: PositiveInt | None = Field(
        None, title="Reihenfolge", description="Position im Menü „Mitmachen“; leer = nicht im Menü."
    )
