"""Regular meetings shown once: a list's weekly choir practice is one entry, not fifty.

Lists that cover weeks (start page, event list, club, venue and topic pages, widget, monthly
programme) split their occurrences in two: one-off events by date, and each regular series
(`repeat` with a daily, weekly or monthly rhythm) as one `SeriesEntry` with its rhythm, its next
date and the dates in the window that are cancelled or moved. A yearly event stays a dated entry:
once a year is an occasion, not a regular meeting. The month grid keeps every date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from generator.derive import german
from generator.derive.agenda import AgendaItem
from generator.models.event import Event, Frequency
from generator.models.site import Record

REGULAR_FREQUENCIES = frozenset({Frequency.daily, Frequency.weekly, Frequency.monthly})


def is_regular(event: Event) -> bool:
    """Whether lists show the event once as a regular meeting rather than by date."""
    return event.repeat is not None and event.repeat.freq in REGULAR_FREQUENCIES


@dataclass(frozen=True)
class SeriesEntry:
    """One regular series in a list, with its occurrences inside the list's window."""

    event: Record[Event]
    items: tuple[AgendaItem, ...]
    """The series' occurrences in the window, in date order (cancelled ones included)."""
    next: AgendaItem | None
    """The first occurrence from today on that takes place, even beyond the window; None when
    none is left (every remaining date cancelled)."""

    @property
    def title(self) -> str:
        return self.event.data.title

    @property
    def url(self) -> str:
        return self.items[0].url

    @property
    def rhythm(self) -> str:
        """`mittwochs, 19–21 Uhr`"""
        return german.rhythm_in_brief(self.event.data)

    @property
    def cancelled_days(self) -> list[date]:
        return [item.occurrence.original_date for item in self.items if item.cancelled]

    @property
    def moved(self) -> list[AgendaItem]:
        return [item for item in self.items if item.moved and not item.cancelled]

    @property
    def next_is_in_window(self) -> bool:
        return self.next is not None and self.next in self.items

    @property
    def sort_key(self) -> tuple[str, str]:
        return (german.sort_key(self.event.data.title), self.event.id)


def split_series(
    items: Iterable[AgendaItem],
    next_of: Callable[[str], AgendaItem | None],
    window_end: date | None = None,
    venue_id: str | None = None,
) -> tuple[list[AgendaItem], list[SeriesEntry]]:
    """One-off occurrences (in the given order) and regular series (by title), from one list.

    ``next_of(event_id)``: the event's next occurrence that takes place (the catalog knows).
    ``window_end``: a series keeps only its dates up to this day (a club page lists a year of
    dates, but names only the coming weeks' cancellations); at least its first one.
    ``venue_id``: the list is a venue's; a series that meets elsewhere and comes here only on a
    moved date (the Repair-Café on the market during the town festival) is listed by that date,
    not as a regular meeting at this venue."""
    dated: list[AgendaItem] = []
    by_series: dict[str, list[AgendaItem]] = {}
    for item in items:
        event = item.event.data
        if is_regular(event) and (venue_id is None or event.venue == venue_id):
            by_series.setdefault(item.event.id, []).append(item)
        else:
            dated.append(item)
    series = []
    for event_id, own in by_series.items():
        shown = [item for item in own if window_end is None or item.day <= window_end] or own[:1]
        series.append(SeriesEntry(own[0].event, tuple(shown), next_of(event_id)))
    series.sort(key=lambda entry: entry.sort_key)
    return dated, series
