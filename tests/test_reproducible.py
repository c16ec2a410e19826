"""Two builds of the same content with the same --today are byte-identical.

Covers pages, feeds, exports, sitemap and the search index. The one documented exception:
Pagefind orders the values of a filter in a hash map, so its filter file — and the meta file and
entry that name it by hash — may differ between runs; the index chunks and fragments (the
searchable content) are identical. See docs/developers.md, "Reproducible builds".
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2027-01-15"
PAGEFIND_UNORDERED = re.compile(r"^pagefind/(filter/.*|pagefind\..*\.pf_meta|pagefind-entry\.json)$")


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
    only_one = {name for name in set(first) ^ set(second) if not PAGEFIND_UNORDERED.match(name)}
    assert not only_one


def test_every_file_is_byte_identical_except_pagefinds_filter_order(
    two_builds: tuple[dict[str, str], dict[str, str]],
) -> None:
    first, second = two_builds
    differing = sorted(
        name for name in set(first) & set(second) if first[name] != second[name] and not PAGEFIND_UNORDERED.match(name)
    )
    assert not differing
    covered = set(first)
    assert {"index.html", "sitemap.xml", "sitemap.xml.gz", "kalender/alle.ics"} <= covered
    assert any(name.startswith("pagefind/fragment/") for name in covered)
    assert any(name.startswith("pagefind/index/") for name in covered)
