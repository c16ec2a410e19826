"""Mitmachen on a phone (360×780): every filter value shows exactly the calls that have it, and a
call's page opens with "Ich helfe mit" – a prepared e-mail – on the first screen.

Expected calls come from the content (as the build derives them), never from written-down counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from site_under_test import ROOT, TODAY, SiteServer

from generator import urls
from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.models.opportunity import Opportunity
from generator.models.site import Record, Site
from generator.project import Project


def call_district(site: Site, call: Opportunity) -> str | None:
    """The reference for the expected values: a call's own Ortsteil, else its venue's as written."""
    if call.district:
        return call.district
    venue = site.venues.get(call.venue) if call.venue else None
    return venue.data.district if venue else None


PHONE = {"width": 360, "height": 780}


@pytest.fixture(scope="module")
def content() -> tuple[Site, list[Record[Opportunity]]]:
    site, report = load_site(Project(ROOT))
    assert site is not None, report.sorted()
    return site, Catalog.build(site, date.fromisoformat(TODAY)).open_opportunities()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="de-DE", viewport=PHONE, service_workers="block")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def _values(site: Site) -> dict[str, Callable[[Opportunity], set[str]]]:
    """Per filter, the values a call has (what its option must show it for)."""
    return {
        "category": lambda call: {call.category} if call.category else set(),
        "district": lambda call: {d} if (d := call_district(site, call)) else set(),
        "commitment": lambda call: {call.commitment.value} if call.commitment else set(),
        "audiences": lambda call: set(call.audiences),
    }


def _shown(page: Page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "#eg-calls [data-filter-item]",
            "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('a').getAttribute('href'))",
        )
    )


def test_every_filter_value_shows_exactly_the_calls_with_that_value(
    phone: Page, site_server: SiteServer, content
) -> None:
    site, calls = content
    phone.goto(site_server.url(urls.opportunities()))
    expect(phone.locator("form.eg-filter")).to_be_visible()
    href = {record.id: urls.relative(urls.opportunity(record.id), urls.opportunities()) for record in calls}
    assert _shown(phone) == set(href.values())
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    checked = 0
    for name, values_of in _values(site).items():
        options = phone.eval_on_selector_all(f"#filter-{name} option", "els => els.map(e => e.value)")
        assert options[0] == "" and len(options) > 2, name
        offered = set(options[1:])
        assert offered == set().union(*(values_of(r.data) for r in calls)), f"{name}: only values some call has"
        for value in options[1:]:
            phone.select_option(f"#filter-{name}", value)
            expected = {href[r.id] for r in calls if value in values_of(r.data)}
            assert expected and _shown(phone) == expected, f"{name}={value}"
            words = "1 Eintrag passt" if len(expected) == 1 else f"{len(expected)} Einträge passen"
            expect(phone.locator(".eg-filter__count")).to_have_text(f"{words} zu Ihrer Auswahl.")
            checked += 1
        phone.click("button[type=reset]")
        expect(phone.locator("#eg-calls [data-filter-item]:visible")).to_have_count(len(calls))
    assert checked >= 20


def test_two_filters_together_show_the_calls_with_both(phone: Page, site_server: SiteServer, content) -> None:
    site, calls = content
    values = _values(site)
    phone.goto(site_server.url(urls.opportunities()))
    phone.select_option("#filter-commitment", "regelmaessig")
    phone.select_option("#filter-audiences", "senioren")
    expected = {
        urls.relative(urls.opportunity(r.id), urls.opportunities())
        for r in calls
        if "regelmaessig" in values["commitment"](r.data) and "senioren" in values["audiences"](r.data)
    }
    assert expected and _shown(phone) == expected


def test_without_javascript_every_call_is_listed_and_the_filters_are_hidden(
    browser: Browser, site_server: SiteServer, content
) -> None:
    _, calls = content
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site_server.url(urls.opportunities()))
        expect(page.locator("form.eg-filter")).to_be_hidden()
        expect(page.locator("#eg-calls [data-filter-item]")).to_have_count(len(calls))
        page.goto(site_server.url(urls.opportunity(calls[0].id)))
        expect(page.get_by_role("link", name="Ich helfe mit")).to_be_visible()
    finally:
        context.close()


def test_ich_helfe_mit_is_a_prepared_e_mail_on_the_first_phone_screen(
    phone: Page, site_server: SiteServer, content
) -> None:
    site, calls = content
    for record in calls:
        phone.goto(site_server.url(urls.opportunity(record.id)))
        button = phone.get_by_role("link", name="Ich helfe mit")
        box = button.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], record.id
        assert box["height"] >= 44 and box["width"] >= 44
        address = urlsplit(button.get_attribute("href") or "")
        assert address.scheme == "mailto"
        assert address.path == (record.data.contact.email or site.town.contact_point.email)
        query = parse_qs(address.query)
        assert query["subject"] == [f"Ich helfe mit: {record.data.title}"]
        assert site.town.site_url + urls.opportunity(record.id) in query["body"][0]
        phone_number = record.data.contact.phone
        if phone_number:
            call = phone.locator(".eg-help a[href^='tel:']")
            expect(call).to_have_text(phone_number)
