"""`release_free_memory` gives freed heap pages back to the system (Linux with glibc)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from generator.build.memory import _malloc_trim, release_free_memory


def _rss_mb() -> float:
    for line in Path(f"/proc/{os.getpid()}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(sys.platform != "linux" or _malloc_trim() is None, reason="needs Linux with glibc")
def test_freed_page_bodies_go_back_to_the_system() -> None:
    # like the page bodies of a build: ~12 KB each, freed while every tenth object lives on,
    # so the free space lies in holes that glibc never returns by itself
    bodies = [bytes(12_000) + str(index).encode() for index in range(20_000)]
    kept = bodies[::10]
    del bodies
    before = _rss_mb()
    release_free_memory()
    assert before - _rss_mb() > 100, "about 216 MB were freed"
    assert len(kept) == 2_000
