"""`schema`: JSON Schemas (draft-07) of the content files, for editors and web forms.

Editors read them through a first line such as
`# yaml-language-server: $schema=../../schemas/event.schema.json`. The schemas
describe the YAML as an editor sees it (YAML 1.2), with German titles.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.models.club import Club
from generator.models.event import Event
from generator.models.opportunity import Opportunity
from generator.models.page import PageMeta
from generator.models.town import Town
from generator.models.venue import Venue
from generator.project import Project

SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "club": (Club, "Verein", "Ein Verein oder eine Gruppe: Datei content/clubs/<kennung>.yml."),
    "event": (Event, "Veranstaltung", "Ein Termin oder eine Terminreihe: Datei content/events/<kennung>.yml."),
    "venue": (Venue, "Ort", "Ein Veranstaltungsort: Datei content/venues/<kennung>.yml."),
    "opportunity": (
        Opportunity,
        "Engagement-Angebot",
        "Ein Aufruf zum Mitmachen: Datei content/opportunities/<kennung>.yml.",
    ),
    "page": (PageMeta, "Seite", "Kopf einer Seite in content/pages/<kennung>.md (zwischen den Zeilen ---)."),
    "town": (Town, "Kommune", "Die Angaben zur Kommune: Datei content/town.yml."),
}

_TITLES = {
    "Accessibility": "Barrierefreiheit",
    "Address": "Adresse",
    "Contact": "Kontakt",
    "Image": "Bild",
    "Place": "Ort (einmalig)",
    "Repeat": "Wiederholung",
    "Change": "Geänderter Termin",
    "Geo": "Koordinaten",
    "PostalAddress": "Postanschrift",
    "Membership": "Mitgliedschaft",
    "Term": "Eintrag",
    "OpeningHours": "Öffnungszeit",
    "ContactPoint": "Anlaufstelle",
    "Person": "Person oder Stelle",
    "Legal": "Rechtliches",
    "Status": "Status",
    "Frequency": "Rhythmus",
    "NamedOrganizer": "Veranstalter ohne Eintrag",
}


def json_schema(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    """The draft-07 schema of ``model`` with German titles and no English docstrings."""
    schema = model.model_json_schema(ref_template="#/definitions/{model}", mode="validation")
    definitions = schema.pop("$defs", {})
    for name, definition in definitions.items():
        definition["title"] = _TITLES.get(name, definition.get("title", name))
        definition.pop("description", None)  # class docstrings are developer English
    schema.pop("description", None)
    result: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": title,
        "description": description,
        **{k: v for k, v in schema.items() if k != "title"},
    }
    if definitions:
        result["definitions"] = dict(sorted(definitions.items()))
    return result


def render_schemas() -> dict[str, str]:
    return {
        f"{name}.schema.json": json.dumps(json_schema(*spec), ensure_ascii=False, indent=2) + "\n"
        for name, spec in SCHEMAS.items()
    }


def write_schemas(project: Project, out: Path | None, check: bool = False) -> int:
    target = out or project.root / "schemas"
    rendered = render_schemas()
    if check:
        stale = [name for name, text in rendered.items() if _read(target / name) != text]
        if stale:
            print(
                f"Veraltete JSON-Schemas: {', '.join(stale)}. Neu erzeugen mit: python -m generator schema",
                file=sys.stderr,
            )
            return 1
        print("JSON-Schemas sind aktuell.")
        return 0
    target.mkdir(parents=True, exist_ok=True)
    for name, text in rendered.items():
        (target / name).write_text(text, encoding="utf-8")
    print(f"{len(rendered)} JSON-Schemas geschrieben nach {target}.")
    return 0


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None
