"""The data a form page embeds for `theme/assets/forms.js`: schema, layout, vocabularies, ids.

Everything the browser needs to render, check and write the YAML file comes from here as one
JSON document, so the script holds no town data and no rule of its own that the schema has.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from generator.models.common import _EMAIL_RE, _URL_RE
from generator.models.districts import OUTSIDE
from generator.models.organizers import TOWN_ORGANIZER
from generator.models.site import Site
from generator.outputs.pages.forms.layout import FormLayout
from generator.schema import SCHEMAS, json_schema

GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})
MAILTO_LIMIT = 1900
"""Longest mailto: link offered (Outlook and some webmail stop at about 2,000 characters)."""
GITHUB_LIMIT = 7500
"""Longest issue link offered (GitHub answers longer addresses with an error)."""

_WHEELCHAIR_WORDS = {"yes": "ja", "limited": "teilweise", "no": "nein"}


def form_schema(kind: str) -> dict[str, Any]:
    """The same draft-07 schema `python -m generator schema` writes for ``kind``."""
    return json_schema(*SCHEMAS[kind])


def js_pattern(pattern: str) -> str:
    """A Python regex of `models.common` as a JavaScript one (used with the flags "iu")."""
    return pattern.replace(r"\w", r"\p{L}\p{N}_")


def vocabularies(site: Site) -> dict[str, list[tuple[str, str]]]:
    town = site.town
    clubs = sorted(site.clubs.values(), key=lambda r: (r.data.name.lower(), r.id))
    venues = sorted(site.venues.values(), key=lambda r: (r.data.name.lower(), r.id))
    return {
        "categories": [(t.id, t.label) for t in town.categories],
        "districts": [(t.id, t.label) for t in town.districts],
        "place_districts": [(t.id, t.label) for t in town.districts] + [(OUTSIDE, town.district_label(OUTSIDE))],
        "audiences": [(t.id, t.label) for t in town.audiences],
        "clubs": [(r.id, r.data.name) for r in clubs],
        "organizers": [(TOWN_ORGANIZER, town.organizer_name), *((r.id, r.data.name) for r in clubs)],
        "venues": [(r.id, _venue_label(site, r.data.name, r.data.district)) for r in venues],
    }


def _venue_label(site: Site, name: str, district: str | None) -> str:
    if not district or district == site.town.districts[0].id:
        return name
    label = site.town.district_label(district)
    return name if label in name else f"{name} ({label})"


def _form_values(value: Any, key: str = "") -> Any:
    """A record as the form shows it: yes/no as "ja"/"nein", wheelchair access in German."""
    if isinstance(value, dict):
        return {k: _form_values(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_form_values(v) for v in value]
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if key == "wheelchair" and isinstance(value, str):
        return _WHEELCHAIR_WORDS.get(value, value)
    return value


def existing_records(site: Site, kind: str) -> dict[str, dict[str, Any]]:
    records = {"clubs": site.clubs, "events": site.events, "opportunities": site.opportunities}[kind]
    return {
        record_id: _form_values(record.data.model_dump(mode="json", by_alias=True, exclude_defaults=True))
        for record_id, record in sorted(records.items())
    }


def github_new_issue(site: Site) -> str | None:
    """`…/issues/new` of the configured repository, if it is on GitHub."""
    repository = site.town.repository
    if not repository or (urlsplit(repository).hostname or "").lower() not in GITHUB_HOSTS:
        return None
    return repository + "/issues/new"


def contact_email(site: Site) -> str:
    return site.town.contact_point.email or site.town.legal.email


def form_spec(site: Site, layout: FormLayout) -> dict[str, Any]:
    ids = {"event": site.events, "club": site.clubs, "opportunity": site.opportunities}[layout.kind]
    github = github_new_issue(site)
    return {
        "schema": form_schema(layout.kind),
        "schemaFile": f"{layout.kind}.schema.json",
        "layout": layout.to_json(),
        "choices": vocabularies(site),
        "existingIds": sorted(ids),
        "records": existing_records(site, layout.edit) if layout.edit else {},
        "formats": {
            "email": [_EMAIL_RE.pattern, ""],  # no "u" flag: the pattern escapes a quote, which Unicode mode refuses
            "uri": [js_pattern(_URL_RE.pattern), "iu"],
        },
        "timezone": site.town.timezone,
        "email": contact_email(site),
        "portal": site.town.portal_name,
        "github": {"url": github, "template": layout.issue_template} if github else None,
        "limits": {"mailto": MAILTO_LIMIT, "github": GITHUB_LIMIT},
    }


def spec_json(spec: dict[str, Any]) -> str:
    """JSON safe inside <script type="application/json"> (no "</script>", no "<!--")."""
    text = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
