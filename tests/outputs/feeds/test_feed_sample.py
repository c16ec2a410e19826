"""The feeds of the bundled Herzberg sample: well-formed, and both engines read the same occurrences.

The feeds are those of the run's shared build (`sample_site` in tests/conftest.py).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from feed_tools import assert_well_formed, event_blocks, expand_icaljs, expand_python

RANGE = (date(2026, 9, 1), date(2028, 1, 1))  # open-ended series are compared up to here


@pytest.fixture(scope="module")
def feeds(sample_site: Path) -> tuple[Path, list[str]]:
    """The built site and its feeds, as paths relative to it (``kalender/alle.ics``, …)."""
    return sample_site, sorted(path.relative_to(sample_site).as_posix() for path in sample_site.rglob("*.ics"))


def test_every_sample_feed_is_well_formed(feeds):
    site, names = feeds
    assert len(names) > 100
    for name in names:
        assert_well_formed((site / name).read_bytes(), name)


def test_both_engines_agree_on_every_sample_feed(feeds):
    site, names = feeds
    paths = [site / name for name in names if not name.startswith("kalender/termine/")]
    by_icaljs = expand_icaljs(paths, *RANGE)
    for path in paths:
        python = expand_python(path.read_bytes(), *RANGE)
        assert by_icaljs[path] == python, path.name
    assert len(by_icaljs[site / "kalender/alle.ics"]) > 1000


def test_single_event_files_hold_the_bytes_of_the_all_events_feed(feeds):
    site, names = feeds
    everything = event_blocks((site / "kalender/alle.ics").read_bytes())
    for name in names:
        if name.startswith("kalender/termine/") and name.count("/") == 2:
            blocks = event_blocks((site / name).read_bytes())
            assert {uid.split("@")[0].split("_")[0] for uid in blocks} == {Path(name).stem}, name
            for uid, data in blocks.items():
                assert everything.get(uid, data) == data, name


def test_a_single_date_is_the_very_occurrence_of_its_series(feeds):
    """The file behind "Nur diesen Termin" shows what the series shows on that date: same start, end,
    status and title in both engines, under a UID of its own (a lone override would not be shown)."""
    site, names = feeds
    singles = [site / name for name in names if name.startswith("kalender/termine/") and name.count("/") == 3]
    assert len(singles) > 100
    series = sorted({path.parent.with_suffix(".ics") for path in singles})
    by_icaljs = expand_icaljs([*singles, *series], *RANGE)
    for path in singles:
        ((uid, start, end, status, summary),) = expand_python(path.read_bytes(), *RANGE)
        assert by_icaljs[path] == [(uid, start, end, status, summary)], path
        assert uid == f"{path.parent.name}_{path.stem.replace('-', '')}@engagiert-herzberg.example.org"
        same_day = [o[1:] for o in by_icaljs[path.parent.with_suffix(".ics")] if o[1] == start]
        assert same_day == [(start, end, status, summary)], path


def test_each_ortsteil_feed_holds_exactly_the_events_of_its_ortsteil(feeds):
    """Membership by the Ortsteil of the event's own place, as events.json reports it (same UIDs,
    same bytes as in the all-events feed); places outside the town have a feed of their own."""
    site, names = feeds
    everything = event_blocks((site / "kalender/alle.ics").read_bytes())
    districts = {event["id"]: event["district"] for event in _api(site, "events")["items"]}
    ids = [d["id"] for d in _api(site, "districts")["items"]] + ["ausserhalb"]
    assert sorted(n for n in names if n.startswith("kalender/ortsteile/")) == sorted(
        f"kalender/ortsteile/{d}.ics" for d in ids
    )
    for district in ids:
        blocks = event_blocks((site / f"kalender/ortsteile/{district}.ics").read_bytes())
        assert set(blocks) == {uid for uid in everything if districts[uid.split("@")[0].split("_")[0]] == district}, (
            district
        )
        assert all(everything[uid] == data for uid, data in blocks.items())
    assert event_blocks((site / "kalender/ortsteile/arnsnesta.ics").read_bytes())  # a one-off place's
    assert any(
        uid.startswith("exkursion-torgau@")
        for uid in event_blocks((site / "kalender/ortsteile/ausserhalb.ics").read_bytes())
    )


def _api(site: Path, name: str) -> dict:
    return json.loads((site / "api" / "v1" / f"{name}.json").read_text(encoding="utf-8"))
