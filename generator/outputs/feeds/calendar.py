"""The VCALENDAR around already serialised components.

Components are rendered once and their bytes reused in every feed (so a sub-feed
holds exactly the bytes of the all-events feed); this module only writes the
calendar's own properties — all of them before the first component, since
Outlook ignores calendar properties after components — and joins the parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.outputs.feeds.serialize import content, text

PRODID = "-//engagiert//Veranstaltungskalender//DE"
REFRESH = "PT6H"
"""A hint only (6 hours): Google polls every 12–24 hours whatever a feed says."""

_BEGIN = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
_END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True)
class CalendarInfo:
    """What a calendar app shows about a subscribed calendar."""

    name: str
    description: str
    timezone: str


def calendar_head(info: CalendarInfo | None) -> bytes:
    """``BEGIN:VCALENDAR`` and the calendar properties (in icalendar's order, as before).

    ``info`` is None for the single-event files behind "In meinen Kalender": they
    are imported, not subscribed, and a calendar name would make some apps
    (Outlook) open them as a separate calendar instead of adding the event.
    """
    lines = list(_BEGIN)
    if info is not None:
        name, description = text(info.name), text(info.description)
        lines += [f"DESCRIPTION:{description}", f"X-WR-CALDESC:{description}"]
        lines += [f"NAME:{name}", f"X-WR-CALNAME:{name}"]
        lines += [f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}", f"X-PUBLISHED-TTL:{REFRESH}"]
        lines.append(f"X-WR-TIMEZONE:{text(info.timezone)}")
    return content(lines)


def assemble(head: bytes, components: Iterable[bytes]) -> bytes:
    """A whole calendar: the head, the components (VTIMEZONE first), the end line."""
    return b"".join([head, *components, _END])
