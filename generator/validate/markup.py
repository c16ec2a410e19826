"""HTML tags and character entities in free text, and what to write instead.

Descriptions pasted from old websites carry ``<br>``, ``<p>`` and ``&amp;``. The portal renders
Markdown with raw HTML switched off, so the tags would appear as literal text on the pages and
travel raw into the calendar feeds and exports. This module finds them and words, in German,
the Markdown (or plain character) to write instead.

Only real markup counts: a tag is ``<name …>``/``</name>`` with a known HTML element name (or
any name with an ``attribute=`` inside), so "Kinder <10 Jahre", "3 < 5", "<Name>" and Markdown
autolinks such as ``<info@example.org>`` stay text; an entity is a named HTML entity or a
numeric reference ending in ``;``, so "Kaffee & Kuchen" and "AT&T" stay text. In Markdown,
code spans, fenced code blocks and backslash-escaped characters are left alone: there the
author shows markup on purpose.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.entities import html5

from generator.models.fields import TextKind

MAX_NAMED = 3
"""How many distinct tags/entities one message names; the rest are counted."""


@dataclass(frozen=True)
class Markup:
    """One tag or entity found in a text."""

    key: str
    """What makes two findings "the same" (the element name or the entity as written)."""
    shown: str
    """How the message quotes it: as written, attributes shortened to „…“."""
    offset: int
    """Where it starts in the text."""
    written: str
    """The exact characters in the text, for finding it in the file."""


_ELEMENTS = frozenset({
    "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi",
    "bdo", "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code",
    "col", "colgroup", "data", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed",
    "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
    "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend",
    "li", "link", "main", "mark", "marquee", "menu", "meta", "meter", "nav", "nobr", "noscript", "object", "ol",
    "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s",
    "samp", "script", "section", "select", "small", "source", "span", "strike", "strong", "style", "sub",
    "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time",
    "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "o:p",
})  # fmt: skip
"""HTML element names (plus Word's ``<o:p>``); other words in angle brackets are text."""

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*(?::[A-Za-z]+)?)((?:\s[^<>]*)?)/?>")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CODE_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[`~]*[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def find_markup(text: str, kind: TextKind) -> list[Markup]:
    """Every tag, HTML comment and entity in ``text``, in order of appearance."""
    if "<" not in text and "&" not in text:  # the common case, checked for every text of every file
        return []
    if kind is TextKind.MARKDOWN:
        text = _without_code(text)
    found = [*_tags(text, kind), *_comments(text), *_entities(text, kind)]
    return sorted(found, key=lambda markup: markup.offset)


def _without_code(text: str) -> str:
    """``text`` with code blocks and spans blanked out (same length, so offsets stay valid)."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    return _CODE_SPAN.sub(blank, _CODE_FENCE.sub(blank, text))


def _escaped(text: str, offset: int, kind: TextKind) -> bool:
    """A Markdown backslash escape (``\\<br>``, ``\\&amp;``) shows the characters on purpose."""
    return kind is TextKind.MARKDOWN and offset > 0 and text[offset - 1] == "\\"


def _tags(text: str, kind: TextKind) -> list[Markup]:
    found = []
    for match in _TAG.finditer(text):
        closing, name, attributes = match.groups()
        element = name.lower()
        if element not in _ELEMENTS and "=" not in attributes:
            continue
        if _escaped(text, match.start(), kind):
            continue
        shown = _shown_tag(closing, name, attributes) or match.group()
        found.append(Markup(element, shown, match.start(), match.group()))
    return found


def _shown_tag(closing: str, name: str, attributes: str) -> str:
    """``<a href=…>`` for a tag with attributes (their values can be long), else ""."""
    first = re.match(r"[\s/]*([^\s=/>]+)(\s*=)?", attributes)
    if first is None:
        return ""
    return f"<{closing}{name} {first.group(1)}=…>" if first.group(2) else f"<{closing}{name} …>"


def _comments(text: str) -> list[Markup]:
    return [Markup("<!--", "<!-- … -->", m.start(), "<!--") for m in _COMMENT.finditer(text)]


def _entities(text: str, kind: TextKind) -> list[Markup]:
    found = []
    for match in _ENTITY.finditer(text):
        entity = match.group()
        if not entity.startswith("&#") and entity[1:] not in html5:
            continue  # "&Co;" is no entity
        if _escaped(text, match.start(), kind):
            continue
        found.append(Markup(entity, entity, match.start(), entity))
    return found


# --- the German message -------------------------------------------------------------------

_INTRO = (
    "Hier steht HTML-Code, wohl aus einer Webseite kopiert. Das Portal zeigt ihn nicht als "
    "Formatierung, sondern als Zeichen an."
)
_LINE_NOTE = " Dieses Feld kennt keine Formatierung."

_MARKDOWN_TAGS = {
    "br": "eine Leerzeile oder zwei Leerzeichen am Zeilenende",
    "p": "eine Leerzeile zwischen den Absätzen",
    "div": "eine Leerzeile zwischen den Absätzen",
    "b": "**fett** (zwei Sternchen davor und danach)",
    "strong": "**fett** (zwei Sternchen davor und danach)",
    "i": "*kursiv* (ein Sternchen davor und danach)",
    "em": "*kursiv* (ein Sternchen davor und danach)",
    "u": "**fett** (Unterstreichen gibt es nicht)",
    "s": "~~durchgestrichen~~",
    "strike": "~~durchgestrichen~~",
    "del": "~~durchgestrichen~~",
    "a": "[Linktext](https://…)",
    "ul": "Zeilen, die mit „- “ beginnen",
    "ol": "Zeilen, die mit „1. “, „2. “ … beginnen",
    "li": "eine Zeile, die mit „- “ beginnt",
    "hr": "eine eigene Zeile „***“",
    "blockquote": "„> “ am Zeilenanfang",
    "img": "löschen (Bilder sind im Text nicht möglich)",
    "table": "eine Tabelle aus Zeilen wie „| A | B |“",
    "tr": "eine Tabelle aus Zeilen wie „| A | B |“",
    "td": "eine Tabelle aus Zeilen wie „| A | B |“",
    "th": "eine Tabelle aus Zeilen wie „| A | B |“",
}
_HEADINGS = {f"h{level}": "„" + "#" * level + " “ am Zeilenanfang" for level in range(1, 7)}
_DELETE = "löschen (den Text dazwischen behalten)"
_WHOLE = "löschen, mit allem bis zum schließenden Tag"
_WHOLE_ELEMENTS = frozenset({"script", "style", "iframe", "noscript", "template", "object", "svg"})
"""Elements whose content is code or a foreign page, not text worth keeping."""
_EMPTY_ELEMENTS = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "col", "area", "source", "track"})

_CHARACTER_WORDS = {
    "\u00a0": "ein Leerzeichen",
    "\u2009": "ein Leerzeichen",
    "\u202f": "ein Leerzeichen",
    "\u00ad": "löschen",
    "\u200b": "löschen",
    "\n": "ein Zeilenumbruch",
    "\r": "löschen",
    "\t": "ein Leerzeichen",
}


def replacement(markup: Markup, kind: TextKind) -> str:
    """What to write instead of ``markup``, in German."""
    if markup.key.startswith("&"):
        character = html.unescape(markup.written)
        return _CHARACTER_WORDS.get(character) or f"„{character}“"
    if markup.key in _WHOLE_ELEMENTS:
        return _WHOLE
    if markup.key == "<!--" or (kind is TextKind.LINE and markup.key in _EMPTY_ELEMENTS):
        return "löschen"
    if kind is TextKind.LINE:
        return _DELETE
    return _MARKDOWN_TAGS.get(markup.key) or _HEADINGS.get(markup.key) or _DELETE


def markup_message(found: list[Markup], kind: TextKind) -> str:
    """One message for a field: the first few distinct tags/entities and what replaces each."""
    distinct: dict[str, Markup] = {}
    for markup in found:
        distinct.setdefault(markup.key, markup)
    named = list(distinct.values())[:MAX_NAMED]
    items = "; ".join(f"„{markup.shown}“ → {replacement(markup, kind)}" for markup in named)
    more = len(distinct) - len(named)
    rest = f" (und {more} weitere)" if more else ""
    note = _LINE_NOTE if kind is TextKind.LINE else ""
    return f"{_INTRO}{note} Schreiben Sie stattdessen: {items}{rest}."
