"""Notices and monthly programmes: the texts and lines they print (outputs/standalone/printouts.py)."""

from __future__ import annotations

from datetime import date

from small_town import TODAY, small_town

from generator.derive.catalog import Catalog, Month
from generator.outputs.pages.view import ViewHelpers
from generator.outputs.standalone.printouts import ProgrammeLine, days_of, next_dates, paragraphs


def test_paragraphs_are_plain_and_whitespace_is_collapsed() -> None:
    text = "Erster **Absatz**\nmit Umbruch.\n\n\n[Anmeldung](https://x.example/a)"
    assert paragraphs(text) == ["Erster Absatz mit Umbruch.", "Anmeldung (https://x.example/a)"]
    assert paragraphs(None) == []


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis() -> None:
    first, second = "a" * 50, "Wort " * 40
    cut = paragraphs(f"{first}\n\n{second}", limit=150)
    assert cut[0] == first and cut[1].endswith("Wort …")
    assert len(cut[1]) <= 100 + 2


def test_too_little_room_for_another_paragraph_ends_the_last_one() -> None:
    assert paragraphs(f"{'a' * 90}\n\n{'b' * 90}", limit=120) == ["a" * 90 + " …"]


def test_programme_lines_under_their_day(project) -> None:
    site = small_town(project)
    catalog = Catalog.build(site, TODAY)
    view = ViewHelpers(site, catalog, "")
    december = Month(2026, 12)
    days = dict(days_of(december, catalog.in_month(december), view))
    assert list(days) == [date(2026, 12, 1), date(2026, 12, 16), date(2026, 12, 24), date(2026, 12, 29)]
    assert days[date(2026, 12, 1)] == [  # the festival that began in November, on the month's first day
        ProgrammeLine("ganztägig", "Lichterfest", cancelled=False, moved=False, place="Marktplatz"),
        ProgrammeLine("18:00–19:30", "Training", cancelled=False, moved=False, place="Rathaus"),
    ]
    assert days[date(2026, 12, 16)] == [ProgrammeLine("17:00–18:30", "Wintertraining", False, True, "Marktplatz")]
    assert days[date(2026, 12, 29)][0].cancelled


def test_a_notice_lists_the_next_dates_from_today(project) -> None:
    site = small_town(project)
    catalog = Catalog.build(site, date(2026, 12, 17))
    dates = next_dates(catalog, catalog.by_event["training"])
    assert [item.day for item in dates] == [date(2026, 12, 29), date(2027, 1, 12), date(2027, 1, 26)]
