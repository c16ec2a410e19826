"""The finished page's article: soft hyphens in long words, a mark on long titles; nothing else changes."""

from __future__ import annotations

from generator.outputs.frame.typeset import LONG_TITLE, LONG_TITLE_CLASS, title_text, typeset
from generator.outputs.hyphenation import SOFT_HYPHEN, without_soft_hyphens

HEAD = (
    "<!doctype html><html lang=de><head><title>Sonntagsgottesdienst in St. Marien</title>"
    '<meta property="og:title" content="Sonntagsgottesdienst in St. Marien">'
    '<script type="application/ld+json">{"name": "Sonntagsgottesdienst in St. Marien"}</script></head><body>'
    '<header class="md-header"><span class="md-ellipsis">Sonntagsgottesdienst in St. Marien</span></header>'
)


def page(heading: str, body: str = "") -> str:
    return f'{HEAD}<article class="md-content__inner md-typeset"><h1>{heading}</h1>{body}</article></body></html>'


def test_only_the_article_is_hyphenated() -> None:
    built = typeset(page("Sonntagsgottesdienst in St. Marien", "<p>Gebärdensprachdolmetschung</p>"))
    head, article = built.split("<article", 1)
    assert head == HEAD  # <title>, meta, JSON-LD and the header's title as they were
    assert SOFT_HYPHEN not in head
    assert "<h1>Sonn\u00adtags\u00adgot\u00adtes\u00addienst in St. Marien</h1>" in article
    assert "Gebär\u00adden\u00adsprach\u00addol\u00admet\u00adschung" in article


def test_a_page_without_article_stays_as_it_is() -> None:
    html = "<html><body><h1>Sonntagsgottesdienst</h1></body></html>"
    assert typeset(html) == html


def test_long_titles_get_the_smaller_heading() -> None:
    short = "Adventskonzert des Blasorchesters"
    long = ("Großes Benefizkonzert des Blasorchesters Herzberg zugunsten der Kinder- und Jugendarbeit " * 3)[:240]
    assert f'<h1 class="{LONG_TITLE_CLASS}">' in typeset(page(long))
    assert "<h1>" in typeset(page(short))
    exactly = "x" * (LONG_TITLE - 1)
    assert "<h1>" in typeset(page(exactly))
    assert f'<h1 class="{LONG_TITLE_CLASS}">' in typeset(page(exactly + "y"))


def test_the_length_of_a_title_is_what_it_reads() -> None:
    """Entities, tags and soft hyphens do not make a title long."""
    assert title_text("Kaffee &amp; <em>Kuchen</em>\u00ad  am Fluss") == "Kaffee & Kuchen am Fluss"
    many_entities = "&amp;" * 30  # 150 characters of HTML, 30 of text
    assert "<h1>" in typeset(page(many_entities))


def test_a_heading_with_a_class_keeps_it() -> None:
    html = page("x").replace("<h1>x</h1>", f'<h1 id="t" class="own">{"Wort " * 20}</h1>')
    assert f'<h1 id="t" class="{LONG_TITLE_CLASS} own">' in typeset(html)


def test_typeset_adds_only_soft_hyphens_and_the_class() -> None:
    original = page("Weihnachtsbaumverbrennen in Friedersdorf " * 3, "<p>Stadtverordnetenversammlung</p>")
    built = typeset(original)
    assert without_soft_hyphens(built).replace(f' class="{LONG_TITLE_CLASS}"', "") == original
