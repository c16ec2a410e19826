"""Writers for the extras stage: into memory (in a worker process), and to disk from two processes.

At county scale the extras stage writes ~22,000 files (QR codes, notices, widgets) into ~11,000
folders; on this kind of machine creating a file or a folder costs about as much as rendering a
notice. The extras are rendered in the QR codes' worker process while MkDocs runs
(`extras.start_extras`, into a `MemoryWriter`, which refuses duplicates like OutputWriter);
afterwards `write_all` writes them, every other batch in that worker and the others here, so
both cores share the file system work. Without a worker (small sites, tests) it writes them all
in this process.
"""

from __future__ import annotations

import os
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from generator.build.writer import OutputWriter

BATCH_FILES = 512
BATCH_BYTES = 4_000_000


class MemoryWriter(OutputWriter):
    """Collects the files (site-relative path → bytes, in the order written) instead of writing them."""

    def __init__(self) -> None:
        super().__init__(Path())
        self.files: dict[str, bytes] = {}

    def write_bytes(self, relative: str, data: bytes) -> Path:
        self.claim(relative)
        self.files[relative] = data
        return Path(relative)


def write_files(root: str, files: list[tuple[str, bytes]]) -> None:
    """Write one batch (site-relative path, bytes) under ``root`` (in a worker process or here).

    As `writer.write_file`, with plain strings: no Path objects for tens of thousands of files."""
    for relative, data in files:
        target = os.path.join(root, relative)
        try:  # the folder mostly exists already
            with open(target, "wb") as file:
                file.write(data)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as file:
                file.write(data)


def write_all(root: Path, files: dict[str, bytes], executor: Executor | None) -> None:
    """Write ``files`` under ``root``: every other batch in a worker process of ``executor`` (while
    this process writes the others), all of them here without one. Returns when all are on disk;
    errors of the workers (e.g. a full disk) surface here, a batch whose worker died is written here."""
    batches: list[list[tuple[str, bytes]]] = [[]]
    size = 0
    for item in files.items():
        if len(batches[-1]) >= BATCH_FILES or size >= BATCH_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(item)
        size += len(item[1])
    pending: list[tuple[Future[None], list[tuple[str, bytes]]]] = []
    here: list[list[tuple[str, bytes]]] = []
    for index, batch in enumerate(batches):
        if executor is not None and index % 2 == 0:
            try:
                pending.append((executor.submit(write_files, str(root), batch), batch))
                continue
            except (BrokenProcessPool, RuntimeError):  # the worker died, or the pool was shut down
                executor = None
        here.append(batch)
    for batch in here:
        write_files(str(root), batch)
    for future, batch in pending:
        try:
            future.result()
        except BrokenProcessPool:
            write_files(str(root), batch)
