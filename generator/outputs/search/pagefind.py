"""Full-text search: run Pagefind over the indexed pages, trimmed to what it reads.

Pagefind indexes only elements marked ``data-pagefind-body`` (the record and
editorial pages; listings and the search page itself stay out), reads the
language from ``<html lang="de">`` for German stemming ("Garten" finds
"Gärten") and writes its static bundle to ``pagefind/`` inside the site. The
binary ships in the ``pagefind_bin`` wheel, so nothing is downloaded.

A build does not make Pagefind read the site itself: while the pages are
assembled, the build writes each indexed page once more (`search_document`), trimmed to what
Pagefind reads of it (the ``<html lang>`` tag, the heading and the marked
body), into a folder of its own. Material's frame is about two thirds of a
page's HTML; without it Pagefind needs a quarter less CPU (14.4 s instead of
19.2 s of user time at 10,000 events) for the same index (`tests/test_build.py`
compares both with an index of the whole site, restricted to ``INDEXED_PAGES``.

Pagefind 1.5 orders filter values in hash maps, so its filter files, meta file and
entry differ from run to run; `IndexRun.wait` makes them canonical (`search_bundle`),
so the whole bundle is the same bytes for the same pages.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import IO

from pagefind.service import get_executable

from generator import urls
from generator.outputs.hyphenation import without_soft_hyphens
from generator.outputs.search.bundle import BundleFormatError, canonicalise_bundle

BUNDLE_DIR = "pagefind"
"""Folder of the search bundle inside the site (reserved in ``urls.RESERVED_SECTIONS``)."""
TIMEOUT_SECONDS = 600

INDEXED_PAGES = (
    urls.event("*"),
    urls.club("*"),
    urls.venue("*"),
    urls.opportunity("*"),
    urls.page("*"),  # editorial pages; also the forms overview `melden/` and the other top-level pages
)
"""Pages whose templates carry ``data-pagefind-body``; every other HTML file is never read.

`*` stops at `/`, so `veranstaltungen/<id>/aushang/` (posters) and `widget/…` stay out.
tests/test_build.py checks on the sample that this indexes exactly what an unrestricted run does.
"""
GLOB = "{" + ",".join(url.rstrip("/") for url in INDEXED_PAGES) + "}/index.html"
"""Pagefind's ``--glob`` (relative to the site) for ``INDEXED_PAGES``."""


class SearchIndexError(RuntimeError):
    """Pagefind could not index the built site (a setup or theme problem, not a content problem)."""


UNUSED_BUNDLE_FILES = (
    "pagefind-ui.css",
    "pagefind-ui.js",
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-highlight.js",
)
"""The UIs Pagefind always writes; the portal's search page (theme/assets/suche.js) uses its JavaScript API."""


BODY_MARK = "data-pagefind-body"


def search_document(html: str) -> str | None:
    """``html`` as Pagefind needs it, or None for a page that is not indexed.

    Pagefind takes the language from ``<html lang>``, the title from the first ``<h1>``, and
    everything else from inside the element marked ``data-pagefind-body`` (a theme's
    ``data-pagefind-meta`` or ``-filter`` belongs in there too). So the document keeps the
    ``<html>`` tag and the page from the first heading or the marked element, whichever comes
    first, to the end of Material's ``<article>``. A page of another shape is kept whole.
    Soft hyphens (`outputs.hyphenation`) are left out: "Sonntagsgottesdienst" must find the page
    that shows "Sonn\u00adtags\u00adgot\u00adtes\u00addienst", and results show no traces of them.
    """
    html = without_soft_hyphens(html)
    mark = html.find(BODY_MARK)
    if mark < 0:
        return None
    html_tag = html.find("<html")
    heading = html.find("<h1")
    start = min(html.rfind("<", 0, mark), heading if heading >= 0 else mark)
    end = html.rfind("</article>")
    if html_tag < 0 or heading < 0 or end < mark:
        return html
    opening = html[html_tag : html.index(">", html_tag) + 1]
    return f"<!doctype html>{opening}<body>{html[start:end]}</body></html>"


def index_site(site_dir: Path) -> None:
    """Write the Pagefind bundle into ``site_dir/pagefind/``; raise SearchIndexError on failure."""
    start_index(site_dir).wait()


def start_index(site_dir: Path, source: Path | None = None) -> IndexRun:
    """Start Pagefind in the background; ``.wait()`` on the result finishes ``site_dir/pagefind/``.

    Pagefind reads the pages of ``source`` (a `SearchInput` folder) or, without one, the pages
    of ``site_dir`` that match ``GLOB``.

    Contract for callers that keep building while Pagefind runs: the pages it reads must be
    complete before the start and stay untouched until ``wait()`` returns. Other files
    (feeds, open data, posters, widgets, QR codes) may be written meanwhile, but
    nothing may be written to ``site_dir/pagefind/``, and the site must not be moved or deleted.
    Use the run as a context manager: leaving the block waits for Pagefind (raising
    SearchIndexError as ``index_site`` does), an exception inside it stops Pagefind:

        with start_index(site_dir):
            ...  # anything that does not touch the indexed pages
    """
    reads = ["--site", str(source)] if source is not None else ["--site", str(site_dir), "--glob", GLOB]
    command = [str(_executable()), *reads, "--output-path", str(site_dir / BUNDLE_DIR), "--silent"]
    # A file, not a pipe: a pipe nobody reads until wait() could fill up and stall Pagefind.
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")  # noqa: SIM115 (IndexRun closes it)
    try:
        process = subprocess.Popen(command, cwd=site_dir, stdout=log, stderr=subprocess.STDOUT)
    except OSError as exc:
        log.close()
        raise SearchIndexError(f"Pagefind ließ sich nicht ausführen: {exc}") from exc
    return IndexRun(site_dir, process, log, time.monotonic() + TIMEOUT_SECONDS)


class IndexRun:
    """Pagefind running on a site (from ``start_index``); finish it with ``wait()`` or the ``with`` block."""

    def __init__(self, site_dir: Path, process: subprocess.Popen[bytes], log: IO[str], deadline: float) -> None:
        self.site_dir = site_dir
        self._process = process
        self._log = log
        self._deadline = deadline
        self._finished = False

    def wait(self) -> None:
        """Wait for Pagefind, tidy its bundle and make it canonical; raise SearchIndexError on failure or timeout.

        Only the first call waits; later calls return at once.
        """
        if self._finished:
            return
        self._finished = True
        try:
            returncode = self._process.wait(timeout=max(0.0, self._deadline - time.monotonic()))
        except subprocess.TimeoutExpired as exc:
            self._stop()
            raise SearchIndexError(f"Pagefind ließ sich nicht ausführen: {exc}") from exc
        output = self._output()
        if returncode != 0:
            raise SearchIndexError(f"Pagefind ist mit Status {returncode} abgebrochen:\n{output}")
        bundle = self.site_dir / BUNDLE_DIR
        if not (bundle / "pagefind-entry.json").is_file():
            raise SearchIndexError(f"Pagefind hat keinen Suchindex geschrieben.\n{output}".strip())
        for unused in UNUSED_BUNDLE_FILES:
            (bundle / unused).unlink(missing_ok=True)
        try:
            canonicalise_bundle(bundle)
        except BundleFormatError as exc:
            raise SearchIndexError(
                f"Der Suchindex von Pagefind hat ein unerwartetes Format: {exc} "
                "Bitte die Abhängigkeiten neu installieren: `.venv/bin/pip install -r requirements.lock`."
            ) from exc

    def cancel(self) -> None:
        """Stop Pagefind if it still runs (the build failed elsewhere); the bundle is then incomplete."""
        self._finished = True
        self._stop()

    def _stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._log.close()

    def _output(self) -> str:
        self._log.seek(0)
        output = self._log.read().strip()
        self._log.close()
        return output

    def __enter__(self) -> IndexRun:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        """Leaving the block normally finishes the bundle (as ``wait()``); an exception stops Pagefind."""
        if error is None:
            self.wait()
        else:
            self.cancel()


def _executable() -> Path:
    try:
        path = get_executable()
    except FileNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise SearchIndexError(
            "Das Programm Pagefind fehlt. Bitte die Abhängigkeiten neu installieren: "
            "`.venv/bin/pip install -r requirements.lock`."
        )
    return path
