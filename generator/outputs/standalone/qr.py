"""QR codes as SVG, made at build time (pure Python, no network, no image library).

Every event and club page gets `qr.svg` next to its `index.html`, holding the page's absolute
address; the printable notices and programmes show the same files large. The codes are segno's;
segno itself spends ~10 ms per code (~7 ms choosing the best of the eight masks, ISO/IEC 18004
§7.8.3), so web addresses go through `qr_matrix`, which makes the same bytes in ~0.9 ms. A build
starts the whole batch in a worker process as soon as it knows the ids, while it still validates
the records on the other core, and collects it in the extras stage (``QrBatch.start`` …
``QrBatch.result``).

Output is deterministic: the same address always gives the same bytes (error correction M,
quiet zone of four modules, no XML declaration, no size in pixels: the page sizes the image).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

import segno

from generator import urls
from generator.build.workers import ignore_interrupt, pool_context, start_worker
from generator.outputs.standalone import qr_matrix

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
    return qr_targets_of(site.town.site_url, site.events, site.clubs)


def qr_targets_of(site_url: str, event_ids: Iterable[str], club_ids: Iterable[str]) -> list[QrTarget]:
    """`qr_targets` from the ids alone: a build starts the codes while it still validates the records."""
    pages = [urls.event(event_id) for event_id in sorted(event_ids)]
    pages += [urls.club(club_id) for club_id in sorted(club_ids)]
    pages.append(urls.subscribe())
    return [QrTarget(urls.qr(page), site_url + page) for page in pages]


@dataclass
class QrBatch:
    """QR codes being made (in worker processes for large batches) while the build goes on.

    Plain processes, each sending its codes through a pipe: no thread in this process (a pool
    would start one), so a build can start the batch while it still validates the records and
    still fork the feeds and extras workers afterwards (`workers.fork_is_safe`)."""

    targets: list[QrTarget]
    _workers: list[tuple[BaseProcess, Connection]] = field(default_factory=list)

    @classmethod
    def start(
        cls, targets: Iterable[QrTarget], workers: int | None = None, serial_limit: int = SERIAL_LIMIT
    ) -> QrBatch:
        batch = cls(list(targets))
        if len(batch.targets) <= serial_limit:
            return batch
        # one core stays with the building process
        count = workers or max(1, min(4, (os.cpu_count() or 1) - 1))
        context = pool_context()  # forked if safe, else fresh interpreters (the targets are all they need)
        for index in range(count):
            worker = start_worker(context, _make_and_send, batch.targets[index::count])
            if worker is None:  # no processes allowed here: `result` makes them in this process
                batch.terminate()
                break
            batch._workers.append(worker)
        return batch

    @property
    def in_workers(self) -> bool:
        return bool(self._workers)

    def result(self) -> dict[str, bytes]:
        """Site-relative path → SVG bytes, sorted by path."""
        made: list[tuple[str, bytes]] = []
        try:
            for _process, receive in self._workers:
                made += receive.recv()
        except (EOFError, OSError):  # a worker died (e.g. killed for memory): make them all here
            self.terminate()
        complete = bool(self._workers)
        self.terminate()  # each worker ends once it has sent its codes
        return dict(sorted(made if complete else _make(self.targets)))

    def discard(self) -> None:
        """Drop the targets (after ``result()`` was read): the codes are written."""
        self.targets = []

    def terminate(self) -> None:
        """Stop the workers now, whatever they are doing (see `workers.stop_workers` for why)."""
        for process, receive in self._workers:
            process.terminate()
            process.join()
            receive.close()
        self._workers = []


def _make_and_send(targets: list[QrTarget], results: Connection) -> None:
    """In a worker: make the codes and send them (an error ends the worker; `result` then makes
    them all in the building process, where the error is raised again)."""
    ignore_interrupt()
    try:
        results.send(_make(targets))
    except BaseException:
        os._exit(1)  # quietly: the building process reports it
    finally:
        results.close()
