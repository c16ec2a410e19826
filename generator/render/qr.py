"""QR codes as SVG, made at build time (pure Python, no network, no image library).

Every event and club page gets `qr.svg` next to its `index.html`, holding the page's absolute
address; the printable notices and programmes show the same files large. The codes are segno's;
segno itself spends ~10 ms per code (~7 ms choosing the best of the eight masks, ISO/IEC 18004
§7.8.3), so web addresses go through `qr_matrix`, which makes the same bytes in ~1 ms. A build
starts the whole batch in a worker process before MkDocs runs and collects it afterwards
(``QrBatch.start`` … ``QrBatch.result``); MkDocs keeps a core of its own.

Output is deterministic: the same address always gives the same bytes (error correction M,
quiet zone of four modules, no XML declaration, no size in pixels: the page sizes the image).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING

import segno

from generator.render import qr_matrix, urls
from generator.render.workers import ignore_interrupt, pool_context

if TYPE_CHECKING:  # keeps the worker processes' imports small
    from generator.models.site import Site

SERIAL_LIMIT = 200
"""Batches up to this size are made in the building process (starting a worker costs ~0.3 s, ~1 ms a code)."""


@dataclass(frozen=True)
class QrTarget:
    path: str
    """Site-relative path of the SVG file."""
    url: str
    """The absolute address it encodes."""


def qr_svg(url: str) -> bytes:
    """One QR code (error correction M, best mask) as a compact SVG drawn in module units."""
    fast = qr_matrix.svg(url)
    if fast is not None:
        return fast + b"\n"
    return segno_svg(url)


def segno_svg(url: str) -> bytes:
    """``qr_svg`` made by segno itself (the reference for `qr_matrix`; any text)."""
    code = segno.make(url, error="m", micro=False, boost_error=False)
    buffer = io.BytesIO()
    code.save(
        buffer,
        kind="svg",
        border=4,
        xmldecl=False,
        svgclass=None,
        lineclass=None,
        omitsize=True,
        title=url,
        dark="#000",
        light="#fff",
    )
    return buffer.getvalue() + b"\n"


def _make(targets: list[QrTarget]) -> list[tuple[str, bytes]]:
    return [(target.path, qr_svg(target.url)) for target in targets]


def qr_targets(site: Site) -> list[QrTarget]:
    """The QR codes of a site: every event page, every club page and the page "Kalender abonnieren"."""
    base = site.town.site_url
    pages = [urls.event(event_id) for event_id in sorted(site.events)]
    pages += [urls.club(club_id) for club_id in sorted(site.clubs)]
    pages.append(urls.subscribe())
    return [QrTarget(urls.qr(page), base + page) for page in pages]


@dataclass
class QrBatch:
    """QR codes being made (in worker processes for large batches) while the build goes on.

    The workers stay until ``close``: the extras stage hands them its files to write (`offload`)."""

    targets: list[QrTarget]
    _futures: list[Future[list[tuple[str, bytes]]]] = field(default_factory=list)
    _executor: ProcessPoolExecutor | None = None

    @classmethod
    def start(
        cls,
        targets: Iterable[QrTarget],
        workers: int | None = None,
        serial_limit: int = SERIAL_LIMIT,
        context: BaseContext | None = None,
    ) -> QrBatch:
        batch = cls(list(targets))
        # one core stays with the building process (MkDocs runs meanwhile)
        workers = workers or max(1, min(4, (os.cpu_count() or 1) - 1))
        if len(batch.targets) <= serial_limit:
            return batch
        chunks = [batch.targets[index :: workers * 2] for index in range(workers * 2)]
        try:
            # forked if safe (the extras worker then inherits the site), else fresh interpreters
            batch._executor = ProcessPoolExecutor(
                max_workers=workers, mp_context=context or pool_context(), initializer=ignore_interrupt
            )
            batch._futures = [batch._executor.submit(_make, chunk) for chunk in chunks if chunk]
        except OSError:  # no processes allowed here: make them in this process
            batch.close()
            batch._futures = []
        return batch

    def result(self) -> dict[str, bytes]:
        """Site-relative path → SVG bytes, sorted by path."""
        made: list[tuple[str, bytes]] = []
        try:
            for future in self._futures:
                made += future.result()
        except (BrokenProcessPool, OSError):  # a worker died (e.g. killed for memory): make them here
            self.close()
            self._futures = []
        if not self._futures:
            made = _make(self.targets)
        return dict(sorted(made))

    @property
    def executor(self) -> ProcessPoolExecutor | None:
        """The worker processes, while they are there."""
        return self._executor

    def discard(self) -> None:
        """Drop the results (after ``result()`` was read): the codes are written."""
        self._futures = []
        self.targets = []

    def terminate(self) -> None:
        """Stop the workers now, whatever they are doing (the build failed or was interrupted).

        They ignore Ctrl+C (`workers.ignore_interrupt`), and the build leaves with ``os._exit``,
        so nothing else would stop a worker still busy or waiting for work."""
        if self._executor is not None:
            processes = list((self._executor._processes or {}).values())  # public only from Python 3.14
            self._executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            for process in processes:
                process.join()
            self._executor = None

    def close(self, wait: bool = False) -> None:
        """Let the workers exit once their work is done (results stay readable); with ``wait``,
        drop the work not started and return when the workers are gone."""
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=wait)
            self._executor = None
