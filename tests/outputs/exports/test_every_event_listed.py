"""Open data lists every current event (issue 18: the CSV held 253 of 951 events and
`next_occurrences` was empty for 698, because both stopped at a 90-day horizon without saying so).

An event with dates in the coming 90 days lists those; an event whose first date lies further
ahead lists that date; only events that are over list none."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from sample_build import ROOT, TODAY

from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.outputs.exports.json_api import OCCURRENCE_DAYS
from generator.project import Project


def _catalog() -> Catalog:
    site, report = load_site(Project(ROOT))
    assert site is not None, report.sorted()
    return Catalog.build(site, date.fromisoformat(TODAY))


def test_every_current_event_has_its_dates_in_json_and_csv(sample_site: Path) -> None:
    catalog = _catalog()
    current = {event_id for event_id in catalog.by_event if catalog.is_current(event_id)}
    events = json.loads((sample_site / "api/v1/events.json").read_text(encoding="utf-8"))
    with_dates = {e["id"] for e in events["items"] if e["next_occurrences"]}
    assert with_dates == current
    text = (sample_site / "api/v1/veranstaltungen.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    id_column = rows[0].index("Kennung")
    assert {row[id_column] for row in rows[1:]} == current


def test_a_far_event_lists_its_next_date_only(sample_site: Path) -> None:
    catalog = _catalog()
    far = [
        event_id
        for event_id, items in catalog.by_event.items()
        if catalog.is_current(event_id) and not catalog.upcoming(items, OCCURRENCE_DAYS)
    ]
    assert far, "the sample has events beyond the horizon"
    events = {e["id"]: e for e in json.loads((sample_site / "api/v1/events.json").read_text("utf-8"))["items"]}
    for event_id in far:
        (listed,) = events[event_id]["next_occurrences"]
        assert listed["start"][:10] == catalog.future(catalog.by_event[event_id])[0].day.isoformat()
