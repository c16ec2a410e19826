"""How to start worker processes: fork where that is safe, a fresh interpreter elsewhere.

A forked worker inherits the loaded site and the occurrence catalog as they are; a spawned
one gets them pickled (about 10 MB and 2 s at 10,000 events) or has to rebuild them. Forking
is only safe on Linux while this process has no other thread: a lock held by another thread
at the moment of the fork stays locked in the child for ever (`serve` runs threads).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, NoReturn


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


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl+C back while worker processes are forked; it arrives when the block is left.

    CPython runs its after-fork hooks (logging's among them) with the signal handler live, and a
    KeyboardInterrupt raised inside one is printed as "Exception ignored" and lost: the build
    went on to the end as if nothing had been pressed. Blocked, the signal waits for the fork.
    The forked workers inherit the blocked signal; they ignore it anyway (`ignore_interrupt`)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork either
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def start_worker(
    context: BaseContext, target: Callable[..., None], *args: Any
) -> tuple[BaseProcess, Connection] | None:
    """Start ``target(*args, send)`` in a daemon worker that sends its results through a pipe.

    Returns the process and the receiving end (EOF once the worker is gone), or None where no
    process may be started. The fork happens with Ctrl+C held back (`interrupts_deferred`);
    daemon: a build that fails before it reads the results does not wait for the worker."""
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=target, args=(*args, send), daemon=True)
    try:
        with interrupts_deferred():
            process.start()
    except OSError:
        receive.close()
        return None
    finally:
        send.close()  # the worker has its copy
    return process, receive


def stop_workers() -> None:
    """Stop every worker process this process started and still has: the build failed or was
    interrupted, perhaps just while a worker was being started and not yet known to its job.

    Workers ignore Ctrl+C (`ignore_interrupt`), and a build leaves with ``os._exit``, so
    nothing else would stop one that is busy or waits for its results to be read."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join()


def exit_now(code: int) -> NoReturn:
    """Leave the process without the interpreter's teardown, which frees every object one by one:
    after a build of 10,000 events that took 2.0 s of nothing but waiting (mypy does the same,
    `hard_exit`). Only for the end of a command: every worker must be gone by then (see
    `stop_workers`); only the standard streams may still hold output."""
    flush_standard_streams()
    os._exit(code)
