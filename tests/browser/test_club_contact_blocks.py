"""A club page with several contacts, as citizens use it on a phone and a desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from site_under_test import SiteServer
from test_page_types import AXE, RUN_AXE, WCAG_21_AA, format_violations

from generator import urls

CLUB = urls.club("sv-elstertal-herzberg")  # the sample club with two contacts and two addresses


@pytest.mark.parametrize("width", [320, 360, 1280])
def test_every_contact_is_readable_and_tappable_without_violations(
    page: Page, site_server: SiteServer, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_server.url(CLUB))
    blocks = page.locator(".eg-contact-card")
    expect(blocks).to_have_count(2)
    youth = blocks.filter(has=page.get_by_role("heading", name="Jugendleitung"))
    expect(youth.get_by_role("link", name="03535 000 216")).to_have_attribute("href", "tel:03535000216")
    expect(youth.get_by_role("link", name="jugend@sv-elstertal.example.org")).to_have_attribute(
        "href", "mailto:jugend@sv-elstertal.example.org"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    first, second = (blocks.nth(i).bounding_box() for i in range(2))
    assert first and second
    side_by_side = abs(first["y"] - second["y"]) < 1
    assert side_by_side == (width >= 1280), (width, first, second)  # stacked on phones
    page.add_script_tag(path=AXE)
    violations = page.evaluate(RUN_AXE, WCAG_21_AA)
    assert not violations, format_violations(violations)
