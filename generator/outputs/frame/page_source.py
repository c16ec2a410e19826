"""One portal page as rendered by our templates, before MkDocs wraps it in the Material theme.

The body is finished HTML (contributor text already rendered and sanitised). MkDocs never
parses it: MkDocs builds the page from a Markdown file whose body is only ``PLACEHOLDER``,
and the body replaces the placeholder afterwards (`shells.py`). Measured on the Herzberg
sample, letting Python-Markdown parse our finished HTML cost 2.9 s of a 7 s MkDocs run.
The ``meta`` header carries what the theme puts into <head>: title, description, JSON-LD,
Open Graph.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

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
    """Front matter for MkDocs; strings already HTML-escaped (Material prints them unescaped)."""
    body: str
    heading: str = ""
    """The page's own <h1> (HTML), when it differs from the title Material would print."""

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
