"""Filters that keep their word, on a 360×780 phone: every value of every filter of the event list
and the club list shows exactly the entries whose data match it, the choice survives a reload and
a shared address, the result count comes into view, and each Ortsteil has its page and feed.

What should match is computed from the built site's open data (`api/v1/*.json`), not from the
list's own `data-*` attributes: a wrong attribute (an event without its Ortsteil) fails here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from site_under_test import TODAY, SiteServer

from generator.derive.catalog import UPCOMING_DAYS

PHONE = {"width": 360, "height": 780}
OUTSIDE = "ausserhalb"


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    """One phone-sized tab for the module (animations off, so scrolling ends at once)."""
    context = browser.new_context(locale="de-DE", viewport=PHONE, reduced_motion="reduce", service_workers="block")
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@cache
def _api(site: Path, name: str) -> Any:
    return json.loads((site / "api" / "v1" / f"{name}.json").read_text(encoding="utf-8"))


# --- the event list ------------------------------------------------------------------------------


REGULAR = {"daily", "weekly", "monthly"}
"""Rhythms the list shows once, under "Regelmäßige Treffen" (`derive.series`); yearly ones by date."""


@dataclass(frozen=True)
class Entry:
    """One entry of the event list as the open data describes it: one date of a one-off event, or a
    regular series once (``day`` empty) with the days it meets in the window; and what the filters
    compare."""

    event: str
    day: str
    last: str
    fields: dict[str, frozenset[str]]
    dates: frozenset[str] | None = None
    """A series: the days it takes place (cancelled ones left out); a date range must hold one."""

    def matches(self, name: str, value: str) -> bool:
        if name in ("from", "to") and self.dates is not None:
            return any(day >= value if name == "from" else day <= value for day in self.dates)
        if name == "from":
            return self.last >= value
        if name == "to":
            return self.day <= value
        return value in self.fields[name]


def event_entries(site: Path) -> dict[tuple[str, str], Entry]:
    """(event id, first day) → Entry for every date the event list shows (today + 60 days); a
    regular series is one entry, (event id, "")."""
    venues = {v["id"]: v for v in _api(site, "venues")["items"]}
    today = date.fromisoformat(TODAY)
    last_listed = (today + timedelta(days=UPCOMING_DAYS)).isoformat()
    entries: dict[tuple[str, str], Entry] = {}
    for event in _api(site, "events")["items"]:
        regular = (event["recurrence"] or {}).get("freq") in REGULAR
        series_fields: dict[str, set[str]] = {}
        series_dates: set[str] = set()
        for occurrence in event["next_occurrences"]:
            day = occurrence["start"][:10]
            last = (occurrence["end"] or occurrence["start"])[:10]
            if day > last_listed or last < TODAY:
                continue
            place = venues.get(occurrence["venue_id"] or "")
            access = event["accessibility"] or (place["accessibility"] if place else None)
            fields = {
                "category": {event["category"]},
                "clubs": {o["club_id"] for o in event["organizers"] if o["club_id"]},
                "district": {occurrence["district"]},
                "audiences": set(event["audiences"]),
                "free": {"ja"} if event["free"] else set(),
                "wheelchair": {access["wheelchair"]} if access and access["wheelchair"] else set(),
            }
            if regular:
                for name, values in fields.items():
                    series_fields.setdefault(name, set()).update(values)
                if occurrence["status"] != "cancelled":
                    series_dates.add(day)
                continue
            entries[(event["id"], day)] = Entry(event["id"], day, last, {k: frozenset(v) for k, v in fields.items()})
        if series_fields:
            frozen = {k: frozenset(v) for k, v in series_fields.items()}
            entries[(event["id"], "")] = Entry(event["id"], "", "", frozen, frozenset(series_dates))
    return entries


LIST_STATE = """() => [...document.querySelectorAll('[data-filter-item]')].map(item => ({
    href: item.querySelector('a').getAttribute('href'),
    day: item.dataset.dates === undefined ? (item.dataset.day || '') : '',
    visible: item.offsetParent !== null,
    data: Object.fromEntries(Object.entries(item.dataset)),
}))"""

CHOOSE = """([name, value]) => {
    const form = document.querySelector('form[data-filter-for]');
    form.reset();
    const field = form.elements[name];
    if (field.type === 'checkbox') field.checked = true; else field.value = value;
    field.dispatchEvent(new Event('change', {bubbles: true}));
    return field.value === value;
}"""


def _event_id(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


def _choices(page: Page) -> list[tuple[str, str]]:
    """Every (field, value) the filter form offers; dates: every day the list shows, as from and to."""
    choices = page.eval_on_selector_all(
        "form[data-filter-for] select option:not([value=''])", "os => os.map(o => [o.parentElement.name, o.value])"
    )
    choices += page.eval_on_selector_all(
        "form[data-filter-for] input[type=checkbox]", "cs => cs.map(c => [c.name, c.value])"
    )
    if page.locator("form[data-filter-for] input[name=from]").count():
        days = sorted(
            set(
                page.eval_on_selector_all(
                    "[data-filter-item]",
                    "els => els.flatMap(e => (e.dataset.dates ?? e.dataset.day).split(' '))",
                )
            )
            - {""}
        )
        choices += [("from", day) for day in days] + [("to", day) for day in days]
    return [tuple(choice) for choice in choices]


def test_every_event_carries_the_data_of_its_date_and_no_date_is_missing(phone: Page, site_server: SiteServer):
    expected = event_entries(site_server.root)
    phone.goto(site_server.url("veranstaltungen/"))
    items = phone.evaluate(LIST_STATE)
    shown = {(_event_id(i["href"]), i["day"]) for i in items}
    assert set(expected) <= shown, "Termine fehlen in der Liste"
    assert len(shown) == len(items), "ein Termin oder eine Reihe steht doppelt"
    wrong = []
    for item in items:
        entry = expected[(_event_id(item["href"]), item["day"])]
        for name, values in entry.fields.items():
            if set(item["data"].get(name, "").split()) != values:
                wrong.append(f"{entry.event} {entry.day}: data-{name}={item['data'].get(name)!r}, erwartet {values}")
        if entry.dates is not None and set(item["data"].get("dates", "").split()) != entry.dates:
            wrong.append(f"{entry.event}: data-dates={item['data'].get('dates')!r}, erwartet {sorted(entry.dates)}")
    assert not wrong, "\n".join(wrong[:20])
    assert all(item["data"]["district"] for item in items), "ein Termin ohne Ortsteil"


def test_every_value_of_every_event_filter_shows_exactly_the_matching_dates(phone: Page, site_server: SiteServer):
    expected = event_entries(site_server.root)
    phone.goto(site_server.url("veranstaltungen/"))
    choices = _choices(phone)
    districts = {value for name, value in choices if name == "district"}
    assert {d["id"] for d in _api(site_server.root, "districts")["items"]} | {OUTSIDE} == districts
    assert len(choices) > 100
    failures = []
    for name, value in choices:
        assert phone.evaluate(CHOOSE, [name, value]), (name, value)
        items = phone.evaluate(LIST_STATE)
        visible = {(_event_id(i["href"]), i["day"]) for i in items if i["visible"]}
        wanted = {key for key, entry in expected.items() if entry.matches(name, value)}
        if visible != wanted:
            failures.append(
                f"{name}={value}: zu viel {sorted(visible - wanted)[:3]}, fehlt {sorted(wanted - visible)[:3]}"
            )
        count = phone.locator(".eg-filter__count").text_content() or ""
        word = "Eintrag passt" if len(visible) == 1 else "Einträge passen"
        if not count.startswith(f"{len(visible)} {word}"):
            failures.append(f"{name}={value}: Zähler „{count}“ bei {len(visible)} sichtbaren")
    assert not failures, "\n".join(failures)


def test_each_ortsteil_shows_exactly_its_events_arnsnesta_and_fermerswalde_included(
    phone: Page, site_server: SiteServer
):
    """Issue 17: "Arnsnesta" and "Fermerswalde" gave "0 Einträge passen" although both had events."""
    expected = event_entries(site_server.root)
    phone.goto(site_server.url("veranstaltungen/"))
    for district in ("arnsnesta", "fermerswalde"):
        phone.select_option("#filter-district", district)
        events = {e.event for e in expected.values() if e.matches("district", district)}
        assert events, f"die Beispieldaten haben in {district} keinen Termin in den nächsten 60 Tagen"
        titles = phone.eval_on_selector_all(
            "[data-filter-item]", "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('a').href)"
        )
        assert {_event_id(t) for t in titles} == events


# --- the club list -------------------------------------------------------------------------------


def test_every_value_of_every_club_filter_shows_exactly_the_matching_clubs(phone: Page, site_server: SiteServer):
    clubs = {
        c["id"]: {"category": set(c["categories"]), "district": {c["district"]}, "audiences": set(c["audiences"])}
        for c in _api(site_server.root, "clubs")["items"]
    }
    phone.goto(site_server.url("vereine/"))
    failures = []
    for name, value in _choices(phone):
        assert phone.evaluate(CHOOSE, [name, value]), (name, value)
        items = phone.evaluate(LIST_STATE)
        visible = [_event_id(i["href"]) for i in items if i["visible"]]
        wanted = {club for club, fields in clubs.items() if value in fields[name]}
        if set(visible) != wanted:
            failures.append(
                f"{name}={value}: zu viel {sorted(set(visible) - wanted)}, fehlt {sorted(wanted - set(visible))}"
            )
        if name == "category" and len(visible) != len(set(visible)):
            failures.append(f"{name}={value}: ein Verein steht doppelt")
        count = phone.locator(".eg-filter__count").text_content() or ""
        if not count.startswith(f"{len(wanted)} "):
            failures.append(f"{name}={value}: Zähler „{count}“, erwartet {len(wanted)} Vereine")
        jump = phone.eval_on_selector_all(
            "[data-filter-jump-for] li",
            """lis => lis.filter(li => !li.hidden).map(li => [li.querySelector('a').getAttribute('href').slice(1),
                   li.querySelector('[data-jump-count]').textContent])""",
        )
        for anchor, number in jump:
            in_group = phone.locator(f"section:has(#{anchor}) [data-filter-item]:visible").count()
            if number != f"({in_group})" or in_group == 0:
                failures.append(f"{name}={value}: Sprungliste {anchor} {number}, sichtbar {in_group}")
        groups = phone.locator("[data-filter-group]:not([hidden])").count()
        if len(jump) != groups:
            failures.append(f"{name}={value}: {len(jump)} Einträge der Sprungliste, {groups} sichtbare Bereiche")
    assert not failures, "\n".join(failures)


# --- the address keeps the choice ----------------------------------------------------------------


def test_the_choice_survives_a_reload_and_a_shared_address(browser: Browser, site_server: SiteServer) -> None:
    context = browser.new_context(locale="de-DE", viewport=PHONE, service_workers="block")
    try:
        page = context.new_page()
        page.goto(site_server.url("veranstaltungen/"))
        page.select_option("#filter-district", "herzberg")
        page.check("#filter-free")
        expect(page).to_have_url(site_server.url("veranstaltungen/?district=herzberg&free=ja"))
        shown = page.locator("[data-filter-item]:visible").count()
        count = page.locator(".eg-filter__count").text_content()
        assert 0 < shown < page.locator("[data-filter-item]").count()
        page.reload()
        expect(page.locator("#filter-district")).to_have_value("herzberg")
        expect(page.locator("#filter-free")).to_be_checked()
        expect(page.locator(".eg-filter__count")).to_have_text(count or "")
        assert page.locator("[data-filter-item]:visible").count() == shown
        page.click("button[type=reset]")
        expect(page).to_have_url(site_server.url("veranstaltungen/"))
    finally:
        context.close()
    shared = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = shared.new_page()
        page.goto(site_server.url("veranstaltungen/?free=ja&district=herzberg&to=2099-13-45&category=gibtsnicht"))
        expect(page.locator("#filter-district")).to_have_value("herzberg")
        expect(page.locator("#filter-category")).to_have_value("")  # unknown values are left out …
        expect(page.locator("#filter-to")).to_have_value("")
        assert page.locator("[data-filter-item]:visible").count() == shown
        expect(page).to_have_url(site_server.url("veranstaltungen/?district=herzberg&free=ja"))  # … and dropped
        page.goto(site_server.url("vereine/?district=borken#bereich-sport"))
        expect(page.locator("#filter-district")).to_have_value("borken")
        assert page.url.endswith("vereine/?district=borken#bereich-sport")
    finally:
        shared.close()


def test_after_choosing_on_a_phone_the_result_count_is_in_view(browser: Browser, site_server: SiteServer) -> None:
    for motion in ("reduce", "no-preference"):
        context = browser.new_context(locale="de-DE", viewport=PHONE, reduced_motion=motion, service_workers="block")
        try:
            page = context.new_page()
            for path in ("veranstaltungen/", "vereine/"):
                page.goto(site_server.url(path))
                page.select_option("#filter-district", "borken")
                count = page.locator(".eg-filter__count")
                # the count below the sticky header and the first result on the screen (once scrolled)
                page.wait_for_function(
                    """() => { const box = document.querySelector('.eg-filter__count').getBoundingClientRect();
                               const header = document.querySelector('.md-header').getBoundingClientRect();
                               const first = [...document.querySelectorAll('[data-filter-item]')]
                                   .find(e => e.offsetParent !== null).getBoundingClientRect();
                               return box.top >= header.bottom && box.bottom <= innerHeight
                                   && first.top >= header.bottom && first.bottom <= innerHeight; }""",
                    timeout=3000,
                )
                expect(count).to_contain_text("passen")
        finally:
            context.close()


# --- Ortsteil pages and feeds --------------------------------------------------------------------


def district_dates(site: Path, district: str) -> list[str]:
    """The events with dates in ``district`` from today on, each once at its first date there, in
    the order pages list them (up to `occurrences_until`, 90 days: the open data's horizon)."""
    dates = []
    events = _api(site, "events")
    until = events["occurrences_until"]  # an event without dates up to here lists only its next one
    for event in events["items"]:
        for occurrence in event["next_occurrences"]:
            if occurrence["district"] == district and occurrence["start"][:10] <= until:
                start = occurrence["start"]
                clock = start[11:16] if len(start) > 10 else "00:00"
                dates.append((start[:10], clock, event["title"].lower(), event["id"]))
    return list(dict.fromkeys(event_id for *_, event_id in sorted(dates)))


def test_every_ortsteil_has_its_page_and_feed_listing_its_dates(phone: Page, site_server: SiteServer) -> None:
    site = site_server.root
    base = _api(site, "index")["town"]["site_url"]
    districts = [(d["id"], d["label"], d["url"], d["calendar_url"]) for d in _api(site, "districts")["items"]]
    districts.append((OUTSIDE, "außerhalb", f"{base}ortsteile/{OUTSIDE}/", f"{base}kalender/ortsteile/{OUTSIDE}.ics"))
    subscribe = (site / "kalender" / "index.html").read_text(encoding="utf-8")
    overview = (site / "ortsteile" / "index.html").read_text(encoding="utf-8")
    for district, label, url, feed in districts:
        path, feed_path = url.removeprefix(base), feed.removeprefix(base)
        assert (site / feed_path).read_bytes().startswith(b"BEGIN:VCALENDAR"), feed_path
        assert f'href="{feed}"' in subscribe and f'href="{feed.replace("https://", "webcal://")}"' in subscribe
        assert f'href="{district}/"' in overview, district
        phone.goto(site_server.url(path))
        expect(phone.locator("h1")).to_contain_text(label)
        links = phone.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
        assert f"../../{feed_path}" in links, f"{path}: kein Link auf {feed_path}"
        listed = phone.eval_on_selector_all(
            ".eg-district__dates .eg-item__title", "as => as.map(a => a.getAttribute('href'))"
        )
        expected = district_dates(site, district)[:20]
        assert [_event_id(href) for href in listed[: len(expected)]] == expected, path
