"""Which Ortsteil (district) a place lies in: as written, or found in its city, name or postcode.

A venue or a one-off `location` may name its district (`district: nachbardorf`). When it does
not, the district is read off the place itself, because volunteers write what they see on the
letterbox: "Musterstadt OT Nachbardorf", "Dorfanger Nachbardorf". A wrong district hides an
event from the people who look for it, so a district is taken only when exactly one fits:

1. the city names a district ("… OT Nachbardorf", "Nachbardorf");
2. the name of the place, or a part of it between commas, dashes or brackets, ends with a
   district's name ("Dorfkirche Nachbardorf", "Orchideenwiese bei Oberdorf"): in the middle of a
   name, "Zentrum" or "Mitte" is more often a noun ("Zentrum für Kunst");
3. the postcode belongs to exactly one district (`postcodes` in town.yml), when the city is just
   the town's (or none);
4. the city is just the town's name ("Musterstadt", or no city at all) and the city or the
   name says the town's name, and one district is called that way ("Musterstadt (Kernstadt)", or
   `names: [Teststadt]` for a district "Mitte"). A city that says more than the town's name
   ("Musterstadt OT Nachbardrof", a typo) is never read as the core town.

A district's names are its label, its label without a bracketed addition, its id and the
`names` listed in town.yml; they are compared word by word after lowercasing and ä → ae, so
"Graefendorf", "GRÄFENDORF" and "graefendorf" are one name. A step that finds two districts
decides nothing by itself; a later step may only choose among those two. A postcode that
town.yml lists narrows every step the same way, and a name that points outside it decides
nothing: real Leipzig places say "Helmholtz-Zentrum" (Permoserstraße, 04318) and "Halle 14 –
Zentrum für zeitgenössische Kunst" (04179), neither in the Ortsteil "Zentrum"
(`bench/districts_real.py`). Nothing found: the validator asks for `district`, offering the
districts that fitted (see `validate/references.py`).

A town with a single district (one that does not divide itself into Ortsteile, or not yet: a
city moving in with 400 places and no Ortsteil column) asks nothing: every place not marked
`ausserhalb` lies in it — there is no other district it could be hidden from.

`OUTSIDE` marks a place outside the town (an excursion): written, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

OUTSIDE = "ausserhalb"
"""The district id of places outside the town (`district: ausserhalb`); no town may use it."""

_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ł": "l", "ø": "o", "æ": "ae"})

How = Literal["written", "city", "name", "postcode", "town"]


class DistrictTerm(Protocol):
    """What the finder needs of a district in town.yml (`models.town.District`)."""

    id: str
    label: str
    names: list[str]
    postcodes: list[str]


def words(text: str) -> tuple[str, ...]:
    """Lowercase words of ``text`` with ä → ae etc. and other accents dropped (Café → cafe);
    hyphens, brackets and dots separate words."""
    german = text.lower().translate(_TRANSLITERATION)
    plain = unicodedata.normalize("NFKD", german).encode("ascii", "ignore").decode("ascii")
    return tuple(word for word in re.split(r"[^a-z0-9]+", plain) if word)


def names_of(term: DistrictTerm) -> list[str]:
    """Every name a district goes by: label, label without its bracket, id, the listed names."""
    plain = re.sub(r"\s*\([^)]*\)", "", term.label).strip()
    return [term.label, *([plain] if plain else []), term.id, *term.names]


@dataclass(frozen=True)
class Finding:
    """The district of one place, and how it was found."""

    district: str | None
    how: How | None = None
    candidates: tuple[str, ...] = ()
    """When nothing decided: the districts that fitted more than once (a hint for the message)."""


@dataclass
class DistrictFinder:
    """Finds the district of a place against one town's districts."""

    districts: Sequence[DistrictTerm]
    town_name: str
    _strong: list[tuple[tuple[str, ...], str]] = field(init=False, default_factory=list)
    _weak: list[tuple[tuple[str, ...], str]] = field(init=False, default_factory=list)
    _postcodes: dict[str, set[str]] = field(init=False, default_factory=dict)
    _town_words: set[str] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        town = set(words(self.town_name))
        self._town_words = town
        for term in self.districts:
            for name in names_of(term):
                name_words = words(name)
                if not name_words:
                    continue
                # "Musterstadt" alone says "somewhere in the town" unless nothing more precise is written
                target = self._weak if set(name_words) <= town else self._strong
                target.append((name_words, term.id))
            for postcode in term.postcodes:
                self._postcodes.setdefault(postcode, set()).add(term.id)

    @property
    def ids(self) -> list[str]:
        return [term.id for term in self.districts]

    def find(
        self,
        written: str | None = None,
        *,
        name: str | None = None,
        city: str | None = None,
        postcode: str | None = None,
    ) -> Finding:
        """The district of a place (see the module's docstring for the order of the steps)."""
        if written:
            return Finding(written, "written")
        if len(self.districts) == 1:
            return Finding(self.districts[0].id, "town")
        # "Musterstadt OT Nachbardrof" (a typo) or "Markkleeberg" says more than "the town": never
        # read it as the core town, nor go by a postcode another town may share
        just_the_town = not city or set(words(city)) <= self._town_words
        by_postcode = set(self._postcodes.get(postcode or "", ()))
        steps: list[tuple[How, set[str]]] = [
            ("city", _matches(self._strong, city)),
            ("name", _ending(self._strong, name)),
            ("postcode", by_postcode if just_the_town else set()),
            ("town", (_matches(self._weak, city) or _ending(self._weak, name)) if just_the_town else set()),
        ]
        allowed = by_postcode or None  # a known postcode, then a step that found several, narrow the choice
        for how, found in steps:
            if allowed is not None:
                if found and not found & allowed:  # "Helmholtz-Zentrum" at a postcode outside "Zentrum"
                    return Finding(None, None, tuple(sorted(found | allowed)))
                found &= allowed
            if len(found) == 1:
                return Finding(next(iter(found)), how)
            if len(found) > 1:
                allowed = found
        return Finding(None, None, tuple(sorted(allowed)) if allowed and len(allowed) > 1 else ())


def _matches(names: Iterable[tuple[tuple[str, ...], str]], text: str | None) -> set[str]:
    """Districts one of whose names occurs in ``text`` as whole words in a row; of two names
    that overlap there, the longer counts ("Zentrum-Süd" is not also "Zentrum")."""
    if not text:
        return set()
    padded = _joined(words(text))
    found = [(name, district) for name, district in names if _joined(name) in padded]
    return {
        district
        for name, district in found
        if not any(
            other != district and len(longer) > len(name) and _joined(name) in _joined(longer)
            for longer, other in found
        )
    }


def _joined(name: tuple[str, ...]) -> str:
    return " " + " ".join(name) + " "


_SEGMENTS = re.compile(r"[,;/|()\[\]]|\s[-–—]\s")


def _ending(names: Iterable[tuple[tuple[str, ...], str]], text: str | None) -> set[str]:
    """Districts whose name ends the name of a place or one of its parts: "Dorfkirche Fermerswalde",
    "Orchideenwiese bei Mahdel", "KUBUS (Leipzig-Connewitz)" — but not "Helmholtz-Zentrum für
    Umweltforschung" or "Halle 14 – Zentrum für zeitgenössische Kunst", where the word is a noun."""
    found: set[str] = set()
    for segment in _SEGMENTS.split(text or ""):
        tail = _joined(words(segment))
        ends = [(name, d) for name, d in names if tail.endswith(_joined(name))]
        found |= {d for name, d in ends if not any(len(other) > len(name) and o != d for other, o in ends)}
    return found
