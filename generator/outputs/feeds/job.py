"""Writing the feeds in a worker process while the build goes on with other stages.

``start_feeds`` forks a child that renders every feed into a private folder next
to ``site_dir``; ``FeedJob.wait()`` moves the files into ``site_dir`` (a few
renames: whole folders such as ``kalender/termine/`` move at once) and returns
the report, or raises the child's error. Nothing lands in ``site_dir`` before
``wait()``, so the job may start before MkDocs empties that folder.

Why fork: the child inherits the loaded Site as it is. Sending it to a fresh
interpreter ("spawn") means pickling the pydantic models: at county scale 10 MB
and about 1 s to dump in the build's own process plus 1 s to load. Forking is
only safe while this process has no other threads (a lock held by another thread
stays locked in the child for ever), so with threads (`serve`, or after the QR
code pool started), outside Linux, or where processes are not allowed, the feeds
are written in this process by ``wait()`` instead: same bytes, no overlap.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import traceback
from datetime import date
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from generator.build.workers import flush_standard_streams, fork_is_safe, ignore_interrupt, start_worker
from generator.build.writer import DuplicateOutputError
from generator.models.site import Site
from generator.outputs.feeds.writer import FeedReport, print_warnings, render_feeds


class FeedJob:
    """Feeds being written; ``wait()`` once for the report (and the files in ``site_dir``)."""

    def __init__(self, root: Path, site: Site, site_dir: Path, today: date, quiet: bool) -> None:
        self._args = (root, site, site_dir, today)
        self._quiet = quiet
        self._process: BaseProcess | None = None
        self._results: Connection | None = None
        self._staging: Path | None = None
        self.in_background = False
        """Whether a worker process writes the feeds (else ``wait()`` writes them in this process)."""

    def _start(self) -> None:
        """Fork the worker, unless forking is unsafe here (then ``wait()`` does the work)."""
        if not fork_is_safe():
            return
        root, site, site_dir, today = self._args
        context = get_context("fork")
        flush_standard_streams()
        try:
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-kalender-", dir=site_dir.parent))
        except OSError:
            return
        worker = start_worker(context, _work, root, site, staging, today)
        if worker is None:  # no processes allowed here: wait() writes them in this process
            shutil.rmtree(staging, ignore_errors=True)
            return
        (self._process, self._results), self._staging = worker, staging
        self.in_background = True

    def wait(self) -> FeedReport:
        """The report once every feed is in ``site_dir``; re-raises what went wrong in the worker."""
        report = self._collect() if self._process is not None else self._write_here()
        if not self._quiet:
            print_warnings(report)
        return report

    def cancel(self) -> None:
        """Stop the worker and remove what it wrote (for a build that failed before ``wait()``)."""
        if self._process is not None:
            self._process.terminate()
            self._finish()

    def _write_here(self) -> FeedReport:
        root, site, site_dir, today = self._args
        return render_feeds(root, site, site_dir, today)

    def _collect(self) -> FeedReport:
        assert self._results is not None and self._staging is not None
        try:
            outcome = self._results.recv()
        except EOFError:  # the worker died (e.g. killed for memory): write the feeds here
            outcome = None
        try:
            if outcome is None:
                return self._write_here()
            if isinstance(outcome, BaseException):
                raise outcome
            merge_into(self._staging, self._args[2])
            return outcome
        finally:
            self._finish()

    def _finish(self) -> None:
        assert self._process is not None and self._results is not None and self._staging is not None
        self._process.join()
        self._results.close()
        shutil.rmtree(self._staging, ignore_errors=True)
        self._process = None


def start_feeds(
    root: Path, site: Site, site_dir: Path, today: date, *, quiet: bool = False, background: bool = True
) -> FeedJob:
    """Start writing all feeds (in a worker process if ``background`` and safe); ``wait()`` for them.

    Start it before other threads or worker pools exist (right after loading the
    content) to have the feeds written while this process renders pages.
    """
    job = FeedJob(root, site, site_dir, today, quiet)
    if background:
        job._start()
    return job


def merge_into(source: Path, target: Path) -> None:
    """Move everything under ``source`` into ``target``: whole folders where ``target`` has none yet."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(source):
        destination = target / entry.name
        if entry.is_dir(follow_symlinks=False) and destination.is_dir():
            merge_into(Path(entry.path), destination)
        elif os.path.lexists(destination):
            raise DuplicateOutputError(f"{destination} would be written twice")
        else:
            shutil.move(entry.path, destination)  # a rename on one file system


def _work(root: Path, site: Site, staging: Path, today: date, results: Connection) -> None:
    """In the worker: write the feeds into ``staging``, send back the report or the error."""
    ignore_interrupt()  # Ctrl+C is the parent's to handle: it terminates this worker (`cancel`)
    try:
        outcome: FeedReport | BaseException = render_feeds(root, site, staging, today)
    except BaseException as exc:  # every error goes to the parent, which re-raises it
        exc.add_note("Im Kalender-Prozess:\n" + "".join(traceback.format_exception(exc)))
        outcome = exc
    try:
        results.send(outcome)
    except Exception as exc:  # an error that cannot be pickled: send its text
        results.send(RuntimeError(f"Kalender-Prozess: {exc!r}\n{outcome!r}"))
    finally:
        results.close()
