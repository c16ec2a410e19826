"""The volunteers' guide for a new town: `docs/inhalte.md` with the examples of the new town.

The guide's examples are real files of the bundled sample (tests/test_docs.py validates them
against it), so they name that town: its name, district ids, contact point, postcode and the
sample's club `heimatverein-<town>`. A new town gets the same guide with these names replaced
by its own, taken from the two town.yml files (the one `init` runs from and the new one); the list
of valid ids is then rendered from the new town.yml (`town_files.render_guide`).
"""

from __future__ import annotations

import re

from generator.models.districts import words
from generator.models.town import Town


def short_name(town: Town) -> str:
    """The town's name without a bracketed addition: "Musterstadt (Elster)" → "Musterstadt"."""
    return re.sub(r"\s*\(.*?\)\s*$", "", town.name).strip() or town.name


def _slug(text: str) -> str:
    return "-".join(words(text))


def _dialling_code(town: Town) -> str | None:
    code = (town.contact_point.phone or "").split(" ")[0]
    return code if re.fullmatch(r"0\d{2,5}", code) else None


def replacements(source: Town, new: Town) -> list[tuple[str, str]]:
    """(text of the source town, text of the new town), longest first ("X (Elster)" before "X")."""
    pairs: dict[str, str] = {
        source.portal_name: new.portal_name,
        source.organizer_name: new.organizer_name,
        source.site_url: new.site_url,
        source.name: new.name,
        source.contact_point.name: new.contact_point.name,
        source.districts[0].label: new.districts[0].label,
        short_name(source): short_name(new),
    }
    if source.contact_point.building and new.contact_point.building:
        pairs[source.contact_point.building] = new.contact_point.building
    old_postcode, new_postcode = source.contact_point.address.postcode, new.contact_point.address.postcode
    if old_postcode and new_postcode:
        pairs[old_postcode] = new_postcode
    old_code, new_code = _dialling_code(source), _dialling_code(new)
    if old_code and new_code:
        pairs[old_code] = new_code
    return sorted(((old, text) for old, text in pairs.items() if old and old != text), key=lambda p: -len(p[0]))


def guide_for(text: str, source: Town, new: Town) -> str:
    """``text`` (the source town's guide) with the source town's names replaced by the new town's."""
    ids = {
        source.districts[0].id: new.districts[0].id,
        source.contact_point.venue or "": new.contact_point.venue or "",
    }
    for old, replacement in ids.items():
        if old and replacement and old != replacement:
            # an id stands alone: `kernstadt`, "district: kernstadt", "venue: rathaus"
            text = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", replacement, text)
    for old, replacement in replacements(source, new):
        text = text.replace(old, replacement)
    old_slug, new_slug = _slug(short_name(source)), _slug(short_name(new))
    return text.replace(old_slug, new_slug) if old_slug and new_slug else text  # ids, host names, paths
