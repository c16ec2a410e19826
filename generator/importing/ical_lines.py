"""The lines of an iCalendar file as written, with their numbers: for messages that name the line.

`icalendar` parses leniently and forgets where things were. This reads the text once more:
unfolds continuation lines (keeping the number of the first physical line), checks that every
line is ``NAME;PARAM=…:value``, pairs BEGIN and END, and keeps each VEVENT's lines in document
order — the order in which `icalendar` walks them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from generator.importing.records import ImportProblem

_PARAM_VALUE = r'(?:"[^"]*"|[^";:,]*)'
_CONTENT_LINE = re.compile(
    rf"^(?P<name>[A-Za-z0-9-]+)(?P<params>(?:;[A-Za-z0-9-]+={_PARAM_VALUE}(?:,{_PARAM_VALUE})*)*):(?P<value>.*)$"
)


@dataclass
class Line:
    number: int
    name: str
    value: str


@dataclass
class Block:
    """A BEGIN…END component: its name, first line and own properties (children apart)."""

    name: str
    line: int
    properties: list[Line] = field(default_factory=list)

    def line_of(self, name: str) -> int:
        """The line of the first property ``name`` (the BEGIN line when there is none)."""
        upper = name.upper()
        return next((prop.number for prop in self.properties if prop.name == upper), self.line)


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; otherwise a message naming the line."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportProblem(
            source,
            line,
            f"Die Zeile ist nicht in UTF-8 kodiert (Byte 0x{data[exc.start]:02X}), wie iCalendar es verlangt. "
            "Exportieren Sie den Kalender erneut, oder speichern Sie die Datei als UTF-8.",
        ) from None


def scan(text: str, source: str) -> list[Block]:
    """Every VEVENT block in document order; `ImportProblem` at the first line that is not iCalendar."""
    logical: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t") and logical:
            first, previous = logical[-1]
            logical[-1] = (first, previous + raw[1:])
        elif raw.strip():
            logical.append((number, raw))
    if not logical or logical[0][1].strip().upper() != "BEGIN:VCALENDAR":
        raise ImportProblem(
            source,
            logical[0][0] if logical else 1,
            "Das ist keine iCalendar-Datei: Sie muss mit „BEGIN:VCALENDAR“ beginnen. "
            "Exportieren Sie den Kalender als .ics-Datei.",
        )
    stack: list[Block] = []
    events: list[Block] = []
    for number, content in logical:
        match = _CONTENT_LINE.match(content)
        if match is None:
            raise ImportProblem(
                source,
                number,
                f"Die Zeile „{_shorten(content)}“ hat nicht die Form NAME:Wert (z. B. „SUMMARY:Sommerfest“). "
                "Ist eine lange Zeile ohne Leerzeichen am Anfang umbrochen worden?",
            )
        name, value = match["name"].upper(), match["value"]
        if name == "BEGIN":
            if stack and stack[-1].name == "VEVENT" and value.strip().upper() == "VEVENT":
                raise ImportProblem(
                    source,
                    number,
                    f"Ein Termin beginnt (BEGIN:VEVENT), bevor der in Zeile {stack[-1].line} mit END:VEVENT "
                    "abgeschlossen ist. Fehlt dort „END:VEVENT“?",
                )
            stack.append(Block(value.strip().upper(), number))
            if stack[-1].name == "VEVENT":
                events.append(stack[-1])
        elif name == "END":
            if not stack or stack[-1].name != value.strip().upper():
                expected = f"END:{stack[-1].name}" if stack else "nichts mehr"
                raise ImportProblem(
                    source, number, f"„END:{value.strip()}“ passt nicht: erwartet wurde hier {expected}."
                )
            stack.pop()
        elif stack:
            stack[-1].properties.append(Line(number, name, value))
    if stack:
        raise ImportProblem(
            source,
            stack[-1].line,
            f"„BEGIN:{stack[-1].name}“ wird nie mit „END:{stack[-1].name}“ abgeschlossen — ist die Datei vollständig?",
        )
    return events


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
