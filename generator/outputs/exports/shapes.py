"""The shape of the open-data API v1 (`/api/v1/*.json`) as pydantic models.

The published JSON Schemas (`/api/v1/schema/*.schema.json`, draft 2020-12) are generated from
these models, and every file is built by validating data against them, so file and schema cannot
drift apart. Every key is always present (``null`` or ``[]`` when empty), so consumers never
test for missing keys.

Versioning promise (docs/api.md): within v1 fields are only ever *added*; nothing is renamed,
removed or changes its type or meaning. Anything else is v2, published next to v1.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
API_VERSION: Literal["1"] = "1"

Wheelchair = Literal["yes", "limited", "no"]
Status = Literal["scheduled", "cancelled", "postponed"]


class ApiModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shared parts ---------------------------------------------------------------------------


class Address(ApiModel):
    street: str | None = Field(
        title="Straße und Hausnummer", description="null bei Orten ohne Straße (Park, Treffpunkt)."
    )
    postcode: str | None = Field(title="Postleitzahl", description="Fünf Ziffern, als Text (führende Null).")
    city: str = Field(title="Ort")


class Geo(ApiModel):
    lat: float = Field(title="Breitengrad (WGS 84)")
    lon: float = Field(title="Längengrad (WGS 84)")


class ClubAddress(Address):
    label: str | None = Field(title="Bezeichnung", description="z. B. „Geschäftsstelle“, „Trainingsgelände“.")


class Contact(ApiModel):
    role: str | None = Field(title="Funktion", description="z. B. „Vorstand“, „Jugendwart“.")
    name: str | None = Field(title="Ansprechperson oder Funktion")
    email: str | None = Field(title="E-Mail")
    phone: str | None = Field(title="Telefon", description="Wie eingetragen, z. B. „03535 12345“.")
    website: str | None = Field(title="Webseite")


class Accessibility(ApiModel):
    wheelchair: Wheelchair | None = Field(title="Rollstuhl", description="Wortschatz von OpenStreetMap.")
    toilet: bool | None = Field(title="Barrierefreies WC")
    hearing_loop: bool | None = Field(title="Induktive Höranlage")
    notes: str | None = Field(title="Hinweise")


class Image(ApiModel):
    url: str = Field(title="Bildadresse (absolut)")
    alt: str = Field(title="Bildbeschreibung (Alternativtext)")
    credit: str | None = Field(title="Bildnachweis")


class Place(ApiModel):
    """A one-off place without its own venue entry."""

    name: str = Field(title="Name des Ortes")
    street: str | None = Field(title="Straße und Hausnummer")
    postcode: str | None = Field(title="Postleitzahl")
    city: str | None = Field(title="Ort")
    geo: Geo | None = Field(title="Koordinaten")
    directions: str | None = Field(title="Anfahrt", description="Wie man hinfindet, z. B. bei einem Ort ohne Straße.")


class Organizer(ApiModel):
    club_id: str | None = Field(title="Kennung des Vereins", description="null, wenn kein Verein aus clubs.json.")
    name: str = Field(title="Name")
    url: str | None = Field(title="Seite des Vereins im Portal")
    kind: Literal["club", "town", "other"] = Field(
        title="Art",
        description="club: ein Verein aus clubs.json; town: die Kommune selbst; other: eine Organisation "
        "ohne Eintrag im Portal (Schule, Kirchengemeinde, Museum, Firma …).",
    )
    website: str | None = Field(title="Webseite des Veranstalters")
    email: str | None = Field(title="E-Mail des Veranstalters")
    phone: str | None = Field(title="Telefon des Veranstalters")


class Membership(ApiModel):
    open: bool | None = Field(title="Neue Mitglieder willkommen")
    fee: str | None = Field(title="Beitrag")
    notes: str | None = Field(title="Hinweise")


# --- records --------------------------------------------------------------------------------


class Club(ApiModel):
    id: str = Field(title="Kennung", description="Dateiname ohne .yml; ändert sich nie.")
    name: str = Field(title="Name")
    short_name: str | None = Field(title="Kurzname")
    url: str = Field(title="Seite im Portal")
    calendar_url: str = Field(title="Kalender-Abo (iCalendar) der Termine des Vereins")
    widget_url: str = Field(title="Widget-Seite zum Einbetten (iframe)")
    qr_code_url: str = Field(title="QR-Code (SVG) mit der Adresse der Seite")
    categories: list[str] = Field(title="Kategorien", description="Kennungen aus categories.json.")
    district: str | None = Field(title="Ortsteil", description="Kennung aus districts.json.")
    address: Address | None = Field(title="Adresse", description="Die erste aus „addresses“ (seit v1 vorhanden).")
    addresses: list[ClubAddress] = Field(title="Alle Adressen", description="In der Reihenfolge des Vereins.")
    venue_id: str | None = Field(title="Vereinsort", description="Kennung aus venues.json.")
    meeting_times: list[str] = Field(title="Regelmäßige Treffen (Text)")
    audiences: list[str] = Field(title="Zielgruppen", description="Kennungen aus audiences.json.")
    membership: Membership | None = Field(title="Mitgliedschaft")
    founded: int | None = Field(title="Gründungsjahr")
    contact: Contact | None = Field(title="Kontakt", description="Der erste aus „contacts“ (seit v1 vorhanden).")
    contacts: list[Contact] = Field(
        title="Alle Kontakte", description="In der Reihenfolge des Vereins, der wichtigste zuerst."
    )
    accessibility: Accessibility | None = Field(title="Barrierefreiheit")
    image: Image | None = Field(title="Bild")
    tags: list[str] = Field(title="Schlagwörter")
    description: str | None = Field(title="Beschreibung als Text")
    description_html: str | None = Field(title="Beschreibung als HTML", description="Bereinigt (Allow-List).")
    reviewed: date = Field(title="Zuletzt vom Verein bestätigt")


class Venue(ApiModel):
    id: str = Field(title="Kennung")
    name: str = Field(title="Name")
    url: str = Field(title="Seite im Portal")
    calendar_url: str = Field(title="Kalender-Abo (iCalendar) der Termine an diesem Ort")
    address: Address | None = Field(
        title="Adresse", description="null bei einem Ort ohne Adresse; dann gibt es geo oder directions."
    )
    district: str | None = Field(
        title="Ortsteil",
        description="Kennung aus districts.json, oder „ausserhalb“; ohne Angabe aus der Adresse erkannt.",
    )
    geo: Geo | None = Field(title="Koordinaten")
    directions: str | None = Field(title="Anfahrt")
    accessibility: Accessibility | None = Field(title="Barrierefreiheit")
    contact: Contact | None = Field(title="Kontakt")
    description: str | None = Field(title="Beschreibung als Text")
    description_html: str | None = Field(title="Beschreibung als HTML")


class Recurrence(ApiModel):
    freq: Literal["daily", "weekly", "monthly", "yearly"] = Field(title="Rhythmus (RFC 5545 FREQ)")
    interval: int = Field(title="Abstand (RFC 5545 INTERVAL)", ge=1)
    days: list[str] = Field(title="Wochentage (RFC 5545 BYDAY)", description="z. B. „TU“, „1MO“, „-1FR“.")
    until: date | None = Field(title="Letzter möglicher Tag (einschließlich)")
    count: int | None = Field(title="Anzahl der Termine")
    text: str = Field(title="Die Reihe in Worten", description="z. B. „jeden Dienstag, 18:00–20:00 Uhr“.")


class Occurrence(ApiModel):
    start: datetime | date = Field(
        title="Beginn", description="Mit Uhrzeit: ISO 8601 mit UTC-Versatz der Ortszeit; ganztägig: nur das Datum."
    )
    end: datetime | date | None = Field(title="Ende", description="Ganztägig: der letzte Tag (einschließlich).")
    status: Status = Field(title="Status")
    original_date: date = Field(
        title="Regulärer Tag", description="Der Tag laut Regel; bleibt gleich, wenn der Termin verlegt wird."
    )
    moved: bool = Field(title="Verlegt")
    title: str = Field(title="Titel (geändert oder der der Veranstaltung)")
    venue_id: str | None = Field(title="Ort (Kennung)")
    location: Place | None = Field(title="Ort ohne eigenen Eintrag")
    note: str | None = Field(title="Hinweis zu diesem Termin")
    district: str | None = Field(
        title="Ortsteil dieses Termins",
        description="Kennung aus districts.json, oder „ausserhalb“ für einen Ort außerhalb der Kommune. "
        "Ohne Angabe im Eintrag aus Ort oder Namen des Ortes erkannt.",
    )


class OpeningTime(ApiModel):
    start: datetime = Field(title="Beginn", description="ISO 8601 mit UTC-Versatz der Ortszeit.")
    end: datetime | None = Field(title="Ende", description="null: offenes Ende („ab 8 Uhr“).")


class Event(ApiModel):
    id: str = Field(title="Kennung")
    title: str = Field(title="Titel")
    url: str = Field(title="Seite im Portal")
    ical_url: str = Field(title="Dieser Termin als iCalendar-Datei")
    qr_code_url: str = Field(title="QR-Code (SVG) mit der Adresse der Seite")
    poster_url: str | None = Field(title="Aushang zum Ausdrucken (A4)", description="null, wenn vorbei.")
    status: Status = Field(title="Status der ganzen Veranstaltung")
    all_day: bool = Field(title="Ganztägig")
    start: datetime | date = Field(title="Beginn (bei Reihen: der erste Termin)")
    end: datetime | date | None = Field(title="Ende (bei Reihen: das des ersten Termins)")
    recurrence: Recurrence | None = Field(title="Wiederholung")
    organizers: list[Organizer] = Field(
        title="Veranstalter", description="In der Reihenfolge des Eintrags; leer, wenn keiner genannt ist."
    )
    category: str = Field(title="Kategorie", description="Kennung aus categories.json.")
    audiences: list[str] = Field(title="Zielgruppen")
    venue_id: str | None = Field(title="Ort (Kennung aus venues.json)")
    location: Place | None = Field(title="Ort ohne eigenen Eintrag")
    free: bool | None = Field(title="Eintritt frei")
    price: str | None = Field(title="Preis (Text)")
    registration_url: str | None = Field(title="Link zur Anmeldung")
    registration_required: bool | None = Field(title="Anmeldung nötig")
    accessibility: Accessibility | None = Field(title="Barrierefreiheit")
    image: Image | None = Field(title="Bild")
    tags: list[str] = Field(title="Schlagwörter")
    website: str | None = Field(title="Webseite zum Termin")
    contact: Contact | None = Field(title="Kontakt")
    description: str | None = Field(title="Beschreibung als Text")
    description_html: str | None = Field(title="Beschreibung als HTML")
    added: datetime = Field(title="Aufgenommen", description="Erster Commit der Datei (UTC).")
    next_occurrences: list[Occurrence] = Field(
        title="Nächste Termine",
        description="Vom Stichtag bis occurrences_until, abgesagte eingeschlossen; hat die Veranstaltung dort "
        "keinen Termin, ihr nächster danach. Leer nur, wenn sie vorbei ist.",
    )
    hours: list[OpeningTime] = Field(
        title="Uhrzeiten je Tag",
        description="Bei ganztägigen Terminen über mehrere Tage mit Öffnungszeiten: jeder geöffnete Tag mit "
        "Beginn und Ende (zwei Einträge bei einer Pause); sonst leer.",
    )
    district: str | None = Field(
        title="Ortsteil (des Ortes der Veranstaltung)",
        description="Kennung aus districts.json, oder „ausserhalb“ für einen Ort außerhalb der Kommune. "
        "Ohne Angabe im Eintrag aus Ort oder Namen des Ortes erkannt.",
    )


class Opportunity(ApiModel):
    id: str = Field(title="Kennung")
    title: str = Field(title="Titel")
    url: str = Field(title="Seite im Portal")
    organizers: list[Organizer] = Field(title="Wer sucht", min_length=1)
    time_commitment: str = Field(title="Zeitaufwand")
    expires: date = Field(title="Gültig bis")
    category: str | None = Field(title="Kategorie")
    district: str | None = Field(title="Ortsteil")
    venue_id: str | None = Field(title="Ort (Kennung)")
    audiences: list[str] = Field(title="Für wen geeignet")
    tags: list[str] = Field(title="Schlagwörter")
    contact: Contact = Field(title="Kontakt")
    description: str = Field(title="Beschreibung als Text")
    description_html: str = Field(title="Beschreibung als HTML")
    added: datetime = Field(title="Aufgenommen", description="Erster Commit der Datei (UTC).")


class District(ApiModel):
    id: str = Field(title="Kennung")
    label: str = Field(title="Bezeichnung")
    description: str | None = Field(title="Beschreibung")
    url: str = Field(title="Seite im Portal")
    calendar_url: str = Field(title="Kalender-Abo (iCalendar)")


class Audience(District):
    pass


class Category(Audience):
    widget_url: str = Field(title="Widget-Seite zum Einbetten (iframe)")


# --- files ----------------------------------------------------------------------------------


class Header(ApiModel):
    api_version: Literal["1"] = Field(title="API-Version")
    generated: date = Field(title="Stichtag des Builds")
    count: int = Field(title="Anzahl der Einträge", ge=0)


class ClubList(Header):
    items: list[Club] = Field(title="Vereine, nach Kennung sortiert")


class VenueList(Header):
    items: list[Venue] = Field(title="Orte, nach Kennung sortiert")


class EventList(Header):
    occurrences_until: date = Field(title="Letzter Tag der ausgerechneten Termine (next_occurrences)")
    items: list[Event] = Field(title="Veranstaltungen, nach Kennung sortiert")


class OpportunityList(Header):
    items: list[Opportunity] = Field(title="Offene Engagement-Angebote, nach Kennung sortiert")


class CategoryList(Header):
    items: list[Category] = Field(title="Kategorien in der Reihenfolge der Kommune")


class AudienceList(Header):
    items: list[Audience] = Field(title="Zielgruppen in der Reihenfolge der Kommune")


class DistrictList(Header):
    items: list[District] = Field(title="Ortsteile in der Reihenfolge der Kommune")


class Town(ApiModel):
    name: str = Field(title="Name der Kommune")
    portal_name: str = Field(title="Name des Portals")
    site_url: str = Field(title="Adresse des Portals")
    timezone: str = Field(title="Zeitzone (IANA)")


class Endpoint(ApiModel):
    name: str = Field(title="Name")
    title: str = Field(title="Bezeichnung")
    url: str = Field(title="Adresse der Datei")
    schema_url: str | None = Field(title="Adresse des JSON-Schemas", description="null bei CSV und Feeds.")
    media_type: str = Field(title="Medientyp")


class ApiIndex(ApiModel):
    api_version: Literal["1"] = Field(title="API-Version")
    generated: date = Field(title="Stichtag des Builds")
    town: Town = Field(title="Kommune")
    documentation: str = Field(title="Beschreibung der Schnittstelle")
    files: list[Endpoint] = Field(title="Alle Dateien der Schnittstelle")


ENDPOINTS: dict[str, tuple[type[ApiModel], str]] = {
    "index": (ApiIndex, "Übersicht der offenen Daten"),
    "clubs": (ClubList, "Vereine und Gruppen"),
    "events": (EventList, "Veranstaltungen mit ihren nächsten Terminen"),
    "venues": (VenueList, "Veranstaltungsorte"),
    "opportunities": (OpportunityList, "Offene Engagement-Angebote"),
    "categories": (CategoryList, "Kategorien"),
    "audiences": (AudienceList, "Zielgruppen"),
    "districts": (DistrictList, "Ortsteile"),
}
"""Each JSON file of the API: its model and German title (the order of index.json)."""


def json_schema(model: type[ApiModel], title: str, schema_id: str) -> dict[str, Any]:
    """The draft 2020-12 schema of one file, with ``$id`` = its published address."""
    schema = model.model_json_schema(mode="serialization", ref_template="#/$defs/{model}")
    definitions = schema.pop("$defs", {})
    for definition in definitions.values():
        definition.pop("description", None)  # class docstrings are developer English
        definition.pop("additionalProperties", None)  # v1 may gain fields: a kept copy must accept them
    for key in ("description", "title", "additionalProperties"):
        schema.pop(key, None)
    result: dict[str, Any] = {"$schema": SCHEMA_DIALECT, "$id": schema_id, "title": title, **schema}
    if definitions:
        result["$defs"] = dict(sorted(definitions.items()))
    return result
