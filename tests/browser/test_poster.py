"""The A4 poster (`veranstaltungen/<id>/aushang/`) in Chromium: one printed page whatever the title,
and on a phone a title that wraps between words, never inside one ("Herzber/ger Weihna/chtsmar/kt")."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator import urls
from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.outputs.standalone.printouts import CHAR_WIDTH, SHEET_WIDTH_PT, title_size, write_posters
from generator.outputs.standalone.renderer import StandaloneRenderer
from generator.project import Project

ROOT = Path(__file__).resolve().parents[2]
LONG_TITLE = (
    "Großes Fest der Vereine & Flohmarkt „Herzberg hilft“ mit Musik, Kaffee und Kuchen, Vorführungen der "
    "Feuerwehr, Tombola für den guten Zweck, Kinderschminken, Hüpfburg, Ponyreiten und Lesungen im "
    "Gemeindehaus – für Jung und Alt, bei jedem Wetter"
)[:240]
LONG_TEXT = "Ein langer Text über das Fest, der nicht auf ein Blatt passt. " * 60


@pytest.fixture(scope="module")
def posters(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The sample's posters for the Weihnachtsmarkt (hours), its longest title (a series) and the
    same two with a 240-character title and a long description, written as the build writes them."""
    site, _ = load_site(Project(ROOT))
    assert site is not None
    longest = max(site.events.values(), key=lambda record: len(record.data.title))
    chosen = ["weihnachtsmarkt-2026", longest.id]
    for event_id in list(chosen):
        record = site.events[event_id]
        long_id = f"{event_id}-lang"
        data = record.data.model_copy(update={"title": LONG_TITLE, "description": f"{LONG_TEXT}\n\n{LONG_TEXT}"})
        site.events[long_id] = dataclasses.replace(record, id=long_id, data=data)
        chosen.append(long_id)
    out = tmp_path_factory.mktemp("posters")
    catalog = Catalog.build(site, date(2026, 12, 1))

    def emit(path: str, data: bytes) -> None:
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)

    write_posters(StandaloneRenderer(site, catalog, ROOT / "theme", emit), chosen)
    return out, {
        "markt": chosen[0],
        "längster Titel": chosen[1],
        "markt, 240 Zeichen": chosen[2],
        "Reihe, 240 Zeichen": chosen[3],
    }


def _poster(posters: tuple[Path, dict[str, str]], name: str) -> str:
    out, ids = posters
    return (out / urls.poster(ids[name]) / "index.html").as_uri()


@pytest.mark.parametrize("name", ["markt", "längster Titel", "markt, 240 Zeichen", "Reihe, 240 Zeichen"])
def test_a_poster_prints_on_one_a4_page(browser: Browser, posters, name: str):
    page = browser.new_page()
    page.goto(_poster(posters, name))
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, name


@pytest.mark.parametrize("width", [320, 360, 1280])
@pytest.mark.parametrize("name", ["markt", "markt, 240 Zeichen"])
def test_the_title_wraps_between_words_only(browser: Browser, posters, name: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(_poster(posters, name))
    split = page.evaluate(
        """() => {
        const h1 = document.querySelector('h1');
        const words = h1.textContent.split(' ');
        h1.innerHTML = words.map(w => `<span>${w.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</span>`).join(' ');
        return [...h1.querySelectorAll('span')].filter(s => s.getClientRects().length > 1).map(s => s.textContent);
    }"""
    )
    overflow = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert split == [], (width, split)
    assert overflow <= width


def test_the_size_follows_the_length_and_the_longest_word_fits_the_sheet():
    assert title_size("Chorprobe").print == 60
    assert title_size(LONG_TITLE).print == 24
    market = title_size("Herzberger Weihnachtsmarkt")
    assert len("Weihnachtsmarkt") * CHAR_WIDTH * market.print <= SHEET_WIDTH_PT
    assert market.print < 52  # the length alone would allow 52 pt
