"""End-to-end: build the feed fixture project twice with the real CLI and read every feed like a client.

Both engines (icalendar + recurring-ical-events, and ical.js as Thunderbird uses it) must expand
every feed to exactly the occurrences written below, in UTC.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from feed_project import DOMAIN, TODAY, VORTRAG_TITLE, make_project
from feed_tools import assert_well_formed, event_blocks, expand_icaljs, expand_python, unfold, vevents

from generator.cli import main
from generator.serve import _QuietHandler

NAMES = ("wochentreff", "stammtisch", "konzert", "flohmarkt", "stadtfest", "vortrag")
W, S, K, F, T, V = (f"{name}@{DOMAIN}" for name in NAMES)
OK, CANCELLED, TENTATIVE = "CONFIRMED", "CANCELLED", "TENTATIVE"

OSTERMARKT = """\
title: Ostermarkt
category: fest
venue: markt
start: 2027-03-26
end: 2027-03-28
hours:
  - days: fr
    from: "16:00"
    to: "21:00"
  - days: [sa, so]
    from: "10:00"
    to: "12:00"
  - days: so
    from: "14:00"
    to: "18:00"
  - days: 2027-03-27
    from: "20:00"
    to: "01:00"
"""
"""Hours per day across the spring DST change (Sunday 28 March 2027): Friday in CET, Saturday's
date line replacing the weekday line and running past midnight, two slots on Sunday in CEST."""
O1, O2, O3, O3B = (f"ostermarkt_{day}@{DOMAIN}" for day in ("20270326", "20270327", "20270328", "20270328_2"))
OSTERMARKT_DAYS = [
    (O1, "2027-03-26T15:00:00Z", "2027-03-26T20:00:00Z", OK, "Ostermarkt"),
    (O2, "2027-03-27T19:00:00Z", "2027-03-28T00:00:00Z", OK, "Ostermarkt"),
    (O3, "2027-03-28T08:00:00Z", "2027-03-28T10:00:00Z", OK, "Ostermarkt"),
    (O3B, "2027-03-28T12:00:00Z", "2027-03-28T16:00:00Z", OK, "Ostermarkt"),
]

EXPECTED = [
    (S, "2027-01-29T18:30:00Z", "2027-01-29T21:00:00Z", OK, "Stammtisch"),
    (V, "2027-02-12T17:00:00Z", "2027-02-12T19:00:00Z", OK, VORTRAG_TITLE),
    (S, "2027-02-26T18:30:00Z", "2027-02-26T21:00:00Z", OK, "Stammtisch"),
    (W, "2027-03-10T18:00:00Z", "2027-03-10T20:00:00Z", OK, "Wochentreff"),  # 19:00 CET
    (W, "2027-03-24T18:00:00Z", "2027-03-24T20:00:00Z", OK, "Wochentreff"),
    OSTERMARKT_DAYS[0],
    (S, "2027-03-26T18:30:00Z", "2027-03-26T21:00:00Z", OK, "Stammtisch"),  # last Friday before the change
    *OSTERMARKT_DAYS[1:],
    (W, "2027-04-07T17:00:00Z", "2027-04-07T19:00:00Z", OK, "Wochentreff"),  # 19:00 CEST
    (F, "2027-04-17", "2027-04-18", TENTATIVE, "VERSCHOBEN: Flohmarkt"),
    (W, "2027-04-21T17:00:00Z", "2027-04-21T19:00:00Z", OK, "Wochentreff"),
    (S, "2027-04-30T17:30:00Z", "2027-04-30T20:00:00Z", OK, "Stammtisch"),
    (W, "2027-05-05T17:00:00Z", "2027-05-05T19:00:00Z", OK, "Wochentreff"),
    (W, "2027-05-19T17:00:00Z", "2027-05-19T19:00:00Z", OK, "Wochentreff"),
    (K, "2027-05-21T13:00:00Z", "2027-05-21T17:00:00Z", CANCELLED, "ABGESAGT: Konzert im Park"),
    (S, "2027-05-28T17:30:00Z", "2027-05-28T20:00:00Z", OK, "Stammtisch"),
    (W, "2027-06-02T17:00:00Z", "2027-06-02T19:00:00Z", OK, "Wochentreff"),
    (T, "2027-06-05", "2027-06-07", OK, "Stadtfest"),  # Saturday and Sunday
    (W, "2027-06-17T16:30:00Z", "2027-06-17T18:30:00Z", OK, "Sommertreff"),  # moved from 16 June
    (S, "2027-06-25T17:30:00Z", "2027-06-25T20:00:00Z", OK, "Stammtisch"),
    (W, "2027-06-30T17:00:00Z", "2027-06-30T19:00:00Z", OK, "Wochentreff"),
    (W, "2027-07-14T17:00:00Z", "2027-07-14T19:00:00Z", OK, "Wochentreff"),
    (W, "2027-07-28T17:00:00Z", "2027-07-28T19:00:00Z", OK, "Wochentreff"),
    # 11 August: EXDATE
    (W, "2027-08-25T17:00:00Z", "2027-08-25T19:00:00Z", OK, "Wochentreff"),
    (W, "2027-09-08T17:00:00Z", "2027-09-08T19:00:00Z", OK, "Wochentreff"),
    (W, "2027-09-22T17:00:00Z", "2027-09-22T19:00:00Z", CANCELLED, "ABGESAGT: Wochentreff"),
    (W, "2027-10-06T17:00:00Z", "2027-10-06T19:00:00Z", OK, "Wochentreff"),
    (W, "2027-10-20T17:00:00Z", "2027-10-20T19:00:00Z", OK, "Wochentreff"),
    (W, "2027-11-03T18:00:00Z", "2027-11-03T20:00:00Z", OK, "Wochentreff"),  # 19:00 CET again
]

OSTERMARKT_UIDS = {O1, O2, O3, O3B}
SINGLE_DATES = {  # the next three dates of each series (from TODAY), each a file of its own
    "kalender/termine/stammtisch/2027-01-29.ics": (f"stammtisch_20270129@{DOMAIN}", "2027-01-29T18:30:00Z"),
    "kalender/termine/stammtisch/2027-02-26.ics": (f"stammtisch_20270226@{DOMAIN}", "2027-02-26T18:30:00Z"),
    "kalender/termine/stammtisch/2027-03-26.ics": (f"stammtisch_20270326@{DOMAIN}", "2027-03-26T18:30:00Z"),
    "kalender/termine/wochentreff/2027-03-10.ics": (f"wochentreff_20270310@{DOMAIN}", "2027-03-10T18:00:00Z"),
    "kalender/termine/wochentreff/2027-03-24.ics": (f"wochentreff_20270324@{DOMAIN}", "2027-03-24T18:00:00Z"),
    "kalender/termine/wochentreff/2027-04-07.ics": (f"wochentreff_20270407@{DOMAIN}", "2027-04-07T17:00:00Z"),
}
MEMBERS = {
    "kalender/alle.ics": {W, S, K, F, T, V, *OSTERMARKT_UIDS},
    "kalender/kategorien/sport.ics": {W},
    "kalender/kategorien/fest.ics": {S, K, F, T, V, *OSTERMARKT_UIDS},
    "kalender/zielgruppen/kinder.ics": {T, F},
    "kalender/zielgruppen/familien.ics": {W, S, T, K},
    "kalender/vereine/turnverein.ics": {W, F},
    "kalender/vereine/chor.ics": {S, K, V},
    "kalender/orte/rathaus.ics": {W, S},
    "kalender/orte/markt.ics": {T, K, F, *OSTERMARKT_UIDS},  # the series moved there once stays in its own venue's
    "kalender/ortsteile/mitte.ics": {W, S, V},  # the town hall's; the lecture's garden "in Teststadt" (names)
    "kalender/ortsteile/borken.ics": {
        T,
        K,
        F,
        *OSTERMARKT_UIDS,
    },  # the market's: the series moved there once stays in "mitte"
    "kalender/ortsteile/ausserhalb.ics": set(),
    **{f"kalender/termine/{uid.split('@')[0]}.ics": {uid} for uid in (W, S, K, F, T, V)},
    "kalender/termine/ostermarkt.ics": OSTERMARKT_UIDS,
    **{path: {uid} for path, (uid, _) in SINGLE_DATES.items()},
    "kalender/termine/altes-fest.ics": {f"altes-fest@{DOMAIN}"},
}
ALTES_FEST = (f"altes-fest@{DOMAIN}", "2026-08-15T12:00:00Z", "2026-08-15T16:00:00Z", OK, "Altes Fest")


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    root = make_project(tmp_path_factory.mktemp("feeds") / "project", with_theme=True)
    (root / "content" / "events" / "ostermarkt.yml").write_text(OSTERMARKT, encoding="utf-8")
    outs = []
    for name in ("one", "two"):
        out = root.parent / name
        assert main(["--root", str(root), "build", "--out", str(out), "--today", TODAY]) == 0
        outs.append(out)
    return outs[0], outs[1]


@pytest.fixture(scope="module")
def site(builds) -> Path:
    return builds[0]


def expected_for(feed: str) -> list[tuple]:
    if feed in SINGLE_DATES:
        uid, start = SINGLE_DATES[feed]
        series = f"{uid.split('_')[0]}@{DOMAIN}"
        ((_, _, end, status, summary),) = [o for o in EXPECTED if o[0] == series and o[1] == start]
        return [(uid, start, end, status, summary)]
    members = MEMBERS[feed]
    return [o for o in [ALTES_FEST, *EXPECTED] if o[0] in members]


def test_exactly_the_expected_files_are_written(site):
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.ics")) == sorted(MEMBERS)


def test_every_file_is_well_formed(site):
    for feed in MEMBERS:
        assert_well_formed((site / feed).read_bytes(), feed)


def test_two_builds_of_the_same_content_and_day_are_byte_identical(builds):
    one, two = builds
    for feed in MEMBERS:
        assert (one / feed).read_bytes() == (two / feed).read_bytes(), feed


def test_python_engine_expands_every_feed_to_the_expected_occurrences(site):
    for feed in MEMBERS:
        assert expand_python((site / feed).read_bytes()) == expected_for(feed), feed


def test_icaljs_expands_every_feed_to_the_expected_occurrences(site):
    found = expand_icaljs([site / feed for feed in MEMBERS])
    for feed in MEMBERS:
        assert found[site / feed] == expected_for(feed), feed


def test_sub_feeds_hold_the_very_bytes_of_the_all_events_feed(site):
    everything = event_blocks((site / "kalender/alle.ics").read_bytes())
    for feed, members in MEMBERS.items():
        blocks = event_blocks((site / feed).read_bytes())
        assert set(blocks) == members, feed
        for uid, data in blocks.items():
            if uid in everything:
                assert data == everything[uid], (feed, uid)


def test_feeds_are_named_in_german(site):
    assert "X-WR-CALNAME:Teststadt: alle Veranstaltungen" in unfold((site / "kalender/alle.ics").read_bytes())
    chor = unfold((site / "kalender/vereine/chor.ics").read_bytes())
    assert "NAME:Teststadt: Chor Harmonie\\, Teststadt e. V." in chor
    assert (
        "X-WR-CALDESC:Veranstaltungen von „Chor Harmonie\\, Teststadt e. V.“ aus "
        "„Engagiert in Teststadt“ (https://engagiert.example.org/)." in chor
    )
    assert "NAME:Teststadt: Mitte (Ortsteil)" in unfold((site / "kalender/ortsteile/mitte.ics").read_bytes())
    outside = unfold((site / "kalender/ortsteile/ausserhalb.ics").read_bytes())
    assert "NAME:Teststadt: Ausflüge und Termine außerhalb von Teststadt" in outside


def test_an_empty_feed_is_still_a_valid_calendar(tmp_path):
    root = make_project(tmp_path / "project", with_theme=True)
    for path in (root / "content" / "events").glob("*.yml"):
        path.unlink()
    out = tmp_path / "site"
    assert main(["--root", str(root), "build", "--out", str(out), "--today", TODAY]) == 0
    data = (out / "kalender/alle.ics").read_bytes()
    assert_well_formed(data)
    assert b"BEGIN:VTIMEZONE" in data and vevents(data) == []


def test_subscription_page_lists_every_feed_with_webcal_and_https_links(site):
    html = (site / "kalender" / "index.html").read_text(encoding="utf-8")
    for feed in MEMBERS:
        if "/termine/" in feed:
            continue
        assert f'href="webcal://{DOMAIN}/{feed}"' in html, feed
        assert f'href="https://{DOMAIN}/{feed}"' in html, feed
    for app in ("Google Kalender", "Apple Kalender auf iPhone und iPad", "Apple Kalender auf dem Mac"):
        assert f"<h3>{app}</h3>" in html, app
    assert "<h3>Outlook</h3>" in html and "<h3>Thunderbird</h3>" in html


def test_event_pages_link_their_own_file(site):
    html = (site / "veranstaltungen" / "wochentreff" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../kalender/termine/wochentreff.ics"' in html
    assert "In meinen Kalender" in html


def test_a_series_page_offers_its_next_dates_one_by_one_and_all_of_them(site):
    html = (site / "veranstaltungen" / "wochentreff" / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="\.\./\.\./(kalender/termine/wochentreff/[^"]+)"', html))
    assert linked == {path for path in SINGLE_DATES if "/wochentreff/" in path}
    assert 'href="../../kalender/termine/wochentreff/2027-03-10.ics" download>Nur Mi., 10. März</a>' in html
    assert 'href="../../kalender/termine/wochentreff.ics" download>Alle Termine</a>' in html
    assert f'href="webcal://{DOMAIN}/kalender/termine/wochentreff.ics"' in html
    one_off = (site / "veranstaltungen" / "vortrag" / "index.html").read_text(encoding="utf-8")
    assert "Nur " not in one_off and "kalender/termine/vortrag/" not in one_off


def test_serve_delivers_feeds_as_text_calendar():
    assert _QuietHandler.extensions_map[".ics"] == "text/calendar; charset=utf-8"
