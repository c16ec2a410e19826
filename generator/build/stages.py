"""The build as one list of stages: what each reads, which paths it writes, and its work.

`run.py` runs the list for `build` and for `serve` alike. A stage starts (hands its tasks to the
worker pool) and later finishes (collects them and writes); a stage that reads what another one
made finishes that one first. So the calendar feeds and the extras are made on the workers
while this process frames the pages, and the site is written while Pagefind indexes it.

Every file goes through the build's `Writer`, which refuses a path outside the stage's
``claims``. With a cache (`cache.py`), a record's outputs whose key is unchanged are taken over
from the previous build (`Unit`); everything else is made again.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import urls
from generator.build import jobs
from generator.build.cache import CacheState
from generator.build.fingerprints import Fingerprints
from generator.build.jobs import Jobs, Task
from generator.build.writer import Writer, link
from generator.outputs.exports.added import record_dates
from generator.outputs.exports.csv_export import clubs_csv, events_csv
from generator.outputs.exports.json_api import OCCURRENCE_DAYS, ApiBuilder, write_api
from generator.outputs.exports.news_feed import atom, news_entries, rss
from generator.outputs.feeds.writer import FeedReport, dtstamp_for, print_warnings, render_feeds
from generator.outputs.frame import PageSource, frame_site
from generator.outputs.frame.mkdocs_run import NavEntry
from generator.outputs.frame.site import compact_file
from generator.outputs.frame.sitemap import sitemap_files
from generator.outputs.pages.render import PageRenderer
from generator.outputs.search import pagefind
from generator.outputs.standalone.printouts import write_posters, write_programmes
from generator.outputs.standalone.qr import qr_svg, qr_targets
from generator.outputs.standalone.renderer import StandaloneRenderer
from generator.outputs.standalone.widget import write_club_widgets, write_shared_widgets


@dataclass
class BuildRun:
    """One run of the stage list: the state every task reads, and what the stages hand on."""

    jobs: Jobs
    writer: Writer
    previous: CacheState
    """The cached build's keys (empty for a full build)."""
    cache_site: Path | None
    cache_search: Path | None
    fingerprints: Fingerprints
    state: CacheState
    """This build's keys, for the next one."""
    made: dict[str, Any] = field(default_factory=dict)
    """What a stage hands on to the stages that read it (by stage name)."""
    reused: int = 0

    def previous_files(self, unit: str, key: str) -> list[str] | None:
        """The files ``unit`` made in the cached build, if they were made for ``key``."""
        entry = self.previous.units.get(unit)
        if self.cache_site is None or entry is None or entry[0] != key:
            return None
        return entry[1]


@dataclass(frozen=True)
class Stage:
    name: str
    label: str
    """Shown in the progress line and the summary (German)."""
    reads: tuple[str, ...]
    """``site``/``catalog``/``history`` (the input) and the names of stages whose output it uses."""
    claims: tuple[str, ...]
    """Site-relative path patterns (fnmatch) of the files it writes."""
    start: Callable[[BuildRun], Callable[[], None]]
    """Hands its tasks to the pool; returns what finishes the stage."""


# --- units: a record's outputs, taken over when their key is unchanged ----------------------------


def _take_over(run: BuildRun, stage: str, unit: str, key: str) -> bool:
    """Link the unit's files from the cached build into this one; False if it must be made."""
    files = run.previous_files(unit, key)
    if files is None or run.cache_site is None:
        return False
    for relative in files:
        run.writer.reuse(stage, relative, run.cache_site / relative)
    run.state.units[unit] = (key, files)
    run.reused += len(files)
    return True


# --- pages ------------------------------------------------------------------------------------------


def _record_pages(run: BuildRun) -> dict[str, str]:
    """URL → key of every record page (events, clubs, venues, open calls to volunteer)."""
    site, catalog, keys = run.fingerprints.site, run.fingerprints.catalog, run.fingerprints
    pages = {urls.event(i): keys.event(i) for i in sorted(site.events)}
    pages |= {urls.club(i): keys.club(i) for i in sorted(site.clubs)}
    pages |= {urls.venue(i): keys.venue(i) for i in sorted(site.venues)}
    pages |= {urls.opportunity(o.id): keys.opportunity(o.id) for o in catalog.open_opportunities()}
    return pages


def _render_pages(lists: bool, wanted: frozenset[str]) -> tuple[list[PageSource], list[NavEntry] | None]:
    """A task: the list pages (with the navigation) or the record pages in ``wanted``."""
    state = jobs.state()
    renderer = PageRenderer(
        state.site,
        state.today,
        state.project.theme_dir / "pages",
        catalog=state.catalog,
        lists=lists,
        records=wanted.__contains__,
    )
    nav = renderer.render_all()
    return renderer.pages, nav if lists else None


def start_pages(run: BuildRun) -> Callable[[], None]:
    record_pages = _record_pages(run)
    reused: dict[str, str] = {}
    wanted: list[str] = []
    for url, key in record_pages.items():
        unit = f"page:{url}"
        files = run.previous_files(unit, key)
        if files is not None:
            reused[url] = key
        else:
            wanted.append(url)
    parts = max(1, run.jobs.workers)
    tasks = [run.jobs.submit("Seiten erzeugen", _render_pages, True, frozenset())]
    tasks += [
        run.jobs.submit("Seiten erzeugen", _render_pages, False, frozenset(wanted[index::parts]))
        for index in range(parts)
        if wanted[index::parts]
    ]

    def finish() -> None:
        pages: list[PageSource] = []
        nav: list[NavEntry] = []
        for task in tasks:
            made, task_nav = task.result()
            pages += made
            nav = task_nav if task_nav is not None else nav
        run.made["pages"] = (pages, nav, reused, record_pages)

    return finish


# --- frame: MkDocs + Material -------------------------------------------------------------------------


def start_frame(run: BuildRun) -> Callable[[], None]:
    def finish() -> None:
        state = jobs.state()
        pages, nav, reused, record_pages = run.made["pages"]
        framed = frame_site(
            pages,
            nav,
            state.site.town,
            state.today,
            state.project.mkdocs_file,
            state.project.static_folders,
            state.work / "frame",
        )
        search_input = state.work / "search"
        fresh_documents: set[str] = set()
        changed_documents = False
        for output_file, html in framed.pages():
            run.writer.write_text("frame", output_file, html)
            document = pagefind.search_document(html)
            if document is not None:
                data = document.encode("utf-8")
                _write(search_input / output_file, data)
                fresh_documents.add(output_file)
                changed_documents |= _differs(run.cache_search, output_file, data)
        for relative, path, is_html in framed.other_files():
            if is_html:
                run.writer.write("frame", relative, compact_file(path))
            else:
                run.writer.reuse("frame", relative, path)
        page_files = {PageSource(url, {}, "").output_file: url for url in record_pages}
        for url, key in reused.items():
            output_file = PageSource(url, {}, "").output_file
            _take_over(run, "frame", f"page:{url}", key)
            if run.cache_search is not None and (run.cache_search / output_file).is_file():
                _link(run.cache_search / output_file, search_input / output_file)
        for page in pages:
            if page.url in record_pages:
                run.state.units[f"page:{page.url}"] = (record_pages[page.url], [page.output_file])
        all_urls = [page.url for page in pages] + list(reused)
        for relative, data in sitemap_files(state.site.town.site_url, all_urls, state.today):
            run.writer.write("frame", relative, data)
        previous_documents = _documents(run.cache_search)
        current_documents = {p for p in previous_documents if p in page_files and page_files[p] in reused}
        unchanged = not changed_documents and fresh_documents | current_documents == previous_documents
        run.made["frame"] = (search_input, unchanged and run.cache_site is not None)

    return finish


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _link(source: Path, target: Path) -> None:
    try:
        link(source, target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        link(source, target)


def _differs(cache_search: Path | None, output_file: str, data: bytes) -> bool:
    if cache_search is None:
        return True
    try:
        return (cache_search / output_file).read_bytes() != data
    except OSError:
        return True


def _documents(folder: Path | None) -> set[str]:
    if folder is None or not folder.is_dir():
        return set()
    return {
        os.path.relpath(os.path.join(root, name), folder) for root, _dirs, files in os.walk(folder) for name in files
    }


# --- calendar feeds -------------------------------------------------------------------------------


def _feeds(staging: str, memo: dict[str, Any], keys: dict[str, str]) -> tuple[FeedReport, list[str], dict[str, Any]]:
    state = jobs.state()
    writer = Writer(Path(staging))
    report = render_feeds(
        state.project.root, state.site, state.today, lambda p, d: writer.write("", p, d), memo, keys.__getitem__
    )
    return report, list(writer.written), memo


def start_feeds(run: BuildRun) -> Callable[[], None]:
    keys = {event_id: run.fingerprints.event(event_id) for event_id in run.fingerprints.site.events}
    task = run.jobs.submit("Kalender", _feeds, str(run.writer.root), dict(run.previous.feed_events), keys)

    def finish() -> None:
        report, written, memo = task.result()
        run.writer.adopt("feeds", written)
        run.state.feed_events = memo
        print_warnings(report)

    return finish


# --- open data, widgets, notices, QR codes ---------------------------------------------------------


def _shared_extras(staging: str) -> list[str]:
    """Open data (JSON, CSV, news feeds), monthly programmes, category widgets: made every time."""
    state = jobs.state()
    site, catalog = state.site, state.catalog
    writer = Writer(Path(staging))

    def emit(path: str, data: bytes) -> None:
        writer.write("", path, data)

    added = record_dates(state.project.root, site, catalog.today)
    write_api(emit, ApiBuilder(site, catalog, added))
    emit(urls.csv_file("vereine"), clubs_csv(site))
    emit(urls.csv_file("veranstaltungen"), events_csv(site, catalog.upcoming(days=OCCURRENCE_DAYS)))
    entries = news_entries(site, catalog, added)
    emit(urls.news_rss(), rss(site, entries))
    emit(urls.news_atom(), atom(site, entries, dtstamp_for(catalog.today)))
    renderer = StandaloneRenderer(site, catalog, state.project.theme_dir, emit)
    write_shared_widgets(renderer)
    write_programmes(renderer)
    return list(writer.written)


def _record_extras(staging: str, events: list[str], clubs: list[str], codes: list[tuple[str, str]]) -> list[str]:
    """Notices of ``events``, widgets of ``clubs``, QR codes (path, address)."""
    state = jobs.state()
    writer = Writer(Path(staging))

    def emit(path: str, data: bytes) -> None:
        writer.write("", path, data)

    renderer = StandaloneRenderer(state.site, state.catalog, state.project.theme_dir, emit)
    write_posters(renderer, events)
    write_club_widgets(renderer, clubs)
    for path, address in codes:
        emit(path, qr_svg(address))
    return list(writer.written)


def start_extras(run: BuildRun) -> Callable[[], None]:
    site, catalog, keys = run.fingerprints.site, run.fingerprints.catalog, run.fingerprints
    label = "Offene Daten, Widget, QR-Codes, Aushänge"
    tasks: list[Task] = [run.jobs.submit(label, _shared_extras, str(run.writer.root))]
    made_units: dict[str, tuple[str, list[str]]] = {}
    events, clubs, codes = [], [], []
    for event_id in sorted(site.events):
        if not catalog.is_current(event_id):
            continue
        unit, key = f"poster:{event_id}", keys.event(event_id)
        if not _take_over(run, "extras", unit, key):
            events.append(event_id)
            made_units[unit] = (key, [f"{urls.poster(event_id)}index.html"])
    for club_id in sorted(site.clubs):
        unit, key = f"widget:{club_id}", keys.club(club_id)
        if not _take_over(run, "extras", unit, key):
            clubs.append(club_id)
            made_units[unit] = (key, [f"{urls.widget_club(club_id)}index.html"])
    for target in qr_targets(site):
        unit = f"qr:{target.path}"
        if not _take_over(run, "extras", unit, target.url):
            codes.append((target.path, target.url))
            made_units[unit] = (target.url, [target.path])
    parts = max(1, run.jobs.workers)
    for index in range(parts):
        if events[index::parts] or clubs[index::parts] or codes[index::parts]:
            work = (events[index::parts], clubs[index::parts], codes[index::parts])
            tasks.append(run.jobs.submit(label, _record_extras, str(run.writer.root), *work))

    def finish() -> None:
        for task in tasks:
            run.writer.adopt("extras", task.result())
        run.state.units.update(made_units)

    return finish


# --- search ------------------------------------------------------------------------------------------


def start_search(run: BuildRun) -> Callable[[], None]:
    search_input, unchanged = run.made["frame"]
    state = jobs.state()
    if unchanged and run.cache_site is not None and (run.cache_site / pagefind.BUNDLE_DIR).is_dir():
        bundle = run.cache_site / pagefind.BUNDLE_DIR
        index = None
    else:
        bundle = state.work / pagefind.BUNDLE_DIR
        shutil.rmtree(bundle, ignore_errors=True)
        index = pagefind.start_index(state.work, search_input)

    def finish() -> None:
        if index is not None:
            index.wait()
        for root, _dirs, files in os.walk(bundle):
            for name in files:
                path = Path(root, name)
                relative = f"{pagefind.BUNDLE_DIR}/{path.relative_to(bundle).as_posix()}"
                run.writer.reuse("search", relative, path)

    return finish


STAGES: tuple[Stage, ...] = (
    Stage("pages", "Seiten erzeugen", ("site", "catalog"), (), start_pages),
    Stage("feeds", "Kalender", ("site", "history"), ("kalender/*.ics",), start_feeds),
    Stage(
        "extras",
        "Offene Daten, Widget, QR-Codes, Aushänge",
        ("site", "catalog", "history"),
        (
            "api/*",
            "neu/*",
            "widget/*",
            "*qr.svg",
            "veranstaltungen/*/aushang/index.html",
            "monate/*/programm/index.html",
        ),
        start_extras,
    ),
    Stage(
        "frame",
        "Seiten zusammensetzen",
        ("site", "pages"),
        ("*.html", "assets/*", "bilder/*", "sitemap.xml*"),
        start_frame,
    ),
    Stage("search", "Suchindex", ("frame",), ("pagefind/*",), start_search),
)
"""In the order they start; `pages` runs first so its tasks are first in the workers' queue."""
