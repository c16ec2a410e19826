"""The bundled Herzberg sample built once per test run, shared by every test that only reads it.

With pytest-xdist every worker asks for the site; the first one to take the lock builds it into
the run's common temporary folder (``getbasetemp().parent``), the others wait and reuse it (the
pattern of the pytest-xdist docs, "Making session-scoped fixtures execute only once", with
``fcntl.flock`` instead of the ``filelock`` package). Without xdist, or where ``fcntl`` is
missing, the session builds its own copy.

Tests must treat the folder as read-only: copy it (``shutil.copytree``) before changing anything.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-12-01"
"""The "today" of the shared build: December 2026, with the sample's events before and after it."""

_NAME = "sample-site"


def build_sample(out: Path) -> Path:
    """Build the bundled sample into ``out`` with the real CLI and the shared "today"."""
    assert main(["--root", str(ROOT), "build", "--out", str(out), "--today", TODAY]) == 0
    return out


@contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    import fcntl

    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built sample, built at most once per run (once per process where it cannot be shared)."""
    try:
        import fcntl  # noqa: F401
    except ImportError:
        shared = False
    else:
        shared = "PYTEST_XDIST_WORKER" in os.environ
    if not shared:
        return build_sample(tmp_path_factory.mktemp(_NAME) / "site")
    common = tmp_path_factory.getbasetemp().parent
    out, done = common / _NAME / "site", common / f"{_NAME}.done"
    with _exclusive(common / f"{_NAME}.lock"):
        if not done.exists():
            build_sample(out)
            done.touch()
    return out
