"""One CSV row → one `ImportedRecord` of the content format, per kind.

The stable key of a row (so a second import updates the same file) is its „ID“/„Nr.“ cell when
the table has such a column; otherwise an event's title and start day, a club's or venue's name,
each compared without case and extra spaces. Two events of one title on one day are told apart by
their start time. Categories, Ortsteile and audiences are matched to content/town.yml by id or
label; a value that matches nothing is reported in a note (an unmatched category is kept as
written so that the file says what to fix).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from generator.importing.csv_values import (
    Unreadable,
    When,
    read_coordinate,
    read_coordinates,
    read_date,
    read_postcode,
    read_price,
    read_website,
    read_wheelchair,
    read_when,
    read_year,
    read_yes_no,
    split_list,
    split_postcode_city,
)
from generator.importing.records import ImportedRecord, ImportProblem, Kind
from generator.importing.text import description, is_no_reply, is_placeholder_phone, split_values, unescape
from generator.models.districts import words
from generator.models.town import Term, Town

_SLUG_LENGTH = 60
_FILLER_WORDS = {"und", "oder", "fuer", "der", "die", "das"}


@dataclass
class Row:
    """The filled cells of one CSV row by field, with the header each came from."""

    line: int
    cells: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    notes: list[tuple[str, str | None]] = field(default_factory=list)
    """(message, the content field it concerns or None), for `ImportedRecord.note`."""
    placeholders: int = 0
    """Phone numbers of nothing but zeros left out (reported once for the whole table)."""

    def note(self, message: str, content_field: str | None = None) -> None:
        self.notes.append((message, content_field))

    def add(self, name: str, header: str, text: str) -> None:
        self.cells.setdefault(name, []).append((header, text))

    def get(self, name: str) -> str | None:
        """The cell's text, HTML entities decoded („Sinn &amp; Sein“ → „Sinn & Sein“)."""
        found = self.cells.get(name)
        return unescape(found[0][1]) if found else None

    def description(self, name: str = "description") -> str | None:
        """The cell as Markdown: HTML copied from a website's CMS converted like an iCalendar description."""
        found = self.cells.get(name)
        return description(found[0][1]) if found else None

    def line_text(self, name: str) -> str | None:
        """The cell as one line (titles, names): inner line breaks and runs of spaces become one space."""
        value = self.get(name)
        return " ".join(value.split()) if value is not None else None

    def header(self, name: str) -> str:
        return self.cells[name][0][0]

    def read(self, name: str, reader: Callable[[str], Any]) -> Any:
        """The cell read by ``reader``; a note and None when it cannot be read."""
        value = self.get(name)
        if value is None:
            return None
        try:
            return reader(value)
        except Unreadable as exc:
            self.note(f"Spalte „{self.header(name)}“: {exc} Der Wert wurde nicht übernommen.")
            return None


def build_records(
    kind: Kind, rows: Sequence[Row], town: Town, today: date, source: str, category: str | None = None
) -> tuple[list[ImportedRecord], list[str]]:
    """The records of ``rows`` with stable, unique keys, and the remarks that hold for all of them.

    ``category`` (``--category``) stands in for an empty or missing category cell of an event or club.
    """
    build = {"events": _event, "clubs": _club, "venues": _venue}[kind]
    defaulted = 0
    if category and kind != "venues":
        for row in rows:
            if row.get("category") is None:
                row.add("category", "--category", category)
                defaulted += 1
    built = [(row, *build(row, town, today)) for row in rows]
    keyed = _keys(kind, built, source)
    titles = Counter(_plain(name) for _, _, name, _ in built if name)
    records = []
    for (row, data, name, day), key in zip(built, keyed, strict=True):
        slug = _slug(name) if name else f"zeile-{row.line}"
        if kind == "events" and name and titles[_plain(name)] > 1 and day:
            slug = f"{slug[: _SLUG_LENGTH - 11]}-{day}"
        record = ImportedRecord(kind, key, as_text(data), row.line, slug)
        for message, content_field in row.notes:
            record.note(message, content_field)
        records.append(record)
    remarks = []
    if defaulted:
        remarks.append(
            f"{defaulted} Zeilen nennen keine Kategorie; dort steht nun „{category}“ (--category). "
            "Prüfen Sie, ob sie passt."
        )
    placeholders = sum(1 for row in rows if row.placeholders)
    if placeholders:
        remarks.append(
            f"In {placeholders} Zeilen steht als Telefonnummer nur „0000-000000“ (oder andere Nullen), ein Platzhalter "
            "der alten Software für „keine Nummer“; er wurde nicht übernommen."
        )
    if kind == "clubs":
        undated = sum(1 for row in rows if row.get("reviewed") is None)
        if undated:
            remarks.append(
                f"„Zuletzt bestätigt“ (reviewed) ist bei {undated} Vereinen das Datum des Imports, {today:%d.%m.%Y}, "
                "weil die Tabelle dafür keinen Wert hat (Spalte „Stand“). Bitten Sie die Vereine, ihre Einträge "
                "zu prüfen, und tragen Sie dann das Datum ihrer Bestätigung ein."
            )
    return records, remarks


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def _slug(text: str) -> str:
    slug = ""
    for word in words(text):
        if len(slug) + len(word) + 1 > _SLUG_LENGTH:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "eintrag"


def _keys(kind: Kind, built: list[tuple[Row, dict[str, Any], str | None, str | None]], source: str) -> list[str]:
    """The key of each row; the same key twice stops the import, naming both lines."""
    keys = []
    for row, _data, name, day in built:
        given = row.line_text("id")
        if given is not None:
            keys.append(f"id:{given}")
        elif name is None:
            keys.append(f"zeile:{row.line}")
        elif kind == "events":
            keys.append(f"{_plain(name)}|{day or ''}")
        else:
            keys.append(_plain(name))
    counts = Counter(keys)
    if kind == "events":  # same title on the same day: the start time tells the rows apart
        keys = [
            f"{key}|{_start_time(data)}" if counts[key] > 1 and not row.get("id") else key
            for key, (row, data, _, _) in zip(keys, built, strict=True)
        ]
    first_line: dict[str, int] = {}
    for key, (row, _, _, _) in zip(keys, built, strict=True):
        if key in first_line:
            if key.startswith("id:"):
                message = (
                    f"Diese Zeile hat dieselbe ID wie Zeile {first_line[key]}. Jede Zeile braucht eine eigene, damit "
                    "ein späterer Import dieselbe Datei wiederfindet: Löschen Sie die doppelte Zeile, oder geben Sie "
                    "ihr eine andere Nummer."
                )
            else:
                what = "denselben Titel und Beginn" if kind == "events" else "denselben Namen"
                message = (
                    f"Diese Zeile hat {what} wie Zeile {first_line[key]}. Daran erkennt ein späterer Import "
                    "dieselbe Datei wieder: Löschen Sie die doppelte Zeile, oder geben Sie der Tabelle eine Spalte "
                    "„ID“ mit einer eigenen Nummer je Zeile."
                )
            raise ImportProblem(source, row.line, message)
        first_line[key] = row.line
    return keys


def _start_time(data: dict[str, Any]) -> str:
    start = data.get("start")
    return f"{start:%H:%M}" if isinstance(start, datetime) else ""


# --- matching to town.yml -------------------------------------------------------------------


def match_term(text: str, terms: Sequence[Term]) -> str | None:
    """The id of the term ``text`` names: its id, label, label without bracket or another name.

    Failing that, the one term whose label starts with these words („Sport“ → „Sport und Bewegung“),
    or else the one whose label has all of them („Musik“ → „Kultur und Musik“).
    """
    wanted = words(text)
    if not wanted:
        return None
    for term in terms:
        plain = re.sub(r"\s*\([^)]*\)", "", term.label)
        if any(words(name) == wanted for name in (term.label, plain, term.id, *getattr(term, "names", ()))):
            return term.id
    starting = [term.id for term in terms if words(term.label)[: len(wanted)] == wanted]
    if len(starting) == 1:
        return starting[0]
    meaningful = set(wanted) - _FILLER_WORDS
    containing = [term.id for term in terms if meaningful and meaningful <= set(words(term.label))]
    return containing[0] if len(containing) == 1 else None


def _known(terms: Sequence[Term]) -> str:
    return ", ".join(f"{term.id} ({term.label})" for term in terms)


def _note_first_only(row: Row, rule: str, values: list[str], content_field: str) -> None:
    """Where the format holds one value and the cell had several: the first is kept, the rest named."""
    if len(values) > 1:
        others = ", ".join(f"„{value}“" for value in values[1:])
        row.note(f"{rule}; übernommen ist „{values[0]}“, nicht {others}.", content_field)


def _categories(row: Row, town: Town) -> list[str]:
    """Category ids of the row; an unmatched value is kept as written, with a note."""
    text = row.get("category")
    if text is None:
        row.note(f"Es fehlt die Kategorie. Bekannt sind: {_known(town.categories)}.")
        return []
    whole = match_term(text, town.categories)
    if whole is not None:
        return [whole]
    found: list[str] = []
    for part in split_list(text):
        match = match_term(part, town.categories)
        if match is None:
            row.note(
                f"Spalte „{row.header('category')}“: Die Kategorie „{part}“ gibt es in content/town.yml nicht. "
                f"Tragen Sie in der Datei eine dieser Kennungen ein: {_known(town.categories)}.",
                "category",
            )
            match = " ".join(part.split())
        if match not in found:
            found.append(match)
    return found


def _audiences(row: Row, town: Town) -> list[str]:
    found: list[str] = []
    for part in split_list(row.get("audiences") or ""):
        match = match_term(part, town.audiences)
        if match is None:
            row.note(
                f"Spalte „{row.header('audiences')}“: Die Zielgruppe „{part}“ gibt es in content/town.yml nicht; "
                f"sie wurde nicht übernommen. Bekannt sind: {_known(town.audiences)}."
            )
        elif match not in found:
            found.append(match)
    return found


def _district(row: Row, town: Town) -> str | None:
    text = row.line_text("district")
    if text is None:
        return None
    match = match_term(text, town.districts)
    if match is None:
        row.note(
            f"Spalte „{row.header('district')}“: Den Ortsteil „{text}“ gibt es in content/town.yml nicht; er wurde "
            f"nicht übernommen. Bekannt sind: {_known(town.districts)}."
        )
    return match


# --- shared parts ------------------------------------------------------------------------------


def _address(row: Row) -> dict[str, str]:
    address: dict[str, str] = {}
    if (street := row.line_text("street")) is not None:
        address["street"] = street
    postcode = row.read("postcode", read_postcode)
    city = row.line_text("city")
    combined = row.line_text("postcode_city")
    if combined is not None:
        try:
            found_postcode, found_city = split_postcode_city(combined)
        except Unreadable as exc:
            row.note(f"Spalte „{row.header('postcode_city')}“: {exc}")
            found_postcode, found_city = None, combined
        postcode = postcode or found_postcode
        city = city or found_city
    if postcode is not None:
        address["postcode"] = postcode
    if city is not None:
        address["city"] = city
    return address


CONTACT_FIELDS = ("contact_name", "role", "email", "phone", "website")
"""The fields a numbered column („Telefon 2“, „E-Mail 2“) may repeat for a further contact."""
_SEVERAL = ("email", "phone", "website")
_KIND_OF = {"email": "E-Mail-Adressen", "phone": "Telefonnummern", "website": "Webseiten"}


def numbered(name: str, number: int) -> str:
    """The row field of contact ``number``: „email“ for the first, „email@2“ for the second …"""
    return name if number == 1 else f"{name}@{number}"


def _contact_numbers(row: Row) -> list[int]:
    found = {1}
    for name in row.cells:
        base, _, number = name.partition("@")
        if base in CONTACT_FIELDS and number:
            found.add(int(number))
    return sorted(found)


def _values(row: Row, name: str, kind: str) -> list[str]:
    """The e-mail addresses, phone numbers or links of one cell; placeholders are left out."""
    text = row.get(name)
    if text is None:
        return []
    values = split_values(text, kind)
    if kind == "phone":
        if any(is_placeholder_phone(value) for value in values):
            row.placeholders += 1
        values = [value for value in values if not is_placeholder_phone(value)]
    if kind == "email":
        for value in [value for value in values if is_no_reply(value)]:
            row.note(
                f"Spalte „{row.header(name)}“: „{value}“ ist eine Absenderadresse, auf die niemand antwortet; "
                "sie wurde nicht übernommen."
            )
        values = [value for value in values if not is_no_reply(value)]
    if kind == "website":
        values = [read_website(value) for value in values]
    return values


def _contacts(row: Row) -> list[dict[str, str]]:
    """Every contact of the row, the first as the table's first columns give it.

    Each numbered set of columns („E-Mail 2“, „Telefon 2“ …) is one more contact. A cell with
    several values („a@example.org, b@example.org“, numbers on lines of their own) gives its first
    value to its contact and each further value a contact of its own, right after it: the table
    does not say which second address belongs to which second number, and a wrong pair would
    tell citizens to call the wrong person.
    """
    contacts: list[dict[str, str]] = []
    for number in _contact_numbers(row):
        contact: dict[str, str] = {}
        name = row.line_text(numbered("contact_name", number))
        role = row.line_text(numbered("role", number))
        _put(contact, "role", role)
        _put(contact, "name", name)
        extra: list[dict[str, str]] = []
        for kind in _SEVERAL:
            values = _values(row, numbered(kind, number), kind)
            _put(contact, kind, values[0] if values else None)
            extra += [{kind: value} for value in values[1:]]
        contacts += [entry for entry in (contact, *extra) if entry]
    return contacts


def _single_contact(row: Row, what: str, with_website: bool) -> dict[str, str]:
    """The first contact of the row for a venue or event, which hold one; the others named in a note."""
    contacts = _contacts(row)
    if not with_website:  # an event's link is its own field, `website`
        contacts = [
            {key: value for key, value in contact.items() if key != "website"}
            for contact in contacts
            if set(contact) != {"website"}
        ]
    if len(contacts) > 1:
        others = "; ".join(", ".join(contact.values()) for contact in contacts[1:])
        row.note(
            f"{what} hat einen Kontakt; übernommen ist der erste. Die Tabelle nennt weitere, die nicht übernommen "
            f"wurden: {others}. Tragen Sie sie, wenn sie wichtig sind, in die Beschreibung ein.",
            "contact",
        )
    return contacts[0] if contacts else {}


def _website(row: Row) -> str | None:
    """An event's link; several in one cell: the first, the others named in a note."""
    values: list[str] = []
    for number in _contact_numbers(row):
        values += [value for value in _values(row, numbered("website", number), "website") if value not in values]
    _note_first_only(row, "Ein Termin hat eine Webseite", values, "website")
    return values[0] if values else None


def _accessibility(row: Row) -> dict[str, Any]:
    accessibility: dict[str, Any] = {}
    if (wheelchair := row.read("wheelchair", read_wheelchair)) is not None:
        accessibility["wheelchair"] = wheelchair
    if (toilet := row.read("toilet", read_yes_no)) is not None:
        accessibility["toilet"] = toilet
    if (loop := row.read("hearing_loop", read_yes_no)) is not None:
        accessibility["hearing_loop"] = loop
    if (notes := row.get("accessibility_notes")) is not None:
        accessibility["notes"] = notes
    return accessibility


def as_text(value: Any) -> Any:
    """``value`` with every scalar as the text a volunteer writes: the content files are read as text.

    2027-12-14, 2027-12-14 17:30, ja/nein, 51.6843; mappings and lists keep their order.
    """
    if isinstance(value, dict):
        return {key: as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_text(item) for item in value]
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, (int, float)):
        return str(value)
    return value


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` unless ``value`` is empty (None, "", [] or {})."""
    if value not in (None, "", [], {}):
        data[key] = value


# --- events --------------------------------------------------------------------------------


def _event(row: Row, town: Town, today: date) -> tuple[dict[str, Any], str | None, str | None]:
    data: dict[str, Any] = {}
    title = row.line_text("title")
    if title is None:
        row.note("Es fehlt der Titel.")
    _put(data, "title", title)
    organizers = [{"name": name} for name in _organizer_names(row.get("organizer"))]
    _put(data, "organizer", organizers)
    categories = _categories(row, town)
    _note_first_only(row, "Eine Veranstaltung hat eine Kategorie", categories, "category")
    _put(data, "category", categories[0] if categories else None)
    _put(data, "location", _place(row, town))
    start, end, day = _start_end(row)
    _put(data, "start", start)
    _put(data, "end", end)
    _put(data, "description", row.description())
    status = row.line_text("status")
    if status is not None:
        _put(data, "status", _status(row, status))
    price = row.read("price", read_price)
    if price is not None:
        free, text = price
        _put(data, "free", True if free else None)
        _put(data, "price", text)
    _registration(row, data)
    _put(data, "audiences", _audiences(row, town))
    _put(data, "tags", split_list(row.get("tags") or ""))
    _put(data, "accessibility", _accessibility(row))
    _put(data, "website", _website(row))
    _put(data, "contact", _single_contact(row, "Ein Termin", with_website=False))
    return data, title, day


def _organizer_names(text: str | None) -> list[str]:
    """Several organisers are separated by semicolons or line breaks (a comma is often part of a name)."""
    if text is None:
        return []
    return [" ".join(part.split()) for part in text.replace("\n", ";").split(";") if part.strip()]


def _place(row: Row, town: Town) -> dict[str, Any]:
    """The row's place as a one-off `location` (resolve matches it to a venue where certain)."""
    address = _address(row)
    name = row.line_text("place") or address.get("street") or address.get("city")
    if name is None:
        row.note("Es fehlt der Ort (Spalte „Ort“ oder „Veranstaltungsort“).")
        return {}
    place: dict[str, Any] = {"name": name, **address}
    _put(place, "district", _district(row, town))
    return place


def _when(row: Row, name: str) -> tuple[When, bool]:
    """Days and times of all cells of ``name`` in column order; False when one could not be read."""
    days: list[date] = []
    times: list[time] = []
    readable = True
    for header, text in row.cells.get(name, []):
        try:
            when = read_when(text)
        except Unreadable as exc:
            row.note(f"Spalte „{header}“: {exc} Der Wert steht unverändert in der Datei; bitte korrigieren.", name)
            readable = False
            continue
        days.extend(when.days)
        times.extend(when.times)
    return When(tuple(days), tuple(times)), readable


def _start_end(row: Row) -> tuple[Any, Any, str | None]:
    """(start, end, ISO start day) of the row; an unreadable start stays as written, with a note."""
    begin, begin_readable = _when(row, "start")
    finish, _ = _when(row, "end")
    if not begin.days:
        if begin_readable:
            row.note("Es fehlt das Datum (Spalte „Datum“).")
            return None, None, None
        raw = " ".join(text for _, text in row.cells.get("start", []))
        return raw, None, raw  # validation points at it in the file
    day = begin.days[0]
    end_days = [*begin.days[1:], *finish.days]
    start_times = begin.times[:1]
    end_times = [*begin.times[1:], *finish.times]
    if len(end_days) > 1 or len(end_times) > 1 or len(begin.days) + len(finish.days) > 2:
        row.note("Mehr Daten oder Uhrzeiten als Beginn und Ende; übernommen sind die ersten.", "start")
    end_day = end_days[0] if end_days else None
    if end_day is not None and end_day < day:
        row.note(f"Das Enddatum {end_day:%d.%m.%Y} liegt vor dem Beginn; es wurde nicht übernommen.")
        end_day = None
    if not start_times:
        if end_times:
            row.note("Eine Endzeit ohne Beginnzeit wurde nicht übernommen (der Termin gilt als ganztägig).")
        return day, (end_day if end_day and end_day > day else None), day.isoformat()
    start = datetime.combine(day, start_times[0])
    if not end_times:
        if end_day is not None and end_day > day:
            row.note(
                f"Das Ende nennt den {end_day:%d.%m.%Y}, aber keine Uhrzeit; ein Termin mit Beginnzeit braucht auch "
                "eine Endzeit. Das Ende wurde nicht übernommen."
            )
        return start, None, day.isoformat()
    end = datetime.combine(end_day or day, end_times[0])
    if end_day is None and end <= start:
        end += timedelta(days=1)  # 21:00–01:00 ends after midnight
    if end == start:
        return start, None, day.isoformat()
    return start, (end.time() if end.date() == day else end), day.isoformat()


_STATUS = {
    "abgesagt": "cancelled",
    "faellt aus": "cancelled",
    "ausgefallen": "cancelled",
    "entfaellt": "cancelled",
    "verschoben": "postponed",
}
_SCHEDULED = {"findet statt", "geplant", "ok", "bestaetigt", "planmaessig"}


def _status(row: Row, text: str) -> str | None:
    key = " ".join(words(text))
    if key in _STATUS:
        return _STATUS[key]
    if key not in _SCHEDULED:
        row.note(
            f"Spalte „{row.header('status')}“: „{text}“ ist kein bekannter Status (abgesagt, verschoben oder "
            "findet statt); der Termin gilt als geplant."
        )
    return None


def _registration(row: Row, data: dict[str, Any]) -> None:
    """A link → `registration`; ja/nein → `registration_required`; other text joins the description."""
    text = row.get("registration")
    if text is None:
        return
    website = read_website(text)
    if website.lower().startswith(("http://", "https://")) and " " not in website:
        data["registration"] = website
        data["registration_required"] = True
        return
    try:
        data["registration_required"] = read_yes_no(text)
        return
    except Unreadable:
        pass
    data["registration_required"] = True
    description = data.get("description")
    data["description"] = f"{description}\n\nAnmeldung: {text}" if description else f"Anmeldung: {text}"


# --- clubs ---------------------------------------------------------------------------------


def _club(row: Row, town: Town, today: date) -> tuple[dict[str, Any], str | None, str | None]:
    data: dict[str, Any] = {}
    name = row.line_text("name")
    if name is None:
        row.note("Es fehlt der Name des Vereins.")
    _put(data, "name", name)
    _put(data, "short_name", row.line_text("short_name"))
    _put(data, "category", _categories(row, town))
    _put(data, "description", row.description())
    contacts = _contacts(row)
    _put(data, "contact", contacts[0] if len(contacts) == 1 else contacts)
    _put(data, "district", _district(row, town))
    _put(data, "address", _address(row))
    meetings = (row.get("meeting_times") or "").splitlines()
    _put(data, "meeting_times", [line.strip() for line in meetings if line.strip()])
    _put(data, "audiences", _audiences(row, town))
    membership: dict[str, Any] = {}
    _put(membership, "open", row.read("open", read_yes_no))
    _put(membership, "fee", row.line_text("fee"))
    _put(data, "membership", membership)
    _put(data, "founded", row.read("founded", read_year))
    _put(data, "accessibility", _accessibility(row))
    _put(data, "tags", split_list(row.get("tags") or ""))
    reviewed = row.read("reviewed", read_date) if row.get("reviewed") is not None else today
    _put(data, "reviewed", reviewed or today)
    return data, name, None


# --- venues --------------------------------------------------------------------------------


def _venue(row: Row, town: Town, today: date) -> tuple[dict[str, Any], str | None, str | None]:
    data: dict[str, Any] = {}
    name = row.line_text("name")
    if name is None:
        row.note("Es fehlt der Name des Ortes.")
    _put(data, "name", name)
    _put(data, "address", _address(row))
    _put(data, "district", _district(row, town))
    geo = _geo(row)
    _put(data, "geo", geo)
    _put(data, "description", row.description())
    _put(data, "directions", row.get("directions"))
    _put(data, "accessibility", _accessibility(row))
    _put(data, "contact", _single_contact(row, "Ein Ort", with_website=True))
    return data, name, None


def _geo(row: Row) -> dict[str, float]:
    lat = row.read("lat", read_coordinate)
    lon = row.read("lon", read_coordinate)
    if lat is None and lon is None and (pair := row.read("geo", read_coordinates)) is not None:
        lat, lon = pair
    if (lat is None) != (lon is None):
        row.note("Nur eine der beiden Koordinaten (Breitengrad, Längengrad) ist angegeben; nicht übernommen.")
        return {}
    return {"lat": lat, "lon": lon} if lat is not None and lon is not None else {}
