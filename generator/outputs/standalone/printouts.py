"""Printable A4 sheets for notice boards and the contact point (Anlaufstelle).

* `veranstaltungen/<id>/aushang/`: a notice per current event: large title, date, place, who,
  a short text and the QR code of the event page (`../qr.svg`).
* `monate/<yyyy-mm>/programm/`: the month's programme, day by day, with a QR code to the page
  "Kalender abonnieren" and the contact point's address and opening hours.

Both are standalone pages (`standalone.py`) with `@page { size: A4 }` print CSS.
"""

from __future__ import annotations

from datetime import date, datetime
from itertools import islice
from typing import NamedTuple

from generator import urls
from generator.derive import german
from generator.derive.agenda import AgendaItem
from generator.derive.catalog import Catalog, Month
from generator.derive.daily_hours import DailyHours
from generator.derive.series import SeriesEntry, split_series
from generator.models.event import Status
from generator.outputs.markdown import plain_text as plain
from generator.outputs.pages.view import ViewHelpers
from generator.outputs.standalone.renderer import StandaloneRenderer

POSTER_TEXT_CHARS = 900
POSTER_DATES = 6
FREE_HEIGHT_PT = 370
"""What the sheet (269 mm = 762 pt inside the margins) leaves for title, hours and text once the
head, date, place, facts and the QR code (55 mm) have their room."""
ROW_PT = 26
"""One line of hours or dates (19 pt)."""
TEXT_LINE_PT = 18
TEXT_LINE_CHARS = 70
"""A line of description (13 pt) and about how many characters it holds, paragraph ends counted."""
SHEET_WIDTH_PT = 510
"""The poster's text width on A4 (180 mm) in points."""
CHAR_WIDTH = 0.72
"""Width of a bold letter in em, on the wide side (DejaVu Sans Bold, Chromium's default sans on
Linux, averages 0.68 over German words; Arial/Helvetica Bold 0.6): a word of n letters at s pt is
at most about n × CHAR_WIDTH × s wide."""
TITLE_CHAR = 0.66
"""An average letter of a bold title in em (for its number of lines; `CHAR_WIDTH` is the wide side)."""
TITLE_SIZES = ((20, 60), (35, 52), (60, 44), (100, 36), (160, 30), (10_000, 24))
"""(longest title in characters, its size in pt): short titles fill the sheet, 240 characters fit."""


class TitleSize(NamedTuple):
    """The poster title's size: ``print`` in pt (by length, capped so the longest word fits the
    sheet), ``word`` the longest word's width in em, which the screen uses to fit a phone."""

    print: int
    word: float


def title_size(title: str) -> TitleSize:
    """Titles wrap between words only (no mid-word breaks, no hyphenation): the size follows the
    title's length, and its longest word must fit one line."""
    longest = max((len(word) for word in title.split()), default=1)
    size = next(size for limit, size in TITLE_SIZES if len(title) <= limit)
    fits = int(SHEET_WIDTH_PT / (CHAR_WIDTH * longest))
    return TitleSize(max(12, min(size, fits)), round(CHAR_WIDTH * longest, 2))


def text_budget(title: str, rows: int) -> int:
    """Characters of the description that fit on the sheet beside this title and ``rows`` lines of
    hours (a day with two times: two lines) or dates (about three), estimated in pt; print.css
    also clips the text rather than start a second page."""
    size = title_size(title).print
    title_lines = -(-len(title) * 1.15 * TITLE_CHAR * size // SHEET_WIDTH_PT)  # words wrap early
    free = FREE_HEIGHT_PT - title_lines * 1.1 * size - rows * ROW_PT
    return max(0, min(POSTER_TEXT_CHARS, int(free / TEXT_LINE_PT * TEXT_LINE_CHARS)))


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


def write_posters(renderer: StandaloneRenderer, event_ids: list[str]) -> None:
    """The notices of ``event_ids`` (current events: `Catalog.is_current`)."""
    site, catalog = renderer.site, renderer.catalog
    for record in (site.events[event_id] for event_id in event_ids):
        event = record.data
        hours = DailyHours.of(event)
        upcoming = next_dates(catalog, catalog.by_event[record.id])
        rows = sum(1 + (" und " in times) for _, times in hours.rows()) if hours else 3 if event.repeat else 0
        renderer.page(
            urls.poster(record.id),
            "poster.html",
            event=record,
            upcoming=upcoming,
            hours=hours,
            title_size=title_size(event.title),
            paragraphs=paragraphs(event.description, text_budget(event.title, rows)),
            page_url=site.town.site_url + urls.event(record.id),
        )


def next_dates(catalog: Catalog, items: list[AgendaItem]) -> list[AgendaItem]:
    """The first POSTER_DATES of ``catalog.future(items)`` (without filtering a whole series)."""
    return list(islice((i for i in items if i.last_day >= catalog.today), POSTER_DATES))


class ProgrammeLine(NamedTuple):
    """One occurrence in the monthly programme, ready to print (~10,000 lines a month at county
    scale; the template unpacks it: no attribute lookups per line)."""

    time: str
    """``ViewHelpers.time_of`` without " Uhr": "19:00–21:00", "19:00" or "ganztägig"."""
    title: str
    cancelled: bool
    moved: bool
    place: str


def programme_line(view: ViewHelpers, item: AgendaItem) -> ProgrammeLine:
    occurrence = item.occurrence
    change = occurrence.change
    return ProgrammeLine(
        time=view.time_of(item).replace(" Uhr", ""),
        title=change.title if change and change.title else item.event.data.title,
        cancelled=occurrence.status is Status.cancelled,
        moved=bool(occurrence.moved),
        place=view.place_name(item),
    )


def days_of(month: Month, items: list[AgendaItem], view: ViewHelpers) -> list[tuple[date, list[ProgrammeLine]]]:
    """Lines under the day their item starts, or the month's first day if it started before."""
    days: dict[date, list[ProgrammeLine]] = {}
    first_day = month.first_day
    for item in items:
        day = item.day
        days.setdefault(day if day > first_day else first_day, []).append(programme_line(view, item))
    return sorted(days.items())


MAX_CHANGES_PRINTED = 3
"""Changed dates of one series spelled out in the programme; the rest are counted."""


class ProgrammeSeries(NamedTuple):
    """A regular meeting in the monthly programme: listed once, with the month's exceptions."""

    title: str
    rhythm: str
    place: str
    note: str
    """`Fällt aus am 23.12. und 30.12.; am 16.12. im Gemeindehaus`: what differs this month."""


def programme_series(view: ViewHelpers, entry: SeriesEntry) -> ProgrammeSeries:
    exceptions = [item for item in entry.items if item.cancelled or item.occurrence.change]
    cancelled = [f"{item.occurrence.original_date:%d.%m.}" for item in exceptions if item.cancelled]
    changed = [
        f"{item.occurrence.original_date:%d.%m.} {_change_in_words(view, item)}"
        for item in exceptions
        if not item.cancelled
    ]
    if len(changed) > MAX_CHANGES_PRINTED:  # a series at a new place each day: the portal has them all
        more = len(changed) - MAX_CHANGES_PRINTED + 1
        changed = [*changed[: MAX_CHANGES_PRINTED - 1], f"{more} weitere Änderungen im Portal"]
    notes = ([f"fällt aus am {german.join(cancelled)}"] if cancelled else []) + changed
    regular = next((item for item in entry.items if not item.occurrence.change), entry.items[0])
    return ProgrammeSeries(entry.title, entry.rhythm, view.place_name(regular), "; ".join(notes))


def _change_in_words(view: ViewHelpers, item: AgendaItem) -> str:
    """`verlegt auf Do. 17.12., 19–21 Uhr`, `in: Gemeindehaus`, `„Adventssingen“`."""
    parts = []
    if item.moved:
        start = item.occurrence.start
        clock = f", {german.hours(start, item.occurrence.end)}" if isinstance(start, datetime) else ""
        parts.append(f"verlegt auf {german.weekday_short(start)}. {start:%d.%m.}{clock}")
    change = item.occurrence.change
    if change and (change.venue or change.location):
        parts.append(f"in: {view.place_name(item)}")
    if change and change.title:
        parts.append(f"„{change.title}“")
    return ", ".join(parts) or (change.note if change and change.note else "geändert")


def write_programmes(renderer: StandaloneRenderer) -> None:
    """Each month's programme: the one-off events day by day, then each regular meeting once."""
    catalog = renderer.catalog
    subscribe_url = renderer.site.town.site_url + urls.subscribe()
    view = ViewHelpers(renderer.site, catalog, "")  # places and times only: no links
    for month in catalog.months():
        dated, series = split_series(catalog.in_month(month), catalog.next_taking_place)
        renderer.page(
            urls.programme(month.slug),
            "programme.html",
            month=month,
            days=days_of(month, dated, view),
            series=[programme_series(view, entry) for entry in series],
            subscribe_url=subscribe_url,
        )
