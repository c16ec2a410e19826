"""Turn pydantic's validation errors into located German problems for volunteers."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.load.yaml_loader import Loc, SourceMap
from generator.problems import MAX_PROBLEMS_PER_FILE, Location, Problem, field_label, more_problems
from generator.validate.suggest import suggest


def problems_from_validation_error(
    exc: ValidationError, model: type[BaseModel], source: SourceMap, base: Loc = ()
) -> list[Problem]:
    """One Problem per pydantic error, located in the source file (at most ``MAX_PROBLEMS_PER_FILE``)."""
    errors = exc.errors(include_url=False)
    problems = [_problem(error, model, source, base) for error in errors[:MAX_PROBLEMS_PER_FILE]]
    if len(errors) > MAX_PROBLEMS_PER_FILE:
        _, first_left_out = _located(errors[MAX_PROBLEMS_PER_FILE], source, base)
        problems.append(more_problems(first_left_out, len(errors) - MAX_PROBLEMS_PER_FILE))
    return problems


def _problem(error: ErrorDetails, model: type[BaseModel], source: SourceMap, base: Loc) -> Problem:
    loc, location = _located(error, source, base)
    return Problem(location, field_label(loc), _message(error, model, loc[len(base) :]))


def _located(error: ErrorDetails, source: SourceMap, base: Loc) -> tuple[Loc, Location]:
    """The field path of a pydantic error and where it is written."""
    loc: Loc = base + tuple(error["loc"])
    context = error.get("ctx") or {}
    extra_field = context.get("field") if error["type"] == "inhalt" else None
    if extra_field:
        loc = loc + tuple(int(p) if p.isdigit() else p for p in str(extra_field).split("."))
    kind = error["type"]
    if kind == "missing":
        return loc, source.value(loc[:-1])
    if kind == "extra_forbidden":
        return loc, source.key(loc)
    return loc, source.value(loc)


def _message(error: ErrorDetails, model: type[BaseModel], loc: Loc) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "inhalt":
        return error["msg"]
    if kind == "missing":
        name = str(loc[-1])
        title = _field_title(model, loc)
        label = f"„{name}“ ({title})" if title else f"„{name}“"
        return f"Das Pflichtfeld {label} fehlt. Ergänzen Sie eine Zeile „{name}: …“."
    if kind == "extra_forbidden":
        if value is None and _looks_like_text(str(loc[-1])):
            return _split_by_comma_message(str(loc[-1]))
        return _unknown_field_message(model, loc)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        fields = _allowed_fields(model, loc)
        example = f" (z. B. {', '.join(f + ':' for f in fields[:3])})" if fields else ""
        return (
            "Hier werden eingerückte Unterfelder erwartet"
            f"{example}, kein einzelner Wert. Schreiben Sie jedes Unterfeld in eine eigene, eingerückte Zeile."
        )
    if kind == "list_type":
        return "Hier wird eine Liste erwartet: [a, b] oder jeder Eintrag in einer eigenen Zeile mit „- “ davor."
    if kind in ("string_type", "str_type"):
        return "Hier wird ein einfacher Text erwartet, keine Liste und keine Unterfelder."
    if kind in ("enum", "literal_error"):
        expected = _VOCABULARIES.get(str(loc[-1])) or (error.get("ctx") or {}).get("expected", "").replace(" or ", ", ")
        return f"„{value}“ ist hier nicht erlaubt. Erlaubt sind: {expected}."
    if kind == "too_short":
        return "Die Liste ist leer. Tragen Sie mindestens einen Eintrag ein."
    if kind == "string_too_long":
        limit = (error.get("ctx") or {}).get("max_length")
        return f"Der Text ist zu lang (höchstens {limit} Zeichen)."
    if kind in ("bool_type", "bool_parsing"):
        return f"„{value}“ ist weder ja noch nein. Schreiben Sie ja oder nein."
    return f"Ungültiger Wert „{value}“. Prüfen Sie die Schreibweise (technisch: {error['msg']})."


_VOCABULARIES = {
    "status": "scheduled oder geplant, cancelled oder abgesagt, postponed oder verschoben",
    "freq": "daily oder täglich, weekly oder wöchentlich, monthly oder monatlich, yearly oder jährlich",
    "wheelchair": "yes oder ja, limited oder teilweise, no oder nein",
    "accessibility_status": "vollständig vereinbar, teilweise vereinbar, nicht vereinbar",
    "commitment": "einmalig, gelegentlich oder regelmäßig (auch regelmaessig)",
}
"""German wording of closed vocabularies, which also accept these German words."""


FIELD_ALIASES = {
    "titel": "title",
    "beschreibung": "description",
    "veranstalter": "organizer",
    "kategorie": "category",
    "kategorien": "category",
    "beginn": "start",
    "anfang": "start",
    "ende": "end",
    "preis": "price",
    "kostenlos": "free",
    "eintrittfrei": "free",
    "anmeldung": "registration",
    "zielgruppe": "audiences",
    "zielgruppen": "audiences",
    "barrierefreiheit": "accessibility",
    "bild": "image",
    "schlagwoerter": "tags",
    "webseite": "website",
    "internetseite": "website",
    "homepage": "website",
    "url": "website",
    "kontakt": "contact",
    "ortsteil": "district",
    "stadtteil": "district",
    "adresse": "address",
    "anschrift": "address",
    "strasse": "street",
    "plz": "postcode",
    "postleitzahl": "postcode",
    "zip": "postcode",
    "stadt": "city",
    "breitengrad": "lat",
    "latitude": "lat",
    "laengengrad": "lon",
    "longitude": "lon",
    "lng": "lon",
    "datum": "date",
    "notiz": "note",
    "hinweis": "note",
    "wiederholung": "repeat",
    "reihenfolge": "order",
    "gegruendet": "founded",
    "mitgliedschaft": "membership",
    "treffen": "meeting_times",
    "wegbeschreibung": "directions",
    "oeffnungszeiten": "hours",
    "uhrzeiten": "hours",
    "zeiten": "hours",
    "tage": "days",
    "wochentage": "days",
    "von": "from",
    "bis": "to",
}
"""Field names volunteers write in German (or as common abbreviations), with the English field
they mean. Used for "Meinten Sie …?" only if that field exists where the unknown one was written."""


def _looks_like_text(name: str) -> bool:
    """Field names are lower-case words joined by `_`; "Energie und Stadtgrün" is a piece of text."""
    return any(c.isspace() or c.isupper() for c in name)


def _split_by_comma_message(name: str) -> str:
    """`{id: umwelt, label: Umwelt, Energie und Stadtgrün}`: in the short form with braces a comma
    ends the field, so the rest of the text became a field name without a value."""
    return (
        f"„{name}“ ist kein Feldname, sondern wohl der Rest eines Textes nach einem Komma: In der "
        "kurzen Schreibweise mit { … } trennt ein Komma die Felder. Setzen Sie den ganzen Text in "
        'Anführungszeichen, z. B. {id: umwelt, label: "Umwelt, Energie und Stadtgrün"}.'
    )


def _unknown_field_message(model: type[BaseModel], loc: Loc) -> str:
    name = str(loc[-1])
    allowed = _allowed_fields(model, loc[:-1])
    close = suggest(name, allowed, aliases=FIELD_ALIASES)
    hint = f" Meinten Sie „{close}“?" if close else ""
    listing = f" Erlaubt sind: {', '.join(allowed)}." if allowed else ""
    return f"Das Feld „{name}“ gibt es hier nicht.{hint}{listing}"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The nested model class that the location ``loc`` points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = _field_by_name(current, part)
        if field is None:
            return None
        current = inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_by_name(model: type[BaseModel], name: str):
    for field_name, field in model.model_fields.items():
        if (field.alias or field_name) == name:
            return field
    return None


def inner_model(annotation: Any) -> Any:
    """The nested model inside ``X``, ``X | None``, ``list[X]`` or ``Annotated[X, …]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return inner_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = inner_model(arg)
            if found is not None:
                return found
    return None


def _allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    target = _model_at(model, loc)
    if target is None:
        return []
    return [field.alias or name for name, field in target.model_fields.items()]


def _field_title(model: type[BaseModel], loc: Loc) -> str | None:
    parent = _model_at(model, loc[:-1])
    if parent is None:
        return None
    field = _field_by_name(parent, str(loc[-1]))
    return field.title if field else None
