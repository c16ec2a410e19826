"""One portal page as rendered by our templates, before MkDocs wraps it in the Material theme.

The body is finished HTML (contributor text already rendered and sanitised). MkDocs never
parses it: MkDocs builds the page from a Markdown file whose body is only ``PLACEHOLDER``,
and the body replaces the placeholder afterwards (`shells.py`). Measured on the bundled
sample, letting Python-Markdown parse our finished HTML cost 2.9 s of a 7 s MkDocs run.
The ``meta`` header carries what the theme puts into <head>: title, description, JSON-LD,
Open Graph.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from generator import urls

PLACEHOLDER = "<!-- engagiert:page-body -->"

_NOT_FOR_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")
"""Characters JSON leaves as they are but YAML refuses in a file (C1 controls, noncharacters) or
reads as line breaks. Content may hold them (YAML's "\\x84" escape, from a text pasted through
Windows-1252); MkDocs then silently drops the whole front matter and prints it as a heading.
Pages in a shared frame never showed it, as their values are filled in afterwards."""


@dataclass(frozen=True)
class PageSource:
    url: str
    """Site-relative URL with trailing slash (`veranstaltungen/x/`; the start page is ``""``)."""
    meta: dict[str, Any]
    """Front matter for MkDocs; strings already HTML-escaped (Material prints them unescaped): `of`."""
    body: str
    heading: str = ""
    """The page's own <h1> (HTML), when it differs from the title Material would print."""

    @classmethod
    def of(
        cls,
        url: str,
        title: str,
        description: str,
        hide: list[str],
        og: dict[str, str],
        jsonld: str | None,
        body: str,
        own_heading: str | None = None,
    ) -> PageSource:
        """A page from plain text: Material prints ``title`` and ``description`` unescaped (into <title>,
        <h1> and attributes), so they arrive HTML-escaped and on one line (`shells` fills values in
        line by line). ``own_heading`` replaces the <h1> Material would make of the title."""
        meta: dict[str, Any] = {
            "title": _one_line(escape(title)),
            "description": _one_line(escape(description)),
            "hide": hide,
            "og": og,
        }
        if jsonld is not None:
            meta["jsonld"] = jsonld
        heading = f"<h1>{escape(own_heading)}</h1>" if own_heading else ""
        return cls(url, meta, body.strip(), heading)

    @property
    def source_file(self) -> str:
        """The Markdown file in MkDocs' docs_dir that produces the page."""
        return urls.source_file(self.url)

    @property
    def output_file(self) -> str:
        """The built page inside the site: `vereine/x/index.html`."""
        return self.source_file.removesuffix(".md") + ".html"

    def markdown(self, body: str = PLACEHOLDER) -> str:
        """What MkDocs reads. JSON is YAML, and json.dumps is ~50× faster than PyYAML's emitter."""
        header = _NOT_FOR_YAML.sub(_escaped, json.dumps(self.meta, ensure_ascii=False))
        heading = f"{self.heading}\n\n" if self.heading else ""
        return f"---\n{header}\n---\n\n{heading}{body}\n"


def _escaped(character: re.Match[str]) -> str:
    """The JSON escape, which YAML reads the same way."""
    return f"\\u{ord(character[0]):04x}"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())  # str: Markup.split escapes and wraps every part again
