"""The last touch on a finished page's article: soft hyphens in long words, a smaller long title.

Both need the page as a citizen gets it: the <h1> is Material's (made from the title, also in
shared frames), the body is ours. Only the <article> changes; <head> (title, meta, JSON-LD), the
header, menus and footer stay as they are.
"""

from __future__ import annotations

import html as html_lib
import re

from generator.outputs.hyphenation import HEADINGS, hyphenate_html, without_soft_hyphens

LONG_TITLE = 70
"""Characters from which a title gets the smaller heading (`eg-title--long` in portal.css): a
240-character title in the usual size fills a phone's first screen on its own."""
LONG_TITLE_CLASS = "eg-title--long"

NARROW = re.compile(
    HEADINGS.pattern + r'|<(table|ul) class="(?:eg-calendar|eg-tiles|eg-cards)\b.*?</\2>',  # month's days, tiles, cards
    re.DOTALL,
)
"""Where words from `hyphenation.MIN_LETTERS` letters get soft hyphens (elsewhere longer ones only)."""
_H1 = re.compile(r"<h1\b([^>]*)>(.*?)</h1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")


def typeset(page: str) -> str:
    """``page`` (finished HTML) with its article's long words hyphenated and a long <h1> marked."""
    start, end = page.find("<article"), page.rfind("</article>")
    if start < 0 or end < start:
        return page
    article = _mark_long_title(hyphenate_html(page[start:end], NARROW))
    return page[:start] + article + page[end:]


def _mark_long_title(article: str) -> str:
    heading = _H1.search(article)
    if heading is None or len(title_text(heading.group(2))) < LONG_TITLE:
        return article
    attributes = heading.group(1)
    if 'class="' in attributes:
        attributes = attributes.replace('class="', f'class="{LONG_TITLE_CLASS} ', 1)
    else:
        attributes += f' class="{LONG_TITLE_CLASS}"'
    return f"{article[: heading.start()]}<h1{attributes}>{article[heading.start(2) :]}"


def title_text(heading_html: str) -> str:
    """What a heading's HTML reads as: no tags, entities resolved, no soft hyphens, spaces collapsed."""
    text = html_lib.unescape(_TAGS.sub("", heading_html))
    return " ".join(without_soft_hyphens(text).split())
