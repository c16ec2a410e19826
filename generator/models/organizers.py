"""Who invites to an event: clubs of the directory, the town itself, or other organisations.

An event's ``organizer`` is written as one entry or a list of them, each

* a club id (a file under content/clubs/),
* the reserved word ``stadt``: the town invites (shown as town.yml's ``organizer_name``),
* a mapping ``{name, website?, email?, phone?}``: an organisation without a directory entry (a
  school, a church, a museum, a company, a club not in the directory).

Nothing written means no organiser is stated; the town is never assumed.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from generator.models.common import ContentModel, Email, HttpUrl, Phone, Slug, Text, _slug, error

TOWN_ORGANIZER = "stadt"
"""The reserved organiser id for the town itself; no club file may be named like it."""


class NamedOrganizer(ContentModel):
    """An organisation that has no entry in the club directory."""

    name: Text = Field(title="Name der Einrichtung", examples=["Evangelische Grundschule Musterstadt"])
    website: HttpUrl | None = Field(None, title="Webseite")
    email: Email | None = Field(None, title="E-Mail")
    phone: Phone | None = Field(None, title="Telefon")


def _entry(value: Any) -> Any:
    """A mapping is a named organisation; anything else must be an id (located errors for both)."""
    if isinstance(value, dict):
        return NamedOrganizer.model_validate(value)
    if isinstance(value, NamedOrganizer):
        return value
    if isinstance(value, list):
        raise error(
            "Hier steht eine Liste in der Liste. Ein Veranstalter ist eine Kennung (ein Verein oder „stadt“) "
            "oder eine Einrichtung mit „name: …“; schreiben Sie jeden in eine eigene Zeile mit „- “ davor."
        )
    return _slug(value)


def _entries(value: Any) -> Any:
    """One entry (an id or a mapping) or a list of them; nothing written is no organiser."""
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        return [value]
    return value


def _key(entry: str | NamedOrganizer) -> str:
    if isinstance(entry, NamedOrganizer):
        return " ".join(entry.name.casefold().split())
    return entry


def _no_doubles(entries: list[str | NamedOrganizer]) -> list[str | NamedOrganizer]:
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        key = _key(entry)
        if key in seen:
            shown = entry.name if isinstance(entry, NamedOrganizer) else entry
            raise error(
                f"„{shown}“ steht doppelt unter „organizer“. Nennen Sie jeden Veranstalter nur einmal.",
                field=str(index),
            )
        seen.add(key)
    return entries


class _OneOrList:
    """JSON Schema: one entry, or a list of entries (the YAML accepts both)."""

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        listed = handler(core_schema)
        return {"anyOf": [*listed["items"]["anyOf"], listed]}


Organizer = Annotated[Slug | NamedOrganizer, BeforeValidator(_entry)]
"""One entry: a club id or ``stadt`` (a string), or a `NamedOrganizer`."""

Organizers = Annotated[list[Organizer], BeforeValidator(_entries), AfterValidator(_no_doubles), _OneOrList()]
"""The organisers of an event, in the order written; empty when none is stated."""
