"""What the portal's search knows of a record page besides its title and text, and how it ranks it.

Pagefind (`outputs/search/`) indexes each record page's text — the description — as the body
that snippets come from. The facts of a record (place, organiser, area, Ortsteil …) are found as
Pagefind metadata: each fact's ``<dd>`` carries ``data-pagefind-meta="<field>"`` inside a ``<dl>``
marked ``data-pagefind-ignore``, so a search finds them but a snippet never runs labels and values
together ("Veranstalter Gemischter Chor Thema Musik und Chor Eintritt frei …").

**The line under a result's title** (metadata ``zeile``, set by `theme/pages/_search.html`) says
what the record is, when and where:

- an event: its next date and place — ``Nächster Termin: Mi., 9. Dezember 2026, 19:00–21:00 Uhr ·
  Gemeindehaus`` for a series, the date alone for a single event, ``Abgesagt: …`` when every
  coming date is cancelled, ``Hat stattgefunden: …`` once it is over;
- a club: its Ortsteil and its areas (``Musterstadt (Kernstadt) · Musik und Chor``);
- a venue: its address;
- a call to take part: who asks and how much time it takes.

The next date is the one on the day of the build (`Catalog.today`): record pages are made again
whenever that day changes (`build/fingerprints.py`).

**Ranking** (`META_WEIGHTS`, handed to Pagefind's ``ranking.metaWeights`` by theme/assets/suche.js):
Pagefind 1.5 searches every metadata field and adds, per field that matches, its weight × the
matched words' IDF × the share of the query they cover, squared. Fields not named there weigh 1.
So:

- ``verein`` (a club's name, on club pages only) weighs 30: a query that is (part of) a club's
  name lists the club above the buildings, events and pages that carry the name too
  ("Feuerwehr" → the Feuerwehr clubs before the Feuerwehrgerätehaus);
- ``title`` weighs 3, not Pagefind's 5: Pagefind counts each different word that starts with the
  query once more, coverage included, so "Chorprobe des Gemischten Chors" got 8× the title boost
  of "Gemischter Chor Musterstadt e. V." for "Chor" (Pagefind issue #1127);
- ``stichworte`` (an event's keywords) weighs 1: the editors' own words for what it is about;
- every other fact weighs 0: it makes a record found, its title and text decide the order. A
  place or an organiser named on fifty event pages would otherwise push them above the club.

A new ``data-pagefind-meta`` field in a template belongs in `META_WEIGHTS` (tests/test_build.py
checks that the index has no other field).
"""

from __future__ import annotations

import json

from generator.derive import german
from generator.derive.agenda import AgendaItem
from generator.models.club import Club
from generator.models.event import Event, Status
from generator.models.opportunity import Opportunity
from generator.models.site import Record
from generator.models.venue import Venue
from generator.outputs.pages.view import ViewHelpers

SEPARATOR = " · "

META_WEIGHTS: dict[str, float] = {
    "title": 3,
    "verein": 30,
    "stichworte": 1,
    # shown, never a reason to rank higher
    "zeile": 0,
    # facts of events, clubs, venues and calls to take part
    "wann": 0,
    "wo": 0,
    "veranstalter": 0,
    "thema": 0,
    "fuer": 0,
    "bereich": 0,
    "ortsteil": 0,
    "treffen": 0,
    "treffpunkt": 0,
    "adresse": 0,
    "kontakt": 0,
    "anfahrt": 0,
    "wer": 0,
    "zeitaufwand": 0,
    # Pagefind's own, from the first picture after the heading (editorial pages)
    "image": 0,
    "image_alt": 0,
}
"""Pagefind's ``metaWeights``: every metadata field the record pages set, with its weight."""


def ranking_json() -> str:
    """Pagefind's ``ranking`` option, for the search page's ``data-ranking``."""
    return json.dumps({"metaWeights": META_WEIGHTS}, separators=(",", ":"))


def event_line(view: ViewHelpers, record: Record[Event]) -> str:
    """The event's next date and place, or why there is none."""
    items = view.catalog.by_event.get(record.id, [])
    if not items:
        return ""
    series = record.data.repeat is not None or len(items) > 1
    coming = view.catalog.future(items)
    taking_place = [item for item in coming if item.occurrence.status is not Status.cancelled]
    if record.data.status is Status.cancelled or (coming and not taking_place):
        return _dated("Abgesagt: ", coming[0] if coming else items[-1], view)
    if taking_place:
        item = taking_place[0]
        postponed = record.data.status is Status.postponed or item.occurrence.status is Status.postponed
        prefix = "Verschoben, bisher geplant: " if postponed else "Nächster Termin: " if series else ""
        return _dated(prefix, item, view)
    return _dated("Letzter Termin: " if series else "Hat stattgefunden: ", items[-1], view)


def club_line(view: ViewHelpers, club: Club) -> str:
    """``Ortsteil · Bereiche`` (the Ortsteil may be missing)."""
    parts = [view.district(club.district)] if club.district else []
    parts.append(", ".join(view.category(category) for category in club.category))
    return SEPARATOR.join(part for part in parts if part)


def venue_line(venue: Venue) -> str:
    """The address, or for a place without one the way there (a meeting point in the woods)."""
    return venue.address_line or venue.directions or ""


def opportunity_line(view: ViewHelpers, opportunity: Opportunity) -> str:
    """``Wer sucht · Zeitaufwand``."""
    askers = [view.club_name(club) for club in opportunity.organizer] or [view.site.town.organizer_name]
    return SEPARATOR.join([", ".join(askers), opportunity.time_commitment])


def _dated(prefix: str, item: AgendaItem, view: ViewHelpers) -> str:
    occurrence = item.occurrence
    place = view.place_name(item)
    line = prefix + german.when(occurrence.start, occurrence.end)
    return line + SEPARATOR + place if place else line
