"""Calendar feeds (iCalendar, RFC 5545/7986) written as static files into the built site.

timezone.py  VTIMEZONE from the zoneinfo transitions (RRULE-based parts)
history.py   SEQUENCE and LAST-MODIFIED from the Git history of each event file
event.py     one event → master VEVENT + RECURRENCE-ID overrides
calendar.py  the VCALENDAR properties around serialised components
catalog.py   which feeds exist, their German names, which events each holds
window.py    which events are recent enough to be in the feeds
writer.py    renders each event once and writes every feed
"""

from generator.outputs.feeds.writer import FeedReport, render_feeds

__all__ = ["FeedReport", "render_feeds"]
