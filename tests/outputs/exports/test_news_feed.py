"""The news feed of newly added events and volunteer calls: dates from Git, newest first, valid RSS and Atom."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
from export_helpers import load

from generator.derive.catalog import Catalog
from generator.outputs.exports.added import record_dates
from generator.outputs.exports.news_feed import ATOM, atom, news_entries, rss
from generator.outputs.feeds.writer import dtstamp_for

TODAY = date(2027, 1, 10)
NEW_EVENT = """\
title: Neujahrsempfang
category: fest
venue: rathaus
start: 2027-01-20 18:00
"""


def _feeds(root: Path, today: date = TODAY) -> tuple[list, bytes, bytes]:
    site = load(root)
    catalog = Catalog.build(site, today)
    entries = news_entries(site, catalog, record_dates(root, site, catalog.today))
    return entries, rss(site, entries), atom(site, entries, dtstamp_for(today))


def test_entries_are_dated_by_their_first_commit_newest_first(town: Path, git) -> None:
    first = git.commit("Termine und Aufruf", day=1)
    (town / "content" / "events" / "neujahrsempfang.yml").write_text(NEW_EVENT, encoding="utf-8")
    second = git.commit("Neujahrsempfang", day=2)
    path = town / "content" / "events" / "stammtisch.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Stammtisch", "Stammtisch am Freitag"), encoding="utf-8")
    (town / "content" / "events" / "2027").mkdir()
    path.rename(town / "content" / "events" / "2027" / "stammtisch.yml")  # edited and moved: still added on day 1
    git.commit("Stammtisch verschoben", day=3)

    entries, rss_data, _ = _feeds(town)
    assert [(e.record_id, e.added) for e in entries[:2]] == [("neujahrsempfang", second), ("flohmarkt", first)]
    assert {e.added for e in entries[1:]} == {first}
    assert entries[0].title == "Neue Veranstaltung: Neujahrsempfang"
    ids = [e.record_id for e in entries]
    assert "altes-fest" not in ids  # over
    assert "stadtfest-helfer" in ids and "stammtisch" in ids
    assert next(e for e in entries if e.kind == "opportunities").title == "Engagement gesucht: Helfer für das Stadtfest"

    channel = ET.fromstring(rss_data).find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == [e.title for e in entries]
    assert parsedate_to_datetime(items[0].findtext("pubDate") or "") == second
    assert parsedate_to_datetime(channel.findtext("lastBuildDate") or "") == second


def test_uncommitted_files_and_builds_outside_git_use_midnight_of_today(town: Path, git) -> None:
    git.commit("Termine", day=1)
    (town / "content" / "events" / "neujahrsempfang.yml").write_text(NEW_EVENT, encoding="utf-8")
    entries, _, _ = _feeds(town)
    assert entries[0].record_id == "neujahrsempfang"
    assert entries[0].added == datetime(2027, 1, 10, tzinfo=UTC) == dtstamp_for(TODAY)


def test_feeds_parse_as_rss_2_and_atom_1(town: Path) -> None:
    entries, rss_data, atom_data = _feeds(town)  # outside Git: every entry dated midnight of TODAY
    assert len(entries) == 7
    root = ET.fromstring(rss_data)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    for tag in ("title", "link", "description", "language"):
        assert channel.findtext(tag), tag
    assert channel.find(f"{{{ATOM}}}link").get("rel") == "self"  # type: ignore[union-attr]
    for item in channel.findall("item"):
        for tag in ("title", "link", "guid", "pubDate", "description"):
            assert item.findtext(tag), tag

    feed = ET.fromstring(atom_data)
    assert feed.tag == f"{{{ATOM}}}feed"
    for tag in ("id", "title", "updated", f"author/{{{ATOM}}}name"):
        assert feed.findtext(f"{{{ATOM}}}{tag}"), tag
    for entry in feed.findall(f"{{{ATOM}}}entry"):
        for tag in ("id", "title", "updated", "published", "summary"):
            assert entry.findtext(f"{{{ATOM}}}{tag}"), tag
        assert entry.find(f"{{{ATOM}}}link").get("href").startswith("https://engagiert.example.org/")  # type: ignore[union-attr]

    for data, version in ((rss_data, "rss20"), (atom_data, "atom10")):
        parsed = feedparser.parse(data)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == version
        assert parsed.feed.language.lower().startswith("de") if version == "rss20" else True
        assert len(parsed.entries) == len(entries)
        assert parsed.entries[0].title == entries[0].title
        assert parsed.entries[0].published_parsed[:3] == (2027, 1, 10)
        assert "Teststadt" in parsed.feed.title


def test_feed_bytes_are_deterministic(town: Path) -> None:
    assert _feeds(town)[1:] == _feeds(town)[1:]


def test_entries_name_the_organisers_written_and_no_one_else(town: Path) -> None:
    (town / "content" / "events" / "neujahrsempfang.yml").write_text(
        NEW_EVENT + "organizer:\n  - stadt\n  - name: Schule am Park\n", encoding="utf-8"
    )
    entries, _, _ = _feeds(town)
    summaries = {e.record_id: e.summary for e in entries}
    assert summaries["neujahrsempfang"].startswith(
        "Mi., 20. Januar 2027, 18:00 Uhr · Rathaus · Stadt Teststadt, Schule am Park"
    )
    assert summaries["stadtfest"] == "Sa., 5. Juni 2027 bis So., 6. Juni 2027, ganztägig · Marktplatz"  # none named
