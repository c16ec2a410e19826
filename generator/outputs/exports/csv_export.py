"""CSV tables of clubs and of upcoming dates that open correctly in (German) Excel by double-click.

Excel's rules: UTF-8 only with a byte-order mark (else "Ã¼" instead of "ü"), `;` as separator
(German locale; a comma is the decimal sign), CRLF line ends, fields with `;`, `"` or line breaks
in double quotes with inner quotes doubled. Two more traps are avoided: a postcode alone in a
column loses its leading zero (01234 → 1234), so it shares a column with the town ("01234
Musterstadt"); and a cell starting with = + - @ would be run as a formula (CSV injection),
so such text gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from generator import urls
from generator.derive.agenda import AgendaItem
from generator.derive.organizers import organizers as organizers_of
from generator.models.common import Address, Contact, LabelledAddress
from generator.models.event import Place
from generator.models.site import Site
from generator.models.venue import Venue
from generator.outputs.markdown import plain_text as plain

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CLUB_COLUMNS = (
    "Kennung", "Name", "Kurzname", "Bereiche", "Ortsteil", "Straße", "PLZ und Ort", "Treffpunkt", "Treffen",
    "Zielgruppen", "Ansprechperson", "E-Mail", "Telefon", "Webseite", "Neue Mitglieder willkommen", "Beitrag",
    "Gegründet", "Rollstuhlgerecht", "Beschreibung", "Zuletzt bestätigt", "Seite im Portal", "Weitere Kontakte",
    "Weitere Adressen",
)  # fmt: skip
"""The columns of `vereine.csv`; the first contact and address have their own, the others follow at the end."""
EVENT_COLUMNS = (
    "Datum", "Wochentag", "Beginn", "Ende", "Titel", "Status", "Hinweis", "Ort", "Adresse", "Veranstalter",
    "Kategorie", "Zielgruppen", "Eintritt", "Anmeldung", "Regelmäßig", "Kennung", "Seite im Portal", "Ortsteil",
    "Anfahrt", "Breitengrad", "Längengrad",
)  # fmt: skip
"""The columns of `veranstaltungen.csv`; new ones go at the end (a kept spreadsheet may count on the order)."""
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
STATUS = {"scheduled": "findet statt", "cancelled": "abgesagt", "postponed": "verschoben"}


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """BOM + `;`-separated, CRLF, minimal quoting; every cell made safe against formula injection."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("ja" if value else "nein")


def _end_text(start: date | datetime, end: date | datetime | None) -> str:
    """ "21:00" on the start's day, else the full end ("2027-05-23 02:00", or the last day of an all-day event)."""
    if end is None or end == start:
        return ""
    if isinstance(end, datetime):
        return f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"  # type: ignore[union-attr]
    return end.isoformat()


def _place_line(address: Address | None) -> str:
    return " ".join(part for part in (address.postcode, address.city) if part) if address else ""


def _coordinate(value: float | None) -> str:
    """A decimal comma, so German Excel reads a number ("51,68430"), not 5168430."""
    return "" if value is None else f"{value:.5f}".replace(".", ",")


def _person(contact: Contact) -> str:
    """ "Erika Beispiel (Jugendwartin)", or the one of name and role that is given."""
    if contact.name and contact.role:
        return f"{contact.name} ({contact.role})"
    return contact.name or contact.role or ""


def _contact_text(contact: Contact) -> str:
    return ", ".join(part for part in (_person(contact), contact.email, contact.phone, contact.website) if part)


def _address_text(address: LabelledAddress) -> str:
    text = f"{address.street}, {_place_line(address)}"
    return f"{address.label}: {text}" if address.label else text


def clubs_csv(site: Site) -> bytes:
    town, rows = site.town, []
    categories = {t.id: t.label for t in town.categories}
    districts = {t.id: t.label for t in town.districts}
    audiences = {t.id: t.label for t in town.audiences}
    for record in sorted(site.clubs.values()):
        club = record.data
        contact, membership = club.first_contact, club.membership
        address = club.addresses[0] if club.addresses else None
        rows.append(
            [
                record.id,
                club.name,
                club.short_name or "",
                ", ".join(categories[c] for c in club.category),
                districts[club.district] if club.district else "",
                address.street if address else "",
                _place_line(address),
                site.venues[club.venue].data.name if club.venue else "",
                " | ".join(club.meeting_times),
                ", ".join(audiences[a] for a in club.audiences),
                _person(contact) if contact else "",
                (contact.email or "") if contact else "",
                (contact.phone or "") if contact else "",
                (contact.website or "") if contact else "",
                _yes_no(membership.open) if membership else "",
                (membership.fee or "") if membership else "",
                str(club.founded) if club.founded else "",
                club.accessibility.wheelchair.label if club.accessibility and club.accessibility.wheelchair else "",
                " ".join(plain(club.description).split()),
                club.reviewed.isoformat(),
                town.site_url + urls.club(record.id),
                " | ".join(_contact_text(other) for other in club.contacts[1:]),
                " | ".join(_address_text(other) for other in club.addresses[1:]),
            ]
        )
    return to_csv(CLUB_COLUMNS, rows)


def events_csv(site: Site, items: list[AgendaItem]) -> bytes:
    """One row per date (occurrence) in ``items``, in the order citizens read them."""
    town, rows = site.town, []
    categories = {t.id: t.label for t in town.categories}
    audiences = {t.id: t.label for t in town.audiences}
    for item in items:
        district = town.district_label(item.district) if item.district else ""
        event, occurrence, change = item.event.data, item.occurrence, item.occurrence.change
        start, end = occurrence.start, occurrence.end
        venue_id = (change.venue if change and change.venue else None) or (
            None if change and change.location else event.venue
        )
        location = change.location if change and change.location else event.location
        spot: Venue | Place | None = site.venues[venue_id].data if venue_id else location
        assert spot is not None  # the model requires a place
        notes = []
        if occurrence.moved:
            notes.append(f"verlegt vom {occurrence.original_date:%d.%m.%Y}")
        if change and change.note:
            notes.append(change.note)
        organizers = ", ".join(organizer.name for organizer in organizers_of(site, event))
        rows.append(
            [
                item.day.isoformat(),
                WEEKDAYS[item.day.weekday()],
                f"{start:%H:%M}" if isinstance(start, datetime) else "ganztägig",
                _end_text(start, end),
                (change.title if change and change.title else None) or event.title,
                STATUS[occurrence.status.value],
                "; ".join(notes),
                spot.name,
                spot.address_line,
                organizers,
                categories[event.category],
                ", ".join(audiences[a] for a in event.audiences),
                "frei" if event.free else (event.price or ""),
                ("erforderlich" if event.registration_required else "")
                + (f" {event.registration}" if event.registration else ""),
                "ja" if event.repeat else "nein",
                item.event.id,
                town.site_url + urls.event(item.event.id),
                district,
                spot.directions or "",
                _coordinate(spot.geo.lat if spot.geo else None),
                _coordinate(spot.geo.lon if spot.geo else None),
            ]
        )
    return to_csv(EVENT_COLUMNS, rows)
