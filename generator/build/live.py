"""Incremental rebuilds for `serve`: an edited event is visible within about two seconds.

A full build runs MkDocs for the page frames and indexes the site with Pagefind. `serve`
keeps MkDocs' input and output between rebuilds:

1. validate and render all pages (about a second for Herzberg),
2. run MkDocs only when a Markdown file it builds changed (a `dirty` build of those files);
   an edited event changes none: its page is filled into a shared frame (`shells.py`),
3. write the pages whose HTML changed,
4. then — after the page is already visible — feeds, open data and the search index.

A change to the theme, `mkdocs.yml`, the set of pages or the menu falls back to a full
rebuild. The published site is always built with `build` (the atomic, full path).
"""

from __future__ import annotations

import filecmp
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.build.extras import write_extras
from generator.build.publish import copy_assets
from generator.models.site import Site
from generator.outputs.feeds import write_feeds
from generator.outputs.frame.mkdocs_run import run_mkdocs
from generator.outputs.frame.shells import ShellPlan
from generator.outputs.frame.sitemap import write_sitemap
from generator.outputs.minify import compact_files
from generator.outputs.pages.render import NavEntry, PageRenderer
from generator.outputs.search.pagefind import index_site
from generator.outputs.templates import template_environment
from generator.project import Project


@dataclass
class LiveSite:
    project: Project
    out: Path
    """The folder the local server serves."""
    work: Path
    """Keeps MkDocs' input (docs/) and output with placeholders (shells/) between rebuilds."""
    _nav: list[NavEntry] | None = None
    _page_urls: frozenset[str] = frozenset()
    _theme_stamp: tuple[float, ...] = ()
    _on_pages_ready: Callable[[], None] | None = None

    @property
    def docs(self) -> Path:
        return self.work / "docs"

    @property
    def shells(self) -> Path:
        return self.work / "shells"

    def update(self, site: Site, today: date, on_pages_ready: Callable[[], None] | None = None) -> str:
        """Bring ``out`` up to date; returns "vollständig" or "schnell" (what was rebuilt).

        ``on_pages_ready`` is called as soon as the pages show the change, before feeds and search.
        """
        self._on_pages_ready = on_pages_ready
        theme_changed = self._theme_changed()
        if theme_changed:
            template_environment.cache_clear()  # templates are read once per environment
        renderer = PageRenderer(site, today, self.project.theme_dir / "pages")
        nav = renderer.render_all()
        plan = ShellPlan.of(renderer.pages, {entry.url for entry in nav})
        fresh = self.work / "docs-new"
        shutil.rmtree(fresh, ignore_errors=True)
        plan.write_sources(fresh)
        copy_assets(self.project, fresh)
        page_urls = frozenset(page.url for page in renderer.pages)
        full = (
            not self.out.is_dir()
            or nav != self._nav
            or page_urls != self._page_urls
            or set(_relative_files(fresh)) != set(_relative_files(self.docs))
            or theme_changed
        )
        if full:
            shutil.rmtree(self.docs, ignore_errors=True)
            fresh.rename(self.docs)
            self._full(site, today, renderer, plan, nav)
            return "vollständig"
        changed_sources = _changed_files(fresh, self.docs)
        for source in changed_sources:  # unchanged files keep their old times: MkDocs skips them
            shutil.copyfile(fresh / source, self.docs / source)
        shutil.rmtree(fresh, ignore_errors=True)
        if changed_sources:
            run_mkdocs(self.project.mkdocs_file, self.docs, self.shells, site.town, nav, today, dirty=True)
        for output_file, html in plan.assemble(self.shells):
            target = self.out / output_file
            if target.read_text(encoding="utf-8") != html:
                target.write_text(html, encoding="utf-8")
        for source in changed_sources:
            if not source.endswith(".md"):  # assets, images
                shutil.copy2(self.docs / source, self.out / source)
        self._after_pages(site, today, renderer)
        return "schnell"

    def _full(self, site: Site, today: date, renderer: PageRenderer, plan: ShellPlan, nav: list[NavEntry]) -> None:
        shutil.rmtree(self.shells, ignore_errors=True)
        run_mkdocs(self.project.mkdocs_file, self.docs, self.shells, site.town, nav, today)
        staging = self.work / "out-new"
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(self.shells, staging)
        built_by_mkdocs = set(staging.rglob("*.html"))
        assembled = plan.write_pages(staging)
        compact_files(path for path in built_by_mkdocs - assembled if path.exists())
        write_sitemap(staging, site.town.site_url, (page.url for page in plan.pages), today)
        old = self.work / "out-old"
        shutil.rmtree(old, ignore_errors=True)
        if self.out.exists():
            self.out.rename(old)
        staging.rename(self.out)
        shutil.rmtree(old, ignore_errors=True)
        self._nav = nav
        self._page_urls = frozenset(page.url for page in plan.pages)
        self._theme_stamp = self._theme_mtimes()
        self._after_pages(site, today, renderer)

    def _after_pages(self, site: Site, today: date, renderer: PageRenderer) -> None:
        """What the changed page does not need to show: feeds, open data, search index."""
        if self._on_pages_ready is not None:
            self._on_pages_ready()
        write_feeds(self.project.root, site, self.out, today, quiet=True)
        # posters, programmes, widgets: compacted as they are written, as in `build`
        write_extras(self.project.root, self.project.theme_dir, site, renderer.catalog, self.out)
        index_site(self.out)

    def _theme_mtimes(self) -> tuple[float, ...]:
        files = [self.project.mkdocs_file, *sorted(self.project.theme_dir.rglob("*"))]
        return tuple(path.stat().st_mtime for path in files if path.is_file())

    def _theme_changed(self) -> bool:
        return self._theme_mtimes() != self._theme_stamp


def _relative_files(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]


def _changed_files(new: Path, old: Path) -> set[str]:
    changed = set()
    for name in _relative_files(new):
        previous = old / name
        if not previous.is_file() or not filecmp.cmp(new / name, previous, shallow=False):
            changed.add(name)
    return changed
