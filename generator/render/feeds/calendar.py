"""The VCALENDAR around already serialised components.

Components are rendered once and their bytes reused in every feed (so a sub-feed
holds exactly the bytes of the all-events feed); this module only writes the
calendar's own properties — all of them before the first component, since
Outlook ignores calendar properties after components — and joins the parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

import icalendar

from generator.render.feeds.serialize import to_ical

PRODID = "-//engagiert//Veranstaltungskalender//DE"
REFRESH = timedelta(hours=6)
"""A hint only: Google polls every 12–24 hours whatever a feed says."""

_END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True)
class CalendarInfo:
    """What a calendar app shows about a subscribed calendar."""

    name: str
    description: str
    timezone: str


def calendar_head(info: CalendarInfo | None) -> bytes:
    """``BEGIN:VCALENDAR`` and the calendar properties.

    ``info`` is None for the single-event files behind "In meinen Kalender": they
    are imported, not subscribed, and a calendar name would make some apps
    (Outlook) open them as a separate calendar instead of adding the event.
    """
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    if info is not None:
        calendar.add("name", icalendar.vText(info.name))
        calendar.add("x-wr-calname", icalendar.vText(info.name))
        calendar.add("description", icalendar.vText(info.description))
        calendar.add("x-wr-caldesc", icalendar.vText(info.description))
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT6H")
        calendar.add("x-wr-timezone", info.timezone)
    serialised = to_ical(calendar)
    assert serialised.endswith(_END)
    return serialised[: -len(_END)]


def assemble(head: bytes, components: Iterable[bytes]) -> bytes:
    """A whole calendar: the head, the components (VTIMEZONE first), the end line."""
    return head + b"".join(components) + _END
