"""What the checks across files need to know of `content/town.yml`, even when it has errors.

A town that fixes its data should need one round per mistake, not one per layer: with a broken
`town.yml` (a typo in the legal notice, say) the references of every club and event are still
checked against the parts of the town config that did validate. A part that did not validate
is None, and the checks that depend on it are skipped — its own error is already reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import TypeAdapter, ValidationError

from generator.models.districts import DistrictFinder
from generator.models.town import ContactPoint, District, Term, Town

VOCABULARIES = ("categories", "districts", "audiences")


@dataclass(frozen=True)
class TownFacts:
    """The town's name, zone, vocabularies, districts and contact-point venue; None where unknown."""

    name: str | None
    zone: ZoneInfo | None
    vocabularies: dict[str, set[str] | None]
    contact_venue: str | None
    districts: DistrictFinder | None = None
    """Finds the district of a place that names none; None while `districts` is unusable."""

    @classmethod
    def of(cls, town: Town) -> TownFacts:
        """The facts of a valid town config."""
        return cls(
            name=town.name,
            zone=town.zone,
            vocabularies={kind: {term.id for term in getattr(town, kind)} for kind in VOCABULARIES},
            contact_venue=town.contact_point.venue,
            districts=town.district_finder,
        )

    @classmethod
    def unknown(cls) -> TownFacts:
        """No usable `town.yml` at all: only the references between records can be checked."""
        return cls(name=None, zone=None, vocabularies=dict.fromkeys(VOCABULARIES), contact_venue=None)

    @classmethod
    def salvage(cls, data: Any) -> TownFacts:
        """The facts that can be trusted in the data of a `town.yml` that failed validation."""
        fields = data if isinstance(data, dict) else {}
        vocabularies: dict[str, set[str] | None] = {}
        for kind in VOCABULARIES:
            vocabularies[kind] = _term_ids(fields.get(kind))
        timezone = _valid_field(Town, "timezone", fields)
        contact = fields.get("contact_point")
        venue = _valid_field(ContactPoint, "venue", contact) if isinstance(contact, dict) else None
        name = _valid_field(Town, "name", fields)
        districts = _districts(fields.get("districts"))
        return cls(
            name=name,
            zone=ZoneInfo(timezone) if timezone else None,
            vocabularies=vocabularies,
            contact_venue=venue,
            districts=DistrictFinder(districts, name or "") if districts else None,
        )


def _term_ids(terms: Any) -> set[str] | None:
    """The ids of a vocabulary, entry by entry: a broken entry still counts with the id written
    in it, so references to it are not reported as unknown on top of the entry's own error."""
    if not isinstance(terms, list) or not terms:
        return None
    ids: set[str] = set()
    for term in terms:
        try:
            ids.add(_TERM.validate_python(term).id)
        except ValidationError:
            if isinstance(term, dict) and isinstance(term.get("id"), str):
                ids.add(term["id"])
    return ids


_TERM: TypeAdapter[Term] = TypeAdapter(Term)
_DISTRICT: TypeAdapter[District] = TypeAdapter(District)


def _districts(terms: Any) -> list[District]:
    """The districts that validate on their own; a broken one still counts with its id (its
    names are then unknown, so a place in it may have to name it until the entry is fixed)."""
    if not isinstance(terms, list):
        return []
    found: list[District] = []
    for term in terms:
        try:
            found.append(_DISTRICT.validate_python(term))
        except ValidationError:
            if isinstance(term, dict) and isinstance(term.get("id"), str):
                found.append(District.model_construct(id=term["id"], label=term["id"], names=[], postcodes=[]))
    return found


def _valid_field(model: type[Town] | type[ContactPoint], name: str, data: dict[str, Any]) -> Any:
    """The value of one field validated on its own (its default when absent), or None if invalid."""
    field = model.model_fields[name]
    key = field.alias or name
    if key not in data:
        return None if field.is_required() else field.get_default(call_default_factory=True)
    annotation = Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation
    adapter: TypeAdapter[Any] = TypeAdapter(annotation)
    try:
        return adapter.validate_python(data[key])
    except ValidationError:
        return None
