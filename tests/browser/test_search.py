"""The search page in the browser (theme/assets/suche.js over Pagefind): German stemming, clubs
first for their name, snippets from descriptions, the type choice with its counts, nothing for
what the portal does not have, the header form, without JavaScript, the bytes it loads.

The page is looked at as on a phone (360×780) where a citizen uses it; `search_urls` asks
Pagefind's own API (all results, no ranking of ours) for what the page must agree with.
"""

from __future__ import annotations

import gzip
import html
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import cache
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Response
from site_under_test import (
    ROOT,
    SEARCH_INPUT,
    SEARCH_MESSAGE,
    SEARCH_PAGE,
    SEARCH_QUERY,
    SEARCH_RESULT,
    TODAY,
    NetworkLog,
    SiteServer,
    indexed_pages,
    search_in_ui,
    search_results,
    search_urls,
)
from test_page_types import AXE, RUN_AXE, WCAG_21_AA, format_violations

from generator import urls
from generator.content import load_site
from generator.derive import german
from generator.derive.catalog import Catalog
from generator.models.site import Site
from generator.outputs.markdown import render_markdown
from generator.project import Project

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{8,}")
TYPE_RADIO = ".eg-search__types input[type=radio]"
NOTHING = "haben wir nichts gefunden"


@pytest.fixture
def phone(page: Page) -> Page:
    page.set_viewport_size({"width": 360, "height": 780})
    return page


@cache
def sample() -> Site:
    site, report = load_site(Project(ROOT))
    assert site is not None, report
    return site


def shown_results(page: Page) -> list[dict[str, str]]:
    """What the page shows of each result (the first ten; more behind "Weitere Ergebnisse zeigen")."""
    page.locator(SEARCH_RESULT).first.wait_for()
    return page.eval_on_selector_all(
        SEARCH_RESULT,
        """(items) => items.map((item) => ({
            path: item.querySelector(".eg-hit__title a").getAttribute("href"),
            title: item.querySelector(".eg-hit__title").textContent.trim(),
            type: item.querySelector(".eg-hit__type")?.textContent.trim() ?? "",
            line: item.querySelector(".eg-hit__line")?.textContent.trim() ?? "",
            text: item.querySelector(".eg-hit__text")?.textContent.trim() ?? "",
            marked: [...item.querySelectorAll(".eg-hit__text mark")].map((m) => m.textContent),
        }))""",
    )


def result_count(page: Page) -> int:
    """The number in the message "24 Ergebnisse für „Garten“."."""
    message = page.locator(SEARCH_MESSAGE).inner_text()
    match = re.match(r"(\d+) Ergebnis", message)
    assert match, f"unerwartete Meldung: {message!r}"
    return int(match.group(1))


def wait_for_message(page: Page, start: str) -> None:
    page.wait_for_function(
        "([selector, start]) => document.querySelector(selector)?.textContent.startsWith(start)",
        arg=[SEARCH_MESSAGE, start],
    )


def type_counts(page: Page) -> dict[str, int]:
    """{filter value: count} of the type choices the page shows ("" is "Alle")."""
    rows = page.eval_on_selector_all(
        TYPE_RADIO,
        """(radios) => radios.filter((r) => !r.closest("label").hidden)
            .map((r) => [r.value, r.closest("label").textContent])""",
    )
    counts = {}
    for value, label in rows:
        match = re.search(r"\((\d+)\)", label)
        assert match, label
        counts[value] = int(match.group(1))
    return counts


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def description_of(path: str) -> str:
    """The text of the description of the record at ``/vereine/x/`` (…), or of the editorial page ``/x/``."""
    parts = path.strip("/").split("/")
    if len(parts) == 1:
        markdown = sample().pages[parts[0]].body
    else:
        records = {"vereine": sample().clubs, "veranstaltungen": sample().events, "orte": sample().venues}
        markdown = (records | {"mitmachen": sample().opportunities})[parts[0]][parts[1]].data.description
    return html.unescape(re.sub(r"<[^>]+>", " ", str(render_markdown(markdown or ""))))


def clubs_named(query: str) -> set[str]:
    """Paths of the clubs one of whose name's words starts with ``query``."""
    return {
        "/" + urls.club(club.id)
        for club in sample().clubs.values()
        if any(word.startswith(query.lower()) for word in words(club.data.name))
    }


# --- finding ---------------------------------------------------------------------------------


def test_garten_finds_pages_that_only_say_gaerten(page: Page, site_server: SiteServer) -> None:
    only_plural = {
        path
        for path, text in indexed_pages(site_server.root).items()
        if re.search(r"\bGärten\b", text) and not re.search(r"\bGarten\b", text)
    }
    assert only_plural, "Voraussetzung: die Beispielinhalte haben eine Seite mit „Gärten“, aber ohne „Garten“"
    search_in_ui(page, site_server, "Garten")
    found = set(search_urls(page, "Garten"))  # all results, not only those the page shows first
    assert result_count(page) == len(found)
    assert only_plural <= found, f"„Garten“ findet nicht: {sorted(only_plural - found)}"


def test_a_club_is_found_by_a_word_only_its_description_has(page: Page, site_server: SiteServer) -> None:
    club_path, word = _club_and_description_word(site_server)
    search_in_ui(page, site_server, word)
    shown = [(result["path"], result["type"]) for result in shown_results(page)]
    assert (club_path, "Verein") in shown, f"„{word}“ zeigt {club_path} nicht (sondern {shown})"


@pytest.mark.parametrize("query", ["Feuerwehr", "Chor", "Borken", "Senioren", "Heimatverein"])
def test_the_clubs_of_that_name_come_first(phone: Page, site_server: SiteServer, query: str) -> None:
    """ "Feuerwehr" listed the Feuerwehrgerätehaus above the fire brigades, "Chor" the choir's
    rehearsal above the choir: every club with a name word starting with the query comes before
    any building, event or page."""
    named = clubs_named(query)
    assert named, f"Voraussetzung: ein Verein mit „{query}“ im Namen"
    search_in_ui(phone, site_server, query)
    others = set(search_urls(phone, query)) - named
    assert others, f"Voraussetzung: „{query}“ findet auch anderes als die Vereine"
    shown = shown_results(phone)
    first = [result["path"] for result in shown[: len(named)]]
    assert set(first) == named, f"„{query}“: zuerst {first}, erwartet {sorted(named)}"
    assert {result["type"] for result in shown[: len(named)]} == {"Verein"}
    top = phone.locator(SEARCH_RESULT).first.bounding_box()
    # the sample's one-line demo notice (town.yml demo: ja) is not on a real town's pages
    demo = phone.locator(".md-banner").bounding_box()
    assert demo is not None and demo["height"] < 40
    assert top is not None and top["y"] - demo["height"] + 60 < 780, f"das erste Ergebnis beginnt erst bei y={top}"


def test_snippets_come_from_the_description(phone: Page, site_server: SiteServer) -> None:
    """Snippets read "Wir proben vierstimmig …", not "Veranstalter Gemischter Chor Thema Musik und
    Chor Eintritt frei Für wen …": every word of a snippet is a run of the record's description."""
    for query in ("Feuerwehr", "Chor", "Garten"):
        search_in_ui(phone, site_server, query)
        shown = shown_results(phone)
        assert len(shown) >= 5, query
        for result in shown[:5]:
            description = words(description_of(result["path"]))
            snippet = words(result["text"])
            assert snippet, f"{query}: {result['path']} ohne Auszug"
            assert _run_of(snippet, description), f"{query}: „{result['text']}“ steht nicht in der Beschreibung"
            for label in ("veranstalter", "thema", "bereich", "ortsteil", "eintritt"):
                assert label not in snippet or label in description, (query, result["text"])


def test_results_say_what_they_are_and_when_an_event_is_next(phone: Page, site_server: SiteServer) -> None:
    search_in_ui(phone, site_server, "Chorprobe")
    result = next(r for r in shown_results(phone) if r["path"] == "/" + urls.event("chorprobe"))
    catalog = Catalog.build(sample(), date.fromisoformat(TODAY))
    following = catalog.future(catalog.by_event["chorprobe"])[0]
    assert result["type"] == "Veranstaltung"
    assert result["line"].startswith(f"Nächster Termin: {german.long_date(following.day)}, "), result["line"]
    assert result["line"].endswith(" · Evangelisches Gemeindehaus am Kirchplatz"), result["line"]
    search_in_ui(phone, site_server, "Feuerwehr")
    club = next(r for r in shown_results(phone) if r["path"] == "/" + urls.club("ff-borken"))
    assert club["type"] == "Verein" and club["line"] == "Borken · Feuerwehr und Katastrophenschutz", club


# --- the type choice -------------------------------------------------------------------------


def test_type_choice_narrows_results_and_counts_them_right(phone: Page, site_server: SiteServer) -> None:
    query = "Feuerwehr"
    search_in_ui(phone, site_server, query)
    counts = type_counts(phone)
    truth = {value: len(search_urls(phone, query, {"Typ": [value]})) for value in counts if value}
    assert {value: count for value, count in counts.items() if value} == {k: n for k, n in truth.items() if n}
    assert counts[""] == result_count(phone) == len(search_urls(phone, query)) == sum(truth.values())
    assert len([value for value in counts if value]) >= 3, "Voraussetzung: „Feuerwehr“ findet drei Arten"
    kinds = [value for value in counts if value]
    for value in kinds:
        count = counts[value]
        phone.locator(f"{TYPE_RADIO}[value='{value}']").check()
        wait_for_message(phone, f"{count} Ergebnis")
        shown = shown_results(phone)
        assert {result["type"] for result in shown} == {value}, (value, shown)
        assert {result["path"] for result in shown} <= set(search_urls(phone, query, {"Typ": [value]}))
        assert phone.url.endswith(f"?q={query}&typ={value}")
    phone.reload()  # the address keeps the choice
    wait_for_message(phone, f"{counts[kinds[-1]]} Ergebnis")
    assert phone.locator(f"{TYPE_RADIO}[value='{kinds[-1]}']").is_checked()
    phone.get_by_role("radio", name=re.compile(r"^Alle \(\d+\)$")).check()
    wait_for_message(phone, f"{counts['']} Ergebnis")


def test_type_choices_are_large_enough_to_tap(phone: Page, site_server: SiteServer) -> None:
    search_in_ui(phone, site_server, "Feuerwehr")
    boxes = phone.eval_on_selector_all(
        ".eg-search__types label:not([hidden])", "(labels) => labels.map((l) => l.getBoundingClientRect().height)"
    )
    assert boxes and min(boxes) >= 44, boxes
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_more_results_continue_where_the_list_ended(phone: Page, site_server: SiteServer) -> None:
    search_in_ui(phone, site_server, "Feuerwehr")
    total = result_count(phone)
    assert total > 20, "Voraussetzung: „Feuerwehr“ füllt mehr als zwei Seiten"
    more = phone.get_by_role("button", name="Weitere Ergebnisse zeigen")
    assert phone.locator(SEARCH_RESULT).count() == 10
    more.click()
    phone.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length === n", arg=[SEARCH_RESULT, 20]
    )
    focused = phone.evaluate("document.activeElement.closest('.eg-hit') === document.querySelectorAll('.eg-hit')[10]")
    assert focused, "die Tastatur steht nach „Weitere Ergebnisse“ auf dem ersten neuen Ergebnis"
    count = 20
    while count < total:
        more.click()
        count = min(count + 10, total)
        phone.wait_for_function(
            "([selector, n]) => document.querySelectorAll(selector).length === n", arg=[SEARCH_RESULT, count]
        )
    assert not more.is_visible()
    paths = [result["path"] for result in shown_results(phone)]
    assert len(paths) == len(set(paths)) == total and set(paths) == set(search_urls(phone, "Feuerwehr"))


def test_search_states_meet_wcag_21_aa_on_a_phone(phone: Page, site_server: SiteServer) -> None:
    """Results with a type chosen, and nothing found (the page type test checks the first results)."""
    phone.goto(site_server.url(f"{SEARCH_PAGE}?q=Feuerwehr&typ=Ort"))
    phone.locator(SEARCH_RESULT).first.wait_for()
    phone.add_script_tag(path=AXE)
    violations = phone.evaluate(RUN_AXE, WCAG_21_AA)
    assert not violations, format_violations(violations)
    phone.locator(SEARCH_INPUT).fill("Blutspende")
    wait_for_message(phone, "Zu „Blutspende“")
    violations = phone.evaluate(RUN_AXE, WCAG_21_AA)
    assert not violations, format_violations(violations)


# --- nothing found -----------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Blutspende", "Xylofonkonzertquatsch"])
def test_what_the_portal_does_not_have_finds_nothing(phone: Page, site_server: SiteServer, query: str) -> None:
    """Pagefind falls back to the longest indexed word the query starts with: "Blutspende" found
    the "B" of "z. B." and of "Führerschein der Klasse B". The page says there is nothing instead."""
    texts = " ".join(indexed_pages(site_server.root).values()).lower()
    assert query[:5].lower() not in texts, f"Voraussetzung: nichts im Beispiel handelt von „{query}“"
    phone.goto(site_server.url(f"{SEARCH_PAGE}?q={query}"))
    wait_for_message(phone, f"Zu „{query}“ {NOTHING}.")
    assert phone.locator(SEARCH_RESULT).count() == 0
    help_text = phone.locator("[data-search-none]")
    assert help_text.is_visible() and help_text.get_by_role("link", name="Vereine").is_visible()
    if query == "Blutspende":
        assert search_urls(phone, query), "Voraussetzung: Pagefind allein findet für „Blutspende“ etwas"


def test_a_real_word_inside_a_longer_query_still_counts(phone: Page, site_server: SiteServer) -> None:
    """The fallback is fine when it is a word: "Feuerwehrfeste" (not in the sample) finds "Feuerwehr…"."""
    phone.goto(site_server.url(f"{SEARCH_PAGE}?q=Feuerwehrfeste"))
    phone.locator(SEARCH_RESULT).first.wait_for()
    assert result_count(phone) > 0


# --- the page around it --------------------------------------------------------------------------


def test_links_on_every_page_are_not_indexed(page: Page, site_server: SiteServer) -> None:
    """ "In meinen Kalender", "Aushang zum Ausdrucken (A4)", "Auf der Karte zeigen", "… abonnieren"
    repeat on every event, venue or club page; indexed, "Kalender" would find every event."""
    search_in_ui(page, site_server, SEARCH_QUERY)
    texts = [f for f in (ROOT / "content").rglob("*.*") if f.suffix in {".yml", ".md"}]  # not the pictures
    content_says_kalender = any("Kalender" in f.read_text(encoding="utf-8") for f in texts)
    for word, phrase in (
        ("Kalender", "In meinen Kalender"),
        ("Ausdrucken", "zum Ausdrucken"),
        ("Karte", "Auf der Karte zeigen"),
        ("abonnieren", "abonnieren"),
    ):
        texts = [result["content"] for result in search_results(page, word)]
        if word == "Kalender" and content_says_kalender:  # pages that say it are found; the others not
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
    assert page.get_by_role("searchbox", name="Suchbegriff").count() == 1  # the header's box steps aside


def test_search_page_without_javascript_points_to_the_lists(browser: Browser, site_server: SiteServer) -> None:
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.url(f"{SEARCH_PAGE}?q=Garten"))
        notice = page.locator("noscript p").filter(has_text="Die Suche braucht JavaScript")
        assert notice.is_visible()
        hrefs = notice.locator("a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
        assert hrefs == [f"../{urls.clubs()}", f"../{urls.events()}"]
        assert not page.locator(".eg-search-page form").is_visible()  # no form that could not work
        assert page.locator(".eg-header-search").is_visible()
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
    assert not [name for name in page_load if "/pagefind/" in name], "die Seite lädt Pagefind vor der ersten Suche"
    assert sum(size for size, _ in first_search.values()) < 300_000, "die erste Suche lädt mehr als 300 kB"


def _sizes(responses: Iterable[Response]) -> dict[str, tuple[int, int]]:
    """``{path: (bytes, gzip bytes)}`` of the successful responses (http.server sends no gzip itself)."""
    sizes = {}
    for response in responses:
        if response.ok:
            body = response.body()
            sizes[urlsplit(response.url).path] = (len(body), len(gzip.compress(body)))
    return sizes


def _run_of(part: list[str], whole: list[str]) -> bool:
    return any(whole[start : start + len(part)] == part for start in range(len(whole) - len(part) + 1))


def _club_and_description_word(site_server: SiteServer) -> tuple[str, str]:
    """The first club with a long word in its description that no other indexed page contains."""
    pages = indexed_pages(site_server.root)
    for club in sorted(sample().clubs.values()):
        path = "/" + urls.club(club.id)
        for word in WORD.findall(club.data.description or ""):
            needle = word.lower()
            if needle in club.data.name.lower():
                continue
            holders = [p for p, text in pages.items() if needle in text.lower()]
            if holders == [path]:
                return path, word
    raise AssertionError("Voraussetzung: ein Verein mit einem Wort, das nur in seiner Beschreibung steht")
