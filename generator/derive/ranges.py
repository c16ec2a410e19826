"""The time ranges citizens ask for: today, tomorrow, this weekend, next week.

Each becomes a page of its own (`urls.time_range`) that works without JavaScript; the nightly
build keeps "today" true, and every page names its dates so a stale copy shows its age.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.derive import german


@dataclass(frozen=True)
class TimeRange:
    slug: str
    """The page's folder: `heute`, `morgen`, `wochenende`, `naechste-woche`."""
    title: str
    """`Heute`, `Dieses Wochenende`, …"""
    first: date
    last: date

    @property
    def dates_in_words(self) -> str:
        """`Montag, 7. Dezember 2026` or `Sa., 12. bis So., 13. Dezember 2026`."""
        if self.first == self.last:
            return german.full_date(self.first)
        return f"{german.long_date(self.first)} bis {german.long_date(self.last)}"

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def time_ranges(today: date) -> list[TimeRange]:
    """Heute, Morgen, Dieses Wochenende (the running one on Saturday and Sunday), Nächste Woche."""
    tomorrow = today + timedelta(days=1)
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    if today.weekday() == 6:  # Sunday: the weekend is today
        saturday = today - timedelta(days=1)
    weekend_first = max(saturday, today)
    next_monday = today + timedelta(days=7 - today.weekday())
    return [
        TimeRange("heute", "Heute", today, today),
        TimeRange("morgen", "Morgen", tomorrow, tomorrow),
        TimeRange("wochenende", "Dieses Wochenende", weekend_first, saturday + timedelta(days=1)),
        TimeRange("naechste-woche", "Nächste Woche", next_monday, next_monday + timedelta(days=6)),
    ]
