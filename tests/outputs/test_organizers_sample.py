"""Organisers in the built Herzberg sample: what a citizen sees is what the event's file says.

The school's summer party names a club of the directory and the school itself (an organisation
without an entry); the weekly market names no organiser. Both are checked on the page, in
events.json, in veranstaltungen.csv and in the calendar feed, which is read with `icalendar`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import icalendar
import pytest

NAMED = "schulsommerfest"
SCHOOL = "Grundschule Herzberg"
CLUB = "Förderverein der Grundschule Herzberg e. V."
NONE = "wochenmarkt"


@pytest.fixture(scope="module")
def feed(sample_site: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((sample_site / "kalender" / "alle.ics").read_bytes())
    return {str(vevent["UID"]).split("@")[0]: vevent for vevent in calendar.walk("VEVENT")}


def _facts(sample_site: Path, event_id: str) -> str:
    page = (sample_site / "veranstaltungen" / event_id / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<dl class="eg-facts".*?</dl>', page, re.S)
    assert match, event_id
    return match.group(0)


def test_the_page_names_and_links_every_organiser(sample_site: Path) -> None:
    facts = _facts(sample_site, NAMED)
    assert (
        '<dt>Veranstalter</dt>\n<dd data-pagefind-meta="veranstalter">'
        f'<a href="../../vereine/foerderverein-grundschule/">{CLUB}</a>, '
        f'<a rel="nofollow noopener" href="https://grundschule-herzberg.example.org/">{SCHOOL}</a></dd>'
    ) in facts
    assert "Veranstalter" not in _facts(sample_site, NONE)
    assert "Veranstalter" not in (sample_site / "veranstaltungen" / NONE / "aushang" / "index.html").read_text("utf-8")


def test_events_json_lists_the_organisers_written(sample_site: Path) -> None:
    events = {e["id"]: e for e in json.loads((sample_site / "api" / "v1" / "events.json").read_bytes())["items"]}
    assert events[NAMED]["organizers"][1] == {
        "club_id": None,
        "name": SCHOOL,
        "url": None,
        "kind": "other",
        "website": "https://grundschule-herzberg.example.org/",
        "email": None,
        "phone": "03535 000 310",
    }
    assert [(o["kind"], o["club_id"]) for o in events[NAMED]["organizers"]] == [
        ("club", "foerderverein-grundschule"),
        ("other", None),
    ]
    assert events[NONE]["organizers"] == []
    assert events["sprechstunde"]["organizers"][0]["kind"] == "town"  # organizer: stadt
    assert sum(not e["organizers"] for e in events.values()) == 2  # the market and the summer cinema


def test_the_csv_names_the_organisers_in_one_cell(sample_site: Path) -> None:
    text = (sample_site / "api" / "v1" / "veranstaltungen.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    by_id: dict[str, set[str]] = {}
    for row in rows:
        by_id.setdefault(row["Kennung"], set()).add(row["Veranstalter"])
    assert by_id[NAMED] == {f"{CLUB}, {SCHOOL}"}
    assert by_id[NONE] == {""}


def test_the_feed_names_every_organiser_and_gives_an_address_only_where_there_is_one(feed) -> None:
    named = feed[NAMED]
    assert f"Veranstalter: {CLUB}, {SCHOOL}\n" in str(named["DESCRIPTION"])
    assert str(named["ORGANIZER"]) == "mailto:foerderverein-gs@example.org"  # the school has no e-mail address
    assert named["ORGANIZER"].params["CN"] == CLUB
    market = feed[NONE]
    assert "ORGANIZER" not in market and "Veranstalter" not in str(market["DESCRIPTION"])


def test_every_organizer_in_the_feed_has_a_name_and_a_mail_address(feed) -> None:
    with_organizer = [vevent for vevent in feed.values() if "ORGANIZER" in vevent]
    assert len(with_organizer) > 100
    for vevent in with_organizer:
        assert str(vevent["ORGANIZER"]).startswith("mailto:") and "@" in str(vevent["ORGANIZER"])
        assert vevent["ORGANIZER"].params["CN"].strip()
    without = {uid for uid, vevent in feed.items() if "ORGANIZER" not in vevent}
    assert NONE in without
