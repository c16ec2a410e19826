"""Second layer of validation: checks across files and against the town config.

Runs only on records that passed their own model, so every message here can
rely on well-typed data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from generator.load.yaml_loader import Loc, SourceMap
from generator.models.club import Club
from generator.models.districts import OUTSIDE, names_of, words
from generator.models.event import Event, Place
from generator.models.opportunity import Opportunity
from generator.models.organizers import TOWN_ORGANIZER, NamedOrganizer
from generator.models.page import PageMeta, tag_key
from generator.models.schedule import as_datetime, regular_starts
from generator.models.site import Record, Site
from generator.models.venue import Venue
from generator.problems import Location, Problem, field_label, internal_error
from generator.urls import RESERVED_SECTIONS
from generator.validate.local_times import german_day, series_time_problems, time_problems
from generator.validate.pictures import src_problem
from generator.validate.suggest import suggest, town_words
from generator.validate.town_facts import TownFacts

_KIND_NOUNS = {
    "clubs": ("Einen Verein", "content/clubs"),
    "venues": ("Einen Ort", "content/venues"),
    "categories": ("Eine Kategorie", "content/town.yml"),
    "districts": ("Einen Ortsteil", "content/town.yml"),
    "audiences": ("Eine Zielgruppe", "content/town.yml"),
    "events": ("Eine Veranstaltung", "content/events"),
    "opportunities": ("Ein Engagement-Angebot", "content/opportunities"),
}


class ReferenceChecker:
    """Collects cross-file problems for the records of one town.

    Each record is checked on its own: should a check fail unexpectedly on one record, that
    record gets an "interner Fehler" problem and the others are still checked.
    """

    def __init__(
        self,
        town: TownFacts,
        town_source: SourceMap | None,
        records: Mapping[str, Mapping[str, Record[Any]]],
        images_dir: Path,
        existing: dict[str, set[str]] | None = None,
    ):
        """``records``: the valid records per kind (clubs, venues, events, opportunities, pages);
        ``existing``: ids of files found per kind, valid or not (invalid ones report their own errors)."""
        self.town = town
        self.town_source = town_source
        self.records = records
        self.existing = existing or {}
        self.images_dir = images_dir
        self.problems: list[Problem] = []
        self.known: dict[str, set[str] | None] = {
            "clubs": set(records.get("clubs", {})),
            "venues": set(records.get("venues", {})),
            "events": set(records.get("events", {})),
            "opportunities": set(records.get("opportunities", {})),
            **town.vocabularies,
        }
        self._tags: dict[str, str] | None = None  # tag_key → a spelling, of events and calls
        self._names: dict[str, str] | None = None  # a club's name → its id (`_club_names`)
        self._ignorable = town_words(town.name) if town.name else []

    @classmethod
    def for_site(cls, site: Site, images_dir: Path, existing: dict[str, set[str]] | None = None) -> ReferenceChecker:
        records = {kind: getattr(site, kind) for kind in ("clubs", "venues", "events", "opportunities", "pages")}
        return cls(TownFacts.of(site.town), site.town_source, records, images_dir, existing)

    def run(self) -> list[Problem]:
        if self.town.contact_venue and self.town_source is not None:
            self._ref(self.town_source, ("contact_point", "venue"), "venues", [self.town.contact_venue])
        checks: dict[str, Callable[[Record[Any]], None]] = {
            "clubs": self._club,
            "venues": self._venue,
            "opportunities": self._opportunity,
            "events": self._event,
            "pages": self._page,
        }
        for kind, check in checks.items():
            for record in self.records.get(kind, {}).values():
                try:
                    check(record)
                except Exception as exc:
                    self.problems.append(internal_error(Location(record.path, 1, 1), exc))
        return self.problems

    def _club(self, club: Record[Club]) -> None:
        data = club.data
        if club.id == TOWN_ORGANIZER:
            self.problems.append(
                Problem(
                    Location(club.path, 1, 1),
                    "",
                    f"Der Dateiname „{TOWN_ORGANIZER}.yml“ ist reserviert: „organizer: {TOWN_ORGANIZER}“ bei einem "
                    "Termin bedeutet „die Stadt lädt ein“. Benennen Sie die Datei um, z. B. in "
                    f"„{TOWN_ORGANIZER}verwaltung.yml“, und ändern Sie die Verweise darauf.",
                )
            )
        self._ref(club.source, ("category",), "categories", data.category)
        self._ref(club.source, ("district",), "districts", [data.district] if data.district else [])
        self._ref(club.source, ("venue",), "venues", [data.venue] if data.venue else [])
        self._ref(club.source, ("audiences",), "audiences", data.audiences)
        self._image(club.source, data.image)

    def _venue(self, venue: Record[Venue]) -> None:
        data = venue.data
        address = data.address
        self._place_district(
            venue.source,
            (),
            data.district,
            name=data.name,
            city=address.city if address else None,
            postcode=address.postcode if address else None,
        )

    def _opportunity(self, opportunity: Record[Opportunity]) -> None:
        data = opportunity.data
        self._ref(opportunity.source, ("organizer",), "clubs", data.organizer)
        self._ref(opportunity.source, ("category",), "categories", [data.category] if data.category else [])
        self._ref(opportunity.source, ("district",), "districts", [data.district] if data.district else [])
        self._ref(opportunity.source, ("venue",), "venues", [data.venue] if data.venue else [])
        self._ref(opportunity.source, ("audiences",), "audiences", data.audiences)

    def _page(self, page: Record[PageMeta]) -> None:
        if page.id in RESERVED_SECTIONS:
            self.problems.append(
                Problem(
                    Location(page.path, 1, 1),
                    "",
                    f"Der Dateiname „{page.id}.md“ ist für einen Bereich des Portals reserviert "
                    f"(/{page.id}/). Wählen Sie einen anderen Namen, z. B. „{page.id}-info.md“.",
                )
            )
        data = page.data
        self._ref(page.source, ("events",), "events", data.events)
        self._ref(page.source, ("opportunities",), "opportunities", data.opportunities)
        for index, tag in enumerate(data.tags):
            self._page_tag(page.source, index, tag)

    def _page_tag(self, source: SourceMap, index: int, tag: str) -> None:
        """A page's tag must be the tag of an event or a call: else the page lists nothing for it."""
        if self._tags is None:
            self._tags = {}
            for kind in ("events", "opportunities"):
                for record in sorted(self.records.get(kind, {}).values()):
                    for written in record.data.tags:
                        self._tags.setdefault(tag_key(written), written)
        if tag_key(tag) in self._tags:
            return
        close = suggest(tag, self._tags.values())
        hint = (
            f" Meinten Sie „{close}“?"
            if close
            else " Schreiben Sie es so, wie es bei „tags“ eines Termins oder Angebots steht, oder löschen Sie es."
        )
        loc = ("tags", index) if ("tags", index) in source.values else ("tags",)
        self._add(
            source,
            loc,
            f"Das Schlagwort „{tag}“ steht bei keiner Veranstaltung und keinem Engagement-Angebot; "
            f"die Seite würde dazu nichts zeigen.{hint}",
        )

    # --- helpers ---------------------------------------------------------------------------

    def _add(self, source: SourceMap, loc: Loc, message: str) -> None:
        self.problems.append(Problem(source.value(loc), field_label(loc), message))

    def _ref(self, source: SourceMap, loc: Loc, kind: str, ids: Iterable[str]) -> None:
        """Report every id in ``ids`` that does not name a known record or term."""
        known = self.known[kind]
        if known is None:  # the vocabulary in town.yml is broken; its own error is reported
            return
        for index, ref in enumerate(ids):
            if ref in known or ref in self.existing.get(kind, ()):
                continue
            item_loc = (*loc, index) if (*loc, index) in source.values else loc
            self._unknown(source, item_loc, kind, ref, known)

    def _unknown(
        self, source: SourceMap, loc: Loc, kind: str, ref: str, known: Iterable[str], advice: str = ""
    ) -> None:
        """``ref`` names no record of ``kind``: say so, with the closest known id, else ``advice`` (what to write)."""
        known = set(known)
        noun, where = _KIND_NOUNS[kind]
        close = suggest(ref, known, ignorable=self._ignorable)
        hint = f" Meinten Sie „{close}“?" if close else advice
        if where.endswith(".yml"):
            found = f" in {where}"
            listing = f" Vorhanden: {', '.join(sorted(known))}." if len(known) <= 30 else ""
        else:
            found = f" (es gibt keine Datei {where}/{ref}.yml)"
            listing = ""
        self._add(source, loc, f"{noun} mit der Kennung „{ref}“ gibt es nicht{found}.{hint}{listing}")

    def _location_district(self, source: SourceMap, loc: Loc, place: Place) -> None:
        self._place_district(source, loc, place.district, name=place.name, city=place.city, postcode=place.postcode)

    def _place_district(
        self, source: SourceMap, loc: Loc, written: str | None, *, name: str, city: str | None, postcode: str | None
    ) -> None:
        """A place's district: the one written must exist; else one must follow from the place."""
        finder = self.town.districts
        field = (*loc, "district")
        if written is not None:
            if written != OUTSIDE:
                self._ref(source, field, "districts", [written])
            return
        if finder is None:  # the districts in town.yml are broken; their own error is reported
            return
        finding = finder.find(name=name, city=city, postcode=postcode)
        if finding.district is None:
            at = source.key(loc) if loc else source.key(("address",))  # a venue: where its place is written
            message = self._no_district_message(loc, name, city, finding.candidates)
            self.problems.append(Problem(at, field_label(field), message))

    def _no_district_message(self, loc: Loc, name: str, city: str | None, candidates: tuple[str, ...]) -> str:
        finder = self.town.districts
        assert finder is not None
        where = f"unter „{field_label(loc)}“ " if loc else ""
        if candidates:
            found = f"Zu „{name}“{f' ({city})' if city else ''} passen mehrere Ortsteile: {', '.join(candidates)}."
        else:
            town = self.town.name or "der Kommune"
            if city:
                found = f"Weder im Ort („{city}“) noch im Namen („{name}“) steht ein Ortsteil von {town}."
            else:
                city_field = "city" if loc else "address.city"  # a venue writes its city in its address
                found = f"Im Namen („{name}“) steht kein Ortsteil von {town}, und ein Ort („{city_field}“) fehlt."
        hint = ""
        if city and not candidates:
            labels: dict[str, str] = {}  # each name once ("Borken", "borken"), or no suggestion is unique
            for term in finder.districts:
                for name_of_term in names_of(term):
                    labels.setdefault(" ".join(words(name_of_term)), term.id)
            close = suggest(city, labels, ignorable=[*self._ignorable, "ot", "ortsteil"])
            if close:
                hint = f" Meinten Sie „{labels[close]}“?"
        ids = list(candidates) or finder.ids  # the ones that fit, else all (a town may have a hundred)
        listing = (
            f"einer dieser Kennungen: {', '.join(ids)}" if len(ids) <= 30 else "einer Kennung aus content/town.yml"
        )
        outside = f"außerhalb von {self.town.name}" if self.town.name else "außerhalb der Kommune"
        return (
            f"Der Ortsteil ist nicht zu erkennen. {found}{hint} Ergänzen Sie {where}die Zeile „district:“ mit "
            f"{listing} — oder „district: {OUTSIDE}“ für einen Ort {outside}."
        )

    def _image(self, source: SourceMap, image) -> None:
        if image is None:
            return
        problem = src_problem(self.images_dir, image.src)
        if problem is not None:
            self._add(source, ("image", "src"), problem)

    # --- events ----------------------------------------------------------------------------

    def _event(self, record: Record[Event]) -> None:
        event, source = record.data, record.source
        self._organizers(source, event)
        self._ref(source, ("category",), "categories", [event.category])
        self._ref(source, ("venue",), "venues", [event.venue] if event.venue else [])
        self._ref(source, ("audiences",), "audiences", event.audiences)
        self._image(source, event.image)
        if event.location is not None:
            self._location_district(source, ("location",), event.location)
        for index, change in enumerate(event.repeat.changes if event.repeat else ()):
            if change.location is not None:
                self._location_district(source, ("repeat", "changes", index, "location"), change.location)
        if self.town.zone is not None:
            for loc, message in time_problems(event, self.town.zone):
                self._add(source, loc, message)
        if event.repeat is not None:
            self._series(record)

    def _organizers(self, source: SourceMap, event: Event) -> None:
        """Club ids must exist (``stadt`` is the town); a named organisation must not be a club of the directory."""
        clubs = self.known["clubs"] or set()
        for index, entry in enumerate(event.organizer):
            loc: Loc = ("organizer", index) if ("organizer", index) in source.values else ("organizer",)
            if isinstance(entry, NamedOrganizer):
                club_id = self._club_names().get(_name_key(entry.name))
                if club_id is not None:
                    self._add(
                        source,
                        (*loc, "name"),
                        f"„{entry.name}“ steht im Vereinsverzeichnis. Schreiben Sie statt des Namens die "
                        f"Kennung „{club_id}“, dann verlinkt die Seite auf den Verein.",
                    )
            elif entry != TOWN_ORGANIZER and entry not in clubs and entry not in self.existing.get("clubs", ()):
                advice = (
                    f" Lädt die Stadt selbst ein, schreiben Sie „{TOWN_ORGANIZER}“; eine Organisation ohne "
                    "eigenen Eintrag schreiben Sie mit ihrem Namen als „- name: …“ (dazu, wenn Sie mögen, "
                    "website, email, phone)."
                )
                self._unknown(source, loc, "clubs", entry, clubs | {TOWN_ORGANIZER}, advice)

    def _club_names(self) -> dict[str, str]:
        """Club id by the normalised name and short name of each club."""
        if self._names is None:
            self._names = {}
            for club_id, club in sorted(self.records.get("clubs", {}).items()):
                for name in (club.data.name, club.data.short_name):
                    if name:
                        self._names.setdefault(_name_key(name), club_id)
        return self._names

    def _series(self, record: Record[Event]) -> None:
        event, source = record.data, record.source
        repeat = event.repeat
        assert repeat is not None
        first = next(regular_starts(event), None)
        if first != event.start:
            self._add(
                source,
                ("start",),
                f"Der Beginn ({german_day(event.start)}) passt nicht zur Wiederholung unter „repeat“. "
                "Wählen Sie als Beginn den ersten Termin der Reihe, oder passen Sie „days“ an.",
            )
            return
        listed: list[tuple[Loc, date]] = [(("repeat", "except", i), d) for i, d in enumerate(repeat.except_)]
        listed += [(("repeat", "cancelled", i), d) for i, d in enumerate(repeat.cancelled)]
        listed += [(("repeat", "changes", i, "date"), c.date) for i, c in enumerate(repeat.changes)]
        horizon = max([d for _, d in listed], default=as_datetime(event.start).date())
        regular = {as_datetime(s).date(): s for s in regular_starts(event, horizon)}
        for loc, day in listed:
            if day not in regular:
                around = {as_datetime(s).date(): s for s in regular_starts(event, day + timedelta(days=400))}
                self._add(source, loc, _not_an_occurrence_message(day, event, around))
        if self.town.zone is not None:
            for loc, message in series_time_problems(event, self.town.zone):
                self._add(source, loc, message)
        for index, change in enumerate(repeat.changes):
            if change.venue:
                self._ref(source, ("repeat", "changes", index, "venue"), "venues", [change.venue])


def _name_key(name: str) -> str:
    """A name as compared: case and spacing do not count."""
    return " ".join(name.casefold().split())


def _not_an_occurrence_message(day: date, event: Event, regular: dict[date, date | datetime]) -> str:
    later = sorted(d for d in regular if d > day)
    earlier = sorted(d for d in regular if d < day)
    near = earlier[-1:] + later[:1]
    hint = ""
    if near:
        hint = " Nächstgelegene Termine: " + " und ".join(german_day(d) for d in near) + "."
    return (
        f"Am {german_day(day)} findet die Reihe nicht statt, daher kann dieser Tag hier nicht stehen.{hint} "
        "Tragen Sie das reguläre Datum des betroffenen Termins ein."
    )
