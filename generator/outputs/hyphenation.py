"""Soft hyphens in long German words, so a word too long for its line breaks at a syllable, with a hyphen.

Without them a browser breaks such a word anywhere ("Sonntagsgottesd|ienst": Material's
`overflow-wrap`) or lets it stick out of the screen. CSS `hyphens: auto` would do it, but only
where the browser has a German dictionary: Safari and Firefox have one, Chrome on Android and
macOS too, Chromium on Linux and many desktop builds have none. A soft hyphen (U+00AD) works in
every browser: it is invisible unless the line breaks there.

Only long words get break points, where a line may be too short for them on a 320 px screen:
in headings and narrow boxes (`narrow`) words of `MIN_LETTERS` letters (a phone's first-level
heading holds about 14), in running text words of `MIN_LETTERS_TEXT` (a line of a list's titles
holds about 21, of body text about 25). That keeps the cost small: 2 bytes a break; on the
sample's event list +221 bytes of gzip (+1.7 %), where one limit of 12 for all text cost +678.

Addresses (e-mail, web, file names) are left alone; so are code, scripts, forms (their labels
end up in messages and e-mails), and attribute values. The break points come
from pyphen's German patterns (the TeX / LibreOffice ones that browsers use too).

Soft hyphens are characters: the search index gets the page without them
(`search.pagefind.search_document`), copying text in the browser leaves them out
(`theme/assets/portal.js`), and <title>, meta tags, JSON-LD, feeds and exports never pass here.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import pyphen

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 12
MIN_LETTERS_TEXT = 18
EDGE_LETTERS = 3
"""Letters a break leaves at least at the start and at the end of a word ("Sonn-", "-dienst")."""
INNER_LETTERS = 2
"""Letters at least between two breaks ("-ge-" is a syllable, "-n-" a pattern's hiccup)."""

HEADINGS = re.compile(r"<(h[1-6])\b.*?</\1>", re.DOTALL)
"""Headings: large letters, so words from `MIN_LETTERS` letters get soft hyphens (a ``narrow`` pattern)."""

_SKIPPED = ("script", "style", "pre", "code", "kbd", "samp", "textarea", "select", "svg", "form", "title")
_SKIPPED_ELEMENTS = re.compile(
    rf"<({'|'.join(_SKIPPED)})\b.*?</\1\s*>|<(h[1-6])\b[^>]*\bdata-fitted\b.*?</\2\s*>", re.DOTALL | re.IGNORECASE
)
"""Code and form controls, and headings whose size is fitted to their longest word (the A4 notice's
title, `printouts.title_size`): those wrap between words only."""
_LONG_RUN = re.compile(rf"(?<![&\w])[^\W\d_]{{{MIN_LETTERS},}}")
"""A run of letters long enough to hyphenate (not an entity name such as `&CounterClockwise…;`)."""
_TOKEN_EDGE = re.compile(r"[\s<>]")
_ADDRESS_MARKS = re.compile(r"[@/\\:=_.%+~]")
"""A word with one of these inside (not at its end) is an address or a name in code, never hyphenated."""
_TRAILING = ".,;:!?…)]}\"'“”‘’»«"

_dictionary = pyphen.Pyphen(lang="de_DE", left=EDGE_LETTERS, right=EDGE_LETTERS)


@lru_cache(maxsize=65536)
def hyphenate_word(word: str) -> str:
    """``word`` with soft hyphens at its syllable breaks (pyphen's positions, tidied)."""
    if len(word) < MIN_LETTERS:
        return word
    breaks: list[int] = []
    for position in _dictionary.positions(word):
        if breaks and position - breaks[-1] < INNER_LETTERS:
            breaks[-1] = position  # of two close breaks the later one, which is where compounds join
        else:
            breaks.append(position)
    if breaks and len(word) - breaks[-1] < EDGE_LETTERS:
        breaks.pop()
    parts = [word[start:end] for start, end in zip([0, *breaks], [*breaks, len(word)], strict=True)]
    return SOFT_HYPHEN.join(parts)


def hyphenate_text(text: str, narrow: bool = True) -> str:
    """Plain text with soft hyphens in its long words (addresses left alone); ``narrow``: for a
    heading or a narrow box (`MIN_LETTERS`), else for running text (`MIN_LETTERS_TEXT`)."""
    return _hyphenate(text, None, [0, len(text)] if narrow else [])


def hyphenate_html(html: str, narrow: re.Pattern[str] | None = None) -> str:
    """``html`` with soft hyphens in the long words of its text (outside tags and skipped elements);
    ``narrow`` matches the elements (whole) where words from `MIN_LETTERS` letters get them."""
    if _LONG_RUN.search(html) is None:
        return html
    return _hyphenate(html, _spans(_SKIPPED_ELEMENTS, html), _spans(narrow, html) if narrow else [])


def _spans(pattern: re.Pattern[str], html: str) -> list[int]:
    """start, end, start, end, … of the matches of ``pattern``: `bisect` tells whether a position is inside."""
    return [position for match in pattern.finditer(html) for position in match.span()]


def _hyphenate(html: str, skipped: list[int] | None, narrow: list[int]) -> str:
    """Soft hyphens in the long runs of letters; ``skipped`` is None for plain text, else spans."""
    out: list[str] = []
    done = 0
    for run in _LONG_RUN.finditer(html):
        start, end = run.span()
        if end - start < MIN_LETTERS_TEXT and not bisect.bisect_right(narrow, start) % 2:
            continue
        if skipped is not None and (bisect.bisect_right(skipped, start) % 2 or _in_tag(html, start)):
            continue
        if _in_address(html, start, end):
            continue
        out += [html[done:start], hyphenate_word(run.group())]
        done = end
    out.append(html[done:])
    return "".join(out)


def _in_tag(html: str, position: int) -> bool:
    return html.rfind("<", 0, position) > html.rfind(">", 0, position)


def _in_address(html: str, start: int, end: int) -> bool:
    """Whether the letters at start:end belong to a word with an address mark inside it."""
    before = html[max(0, start - 200) : start]
    edges = list(_TOKEN_EDGE.finditer(before))
    token_start = edges[-1].end() if edges else 0
    after = html[end : end + 200]
    edge = _TOKEN_EDGE.search(after)
    token = before[token_start:] + "x" + (after[: edge.start()] if edge else after)
    return _ADDRESS_MARKS.search(token.rstrip(_TRAILING)) is not None


def without_soft_hyphens(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "")
