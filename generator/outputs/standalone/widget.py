"""The embeddable widget: upcoming dates of one club or one category for other websites.

`widget/verein/<id>/` and `widget/kategorie/<id>/` are standalone pages for an iframe (no
JavaScript, links open in the top window, i.e. on the portal, not inside the frame);
`widget/widget.js` is the script variant: a club site includes it and marks an element with
`data-engagiert-verein="<id>"`, and the script puts the iframe there. Nothing is loaded from
another host, and the script sets no cookies. The copy-paste snippets are shown on each club
page (`snippets`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from generator import urls
from generator.derive.agenda import AgendaItem
from generator.derive.catalog import Catalog
from generator.models.site import Site
from generator.outputs.standalone.renderer import StandaloneRenderer

MAX_ITEMS = 10
FRAME_HEIGHT = 420


@dataclass(frozen=True)
class Snippets:
    """What a club pastes into its own website, with the portal's absolute addresses."""

    iframe: str
    script: str


def snippets(site: Site, club_id: str) -> Snippets:
    base = site.town.site_url
    name = site.clubs[club_id].data.name
    title = html.escape(f"Termine: {name}", quote=True)
    page = base + urls.widget_club(club_id)
    iframe = (
        f'<iframe src="{page}" title="{title}" width="100%" height="{FRAME_HEIGHT}" '
        'style="border:1px solid #d0d0d0" loading="lazy"></iframe>'
    )
    script = (
        f'<div data-engagiert-verein="{club_id}" data-titel="{title}">'
        f'<a href="{base + urls.club(club_id)}">Termine im Portal</a></div>\n'
        f'<script src="{base + urls.widget_script()}" defer></script>'
    )
    return Snippets(iframe, script)


def _dated_and_series(catalog: Catalog, items: list[AgendaItem]) -> dict[str, Any]:
    """A regular meeting once (its rhythm and next date), then the next one-off dates."""
    dated, series = catalog.split_series(catalog.future(items))
    return {"items": dated[: max(0, MAX_ITEMS - len(series))] or dated[:1], "series": series[:MAX_ITEMS]}


def write_club_widgets(renderer: StandaloneRenderer, club_ids: list[str]) -> None:
    """The widget of each club in ``club_ids``."""
    site, catalog = renderer.site, renderer.catalog
    for record in (site.clubs[club_id] for club_id in club_ids):
        renderer.page(
            urls.widget_club(record.id),
            "widget.html",
            heading=f"Termine: {record.data.name}",
            **_dated_and_series(catalog, catalog.by_club.get(record.id, [])),
            show_organizers=False,
            more_url=urls.club(record.id),
            more_label="Alle Termine und mehr über den Verein",
        )


def write_shared_widgets(renderer: StandaloneRenderer) -> None:
    """The widget of each category and the script."""
    site, catalog = renderer.site, renderer.catalog
    for term in site.town.categories:
        renderer.page(
            urls.widget_category(term.id),
            "widget.html",
            heading=f"Termine: {term.label}",
            **_dated_and_series(catalog, catalog.by_category.get(term.id, [])),
            show_organizers=True,
            more_url=urls.category(term.id),
            more_label=f"Alle Termine und Vereine: {term.label}",
        )
    script = (renderer.templates_dir / "widget.js").read_bytes()
    renderer.file(urls.widget_script(), script)
