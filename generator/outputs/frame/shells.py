"""Page shells: MkDocs and Material build the frame of every page; our bodies go inside.

Material renders its whole frame (head, header, tabs, navigation, footer) for every page, which
costs about 6 ms a page: 72 s of a 186 s build at 10,000 events. Yet two pages in the same
folder that are not in the navigation get the same frame except for a few values taken from
the page's front matter (title, description, Open Graph, JSON-LD) and the last segment of its
URL. So MkDocs builds

* the pages of the navigation, the top-level pages and every page with its own heading, as
  usual ("direct"); the frame itself links to top-level pages (search box, legal links in the
  footer), and a page's link to itself comes out as `./`, so those frames differ, and
* for each group of frame-alike pages in a section folder, one *prototype* whose values are
  marker words. A folder may hold several groups (pages with and without a picture have
  different frames: og:image), so each prototype has its own last URL segment, itself a marker
  (`_engagiert_page_0_`, `_engagiert_page_1_`, …).

Every other page is its prototype with the markers replaced by its own values. The markers
contain "_", which no record id may contain, so they cannot collide with content. Values are
single-line (`PageRenderer` collapses whitespace), so compacting the frame before or after
filling it in gives the same bytes; `tests/outputs/frame/test_shells.py` builds the sample both ways
and compares every page byte for byte.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.outputs.frame.page_source import PLACEHOLDER, PageSource
from generator.outputs.frame.typeset import typeset
from generator.outputs.minify import compact_html
from generator.progress import Stage

_MARKERS = re.compile(r"_engagiert_(page_\d+|value_\d+)_")


def page_marker(number: int) -> str:
    """The last URL segment of a folder's ``number``th prototype; stands for its members' segments."""
    return f"_engagiert_page_{number}_"


class ShellError(RuntimeError):
    """A built page lost its placeholder: a theme override dropped `page.content`."""


@dataclass
class Prototype:
    """Stands for ``members``: pages in one folder whose front matter has the same shape."""

    page: PageSource
    members: list[tuple[PageSource, list[str]]] = field(default_factory=list)
    """Each member page with its front-matter values, in marker order."""


@dataclass
class ShellPlan:
    direct: list[PageSource]
    prototypes: list[Prototype]

    @classmethod
    def of(cls, pages: Sequence[PageSource], nav_urls: set[str], share: bool = True) -> ShellPlan:
        """Group ``pages``; with ``share=False`` MkDocs builds every page itself (the reference)."""
        direct: list[PageSource] = []
        groups: dict[tuple[str, str], tuple[dict[str, Any], list[tuple[PageSource, list[str]]]]] = {}
        for page in pages:
            folder = page.url.rstrip("/").rpartition("/")[0]
            if not share or not folder or page.url in nav_urls or page.heading:
                direct.append(page)
                continue
            skeleton, values = _skeleton(page.meta)
            groups.setdefault((folder, repr(skeleton)), (skeleton, []))[1].append((page, values))
        prototypes: list[Prototype] = []
        in_folder: dict[str, int] = {}
        for (folder, _), (skeleton, members) in groups.items():
            if len(members) == 1:  # a prototype would cost as much as the page itself
                direct.append(members[0][0])
                continue
            number = in_folder[folder] = in_folder.get(folder, -1) + 1
            page = PageSource(f"{folder}/{page_marker(number)}/", skeleton, PLACEHOLDER)
            prototypes.append(Prototype(page, members))
        return cls(direct, prototypes)

    @property
    def pages(self) -> list[PageSource]:
        """All pages of the site, for the sitemap."""
        return self.direct + [page for prototype in self.prototypes for page, _ in prototype.members]

    def write_sources(self, docs_dir: Path) -> None:
        """The Markdown files MkDocs builds: direct pages and prototypes."""
        for page in self.direct + [prototype.page for prototype in self.prototypes]:
            target = docs_dir / page.source_file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown(), encoding="utf-8")

    def assemble(self, built_dir: Path) -> Iterator[tuple[str, str]]:
        """Yield (output file, finished HTML) of every page from the frames MkDocs built."""
        for page in self.direct:
            before, after = _frame(built_dir / page.output_file)
            yield page.output_file, typeset(before + compact_html(page.body) + after)
        for prototype in self.prototypes:
            before, after = (_split_markers(part) for part in _frame(built_dir / prototype.page.output_file))
            for page, values in prototype.members:
                leaf = page.url.rstrip("/").rpartition("/")[2]
                body = compact_html(page.body)
                yield page.output_file, typeset(_fill(before, leaf, values) + body + _fill(after, leaf, values))

    def write_pages(
        self, site_dir: Path, stage: Stage | None = None, also: Callable[[str, str], None] | None = None
    ) -> set[Path]:
        """Assemble every page in place, inside MkDocs' output; returns the pages written.

        ``also(output_file, html)`` is called with each finished page (the search input)."""
        written = set()
        for output_file, html in self.assemble(site_dir):
            path = site_dir / output_file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
            if also is not None:
                also(output_file, html)
            written.add(path)
            if stage is not None:
                stage.advance()
        self.remove_prototypes(site_dir)
        return written

    def remove_prototypes(self, built_dir: Path) -> None:
        for prototype in self.prototypes:
            shutil.rmtree(built_dir / prototype.page.output_file.rpartition("/")[0])


def _skeleton(meta: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``meta`` with every non-empty string replaced by a marker, and those strings in order.

    `hide` names parts of the frame, so its words stay: they shape the frame, like which keys
    exist and which strings are empty (Material tests `if page.meta.description`).
    """
    values: list[str] = []

    def mark(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: mark(value) for key, value in node.items()}
        if isinstance(node, list):
            return [mark(value) for value in node]
        if isinstance(node, str) and node:
            values.append(node)
            return f"_engagiert_value_{len(values) - 1}_"
        return node

    return {key: value if key == "hide" else mark(value) for key, value in meta.items()}, values


def _frame(path: Path) -> tuple[str, str]:
    """The compacted frame MkDocs built, before and after the body's place."""
    html = compact_html(path.read_text(encoding="utf-8"))
    before, found, after = html.partition(PLACEHOLDER)
    if not found:
        raise ShellError(f"{path}: placeholder for the page body not found")
    return before, after


def _split_markers(text: str) -> list[str]:
    """Literal text at even indexes, marker names (`page_0`, `value_3`) at odd ones."""
    return _MARKERS.split(text)


def _fill(parts: list[str], leaf: str, values: list[str]) -> str:
    filled = parts.copy()
    for index in range(1, len(parts), 2):
        name = parts[index]
        filled[index] = leaf if name.startswith("page_") else values[int(name.removeprefix("value_"))]
    return "".join(filled)
