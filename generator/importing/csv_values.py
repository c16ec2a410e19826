"""Values as town spreadsheets write them: German dates and times, yes/no, prices, postcodes.

Each reader takes the text of one cell and returns the value for the content file, or raises
`Unreadable` with a German sentence saying what was expected. The CSV reader turns that into a
note on the record (the row is imported and reported as needing attention, never dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from generator.models.districts import words


class Unreadable(ValueError):
    """A cell whose value cannot be read; the message is German and quotes the cell."""


_WEEKDAY = re.compile(
    r"^(?:mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)\b\.?,?\s*",
    re.IGNORECASE,
)
_GERMAN_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])")
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_TIME = re.compile(r"(?<![\d:.])(\d{1,2})(?:[:.](\d{2}))?(?::00)?(?![\d])")
_FILLER = re.compile(r"\b(?:uhr|h|ab|um|von|bis|ca|gegen)\b\.?|[-–—,/]|\s+", re.IGNORECASE)
_ALL_DAY_WORDS = {"ganztaegig", "ganztags", "ganzertag"}


@dataclass(frozen=True)
class When:
    """What one cell says about a date and time: up to two days and two times (a range)."""

    days: tuple[date, ...] = ()
    times: tuple[time, ...] = ()


def read_when(text: str) -> When:
    """Read ``14.12.2027``, ``14.12.27``, ``2027-12-14``, ``17:30``, ``17.30``, ``17 Uhr``,
    ``17:30–19:00``, ``17:30 - 19:00 Uhr``, ``Sa., 14.12.2027, 17 Uhr`` and the like.

    A German date needs its year (``14.12.`` alone is ambiguous across the turn of the year); a
    two-digit year is 20xx.
    """
    original = " ".join(text.split())
    rest = _WEEKDAY.sub("", original)
    days: list[date] = []

    def take_day(year: str, month: str, day: str) -> str:
        full_year = int(year) + 2000 if len(year) == 2 else int(year)
        try:
            days.append(date(full_year, int(month), int(day)))
        except ValueError:
            raise Unreadable(f"Den Tag „{original}“ gibt es nicht. Prüfen Sie Tag und Monat.") from None
        return " "

    rest = _ISO_DATE.sub(lambda m: take_day(m[1], m[2], m[3]), rest)
    rest = _GERMAN_DATE.sub(lambda m: take_day(m[3], m[2], m[1]), rest)
    if "".join(words(rest)) in _ALL_DAY_WORDS:
        rest = ""
    times: list[time] = []

    def take_time(hour: str, minute: str | None) -> str:
        midnight = int(hour) == 24 and minute in (None, "00")  # „24 Uhr“
        if not (0 <= int(hour) <= 23 or midnight) or not 0 <= int(minute or 0) <= 59:
            raise Unreadable(f"Die Uhrzeit in „{original}“ gibt es nicht. Erlaubt ist 0:00 bis 23:59.")
        times.append(time(int(hour) % 24, int(minute or 0)))
        return " "

    rest = _TIME.sub(lambda m: take_time(m[1], m[2]), rest)
    if _FILLER.sub("", rest) or len(days) > 2 or len(times) > 2:
        raise Unreadable(
            f"„{original}“ ist kein Datum und keine Uhrzeit, die der Import lesen kann. "
            "Geschrieben werden z. B. 14.12.2027, 17:30, 17 Uhr oder 17:30–19:00."
        )
    return When(tuple(days), tuple(times))


_TRUE = {"ja", "j", "yes", "y", "x", "true", "wahr", "1", "vorhanden"}
_FALSE = {"nein", "n", "no", "false", "falsch", "0", "keine", "kein"}


def read_yes_no(text: str) -> bool:
    key = " ".join(words(text)) or text.strip()
    if key in _TRUE or text.strip() in {"✓", "✔", "☑"}:
        return True
    if key in _FALSE or text.strip() in {"-", "–", "✗", "✘"}:
        return False
    raise Unreadable(f"„{text}“ ist weder ja noch nein.")


_WHEELCHAIR_LIMITED = {"teilweise", "eingeschraenkt", "bedingt", "teils", "mit hilfe", "eingeschraenkt barrierefrei"}


def read_wheelchair(text: str) -> str:
    """``yes``, ``limited`` or ``no`` from „ja“, „teilweise“, „eingeschränkt“, „nein“ …"""
    key = " ".join(words(text))
    if key in _WHEELCHAIR_LIMITED:
        return "limited"
    if key in {"barrierefrei", "rollstuhlgerecht", "ebenerdig"}:
        return "yes"
    if key in {"nicht barrierefrei", "nicht rollstuhlgerecht"}:
        return "no"
    return "yes" if read_yes_no(text) else "no"


_FREE = {"frei", "eintritt frei", "kostenlos", "kostenfrei", "gratis", "umsonst", "0", "0 eur", "0 euro"}


def read_price(text: str) -> tuple[bool, str | None]:
    """(free, price text): „frei“, „kostenlos“, „0 €“ → free; „5“ → „5 €“; other text as written."""
    plain = " ".join(text.split())
    key = " ".join(words(plain.replace("€", " eur ")))
    if key in _FREE or re.fullmatch(r"0(?:[,.]0+)?(?: ?(?:€|eur|euro))?", plain.lower()):
        return True, None
    if re.fullmatch(r"\d+(?:,\d{2})?", plain):
        return False, f"{plain} €"
    return False, plain


def read_postcode(text: str) -> str:
    """Five digits; four are a postcode that lost its leading zero in a spreadsheet (04916 → 4916)."""
    plain = text.strip().replace(" ", "")
    if re.fullmatch(r"\d{5}", plain):
        return plain
    if re.fullmatch(r"\d{4}", plain):
        return "0" + plain
    raise Unreadable(f"„{text}“ ist keine Postleitzahl (fünf Ziffern, z. B. 04916).")


def split_postcode_city(text: str) -> tuple[str | None, str]:
    """„01234 Musterstadt“ → ("01234", "Musterstadt"); no postcode in front → (None, text)."""
    match = re.fullmatch(r"\s*(\d{4,5})\s+(.+?)\s*", text)
    if match is None:
        return None, text.strip()
    return read_postcode(match[1]), match[2]


def read_year(text: str) -> int:
    """„1990“, „01.05.1990“, „1990-05-01“, „seit 1990“ → 1990."""
    found = re.findall(r"(?<!\d)(\d{4})(?!\d)", text)
    if len(found) != 1:
        raise Unreadable(f"„{text}“ ist keine Jahreszahl (z. B. 1990).")
    return int(found[0])


def read_date(text: str) -> date:
    when = read_when(text)
    if len(when.days) != 1 or when.times:
        raise Unreadable(f"„{text}“ ist kein Datum (z. B. 14.12.2027).")
    return when.days[0]


def read_coordinate(text: str) -> float:
    """A decimal degree, with a German comma or a point: „51,6843“ → 51.6843."""
    plain = text.strip().replace(" ", "").replace("°", "")
    if re.fullmatch(r"-?\d{1,3},\d+", plain):
        plain = plain.replace(",", ".")
    try:
        return float(plain)
    except ValueError:
        raise Unreadable(f"„{text}“ ist keine Koordinate in Dezimalgrad (z. B. 51,6843).") from None


def read_coordinates(text: str) -> tuple[float, float]:
    """„51.6843, 13.2346“ or „51,6843; 13,2346“ (latitude first, as map apps copy them)."""
    parts = re.split(r"\s*[;/]\s*|\s*,\s+|\s+", text.strip())
    if len(parts) != 2:
        raise Unreadable(f"„{text}“ sind keine Koordinaten (Breite, Länge; z. B. 51.6843, 13.2346).")
    return read_coordinate(parts[0]), read_coordinate(parts[1])


def read_website(text: str) -> str:
    """A link; „www.example.org“ gets its ``https://``."""
    plain = text.strip()
    if re.match(r"(?i)^https?://", plain):
        return plain
    if re.fullmatch(r"(?i)[a-z0-9äöüß][\w.-]*\.[a-z]{2,}(?:[/?#]\S*)?", plain):
        return "https://" + plain
    return plain  # validation names what is wrong with it


def split_list(text: str) -> list[str]:
    """Several values in one cell: separated by semicolons, commas or line breaks."""
    return [part.strip() for part in re.split(r"[;\n|]|,\s*", text) if part.strip()]
