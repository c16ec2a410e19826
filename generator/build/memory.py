"""Memory of a build: spare the garbage collector the content, hand back what is not needed.

CPython keeps freed memory for reuse, and glibc's allocator keeps the pages of
freed blocks too: after rendering ~11,000 pages the build's own process holds
several hundred MB it will never use again, just when Pagefind needs over a
gigabyte at county scale. ``malloc_trim`` returns those pages (glibc only;
elsewhere this just collects garbage).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache


@contextmanager
def content_frozen() -> Iterator[None]:
    """Keep everything alive now (the loaded site) out of garbage collection inside the block.

    The site is hundreds of thousands of objects at county scale, alive for the whole build;
    every full collection walked them all (~0.3 s each at 10,000 events, 4–5 of them while the
    pages render). Frozen objects are also never touched by a forked worker's collector, so
    their memory stays shared with the workers. Leaving the block hands them back.
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def release_free_memory() -> None:
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
