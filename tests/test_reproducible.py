"""Two builds of the same content with the same --today are byte-identical, every file of them.

Covers pages, feeds, exports, sitemap and the search index — Pagefind's filter files, meta file
and entry included (`generator/outputs/search/bundle.py` makes them canonical). See
docs/developers.md, "Reproducible builds".
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2027-01-15"


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    results = []
    for name in ("first", "second"):
        out = tmp_path_factory.mktemp(name) / "site"
        assert main(["--root", str(ROOT), "build", "--out", str(out), "--today", TODAY]) == 0
        results.append(digests(out))
    return results[0], results[1]


def test_same_files_in_both_builds(two_builds: tuple[dict[str, str], dict[str, str]]) -> None:
    first, second = two_builds
    assert sorted(set(first) ^ set(second)) == []


def test_every_file_is_byte_identical(two_builds: tuple[dict[str, str], dict[str, str]]) -> None:
    first, second = two_builds
    assert sorted(name for name in first.keys() & second.keys() if first[name] != second[name]) == []
    covered = set(first)
    assert {
        "index.html",
        "sitemap.xml",
        "sitemap.xml.gz",
        "kalender/alle.ics",
        "pagefind/pagefind-entry.json",
    } <= covered
    for folder in ("fragment", "index", "filter"):
        assert any(name.startswith(f"pagefind/{folder}/") for name in covered), folder
    assert any(name.startswith("pagefind/pagefind.") and name.endswith(".pf_meta") for name in covered)
