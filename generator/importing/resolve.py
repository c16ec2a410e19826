"""Match the places and organisers a source names to the project's venues and clubs.

A source writes names as it has them ("Haus II, Markt 1, 01234 Musterstadt"; "Heimatverein Musterstadt
e.V."). A name becomes a venue or club id only when the match is certain: equal after
normalising (case, umlauts and ß, "e. V." and punctuation ignored), the same street and city, or
so close that no other record comes near (a typo). Everything else is kept as the source has
it: a one-off `location:` with its real name, an organiser ``{name, email, …}`` entry.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from generator.importing.records import ImportedRecord
from generator.models.site import Site

TOWN_ORGANIZER = "stadt"
"""The reserved organiser word for the town itself (SHAPES18 point 1)."""

CLOSE_ENOUGH = 0.92
"""Least similarity (difflib ratio of normalised names) of a typo-level match, which must also
be clearly better than the second-best candidate."""
_MARGIN = 0.06

_FOLDS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
_LEGAL_FORMS = re.compile(r"(?:^|\s)(?:e\s*\.?\s*v\s*\.?|ggmbh|gmbh|gbr)\s*$")
"""A legal form at the end of a name ('e. V.', 'e.V.', 'GmbH'); 'Ev.' at the start means evangelisch."""
_STREET_WORDS = ((re.compile(r"str(?:\.|asse\b|aße\b)"), "strasse"), (re.compile(r"\bpl\.\s*"), "platz "))


def normalise(text: str) -> str:
    """The form names are compared in: lower case, umlauts folded, legal forms and punctuation gone.

    'Heimatverein Musterstadt e. V.' → 'heimatverein musterstadt'; 'Gemeindehaus am Kirchplatz' and
    'Gemeindehaus Am Kirchplatz!' are equal."""
    value = text.casefold()
    for umlaut, folded in _FOLDS:
        value = value.replace(umlaut, folded)
    value = unicodedata.normalize("NFKD", value)
    value = "".join(char for char in value if not unicodedata.combining(char))
    value = re.sub(r"[^\w.\s]+", " ", value)
    value = _LEGAL_FORMS.sub(" ", value)
    value = value.replace(".", " ")
    return " ".join(value.split())


def normalise_street(text: str) -> str:
    """'Markt-Str. 1a' and 'Marktstraße 1 a' compare equal."""
    value = text.casefold().replace("ß", "ss")
    for pattern, replacement in _STREET_WORDS:
        value = pattern.sub(replacement, value)
    return re.sub(r"[^a-z0-9äöü]+", "", value)


def _city(text: str | None) -> str:
    """'Musterstadt (Elster)' and 'Musterstadt/Elster' compare equal; a missing city matches any."""
    return re.sub(r"[^a-z0-9]+", "", normalise(text or ""))


def variants(name: str, town_words: frozenset[str]) -> list[str]:
    """The forms a name is recognised by: normalised; without a bracketed addition ('Haus II
    (Anlaufstelle Engagement)' → 'haus ii'); without the town's name ('Marktplatz Musterstadt' →
    'marktplatz')."""
    found = [normalise(name)]
    bare = re.sub(r"\([^)]*\)", " ", name)
    for text in (bare, name):
        words = [word for word in normalise(text).split() if word not in town_words]
        for form in (normalise(bare), " ".join(words)):
            if form and form not in found:
                found.append(form)
    return found


def _add_unique(table: dict[str, str], ambiguous: set[str], key: str, value: str) -> None:
    """Keep ``key`` only while it names one record."""
    if key in ambiguous:
        return
    if table.setdefault(key, value) != value:
        del table[key]
        ambiguous.add(key)


@dataclass
class Directory:
    """The venues and clubs of a project, as names to match against."""

    venue_names: dict[str, str] = field(default_factory=dict)
    """normalised name → venue id"""
    venue_streets: dict[tuple[str, str], str] = field(default_factory=dict)
    """(normalised street, city) → venue id; streets shared by two venues are left out"""
    club_names: dict[str, str] = field(default_factory=dict)
    club_emails: dict[str, str] = field(default_factory=dict)
    club_ids: set[str] = field(default_factory=set)
    town_names: set[str] = field(default_factory=set)
    town_words: frozenset[str] = frozenset()

    @classmethod
    def of(cls, site: Site) -> Directory:
        town_words = frozenset(normalise(site.town.name).split())
        directory = cls(club_ids=set(site.clubs), town_words=town_words)
        shared: set[tuple[str, str]] = set()
        ambiguous: set[str] = set()
        for venue_id, record in sorted(site.venues.items()):
            for form in variants(record.data.name, town_words):
                _add_unique(directory.venue_names, ambiguous, form, venue_id)
            address = record.data.address
            street = getattr(address, "street", None) if address is not None else None
            if street:
                key = (normalise_street(street), _city(address.city))
                if key in directory.venue_streets:
                    shared.add(key)
                directory.venue_streets.setdefault(key, venue_id)
        for key in shared:
            del directory.venue_streets[key]
        ambiguous = set()
        for club_id, record in sorted(site.clubs.items()):
            club = record.data
            for name in (club.name, club.short_name):
                for form in variants(name, town_words) if name else ():
                    _add_unique(directory.club_names, ambiguous, form, club_id)
            for contact in club.contacts:
                if contact.email:
                    directory.club_emails.setdefault(contact.email.casefold(), club_id)
        directory.town_names = {normalise(site.town.organizer_name), normalise(site.town.name)}
        return directory

    def venue_for(self, place: dict[str, Any]) -> str | None:
        """The id of the venue ``place`` (a `Place` mapping) certainly is, or None."""
        name = normalise(str(place.get("name") or ""))
        for form in variants(str(place.get("name") or ""), self.town_words):
            if form in self.venue_names:
                return self.venue_names[form]
        street = place.get("street")
        if street:
            by_street = self.venue_streets.get((normalise_street(str(street)), _city(place.get("city"))))
            if by_street is not None:
                return by_street
            if not place.get("city"):
                # the source names no city: the street alone decides only when no city differs
                found = {v for (s, _), v in self.venue_streets.items() if s == normalise_street(str(street))}
                if len(found) == 1:
                    return found.pop()
        return _closest(name, self.venue_names)

    def club_for(self, organiser: dict[str, Any]) -> str | None:
        """The club id (or `stadt`) an organiser entry certainly is, or None."""
        name = normalise(str(organiser.get("name") or ""))
        if name and name in self.town_names:
            return TOWN_ORGANIZER
        for form in variants(str(organiser.get("name") or ""), self.town_words):
            if form in self.club_names:
                return self.club_names[form]
        email = str(organiser.get("email") or "").casefold()
        if email in self.club_emails:
            return self.club_emails[email]
        return _closest(name, self.club_names)


def _closest(name: str, candidates: dict[str, str]) -> str | None:
    """The one candidate within typo distance of ``name``, clearly ahead of every other."""
    if len(name) < 6:
        return None
    scored = sorted(
        ((difflib.SequenceMatcher(None, name, other).ratio(), other) for other in candidates),
        reverse=True,
    )
    if not scored or scored[0][0] < CLOSE_ENOUGH:
        return None
    if (
        len(scored) > 1
        and scored[0][0] - scored[1][0] < _MARGIN
        and candidates[scored[1][1]] != candidates[scored[0][1]]
    ):
        return None
    return candidates[scored[0][1]]


def resolve_record(record: ImportedRecord, directory: Directory) -> None:
    """Replace the record's place and organisers by ids where certain (in place)."""
    data = record.data
    if record.kind == "events":
        _resolve_place(data, directory)
        for change in (data.get("repeat") or {}).get("changes") or []:
            _resolve_place(change, directory)
    organisers = data.get("organizer")
    if isinstance(organisers, list):
        data["organizer"] = _resolve_organisers(organisers, directory)
        if not data["organizer"]:
            del data["organizer"]


def _resolve_place(holder: dict[str, Any], directory: Directory) -> None:
    place = holder.get("location")
    if not isinstance(place, dict):
        return
    venue = directory.venue_for(place)
    if venue is not None:  # in the place of `location`, keeping the order of the fields
        replaced = {
            ("venue" if key == "location" else key): (venue if key == "location" else value)
            for key, value in holder.items()
        }
        holder.clear()
        holder.update(replaced)


def _resolve_organisers(organisers: list[Any], directory: Directory) -> list[Any]:
    resolved: list[Any] = []
    for organiser in organisers:
        value = organiser
        if isinstance(organiser, dict):
            value = directory.club_for(organiser) or organiser
        elif isinstance(organiser, str) and organiser not in directory.club_ids and organiser != TOWN_ORGANIZER:
            value = directory.club_for({"name": organiser}) or {"name": organiser}
        if value not in resolved:
            resolved.append(value)
    return resolved
