"""Text as import sources deliver it, made into what a volunteer would write.

Calendars and spreadsheets carry text copied from a website's CMS: HTML (``<p>``, ``<br/>``,
``&amp;``, ``&#8211;``), several e-mail addresses or phone numbers in one field, and placeholder
addresses (``noreply@…``). Both sources (`ical_source`, `csv_records`) use these helpers, so a
description reads the same whichever way it came in.
"""

from __future__ import annotations

import html
import re

from markdownify import markdownify

_HTML = re.compile(r"<(?:p|br|div|span|a|b|i|u|em|strong|ul|ol|li|h[1-6]|table|font)\b", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
_BACKSLASH_BREAK = re.compile(r"[ \t]*\\\n[ \t]*")
_NO_REPLY = re.compile(r"^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon)(?:[+.-][^@]*)?@", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds HTML markup (a tag of the kind CMS texts use)."""
    return bool(_HTML.search(text))


def html_to_markdown(markup: str) -> str:
    """HTML → Markdown: bold, lists and links kept; a line break (``<br>``) becomes a paragraph break.

    Markdown has no line break that reads well in a YAML file (a trailing backslash or two trailing
    spaces); a blank line shows the same separation on the page and is what a volunteer writes.
    Underscores are not escaped: inside a word („Expert_innen“, a file name in a link) they never
    mean emphasis in CommonMark, and ``\\_`` would puzzle whoever edits the file.
    """
    text = markdownify(
        markup,
        heading_style="ATX",
        bullets="-",
        escape_misc=False,
        escape_underscores=False,
        newline_style="backslash",
    )
    return tidy(_BACKSLASH_BREAK.sub("\n\n", text.rstrip().removesuffix("\\")))


def tidy(text: str) -> str:
    """Unix line ends, no trailing spaces, at most one blank line in a row, no blank edges."""
    text = re.sub(r"[ \t\xa0]+\n", "\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def description(text: str) -> str | None:
    """A description as Markdown: HTML converted, entities of plain text (``&amp;``) decoded."""
    if looks_like_html(text):
        return html_to_markdown(text) or None
    return tidy(unescape(text)) or None


def unescape(text: str) -> str:
    """``Sinn &amp; Sein`` → ``Sinn & Sein``, ``&#8211;`` → ``–``; a no-break space becomes a space.

    Only text that holds an entity is decoded, so an ``&`` on its own stays as it is.
    """
    if not _ENTITY.search(text):
        return text
    return html.unescape(text).replace("\xa0", " ")


def is_no_reply(address: str) -> bool:
    """``noreply@…``, ``no-reply@…``, ``donotreply@…``: a sender address nobody reads."""
    return bool(_NO_REPLY.match(address.strip().removeprefix("mailto:").removeprefix("MAILTO:")))


_SEPARATORS = {
    "email": re.compile(r"\s*[\n;,]\s*|\s+"),
    "website": re.compile(r"\s*[\n;]\s*|,\s+|\s+"),
    "phone": re.compile(r"\s*[\n;,]\s*"),
}
"""Between several values of one cell: e-mail addresses and links contain no spaces, so any space
separates them; a phone number has spaces inside („03535 12345“), so only a line break, ``;`` or
``,`` does."""


def split_values(text: str, kind: str) -> list[str]:
    """The values of one cell that holds several e-mail addresses, phone numbers or links, in order.

    Doubles are dropped: the same link with and without ``www.``, ``https`` or a closing slash, the
    same number with other separators.
    """
    values: list[str] = []
    seen: set[str] = set()
    for part in _SEPARATORS[kind].split(text.strip()):
        value = part.strip()
        if kind == "email":
            value = value.removeprefix("mailto:").strip("<>")
        if not value:
            continue
        key = _same_value(value, kind)
        if key not in seen:
            seen.add(key)
            values.append(value)
    return values


def _same_value(value: str, kind: str) -> str:
    if kind == "phone":
        return re.sub(r"\D", "", value.replace("+49", "0"))
    if kind == "website":
        return re.sub(r"^(?:https?://)?(?:www\.)?", "", value.lower()).rstrip("/")
    return value.lower()


def is_placeholder_phone(value: str) -> bool:
    """``0000-000000``: a number of nothing but zeros, which some software writes for „none“."""
    digits = re.sub(r"\D", "", value)
    return bool(digits) and set(digits) == {"0"}
