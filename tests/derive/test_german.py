"""German wording of dates, times and series (derive/german.py)."""

from __future__ import annotations

from datetime import date, datetime, time

from small_town import small_town

from generator.derive import german


def test_dates_in_their_three_lengths() -> None:
    christmas = date(2026, 12, 24)
    assert german.long_date(christmas) == "Do., 24. Dezember 2026"
    assert german.full_date(christmas) == "Donnerstag, 24. Dezember 2026"
    assert german.short_date(christmas) == "24. Dezember 2026"
    assert german.long_date(datetime(2027, 3, 1, 23, 59)) == "Mo., 1. März 2027"  # the day of a datetime
    assert german.month_name(2027, 5) == "Mai 2027"


def test_clock_has_two_digits_and_no_seconds() -> None:
    assert german.clock(time(9, 5, 59)) == "09:05"
    assert german.clock(datetime(2027, 1, 1, 0, 0)) == "00:00"


def test_when_names_every_shape_of_a_range() -> None:
    start = datetime(2027, 5, 22, 15, 0)
    assert german.when(start, None) == "Sa., 22. Mai 2027, 15:00 Uhr"
    assert german.when(start, datetime(2027, 5, 22, 19, 0)) == "Sa., 22. Mai 2027, 15:00–19:00 Uhr"
    assert (
        german.when(start, datetime(2027, 5, 23, 1, 0))
        == "Sa., 22. Mai 2027, 15:00 Uhr bis So., 23. Mai 2027, 01:00 Uhr"
    )
    assert german.when(date(2027, 5, 22), None) == "Sa., 22. Mai 2027, ganztägig"
    assert german.when(date(2027, 5, 22), date(2027, 5, 22)) == "Sa., 22. Mai 2027, ganztägig"
    assert german.when(date(2027, 5, 22), date(2027, 5, 23)) == "Sa., 22. Mai 2027 bis So., 23. Mai 2027, ganztägig"


def test_series_in_words(project) -> None:
    site = small_town(project)
    training = site.events["training"].data
    assert german.recurrence_in_words(training) == "jeden zweiten Dienstag, 18:00–19:30 Uhr, bis 26. Januar 2027"
    assert german.recurrence_in_words(site.events["konzert"].data) == ""  # no series


def test_series_rhythms(project) -> None:
    def words(repeat: str, start: str = "2027-01-29 19:30", end: str = '"22:00"') -> str:
        project.add(
            "events/serie.yml", f"title: Serie\ncategory: fest\nvenue: rathaus\nstart: {start}\nend: {end}\n{repeat}"
        )
        site, report = project.load()
        assert site is not None, report.sorted()
        return german.recurrence_in_words(site.events["serie"].data)

    assert (
        words("repeat: {freq: monthly, days: [-1fr], count: 6}\n")
        == "jeden letzten Freitag im Monat, 19:30–22:00 Uhr, 6-mal"
    )
    first_monday = "2027-02-01 19:30"
    assert (
        words("repeat: {freq: monthly, days: [1mo, 3mo]}\n", start=first_monday)
        == "jeden ersten Montag und dritten Montag im Monat, 19:30–22:00 Uhr"
    )
    assert (
        words("repeat: {freq: weekly, days: [mo, mi, fr]}\n") == "jeden Montag, Mittwoch und Freitag, 19:30–22:00 Uhr"
    )
    assert words("repeat: {freq: weekly}\n") == "jeden Freitag, 19:30–22:00 Uhr"  # the start's weekday
    assert words("repeat: {freq: daily, interval: 3}\n") == "alle 3 Tage, 19:30–22:00 Uhr"
    assert words("repeat: {freq: monthly, interval: 2}\n") == "alle 2 Monate am 29., 19:30–22:00 Uhr"
    assert words("repeat: {freq: yearly}\n", start="2027-06-05", end="2027-06-06") == "jährlich am 5. Juni"
