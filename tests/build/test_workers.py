"""Worker processes and Ctrl+C: interrupts held back while forking, and no worker left behind."""

from __future__ import annotations

import signal
import threading
import time
from multiprocessing import get_context

import pytest

from generator.build.workers import interrupts_deferred, stop_workers


def test_ctrl_c_during_a_fork_arrives_after_it() -> None:
    """CPython would lose a KeyboardInterrupt raised in its after-fork hooks ("Exception ignored")."""
    reached_end_of_block = False
    with pytest.raises(KeyboardInterrupt), interrupts_deferred():
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)
        time.sleep(0.05)  # the signal waits: no KeyboardInterrupt inside the block
        reached_end_of_block = True
    assert reached_end_of_block
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set()), "Strg+C wirkt wieder"


def test_stop_workers_ends_every_worker_still_running() -> None:
    context = get_context("spawn")  # pytest-xdist runs threads: no fork here
    workers = [context.Process(target=time.sleep, args=(60,), daemon=True) for _ in range(2)]
    for worker in workers:
        worker.start()
    stop_workers()
    assert all(not worker.is_alive() for worker in workers)
