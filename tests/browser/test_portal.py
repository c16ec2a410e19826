"""The portal as citizens use it: list filters, month navigation, cancelled and moved dates, print.

Runs in headless Debian Chromium against the built sample site (see conftest.py).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Browser, Page, expect
from site_under_test import ROOT, TODAY, SiteServer

from generator.content import load_site
from generator.derive.catalog import UPCOMING_DAYS, Catalog
from generator.outputs.hyphenation import without_soft_hyphens
from generator.project import Project


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    site, report = load_site(Project(ROOT))
    assert site is not None, report.sorted()
    return Catalog.build(site, date.fromisoformat(TODAY))


def visible_values(page: Page, selector: str, attribute: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, f"els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.{attribute})"
    )


def test_event_filters_narrow_the_list_and_reset_restores_it(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url("veranstaltungen/"))
    items = "[data-filter-item]"
    total = page.locator(items).count()
    assert total > 50
    expect(page.locator("form.eg-filter")).to_be_visible()  # unhidden by the script

    page.select_option("#filter-category", "sport")
    categories = visible_values(page, items, "category")
    assert categories and set(categories) == {"sport"}
    expect(page.locator(".eg-filter__count")).to_contain_text(f"{len(categories)} Einträge passen")
    # day headings without a matching event disappear too
    assert all(
        page.locator(f"#{heading} ~ ul [data-filter-item]:visible").count() > 0
        for heading in page.eval_on_selector_all(".eg-day:not([hidden]) .eg-day__title", "els => els.map(e => e.id)")
    )

    page.click("button[type=reset]")
    expect(page.locator(f"{items}:visible")).to_have_count(total)


@pytest.mark.parametrize(
    ("control", "attribute", "expected"),
    [("#filter-free", "free", {"ja"}), ("#filter-wheelchair", "wheelchair", {"yes"})],
)
def test_checkbox_filters(page: Page, site_server: SiteServer, control: str, attribute: str, expected: set) -> None:
    page.goto(site_server.url("veranstaltungen/"))
    page.check(control)
    values = visible_values(page, "[data-filter-item]", attribute)
    # a regular series lists every value its dates have (one of its places may be step-free)
    assert values and all(expected <= set(value.split()) for value in values)


def test_club_audience_and_district_filters(page: Page, site_server: SiteServer, catalog: Catalog) -> None:
    page.goto(site_server.url("veranstaltungen/"))
    club_id = next(c for c, items in catalog.by_club.items() if catalog.upcoming(items))
    page.select_option("#filter-clubs", club_id)
    clubs = visible_values(page, "[data-filter-item]", "clubs")
    assert clubs and all(club_id in value.split() for value in clubs)

    page.click("button[type=reset]")
    page.select_option("#filter-district", "herzberg")
    districts = visible_values(page, "[data-filter-item]", "district")
    assert districts and set(districts) == {"herzberg"}

    page.click("button[type=reset]")
    page.select_option("#filter-audiences", "senioren")
    audiences = visible_values(page, "[data-filter-item]", "audiences")
    assert audiences and all("senioren" in value.split() for value in audiences)


def test_date_range_filter(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url("veranstaltungen/"))
    first = date.fromisoformat(TODAY) + timedelta(days=10)
    last = first + timedelta(days=2)
    page.fill("#filter-from", first.isoformat())
    page.fill("#filter-to", last.isoformat())
    days = visible_values(page, "[data-filter-item]", "day")
    lasts = visible_values(page, "[data-filter-item]", "last")
    assert days
    assert all(day <= last.isoformat() for day in days)
    assert all(end >= first.isoformat() for end in lasts)


def test_club_directory_filters_hide_empty_groups(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url("vereine/"))
    page.select_option("#filter-district", "borken")
    districts = visible_values(page, "[data-filter-item]", "district")
    assert districts and set(districts) == {"borken"}
    hidden_groups = page.locator("[data-filter-group][hidden]").count()
    assert hidden_groups > 0

    page.click("button[type=reset]")
    page.select_option("#filter-category", "musik")
    groups = page.eval_on_selector_all(
        "[data-filter-group]:not([hidden])", "els => els.map(e => e.dataset.groupCategory)"
    )
    assert groups == ["musik"]


def test_without_javascript_lists_are_complete_and_filters_hidden(browser: Browser, site_server: SiteServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.url("vereine/"))
        expect(page.locator("form.eg-filter")).to_be_hidden()
        clubs = len(list((ROOT / "content" / "clubs").rglob("*.yml")))
        names = set(page.eval_on_selector_all("#eg-clubs .eg-club a", "els => els.map(e => e.textContent)"))
        assert len(names) == clubs  # every club at least once, grouped by category
        page.goto(site_server.url("veranstaltungen/"))
        expect(page.locator("form.eg-filter")).to_be_hidden()
        assert page.locator("[data-filter-item]").count() > 50
    finally:
        context.close()


def test_month_navigation(page: Page, site_server: SiteServer, catalog: Catalog) -> None:
    months = catalog.months()
    page.goto(site_server.url(f"monate/{months[0].slug}/"))
    expect(page.locator("table.eg-calendar caption")).to_have_text("Dezember 2026")
    page.click("a[rel=next]")
    expect(page).to_have_url(site_server.url(f"monate/{months[1].slug}/"))
    expect(page.locator("table.eg-calendar caption")).to_have_text("Januar 2027")
    page.click("a[rel=prev]")
    expect(page).to_have_url(site_server.url(f"monate/{months[0].slug}/"))
    # the grid is a real table with weekday column headers and every day of the month
    assert page.locator("table.eg-calendar thead th").count() == 7
    assert page.locator("table.eg-calendar td .eg-calendar__day").count() == 31


def test_a_cancelled_occurrence_is_struck_through_and_labelled(
    page: Page, site_server: SiteServer, catalog: Catalog
) -> None:
    item = next(i for i in catalog.upcoming() if i.occurrence.status.value == "cancelled")
    page.goto(site_server.url("veranstaltungen/"))
    entry = page.locator(f".eg-item--cancelled:has(a[href$='{item.event.id}/'])").first
    expect(entry.locator(".eg-badge--cancelled")).to_have_text("Abgesagt")
    decoration = entry.locator(".eg-item__title").evaluate("e => getComputedStyle(e).textDecorationLine")
    assert decoration == "line-through"


def test_a_moved_occurrence_shows_old_and_new_date(page: Page, site_server: SiteServer, catalog: Catalog) -> None:
    item = next(i for i in catalog.items if i.occurrence.moved and i.last_day >= catalog.today)
    page.goto(site_server.url(f"veranstaltungen/{item.event.id}/"))
    entry = page.locator(".eg-list--dates .eg-item", has=page.locator(".eg-badge--moved")).first
    expect(entry.locator(".eg-badge--moved")).to_have_text("Verlegt")
    original = item.occurrence.original_date
    expect(entry.locator(".eg-item__note").first).to_contain_text("Verlegt vom ")
    expect(entry.locator(".eg-item__note").first).to_contain_text(f"{original.day}.")


def test_cancelled_event_page_says_so(page: Page, site_server: SiteServer, catalog: Catalog) -> None:
    record = next(r for r in catalog.site.events.values() if r.data.status.value == "cancelled")
    page.goto(site_server.url(f"veranstaltungen/{record.id}/"))
    expect(page.locator(".eg-notice--cancelled")).to_contain_text("Abgesagt")


def test_print_shows_a_clean_programme(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url("veranstaltungen/"))
    page.emulate_media(media="print")
    for hidden in ("header.md-header", "form.eg-filter", ".md-footer"):
        assert page.locator(hidden).first.evaluate("e => getComputedStyle(e).display") == "none", hidden
    expect(page.locator(".eg-day").first).to_be_visible()
    assert UPCOMING_DAYS >= 14


def test_tables_in_editorial_pages_are_as_large_as_the_text_on_a_phone(page: Page, site_server: SiteServer) -> None:
    """The contact point's opening hours are a Markdown table; Material sets its text to 12.8 px."""
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(site_server.url("anlaufstelle/"))
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('article table td')].map(
            cell => parseFloat(getComputedStyle(cell).fontSize))"""
    )
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    assert sizes and min(sizes) >= body >= 16


def test_the_subscribe_page_offers_subscribing_on_the_first_phone_screen(page: Page, site_server: SiteServer) -> None:
    """Subscribe and copy come before the how-tos; the copy button copies the feed's https address."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.url().rstrip("/"))
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(site_server.url("kalender/"))
    subscribe = page.get_by_role("link", name="In der Kalender-App abonnieren")
    copy = page.locator(".eg-subscribe-all button.eg-copy")
    expect(copy).to_have_text("Adresse kopieren")
    for control in (subscribe, copy):
        box = control.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 780 and box["height"] >= 44
    assert (subscribe.get_attribute("href") or "").startswith("webcal://") and "kalender/alle.ics" in (
        subscribe.get_attribute("href") or ""
    )
    copy.click()
    expect(copy).to_have_text("Kopiert ✓")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("https://") and copied.endswith("/kalender/alle.ics")
    headings = [without_soft_hyphens(text) for text in page.locator("h3").all_inner_texts()]
    assert headings.index("Android-Handy") > headings.index("Alle Veranstaltungen")  # the how-tos come after


def test_without_javascript_the_subscribe_page_shows_the_address_instead_of_copy_buttons(
    browser: Browser, site_server: SiteServer
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url("kalender/"))
    assert page.locator("button.eg-copy:visible").count() == 0
    assert page.get_by_text("https://", exact=False).first.is_visible()
    context.close()
