""" "Neu im Portal": RSS 2.0 and Atom feeds of newly added events and volunteer calls.

An entry is a current event (any occurrence today or later) or an open volunteer call; its date
is when its file was first committed (``added.py``), newest first, at most ``MAX_ENTRIES``.
Titles are German ("Neue Veranstaltung: …", "Engagement gesucht: …"); the text says when, where
and who. Written with ElementTree (escaping, namespaces); deterministic for one commit and
``--today`` (the channel date is that of the newest entry, never the clock).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from generator import urls
from generator.derive import german
from generator.derive.catalog import Catalog
from generator.derive.organizers import organizers
from generator.models.site import Site
from generator.outputs.markdown import plain_text as plain

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50
SUMMARY_CHARS = 400


@dataclass(frozen=True)
class NewsEntry:
    kind: str  # "events" or "opportunities"
    record_id: str
    title: str
    url: str
    added: datetime
    category: str | None
    summary: str


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 2].rsplit(" ", 1)[0] + " …"


def news_entries(site: Site, catalog: Catalog, added: dict[tuple[str, str], datetime]) -> list[NewsEntry]:
    """The newest ``MAX_ENTRIES`` additions, newest first (ties: events before calls, then by id)."""
    town, base = site.town, site.town.site_url
    categories = {t.id: t.label for t in town.categories}
    entries = []
    for record in site.events.values():
        if not catalog.is_current(record.id):
            continue
        event = record.data
        upcoming = catalog.future(catalog.by_event[record.id])
        when = german.recurrence_in_words(event) or german.when(event.start, event.end)
        if event.repeat and upcoming:
            when = f"{_capital(when)}; nächster Termin {german.when(upcoming[0].occurrence.start, None)}"
        venue = site.venues[event.venue].data.name if event.venue else (event.location.name if event.location else "")
        who = ", ".join(organizer.name for organizer in organizers(site, event))
        facts = " · ".join(part for part in (_capital(when), venue, who) if part)
        text = plain(event.description)
        entries.append(
            NewsEntry(
                "events",
                record.id,
                f"Neue Veranstaltung: {event.title}",
                base + urls.event(record.id),
                added[("events", record.id)],
                categories[event.category],
                _shorten(f"{facts} – {text}" if text else facts),
            )
        )
    for record in catalog.open_opportunities():
        opportunity = record.data
        who = ", ".join(site.clubs[c].data.name for c in opportunity.organizer) or town.organizer_name
        facts = f"{who} sucht Unterstützung · Zeitaufwand: {opportunity.time_commitment}"
        entries.append(
            NewsEntry(
                "opportunities",
                record.id,
                f"Engagement gesucht: {opportunity.title}",
                base + urls.opportunity(record.id),
                added[("opportunities", record.id)],
                categories.get(opportunity.category or ""),
                _shorten(f"{facts} – {plain(opportunity.description)}"),
            )
        )
    entries.sort(key=lambda entry: (-entry.added.timestamp(), entry.kind, entry.record_id))
    return entries[:MAX_ENTRIES]


def _feed_title(site: Site) -> str:
    return f"Neu im Portal: {site.town.portal_name}"


def _feed_description(site: Site) -> str:
    return f"Neue Veranstaltungen und Engagement-Angebote in {site.town.name}"


def rss(site: Site, entries: list[NewsEntry]) -> bytes:
    """RSS 2.0 with an atom:link to itself (as the RSS Advisory Board recommends)."""
    ET.register_namespace("atom", ATOM)
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    for tag, text in (
        ("title", _feed_title(site)),
        ("link", site.town.site_url),
        ("description", _feed_description(site)),
        ("language", "de-de"),
    ):
        ET.SubElement(channel, tag).text = text
    ET.SubElement(
        channel,
        f"{{{ATOM}}}link",
        {"href": site.town.site_url + urls.news_rss(), "rel": "self", "type": "application/rss+xml"},
    )
    if entries:
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(entries[0].added)
    for entry in entries:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = entry.title
        ET.SubElement(item, "link").text = entry.url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = entry.url
        ET.SubElement(item, "pubDate").text = format_datetime(entry.added)
        if entry.category:
            ET.SubElement(item, "category").text = entry.category
        ET.SubElement(item, "description").text = entry.summary
    return _serialize(root)


def atom(site: Site, entries: list[NewsEntry], fallback_updated: datetime) -> bytes:
    """Atom 1.0 (RFC 4287); entry ids are the pages' addresses, which never change."""

    def element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        child = ET.SubElement(parent, tag, attributes)
        child.text = text
        return child

    self_url = site.town.site_url + urls.news_atom()
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "de"})
    element(root, "id", self_url)
    element(root, "title", _feed_title(site))
    element(root, "subtitle", _feed_description(site))
    element(root, "updated", (entries[0].added if entries else fallback_updated).isoformat())
    element(root, "link", rel="self", href=self_url, type="application/atom+xml")
    element(root, "link", rel="alternate", href=site.town.site_url, type="text/html")
    author = element(root, "author")
    element(author, "name", site.town.legal.publisher)
    for entry in entries:
        node = element(root, "entry")
        element(node, "id", entry.url)
        element(node, "title", entry.title)
        element(node, "link", rel="alternate", href=entry.url, type="text/html")
        element(node, "published", entry.added.isoformat())
        element(node, "updated", entry.added.isoformat())
        if entry.category:
            element(node, "category", term=entry.category)
        element(node, "summary", entry.summary, type="text")
    return _serialize(root)


def _serialize(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data.replace(b"<?xml version='1.0' encoding='utf-8'?>", b'<?xml version="1.0" encoding="utf-8"?>') + b"\n"
