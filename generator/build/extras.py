"""Everything written into the built site after MkDocs besides the calendar feeds.

* `api/v1/`: open data as JSON with JSON Schemas, and CSV for spreadsheets (`exports/`)
* `neu/rss.xml`, `neu/atom.xml`: newly added events and volunteer calls (`exports/news_feed.py`)
* `widget/`: the embeddable widget (`widget.py`)
* `…/qr.svg`: QR codes of event and club pages and of "Kalender abonnieren" (`qr.py`)
* `veranstaltungen/<id>/aushang/`, `monate/<yyyy-mm>/programm/`: printable sheets (`printouts.py`)

All of it is deterministic for one commit and one ``--today``. A build starts it before MkDocs
(`start_extras`; a build starts the QR codes even earlier, while it validates): the QR codes and
everything else are made in worker processes meanwhile, so after MkDocs only the files are written,
by the rendering worker and this process together (`offload`).
"""

from __future__ import annotations

import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from generator import urls
from generator.build.offload import MemoryWriter, write_all
from generator.build.workers import ignore_interrupt, interrupts_deferred, pool_context
from generator.build.writer import DuplicateOutputError
from generator.derive.catalog import Catalog
from generator.models.site import Site
from generator.outputs.exports.added import added_dates
from generator.outputs.exports.csv_export import clubs_csv, events_csv
from generator.outputs.exports.json_api import OCCURRENCE_DAYS, ApiBuilder, write_api
from generator.outputs.exports.news_feed import atom, news_entries, rss
from generator.outputs.feeds.writer import dtstamp_for
from generator.outputs.standalone.printouts import write_posters, write_programmes
from generator.outputs.standalone.qr import SERIAL_LIMIT, QrBatch, qr_targets
from generator.outputs.standalone.renderer import StandaloneRenderer
from generator.outputs.standalone.widget import write_widgets


@dataclass
class ExtrasReport:
    """Site-relative path → size in bytes of everything written."""

    sizes: dict[str, int] = field(default_factory=dict)


RenderedFiles = dict[str, bytes]
"""Everything of the stage but the QR codes, in memory: site-relative path → bytes, in the order
rendered (HTML documents compacted already)."""


@dataclass
class ExtrasJob:
    """The stage's work started before MkDocs: the QR codes in worker processes (`qr.QrBatch`,
    started by a build while it still validates) and, for a large site, everything else rendered
    in a worker of its own (``pool``: it needs a copy of the site), which then shares the writing."""

    root: Path
    theme_dir: Path
    site: Site
    qr_codes: QrBatch
    pool: ProcessPoolExecutor | None = None
    rendered: Future[RenderedFiles] | None = None

    def files(self, catalog: Catalog) -> RenderedFiles:
        if self.rendered is not None:
            try:
                return self.rendered.result()
            except Exception as exc:  # the worker died, or could not get the site: render here
                self.rendered = None  # (an error of the rendering itself comes again, from here)
                print(
                    f"Hinweis: Der Hilfsprozess für offene Daten, Widget und Aushänge ist ausgefallen "
                    f"({type(exc).__name__}: {exc}); sie werden jetzt im Hauptprozess erzeugt, das dauert länger.",
                    file=sys.stderr,
                )
        return render_extras(self.root, self.theme_dir, self.site, catalog)

    def close(self, wait: bool = False) -> None:
        """Let the rendering worker go once it is done; with ``wait``, return when it is gone.

        QR workers whose codes were not collected are stopped."""
        self.qr_codes.terminate()
        if self.pool is not None:
            self.pool.shutdown(wait=wait, cancel_futures=wait)
            self.pool = None

    def discard(self) -> None:
        """Let go of the files (the workers' results, ~130 MB at 10k): they are written."""
        self.rendered = None
        self.qr_codes.discard()


def start_extras(
    root: Path,
    theme_dir: Path,
    site: Site,
    catalog: Catalog,
    render_in_worker: bool = True,
    workers: int | None = None,
    serial_limit: int = SERIAL_LIMIT,
    qr_codes: QrBatch | None = None,
) -> ExtrasJob:
    """Start the stage's work in worker processes so it is done when MkDocs is (`write_extras`).

    ``qr_codes`` were started earlier (for the site's `qr_targets`), else they start now;
    ``workers`` and ``serial_limit`` as for `QrBatch.start` (no workers for small sites). The
    worker that renders the rest is forked with ``site`` and ``catalog`` where that is safe;
    a spawned one gets the site pickled and builds the catalog again (`workers.pool_context`)."""
    targets = qr_targets(site)
    if qr_codes is None or qr_codes.targets != targets:
        if qr_codes is not None:
            qr_codes.terminate()
        qr_codes = QrBatch.start(targets, workers, serial_limit)
    job = ExtrasJob(root, theme_dir, site, qr_codes)
    if render_in_worker and len(targets) > serial_limit:
        job.pool, job.rendered = _render_in_pool(root, theme_dir, site, catalog)
    return job


def _render_in_pool(
    root: Path, theme_dir: Path, site: Site, catalog: Catalog
) -> tuple[ProcessPoolExecutor | None, Future[RenderedFiles] | None]:
    """A worker rendering `render_extras` (None, None if no process can be started here)."""
    context = pool_context()
    forked = context.get_start_method() == "fork"
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=ignore_interrupt)
    except OSError:
        return None, None
    if forked:
        _inherited.update(site=site, catalog=catalog)
    try:
        with interrupts_deferred():  # the pool starts its worker now
            if forked:
                return pool, pool.submit(_render_inherited, root, theme_dir)
            return pool, pool.submit(_render_in_worker, root, theme_dir, site, catalog.today)
    except (OSError, BrokenProcessPool, RuntimeError):  # no worker after all: render in `write_extras`
        pool.shutdown(wait=False, cancel_futures=True)
        return None, None
    finally:
        _inherited.clear()  # the worker has its copy


def write_extras(
    root: Path, theme_dir: Path, site: Site, catalog: Catalog, site_dir: Path, started: ExtrasJob | None = None
) -> ExtrasReport:
    """Write the stage's files: those of ``started``, or rendered now (the QR codes in workers)."""
    job = started or start_extras(root, theme_dir, site, catalog, render_in_worker=False)
    try:
        rendered = job.files(catalog)
        codes = job.qr_codes.result()
        twice = sorted(rendered.keys() & codes.keys())
        if twice:
            raise DuplicateOutputError(f"{twice[0]} would be written twice")
        files = {**rendered, **codes}
        write_all(site_dir, files, job.pool)  # shared with the idle rendering worker
    finally:
        # On failure no worker may go on writing into a folder the build removes; on success
        # all work is done, and the workers are gone before the build exits (with os._exit).
        job.close(wait=True)
    job.discard()
    return ExtrasReport(sizes={path: len(data) for path, data in files.items()})


def render_extras(root: Path, theme_dir: Path, site: Site, catalog: Catalog) -> RenderedFiles:
    """Every file of the stage but the QR codes, in memory."""
    writer = MemoryWriter()
    added = record_dates(root, site, catalog)
    write_api(writer, ApiBuilder(site, catalog, added))
    writer.write_bytes(urls.csv_file("vereine"), clubs_csv(site))
    writer.write_bytes(urls.csv_file("veranstaltungen"), events_csv(site, catalog.upcoming(days=OCCURRENCE_DAYS)))
    entries = news_entries(site, catalog, added)
    writer.write_bytes(urls.news_rss(), rss(site, entries))
    writer.write_bytes(urls.news_atom(), atom(site, entries, dtstamp_for(catalog.today)))
    renderer = StandaloneRenderer(site, catalog, theme_dir, writer)
    write_widgets(renderer)
    write_posters(renderer)
    write_programmes(renderer)
    return writer.files


_inherited: dict[str, Any] = {}
"""The site and catalog for forked workers, set only while they are forked (`start_extras`)."""


def _render_inherited(root: Path, theme_dir: Path) -> RenderedFiles:
    return render_extras(root, theme_dir, _inherited["site"], _inherited["catalog"])


def _render_in_worker(root: Path, theme_dir: Path, site: Site, today: date) -> RenderedFiles:
    return render_extras(root, theme_dir, site, Catalog.build(site, today))


def record_dates(root: Path, site: Site, catalog: Catalog) -> dict[tuple[str, str], datetime]:
    """When each event and volunteer call was added (``(kind, id)`` → UTC time), from Git."""
    added: dict[tuple[str, str], datetime] = {}
    for kind, records in (("events", site.events), ("opportunities", site.opportunities)):
        for record_id, moment in added_dates(root, kind, sorted(records), catalog.today).items():
            added[(kind, record_id)] = moment
    return added
