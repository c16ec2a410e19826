"""The feeds of the bundled Herzberg sample: well-formed, and both engines read the same occurrences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from feed_tools import ROOT, assert_well_formed, event_blocks, expand_icaljs, expand_python, write_feeds

from generator.content import load_site
from generator.project import Project

TODAY = date(2026, 12, 1)
RANGE = (date(2026, 9, 1), date(2028, 1, 1))  # open-ended series are compared up to here


@pytest.fixture(scope="module")
def feeds(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    site, report = load_site(Project(ROOT))
    assert site is not None, report.sorted()[:5]
    out = tmp_path_factory.mktemp("sample-feeds")
    return out, write_feeds(ROOT, site, out, TODAY, quiet=True).sizes


def test_every_sample_feed_is_well_formed(feeds):
    out, sizes = feeds
    assert len(sizes) > 100
    for name in sizes:
        assert_well_formed((out / name).read_bytes(), name)


def test_both_engines_agree_on_every_sample_feed(feeds):
    out, sizes = feeds
    paths = [out / name for name in sizes if not name.startswith("kalender/termine/")]
    by_icaljs = expand_icaljs(paths, *RANGE)
    for path in paths:
        python = expand_python(path.read_bytes(), *RANGE)
        assert by_icaljs[path] == python, path.name
    assert len(by_icaljs[out / "kalender/alle.ics"]) > 1000


def test_single_event_files_hold_the_bytes_of_the_all_events_feed(feeds):
    out, sizes = feeds
    everything = event_blocks((out / "kalender/alle.ics").read_bytes())
    for name in sizes:
        if name.startswith("kalender/termine/"):
            ((uid, data),) = event_blocks((out / name).read_bytes()).items()
            assert uid.split("@")[0] == Path(name).stem
            assert everything.get(uid, data) == data, name
