"""Lists show a regular meeting once and one-off events by date; "Heute" … "Nächste Woche" pages;
highlights on the start page (issue 17). Checked on the built sample against the catalog."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sample_build import ROOT, TODAY

from generator import urls
from generator.content import load_site
from generator.derive import german
from generator.derive.catalog import Catalog
from generator.derive.ranges import time_ranges
from generator.derive.series import is_regular
from generator.outputs.hyphenation import without_soft_hyphens
from generator.project import Project

SERIES_ITEM = re.compile(r'<li class="eg-item eg-item--series".*?<a class="eg-item__title" href="([^"]+)"', re.S)
DATED_ITEM = re.compile(r'<li class="eg-item[^"]*"[^>]*>\s*<span class="eg-item__time">.*?href="([^"]+)"', re.S)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    site, report = load_site(Project(ROOT))
    assert site is not None, report.sorted()
    return Catalog.build(site, date.fromisoformat(TODAY))


def _page(site: Path, url: str) -> str:
    return without_soft_hyphens((site / url / "index.html").read_text(encoding="utf-8"))


def _event_ids(links: list[str]) -> list[str]:
    return [link.rstrip("/").split("/")[-1] for link in links]


def test_event_list_shows_each_regular_series_once_and_every_one_off_date(sample_site: Path, catalog) -> None:
    html = _page(sample_site, urls.events())
    dated_part, series_part = html.split('id="regelmaessige-treffen"')
    upcoming = catalog.upcoming()
    regular = sorted({i.event.id for i in upcoming if is_regular(i.event.data)})
    assert sorted(_event_ids(SERIES_ITEM.findall(series_part))) == regular
    one_off = [i.event.id for i in upcoming if not is_regular(i.event.data)]
    assert sorted(_event_ids(DATED_ITEM.findall(dated_part))) == sorted(one_off)
    assert len(regular) > 30 and len(one_off) > 10  # the sample has both kinds


def test_series_entry_names_rhythm_next_date_and_cancelled_dates(sample_site: Path, catalog) -> None:
    html = _page(sample_site, urls.events())
    _, series = catalog.split_series(catalog.upcoming())
    with_cancellation = next(entry for entry in series if entry.cancelled_days and entry.next)
    start = html.index(f'href="{with_cancellation.event.id}/"')
    entry_html = html[start : html.index("</li>", start)]
    assert with_cancellation.rhythm[1:] in entry_html
    next_start = with_cancellation.next.occurrence.start
    assert f"Nächster Termin: {german.near_date(next_start, catalog.today)}" in entry_html
    for day in with_cancellation.cancelled_days:
        assert german.near_date(day, catalog.today) in entry_html


def test_time_range_pages_list_every_date_in_their_range(sample_site: Path, catalog) -> None:
    for time_range in time_ranges(catalog.today):
        html = _page(sample_site, urls.time_range(time_range.slug))
        expected = catalog.between(time_range.first, time_range.last)
        assert sorted(_event_ids(DATED_ITEM.findall(html))) == sorted(i.event.id for i in expected)
        assert time_range.dates_in_words in html
        assert 'aria-current="page"' in html


def test_start_page_opens_with_the_highlights(sample_site: Path, catalog) -> None:
    html = _page(sample_site, urls.home())
    highlights = catalog.highlights()[:4]
    assert highlights, "the sample marks highlights"
    cards = re.findall(r'<a class="eg-card__title" href="([^"]+)"', html)
    assert _event_ids(cards) == [item.event.id for item in highlights]
    assert html.index('id="hoehepunkte"') < html.index('id="heute"') < html.index('id="mitmachen"')
    assert html.index('id="mitmachen"') < html.index('id="anlaufstelle"')


def test_club_page_and_widget_show_the_practice_once(sample_site: Path) -> None:
    club_page = _page(sample_site, urls.club("gemischter-chor-herzberg"))
    assert club_page.count("Regelmäßige Treffen") == 1
    assert club_page.count('href="../../veranstaltungen/chorprobe/"') == 1
    widget = _page(sample_site, urls.widget_club("gemischter-chor-herzberg"))
    assert widget.count("/veranstaltungen/chorprobe/") == 1


def test_monthly_programme_lists_series_once(sample_site: Path, catalog) -> None:
    html = without_soft_hyphens((sample_site / urls.programme("2026-12") / "index.html").read_text(encoding="utf-8"))
    _, series = catalog.split_series(catalog.in_month(catalog.months()[0]))
    days, regular = html.split('id="regelmaessig"')
    for entry in series:
        assert regular.count(f'<span class="p-title">{entry.title}:</span>') == 1, entry.title
        assert f">{entry.title}<" not in days


def test_further_dates_link_to_the_month_where_the_list_goes_on(sample_site: Path, catalog) -> None:
    """A venue with more than ten one-off dates says how many follow and where (issue 18: "… und 91
    weitere Termine." linked nowhere): the month of the first date not shown, which lists it."""
    checked = 0
    for venue_id in catalog.site.venues:
        dated, _ = catalog.split_series(catalog.future(catalog.by_venue.get(venue_id, [])), venue_id)
        if len(dated) <= 10:
            continue
        html = _page(sample_site, urls.venue(venue_id))
        first_hidden = dated[10]
        slug = f"{first_hidden.day:%Y-%m}"
        assert f'… und {len(dated) - 10} weitere Termine: <a href="../../monate/{slug}/">' in html, venue_id
        month = _page(sample_site, urls.month(slug))
        assert f'href="../../veranstaltungen/{first_hidden.event.id}/"' in month, venue_id
        checked += 1
    assert checked >= 2  # the sample has venues with that many dates


def test_a_venue_lists_as_regular_only_the_series_that_meet_there(sample_site: Path, catalog) -> None:
    """A series that comes to a venue on a moved date only (the Repair-Café on the market during the
    town festival) stands there under that date, not among the venue's regular meetings."""
    checked = 0
    for venue_id in catalog.site.venues:
        items = catalog.future(catalog.by_venue.get(venue_id, []))
        visiting = {i.event.id for i in items if is_regular(i.event.data) and i.event.data.venue != venue_id}
        if not visiting:
            continue
        html = _page(sample_site, urls.venue(venue_id))
        if "Weitere Termine" not in html:
            continue
        regular, others = html.split("<h3>Weitere Termine</h3>")
        series_links = set(_event_ids(SERIES_ITEM.findall(regular)))
        assert series_links and not series_links & visiting, venue_id
        shown = {i.event.id for i in catalog.split_series(items, venue_id)[0][:10]}
        assert {event_id for event_id in visiting if event_id in shown} <= set(_event_ids(DATED_ITEM.findall(others)))
        checked += 1
    assert checked, "the sample has a series visiting another venue"
