"""Pagefind search in the browser: German stemming, descriptions, the "Typ" filter, the header form."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Response
from site_under_test import (
    ROOT,
    SEARCH_INPUT,
    SEARCH_MESSAGE,
    SEARCH_PAGE,
    SEARCH_RESULT,
    NetworkLog,
    SiteServer,
    indexed_pages,
    search_in_ui,
    search_results,
    search_urls,
)

from generator import urls
from generator.content import load_site
from generator.project import Project

RESULT_LINK = ".pagefind-ui__result-link"
RESULT_TYPE = ".pagefind-ui__result-tag[data-pagefind-ui-meta='Typ']"
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{8,}")


def shown_results(page: Page) -> list[tuple[str, str]]:
    """(path, "Typ: …") of the results the UI shows (the first few; the rest behind "Mehr Ergebnisse laden")."""
    page.wait_for_function(
        "([result, type]) => [...document.querySelectorAll(result)].every((r) => r.querySelector(type))",
        arg=[SEARCH_RESULT, RESULT_TYPE],
    )
    rows = page.eval_on_selector_all(
        SEARCH_RESULT,
        """(items, [link, type]) => items.map((item) => [
            item.querySelector(link).getAttribute("href"), item.querySelector(type).textContent.trim(),
        ])""",
        [RESULT_LINK, RESULT_TYPE],
    )
    return [(path, kind) for path, kind in rows]


def result_count(page: Page) -> int:
    """The number in the UI's message "24 Ergebnisse für Garten"."""
    message = page.locator(SEARCH_MESSAGE).inner_text()
    match = re.match(r"(\d+) Ergebnis", message)
    assert match, f"unerwartete Meldung: {message!r}"
    return int(match.group(1))


def test_garten_finds_pages_that_only_say_gaerten(page: Page, site_server: SiteServer) -> None:
    only_plural = {
        path
        for path, text in indexed_pages(site_server.root).items()
        if re.search(r"\bGärten\b", text) and not re.search(r"\bGarten\b", text)
    }
    assert only_plural, "Voraussetzung: die Beispielinhalte haben eine Seite mit „Gärten“, aber ohne „Garten“"
    search_in_ui(page, site_server, "Garten")
    found = set(search_urls(page, "Garten"))  # all results, not only those the UI shows first
    assert result_count(page) == len(found)
    assert only_plural <= found, f"„Garten“ findet nicht: {sorted(only_plural - found)}"


def test_a_club_is_found_by_a_word_only_its_description_has(page: Page, site_server: SiteServer) -> None:
    club_path, word = _club_and_description_word(site_server)
    search_in_ui(page, site_server, word)
    shown = shown_results(page)
    assert (club_path, "Typ: Verein") in shown, f"„{word}“ zeigt {club_path} nicht (sondern {shown})"


def test_typ_filter_narrows_results_to_clubs(page: Page, site_server: SiteServer) -> None:
    search_in_ui(page, site_server, "Garten")
    everything = result_count(page)
    clubs = search_urls(page, "Garten", {"Typ": ["Verein"]})
    assert 0 < len(clubs) < everything, "Voraussetzung: „Garten“ findet Vereine und anderes"
    page.get_by_role("checkbox", name=re.compile(r"^Verein \(\d+\)$")).check()
    page.wait_for_function(
        "([selector, count]) => document.querySelector(selector)?.textContent.startsWith(count + ' Ergebnis')",
        arg=[SEARCH_MESSAGE, len(clubs)],
    )
    shown = shown_results(page)
    assert shown and {kind for _, kind in shown} == {"Typ: Verein"}, shown
    assert {path for path, _ in shown} <= set(clubs)


def test_links_on_every_page_are_not_indexed(page: Page, site_server: SiteServer) -> None:
    """ "In meinen Kalender", "Aushang zum Ausdrucken (A4)", "Karte auf OpenStreetMap", "… abonnieren"
    repeat on every event, venue or club page; indexed, "Kalender" would find every event."""
    search_in_ui(page, site_server, "Kalender")
    for word, phrase in (
        ("Kalender", "In meinen Kalender"),
        ("Ausdrucken", "zum Ausdrucken"),
        ("OpenStreetMap", "Karte auf OpenStreetMap"),
        ("abonnieren", "abonnieren"),
    ):
        texts = [result["content"] for result in search_results(page, word)]
        if word == "Kalender":  # the sample has a few pages that say it; the others may find nothing
            assert texts, "Voraussetzung: „Kalender“ findet die Seiten, die es im Text haben"
        assert not [text for text in texts if phrase in text], f"„{phrase}“ ist im Suchindex"


def test_header_search_box_opens_the_results(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url(urls.clubs()))
    box = page.get_by_role("search", name="Portal durchsuchen")
    box.get_by_role("searchbox", name="Suchbegriff").fill("Garten")
    box.get_by_role("button", name="Suchen").click()
    page.locator(SEARCH_RESULT).first.wait_for()
    assert page.url == site_server.url(f"{SEARCH_PAGE}?q=Garten")
    assert page.locator(SEARCH_INPUT).input_value() == "Garten"
    assert result_count(page) > 0


def test_search_page_without_javascript_points_to_the_lists(browser: Browser, site_server: SiteServer) -> None:
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.url(f"{SEARCH_PAGE}?q=Garten"))
        notice = page.locator("noscript p").filter(has_text="Die Suche braucht JavaScript")
        assert notice.is_visible()
        hrefs = notice.locator("a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
        assert hrefs == [f"../{urls.clubs()}", f"../{urls.events()}"]
    finally:
        context.close()


def test_first_search_transfer(page: Page, site_server: SiteServer) -> None:
    """Bytes the search page loads, then the bytes the first typed query fetches (Pagefind loads lazily)."""
    network = NetworkLog(site_server.host).attach(page)
    responses: list[Response] = []
    page.context.on("response", lambda response: responses.append(response))  # also the search worker's
    page.goto(site_server.url(SEARCH_PAGE))
    page.locator(SEARCH_INPUT).wait_for()
    network.settle(page)
    page_load = _sizes(responses)
    responses.clear()
    page.locator(SEARCH_INPUT).fill("Garten")
    page.locator(SEARCH_RESULT).first.wait_for()
    network.settle(page)
    first_search = _sizes(r for r in responses if "/pagefind/" in r.url)
    for label, sizes in (("Suchseite laden", page_load), ("erste Suche", first_search)):
        raw, packed = sum(s[0] for s in sizes.values()), sum(s[1] for s in sizes.values())
        print(f"\n{label}: {len(sizes)} Dateien, {raw / 1000:.0f} kB ({packed / 1000:.0f} kB mit gzip)")
        for name, (size, gz) in sorted(sizes.items(), key=lambda item: -item[1][0]):
            print(f"  {size / 1000:7.1f} kB  {gz / 1000:6.1f} kB gz  {name}")
    assert not network.foreign
    assert sum(size for size, _ in first_search.values()) < 400_000, "die erste Suche lädt mehr als 400 kB"


def _sizes(responses: Iterable[Response]) -> dict[str, tuple[int, int]]:
    """``{path: (bytes, gzip bytes)}`` of the successful responses (http.server sends no gzip itself)."""
    sizes = {}
    for response in responses:
        if response.ok:
            body = response.body()
            sizes[urlsplit(response.url).path] = (len(body), len(gzip.compress(body)))
    return sizes


def _club_and_description_word(site_server: SiteServer) -> tuple[str, str]:
    """The first club with a long word in its description that no other indexed page contains."""
    site, report = load_site(Project(ROOT))
    assert site is not None, report
    pages = indexed_pages(site_server.root)
    for club in sorted(site.clubs.values()):
        path = "/" + urls.club(club.id)
        for word in WORD.findall(club.data.description or ""):
            needle = word.lower()
            if needle in club.data.name.lower():
                continue
            holders = [p for p, text in pages.items() if needle in text.lower()]
            if holders == [path]:
                return path, word
    raise AssertionError("Voraussetzung: ein Verein mit einem Wort, das nur in seiner Beschreibung steht")
