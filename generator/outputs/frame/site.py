"""Frame a set of pages: write MkDocs' input, run MkDocs, assemble the pages from its frames."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.models.town import Town
from generator.outputs.frame.mkdocs_run import MkDocsError, NavEntry, run_mkdocs
from generator.outputs.frame.page_source import PageSource
from generator.outputs.frame.shells import ShellPlan
from generator.outputs.minify import compact_html

__all__ = ["FramedSite", "MkDocsError", "frame_site"]

NOT_FROM_MKDOCS = ("sitemap.xml", "sitemap.xml.gz")
"""What MkDocs writes but the site gets from elsewhere (`sitemap.py`: MkDocs knows only its own pages)."""


@dataclass
class FramedSite:
    plan: ShellPlan
    built: Path
    """MkDocs' output folder."""

    def pages(self) -> Iterator[tuple[str, str]]:
        """(site-relative file, finished HTML) of every page."""
        return self.plan.assemble(self.built)

    def other_files(self) -> Iterator[tuple[str, Path, bool]]:
        """(site-relative path, file, whether it is HTML to compact) of everything else MkDocs wrote."""
        skip = {page.output_file for page in self.plan.direct} | set(NOT_FROM_MKDOCS)
        prototype_folders = tuple(prototype.page.url for prototype in self.plan.prototypes)
        for folder, _dirs, files in os.walk(self.built):
            for name in sorted(files):
                path = Path(folder, name)
                relative = path.relative_to(self.built).as_posix()
                if relative in skip or (prototype_folders and relative.startswith(prototype_folders)):
                    continue
                yield relative, path, name.endswith(".html")


def frame_site(
    pages: Sequence[PageSource],
    nav: list[NavEntry],
    town: Town,
    today: date,
    mkdocs_file: Path,
    static: Sequence[tuple[Path, str]],
    work: Path,
    share: bool = True,
) -> FramedSite:
    """Run MkDocs in ``work`` for ``pages``; ``static``: (folder, site-relative target) to copy along.

    ``share=False``: MkDocs frames every page itself (the reference the shared frames are tested against)."""
    docs_dir, built = work / "docs", work / "frames"
    for folder in (docs_dir, built):
        shutil.rmtree(folder, ignore_errors=True)
    plan = ShellPlan.of(pages, {entry.url for entry in nav}, share)
    plan.write_sources(docs_dir)
    for source, target in static:
        if source.is_dir():
            shutil.copytree(source, docs_dir / target)
    run_mkdocs(mkdocs_file, docs_dir, built, town, nav, today)
    return FramedSite(plan, built)


def compact_file(path: Path) -> bytes:
    """An HTML file MkDocs wrote besides the pages (the 404 page), compacted."""
    return compact_html(path.read_text(encoding="utf-8")).encode("utf-8")
