"""The extras stage prepared in a worker process (a build) writes what it writes in-process (`serve`)."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from multiprocessing import get_context
from pathlib import Path

import pytest

from generator.build.extras import RenderedFiles, start_extras, write_extras
from generator.build.offload import write_all
from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.outputs.minify import compact_html
from generator.project import Project

ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2026, 12, 1)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_worker_renders_and_writes_the_same_files(tmp_path: Path) -> None:
    project = Project(ROOT)
    site, _ = load_site(project)
    assert site is not None
    catalog = Catalog.build(site, TODAY)
    here, there = tmp_path / "here", tmp_path / "worker"
    plain = write_extras(ROOT, project.theme_dir, site, catalog, here)
    job = start_extras(ROOT, project.theme_dir, site, catalog, workers=1, serial_limit=0)
    assert job.rendered is not None, "the sample is small: the test asks for a worker anyway"
    report = write_extras(ROOT, project.theme_dir, site, catalog, there, job)
    assert job.pool is None and not job.qr_codes.in_workers, "the workers are let go"
    assert report.sizes == plain.sizes
    assert _files(there) == _files(here)
    assert any(name.endswith("/aushang/index.html") for name in report.sizes)


FORKED_BUILD = """
import sys
from pathlib import Path
from generator.project import Project
from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.build.extras import start_extras, write_extras
from generator.build.workers import fork_is_safe

project = Project(Path(sys.argv[1]))
site, _ = load_site(project)
catalog = Catalog.build(site, {today!r})
assert fork_is_safe(), "a fresh interpreter has no other thread"
job = start_extras(project.root, project.theme_dir, site, catalog, workers=1, serial_limit=0)
assert job.rendered is not None
write_extras(project.root, project.theme_dir, site, catalog, Path(sys.argv[2]), job)
"""


def test_forked_worker_writes_the_same_files(tmp_path: Path) -> None:
    """A build forks the worker (it inherits site and catalog); pytest's workers run threads,
    so that path runs in a fresh interpreter here."""
    project = Project(ROOT)
    site, _ = load_site(project)
    assert site is not None
    here, there = tmp_path / "here", tmp_path / "forked"
    write_extras(ROOT, project.theme_dir, site, Catalog.build(site, TODAY), here)
    script = FORKED_BUILD.replace("{today!r}", f"date.fromisoformat({TODAY.isoformat()!r})")
    script = "from datetime import date\n" + script
    subprocess.run([sys.executable, "-c", script, str(ROOT), str(there)], check=True, cwd=ROOT)
    assert _files(there) == _files(here)


def test_files_are_written_in_batches_by_worker_and_this_process(tmp_path: Path) -> None:
    files = {f"a/{n % 7}/{n}/index.html": f"<p>{n}</p>\n".encode() for n in range(1500)}
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as executor:
        write_all(tmp_path, files, executor)
    assert _files(tmp_path) == files


def test_a_failed_worker_job_is_rendered_here(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = Project(ROOT)
    site, _ = load_site(project)
    assert site is not None
    catalog = Catalog.build(site, TODAY)
    job = start_extras(ROOT, project.theme_dir, site, catalog, render_in_worker=False)
    failed: Future[RenderedFiles] = Future()
    failed.set_exception(BrokenProcessPool("killed for memory"))
    job.rendered = failed
    report = write_extras(ROOT, project.theme_dir, site, catalog, tmp_path, job)
    notice = capsys.readouterr().err
    assert "Hilfsprozess für offene Daten, Widget und Aushänge ist ausgefallen" in notice
    assert "killed for memory" in notice, "the cause, for whoever looks into it"
    assert (tmp_path / "api/v1/events.json").stat().st_size == report.sizes["api/v1/events.json"]
    posters = [name for name in report.sizes if name.endswith("/aushang/index.html")]
    assert posters
    for name in posters:  # compacted as rendered: nothing reads them back later
        html = (tmp_path / name).read_text(encoding="utf-8")
        assert compact_html(html) == html, name
