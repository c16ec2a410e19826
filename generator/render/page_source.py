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
from dataclasses import dataclass
from typing import Any

from generator.render import urls

PLACEHOLDER = "<!-- engagiert:page-body -->"


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
        header = json.dumps(self.meta, ensure_ascii=False)
        heading = f"{self.heading}\n\n" if self.heading else ""
        return f"---\n{header}\n---\n\n{heading}{body}\n"
