"""What the browser tests look at: the served site, one page of every type, the search page.

Plain helpers (no fixtures) shared by conftest.py and the test modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Request, WebSocket
from sample_build import ROOT
from sample_build import TODAY as TODAY  # the shared build's "today", for the test modules

SEARCH_PAGE = "suche/"
SEARCH_INPUT = "#eg-search-q"
SEARCH_RESULT = ".eg-hit"
SEARCH_MESSAGE = ".eg-search__status"
TIMEOUT_MS = 10_000
LOCAL_SCHEMES = {"data", "blob", "about"}


@dataclass(frozen=True)
class SiteServer:
    """The built site served on 127.0.0.1; ``url("vereine/")`` is an address on it."""

    root: Path
    host: str  # "127.0.0.1:PORT", the only host a page may contact

    def url(self, path: str = "") -> str:
        return f"http://{self.host}/{path.lstrip('/')}"


@dataclass(frozen=True)
class PageType:
    name: str
    path: str  # site-relative; for ``child`` the section whose first sub-page is taken
    child: bool = False
    query: str | None = None  # type this into the search field after loading
    suffix: str = ""  # for ``child``: the page below the sub-page, e.g. "aushang/"


SEARCH_QUERY = "Garten"

PAGE_TYPES = (
    PageType("Startseite", ""),
    PageType("Vereinsverzeichnis", "vereine/"),
    PageType("Vereinsseite", "vereine/", child=True),
    PageType("Veranstaltungsliste", "veranstaltungen/"),
    PageType("Zeitraum (Dieses Wochenende)", "wochenende/"),
    PageType("Veranstaltungsseite", "veranstaltungen/", child=True),
    PageType("Veranstaltungsseite mit Foto", "veranstaltungen/weihnachtsmarkt-2026/"),
    PageType("Vereinsseite mit Logo", "vereine/heimatverein-herzberg/"),
    PageType("Monatsseite", "monate/", child=True),
    PageType("Archiv", "archiv/"),
    PageType("Ortsliste", "orte/"),
    PageType("Ortsseite", "orte/", child=True),
    PageType("Mitmachen-Liste", "mitmachen/"),
    PageType("Mitmachen-Angebot", "mitmachen/", child=True),
    PageType("Kategorieseite", "kategorien/", child=True),
    PageType("Zielgruppenseite", "zielgruppen/", child=True),
    PageType("Ortsteile", "ortsteile/"),
    PageType("Ortsteilseite", "ortsteile/", child=True),
    PageType("Redaktionelle Seite", "content/pages"),
    PageType("Impressum", "impressum/"),
    PageType("Datenschutzerklärung", "datenschutz/"),
    PageType("Erklärung zur Barrierefreiheit", "barrierefreiheit/"),
    PageType("Kalender abonnieren", "kalender/"),
    PageType("Daten und Einbindung", "daten/"),
    PageType("Widget eines Vereins", "widget/verein/", child=True),
    PageType("Widget einer Kategorie", "widget/kategorie/", child=True),
    PageType("Aushang einer Veranstaltung", "veranstaltungen/", child=True, suffix="aushang/"),
    PageType("Aushang mit Foto", "veranstaltungen/weihnachtsmarkt-2026/aushang/"),
    PageType("Monatsprogramm", "monate/", child=True, suffix="programm/"),
    PageType("Fehlerseite 404", "404.html"),
    PageType("Suchergebnisse", SEARCH_PAGE, query=SEARCH_QUERY),
    PageType("Eintragen und melden", "melden/"),
    PageType("Formular Veranstaltung melden", "melden/veranstaltung/"),
    PageType("Formular Verein eintragen", "melden/verein/"),
    PageType("Formular Engagement-Angebot melden", "melden/engagement/"),
)


def page_path(site: Path, page_type: PageType) -> str | None:
    """The site-relative path of one page of ``page_type``, or None when the site has none."""
    if page_type.path == "content/pages":
        editorial = sorted(p.stem for p in (ROOT / "content" / "pages").glob("*.md"))
        return f"{editorial[0]}/" if editorial else None
    if page_type.child:
        section = site / page_type.path
        suffix = page_type.suffix
        subpages = section.iterdir() if section.is_dir() else ()
        names = sorted(d.name for d in subpages if (d / suffix / "index.html").is_file())
        return f"{page_type.path}{names[0]}/{suffix}" if names else None
    target = site / page_type.path
    exists = target.is_file() if page_type.path.endswith(".html") else (target / "index.html").is_file()
    return page_type.path if exists else None


def search_in_ui(page: Page, server: SiteServer, query: str) -> None:
    """Open the results page, type ``query`` into Pagefind's field and wait for the first result."""
    page.goto(server.url(SEARCH_PAGE))
    page.locator(SEARCH_INPUT).fill(query)
    page.locator(SEARCH_RESULT).first.wait_for()


def search_results(page: Page, query: str, filters: dict[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """All results of ``query`` from Pagefind's JavaScript API (not only the first page of the UI),
    each as Pagefind's data: ``url``, ``content`` (the indexed text), ``meta``, ….

    Must be called on the search page, which loads the bundle from the site's own `pagefind/`.
    """
    return page.evaluate(
        """async ([query, filters]) => {
            const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
            const search = await pagefind.search(query, filters ? {filters} : {});
            return await Promise.all(search.results.map((result) => result.data()));
        }""",
        [query, filters],
    )


def search_urls(page: Page, query: str, filters: dict[str, list[str]] | None = None) -> list[str]:
    """The URLs of `search_results`."""
    return [result["url"] for result in search_results(page, query, filters)]


def new_context(browser: Browser) -> BrowserContext:
    """A fresh German desktop-sized browser context (no service workers, short timeouts)."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    return context


@dataclass
class NetworkLog:
    """Every request of one page to a host other than ``host``, and how many are still in flight."""

    host: str
    foreign: list[str] = field(default_factory=list)
    pending: int = 0

    def attach(self, page: Page) -> NetworkLog:
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)
        page.on("websocket", self._websocket)
        return self

    def detach(self, page: Page) -> None:
        page.remove_listener("request", self._started)
        page.remove_listener("requestfinished", self._ended)
        page.remove_listener("requestfailed", self._ended)
        page.remove_listener("websocket", self._websocket)

    def settle(self, page: Page, quiet_ms: int = 150, timeout_ms: int = TIMEOUT_MS) -> None:
        """Wait until no request has been in flight for ``quiet_ms`` (faster than "networkidle")."""
        quiet = waited = 0
        while quiet < quiet_ms:
            assert waited < timeout_ms, f"nach {timeout_ms} ms laufen noch {self.pending} Anfragen"
            page.wait_for_timeout(50)
            waited += 50
            quiet = quiet + 50 if self.pending == 0 else 0

    def _started(self, request: Request) -> None:
        self.pending += 1
        parts = urlsplit(request.url)
        if parts.scheme not in LOCAL_SCHEMES and parts.netloc != self.host:
            self.foreign.append(request.url)

    def _ended(self, request: Request) -> None:
        self.pending -= 1

    def _websocket(self, socket: WebSocket) -> None:
        self.foreign.append(socket.url)


VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class _IndexedText(HTMLParser):
    """The text Pagefind indexes: inside ``data-pagefind-body``, outside ``data-pagefind-ignore``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []  # per open element: "body", "ignore" or ""
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            return
        names = {name for name, _ in attrs}
        self.stack.append(
            "ignore" if "data-pagefind-ignore" in names else "body" if "data-pagefind-body" in names else ""
        )

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_ELEMENTS and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "body" in self.stack and "ignore" not in self.stack[self.stack.index("body") :]:
            self.parts.append(data)


@cache
def indexed_pages(site: Path) -> dict[str, str]:
    """``{"/vereine/x/": text}`` for every page Pagefind indexes (those with ``data-pagefind-body``)."""
    pages = {}
    for file in sorted(site.rglob("index.html")):
        html = file.read_text(encoding="utf-8")
        if "data-pagefind-body" not in html:
            continue
        parser = _IndexedText()
        parser.feed(html)
        path = "/" + file.parent.relative_to(site).as_posix() + "/"
        pages["/" if path == "/./" else path] = " ".join(" ".join(parser.parts).split())
    return pages
