"""The column names `import csv` understands, per kind, with the German words towns use.

A header cell is compared after lowercasing, ä → ae, ö → oe, ü → ue, ß → ss and dropping
everything but letters and digits, so „E-Mail“, „e-mail“, „EMail“ and „E Mail“ are one name,
as are „Straße“, „Strasse“ and „STRASSE“. Several columns may give the date and time of an event
(„Datum“, „Uhrzeit“, „bis“); every other field comes from one column only. docs/umzug.md lists
these names for town staff; `tests/importing/test_import_csv.py` keeps the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importing.records import Kind

_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def column_key(header: str) -> str:
    """„Straße / Hausnr.“ → „strassehausnr“: the form column names are compared in."""
    return re.sub(r"[^a-z0-9]", "", header.lower().translate(_TRANSLITERATION))


@dataclass(frozen=True)
class Column:
    """One field a column can fill: ``field`` names it for the reader, ``names`` as towns write it."""

    field: str
    names: tuple[str, ...]
    """The first is the name the documentation shows first; all are compared by `column_key`."""
    several: bool = False
    """Several columns may fill it (the parts of an event's date and time)."""


_ID = Column("id", ("ID", "Nr.", "Nummer", "lfd. Nr.", "Kennung"))
_STREET = Column("street", ("Straße", "Straße und Hausnummer", "Straße/Hausnr.", "Adresse", "Anschrift"))
_POSTCODE = Column("postcode", ("PLZ", "Postleitzahl"))
_POSTCODE_CITY = Column("postcode_city", ("PLZ Ort", "PLZ/Ort", "PLZ und Ort"))
_DISTRICT = Column("district", ("Ortsteil", "OT", "Stadtteil"))
_DESCRIPTION = Column("description", ("Beschreibung", "Text", "Details", "Informationen", "Info"))
_CONTACT_NAME = Column(
    "contact_name", ("Ansprechpartner", "Ansprechpartner/in", "Ansprechpartnerin", "Ansprechperson", "Kontaktperson")
)
_EMAIL = Column("email", ("E-Mail", "Mail", "E-Mail-Adresse"))
_PHONE = Column("phone", ("Telefon", "Tel.", "Telefonnummer", "Fon"))
_WEBSITE = Column("website", ("Webseite", "Website", "Homepage", "Internet", "Link", "URL"))
_WHEELCHAIR = Column("wheelchair", ("Barrierefrei", "Rollstuhlgerecht", "Rollstuhl", "Barrierefreiheit"))
_TOILET = Column("toilet", ("Barrierefreies WC", "Behinderten-WC", "Rollstuhl-WC"))
_HEARING_LOOP = Column("hearing_loop", ("Höranlage", "Induktive Höranlage"))
_ACCESS_NOTES = Column("accessibility_notes", ("Hinweise Barrierefreiheit", "Hinweise zur Barrierefreiheit"))
_AUDIENCES = Column("audiences", ("Zielgruppe", "Zielgruppen", "Für wen"))
_TAGS = Column("tags", ("Schlagwörter", "Stichwörter", "Tags"))

COLUMNS: dict[Kind, tuple[Column, ...]] = {
    "events": (
        _ID,
        Column("title", ("Titel", "Veranstaltung", "Name", "Bezeichnung", "Veranstaltungstitel")),
        Column(
            "start",
            ("Datum", "Beginn", "Startdatum", "Datum von", "Uhrzeit", "von", "Zeit", "Startzeit", "Uhrzeit von"),
            several=True,
        ),
        Column("end", ("Enddatum", "bis", "Ende", "Endzeit", "Datum bis", "Uhrzeit bis"), several=True),
        Column("place", ("Veranstaltungsort", "Ort", "Treffpunkt", "Ort der Veranstaltung", "Raum")),
        _STREET,
        _POSTCODE,
        Column("city", ("Ortschaft", "Stadt", "Gemeinde")),
        _POSTCODE_CITY,
        _DISTRICT,
        Column("organizer", ("Veranstalter", "Veranstalter/in", "Veranstalterin", "Ausrichter", "Organisator")),
        Column("category", ("Kategorie", "Rubrik", "Sparte")),
        _DESCRIPTION,
        Column("price", ("Eintritt", "Preis", "Kosten", "Gebühr", "Teilnahmegebühr")),
        _WEBSITE,
        _CONTACT_NAME,
        _EMAIL,
        _PHONE,
        Column("registration", ("Anmeldung", "Anmeldung erforderlich", "Voranmeldung")),
        Column("status", ("Status",)),
        _AUDIENCES,
        _TAGS,
        _WHEELCHAIR,
    ),
    "clubs": (
        _ID,
        Column("name", ("Name", "Vereinsname", "Verein", "Bezeichnung")),
        Column("short_name", ("Kurzname", "Kurzbezeichnung", "Abkürzung")),
        Column("category", ("Kategorie", "Rubrik", "Bereich", "Sparte")),
        _DESCRIPTION,
        _CONTACT_NAME,
        Column("role", ("Funktion", "Rolle", "Position")),
        _EMAIL,
        _PHONE,
        _WEBSITE,
        _STREET,
        _POSTCODE,
        Column("city", ("Ort", "Stadt", "Gemeinde", "Ortschaft")),
        _POSTCODE_CITY,
        _DISTRICT,
        Column("founded", ("Gründungsjahr", "Gegründet", "Gründung")),
        Column("fee", ("Mitgliedsbeitrag", "Beitrag", "Jahresbeitrag")),
        Column("open", ("Neue Mitglieder", "Neue Mitglieder willkommen", "Mitglied werden")),
        Column("meeting_times", ("Treffen", "Treffzeiten", "Trainingszeiten", "Übungszeiten")),
        Column("reviewed", ("Stand", "Geprüft am", "Zuletzt geprüft", "Zuletzt bestätigt")),
        _AUDIENCES,
        _TAGS,
        _WHEELCHAIR,
    ),
    "venues": (
        _ID,
        Column("name", ("Name", "Bezeichnung", "Veranstaltungsort", "Einrichtung")),
        _STREET,
        _POSTCODE,
        Column("city", ("Ort", "Stadt", "Gemeinde", "Ortschaft")),
        _POSTCODE_CITY,
        _DISTRICT,
        Column("lat", ("Breitengrad", "Breite", "Lat", "Latitude")),
        Column("lon", ("Längengrad", "Länge", "Lon", "Lng", "Longitude")),
        Column("geo", ("Koordinaten", "Geo", "GPS")),
        Column("directions", ("Anfahrt", "Wegbeschreibung", "Anreise", "ÖPNV")),
        _DESCRIPTION,
        _WHEELCHAIR,
        _TOILET,
        _HEARING_LOOP,
        _ACCESS_NOTES,
        _CONTACT_NAME,
        _EMAIL,
        _PHONE,
        _WEBSITE,
    ),
}
"""Per kind, the fields in the order the documentation lists them."""


def column_index(kind: Kind) -> dict[str, Column]:
    """`column_key` of every understood name → its column."""
    index: dict[str, Column] = {}
    for column in COLUMNS[kind]:
        for name in column.names:
            key = column_key(name)
            assert index.get(key, column) is column, f"{name} means two fields for {kind}"
            index[key] = column
    return index


def understood_names(kind: Kind) -> str:
    """„Titel (oder Veranstaltung, Name …), Datum (…), …“ for the error about an unknown column."""
    return "; ".join(
        column.names[0] + (f" (auch {', '.join(column.names[1:])})" if len(column.names) > 1 else "")
        for column in COLUMNS[kind]
    )
