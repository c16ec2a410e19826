"""Render every portal page as a Markdown file (YAML header + HTML body) for MkDocs.

The body is HTML produced by our Jinja templates in `theme/pages/`, with all
contributor text already rendered and sanitised; MkDocs passes such HTML
blocks through and wraps them in the Material theme.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.models.site import Site
from generator.render import german, urls
from generator.render.agenda import agenda
from generator.render.markdown import render_markdown
from generator.render.writer import OutputWriter

UPCOMING_DAYS = 60
HOME_DAYS = 14


@dataclass(frozen=True)
class NavEntry:
    title: str
    url: str


def template_environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(
        markdown=render_markdown,
        long_date=german.long_date,
        full_date=german.full_date,
        short_date=german.short_date,
        when=german.when,
        recurrence=german.recurrence_in_words,
    )
    return env


class PageRenderer:
    """Writes one Markdown file per portal page into MkDocs' docs_dir."""

    def __init__(self, site: Site, today: date, templates_dir: Path, writer: OutputWriter):
        self.site = site
        self.today = today
        self.env = template_environment(templates_dir)
        self.writer = writer

    def render_all(self) -> list[NavEntry]:
        site, today = self.site, self.today
        upcoming = agenda(site, today, today + timedelta(days=UPCOMING_DAYS))
        self._page(
            urls.home(),
            "home.html",
            site.town.portal_name,
            site.town.tagline or "",
            items=[i for i in upcoming if i.day <= today + timedelta(days=HOME_DAYS)],
        )
        self._page(urls.events(), "event_list.html", "Veranstaltungen", "Die nächsten Termine", items=upcoming)
        for record in sorted(site.events.values()):
            future = agenda(site, today, today + timedelta(days=365), [record])
            self._page(urls.event(record.id), "event.html", record.data.title, "", event=record, items=future[:10])
        self._page(
            urls.clubs(), "club_list.html", "Vereine", "Alle Vereine und Gruppen", clubs=sorted(site.clubs.values())
        )
        for record in sorted(site.clubs.values()):
            self._page(urls.club(record.id), "club.html", record.data.name, "", club=record)
        self._page(
            urls.venues(), "venue_list.html", "Orte", "Alle Veranstaltungsorte", venues=sorted(site.venues.values())
        )
        for record in sorted(site.venues.values()):
            self._page(urls.venue(record.id), "venue.html", record.data.name, "", venue=record)
        current = sorted(
            (r for r in site.opportunities.values() if r.data.expires >= today), key=lambda r: (r.data.expires, r.id)
        )
        self._page(
            urls.opportunities(), "opportunity_list.html", "Mitmachen", "Engagement-Angebote", opportunities=current
        )
        for record in current:
            self._page(urls.opportunity(record.id), "opportunity.html", record.data.title, "", opportunity=record)
        for record in sorted(site.pages.values()):
            self._page(urls.page(record.id), "page.html", record.data.title, record.data.description or "", page=record)
        nav = [
            NavEntry("Start", urls.home()),
            NavEntry("Veranstaltungen", urls.events()),
            NavEntry("Vereine", urls.clubs()),
            NavEntry("Mitmachen", urls.opportunities()),
            NavEntry("Orte", urls.venues()),
        ]
        menu_pages = sorted((p for p in site.pages.values() if p.data.order), key=lambda p: (p.data.order, p.id))
        nav += [NavEntry(p.data.title, urls.page(p.id)) for p in menu_pages]
        return nav

    def _page(self, url: str, template: str, title: str, description: str, **context: Any) -> None:
        link: Callable[[str], str] = lambda target: urls.relative(target, url)  # noqa: E731
        body = self.env.get_template(template).render(
            site=self.site, town=self.site.town, today=self.today, url=url, link=link, urls=urls, title=title, **context
        )
        header = yaml.safe_dump({"title": title, "description": description}, allow_unicode=True, sort_keys=False)
        self.writer.write_text(urls.source_file(url), f"---\n{header}---\n\n{body.strip()}\n")
