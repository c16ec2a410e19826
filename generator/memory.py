"""Hand memory the build no longer needs back to the operating system.

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
from collections.abc import Callable
from functools import cache


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
