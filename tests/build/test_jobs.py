"""The build's one worker pool: the same bytes as without workers, failures named by stage, Ctrl+C
held back while forking, and only its own processes ended."""

from __future__ import annotations

import os
import signal
import threading
import time
from datetime import date
from multiprocessing import get_context
from pathlib import Path

import pytest

from generator.build import jobs
from generator.build.jobs import BuildState, Jobs, StageFailed, interrupts_deferred
from generator.build.run import run_stages
from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.progress import Progress
from generator.project import Project

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def sample_state(tmp_path_factory: pytest.TempPathFactory) -> BuildState:
    project = Project(ROOT)
    site, report = load_site(project)
    assert site is not None, report
    base = tmp_path_factory.mktemp("jobs")
    return BuildState(project, site, Catalog.build(site, TODAY), TODAY, base / "site", base / "work")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_two_workers_write_the_same_site_as_one_process(tmp_path: Path) -> None:
    project = Project(ROOT)
    site, _ = load_site(project)
    assert site is not None
    made = {}
    for workers in (0, 2):
        staging, work = tmp_path / f"site-{workers}", tmp_path / f"work-{workers}"
        staging.mkdir()
        work.mkdir()
        run_stages(project, site, TODAY, staging, work, Progress(interactive=False), workers=workers)
        made[workers] = _files(staging)
    assert sorted(made[0]) == sorted(made[2])
    assert [name for name in made[0] if made[0][name] != made[2][name]] == []


def _events_of_the_site() -> int:
    return len(jobs.state().site.events)


def _fail() -> None:
    raise ValueError("kaputt\nzweite Zeile")


def _die() -> None:
    os._exit(3)


def test_tasks_read_the_state_the_pool_started_with(sample_state: BuildState) -> None:
    with Jobs(sample_state, 2) as pool:
        assert pool.parallel
        assert pool.submit("Test", _events_of_the_site).result() == len(sample_state.site.events)


def test_a_failing_task_fails_the_stage_with_one_german_line(sample_state: BuildState) -> None:
    with pytest.raises(StageFailed) as raised, Jobs(sample_state, 2) as pool:
        pool.submit("Kalender", _fail).result()
    assert str(raised.value) == "Stufe „Kalender“: ValueError: kaputt"


def test_a_worker_that_dies_fails_the_stage_instead_of_a_silent_second_try(sample_state: BuildState) -> None:
    with pytest.raises(StageFailed, match=r"Hilfsprozess.*„Suchindex“"), Jobs(sample_state, 2) as pool:
        pool.submit("Suchindex", _die).result()


def test_leaving_after_an_error_ends_the_pool_but_no_other_child() -> None:
    other = get_context("spawn").Process(target=time.sleep, args=(60,), daemon=True)
    other.start()
    try:
        state = BuildState(Project(ROOT), None, None, TODAY, Path(), Path())  # type: ignore[arg-type]
        with pytest.raises(KeyboardInterrupt), Jobs(state, 2) as pool:
            processes = list(pool._pool._processes.values())  # type: ignore[union-attr]
            raise KeyboardInterrupt
        assert all(not process.is_alive() for process in processes)
        assert other.is_alive()
    finally:
        other.terminate()
        other.join()


def test_ctrl_c_during_a_fork_arrives_after_it() -> None:
    """CPython would lose a KeyboardInterrupt raised in its after-fork hooks ("Exception ignored")."""
    reached_end_of_block = False
    with pytest.raises(KeyboardInterrupt), interrupts_deferred():
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)
        time.sleep(0.05)  # the signal waits: no KeyboardInterrupt inside the block
        reached_end_of_block = True
    assert reached_end_of_block
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set()), "Strg+C wirkt wieder"


def test_ctrl_c_held_back_while_the_pool_starts_ends_its_workers(
    sample_state: BuildState, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The signal arrives as the fork block is left, inside `Jobs.__enter__`, where `with` would not
    call `__exit__`: the workers (which ignore Ctrl+C and hold the output pipes) must end anyway."""
    from contextlib import contextmanager
    from multiprocessing import active_children

    before = set(active_children())

    @contextmanager
    def ctrl_c_when_left():
        yield
        raise KeyboardInterrupt

    monkeypatch.setattr(jobs, "interrupts_deferred", ctrl_c_when_left)
    with pytest.raises(KeyboardInterrupt), Jobs(sample_state, 2):
        pass
    assert set(active_children()) <= before
