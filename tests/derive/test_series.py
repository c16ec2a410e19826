"""Regular meetings shown once, and the time ranges "Heute" … "Nächste Woche" (derive/series.py, ranges.py)."""

from __future__ import annotations

from datetime import date

import pytest
from small_town import TODAY, small_town

from generator.derive import german
from generator.derive.catalog import Catalog
from generator.derive.ranges import time_ranges
from generator.derive.series import is_regular


@pytest.fixture
def catalog(project) -> Catalog:
    return Catalog.build(small_town(project), TODAY)


def test_a_regular_series_is_one_entry_and_one_offs_stay_dated(catalog: Catalog) -> None:
    dated, series = catalog.split_series(catalog.upcoming())
    assert [entry.event.id for entry in series] == ["training"]
    assert {item.event.id for item in dated} == {"lichterfest", "weihnachtsmarkt", "konzert"}
    entry = series[0]
    assert entry.rhythm == "jeden zweiten Dienstag, 18–19:30 Uhr"
    assert entry.next is not None and entry.next.day == date(2026, 12, 1)
    assert entry.cancelled_days == [date(2026, 12, 29)]
    assert [item.occurrence.original_date for item in entry.moved] == [date(2026, 12, 15)]


def test_the_next_date_skips_cancelled_ones_even_beyond_the_window(catalog: Catalog) -> None:
    later = Catalog.build(catalog.site, date(2026, 12, 28))
    _, series = later.split_series(later.upcoming(days=3))  # only the cancelled 29 December is inside
    assert [item.day for item in series[0].items] == [date(2026, 12, 29)]
    assert series[0].next is not None and series[0].next.day == date(2027, 1, 12)


def test_a_series_keeps_only_the_coming_weeks_of_a_long_list(catalog: Catalog) -> None:
    far = Catalog.build(catalog.site, date(2026, 11, 1))
    _, series = far.split_series(far.future(far.by_event["training"]))
    assert max(item.day for item in series[0].items) <= date(2026, 12, 31)  # 60 days from 1 November


def test_yearly_events_are_occasions_not_regular_meetings(project) -> None:
    project.add(
        "events/sommerfest.yml",
        "title: Sommerfest\ncategory: fest\nvenue: markt\nstart: 2026-07-01\nrepeat: {freq: yearly}\n",
    )
    site = small_town(project)
    assert not is_regular(site.events["sommerfest"].data)
    assert is_regular(site.events["training"].data)


@pytest.mark.parametrize(
    ("days", "start", "end", "expected"),
    [
        ("[mi]", "2026-12-02 19:00", '"21:00"', "mittwochs, 19–21 Uhr"),
        ("[mo, mi, fr]", "2026-12-02 15:30", '"20:00"', "montags, mittwochs und freitags, 15:30–20 Uhr"),
        ("[1mi]", "2026-12-02 09:30", None, "jeden ersten Mittwoch im Monat, 9:30 Uhr"),
    ],
)
def test_rhythm_in_brief(project, days: str, start: str, end: str | None, expected: str) -> None:
    freq = "monthly" if days[1].isdigit() else "weekly"
    text = f"title: Treff\ncategory: fest\nvenue: markt\nstart: {start}\n" + (f"end: {end}\n" if end else "")
    project.add("events/treff.yml", text + f"repeat: {{freq: {freq}, days: {days}}}\n")
    assert german.rhythm_in_brief(small_town(project).events["treff"].data) == expected


def test_highlights_are_the_next_date_of_each_marked_event(project) -> None:
    project.add(
        "events/markt.yml",
        "title: Markt\ncategory: fest\nvenue: markt\nstart: 2026-12-04 08:00\nend: '12:00'\n"
        "highlight: ja\nrepeat: {freq: weekly, count: 3}\n",
    )
    catalog = Catalog.build(small_town(project), TODAY)
    assert [(item.event.id, item.day) for item in catalog.highlights()] == [("markt", date(2026, 12, 4))]


@pytest.mark.parametrize(
    ("today", "weekend", "next_week"),
    [
        (date(2026, 12, 7), (date(2026, 12, 12), date(2026, 12, 13)), date(2026, 12, 14)),  # Monday
        (date(2026, 12, 12), (date(2026, 12, 12), date(2026, 12, 13)), date(2026, 12, 14)),  # Saturday
        (date(2026, 12, 13), (date(2026, 12, 13), date(2026, 12, 13)), date(2026, 12, 14)),  # Sunday: today only
    ],
)
def test_time_ranges(today: date, weekend: tuple[date, date], next_week: date) -> None:
    ranges = {r.slug: r for r in time_ranges(today)}
    assert (ranges["heute"].first, ranges["heute"].last) == (today, today)
    assert ranges["morgen"].first == today.replace(day=today.day + 1)
    assert (ranges["wochenende"].first, ranges["wochenende"].last) == weekend
    assert (ranges["naechste-woche"].first, ranges["naechste-woche"].last.weekday()) == (next_week, 6)


def test_near_dates_leave_out_the_year_for_the_coming_months() -> None:
    today = date(2026, 12, 7)
    assert german.near_date(date(2027, 1, 6), today) == "Mi., 6. Januar"
    assert german.near_date(date(2027, 12, 8), today) == "Mi., 8. Dezember 2027"  # a year ahead: with year
    assert german.near_date(date(2026, 12, 1), today) == "Di., 1. Dezember 2026"  # past: with year


def test_opening_hours_in_brief(project) -> None:
    from generator.models.town import OpeningHours

    hours = [
        OpeningHours.model_validate({"days": ["di"], "opens": "09:00", "closes": "12:00"}),
        OpeningHours.model_validate({"days": ["di"], "opens": "13:00", "closes": "18:30"}),
        OpeningHours.model_validate({"days": ["do"], "opens": "13:00", "closes": "16:00"}),
    ]
    assert german.opening_hours_in_brief(hours) == "Di. 9–12 und 13–18:30 Uhr, Do. 13–16 Uhr"
