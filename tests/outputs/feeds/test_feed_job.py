"""Feeds written in a worker process (`start_feeds` … `wait()`): the same bytes, errors re-raised, fallbacks.

Forking needs a process without other threads, which a pytest-xdist worker is not, so the
scenarios run in a fresh interpreter (one for all of them) that reports back as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from feed_project import ROOT, TODAY, load, make_project

from generator.build.writer import DuplicateOutputError
from generator.outputs.feeds import start_feeds, write_feeds
from generator.outputs.feeds.job import merge_into

SCENARIOS = r"""
import json, os, sys, threading
from datetime import date
from pathlib import Path
from feed_project import TODAY, load
from generator.outputs.feeds import job as job_module
from generator.outputs.feeds import start_feeds

root, base = Path(sys.argv[1]), Path(sys.argv[2])
site, today = load(root), date.fromisoformat(TODAY)
results = {}

def site_dir(name):
    folder = base / name / "site"
    (folder / "kalender").mkdir(parents=True)
    (folder / "kalender" / "index.html").write_text("Seite von MkDocs")
    return folder

out = site_dir("ok")
job = start_feeds(root, site, out, today, quiet=True)
early = sorted(p.name for p in (out / "kalender").iterdir())
report = job.wait()
results["ok"] = {"background": job.in_background, "early": early, "files": len(report.sizes),
                 "left": sorted(p.name for p in out.parent.iterdir())}

real = job_module.render_feeds
parent = os.getpid()

def failing(*args):
    raise ValueError("kaputt")

job_module.render_feeds = failing
job = start_feeds(root, site, site_dir("error"), today, quiet=True)
background = job.in_background
try:
    job.wait()
    results["error"] = "nothing raised"
except ValueError as exc:
    results["error"] = {"background": background, "message": str(exc), "notes": getattr(exc, "__notes__", [])}

def dying(*args):
    if os.getpid() != parent:
        os._exit(3)
    return real(*args)

job_module.render_feeds = dying
job = start_feeds(root, site, site_dir("died"), today, quiet=True)
background = job.in_background
results["died"] = {"background": background, "files": len(job.wait().sizes)}
job_module.render_feeds = real

out = site_dir("cancelled")
job = start_feeds(root, site, out, today, quiet=True)
job.cancel()
results["cancelled"] = sorted(p.name for p in out.parent.iterdir())

stop = threading.Event()
thread = threading.Thread(target=stop.wait)
thread.start()
job = start_feeds(root, site, site_dir("threads"), today, quiet=True)
results["threads"] = {"background": job.in_background, "files": len(job.wait().sizes)}
stop.set()
thread.join()
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory) -> tuple[Path, dict]:
    base = tmp_path_factory.mktemp("feed-job")
    root = make_project(base / "project")
    path = os.pathsep.join([str(ROOT / "tests" / "outputs" / "feeds"), str(ROOT)])
    done = subprocess.run(
        [sys.executable, "-c", SCENARIOS, str(root), str(base)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": path},
    )
    assert done.returncode == 0, done.stderr
    return base, json.loads(done.stdout)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def written_here(base: Path) -> dict[str, bytes]:
    out = base / "here"
    write_feeds(base / "project", load(base / "project"), out, date.fromisoformat(TODAY), quiet=True)
    return files(out)


def test_worker_writes_the_same_bytes_into_site_dir_only_on_wait(scenarios):
    base, results = scenarios
    ok = results["ok"]
    assert ok["background"] is True
    assert ok["early"] == ["index.html"]  # nothing in site_dir before wait(): MkDocs may still empty it
    assert ok["left"] == ["site"]  # the worker's own folder is gone
    written = files(base / "ok" / "site")
    assert written.pop("kalender/index.html") == b"Seite von MkDocs"
    assert written == written_here(base)
    assert ok["files"] == len(written)


def test_an_error_in_the_worker_is_raised_by_wait(scenarios):
    _, results = scenarios
    error = results["error"]
    assert error["background"] is True
    assert error["message"] == "kaputt"
    assert any("Im Kalender-Prozess" in note and "failing" in note for note in error["notes"])


def test_a_worker_that_dies_leaves_the_work_to_wait(scenarios):
    base, results = scenarios
    assert results["died"]["background"] is True
    assert feeds_written(base, "died") == written_here(base)


def test_cancel_removes_what_the_worker_wrote(scenarios):
    _, results = scenarios
    assert results["cancelled"] == ["site"]


def test_with_other_threads_the_feeds_are_written_in_this_process(scenarios):
    base, results = scenarios
    assert results["threads"]["background"] is False
    assert feeds_written(base, "threads") == written_here(base)


def feeds_written(base, scenario: str) -> dict:
    """The feed files of a scenario's site (its stand-in page aside)."""
    written = files(base / scenario / "site")
    written.pop("kalender/index.html")
    return written


def test_write_feeds_is_start_and_wait_in_this_process(feed_project, tmp_path):
    site, today = load(feed_project), date.fromisoformat(TODAY)
    job = start_feeds(feed_project, site, tmp_path / "site", today, quiet=True, background=False)
    assert not job.in_background and not (tmp_path / "site").exists()
    assert job.wait().sizes == write_feeds(feed_project, site, tmp_path / "again", today, quiet=True).sizes
    assert files(tmp_path / "site") == files(tmp_path / "again")


def test_merge_refuses_to_overwrite_a_file(tmp_path):
    (tmp_path / "new" / "kalender" / "orte").mkdir(parents=True)
    (tmp_path / "new" / "kalender" / "alle.ics").write_bytes(b"neu")
    (tmp_path / "new" / "kalender" / "orte" / "markt.ics").write_bytes(b"neu")
    (tmp_path / "site" / "kalender").mkdir(parents=True)
    (tmp_path / "site" / "kalender" / "alle.ics").write_bytes(b"alt")
    with pytest.raises(DuplicateOutputError):
        merge_into(tmp_path / "new", tmp_path / "site")
    assert (tmp_path / "site" / "kalender" / "alle.ics").read_bytes() == b"alt"
