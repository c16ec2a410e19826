"""Layout on every screen and for every hand (issue 17): nothing wider than the screen from 320 px up,
controls of at least 44 × 44 px, a menu button the keyboard can work, long words that break at a
syllable with a hyphen, the whole main menu at 1280 px, long titles that leave room on a phone.

The page types are those of `site_under_test.PAGE_TYPES`; each is loaded once and measured at
every width by resizing the window (media queries and Material's script follow a resize).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, Route
from site_under_test import PAGE_TYPES, SEARCH_INPUT, SEARCH_RESULT, PageType, SiteServer, page_path

from generator import urls
from generator.outputs.frame.typeset import typeset
from generator.outputs.hyphenation import SOFT_HYPHEN, without_soft_hyphens

WIDTHS = (320, 360, 390, 1280)
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
TARGET_PX = 44
LONG_WORD_EVENT = "sonntagsgottesdienst"  # the sample's event whose title broke "Sonntagsgottesd|ienst"

WIDER_THAN_SCREEN = """() => {
    const width = document.documentElement.clientWidth, found = [];
    for (const element of document.querySelectorAll("body *")) {
        const box = element.getBoundingClientRect();
        if (!box.width || box.right <= width + 0.5) continue;
        let clipped = false;  // inside something that clips or scrolls it (html and body excepted)
        for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== "visible" && up.getBoundingClientRect().right <= width + 0.5) {
                clipped = true;
                break;
            }
        }
        const tag = `<${element.tagName.toLowerCase()} class="${element.className}">`;
        if (!clipped) found.push(`${tag} bis ${Math.round(box.right)} px`);
    }
    return {scrollWidth: document.documentElement.scrollWidth, width, found: found.slice(-5)};
}"""

SMALL_CONTROLS = """(target) => {
    const least = target - 0.5;
    const seen = (element) => {
        const box = element.getBoundingClientRect(), style = getComputedStyle(element);
        const shown = box.width > 0 && box.height > 0 && style.visibility !== "hidden";
        return shown && !element.closest("[hidden], .md-sidebar");
    };
    const union = (boxes) => ({
        width: Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left)),
        height: Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top)),
    });
    const name = (element) => {
        const text = (element.textContent || element.value || "").trim().slice(0, 30);
        return `<${element.tagName.toLowerCase()} class="${element.className}"> „${text}“`;
    };
    const size = (box) => `${Math.round(box.width)}×${Math.round(box.height)}`;
    const small = [];
    const controls = "button, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), "
        + ".md-header__button, .eg-jump a, .eg-pager a, .eg-legal a, .eg-actions a, .eg-button, .md-tabs__link, "
        + ".p-screen a";
    for (const element of document.querySelectorAll(controls)) {
        if (!seen(element)) continue;
        const box = element.getBoundingClientRect();
        if (box.width < least || box.height < least) small.push(`${name(element)}: ${size(box)}`);
    }
    // a box or round button together with its label is one target
    for (const input of document.querySelectorAll("input[type=checkbox], input[type=radio]")) {
        if (!seen(input) || input.matches(".md-toggle, [data-md-toggle]")) continue;
        const box = union([input, ...input.labels].filter(seen).map((e) => e.getBoundingClientRect()));
        if (box.width < least || box.height < least) small.push(`${name(input)} mit Beschriftung: ${size(box)}`);
    }
    return small;
}"""

RENDERED_LINES = """(element) => {
    // the element's text as the lines it is shown in, soft hyphens included where a line ends at one
    const lines = [], range = document.createRange();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let top = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let index = 0; index < node.data.length; index++) {
            range.setStart(node, index);
            range.setEnd(node, index + 1);
            const boxes = [...range.getClientRects()].filter((box) => box.width > 0);
            if (!boxes.length) continue;  // a soft hyphen inside a line takes no room
            const charTop = Math.round(boxes[boxes.length - 1].top);  // (the first may be the hyphen before it)
            if (top === null || Math.abs(charTop - top) > 3) { lines.push(""); top = charTop; }
            lines[lines.length - 1] += node.data[index];
        }
    }
    return lines;
}"""

MID_WORD_BREAKS = """() => {
    // words of running text shown on two lines without a hyphen (addresses and dashed words excepted)
    const found = [], range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest("script, style, svg, .md-sidebar, [hidden]")) continue;
        if (parent.getBoundingClientRect().width < 2) continue;  // visually hidden text
        for (const match of node.data.matchAll(/\\S{6,}/g)) {
            const word = match[0];
            if (/[\\u00ad\\-–—\\/@.]/.test(word.replace(/[.,;:!?)“"]+$/, ""))) continue;
            range.setStart(node, match.index);
            range.setEnd(node, match.index + word.length);
            const tops = new Set([...range.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
            if (tops.size > 1) found.push(`${word} in <${parent.tagName.toLowerCase()} class="${parent.className}">`);
        }
    }
    return [...new Set(found)];
}"""


@dataclass
class Measured:
    page_type: PageType
    path: str
    wide: dict[int, dict] = field(default_factory=dict)
    small_controls: list[str] = field(default_factory=list)
    mid_word: list[str] = field(default_factory=list)


@pytest.fixture(scope="module", params=PAGE_TYPES, ids=lambda t: t.name)
def measured(request: pytest.FixtureRequest, shared_page: Page, site_server: SiteServer) -> Measured:
    page_type: PageType = request.param
    path = page_path(site_server.root, page_type)
    if path is None:
        pytest.fail(f"keine Seite vom Typ „{page_type.name}“ unter {page_type.path} gebaut")
    page = shared_page
    page.set_viewport_size(PHONE)
    page.goto(site_server.url(path))
    if page_type.query:
        page.locator(SEARCH_INPUT).fill(page_type.query)
        page.locator(SEARCH_RESULT).first.wait_for()
    result = Measured(page_type, path)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE["height"] if width < 800 else DESKTOP["height"]})
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        result.wide[width] = page.evaluate(WIDER_THAN_SCREEN)
        if width == 320:
            result.mid_word = page.evaluate(MID_WORD_BREAKS)
        if width == PHONE["width"]:
            result.small_controls = page.evaluate(SMALL_CONTROLS, TARGET_PX)
    return result


def test_nothing_is_wider_than_the_screen(measured: Measured) -> None:
    too_wide = {width: m for width, m in measured.wide.items() if m["scrollWidth"] > m["width"] or m["found"]}
    assert not too_wide, f"{measured.page_type.name} ({measured.path}) ist breiter als der Bildschirm:\n" + "\n".join(
        f"  {width} px: Seitenbreite {m['scrollWidth']} px; " + "; ".join(m["found"]) for width, m in too_wide.items()
    )


def test_controls_are_at_least_44_px_on_a_phone(measured: Measured) -> None:
    assert not measured.small_controls, (
        f"{measured.page_type.name} ({measured.path}): Bedienelemente unter {TARGET_PX}×{TARGET_PX} px bei 360 px:\n  "
        + "\n  ".join(measured.small_controls)
    )


def test_no_word_breaks_mid_word_without_a_hyphen_at_320_px(measured: Measured) -> None:
    assert not measured.mid_word, (
        f"{measured.page_type.name} ({measured.path}): Wörter ohne Trennstrich umbrochen:\n  "
        + "\n  ".join(measured.mid_word)
    )


# --- the long word of the sample --------------------------------------------------------------------


def test_the_long_title_breaks_at_a_syllable_with_a_hyphen(page: Page, site_server: SiteServer) -> None:
    html = (site_server.root / urls.event(LONG_WORD_EVENT) / "index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    assert heading and heading.group(1) == "Sonn\u00adtags\u00adgot\u00adtes\u00addienst in St. Marien"
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title and SOFT_HYPHEN not in title.group(1), "der Seitentitel (<title>) bleibt ohne weiche Trennstriche"

    for width in (320, 360):
        page.set_viewport_size({"width": width, "height": 780})
        page.goto(site_server.url(urls.event(LONG_WORD_EVENT)))
        lines = page.locator("h1").evaluate(RENDERED_LINES)
        assert len(lines) > 1
        for line, following in itertools.pairwise(lines):
            mid_word = line.rstrip()[-1:].isalpha() and following[:1].isalpha()
            assert not mid_word, f"bei {width} px mitten im Wort ohne Trennstrich umbrochen: {lines}"
        assert any(line.endswith(SOFT_HYPHEN) for line in lines), f"bei {width} px: {lines}"


def test_copied_text_and_search_have_no_soft_hyphens(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url(urls.event(LONG_WORD_EVENT)))
    copied = page.evaluate(
        """() => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector("h1"));
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            const data = new DataTransfer();
            document.querySelector("h1").dispatchEvent(
                new ClipboardEvent("copy", {clipboardData: data, bubbles: true, cancelable: true}));
            const selected = getSelection().toString();
            return {text: data.getData("text/plain"), html: data.getData("text/html"), selected};
        }"""
    )
    assert SOFT_HYPHEN in copied["selected"]  # on the page
    assert copied["text"] == "Sonntagsgottesdienst in St. Marien"
    assert "Sonntagsgottesdienst" in copied["html"] and SOFT_HYPHEN not in copied["html"]

    page.goto(site_server.url("suche/?q=Sonntagsgottesdienst"))
    page.locator(SEARCH_RESULT).first.wait_for()
    first = page.locator(SEARCH_RESULT).first
    assert "Sonntagsgottesdienst in St. Marien" in first.inner_text()
    assert SOFT_HYPHEN not in page.locator("[data-search-results]").inner_text()


def test_no_soft_hyphens_outside_the_pages_articles(site_server: SiteServer) -> None:
    """Feeds, open data, the sitemap, scripts and every page's <head> and frame stay without them."""
    shy = SOFT_HYPHEN.encode()
    with_shy = [
        path.relative_to(site_server.root).as_posix()
        for path in site_server.root.rglob("*")
        if path.is_file()
        and path.suffix not in {".html", ".png", ".jpg", ".webp", ".gz", ".pf_meta"}
        and "pagefind" not in path.parts
        and shy in path.read_bytes()
    ]
    assert not with_shy, "weiche Trennstriche in: " + ", ".join(with_shy[:10])
    for path in site_server.root.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        start = html.find("<article")
        outside = html[:start] + html[html.rfind("</article>") :] if start >= 0 else ""
        if start >= 0:
            assert SOFT_HYPHEN not in outside, f"{path}: weicher Trennstrich außerhalb des Seiteninhalts"


# --- keyboard --------------------------------------------------------------------------------------


def test_the_keyboard_opens_and_closes_the_menu_on_a_phone(page: Page, site_server: SiteServer) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_server.url(urls.events()))
    drawer = page.locator("#__drawer")
    for _ in range(4):  # skip link, then the menu button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('eg-menu-button')"):
            break
    else:
        pytest.fail("Die Menü-Schaltfläche ist mit der Tab-Taste nicht erreichbar")
    button = page.locator(".eg-menu-button")
    assert button.evaluate("(b) => b.tagName") == "BUTTON"
    assert button.get_attribute("aria-expanded") == "false"
    box = button.bounding_box()
    assert box and box["width"] >= TARGET_PX and box["height"] >= TARGET_PX

    for key in ("Enter", "Space"):
        page.keyboard.press(key)
        assert drawer.is_checked(), f"{key} öffnet das Menü nicht"
        assert button.get_attribute("aria-expanded") == "true"
        page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
        focused = page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
        assert focused, "der Fokus springt in das geöffnete Menü"
        page.keyboard.press("Escape")
        assert not drawer.is_checked(), "Escape schließt das Menü nicht"
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.classList.contains('eg-menu-button')")

    page.keyboard.press("Tab")  # then the search box of the header and its button
    assert page.evaluate("document.activeElement.id") == "eg-header-q"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Suchen"
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("Chor")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # on the button
    page.wait_for_url("**/suche/?q=Chor")


def test_the_menu_button_is_hidden_where_the_menu_shows_in_full(page: Page, site_server: SiteServer) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_server.url(""))
    assert page.locator(".eg-menu-button").count() == 1
    assert not page.locator(".eg-menu-button").is_visible()


# --- main menu and long titles -------------------------------------------------------------------


def test_the_main_menu_shows_every_section_at_1280_px(page: Page, site_server: SiteServer) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_server.url(""))
    links = page.locator(".md-tabs__link")
    assert links.count() >= 9
    hidden = page.evaluate(
        """() => [...document.querySelectorAll(".md-tabs__link")].filter((link) => {
            const box = link.getBoundingClientRect();
            const at = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return box.right > innerWidth || box.left < 0 || !(at && link.contains(at));
        }).map((link) => link.textContent.trim())"""
    )
    assert not hidden, f"im Hauptmenü nicht (ganz) zu sehen: {hidden}"
    labels = [label.strip() for label in links.all_inner_texts()]
    assert "Anlaufstelle" in labels and "Für Vereine" in labels  # short menu names (menu_title)
    page.goto(site_server.url(urls.page("anlaufstelle")))
    heading = without_soft_hyphens(page.locator("h1").inner_text())
    assert heading == "Anlaufstelle Engagement im Haus II"  # the page keeps its full title


LONG_TITLE = (
    "Großes Benefizkonzert des Blasorchesters Herzberg zugunsten der Kinder- und Jugendarbeit im Landkreis "
    "Elbe-Elster mit anschließendem Weihnachtsliedersingen für die ganze Familie, Glühwein, Kinderpunsch "
    "und Überraschungsgästen aus dem Partnerlandkreis"
)[:240]


def test_a_240_character_title_leaves_room_on_the_first_phone_screen(page: Page, site_server: SiteServer) -> None:
    """An event page as the build makes it for a 240-character title (typeset on the sample's page)."""
    path = urls.event(LONG_WORD_EVENT)
    original = without_soft_hyphens((site_server.root / path / "index.html").read_text(encoding="utf-8"))
    long_page = typeset(re.sub(r"<h1>.*?</h1>", f"<h1>{LONG_TITLE}</h1>", original, count=1, flags=re.DOTALL))

    def serve(route: Route) -> None:
        route.fulfill(body=long_page, content_type="text/html; charset=utf-8")

    page.route(site_server.url(path), serve)
    page.set_viewport_size(PHONE)
    page.goto(site_server.url(path))
    heading = page.locator("h1").bounding_box()
    assert heading and heading["y"] + heading["height"] < 0.7 * PHONE["height"], heading
    assert page.get_by_text("Wann", exact=True).is_visible()
    box = page.get_by_text("Wann", exact=True).bounding_box()
    assert box and box["y"] + box["height"] < PHONE["height"], "die Angabe „Wann“ steht noch auf dem ersten Bildschirm"
    page.unroute(site_server.url(path))

    page.goto(site_server.url(path))  # the usual title keeps the usual size
    usual = page.locator("h1").evaluate("(h) => parseFloat(getComputedStyle(h).fontSize)")
    page.route(site_server.url(path), serve)
    page.goto(site_server.url(path))
    smaller = page.locator("h1").evaluate("(h) => parseFloat(getComputedStyle(h).fontSize)")
    assert smaller < usual * 0.8
