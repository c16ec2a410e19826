"""Where every kind of page lives, as site-relative paths with trailing slashes.

Generated HTML is not rewritten by MkDocs, so links are made relative to the
page they appear on; the site then works under any base path (e.g. GitHub
Pages project sites) and in a downloaded preview.
"""

from __future__ import annotations

import posixpath

RESERVED_SECTIONS = frozenset(
    {"vereine", "veranstaltungen", "orte", "mitmachen", "kalender", "api", "impressum", "datenschutz",
     "barrierefreiheit", "suche", "assets", "pagefind", "bilder", "kategorien", "zielgruppen", "ortsteile",
     "monate", "archiv", "search", "sitemap.xml", "404"}
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


def archive() -> str:
    return "archiv/"


def category(category_id: str) -> str:
    return f"kategorien/{category_id}/"


def audience(audience_id: str) -> str:
    return f"zielgruppen/{audience_id}/"


def search() -> str:
    return "suche/"


def image(src: str) -> str:
    return f"bilder/{src}"


def source_file(url: str) -> str:
    """The Markdown file in MkDocs' docs_dir that produces ``url``."""
    return f"{url}index.md" if url else "index.md"


def relative(target: str, current: str) -> str:
    """Link from the page at ``current`` to ``target`` (both site-relative)."""
    base = posixpath.dirname(current.rstrip("/") + "/x") if current else ""
    path = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") or not target:
        path = path.rstrip("/") + "/"
    return "./" if path == "./" or path == "" else path


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


def event_ics(event_id: str) -> str:
    """The single-event file behind "In meinen Kalender"."""
    return f"kalender/termine/{event_id}.ics"
