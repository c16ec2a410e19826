"""Every internal link, image, script and stylesheet of the built site resolves (plain files, no browser).

Relative and absolute-path references are resolved against the site folder (directory URLs
mean their index.html); fragments must name an id (or a name) on the target page. External
http(s), mailto, tel and webcal links are not followed; nothing a page *loads* may be external.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Page
from site_under_test import SiteServer

EXTERNAL_LINK_SCHEMES = {"http", "https", "mailto", "tel", "webcal"}
LINK_ATTRIBUTES = {"href", "src", "action", "poster", "data"}
LOADING_TAGS = {"script", "img", "source", "iframe", "video", "audio", "embed", "object", "track", "input"}
LOADING_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}


@dataclass
class Reference:
    tag: str
    attribute: str
    value: str
    loads: bool  # fetched by the browser while showing the page (not a link the reader follows)


class _PageScan(HTMLParser):
    """The references of one page and the anchors (ids) it offers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[Reference] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag in {"a", "map"} else ("id",):
            if values.get(name):
                self.anchors.add(values[name])
        rels = set(values.get("rel", "").lower().split())
        loads = tag in LOADING_TAGS or (tag == "link" and bool(rels & LOADING_RELS))
        if tag == "link" and rels & {"canonical", "alternate"}:
            return  # addresses of this page, not resources or reader links
        if tag == "meta" or (tag == "input" and values.get("type") != "image"):
            return
        for name in LINK_ATTRIBUTES & values.keys():
            self.references.append(Reference(tag, name, values[name].strip(), loads))
        for name in ("srcset", "imagesrcset"):
            for candidate in filter(None, (c.strip() for c in values.get(name, "").split(","))):
                self.references.append(Reference(tag, name, candidate.split()[0], True))


@cache
def _scan(file: Path) -> _PageScan:
    scan = _PageScan()
    scan.feed(file.read_text(encoding="utf-8"))
    return scan


def _target(site: Path, page: Path, path: str) -> Path:
    """The file a reference's path part points to (``""`` is the page itself)."""
    if not path:
        return page
    base = "/" if path.startswith("/") else "/" + page.parent.relative_to(site).as_posix() + "/"
    resolved = posixpath.normpath(posixpath.join(base, unquote(path)))
    target = site / resolved.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def broken_references(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        where = page.relative_to(site).as_posix()
        for ref in _scan(page).references:
            problem = _check(site, page, ref)
            if problem:
                problems.append(f"{where}: <{ref.tag} {ref.attribute}={ref.value!r}> {problem}")
    return problems


def _check(site: Path, page: Path, ref: Reference) -> str | None:
    parts = urlsplit(ref.value)
    if parts.scheme or parts.netloc:
        if ref.loads:
            return "lädt von einem anderen Server"
        if not parts.scheme:
            return "zeigt auf einen anderen Server (Adresse beginnt mit //)"
        return None if parts.scheme in EXTERNAL_LINK_SCHEMES else "unerlaubtes Schema"
    if not parts.path and not parts.fragment:
        return None  # "?q=…" or "": this page
    target = _target(site, page, parts.path)
    if not target.is_file():
        return f"→ fehlt {target.relative_to(site)}"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _scan(target).anchors:
        return f"→ kein Anker #{parts.fragment}"
    return None


def test_no_broken_internal_links(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 100, "die Beispielseite hat weit mehr als 100 Seiten"
    problems = broken_references(built_site)
    assert not problems, f"{len(problems)} kaputte Verweise:\n  " + "\n  ".join(problems[:60])


def test_link_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="da">x</h2><a href="../b/">b</a><a href="#da">ok</a><a href="#weg">kaputt</a>'
        '<img src="/bild.png"><a href="https://example.org/">extern</a><script src="https://cdn.example/x.js"></script>'
        '<a href="javascript:alert(1)">js</a><a href="../index.html#da">ok</a><a href="//impressum/">404</a>',
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text('<p id="da"></p>', encoding="utf-8")
    problems = broken_references(tmp_path)
    assert problems == [
        "a/index.html: <a href='../b/'> → fehlt b/index.html",
        "a/index.html: <a href='#weg'> → kein Anker #weg",
        "a/index.html: <img src='/bild.png'> → fehlt bild.png",
        "a/index.html: <script src='https://cdn.example/x.js'> lädt von einem anderen Server",
        "a/index.html: <a href='javascript:alert(1)'> unerlaubtes Schema",
        "a/index.html: <a href='//impressum/'> zeigt auf einen anderen Server (Adresse beginnt mit //)",
    ]


PAGE_TYPES = (
    "",
    "veranstaltungen/",
    "veranstaltungen/sprechstunde/",
    "vereine/",
    "vereine/heimatverein-herzberg/",
    "orte/",
    "mitmachen/",
    "monate/2026-12/",
    "kalender/",
    "daten/",
    "suche/?q=Garten",
    "melden/veranstaltung/",
    "anlaufstelle/",
    "impressum/",
)


def test_no_page_type_makes_a_request_that_fails(page: Page, site_server: SiteServer) -> None:
    """Every request a page makes while it loads succeeds: a failed one costs a citizen on a slow line
    a round trip for nothing (Material fetched neu/sitemap.xml twice on every page view)."""
    failed: list[tuple[str, str, int]] = []
    page.on(
        "response",
        lambda response: failed.append((page.url, response.url, response.status)) if response.status >= 400 else None,
    )
    for path in PAGE_TYPES:
        page.goto(site_server.url(path))
        page.wait_for_load_state("networkidle")
    assert failed == []
