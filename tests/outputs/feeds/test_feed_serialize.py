"""Content lines: folding at most 75 octets, never inside a UTF-8 sequence or an escape; values and escapes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from generator.outputs.feeds.serialize import content, fold, local, quoted_param, text, to_ical, utc

LINES = [
    "SUMMARY:kurz",
    "DESCRIPTION:" + "a" * 63,  # exactly 75 octets: not folded
    "DESCRIPTION:" + "a" * 64,
    "DESCRIPTION:" + "ü" * 200,  # two-byte characters
    "DESCRIPTION:x" + "€" * 100,  # three bytes, every offset
    "DESCRIPTION:xy" + "🎉" * 50,  # four bytes
    *(f"DESCRIPTION:{'a' * n}\\,\\;\\\\\\n{'b' * 80}" for n in range(55, 66)),  # escapes around the fold
]


@pytest.mark.parametrize("line", LINES)
def test_folded_lines_keep_every_rule(line: str):
    folded = fold(line)
    physical = folded.split(b"\r\n")
    assert all(len(part) <= 75 for part in physical)
    assert all(part.startswith(b" ") for part in physical[1:])
    for part in physical:
        part.decode("utf-8")  # never inside a UTF-8 sequence
        run = len(part) - len(part.rstrip(b"\\"))
        assert run % 2 == 0, part  # never between a backslash and what it escapes
    assert folded.decode("utf-8").replace("\r\n ", "") == line
    if len(line.encode()) <= 75:
        assert folded == line.encode()


def test_serialised_components_parse_back():
    event = icalendar.Event()
    text = "Grüße; Äpfel, Birnen \\ Quitten\nneue Zeile " * 30
    event.add("summary", text)
    event.add("uid", "x@example.org")
    data = to_ical(event)
    assert data.startswith(b"BEGIN:VEVENT\r\n") and data.endswith(b"END:VEVENT\r\n")
    assert str(icalendar.Event.from_ical(data)["SUMMARY"]) == text


TEXTS = [
    "schlicht",
    "Äpfel, Birnen; Quitten \\ Co.",
    "Zeile 1\nZeile 2\r\nZeile 3\rZeile 4",
    "\\\\;;,,\\n",  # backslashes before characters that are escaped themselves
    "🎉 – „Fest“ ‚klein‘",
    "",
]


@pytest.mark.parametrize("value", TEXTS)
def test_text_values_are_escaped_as_icalendar_escapes_them(value: str):
    assert text(value) == icalendar.vText(value).to_ical().decode()


@pytest.mark.parametrize("value", [*TEXTS, "Ordner C:\\Neu und \\N"])
def test_text_values_parse_back_unchanged(value: str):
    data = b"BEGIN:VEVENT\r\n" + content([f"SUMMARY:{text(value)}"]) + b"END:VEVENT\r\n"
    expected = value.replace("\r\n", "\n").replace("\r", "\n")
    assert str(icalendar.Event.from_ical(data)["SUMMARY"]) == expected


def test_a_backslash_before_n_stays_a_backslash():
    """icalendar writes "\\N" as a line break; RFC 5545 knows "\\N" only as an escape, never in plain text."""
    assert text("C:\\Neu") == "C:\\\\Neu"


@pytest.mark.parametrize("name", ["Chor", 'Verein „Eintracht“ "Alt", Sitz: Markt; 1', "A ^ B", "Zwei\nZeilen"])
def test_quoted_parameters_parse_back_unchanged(name: str):
    data = b"BEGIN:VEVENT\r\n" + content([f"ORGANIZER;CN={quoted_param(name)}:mailto:a@example.org"])
    organizer = icalendar.Event.from_ical(data + b"END:VEVENT\r\n")["ORGANIZER"]
    assert organizer.params["CN"] == name
    assert str(organizer) == "mailto:a@example.org"


def test_content_folds_every_line_as_fold_does():
    assert content(LINES) == b"".join(fold(line) + b"\r\n" for line in LINES)
    assert content([]) == b""


def test_date_and_time_values():
    berlin = ZoneInfo("Europe/Berlin")
    assert local(date(2027, 3, 1)) == "20270301"
    assert local(datetime(2027, 3, 1, 19, 5, 7, 999)) == "20270301T190507"  # no fractions
    assert local(datetime(2027, 3, 1, 19, 5, tzinfo=berlin)) == "20270301T190500"  # wall-clock time
    assert utc(datetime(2027, 3, 1, 19, 5, tzinfo=berlin)) == "20270301T180500Z"
    assert utc(datetime(2027, 3, 1, tzinfo=UTC)) == "20270301T000000Z"
