"""Weekday tokens as authors write them: English (RFC 5545) or German abbreviations.

``tu`` and ``di`` both mean Tuesday; for monthly series a leading ordinal picks
one weekday of the month: ``1mo`` is the first Monday, ``-1fr`` the last Friday.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, NamedTuple

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

from generator.models.common import _one_or_many, _unique, error

# index 0 = Monday, as in datetime.weekday()
RFC_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
GERMAN_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
GERMAN_SHORT = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
_TOKENS = {
    "mo": 0,
    "tu": 1,
    "di": 1,
    "we": 2,
    "mi": 2,
    "th": 3,
    "do": 3,
    "fr": 4,
    "sa": 5,
    "su": 6,
    "so": 6,
}
_FROM_END = {-1: "letzter", -2: "vorletzter"}
_TOKEN_RE = re.compile(r"^([+-]?[1-5])?([a-z]{2})$")
TOKEN_PATTERN = r"^[+-]?[1-5]?(mo|tu|di|we|mi|th|do|fr|sa|su|so)$"


class Weekday(NamedTuple):
    """A weekday, optionally with its ordinal within the month (1 = first, -1 = last)."""

    day: int
    ordinal: int | None = None

    def __str__(self) -> str:
        name = GERMAN_NAMES[self.day]
        if not self.ordinal:
            return name
        if self.ordinal > 0:
            return f"{self.ordinal}. {name}"
        return f"{_FROM_END.get(self.ordinal, f'{-self.ordinal}.-letzter')} {name}"

    @property
    def rfc(self) -> str:
        return f"{self.ordinal or ''}{RFC_CODES[self.day]}"


def parse_weekday(value: Any) -> Weekday:
    text = str(value).strip().lower()
    match = _TOKEN_RE.match(text)
    if not match or match.group(2) not in _TOKENS:
        raise error(
            f"„{value}“ ist kein Wochentag. Erlaubt sind mo, di, mi, do, fr, sa, so (oder mo, tu, we, "
            "th, fr, sa, su); bei monatlichen Terminen mit Nummer davor, z. B. 1mo (erster Montag) "
            "oder -1fr (letzter Freitag)."
        )
    ordinal = int(match.group(1)) if match.group(1) else None
    return Weekday(_TOKENS[match.group(2)], ordinal)


WeekdayList = Annotated[
    list[Annotated[Weekday, BeforeValidator(parse_weekday)]],
    BeforeValidator(_one_or_many),
    AfterValidator(_unique),
    WithJsonSchema({"type": "array", "items": {"type": "string", "pattern": TOKEN_PATTERN}, "minItems": 1}),
]
