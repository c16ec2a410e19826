"""An event's own times on the built sample (`sample_site`, --today 2026-12-01): the Weihnachtsmarkt's
hours on its page, in the lists, in December's grid, in the API and in JSON-LD; the Chorprobe's gaps."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from generator.outputs.hyphenation import without_soft_hyphens


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture(scope="module")
def market(sample_site: Path) -> str:
    return without_soft_hyphens(
        (sample_site / "veranstaltungen/weihnachtsmarkt-2026/index.html").read_text(encoding="utf-8")
    )


def test_the_event_page_lists_the_hours_of_each_day(market):
    when = text(market.split("<dt>Wann</dt>", 1)[1].split("<dt>", 1)[0])
    assert when == (
        "Fr., 11. bis So., 13. Dezember 2026 Fr., 11. Dezember: 16:00–21:00 Uhr "
        "Sa., 12. Dezember: 11:00–21:00 Uhr So., 13. Dezember: 11:00–19:00 Uhr"
    )
    assert "ganztägig" not in when


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("veranstaltungen/index.html", ""),
        ("orte/marktplatz/index.html", "Fr., 11. bis So., 13. Dezember 2026: "),  # a list with dates
    ],
)
def test_lists_show_the_hours_instead_of_all_day(sample_site, page, shown):
    html = without_soft_hyphens((sample_site / page).read_text(encoding="utf-8"))
    item = re.search(
        r'<span class="eg-item__time">([^<]*)</span>\s*<a class="eg-item__title" href="[^"]*weihnachtsmarkt-2026/"',
        html,
    )
    assert item is not None, page
    assert item.group(1) == shown + "Fr. 16–21, Sa. 11–21, So. 11–19 Uhr", page


def test_the_start_pages_highlight_shows_the_hours(sample_site):
    html = without_soft_hyphens((sample_site / "index.html").read_text(encoding="utf-8"))
    card = re.search(
        r'href="[^"]*weihnachtsmarkt-2026/">[^<]*</a>\s*(?:<figure .*?</figure>\s*)?'  # its picture
        r'<span class="eg-card__when">([^<]*)</span>',
        html,
    )
    assert card is not None
    assert card.group(1) == "Fr., 11. bis So., 13. Dezember 2026: Fr. 16–21, Sa. 11–21, So. 11–19 Uhr"


def test_each_day_of_the_month_grid_shows_that_days_hours(sample_site):
    html = without_soft_hyphens((sample_site / "monate/2026-12/index.html").read_text(encoding="utf-8"))
    found = re.findall(
        r'<span class="eg-calendar__weekday">([^<]*)</span>.*?(?=<span class="eg-calendar__weekday">|</table>)',
        html,
        re.S,
    )
    cells = dict(re.findall(r'<span class="eg-calendar__weekday">([^<]*)</span>(.*?)(?=<td|</tr>)', html, re.S))
    assert found
    shown = {day: re.search(r">([^<>]*)Herzberger Weihnachtsmarkt</a>", cell) for day, cell in cells.items()}
    assert {day: m.group(1).strip() for day, m in shown.items() if m} == {
        "Fr., 11. Dezember 2026": "16:00–21:00",
        "Sa., 12. Dezember 2026": "11:00–21:00",
        "So., 13. Dezember 2026": "11:00–19:00",
    }


def test_closed_days_are_left_out_of_the_month_grid(sample_site):
    html = without_soft_hyphens((sample_site / "monate/2027-10/index.html").read_text(encoding="utf-8"))
    cells = dict(re.findall(r'<span class="eg-calendar__weekday">([^<]*)</span>(.*?)(?=<td|</tr>)', html, re.S))
    days = {day for day, cell in cells.items() if "Herzberg im Wandel der Jahreszeiten" in cell}
    assert "So., 3. Oktober 2027" in days  # a date line opens one Sunday
    assert not any(day.startswith(("Mo.", "So., 10.", "So., 17.")) for day in days)
    assert len(days) == 23  # Fr 1, Sa 2, So 3, then four weeks Tuesday to Saturday


def test_the_api_carries_every_opening_with_its_offset(sample_site):
    events = json.loads((sample_site / "api/v1/events.json").read_text(encoding="utf-8"))["items"]
    by_id = {item["id"]: item for item in events}
    assert by_id["weihnachtsmarkt-2026"]["hours"] == [
        {"start": "2026-12-11T16:00:00+01:00", "end": "2026-12-11T21:00:00+01:00"},
        {"start": "2026-12-12T11:00:00+01:00", "end": "2026-12-12T21:00:00+01:00"},
        {"start": "2026-12-13T11:00:00+01:00", "end": "2026-12-13T19:00:00+01:00"},
    ]
    assert by_id["reitturnier-loehsten"]["hours"][0] == {"start": "2027-05-29T08:00:00+02:00", "end": None}
    assert by_id["chorprobe"]["hours"] == []


def test_json_ld_says_first_opening_to_last_closing_with_a_schedule_per_run(market):
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', market, re.S).group(1))  # type: ignore[union-attr]
    assert (data["startDate"], data["endDate"]) == ("2026-12-11T16:00:00+01:00", "2026-12-13T19:00:00+01:00")
    assert [(s["startDate"], s["endDate"], s["startTime"], s["endTime"]) for s in data["eventSchedule"]] == [
        ("2026-12-11", "2026-12-11", "16:00", "21:00"),
        ("2026-12-12", "2026-12-12", "11:00", "21:00"),
        ("2026-12-13", "2026-12-13", "11:00", "19:00"),
    ]


def test_a_series_page_names_its_coming_gaps_next_to_its_rhythm(sample_site):
    html = without_soft_hyphens((sample_site / "veranstaltungen/chorprobe/index.html").read_text(encoding="utf-8"))
    when = text(html.split("<dt>Wann</dt>", 1)[1].split("<dt>", 1)[0])
    assert when == (
        "Jeden Mittwoch, 19:00–21:00 Uhr, bis 24. November 2027 "
        "Fällt aus: 23. und 30. Dezember, 14., 21. und 28. Juli 2027, 4. August 2027 "
        "Geändert: Mi., 23. Juni 2027: Generalprobe für das Sommerkonzert, Stadtkirche St. Marien, bis 21:30 Uhr"
    )


def test_the_grid_places_the_market_by_that_days_opening(sample_site):
    html = without_soft_hyphens((sample_site / "monate/2026-12/index.html").read_text(encoding="utf-8"))
    cells = dict(re.findall(r'<span class="eg-calendar__weekday">([^<]*)</span>(.*?)(?=<td|</tr>)', html, re.S))
    times = re.findall(r">(\d\d:\d\d)–\d\d:\d\d ", cells["Sa., 12. Dezember 2026"])
    assert "11:00" in times and times == sorted(times)
