"""Put text written by others into Markdown that GitHub or GitLab renders, without it becoming markup.

Used for everything the generator writes as Markdown: the job summary of `validate`, the
freshness report (an issue body) and the comments on submitted issues. Values there come from
content files and issue forms, i.e. from the public: a title such as ``<script>``,
``[Gewinnspiel](https://…)``, ``@jemand`` or ``${{ secrets.X }}`` must arrive as plain text.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([\\`*_{}\[\]<>#!|~$&])")
_MENTION = re.compile(r"(?<![\w.+-])@")
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")


def escape(text: str) -> str:
    """Text that renders as itself: no emphasis, links, HTML, tables, mentions or maths.

    Line breaks become spaces, so the result fits into a list item or a table cell.
    """
    text = _NEWLINES.sub(" ", text)
    text = _PUNCTUATION.sub(r"\\\1", text)
    # a backslash does not stop GitHub's @-mentions; a zero-width space after "@" does
    return _MENTION.sub("@\u200b", text)


def code(text: str) -> str:
    """An inline code span holding ``text`` verbatim (one line), whatever backticks it contains."""
    text = _NEWLINES.sub(" ", text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{ticks}{padding}{text}{padding}{ticks}"


def fence(text: str, language: str = "") -> str:
    """A fenced code block holding ``text`` verbatim, with a fence longer than any inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    body = text if text.endswith("\n") else text + "\n"
    return f"{ticks}{language}\n{body}{ticks}"
