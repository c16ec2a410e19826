"""`build`: validate everything, then write the whole site, or nothing.

The site is assembled in a staging folder next to the target and moved into
place only when every stage succeeded; a failed build leaves the previous
site untouched (never a half-published site).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from datetime import date, datetime
from pathlib import Path

from generator import urls
from generator.build.extras import start_extras, write_extras
from generator.build.memory import content_frozen, release_free_memory
from generator.build.workers import interrupts_deferred, stop_workers
from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.load.discover import ContentFile
from generator.models.site import Site
from generator.models.town import Town
from generator.outputs.feeds import FeedJob, start_feeds
from generator.outputs.frame.mkdocs_run import MkDocsError, run_mkdocs
from generator.outputs.frame.shells import ShellPlan
from generator.outputs.frame.sitemap import write_sitemap
from generator.outputs.minify import compact_files
from generator.outputs.pages.render import PageRenderer
from generator.outputs.search.pagefind import SearchIndexError, SearchInput, start_index
from generator.outputs.standalone.qr import QrBatch, qr_targets_of
from generator.problems import exception_summary
from generator.progress import Progress
from generator.project import Project


def build_site(project: Project, out: Path, today: date | None = None, progress: Progress | None = None) -> int:
    """CLI entry: returns the exit code (130 after Ctrl+C, as shells report it)."""
    try:
        return _build(project, out, today, progress)
    except KeyboardInterrupt:
        print(
            "\nAbgebrochen (Strg+C). Die Seite wurde nicht gebaut; die bisherige Fassung bleibt unverändert.",
            file=sys.stderr,
        )
        return 130


def _build(project: Project, out: Path, today: date | None, progress: Progress | None) -> int:
    started = time.perf_counter()
    progress = progress or Progress()
    qr_codes: list[QrBatch] = []  # started as soon as the ids are known, while a core would idle
    try:
        with progress.stage("Inhalte prüfen"):
            site, report = load_site(project, lambda town, files: qr_codes.append(start_qr_codes(town, files)))
        if site is None:
            report.print(sys.stderr)
            print("Die Seite wurde nicht gebaut; die bisherige Fassung bleibt unverändert.", file=sys.stderr)
            return 1
        today = today or datetime.now(site.town.zone).date()
        with content_frozen():
            render_site(project, site, out, today, progress, qr_codes[0] if qr_codes else None)
    except MkDocsError as exc:
        print(f"MkDocs-Fehler: {exc}", file=sys.stderr)
        return 1
    except SearchIndexError as exc:
        print(f"Suchindex-Fehler: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not a content problem: say so in German, keep the old site
        if os.environ.get("ENGAGIERT_DEBUG"):
            traceback.print_exc()
        print(
            f"Interner Fehler beim Bauen — bitte melden (technisch: {exception_summary(exc)}; "
            "ENGAGIERT_DEBUG=1 zeigt die Einzelheiten). Die Seite wurde nicht gebaut; die bisherige "
            "Fassung bleibt unverändert.",
            file=sys.stderr,
        )
        return 1
    finally:
        stop_workers()  # any still running: the build failed or was interrupted
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    print(f"Seite gebaut in {out} ({seconds} s, Stichtag {today.isoformat()}): {progress.summary()}.")
    return 0


def start_qr_codes(town: Town, files: list[ContentFile]) -> QrBatch:
    """The QR codes of the site whose record files these are (`qr.qr_targets`), from the ids alone.

    A build starts them while it validates the records, which keeps one core busy: at 10,000
    events the ~11,000 codes take ~11 s of CPU, about half of them done by the end of loading."""
    events = (file.id for file in files if file.kind == "events")
    clubs = (file.id for file in files if file.kind == "clubs")
    return QrBatch.start(qr_targets_of(town.site_url, events, clubs))


def render_site(
    project: Project,
    site: Site,
    out: Path,
    today: date,
    progress: Progress | None = None,
    qr_codes: QrBatch | None = None,
) -> None:
    """Render all stages into a staging folder, then swap it in for ``out``.

    ``qr_codes`` may have been started while loading (`start_qr_codes`); they are checked against
    the site. Besides them, two workers run beside the build's own process while the pages render:
    the calendar feeds (forked right after loading, before any thread exists) and the extras (a
    pool forked with the site and the occurrence catalog; the files are written in "extras").
    Pagefind starts once the pages are assembled, on trimmed copies of the indexed pages; the
    feeds and the extras are written while it reads them (its first ~4 s at 10,000 events, at
    ~250 MB). Its peak, about 1.1 GB, comes when it builds and writes the index: by then the
    workers are gone and this process has handed back the memory it no longer needs
    (`release_free_memory`). The build's peak at 10k is 1.33 GB either way (four runs each); on
    tmpfs the order made no measurable difference, on this disk the extras stage takes 3-7 s.
    """
    progress = progress or Progress(interactive=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging: Path | None = None
    feeds: FeedJob | None = None
    try:
        with interrupts_deferred():  # known to the `finally` below as soon as it exists
            staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
        docs_dir, site_dir, search_input = staging / "docs", staging / "site", SearchInput(staging / "search")
        feeds = start_feeds(project.root, site, site_dir, today)  # forks: before any thread exists
        with progress.stage("Seiten erzeugen") as stage:
            catalog = Catalog.build(site, today)  # the occurrences, for pages and extras
            extras_job = start_extras(project.root, project.theme_dir, site, catalog, qr_codes=qr_codes)
            renderer = PageRenderer(site, today, project.theme_dir / "pages", stage, catalog)
            nav = renderer.render_all()
            plan = ShellPlan.of(renderer.pages, {entry.url for entry in nav})
            plan.write_sources(docs_dir)
            copy_assets(project, docs_dir)
        with progress.stage("MkDocs", total=len(plan.direct) + len(plan.prototypes)):
            run_mkdocs(project.mkdocs_file, docs_dir, site_dir, site.town, nav, today)
        with progress.stage("Seiten zusammensetzen", total=len(renderer.pages)) as stage:
            built_by_mkdocs = set(site_dir.rglob("*.html"))  # page frames, prototypes, the 404 page
            assembled = plan.write_pages(site_dir, stage, also=search_input.add)
            compact_files(path for path in built_by_mkdocs - assembled if path.exists())
            write_sitemap(site_dir, site.town.site_url, (page.url for page in plan.pages), today)
        del plan, renderer, nav  # the bodies are written; their memory is better left to Pagefind
        release_free_memory()
        with start_index(site_dir, search_input.folder) as search:
            with progress.stage("Kalender"):
                feeds.wait()  # its worker holds a copy of the site until its report is read
            with progress.stage("Offene Daten, Widget, QR-Codes, Aushänge"):
                write_extras(project.root, project.theme_dir, site, catalog, site_dir, extras_job)
            del catalog
            release_free_memory()
            with progress.stage("Suchindex"):
                search.wait()  # an error meanwhile (Ctrl+C) stops Pagefind as the block is left
        _replace_directory(site_dir, out)
    except BaseException:
        if feeds is not None:
            feeds.cancel()
        stop_workers()
        raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def copy_assets(project: Project, docs_dir: Path) -> None:
    shutil.copytree(project.theme_dir / "assets", docs_dir / "assets")
    if project.images_dir.is_dir():
        shutil.copytree(project.images_dir, docs_dir / urls.image(""))


def _replace_directory(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``, replacing it with as small a gap as the file system allows."""
    if target.exists():
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        with interrupts_deferred():  # Ctrl+C between the renames would leave no site at all
            target.rename(old)
            new.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(target)
