"""Which calendar feeds exist, what they are called, and which events each one holds.

Every club, category, venue, audience and Ortsteil has a feed, even while it
has no events: a page links it, and a subscription keeps working when events
arrive. An event belongs to the feed of its (main) venue and of that place's
Ortsteil; an occurrence moved to another place stays in the series' feeds (a
series is one VEVENT with its rule: it cannot be in a feed for one date only).
Places outside the town have a feed of their own (`models.districts.OUTSIDE`).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import urls
from generator.models.districts import OUTSIDE
from generator.models.event import Event
from generator.models.site import Site
from generator.outputs.feeds.calendar import CalendarInfo


@dataclass(frozen=True)
class Feed:
    group: str
    """"alle", "kategorie", "ortsteil", "zielgruppe", "verein" or "ort" (also the anchor on the page
    "Kalender abonnieren")."""
    key: str
    path: str
    label: str
    """How the subscription page lists it, e.g. "Sport"."""
    info: CalendarInfo

    @property
    def anchor(self) -> str:
        return f"{self.group}-{self.key}" if self.key else self.group


def anchors_of(event: Event, district: str | None) -> list[str]:
    """The anchors of every feed that holds ``event`` (one dictionary look-up per feed, not one test per
    feed); ``district``: the Ortsteil of its own place (`derive.places.Places.of_event`)."""
    anchors = ["alle", f"kategorie-{event.category}"]
    if district:
        anchors.append(f"ortsteil-{district}")
    anchors += [f"zielgruppe-{key}" for key in event.audiences]
    anchors += [f"verein-{key}" for key in event.club_ids]
    if event.venue:
        anchors.append(f"ort-{event.venue}")
    return anchors


def all_feeds(site: Site) -> list[Feed]:
    """All feeds in the order the page "Kalender abonnieren" lists them."""
    town = site.town
    portal = f"„{town.portal_name}“ ({town.site_url})"

    def info(name: str, description: str) -> CalendarInfo:
        return CalendarInfo(f"{town.name}: {name}", f"{description} aus {portal}.", town.timezone)

    feeds = [
        Feed(
            "alle",
            "",
            urls.feed_all(),
            "Alle Veranstaltungen",
            info("alle Veranstaltungen", "Alle Veranstaltungen"),
        )
    ]
    for term in town.categories:
        feeds.append(
            Feed(
                "kategorie",
                term.id,
                urls.feed_category(term.id),
                term.label,
                info(term.label, f"Veranstaltungen der Kategorie „{term.label}“"),
            )
        )
    for term in town.districts:
        feeds.append(
            Feed(
                "ortsteil",
                term.id,
                urls.feed_district(term.id),
                term.label,
                info(f"{term.label} (Ortsteil)", f"Veranstaltungen im Ortsteil „{term.label}“"),
            )
        )
    feeds.append(
        Feed(
            "ortsteil",
            OUTSIDE,
            urls.feed_district(OUTSIDE),
            town.district_label(OUTSIDE),
            info(
                f"Ausflüge und Termine außerhalb von {town.name}",
                f"Ausflüge und Veranstaltungen außerhalb von {town.name}",
            ),
        )
    )
    for term in town.audiences:
        feeds.append(
            Feed(
                "zielgruppe",
                term.id,
                urls.feed_audience(term.id),
                term.label,
                info(f"{term.label} (Zielgruppe)", f"Veranstaltungen für die Zielgruppe „{term.label}“"),
            )
        )
    for club in sorted(site.clubs.values()):
        feeds.append(
            Feed(
                "verein",
                club.id,
                urls.feed_club(club.id),
                club.data.name,
                info(club.data.name, f"Veranstaltungen von „{club.data.name}“"),
            )
        )
    for venue in sorted(site.venues.values()):
        feeds.append(
            Feed(
                "ort",
                venue.id,
                urls.feed_venue(venue.id),
                venue.data.name,
                info(venue.data.name, f"Veranstaltungen am Ort „{venue.data.name}“"),
            )
        )
    return feeds


GROUP_HEADINGS = {
    "alle": "Alle Veranstaltungen",
    "kategorie": "Nach Thema",
    "ortsteil": "Nach Ortsteil",
    "zielgruppe": "Nach Zielgruppe",
    "verein": "Nach Verein",
    "ort": "Nach Ort",
}


def feed_groups(site: Site) -> list[tuple[str, list[Feed]]]:
    """The feeds under the headings of the page "Kalender abonnieren"."""
    feeds = all_feeds(site)
    return [(heading, [f for f in feeds if f.group == group]) for group, heading in GROUP_HEADINGS.items()]
