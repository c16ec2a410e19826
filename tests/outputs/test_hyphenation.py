"""Soft hyphens in long German words: where they go, where they never go, and what they cost."""

from __future__ import annotations

import re

import pytest

from generator.outputs.hyphenation import (
    EDGE_LETTERS,
    HEADINGS,
    INNER_LETTERS,
    MIN_LETTERS,
    MIN_LETTERS_TEXT,
    SOFT_HYPHEN,
    hyphenate_html,
    hyphenate_text,
    hyphenate_word,
    without_soft_hyphens,
)
from generator.outputs.search.pagefind import search_document

SHY = SOFT_HYPHEN


def shown(text: str) -> str:
    """Soft hyphens made visible as "~" for readable expectations."""
    return text.replace(SHY, "~")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Sonntagsgottesdienst", "Sonn~tags~got~tes~dienst"),
        ("Experimentalphysik", "Expe~ri~men~tal~phy~sik"),
        # pyphen's patterns break "Freiwillige|n|agentur" around the "n": one break, the compound's
        ("Freiwilligenagentur", "Frei~wil~li~gen~agen~tur"),
        ("Anlaufstelle", "Anlauf~stelle"),
    ],
)
def test_long_words_get_soft_hyphens_at_syllables(word: str, expected: str) -> None:
    assert shown(hyphenate_word(word)) == expected


def test_short_words_stay_whole() -> None:
    assert hyphenate_word("Weihnachten") == "Weihnachten"  # 11 letters
    assert len("Weihnachten") < MIN_LETTERS


@pytest.mark.parametrize(
    "word",
    ["Stadtverordnetenversammlung", "Behindertengleichstellungsgesetz", "Feuerwehrgerätehaus", "Dorfgemeinschaftshaus"],
)
def test_no_break_leaves_a_stub(word: str) -> None:
    parts = hyphenate_word(word).split(SHY)
    assert len(parts) > 1
    assert len(parts[0]) >= EDGE_LETTERS and len(parts[-1]) >= EDGE_LETTERS
    assert all(len(part) >= INNER_LETTERS for part in parts)
    assert "".join(parts) == word


def test_headings_from_twelve_letters_running_text_from_eighteen() -> None:
    html = "<h2>Anlaufstelle</h2><p>Die Anlaufstelle berät zur Gebärdensprachdolmetschung.</p>"
    assert shown(hyphenate_html(html, HEADINGS)) == (
        "<h2>Anlauf~stelle</h2><p>Die Anlaufstelle berät zur Gebär~den~sprach~dol~met~schung.</p>"
    )
    assert len("Anlaufstelle") == MIN_LETTERS and len("Gebärdensprachdolmetschung") >= MIN_LETTERS_TEXT
    assert shown(hyphenate_text("Anlaufstelle", narrow=False)) == "Anlaufstelle"
    assert shown(hyphenate_text("Anlaufstelle")) == "Anlauf~stelle"


@pytest.mark.parametrize(
    "html",
    [
        '<h1 title="Sonntagsgottesdienst" data-x="Sonntagsgottesdienstordnung">x</h1>',  # attributes
        "<h1><code>Sonntagsgottesdienst</code></h1>",
        "<pre>\nSonntagsgottesdienstordnung\n</pre>",
        '<script type="application/ld+json">{"name": "Sonntagsgottesdienstordnung"}</script>',
        "<style>.Sonntagsgottesdienstordnung{}</style>",
        "<title>Sonntagsgottesdienstordnung</title>",
        "<form><label>Sonntagsgottesdienstordnung</label><option>Sonntagsgottesdienstordnung</option></form>",
        "<h2>stadtverwaltung@example.org</h2>",  # e-mail address
        "<h2>https://example.org/veranstaltungen/sonntagsgottesdienst/</h2>",  # web address
        "<h2>engagiert-herzberg.example.org/sonntagsgottesdienst</h2>",
        "<h2>Datei sonntagsgottesdienst_plan.pdf</h2>",
        "<h2>&CounterClockwiseContourIntegral;</h2>",  # an entity's name
    ],
)
def test_never_in_markup_code_forms_or_addresses(html: str) -> None:
    assert hyphenate_html(html, HEADINGS) == html


def test_words_next_to_punctuation_and_entities_are_hyphenated() -> None:
    html = "<h2>„Sonntagsgottesdienst“, (Sonntagsgottesdienst) &quot;Sonntagsgottesdienst&quot;.</h2>"
    assert hyphenate_html(html, HEADINGS).count(SHY) == 3 * 4
    assert without_soft_hyphens(hyphenate_html(html, HEADINGS)) == html


def test_inline_markup_inside_a_heading() -> None:
    html = '<h3><a href="../sonntagsgottesdienst/">Sonntagsgottesdienst</a> <em>Experimentalphysik</em></h3>'
    assert shown(hyphenate_html(html, HEADINGS)) == (
        '<h3><a href="../sonntagsgottesdienst/">Sonn~tags~got~tes~dienst</a> <em>Expe~ri~men~tal~phy~sik</em></h3>'
    )


def test_only_soft_hyphens_are_added() -> None:
    """Taking them out gives the input back, character for character, for any text."""
    text = (
        "<h1>Rehasport und Wirbelsäulengymnastik</h1><p>Weihnachtsbaumverbrennen in Friedersdorf, "
        "Jahreshauptversammlung, Dienstagvormittag – Überraschungsgästen, straße@x.de, Ölmühlenstraßenfest</p>"
    )
    hyphenated = hyphenate_html(text, HEADINGS)
    assert hyphenated != text
    assert without_soft_hyphens(hyphenated) == text
    assert re.sub("[^\u00ad]", "", hyphenated) == SHY * hyphenated.count(SHY)


def test_the_search_index_reads_pages_without_soft_hyphens() -> None:
    """Pagefind gets "Sonntagsgottesdienst" as one word: the query finds it, the result shows it whole."""
    html = hyphenate_html(
        '<html lang="de"><body><article><h1>Sonntagsgottesdienst</h1>'
        "<div data-pagefind-body><p>Gebärdensprachdolmetschung</p></div></article></body></html>",
        HEADINGS,
    )
    assert SHY in html
    document = search_document(html)
    assert document is not None
    assert SHY not in document
    assert "<h1>Sonntagsgottesdienst</h1>" in document and "Gebärdensprachdolmetschung" in document
