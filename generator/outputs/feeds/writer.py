"""Every calendar feed and the single-event files, handed to an `Emit` (the build writes them).

Each event is rendered once; its bytes go unchanged into the all-events feed,
into each club/category/venue/audience/Ortsteil feed it belongs to and into its own
file behind "In meinen Kalender". Only the VTIMEZONE differs between files: it
covers the years of the events in that file. A series also gets one small file
per date its page lists (`derive.catalog.single_dates`, "Nur diesen Termin").
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

from generator import urls
from generator.derive.catalog import single_dates
from generator.derive.places import Places
from generator.models.event import Event
from generator.models.site import Record, Site
from generator.outputs import Emit
from generator.outputs.feeds.calendar import assemble, calendar_head
from generator.outputs.feeds.catalog import all_feeds, anchors_of
from generator.outputs.feeds.event import occurrence_file_components, render_event, serialise
from generator.outputs.feeds.history import Revision, read_history
from generator.outputs.feeds.timezone import vtimezone
from generator.outputs.feeds.window import span, window_start


@dataclass(frozen=True)
class RenderedEvent:
    data: bytes
    first_year: int
    last_year: int
    dates: tuple[tuple[str, int, bytes], ...] = ()
    """(path, year, VEVENT) of each date of a series with a file of its own."""


@dataclass
class FeedReport:
    """What was written: site-relative path → size in bytes; plus warnings about the history."""

    sizes: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def dtstamp_for(today: date) -> datetime:
    """DTSTAMP of every component: midnight UTC of the build's "today" (deterministic per --today)."""
    return datetime.combine(today, time(), UTC)


def print_warnings(report: FeedReport) -> None:
    for warning in report.warnings:
        print(f"Warnung: {warning}", file=sys.stderr)


EventMemo = dict[str, tuple[str, RenderedEvent]]
"""Event id → (the key it was rendered for, its VEVENTs): an incremental build renders only the
events whose key changed (`generator/build/fingerprints.py` makes the keys)."""


def render_feeds(
    root: Path,
    site: Site,
    today: date,
    emit: Emit,
    memo: EventMemo | None = None,
    keys: Callable[[str], str] | None = None,
    unchanged: Callable[[str], bool] | None = None,
) -> FeedReport:
    """Hand every feed to ``emit`` and say what was made.

    With ``memo`` and ``keys``, an event whose ``keys(id)`` equals its memo entry is not rendered
    again; the memo is updated to this build's events. ``unchanged(path)`` is called instead of
    ``emit`` for an event's own file when the event was not rendered again (the caller takes the
    previous file over); it returns False if it cannot, and the file is emitted after all."""
    report = FeedReport()
    dtstamp = dtstamp_for(today)
    history = read_history(root)
    report.warnings += history.warnings
    revisions = history.revisions(site.events.values(), root, dtstamp)
    cutoff = window_start(today)
    rendered: dict[str, RenderedEvent] = {}
    kept: set[str] = set()
    members: dict[str, list[RenderedEvent]] = defaultdict(list)
    places = Places(site)
    previous = dict(memo) if memo is not None else {}
    if memo is not None:
        memo.clear()
    for record in sorted(site.events.values()):
        extent = span(record.data)
        revision = revisions[record.id]
        key = f"{keys(record.id)}:{revision.sequence}:{revision.last_modified.isoformat()}" if keys else ""
        cached = previous.get(record.id)
        if cached is not None and cached[0] == key:
            item = cached[1]
            kept.add(record.id)
        else:
            last_year = extent.last.year if extent.last else max(extent.first.year, today.year + 1)
            data = render_event(record, site, revision, dtstamp)
            item = RenderedEvent(data, extent.first.year, last_year, _dates(record, site, revision, dtstamp, today))
        if memo is not None:
            memo[record.id] = (key, item)
        rendered[record.id] = item
        if extent.reaches(cutoff):
            for anchor in anchors_of(record.data, places.of_event(record.data)):
                members[anchor].append(item)
    zone = site.town.timezone
    for feed in all_feeds(site):
        data = _calendar(calendar_head(feed.info), members.get(feed.anchor, []), zone, today)
        emit(feed.path, data)
        report.sizes[feed.path] = len(data)
    single = calendar_head(None)
    for event_id, item in rendered.items():
        files = [(urls.event_ics(event_id), item)]
        files += [(path, RenderedEvent(data, year, year)) for path, year, data in item.dates]
        for path, content in files:
            if event_id in kept and unchanged is not None and unchanged(path):
                continue
            data = _calendar(single, [content], zone, today)
            emit(path, data)
            report.sizes[path] = len(data)
    return report


def _dates(
    record: Record[Event], site: Site, revision: Revision, dtstamp: datetime, today: date
) -> tuple[tuple[str, int, bytes], ...]:
    """The files of the dates a series' page offers one by one."""
    return tuple(
        (
            urls.occurrence_ics(record.id, occurrence.original_date),
            occurrence.original_date.year,
            b"".join(serialise(c) for c in occurrence_file_components(record, site, revision, dtstamp, occurrence)),
        )
        for occurrence in single_dates(record.data, today)
    )


def _calendar(head: bytes, items: list[RenderedEvent], zone: str, today: date) -> bytes:
    """One VCALENDAR; the VTIMEZONE starts a year before its first event, so every local time is defined.

    It is written even into an empty feed: a VCALENDAR needs at least one component.
    """
    first = min((item.first_year for item in items), default=today.year)
    last = max((item.last_year for item in items), default=today.year)
    return assemble(head, [vtimezone(zone, first - 1, last + 1), *(item.data for item in items)])
