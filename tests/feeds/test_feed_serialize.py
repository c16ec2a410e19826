"""Folding content lines: at most 75 octets, never inside a UTF-8 sequence or an escape."""

from __future__ import annotations

import icalendar
import pytest

from generator.render.feeds.serialize import fold, to_ical

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
