"""Where every kind of page lives, as site-relative paths with trailing slashes.

Generated HTML is not rewritten by MkDocs, so links are made relative to the
page they appear on; the site then works under any base path (e.g. GitHub
Pages project sites) and in a downloaded preview.
"""

from __future__ import annotations

from datetime import date

RESERVED_SECTIONS = frozenset(
    {"vereine", "veranstaltungen", "orte", "mitmachen", "kalender", "api", "impressum", "datenschutz",
     "barrierefreiheit", "suche", "assets", "pagefind", "bilder", "kategorien", "zielgruppen", "ortsteile",
     "monate", "archiv", "search", "sitemap.xml", "404", "melden",
     "daten", "neu", "widget", "heute", "morgen", "wochenende", "naechste-woche"}
)  # fmt: skip


def home() -> str:
    return ""


def club(club_id: str) -> str:
    return f"vereine/{club_id}/"


def clubs() -> str:
    return "vereine/"


def event(event_id: str) -> str:
    return f"veranstaltungen/{event_id}/"


def events() -> str:
    return "veranstaltungen/"


def venue(venue_id: str) -> str:
    return f"orte/{venue_id}/"


def venues() -> str:
    return "orte/"


def opportunity(opportunity_id: str) -> str:
    return f"mitmachen/{opportunity_id}/"


def opportunities() -> str:
    return "mitmachen/"


def page(page_id: str) -> str:
    return f"{page_id}/"


def legal(name: str) -> str:
    """`impressum`, `datenschutz` or `barrierefreiheit`."""
    return f"{name}/"


def month(slug: str) -> str:
    """A calendar month, `2027-05`."""
    return f"monate/{slug}/"


def time_range(slug: str) -> str:
    """`heute`, `morgen`, `wochenende` or `naechste-woche` (`derive.ranges`)."""
    return f"{slug}/"


def archive() -> str:
    return "archiv/"


def category(category_id: str) -> str:
    return f"kategorien/{category_id}/"


def audience(audience_id: str) -> str:
    return f"zielgruppen/{audience_id}/"


def districts() -> str:
    """The overview of the Ortsteile."""
    return "ortsteile/"


def district(district_id: str) -> str:
    """ "Was ist los in …?": one Ortsteil (or `ausserhalb`, the places outside the town)."""
    return f"ortsteile/{district_id}/"


def search() -> str:
    return "suche/"


def report() -> str:
    """The overview of the forms "… melden" (event, club, opportunity)."""
    return "melden/"


def report_form(form: str) -> str:
    """One form: `veranstaltung`, `verein` or `engagement`."""
    return f"melden/{form}/"


def source_file(url: str) -> str:
    """The Markdown file in MkDocs' docs_dir that produces ``url``."""
    return f"{url}index.md" if url else "index.md"


def relative(target: str, current: str) -> str:
    """Link from the page at ``current`` to ``target`` (both site-relative).

    ``current`` is a directory URL ("vereine/x/" or "" for the start page). Plain string work:
    posixpath.relpath took 10 s of a 10,000-event build.
    """
    here = current.split("/")[:-1] if current else []
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    path = "../" * (len(here) - common) + "/".join(there[common:])
    return path or "./"


# --- calendar feeds (static .ics files written after MkDocs into the site) ---------------


def subscribe() -> str:
    """The page "Kalender abonnieren" that lists every feed."""
    return "kalender/"


def feed_all() -> str:
    return "kalender/alle.ics"


def feed_club(club_id: str) -> str:
    return f"kalender/vereine/{club_id}.ics"


def feed_category(category_id: str) -> str:
    return f"kalender/kategorien/{category_id}.ics"


def feed_venue(venue_id: str) -> str:
    return f"kalender/orte/{venue_id}.ics"


def feed_audience(audience_id: str) -> str:
    return f"kalender/zielgruppen/{audience_id}.ics"


def feed_district(district_id: str) -> str:
    return f"kalender/ortsteile/{district_id}.ics"


def event_ics(event_id: str) -> str:
    """The single-event file behind "In meinen Kalender" (a series: all its dates)."""
    return f"kalender/termine/{event_id}.ics"


def occurrence_ics(event_id: str, day: date) -> str:
    """One date of a series as a file of its own ("Nur diesen Termin"), by its regular date.

    A folder per series: ids cannot hold a date safely (`chorprobe-2027-01-06` may be another event)."""
    return f"kalender/termine/{event_id}/{day.isoformat()}.ics"


# --- open data, news feed, widget, QR codes and printouts (written after MkDocs) ---------

API_VERSION = "1"


def api(name: str) -> str:
    """A JSON file of the open-data API, e.g. ``api("events")`` → `api/v1/events.json`."""
    return f"api/v{API_VERSION}/{name}.json"


def api_schema(name: str) -> str:
    """The JSON Schema of ``api(name)``."""
    return f"api/v{API_VERSION}/schema/{name}.schema.json"


def csv_file(name: str) -> str:
    """`vereine` or `veranstaltungen`: the CSV downloads for spreadsheets."""
    return f"api/v{API_VERSION}/{name}.csv"


def open_data() -> str:
    """The page "Daten und Einbindung" that lists every download, feed and the widget."""
    return "daten/"


def news_rss() -> str:
    return "neu/rss.xml"


def news_atom() -> str:
    return "neu/atom.xml"


def widget_club(club_id: str) -> str:
    return f"widget/verein/{club_id}/"


def widget_category(category_id: str) -> str:
    return f"widget/kategorie/{category_id}/"


def widget_script() -> str:
    return "widget/widget.js"


def qr(page_url: str) -> str:
    """The QR code (SVG) with the absolute address of the page at ``page_url``."""
    return f"{page_url}qr.svg"


def poster(event_id: str) -> str:
    """The printable A4 notice of one event."""
    return f"{event(event_id)}aushang/"


def programme(slug: str) -> str:
    """The printable programme of one month, `2027-05`."""
    return f"{month(slug)}programm/"
