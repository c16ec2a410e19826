"""Pictures on a 360 px phone: the event page with a photo fits the screen, the picture keeps its
place while it loads, loads without JavaScript, and costs at most 60 KB (the issue's target).

Run with ``-s`` to see what the page transfers at each pixel density.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page, Response
from site_under_test import TIMEOUT_MS, SiteServer

from generator.derive.pictures import PICTURE_FOLDER

EVENT_WITH_PHOTO = "veranstaltungen/weihnachtsmarkt-2026/"
PHONE = {"width": 360, "height": 780}
PICTURE_LIMIT = 60_000
"""Bytes of pictures an event page with a photo may transfer on a 360 px phone (issue 19)."""
PICTURE = ".eg-picture--wide img"


@contextmanager
def phone_page(browser: Browser, dpr: float, javascript: bool = True) -> Iterator[tuple[Page, dict[str, int]]]:
    context = browser.new_context(
        locale="de-DE",
        viewport=PHONE,
        device_scale_factor=dpr,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
        service_workers="block",
    )
    context.set_default_timeout(TIMEOUT_MS)
    loaded: dict[str, int] = {}

    def record(response: Response) -> None:
        if f"/{PICTURE_FOLDER}/" in response.url:
            loaded[response.url.rsplit("/", 1)[1]] = len(response.body())

    page = context.new_page()
    page.on("response", record)
    try:
        yield page, loaded
    finally:
        context.close()


def scroll_through(page: Page) -> None:
    """Scroll to the end in screen steps, so that every lazy picture is asked for."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height + PHONE["height"], PHONE["height"] // 2):
        page.evaluate(f"window.scrollTo(0, {top})")
        page.wait_for_timeout(30)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("dpr", [1, 2, 3])
def test_the_event_photo_fits_a_phone_and_costs_at_most_60_kb(browser: Browser, site_server: SiteServer, dpr: float):
    with phone_page(browser, dpr) as (page, loaded):
        page.goto(site_server.url(EVENT_WITH_PHOTO))
        picture = page.locator(PICTURE)
        before = picture.bounding_box()  # below the facts: not loaded yet, its place already kept
        assert before is not None
        assert abs(before["height"] - before["width"] * 2 / 3) < 1.5, "width/height keep the 3:2 place"
        scroll_through(page)
        picture.scroll_into_view_if_needed()
        assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
        after = picture.bounding_box()
        assert after is not None and abs(after["height"] - before["height"]) < 0.5, "no layout shift"
        assert after["x"] >= 0 and after["x"] + after["width"] <= PHONE["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        chosen = picture.evaluate("img => img.currentSrc").rsplit("/", 1)[1]
        assert chosen.endswith(".webp"), "Chromium takes the WebP"
        # the screen's pixels, not more than the next rendition up (360/720/1080 for DPR 1/2/3)
        assert int(chosen.rsplit("-", 1)[1].removesuffix("w.webp")) <= 360 * dpr
        total = sum(loaded.values())
        print(f"\n360 px, DPR {dpr}: {chosen} – Bilder zusammen {total / 1000:.1f} kB ({', '.join(sorted(loaded))})")
        assert loaded[chosen] <= PICTURE_LIMIT, f"{chosen}: {loaded[chosen]} Bytes"
        assert total <= PICTURE_LIMIT, loaded


def test_without_javascript_the_photo_and_the_logo_are_shown(browser: Browser, site_server: SiteServer):
    with phone_page(browser, 2, javascript=False) as (page, loaded):
        for path, selector in (
            (EVENT_WITH_PHOTO, PICTURE),
            ("vereine/heimatverein-herzberg/", ".eg-picture--compact img"),
        ):
            page.goto(site_server.url(path))
            scroll_through(page)
            picture = page.locator(selector)
            picture.scroll_into_view_if_needed()
            assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), path
        assert loaded


def test_the_club_directory_loads_only_the_small_thumbnails(browser: Browser, site_server: SiteServer):
    with phone_page(browser, 2) as (page, loaded):
        page.goto(site_server.url("vereine/"))
        scroll_through(page)
        thumbs = page.locator(".eg-club .eg-thumb img")
        assert thumbs.count() >= 4
        for index in range(thumbs.count()):
            box = thumbs.nth(index).bounding_box()
            assert box is not None and box["width"] <= 64
        print(
            f"\nVereinsverzeichnis, 360 px, DPR 2: {sum(loaded.values()) / 1000:.1f} kB Bilder ({len(loaded)} Dateien)"
        )
        assert all("-160w." in name or "-320w." in name for name in loaded), loaded
        assert sum(loaded.values()) <= 40_000
