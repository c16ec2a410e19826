"""Put the generated page bodies into the pages MkDocs has built.

MkDocs builds each page from a Markdown file whose body is only a
placeholder; the real body — HTML rendered by our templates, with contributor
text already sanitised — replaces the placeholder afterwards. Measured on the
Herzberg sample (312 pages), letting Python-Markdown parse our finished HTML
cost 2.9 s of a 7 s MkDocs run; the placeholder costs nothing. MkDocs and
Material still render the whole page shell (head, header, navigation, footer).
"""

from __future__ import annotations

from pathlib import Path

from generator.render.minify import compact_html

PLACEHOLDER = "<!-- engagiert:page-body -->"


class MissingBodyError(RuntimeError):
    """A built page lost its placeholder: a theme override dropped `page.content`."""


def output_path(source_file: str) -> str:
    """`vereine/x/index.md` → `vereine/x/index.html` (all generated pages are `index.md`)."""
    return source_file.removesuffix(".md") + ".html"


def inject_bodies(site_dir: Path, bodies: dict[str, str]) -> set[Path]:
    """Fill every page and compact it in the same pass; returns the pages written."""
    written = set()
    for source_file, body in bodies.items():
        path = site_dir / output_path(source_file)
        html = path.read_text(encoding="utf-8")
        if PLACEHOLDER not in html:
            raise MissingBodyError(f"{path}: placeholder for the page body not found")
        path.write_text(compact_html(html.replace(PLACEHOLDER, body, 1)), encoding="utf-8")
        written.add(path)
    return written
