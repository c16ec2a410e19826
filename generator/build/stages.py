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
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from generator import urls
from generator.build import jobs
from generator.build.cache import CacheState
from generator.build.fingerprints import Fingerprints
from generator.build.jobs import Jobs, StageFailed, Task
from generator.build.writer import Writer
from generator.derive.pictures import PICTURE_FOLDER, Pictures
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
from generator.outputs.pictures.process import ProcessingError, renditions
from generator.outputs.search import pagefind
from generator.outputs.standalone.printouts import write_posters, write_programmes
from generator.outputs.standalone.qr import qr_svg, qr_targets
from generator.outputs.standalone.renderer import StandaloneRenderer
from generator.outputs.standalone.widget import write_club_widgets, write_shared_widgets

Written = tuple[list[tuple[str, str]], int]
"""What a worker's task wrote: (site-relative path, digest) of each file, and how many it touched."""


@dataclass
class BuildRun:
    """One run of the stage list: the state every task reads, and what the stages hand on."""

    jobs: Jobs
    writer: Writer
    search: Writer
    """Writes the pages as Pagefind reads them (`pagefind.search_document`)."""
    previous: CacheState
    """The previous build's keys (empty for a full build)."""
    fingerprints: Fingerprints
    state: CacheState
    """This build's keys, for the next one."""
    made: dict[str, Any] = field(default_factory=dict)
    """What a stage hands on to the stages that read it (by stage name)."""
    cleanup: list[Callable[[], None]] = field(default_factory=list)
    """What the runner does at the end however the build ends (stop Pagefind, remove its folder)."""

    def previous_files(self, unit: str, key: str) -> list[str] | None:
        """The files ``unit`` made in the previous build, if made for ``key`` and still published."""
        entry = self.previous.units.get(unit)
        if entry is None or entry[0] != key:
            return None
        published = self.writer.target.base_files
        return entry[1] if all(path in published for path in entry[1]) else None


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
    uses_pool: bool = True
    """Whether its tasks run in the worker pool (which ends once no such stage is left)."""
    full_build_reads: tuple[str, ...] = ()
    """Stages to finish first when nothing is taken over from a previous build: in a full build at
    county scale the workers hold ~300 MB each, which Pagefind's peak should not meet."""


# --- units: a record's outputs, taken over when their key is unchanged ----------------------------


def _take_over(run: BuildRun, stage: str, unit: str, key: str) -> bool:
    """Take the unit's files over from the previous build; False if it must be made."""
    files = run.previous_files(unit, key)
    if files is None:
        return False
    for relative in files:
        run.writer.reuse(stage, relative)
    run.state.units[unit] = (key, files)
    return True


# --- pages ------------------------------------------------------------------------------------------

LIST_TASKS = (("months", "clubs", "venues", "districts"), ("start", "opportunities", "terms", "editorial", "forms"))
"""The list pages in two tasks of about equal work (at 10,000 events ~1.5 s each)."""


def _record_pages(run: BuildRun) -> dict[str, str]:
    """URL → key of every record page (events, clubs, venues, open calls to volunteer)."""
    site, catalog, keys = run.fingerprints.site, run.fingerprints.catalog, run.fingerprints
    pages = {urls.event(i): keys.event(i) for i in sorted(site.events)}
    pages |= {urls.club(i): keys.club(i) for i in sorted(site.clubs)}
    pages |= {urls.venue(i): keys.venue(i) for i in sorted(site.venues)}
    pages |= {urls.opportunity(o.id): keys.opportunity(o.id) for o in catalog.open_opportunities()}
    return pages


def _render_pages(lists: tuple[str, ...], wanted: frozenset[str]) -> tuple[list[PageSource], list[NavEntry]]:
    """A task: the list pages of the groups ``lists`` and the record pages in ``wanted``."""
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
    return renderer.pages, nav


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
    label = "Seiten erzeugen"
    tasks = [run.jobs.submit(label, _render_pages, group, frozenset()) for group in LIST_TASKS]
    tasks += [
        run.jobs.submit(label, _render_pages, (), frozenset(wanted[index::parts]))
        for index in range(parts)
        if wanted[index::parts]
    ]

    def finish() -> None:
        pages: list[PageSource] = []
        nav: list[NavEntry] = []
        for task in tasks:
            made, nav = task.result()
            pages += made
        run.made["pages"] = (pages, nav, reused, record_pages)

    return finish


# --- frame: MkDocs + Material -------------------------------------------------------------------------


def start_frame(run: BuildRun) -> Callable[[], None]:
    def finish() -> None:
        state = jobs.state()
        pages, nav, reused, record_pages = run.made.pop("pages")
        framed = frame_site(
            pages,
            nav,
            state.site.town,
            state.today,
            state.project.mkdocs_file,
            state.project.static_folders,
            state.work / "frame",
        )
        for output_file, html in framed.pages():
            run.writer.write_text("frame", output_file, html)
            document = pagefind.search_document(html)
            if document is not None:
                run.search.write("search input", output_file, document.encode("utf-8"))
        for relative, path, is_html in framed.other_files():
            if is_html:
                run.writer.write("frame", relative, compact_file(path))
            else:
                run.writer.copy_in("frame", relative, path)
        base = run.writer.target.base
        for url, key in reused.items():
            output_file = PageSource(url, {}, "").output_file
            _take_over(run, "frame", f"page:{url}", key)
            if not run.search.keep("search input", output_file) and base is not None:
                # the search input was lost (a build failed half-way): read the page again
                document = pagefind.search_document((base / output_file).read_text(encoding="utf-8"))
                if document is not None:
                    run.search.write("search input", output_file, document.encode("utf-8"))
        for page in pages:
            if page.url in record_pages:
                run.state.units[f"page:{page.url}"] = (record_pages[page.url], [page.output_file])
        all_urls = [page.url for page in pages] + list(reused)
        for relative, data in sitemap_files(state.site.town.site_url, all_urls, state.today):
            run.writer.write("frame", relative, data)
        removed = run.search.remove_stale()  # pages no longer indexed (Pagefind reads the whole folder)
        unchanged = run.search.touched == 0 and removed == 0
        run.made["frame"] = unchanged

    return finish


# --- calendar feeds -------------------------------------------------------------------------------


def _feeds(memo: dict[str, Any], keys: dict[str, str]) -> tuple[FeedReport, Written, dict[str, Any]]:
    """All feeds; an event's own file is taken over from the previous build when it is unchanged."""
    state = jobs.state()
    writer = Writer(state.target)
    report = render_feeds(
        state.project.root,
        state.site,
        state.today,
        lambda path, data: writer.write("", path, data),
        memo,
        keys.__getitem__,
        lambda path: writer.reuse("", path),
    )
    return report, (writer.written, writer.touched), memo


def start_feeds(run: BuildRun) -> Callable[[], None]:
    keys = {event_id: run.fingerprints.event(event_id) for event_id in run.fingerprints.site.events}
    task = run.jobs.submit("Kalender", _feeds, dict(run.previous.feed_events), keys)

    def finish() -> None:
        report, (written, touched), memo = task.result()
        run.writer.adopt("feeds", written, touched)
        run.state.feed_events = memo
        print_warnings(report)

    return finish


# --- open data, widgets, notices, QR codes ---------------------------------------------------------


def _open_data() -> Written:
    """The JSON API with its schemas (made every time; ~2 s at 10,000 events)."""
    state = jobs.state()
    writer = Writer(state.target)
    added = record_dates(state.project.root, state.site, state.catalog.today)
    write_api(lambda path, data: writer.write("", path, data), ApiBuilder(state.site, state.catalog, added))
    return writer.written, writer.touched


def _shared_extras() -> Written:
    """CSV, news feeds, monthly programmes, category widgets: made every time."""
    state = jobs.state()
    site, catalog = state.site, state.catalog
    writer = Writer(state.target)

    def emit(path: str, data: bytes) -> None:
        writer.write("", path, data)

    emit(urls.csv_file("vereine"), clubs_csv(site))
    emit(urls.csv_file("veranstaltungen"), events_csv(site, catalog.listed_dates(OCCURRENCE_DAYS)))
    entries = news_entries(site, catalog, record_dates(state.project.root, site, catalog.today))
    emit(urls.news_rss(), rss(site, entries))
    emit(urls.news_atom(), atom(site, entries, dtstamp_for(catalog.today)))
    renderer = StandaloneRenderer(site, catalog, state.project.theme_dir, emit)
    write_shared_widgets(renderer)
    write_programmes(renderer)
    return writer.written, writer.touched


def _record_extras(events: list[str], clubs: list[str], codes: list[tuple[str, str]]) -> Written:
    """Notices of ``events``, widgets of ``clubs``, QR codes (path, address)."""
    state = jobs.state()
    writer = Writer(state.target)

    def emit(path: str, data: bytes) -> None:
        writer.write("", path, data)

    renderer = StandaloneRenderer(state.site, state.catalog, state.project.theme_dir, emit)
    write_posters(renderer, events)
    write_club_widgets(renderer, clubs)
    for path, address in codes:
        emit(path, qr_svg(address))
    return writer.written, writer.touched


def start_extras(run: BuildRun) -> Callable[[], None]:
    site, catalog, keys = run.fingerprints.site, run.fingerprints.catalog, run.fingerprints
    label = "Offene Daten, Widget, QR-Codes, Aushänge"
    tasks: list[Task] = [run.jobs.submit(label, _open_data), run.jobs.submit(label, _shared_extras)]
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
            tasks.append(run.jobs.submit(label, _record_extras, *work))

    def finish() -> None:
        for task in tasks:
            written, touched = task.result()
            run.writer.adopt("extras", written, touched)
        run.state.units.update(made_units)

    return finish


# --- pictures ------------------------------------------------------------------------------------------


def _process_pictures(srcs: list[str]) -> list[tuple[str, str]]:
    """A task: make the renditions of the pictures ``srcs`` into the picture folder; returns
    (src, German message) of each that could not be decoded after all."""
    state = jobs.state()
    folder = state.picture_folder
    failed: list[tuple[str, str]] = []
    for src in srcs:
        source = state.catalog.pictures.sources[src]
        try:
            made = renditions(source.path.read_bytes(), source)
        except (ProcessingError, OSError) as error:
            failed.append(
                (src, str(error) if isinstance(error, ProcessingError) else "Die Bilddatei ist nicht lesbar.")
            )
            continue
        for relative, data in made:
            path = folder / PurePosixPath(relative).name
            temporary = path.with_name(f".{path.name}.{os.getpid()}")
            temporary.write_bytes(data)
            os.replace(temporary, path)  # never changed in place: the site links these files
    return failed


PARALLEL_FROM_PICTURES = 4
"""Pictures to process from which a small site (`jobs.PARALLEL_FROM_EVENTS`) starts workers anyway."""


def pictures_to_make(pictures: Pictures, folder: Path) -> list[str]:
    """The ``src`` of every picture whose renditions are not all in ``folder``."""
    present = set(os.listdir(folder)) if folder.is_dir() else set()
    return [
        src
        for src, source in pictures.sources.items()
        if not all(PurePosixPath(r.url).name in present for r in source.renditions())
    ]


def start_pictures(run: BuildRun) -> Callable[[], None]:
    """Renditions of every picture a record uses: taken from the picture folder where an earlier
    build made them (same bytes, same settings: same name), else made on the workers."""
    state = jobs.state()
    folder = state.picture_folder
    folder.mkdir(parents=True, exist_ok=True)
    present = set(os.listdir(folder))
    sources = state.catalog.pictures.sources
    missing = pictures_to_make(state.catalog.pictures, folder)
    parts = max(1, run.jobs.workers)
    tasks = [
        run.jobs.submit("Bilder", _process_pictures, missing[index::parts])
        for index in range(parts)
        if missing[index::parts]
    ]

    def finish() -> None:
        failed = [problem for task in tasks for problem in task.result()]
        if failed:
            lines = "; ".join(f"content/images/{src}: {message}" for src, message in sorted(failed))
            raise StageFailed(f"Bilder: {lines}")
        names = set()
        for source in sources.values():
            for rendition in source.renditions():
                name = PurePosixPath(rendition.url).name
                names.add(name)
                run.writer.copy_in("pictures", rendition.url, folder / name, f"name:{name}")
        if state.pictures is not None:  # the kept folder holds only what this build publishes
            for name in present - names:
                if not name.startswith("."):
                    (folder / name).unlink(missing_ok=True)

    return finish


# --- search ------------------------------------------------------------------------------------------


def start_search(run: BuildRun) -> Callable[[], None]:
    unchanged = run.made["frame"]
    state = jobs.state()
    previous = [path for path in run.writer.target.base_files if path.startswith(f"{pagefind.BUNDLE_DIR}/")]
    if unchanged and previous:

        def take_over() -> None:
            for relative in previous:
                run.writer.reuse("search", relative)

        return take_over
    scratch = _memory_folder(state.work)
    if scratch != state.work:
        run.cleanup.append(lambda: shutil.rmtree(scratch, ignore_errors=True))
    index = pagefind.start_index(scratch, run.search.root)
    run.cleanup.insert(0, index.cancel)  # a no-op once it finished; a build failing meanwhile stops it

    def finish() -> None:
        index.wait()
        bundle = scratch / pagefind.BUNDLE_DIR
        for root, _dirs, files in os.walk(bundle):
            for name in files:
                path = Path(root, name)
                run.writer.copy_in("search", f"{pagefind.BUNDLE_DIR}/{path.relative_to(bundle).as_posix()}", path)

    return finish


def _memory_folder(fallback: Path) -> Path:
    """A new folder in memory (/dev/shm) where there is one, else ``fallback``: Pagefind writes a
    file per page, which the build reads once and keeps only where it changed (on a slow disk,
    creating and deleting ~12,000 files costs seconds)."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        try:
            return Path(tempfile.mkdtemp(prefix="engagiert-pagefind-", dir=shm))
        except OSError:
            pass
    return fallback


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
    Stage("pictures", "Bilder", ("site", "catalog"), (f"{PICTURE_FOLDER}/*",), start_pictures),
    Stage(
        "frame",
        "Seiten zusammensetzen",
        ("site", "pages"),
        ("*.html", "assets/*", "sitemap.xml*"),
        start_frame,
        uses_pool=False,
    ),
    Stage(
        "search",
        "Suchindex",
        ("frame",),
        ("pagefind/*",),
        start_search,
        uses_pool=False,
        full_build_reads=("feeds", "extras", "pictures"),
    ),
)
"""In the order they start; `pages` runs first so its tasks are first in the workers' queue."""
