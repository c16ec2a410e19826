"""Printable A4 sheets for notice boards and the contact point (Anlaufstelle).

* `veranstaltungen/<id>/aushang/`: a notice per current event: large title, date, place, who,
  a short text and the QR code of the event page (`../qr.svg`).
* `monate/<yyyy-mm>/programm/`: the month's programme, day by day, with a QR code to the page
  "Kalender abonnieren" and the contact point's address and opening hours.

Both are standalone pages (`standalone.py`) with `@page { size: A4 }` print CSS.
"""

from __future__ import annotations

from datetime import date

from generator.render import urls
from generator.render.agenda import AgendaItem
from generator.render.catalog import Month
from generator.render.markdown import plain_text as plain
from generator.render.standalone import StandaloneRenderer

POSTER_TEXT_CHARS = 700
POSTER_DATES = 6


def paragraphs(markdown_text: str | None, limit: int = POSTER_TEXT_CHARS) -> list[str]:
    """The description as plain paragraphs, cut after about ``limit`` characters."""
    result: list[str] = []
    used = 0
    for block in plain(markdown_text).split("\n\n"):
        text = " ".join(block.split())
        if not text:
            continue
        if used + len(text) > limit:
            room = max(0, limit - used)
            if room > 80:
                result.append(text[:room].rsplit(" ", 1)[0] + " …")
            elif result:
                result[-1] += " …"
            break
        result.append(text)
        used += len(text)
    return result


def write_posters(renderer: StandaloneRenderer) -> None:
    site, catalog = renderer.site, renderer.catalog
    for record in sorted(site.events.values()):
        if not catalog.is_current(record.id):
            continue
        renderer.page(
            urls.poster(record.id),
            "poster.html",
            event=record,
            upcoming=catalog.future(catalog.by_event[record.id])[:POSTER_DATES],
            paragraphs=paragraphs(record.data.description),
            page_url=site.town.site_url + urls.event(record.id),
        )


def days_of(month: Month, items: list[AgendaItem]) -> list[tuple[date, list[AgendaItem]]]:
    """Items under the day they start, or the month's first day if they started before."""
    days: dict[date, list[AgendaItem]] = {}
    for item in items:
        days.setdefault(max(item.day, month.first_day), []).append(item)
    return sorted(days.items())


def write_programmes(renderer: StandaloneRenderer) -> None:
    catalog = renderer.catalog
    subscribe_url = renderer.site.town.site_url + urls.subscribe()
    for month in catalog.months():
        renderer.page(
            urls.programme(month.slug),
            "programme.html",
            month=month,
            days=days_of(month, catalog.in_month(month)),
            subscribe_url=subscribe_url,
        )
