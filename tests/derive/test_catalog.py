"""The catalog's indexes and windows, and what one agenda item shows (derive/catalog.py, derive/agenda.py)."""

from __future__ import annotations

from datetime import date

import pytest
from small_town import TODAY, small_town

from generator.derive.catalog import Catalog, Month


@pytest.fixture
def catalog(project) -> Catalog:
    return Catalog.build(small_town(project), TODAY)


def _ids(items) -> list[tuple[str, date]]:
    return [(item.event.id, item.day) for item in items]


def test_items_are_sorted_by_day_then_time_with_all_day_first(catalog: Catalog) -> None:
    assert _ids(catalog.items) == [
        ("altes-fest", date(2026, 8, 15)),
        ("lichterfest", date(2026, 11, 29)),
        ("training", date(2026, 12, 1)),
        ("training", date(2026, 12, 16)),  # moved from Tuesday 15 December
        ("weihnachtsmarkt", date(2026, 12, 24)),
        ("training", date(2026, 12, 29)),
        ("training", date(2027, 1, 12)),
        ("konzert", date(2027, 1, 15)),
        ("training", date(2027, 1, 26)),
    ]


def test_indexes_by_club_venue_category_and_audience(catalog: Catalog) -> None:
    assert {item.event.id for item in catalog.by_club["turnverein"]} == {"training", "konzert"}
    assert _ids(catalog.by_venue["markt"]) == [
        ("altes-fest", date(2026, 8, 15)),
        ("lichterfest", date(2026, 11, 29)),
        ("training", date(2026, 12, 16)),  # the moved date is at the market, not at the town hall
        ("weihnachtsmarkt", date(2026, 12, 24)),
    ]
    assert len(catalog.by_venue["rathaus"]) == 4
    assert {item.event.id for item in catalog.by_category["sport"]} == {"training"}
    assert {item.event.id for item in catalog.by_audience["familien"]} == {"weihnachtsmarkt"}


def test_windows_around_today(catalog: Catalog) -> None:
    assert _ids(catalog.upcoming(days=15)) == [
        ("lichterfest", date(2026, 11, 29)),  # still running today
        ("training", date(2026, 12, 1)),
        ("training", date(2026, 12, 16)),
    ]
    assert catalog.is_current("lichterfest") and catalog.is_current("konzert")
    assert not catalog.is_current("altes-fest")
    assert [(record.id, item.day) for record, item in catalog.past_events()] == [("altes-fest", date(2026, 8, 15))]
    assert [m.slug for m in catalog.months()] == ["2026-12", "2027-01"]


def test_in_month_lists_items_touching_it(catalog: Catalog) -> None:
    assert _ids(catalog.in_month(Month(2026, 11))) == [("lichterfest", date(2026, 11, 29))]
    december = _ids(catalog.in_month(Month(2026, 12)))
    assert december[0] == ("lichterfest", date(2026, 11, 29)) and len(december) == 5
    assert catalog.in_month(Month(2027, 2)) == []


def test_month_arithmetic() -> None:
    assert Month(2026, 12).next() == Month(2027, 1) and Month(2027, 1).previous() == Month(2026, 12)
    assert Month(2028, 2).last_day == date(2028, 2, 29) and Month(2027, 2).last_day == date(2027, 2, 28)
    assert Month.of(date(2027, 3, 31)).slug == "2027-03"


def test_agenda_items_show_their_occurrence(catalog: Catalog) -> None:
    items = {(item.event.id, item.day): item for item in catalog.items}
    moved = items["training", date(2026, 12, 16)]
    assert (moved.title, moved.time, moved.moved, moved.cancelled) == ("Wintertraining", "17:00–18:30 Uhr", True, False)
    cancelled = items["training", date(2026, 12, 29)]
    assert (cancelled.title, cancelled.cancelled) == ("Training", True)
    assert items["konzert", date(2027, 1, 15)].time == "21:00 Uhr"  # ends the next day
    assert items["konzert", date(2027, 1, 15)].last_day == date(2027, 1, 16)
    assert items["weihnachtsmarkt", date(2026, 12, 24)].time == "ganztägig"
    assert items["weihnachtsmarkt", date(2026, 12, 24)].url == "veranstaltungen/weihnachtsmarkt/"


def test_labels_are_the_towns_vocabularies(catalog: Catalog) -> None:
    assert catalog.labels["category"] == {"sport": "Sport", "fest": "Feste"}
    assert catalog.labels["audience"]["kinder"] == "Kinder"
