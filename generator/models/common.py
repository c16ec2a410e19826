"""Building blocks shared by all content models.

Every scalar arrives as the string the author wrote (see ``load.yaml_loader``);
the annotated types below parse those strings and explain in German what is
wrong when they cannot. ``WithJsonSchema`` describes each type as an editor
sees the YAML (YAML 1.2), so the exported JSON Schemas match what authors type.
"""

from __future__ import annotations

import functools
import re
import typing
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    ModelWrapValidatorHandler,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# ISO 8601 as export tools write it: "T" or a space, seconds, a UTC offset (Z, +01:00, +0100, +01)
_DATETIME_RE = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?P<separator>[ Tt])(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<seconds>\d{2}(?:[.,]\d+)?))?"
    r" ?(?P<offset>[Zz]|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?$"
)
_OFFSET_RE = re.compile(r"^(?P<sign>[+-])(?P<hours>\d{2}):?(?P<minutes>\d{2})?$")
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})$")
_GERMAN_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?:\s*Uhr)?)?$")
_EMAIL_RE = re.compile(
    r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 /()\-]{4,30}$")
_URL_RE = re.compile(r"^https?://[\w.\-]+(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE)

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATETIME_PATTERN_TAIL = r"[ Tt]\d{1,2}:\d{2}(:00)?( ?([Zz]|[+-]\d{2}(:?\d{2})?))?"
DATETIME_PATTERN = rf"^\d{{4}}-\d{{2}}-\d{{2}}({_DATETIME_PATTERN_TAIL})?$"
TIME_PATTERN = r"^\d{1,2}:\d{2}$"


def error(message: str, **context: Any) -> PydanticCustomError:
    """A validation error whose message is already the German text shown to authors."""
    # The text goes in as the last context value: pydantic fills a template's {names} but does not
    # turn "{{" back into "{", so text with braces (an author's "${{ x }}") would be shown doubled.
    return PydanticCustomError("inhalt", "{message}", {**context, "message": message})


class ContentModel(BaseModel):
    """Base of every content model: unknown fields are errors, text is trimmed."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
        populate_by_name=True,
    )


# --- plain text ---------------------------------------------------------------------------


MAX_TEXT_LENGTH = 500
"""Longest one-line text (a title, a name); longer text belongs in a description."""
MAX_LIST_ENTRIES = 50
"""Most entries of a list of texts (tags, meeting times)."""


def _require_text(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise error("Darf nicht leer sein. Tragen Sie einen Text ein oder löschen Sie die Zeile.")
    if isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
        raise error(
            f"Der Text ist {len(value):,} Zeichen lang; ".replace(",", ".")
            + f"hier sind höchstens {MAX_TEXT_LENGTH} erlaubt. Kürzen Sie ihn; ausführliche Angaben gehören "
            "in „description“."
        )
    return value


def _few_entries(value: list[Any]) -> list[Any]:
    if len(value) > MAX_LIST_ENTRIES:
        raise error(
            f"Die Liste hat {len(value):,} Einträge; erlaubt sind höchstens {MAX_LIST_ENTRIES}. ".replace(",", ".")
            + "Beschränken Sie sich auf die wichtigsten."
        )
    return value


def _text_only(value: Any) -> Any:
    if value is None:  # only reached for required fields: optional ones accept None before this
        raise error("Das Feld ist leer. Tragen Sie einen Wert ein.")
    if isinstance(value, (dict, list)):
        raise error("Hier wird ein einfacher Text erwartet, keine Liste und keine Unterfelder.")
    return value


Text = Annotated[str, BeforeValidator(_text_only), AfterValidator(_require_text)]
"""A required, non-empty, single piece of text."""

Markdown = Annotated[
    str,
    BeforeValidator(_text_only),
    WithJsonSchema({"type": "string", "description": "Text in Markdown (Absätze, **fett**, Listen, Links)."}),
]


def _slug(value: Any) -> str:
    value = _text_only(value)
    if not isinstance(value, str) or not _SLUG_RE.match(value):
        raise error(
            f"„{value}“ ist keine gültige Kennung. Kennungen bestehen nur aus Kleinbuchstaben "
            "a–z, Ziffern und Bindestrichen, z. B. „foerderverein-freibad“ (ä → ae, ö → oe, ß → ss)."
        )
    return value


Slug = Annotated[str, BeforeValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN})]


def _one_or_many(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


def _unique(values: list[Any]) -> list[Any]:
    seen = set()
    for item in values:
        if item in seen:
            raise error(f"„{item}“ steht doppelt in der Liste. Nennen Sie jeden Eintrag nur einmal.")
        seen.add(item)
    return values


SlugList = Annotated[
    list[Slug],
    BeforeValidator(_one_or_many),
    AfterValidator(_unique),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": SLUG_PATTERN},
                {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}},
            ]
        }
    ),
]
"""One id or a list of ids; always a list after validation."""


def _mapping_or_list(fields: list[str]) -> typing.Callable[[Any], Any]:
    """A single mapping (as written before lists were allowed) as a one-entry list; nothing as none."""

    def parse(value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, dict):
            return [value]
        if not isinstance(value, list):
            raise error(
                f"Hier werden eingerückte Unterfelder erwartet (z. B. {', '.join(f + ':' for f in fields[:3])}), "
                "kein einzelner Wert. Schreiben Sie jedes Unterfeld in eine eigene, eingerückte Zeile."
            )
        return value

    return parse


@dataclass(frozen=True)
class _OneOrMany:
    """JSON Schema of a list that also takes its single entry on its own (``{…}`` or ``[{…}, …]``)."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        schema = handler(core_schema)
        items = schema.get("items")
        if schema.get("type") != "array" or items is None:
            return schema
        listed = {key: value for key, value in schema.items() if key not in ("title", "description", "default")}
        outer = {key: value for key, value in schema.items() if key in ("title", "description")}
        return {**outer, "anyOf": [items, listed, {"type": "null"}]}


def one_or_many(model: type[ContentModel]) -> Any:
    """One sub-record or a list of them (a club's contacts, its addresses); always a list after validation."""
    fields = [field.alias or name for name, field in model.model_fields.items()]
    return Annotated[list[model], BeforeValidator(_mapping_or_list(fields)), AfterValidator(_few_entries), _OneOrMany()]


TextList = Annotated[
    list[Text],
    BeforeValidator(_one_or_many),
    AfterValidator(_few_entries),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]

# --- links and contact data ---------------------------------------------------------------


def _http_url(value: Any) -> str:
    value = _text_only(value)
    if not isinstance(value, str):
        raise error("Hier wird ein Link erwartet, z. B. https://www.example.org/.")
    if not value.lower().startswith(("http://", "https://")):
        raise error(
            f"„{value}“ ist kein erlaubter Link. Nur Adressen, die mit https:// oder http:// "
            "beginnen, sind erlaubt, z. B. https://www.example.org/."
        )
    if not _URL_RE.match(value):
        raise error(
            f"„{value}“ ist kein gültiger Link. Prüfen Sie die Adresse auf Leerzeichen und "
            "Tippfehler, z. B. https://www.example.org/termine."
        )
    return value


HttpUrl = Annotated[
    str,
    BeforeValidator(_http_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]


def _email(value: Any) -> str:
    value = _text_only(value)
    if isinstance(value, str) and value.lower().startswith("mailto:"):
        value = value[len("mailto:") :]
    if not isinstance(value, str) or not _EMAIL_RE.match(value):
        raise error(f"„{value}“ ist keine gültige E-Mail-Adresse, z. B. info@example.org.")
    return value


Email = Annotated[str, BeforeValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]


def _phone(value: Any) -> str:
    value = _text_only(value)
    if not isinstance(value, str) or not _PHONE_RE.match(value.strip()):
        raise error(
            f"„{value}“ ist keine gültige Telefonnummer. Schreiben Sie nur Ziffern, Leerzeichen "
            "und + / - ( ), z. B. 03535 12345 oder +49 3535 12345."
        )
    return value.strip()


Phone = Annotated[
    str,
    BeforeValidator(_phone),
    WithJsonSchema({"type": ["string", "integer"], "pattern": r"^\+?[0-9][0-9 /()\-]{4,30}$"}),
]


def _postcode(value: Any) -> str:
    value = _text_only(value)
    if not isinstance(value, str) or not re.fullmatch(r"\d{5}", value):
        raise error(f"„{value}“ ist keine gültige Postleitzahl. Sie hat genau fünf Ziffern, z. B. 04916.")
    return value


Postcode = Annotated[
    str, BeforeValidator(_postcode), WithJsonSchema({"type": ["string", "integer"], "pattern": r"^\d{5}$"})
]

# --- yes/no and numbers -------------------------------------------------------------------

_TRUE = {"ja", "yes", "true", "wahr", "y", "j"}
_FALSE = {"nein", "no", "false", "falsch", "n"}


def _yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(_text_only(value)).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise error(f"„{value}“ ist weder ja noch nein. Schreiben Sie ja oder nein (bzw. true oder false).")


YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nein", "Ja", "Nein"]}]}),
]


def _positive_int(value: Any) -> int:
    text = str(_text_only(value)).strip()
    if not text.isdigit() or int(text) < 1:
        raise error(f"„{value}“ ist keine gültige Anzahl. Schreiben Sie eine ganze Zahl ab 1, z. B. 2.")
    return int(text)


PositiveInt = Annotated[int, BeforeValidator(_positive_int), WithJsonSchema({"type": "integer", "minimum": 1})]


def _year(value: Any) -> int:
    text = str(_text_only(value)).strip()
    if not re.fullmatch(r"\d{4}", text) or not 800 <= int(text) <= 2100:
        raise error(f"„{value}“ ist keine gültige Jahreszahl. Schreiben Sie vier Ziffern, z. B. 1990.")
    return int(text)


Year = Annotated[int, BeforeValidator(_year), WithJsonSchema({"type": "integer", "minimum": 800, "maximum": 2100})]


def _coordinate(limit: float, name: str):
    def parse(value: Any) -> float:
        text = str(_text_only(value)).strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise error(f"„{value}“ ist keine Zahl. Schreiben Sie die {name} mit Punkt, z. B. 51.6843.") from None
        if not -limit <= number <= limit:
            raise error(f"{name} {number} liegt außerhalb von −{limit:g} bis {limit:g}.")
        return number

    return parse


Latitude = Annotated[
    float, BeforeValidator(_coordinate(90, "Breite")), WithJsonSchema({"type": "number", "minimum": -90, "maximum": 90})
]
Longitude = Annotated[
    float,
    BeforeValidator(_coordinate(180, "Länge")),
    WithJsonSchema({"type": "number", "minimum": -180, "maximum": 180}),
]

# --- dates and times ----------------------------------------------------------------------


def _german_date_hint(text: str) -> str:
    match = _GERMAN_DATE_RE.match(text)
    if not match:
        return ""
    day, month, year, hour, minute = match.groups()
    suggestion = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour is not None:
        suggestion += f" {int(hour):02d}:{minute}"
    return f" Meinten Sie {suggestion}?"


FIRST_YEAR, LAST_YEAR = 1900, 2199
"""Dates outside these years are typing errors (and 9999 would overflow the series and DST checks)."""


def _make_date(year: str, month: str, day: str, original: str) -> date:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        raise error(f"Den Tag „{original}“ gibt es nicht. Prüfen Sie Tag und Monat.") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise error(
            f"Das Jahr {value.year} in „{original}“ liegt außerhalb von {FIRST_YEAR} bis {LAST_YEAR}. "
            "Prüfen Sie die Jahreszahl."
        )
    return value


def _make_time(hour: str, minute: str, original: str) -> time:
    if not (0 <= int(hour) <= 23 and 0 <= int(minute) <= 59):
        raise error(f"Die Uhrzeit in „{original}“ gibt es nicht. Erlaubt ist 00:00 bis 23:59.")
    return time(int(hour), int(minute))


def parse_date(value: Any) -> date:
    """Parse ``YYYY-MM-DD``; German dates such as 21.05.2027 get a suggestion."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = str(_text_only(value)).strip()
    match = _DATE_RE.match(text)
    if not match:
        raise error(
            f"„{text}“ ist kein gültiges Datum. Schreiben Sie es als JJJJ-MM-TT, z. B. 2027-05-21."
            + _german_date_hint(text)
        )
    return _make_date(*match.groups(), original=text)


@dataclass(frozen=True)
class WrittenOffset:
    """A UTC offset written after a date-time (``Z``, ``+01:00``), as written and as a duration.

    The models store naive local times; whether the offset is the town's at that moment needs the
    town's zone, so ``validate.local_times`` judges it.
    """

    text: str
    offset: timedelta


def _match_datetime(text: str) -> re.Match[str] | None:
    """``text`` as a date with a time of day, or None.

    A minus sign after ``HH:MM`` with a space before the time reads as a range (``2027-05-21
    15:00-18:00``), not as a UTC offset: tools that write negative offsets write a ``T`` or seconds.
    """
    match = _DATETIME_RE.match(text)
    if match is None:
        return None
    range_like = match["separator"] == " " and match["seconds"] is None and (match["offset"] or "").startswith("-")
    return None if range_like else match


def written_offset(value: Any) -> WrittenOffset | None:
    """The UTC offset written after the date-time ``value``, or None (none written, or not a date-time)."""
    match = _match_datetime(value.strip()) if isinstance(value, str) else None
    if match is None or match["offset"] is None:
        return None
    text = match["offset"]
    if text in ("Z", "z"):
        return WrittenOffset(text, timedelta(0))
    parts = _OFFSET_RE.match(text)
    assert parts is not None  # _DATETIME_RE only lets well-formed offsets through
    size = timedelta(hours=int(parts["hours"]), minutes=int(parts["minutes"] or 0))
    return WrittenOffset(text, -size if parts["sign"] == "-" else size)


def _datetime_from(match: re.Match[str], original: str) -> datetime:
    day_value = _make_date(match["year"], match["month"], match["day"], original=original)
    time_value = _make_time(match["hour"], match["minute"], original=original)
    seconds = match["seconds"]
    if seconds is not None and seconds != "00":
        offset = match["offset"] or ""
        separator = "T" if offset else " "  # "2027-05-21 15:00-05:00" would read as a range
        raise error(
            f"„{original}“ nennt Sekunden; Termine stehen auf die Minute genau. "
            f"Schreiben Sie {day_value.isoformat()}{separator}{time_value:%H:%M}{offset}."
        )
    return datetime.combine(day_value, time_value)


def parse_date_or_datetime(value: Any) -> date | datetime:
    """Parse ``YYYY-MM-DD`` (a whole day) or ``YYYY-MM-DD HH:MM`` (local time).

    ISO 8601 forms are accepted too (``T``, seconds ``:00``, a UTC offset); the result is the
    naive local time as written. The offset is checked later (see ``WrittenOffset``).
    """
    if isinstance(value, (date, datetime)):
        return value
    text = str(_text_only(value)).strip()
    if match := _DATE_RE.match(text):
        return _make_date(*match.groups(), original=text)
    if match := _match_datetime(text):
        return _datetime_from(match, original=text)
    raise error(
        f"„{text}“ ist kein gültiger Zeitpunkt. Schreiben Sie JJJJ-MM-TT HH:MM, z. B. "
        "2027-05-21 15:00, oder nur JJJJ-MM-TT für ganztägige Termine." + _german_date_hint(text)
    )


def parse_end(value: Any) -> date | datetime | time:
    """Like ``parse_date_or_datetime``, plus ``HH:MM`` alone meaning "the same day"."""
    if isinstance(value, (date, datetime, time)):
        return value
    text = str(_text_only(value)).strip()
    if match := _TIME_RE.match(text):
        return _make_time(*match.groups(), original=text)
    if _DATE_RE.match(text) or _match_datetime(text):
        return parse_date_or_datetime(text)  # well-formed: keep its precise error (e.g. 30 February)
    raise error(
        f"„{text}“ ist kein gültiges Ende. Schreiben Sie JJJJ-MM-TT HH:MM, nur HH:MM "
        "(gleicher Tag) oder JJJJ-MM-TT (letzter Tag eines ganztägigen Termins)." + _german_date_hint(text)
    )


def parse_time(value: Any) -> time:
    if isinstance(value, time):
        return value
    text = str(_text_only(value)).strip()
    if not (match := _TIME_RE.match(text)):
        raise error(f"„{text}“ ist keine gültige Uhrzeit. Schreiben Sie HH:MM, z. B. 09:30.")
    return _make_time(*match.groups(), original=text)


LocalDate = Annotated[
    date,
    BeforeValidator(parse_date),
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN, "examples": ["2027-05-21"]}),
]
LocalDateOrDateTime = Annotated[
    date | datetime,
    BeforeValidator(parse_date_or_datetime),
    WithJsonSchema({"type": "string", "pattern": DATETIME_PATTERN, "examples": ["2027-05-21 15:00", "2027-05-21"]}),
]
EndValue = Annotated[
    date | datetime | time,
    BeforeValidator(parse_end),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": rf"^(\d{{4}}-\d{{2}}-\d{{2}}({_DATETIME_PATTERN_TAIL})?|\d{{1,2}}:\d{{2}})$",
            "examples": ["2027-05-21 19:00", "19:00", "2027-05-23"],
        }
    ),
]
TimeOfDay = Annotated[
    time,
    BeforeValidator(parse_time),
    WithJsonSchema({"type": "string", "pattern": TIME_PATTERN, "examples": ["09:30"]}),
]
LocalDateList = Annotated[
    list[LocalDate],
    BeforeValidator(_one_or_many),
    AfterValidator(_unique),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "array", "items": {"type": "string", "pattern": DATE_PATTERN}},
            ]
        }
    ),
]


@dataclass(frozen=True, eq=False)
class WrittenOffsets:
    """The UTC offsets written after a record's date-times, by YAML field name.

    How a time was spelled is not part of the record's value: an event written with the town's
    offset equals the same event written without one (whose private value is None), so this never
    makes two records unequal.
    """

    by_field: dict[str, WrittenOffset]

    def __eq__(self, other: object) -> bool:
        return other is None or isinstance(other, WrittenOffsets)

    def __hash__(self) -> int:
        return 0


class KeepsWrittenOffsets(ContentModel):
    """A record with date-time fields: keeps the UTC offsets written after them (``written_offsets``)."""

    _written_offsets: WrittenOffsets | None = PrivateAttr(None)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_written_offsets(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        record = handler(data)
        if isinstance(data, dict):
            found = {}
            for name, key in _date_time_fields(type(record)):
                offset = written_offset(data.get(key))
                if offset is not None and isinstance(getattr(record, name), datetime):
                    found[key] = offset
            if found:  # rare; pydantic's own attribute setting would cost every record 10 µs
                record.__pydantic_private__["_written_offsets"] = WrittenOffsets(found)
        return record

    @property
    def written_offsets(self) -> dict[str, WrittenOffset]:
        return self._written_offsets.by_field if self._written_offsets else {}


@functools.cache
def _date_time_fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, YAML name) of each field of ``model`` that can hold a datetime."""
    return tuple(
        (name, field.alias or name)
        for name, field in model.model_fields.items()
        if _mentions_datetime(field.annotation)
    )


def _mentions_datetime(annotation: Any) -> bool:
    """Whether ``datetime`` is one of the types of ``annotation`` (through unions and ``Annotated``)."""
    if annotation is datetime:
        return True
    return any(_mentions_datetime(argument) for argument in typing.get_args(annotation))


# --- shared small records -----------------------------------------------------------------


class Wheelchair(StrEnum):
    """Wheelchair access, in OpenStreetMap's vocabulary."""

    yes = "yes"
    limited = "limited"
    no = "no"

    @property
    def label(self) -> str:
        return {"yes": "rollstuhlgerecht", "limited": "eingeschränkt rollstuhlgerecht", "no": "nicht rollstuhlgerecht"}[
            self.value
        ]


_WHEELCHAIR_WORDS = {"ja": "yes", "teilweise": "limited", "eingeschränkt": "limited", "nein": "no"}


def _wheelchair(value: Any) -> Any:
    if isinstance(value, str):
        return _WHEELCHAIR_WORDS.get(value.strip().lower(), value.strip().lower())
    return value


class Accessibility(ContentModel):
    wheelchair: Annotated[
        Wheelchair | None,
        BeforeValidator(_wheelchair),
        WithJsonSchema({"enum": ["yes", "limited", "no", "ja", "teilweise", "eingeschränkt", "nein"]}),
    ] = Field(
        None,
        title="Rollstuhl",
        description="Zugang mit Rollstuhl: yes (ja), limited (teilweise) oder no (nein).",
    )
    toilet: YesNo | None = Field(None, title="Barrierefreies WC", description="Gibt es ein rollstuhlgerechtes WC?")
    hearing_loop: YesNo | None = Field(None, title="Höranlage", description="Induktive Höranlage vorhanden?")
    notes: str | None = Field(
        None, title="Hinweise", description="Weitere Hinweise zur Barrierefreiheit, z. B. „Rampe am Seiteneingang“."
    )


def address_line(street: str | None, postcode: str | None, city: str | None) -> str:
    """ "Markt 1, 01234 Musterstadt", leaving out what is not written ("Musterstadt")."""
    town = " ".join(part for part in (postcode, city) if part)
    return ", ".join(part for part in (street, town) if part)


class Address(ContentModel):
    """A place's address: a park or a meeting point in the woods has a town but no street."""

    street: Text | None = Field(None, title="Straße und Hausnummer", examples=["Markt 1"])
    postcode: Postcode | None = Field(None, title="Postleitzahl", examples=["04916"])
    city: Text = Field(title="Ort", examples=["Musterstadt"])

    @property
    def line(self) -> str:
        return address_line(self.street, self.postcode, self.city)


class PostalAddress(Address):
    """An address letters reach (publisher, contact point): street and postcode are required."""

    street: Text = Field(title="Straße und Hausnummer", examples=["Markt 1"])
    postcode: Postcode = Field(title="Postleitzahl", examples=["04916"])


class Geo(ContentModel):
    lat: Latitude = Field(title="Breitengrad", examples=[51.6843])
    lon: Longitude = Field(title="Längengrad", examples=[13.2346])


PERSON_NAME_NOTE = (
    "Der Name einer Person erscheint öffentlich auf dem Portal und ist über Suchmaschinen zu finden. "
    "Tragen Sie ihn nur mit ihrer Einwilligung ein; oft genügt eine Funktion („Vorstand“) oder eine "
    "Funktionsadresse (vorstand@…). Soll der Name wieder verschwinden, löschen Sie ihn hier oder "
    "melden Sie es der Redaktion."
)
"""What volunteers need to know before they publish a person's name (schema, form, guide)."""


class Contact(ContentModel):
    role: str | None = Field(
        None,
        title="Funktion",
        description="Wofür die Person oder Stelle ansprechbar ist, z. B. „Vorstand“, „Jugendwart“, „Geschäftsstelle“.",
        examples=["Jugendwart"],
    )
    name: str | None = Field(
        None, title="Ansprechperson", description="Name oder Funktion, z. B. „Vorstand“. " + PERSON_NAME_NOTE
    )
    email: Email | None = Field(None, title="E-Mail")
    phone: Phone | None = Field(None, title="Telefon")
    website: HttpUrl | None = Field(None, title="Webseite")

    @model_validator(mode="before")
    @classmethod
    def _not_empty(cls, data: Any) -> Any:
        if data is None or (isinstance(data, dict) and not any(value not in (None, "") for value in data.values())):
            raise error(
                "Dieser Kontakt ist leer. Tragen Sie mindestens eines von role, name, email, phone oder "
                "website ein, oder löschen Sie den Eintrag."
            )
        return data


class Image(ContentModel):
    src: Text = Field(
        title="Bilddatei",
        description="Pfad der Bilddatei unter content/images/, z. B. „vereinsmeile-2026.jpg“. "
        "Keine Links auf fremde Seiten.",
    )
    alt: Text = Field(
        title="Bildbeschreibung",
        description="Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen können.",
    )
    credit: str | None = Field(None, title="Bildnachweis", description="Fotograf/in oder Quelle.")

    @model_validator(mode="after")
    def _alt_describes(self) -> Image:
        words = _alt_words(self.alt)
        stem = _alt_words(re.split(r"[/\\]", self.src)[-1].rsplit(".", 1)[0])
        if words in _GENERIC_ALT or words == stem or _CAMERA_NAME.fullmatch(self.alt.strip()):
            raise error(
                f"„{self.alt}“ beschreibt das Bild nicht. Schreiben Sie in einem kurzen Satz, was darauf zu "
                "sehen ist, z. B. „Kinder der Tanzgruppe beim Auftritt auf dem Marktplatz“ oder „Logo des "
                "Sportvereins: ein roter Löwe“ — für Menschen, die das Bild nicht sehen können.",
                field="alt",
            )
        return self


_GENERIC_ALT = {
    "bild", "foto", "photo", "logo", "image", "img", "picture", "pic", "grafik", "abbildung", "symbolbild",
    "titelbild", "vorschaubild", "platzhalter", "beispielbild", "vereinslogo", "bild des vereins",
    "foto des vereins", "logo des vereins", "vereins logo", "unbenannt", "ohne titel", "alt", "alternativtext",
}  # fmt: skip
"""Alt texts that say nothing (after `_alt_words`: lower case, no digits or punctuation)."""
_CAMERA_NAME = re.compile(r"(IMG|DSC|DSCN|DCIM|PXL|Screenshot|WhatsApp Image|Bildschirmfoto)[\w\s.:-]*", re.I)


def _alt_words(text: str) -> str:
    """``Foto 1.`` → ``foto``; ``Vereins-Logo`` → ``vereins logo``."""
    return " ".join(re.sub(r"[\W\d_]+", " ", text.lower()).split())


class LabelledAddress(PostalAddress):
    """A club's postal address; with several, the label says which is which."""

    label: str | None = Field(
        None,
        title="Bezeichnung",
        description="Wofür die Anschrift steht, z. B. „Geschäftsstelle“ oder „Trainingsgelände“. "
        "Sinnvoll, wenn ein Verein mehrere Anschriften hat.",
        examples=["Geschäftsstelle"],
    )


ContactList = one_or_many(Contact)
"""One contact or a list of them (a club's); always a list after validation."""
AddressList = one_or_many(LabelledAddress)
"""One address or a list of them (a club's); always a list after validation."""
