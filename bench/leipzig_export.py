"""Turn the real Leipzig open-data corpus into the files a town really brings: a calendar export
and three spreadsheets.

The corpus (`../shared/data/real-events/leipzig-data`, Leipzig Open Data, CC0; see its README) is
RDF. A town moving to engagiert does not have RDF; it has what its old calendar and its office
software export. This script plays that old software, so the migration can be measured through
`python -m generator import` exactly as a town would run it:

- `veranstaltungen.ics`: every distinct event (the newest snapshot of each wins) as one VEVENT,
  shaped like a CMS calendar export — `X-WR-TIMEZONE`, `DTSTART;TZID=Europe/Berlin`, all-day
  dates as `VALUE=DATE`, the description with the HTML the source has, `LOCATION` as text,
  `ORGANIZER;CN=…` (with `mailto:` where the organiser has an address), `CATEGORIES` from the tags,
  `URL`. The old software parsed the five malformed datetimes when they were entered; so does this.
- `vereine.csv`, `orte.csv`, `veranstaltungen.csv`: the club directory, the places and the events as
  a town office keeps them in a spreadsheet — semicolon-separated, Windows-1252, German headers,
  dates `14.12.2027`, several values in one cell on lines of their own (Alt+Enter in Excel).
  Values the source holds in a shape no spreadsheet would normalise (a date written `20130924`)
  stay as they are.

Dates are shifted by a whole number of weeks (weekdays stay) so that the events lie ahead of the
portal's "today" and show up in pages and feeds; `--shift-weeks 0` keeps them as they were.

    python -m bench.leipzig_export OUT_DIR [--corpus DIR] [--shift-weeks 678]

Needs `rdflib` (`pip install rdflib`), which only this benchmark script uses.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.synthetic import DEFAULT_CORPUS

BERLIN = ZoneInfo("Europe/Berlin")
SHIFT_WEEKS = 678
"""13 years less a few days: the corpus (2012–2019) then lies in 2025–2032."""
_ADDRESS = re.compile(r"^http://leipzig-data\.de/Data/(\d{5})\.([^.]+)\.([^.]+)\.?(.*)$")
_LAX_TIME = re.compile(r"^(\d{4})-?(\d\d)-?(\d\d)(?:T(\d{1,2}):(\d\d)(?::(\d\d))?)?(Z|[+-]\d\d:?\d\d)?$")


def _spaced(camel: str) -> str:
    """`NeueLeipzigerStrasse` → `Neue Leipziger Strasse`: the IRIs drop the spaces."""
    text = camel.replace("_", " ").replace("-", " - ").replace(".", " ")
    return re.sub(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])", " ", text).replace(" - ", "-").strip()


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def parse_time(text: str) -> date | datetime | None:
    """The corpus' datetimes, including the malformed ones (`2017-10-18T9:00:00+02:00`, `20130924`)."""
    match = _LAX_TIME.match(text.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if hour is None:
        return date(int(year), int(month), int(day))
    naive = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    if zone is None:
        return naive.replace(tzinfo=BERLIN)
    if zone == "Z":
        return naive.replace(tzinfo=ZoneInfo("UTC")).astimezone(BERLIN)
    sign = 1 if zone[0] == "+" else -1
    hours, minutes = int(zone[1:3]), int(zone[-2:])
    offset = timedelta(hours=hours, minutes=minutes) * sign
    return (naive - offset).replace(tzinfo=ZoneInfo("UTC")).astimezone(BERLIN)


@dataclass
class Entity:
    """A club, place or organiser with what a spreadsheet row or an ORGANIZER line needs."""

    iri: str
    names: list[str] = field(default_factory=list)
    street: str = ""
    postcode: str = ""
    city: str = ""
    district: str = ""
    categories: list[str] = field(default_factory=list)
    homepages: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    comment: str = ""

    @property
    def name(self) -> str:
        return self.names[0] if self.names else _spaced(_local(self.iri))


@dataclass
class EventRecord:
    iri: str
    title: str
    description: str
    start_text: str
    end_text: str
    location: str | None
    organizers: list[str]
    tags: list[str]
    urls: list[str]
    price: str
    addendum: str
    snapshot: str


class Corpus:
    """The RDF files read once; entities by IRI, events by IRI (the newest snapshot of each)."""

    def __init__(self, root: Path) -> None:
        import logging

        import rdflib  # only this benchmark needs it

        logging.getLogger("rdflib").setLevel(logging.CRITICAL)  # it logs each malformed date with a traceback

        self.rdflib = rdflib
        data = root / "leipzig-data"
        self.ns_ical = rdflib.Namespace("http://www.w3.org/2002/12/cal/ical#")
        self.ns_ld = rdflib.Namespace("http://leipzig-data.de/Data/Model/")
        self.foaf = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
        self.ldot = "http://leipzig-data.de/Data/Ortsteil/"
        self.places = self._entities(data / "Orte.ttl", None)
        self.clubs = self._entities(data / "Vereine.ttl", self.ns_ld.Verein)
        self.clubs |= self._entities(data / "Buergervereine.ttl", None)
        self.tags = {str(s): str(o) for s, o in self._graph(data / "Tags.ttl").subject_objects(rdflib.RDFS.label)}
        self.events = self._events(sorted((data / "events").glob("*.ttl"), key=lambda p: p.stem.split("_")[1]))

    def _graph(self, path: Path):
        graph = self.rdflib.Graph()
        graph.parse(path, format="turtle", publicID=f"http://leipzig-data.de/Data/{path.stem}/")
        return graph

    def _entities(self, path: Path, kind) -> dict[str, Entity]:
        rdflib = self.rdflib
        graph = self._graph(path)
        subjects = set(graph.subjects(rdflib.RDFS.label))
        if kind is not None:
            subjects = set(graph.subjects(rdflib.RDF.type, kind))
        found: dict[str, Entity] = {}
        for subject in subjects:
            if not isinstance(subject, rdflib.URIRef) or "leipzig-data.de/Data/" not in str(subject):
                continue
            entity = Entity(str(subject))
            entity.names = sorted(str(o) for o in graph.objects(subject, rdflib.RDFS.label))
            for address in graph.objects(subject, self.ns_ld.hasAddress):
                match = _ADDRESS.match(str(address))
                if match and not entity.street:
                    postcode, city, street, number = match.groups()
                    entity.postcode, entity.city = postcode, _spaced(city)
                    entity.street = f"{_spaced(street)} {number.replace('.', ' ')}".strip()
            for district in graph.objects(subject, self.ns_ld.hasOrtsteil):
                entity.district = _spaced(_local(str(district)))
            entity.categories = sorted(str(o) for o in graph.objects(subject, self.ns_ld.hasCategories))
            entity.homepages = sorted(str(o) for o in graph.objects(subject, self.foaf.homepage))
            entity.emails = sorted(str(o).removeprefix("mailto:") for o in graph.objects(subject, self.foaf.mbox))
            entity.phones = sorted(str(o) for o in graph.objects(subject, self.foaf.phone))
            entity.comment = " ".join(str(o) for o in graph.objects(subject, rdflib.RDFS.comment))
            found[entity.iri] = entity
        return found

    def _events(self, files: list[Path]) -> dict[str, EventRecord]:
        rdflib, ical, ld = self.rdflib, self.ns_ical, self.ns_ld
        events: dict[str, EventRecord] = {}
        for path in files:
            graph = self._graph(path)
            for subject in set(graph.subjects(rdflib.RDF.type, ld.Event)):

                def one(*predicates, subject=subject, graph=graph) -> str:
                    for predicate in predicates:
                        for value in graph.objects(subject, predicate):
                            return str(value)
                    return ""

                def many(*predicates, subject=subject, graph=graph) -> list[str]:
                    return sorted({str(v) for p in predicates for v in graph.objects(subject, p)})

                events[str(subject)] = EventRecord(
                    iri=str(subject),
                    title=one(rdflib.RDFS.label, ical.summary),
                    description=one(ical.description) or one(ical.summary),
                    start_text=one(ical.dtstart),
                    end_text=one(ical.dtend),
                    location=one(ical.location) or None,
                    organizers=many(ical.organizer, ical.organzier),
                    tags=many(ld.hasTag),
                    urls=many(ical.url, ld.hasURL),
                    price=one(ld.Kosten),
                    addendum=one(ld.hasAddressAddendum, ld.hasAddessAddendum),
                    snapshot=path.name,
                )
        return events

    def entity(self, iri: str) -> Entity:
        """A place or club by IRI; organisers often name a place IRI for a club (`Ort/ASG` ↔ `Verein/ASG`)."""
        if iri in self.places:
            return self.places[iri]
        if iri in self.clubs:
            return self.clubs[iri]
        local = _local(iri)
        for known in (*self.clubs.values(), *self.places.values()):
            if _local(known.iri) == local:
                return known
        return Entity(iri)


def _number(iri: str) -> str:
    """The record's number in the old database: its IRI path (`Verein/ASG`, `Buergerverein/ASG`)."""
    return iri.split("/Data/", 1)[-1]


def _uid(iri: str) -> str:
    """`…/Data/Event/FBL.2013-03-18` → `Event-FBL.2013-03-18@leipzig-data.de`: the corpus has the
    same local name under `Event/` and `Events/` (4 events entered twice), as a CMS has two rows."""
    path = iri.split("/Data/", 1)[-1]
    return path.replace("/", "-") + "@leipzig-data.de"


def _shift(value: date | datetime, weeks: int) -> date | datetime:
    return value + timedelta(weeks=weeks)


def write_ics(corpus: Corpus, out: Path, weeks: int) -> Counter:
    """One VCALENDAR as a CMS exports it; returns what was normalised or left out, by reason."""
    import icalendar

    counts: Counter = Counter()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Leipzig Data//Veranstaltungskalender Export//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Veranstaltungen Leipzig")
    calendar.add("x-wr-timezone", "Europe/Berlin")
    for event in sorted(corpus.events.values(), key=lambda e: e.iri):
        start = parse_time(event.start_text)
        if start is None:
            counts["ohne lesbaren Beginn (weggelassen)"] += 1
            continue
        if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)?$|^\d{4}-\d\d-\d\d$", event.start_text):
            counts["Beginn fehlerhaft geschrieben, vom Altsystem gelesen"] += 1
        vevent = icalendar.Event()
        vevent.add("uid", _uid(event.iri))
        vevent.add("dtstamp", datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("UTC")))
        vevent.add("summary", event.title or "(ohne Titel)")
        vevent.add("dtstart", _shift(start, weeks))
        end = parse_time(event.end_text) if event.end_text else None
        if end is not None and isinstance(end, datetime) == isinstance(start, datetime):
            if not isinstance(end, datetime):
                end = end + timedelta(days=1)  # DTEND of an all-day event is exclusive
            if end > start:
                vevent.add("dtend", _shift(end, weeks))
            else:
                counts["Ende vor dem Beginn (weggelassen)"] += 1
        description = event.description
        if event.price:
            description += f"<br/>Eintritt: {event.price}"
        if description:
            vevent.add("description", description)
        if event.location:
            place = corpus.entity(event.location)
            parts = [place.name]
            if event.addendum:
                parts.append(event.addendum)
            if place.street:
                parts += [place.street, f"{place.postcode} {place.city}"]
            vevent.add("location", ", ".join(parts))
        organizers = [corpus.entity(iri) for iri in event.organizers if "/Person/" not in iri]
        people = sum("/Person/" in iri for iri in event.organizers)
        counts["Veranstalter ist eine Person ohne Namen (weggelassen)"] += people
        for organizer in organizers[:1]:
            address = f"mailto:{organizer.emails[0]}" if organizer.emails else "mailto:noreply@leipzig-data.de"
            vevent.add("organizer", address, parameters={"CN": organizer.name})
        for organizer in organizers[1:]:
            vevent.add("contact", organizer.name)
        tags = [corpus.tags.get(tag, _spaced(_local(tag))) for tag in event.tags]
        if tags:
            vevent.add("categories", tags)
        if event.urls:
            vevent.add("url", event.urls[0])
        calendar.add_component(vevent)
        counts["VEVENT geschrieben"] += 1
    (out / "veranstaltungen.ics").write_bytes(calendar.to_ical())
    return counts


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="cp1252", errors="replace", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_spreadsheets(corpus: Corpus, out: Path, weeks: int) -> None:
    club_rows = [
        [
            _number(club.iri),
            club.name,
            "\n".join(club.categories),
            club.street,
            club.postcode,
            club.city,
            club.district,
            "\n".join(club.homepages),
            "\n".join(club.emails),
            "\n".join(club.phones),
            club.comment,
        ]
        for club in sorted(corpus.clubs.values(), key=lambda c: c.name.casefold())
    ]
    header = ["Nr.", "Name", "Kategorie", "Straße", "PLZ", "Ort", "Ortsteil", "Webseite", "E-Mail", "Telefon"]
    _csv(out / "vereine.csv", [*header, "Beschreibung"], club_rows)
    place_rows = [
        [
            _number(place.iri),
            place.name,
            place.street,
            place.postcode,
            place.city,
            "\n".join(place.homepages),
            "\n".join(place.emails),
            "\n".join(place.phones),
            place.comment,
        ]
        for place in sorted(corpus.places.values(), key=lambda p: p.name.casefold())
    ]
    header = ["Nr.", "Name", "Straße", "PLZ", "Ort", "Webseite", "E-Mail", "Telefon", "Beschreibung"]
    _csv(out / "orte.csv", header, place_rows)
    event_rows = []
    for event in sorted(corpus.events.values(), key=lambda e: e.iri):
        start, end = parse_time(event.start_text), parse_time(event.end_text) if event.end_text else None
        cells = [_local(event.iri), event.title]
        if start is None or not re.match(r"^\d{4}-\d\d-\d\d", event.start_text):
            cells += [event.start_text, ""]  # a spreadsheet keeps what was typed
        else:
            start = _shift(start, weeks)
            cells += [f"{start:%d.%m.%Y}", f"{start:%H:%M}" if isinstance(start, datetime) else ""]
        cells.append(f"{_shift(end, weeks):%H:%M}" if isinstance(end, datetime) else "")
        place = corpus.entity(event.location) if event.location else None
        cells += [place.name if place else "", place.street if place else "", place.postcode if place else ""]
        organizers = [corpus.entity(iri).name for iri in event.organizers if "/Person/" not in iri]
        cells += ["\n".join(organizers), event.price, event.urls[0] if event.urls else ""]
        event_rows.append(cells)
    header = ["Nr.", "Titel", "Datum", "Beginn", "Ende", "Ort", "Straße", "PLZ", "Veranstalter", "Eintritt", "Link"]
    _csv(out / "veranstaltungen.csv", header, event_rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--shift-weeks", type=int, default=SHIFT_WEEKS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(args.corpus)
    print(
        f"Gelesen: {len(corpus.events)} Termine, {len(corpus.clubs)} Vereine, {len(corpus.places)} Orte, "
        f"{len(corpus.tags)} Schlagwörter"
    )
    for reason, count in sorted(write_ics(corpus, args.out, args.shift_weeks).items()):
        print(f"  {reason}: {count}")
    write_spreadsheets(corpus, args.out, args.shift_weeks)
    for name in ("veranstaltungen.ics", "vereine.csv", "orte.csv", "veranstaltungen.csv"):
        print(f"{args.out / name}: {(args.out / name).stat().st_size:,} Bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
