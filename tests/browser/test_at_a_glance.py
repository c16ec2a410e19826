"""What's on, at a glance, on a phone (issue 17): the start page's first screens, page heights,
regular meetings once, and date filters that match a series only on its real dates."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect
from site_under_test import ROOT, TODAY, SiteServer

from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.project import Project

PHONE = {"width": 360, "height": 780}
HEIGHT_BEFORE = {"": 29_680, "veranstaltungen/": 77_467}
"""Heights at 360 px before issue 17 (sample content, --today 2026-12-07); the issue asks for a third."""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    site, report = load_site(Project(ROOT))
    assert site is not None, report.sorted()
    return Catalog.build(site, date.fromisoformat(TODAY))


def _top(page: Page, selector: str) -> float:
    return page.locator(selector).first.evaluate("el => el.getBoundingClientRect().top + window.scrollY")


def test_first_three_phone_screens_hold_a_highlight_mitmachen_and_the_contact_point(
    page: Page, site_server: SiteServer
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_server.url(""))
    three_screens = 3 * PHONE["height"]
    assert _top(page, ".eg-card__title") < three_screens
    for name in ("Mitmachen", "Anlaufstelle"):
        link = page.locator(".eg-page a", has_text=name).first
        assert link.is_visible() and _top(page, f".eg-page a:has-text('{name}')") < three_screens
        link.click()
        expect(page.locator(":target, h1").first).to_be_visible()
        page.go_back()


@pytest.mark.parametrize("path", list(HEIGHT_BEFORE))
def test_start_page_and_event_list_are_a_third_of_their_old_height_on_a_phone(
    page: Page, site_server: SiteServer, path: str
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_server.url(path))
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= HEIGHT_BEFORE[path] / 3


def test_date_filter_matches_a_series_only_on_the_days_it_meets(
    page: Page, site_server: SiteServer, catalog: Catalog
) -> None:
    """ "From Thursday to Thursday" shows the Thursday practice, not the Wednesday one."""
    page.goto(site_server.url("veranstaltungen/"))
    _, series = catalog.split_series(catalog.upcoming())
    weekly = [e for e in series if e.event.data.repeat.freq.value == "weekly" and e.event.data.repeat.interval == 1]
    day = next(d for d in (catalog.today + timedelta(days=n) for n in range(1, 8)) if d.weekday() == 3)
    meets = {e.event.id for e in weekly if any(i.day == day and not i.cancelled for i in e.items)}
    not_meeting = {e.event.id for e in weekly} - meets
    assert meets and not_meeting
    page.fill("#filter-from", day.isoformat())
    page.fill("#filter-to", day.isoformat())
    visible = page.eval_on_selector_all(
        ".eg-item--series[data-filter-item]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('a').getAttribute('href'))",
    )
    shown = {href.rstrip("/").split("/")[-1] for href in visible}
    assert meets <= shown and not (shown & not_meeting)


def test_time_range_pages_link_each_other_and_work_without_javascript(browser, site_server: SiteServer) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="de-DE")
    try:
        page = context.new_page()
        page.goto(site_server.url("heute/"))
        nav = page.get_by_role("navigation", name="Termine nach Zeitraum")
        for name in ("Heute", "Morgen", "Dieses Wochenende", "Nächste Woche", "Alle"):
            expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
        nav.get_by_role("link", name="Dieses Wochenende").click()
        expect(page.locator("h1")).to_contain_text("Dieses Wochenende")
        expect(page.locator(".eg-day__title").first).to_be_visible()
    finally:
        context.close()


def test_every_monthly_programme_prints_on_at_most_two_a4_pages(browser, site_server: SiteServer) -> None:
    """Regular meetings once, days and meetings in two columns: a month of Herzberg on two sheets."""
    page = browser.new_page()
    try:
        months = sorted(p.parent.name for p in (site_server.root / "monate").glob("*/programm/index.html"))
        assert len(months) >= 12
        pages = {}
        for month in months:
            page.goto(site_server.url(f"monate/{month}/programm/"))
            pdf = page.pdf(prefer_css_page_size=True, print_background=True)
            pages[month] = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert all(count <= 2 for count in pages.values()), pages
    finally:
        page.close()
