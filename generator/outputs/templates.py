"""The Jinja environment shared by the portal pages and the standalone documents: filters, globals,
one environment per template folder and process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator import urls
from generator.derive import german
from generator.outputs.markdown import render_markdown
from generator.outputs.pages import search_meta
from generator.outputs.pages.view import ViewHelpers


class CurrentPage:
    """Stands for the `ViewHelpers` of the page being rendered (pages render one at a time)."""

    def __init__(self) -> None:
        self._view: ViewHelpers | None = None

    def bind(self, view: ViewHelpers) -> None:
        self._view = view

    def __getattr__(self, name: str) -> Any:
        if self._view is None:
            raise AttributeError(name)
        return getattr(self._view, name)


@lru_cache(maxsize=4)
def template_environment(templates_dir: Path) -> Environment:
    """One environment per template folder and process: compiled templates are reused by every
    rebuild of `serve`, which clears this cache when a theme file changed. No ``auto_reload``: it
    made Jinja stat a template's file each time another one extends or imports it (about 22,000
    times at 10,000 events: 11,276 while the pages render, the rest for posters and widgets)."""
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        auto_reload=False,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    # one proxy per environment: cached macro modules keep the globals they were loaded with
    env.globals.update(view=CurrentPage(), urls=urls, search_meta=search_meta)
    env.filters.update(
        markdown=render_markdown,
        long_date=german.long_date,
        full_date=german.full_date,
        short_date=german.short_date,
        when=german.when,
        date_range=german.date_range,
        recurrence=german.recurrence_in_words,
        hhmm=german.clock,
        opening_hours=german.opening_hours_in_brief,
        month_label=german.month_name,
        capitalize_first=lambda text: text[:1].upper() + text[1:],
        options=lambda terms: [(term.id, term.label) for term in terms],
        club_options=lambda clubs: [(club.id, club.data.name) for club in clubs],
        phone=phone_link,
    )
    return env


def phone_link(number: str) -> Markup:
    """A phone number as citizens see it, which a phone dials when tapped: the ``tel:`` address
    keeps the digits and a leading + only (RFC 3966 allows no spaces; "03535 482-0", "03535/4820"
    and "(03535) 48 20" all dial 035354820)."""
    dialled = ("+" if number.lstrip().startswith("+") else "") + "".join(c for c in number if c.isdigit())
    return Markup('<a href="tel:{}">{}</a>').format(dialled, number)
