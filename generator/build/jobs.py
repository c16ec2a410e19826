"""One pool of worker processes per build: the only way a build runs work on more than one core.

The pool starts once the content is loaded and the occurrence catalog is built, with that state
handed to every worker as it starts (`BuildState`): forked where that is safe, so the workers
share the loaded site with the build's process page for page; pickled into fresh interpreters
elsewhere. Tasks then name a function and small arguments (which pages, which feeds); the
workers write their files through a `Writer` of their own and report back the paths.

Leaving the ``with`` block ends the pool: normally after its tasks are done; after an error or
Ctrl+C at once, ending the pool's own processes only. A task that fails, or a worker that dies
(killed for memory, say), fails the build with one German line naming the stage: no silent
second attempt in the build's process, which would only show up as a slower build.

Small sites run their tasks in the build's own process (``workers=0``): starting workers costs
more than it saves, and tests build many small sites.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn, TypeVar

from generator.build.writer import Target
from generator.derive.catalog import Catalog
from generator.models.site import Site
from generator.project import Project

T = TypeVar("T")

PARALLEL_FROM_EVENTS = 20
"""Sites with fewer events build in one process (`workers_for`)."""
SPAWNED_FROM_EVENTS = 1000
"""Where workers cannot be forked, they start as fresh interpreters (~0.5 s each, and the site is
pickled to them): worth it only from this many events."""


@dataclass(frozen=True)
class BuildState:
    """What every task may read: the same in the build's process and in every worker."""

    project: Project
    site: Site
    catalog: Catalog
    today: date
    target: Target
    """Where the new site is written (`writer.Target`)."""
    work: Path
    """Scratch space of this build (MkDocs' input and frames, the search input)."""
    pictures: Path | None = None
    """Where renditions of pictures are kept between builds (`BuildCache.pictures`); None: in ``work``."""

    @property
    def picture_folder(self) -> Path:
        return self.pictures if self.pictures is not None else self.work / "bilder"


class StageFailed(RuntimeError):
    """A task of a stage failed in a worker; the message is the German line for the build's output."""


_state: BuildState | None = None
"""In a worker process: the build's state, set once as the worker starts (`_start_worker`)."""


def state() -> BuildState:
    """The build's state, in a task (in a worker or in the build's own process)."""
    if _state is None:
        raise RuntimeError("no build state: tasks run inside `Jobs`")
    return _state


def workers_for(site: Site) -> int:
    """How many worker processes pay off for ``site``: one per core from a few hundred events."""
    if len(site.events) < (PARALLEL_FROM_EVENTS if fork_is_safe() else SPAWNED_FROM_EVENTS):
        return 0
    return max(2, os.cpu_count() or 1)


class Jobs:
    """The build's worker pool (``with Jobs(state, workers) as jobs: jobs.submit(...)``)."""

    def __init__(self, build_state: BuildState, workers: int) -> None:
        self.state = build_state
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Jobs:
        global _state
        _state = self.state  # tasks that run here read it, too
        if self.workers > 0:
            flush_standard_streams()  # a forked child would flush its copy of the buffers again
            context = get_context("fork" if fork_is_safe() else "spawn")
            try:
                with interrupts_deferred():  # every worker starts now, before the pool's own thread
                    self._pool = ProcessPoolExecutor(
                        self.workers, mp_context=context, initializer=_start_worker, initargs=(self.state,)
                    )
                    self._pool.submit(_ready).result()  # fork all workers now, not at the first real task
            except BaseException as error:  # Ctrl+C held back until here: `with` does not call __exit__
                self.__exit__(type(error), error, error.__traceback__)
                raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        global _state
        _state = None
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if error is None:
            pool.shutdown(wait=True)
            return
        # an error or Ctrl+C: end this pool's processes now (and no other child of this process)
        processes = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()

    def close(self) -> None:
        """Let the workers go once their tasks are done (their memory is better left to Pagefind)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def submit(self, stage: str, function: Callable[..., T], *args: Any) -> Task[T]:
        """Run ``function(*args)`` in a worker (or at once here, without workers)."""
        if self._pool is None:
            future: Future[T] = Future()
            try:
                future.set_result(function(*args))
            except Exception as exc:
                future.set_exception(exc)
            return Task(stage, future)
        return Task(stage, self._pool.submit(_run_task, function, *args))


@dataclass
class Task:
    stage: str
    future: Future[Any]

    def result(self) -> Any:
        """The task's result; a failure becomes `StageFailed` with one German line."""
        try:
            return self.future.result()
        except BrokenProcessPool as exc:
            raise StageFailed(
                f"Ein Hilfsprozess ist unerwartet beendet worden (Stufe „{self.stage}“), zum Beispiel weil der "
                "Arbeitsspeicher nicht reichte."
            ) from exc
        except _WorkerError as exc:
            raise StageFailed(f"Stufe „{self.stage}“: {exc.summary}") from exc


class _WorkerError(Exception):
    """An exception of a task, carried back with its traceback as text (any exception pickles)."""

    def __init__(self, summary: str, details: str) -> None:
        super().__init__(summary, details)
        self.summary = summary
        self.details = details

    def __str__(self) -> str:
        return f"{self.summary}\n{self.details}"


def _run_task(function: Callable[..., T], *args: Any) -> T:
    try:
        return function(*args)
    except Exception as exc:
        from generator.problems import exception_summary

        raise _WorkerError(exception_summary(exc), "".join(traceback.format_exception(exc))) from None


def _start_worker(build_state: BuildState) -> None:
    """In a new worker: keep the state; leave Ctrl+C to the build's process, which ends the pool."""
    global _state
    _state = build_state
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _ready() -> None:
    pass


def fork_is_safe() -> bool:
    """Forking copies only the calling thread: a lock another thread holds stays locked in the child
    for ever. So fork only on Linux and only while this process has no other thread."""
    return sys.platform == "linux" and threading.active_count() == 1


def flush_standard_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl+C back while worker processes are forked (or the site is swapped in); it arrives
    when the block is left.

    CPython runs its after-fork hooks with the signal handler live, and a KeyboardInterrupt raised
    inside one is printed as "Exception ignored" and lost: the build went on as if nothing had been
    pressed. Blocked, the signal waits. Forked workers inherit the blocked signal and ignore it."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork either
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def exit_now(code: int) -> NoReturn:
    """Leave the process without the interpreter's teardown, which frees every object one by one:
    after a build of 10,000 events that took 2.0 s of nothing but waiting (mypy does the same,
    `hard_exit`). Only for the end of a command, after every `Jobs` block was left."""
    flush_standard_streams()
    os._exit(code)
