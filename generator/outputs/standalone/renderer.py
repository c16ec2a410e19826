"""Small standalone HTML documents outside the portal frame: widget, notices, programmes.

The embeddable widget and the printable notices and programmes are not portal pages: no Material
shell, no navigation, no JavaScript, only their own inline CSS (`theme/standalone/*.css`), so
they stay small, load nothing else and look the same on paper. They use the same Jinja filters
and the same per-page helpers (`view`, relative links) as the portal pages.

Each document is compacted (`minify.compact_html`) as it is written, so nothing needs to read
~11,000 of them back to compact them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Template
from markupsafe import Markup

from generator import urls
from generator.derive.catalog import Catalog
from generator.models.site import Site
from generator.outputs import Emit
from generator.outputs.hyphenation import HEADINGS, hyphenate_html
from generator.outputs.minify import compact_html
from generator.outputs.pages.view import ViewHelpers
from generator.outputs.templates import template_environment

TEMPLATES = "standalone"
"""Folder under the theme with the templates and CSS of these documents."""
STYLES = ("print.css", "widget.css")
"""The style sheets there; a template puts one inline with ``{{ styles["print.css"] }}``."""


class StandaloneRenderer:
    def __init__(self, site: Site, catalog: Catalog, theme_dir: Path, emit: Emit):
        self.site = site
        self.catalog = catalog
        self.templates_dir = theme_dir / TEMPLATES
        self.env = template_environment(self.templates_dir)
        self.emit = emit
        self._templates: dict[str, Template] = {}
        # each document inlines its CSS: rendered once here, not included (stat, context) per page
        self.styles = {name: Markup(self.env.get_template(name).render()) for name in STYLES}

    def page(self, url: str, template: str, **context: Any) -> None:
        """Render ``template`` as ``url`` (a folder URL: the file is its index.html)."""
        view = ViewHelpers(self.site, self.catalog, url)
        if template not in self._templates:
            self._templates[template] = self.env.get_template(template)
        html = self._templates[template].render(
            site=self.site,
            town=self.site.town,
            today=self.catalog.today,
            url=url,
            view=view,
            urls=urls,
            styles=self.styles,
            **context,
        )
        path = f"{url}index.html"
        html = hyphenate_html(html, HEADINGS)  # a notice's 34 pt title: "Weih\u00adnachts\u00admarkt"
        self.file(path, compact_html(html.strip() + "\n").encode("utf-8"))

    def file(self, path: str, data: bytes) -> None:
        self.emit(path, data)
