"""How to start worker processes: fork where that is safe, a fresh interpreter elsewhere.

A forked worker inherits the loaded site and the occurrence catalog as they are; a spawned
one gets them pickled (about 10 MB and 2 s at 10,000 events) or has to rebuild them. Forking
is only safe on Linux while this process has no other thread: a lock held by another thread
at the moment of the fork stays locked in the child for ever (`serve` runs threads).
"""

from __future__ import annotations

import signal
import sys
import threading
from multiprocessing import get_context
from multiprocessing.context import BaseContext


def fork_is_safe() -> bool:
    return sys.platform == "linux" and threading.active_count() == 1


def pool_context() -> BaseContext:
    """For a process pool started now: "fork" if safe, else "spawn"."""
    if not fork_is_safe():
        return get_context("spawn")
    flush_standard_streams()
    return get_context("fork")


def flush_standard_streams() -> None:
    """Before a fork: a child flushes its copy of anything still buffered when it ends."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()


def ignore_interrupt() -> None:
    """In a worker: leave Ctrl+C to the build's own process, which stops its workers itself.

    A terminal sends Ctrl+C to every process of the build; without this each worker printed
    its own KeyboardInterrupt traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
