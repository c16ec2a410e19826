"""First layer of validation: each file on its own against its model."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from generator.load.discover import ContentFile
from generator.load.yaml_loader import LoadedDocument, YamlLoadError, decode_text, load_yaml_text, read_text
from generator.models.club import Club
from generator.models.event import Event
from generator.models.opportunity import Opportunity
from generator.models.page import PageMeta
from generator.models.site import Record
from generator.models.venue import Venue
from generator.problems import Location, Problem
from generator.validate.free_text import body_markup_problems, markup_problems
from generator.validate.messages import problems_from_validation_error

MODELS: dict[str, type[BaseModel]] = {
    "clubs": Club,
    "venues": Venue,
    "events": Event,
    "opportunities": Opportunity,
    "pages": PageMeta,
}


def validate_model(model: type[BaseModel], document: LoadedDocument) -> tuple[Any | None, list[Problem]]:
    """Validate parsed YAML against ``model``: the instance (None if the data does not fit the
    model) and every located problem.

    HTML in a text does not stop the instance from being made: the file's other problems, also
    those of the checks across files, are then reported in the same run."""
    source = document.source
    if document.data is None:
        return None, [
            Problem(Location(source.path, 1, 1), "", "Die Datei ist leer. Tragen Sie die Felder ein (name: wert).")
        ]
    if not isinstance(document.data, dict):
        return None, [
            Problem(
                source.value(()),
                "",
                "Die Datei muss aus Feldern bestehen (je Zeile „name: wert“), "
                "nicht aus einer Liste oder einem einzelnen Text.",
            )
        ]
    markup = markup_problems(model, document)
    try:
        return model.model_validate(document.data), markup
    except ValidationError as exc:
        return None, problems_from_validation_error(exc, model, source) + markup


def validate_file(file: ContentFile, raw: bytes | None = None) -> tuple[Record[Any] | None, list[Problem]]:
    """Load and validate one record file; ``raw`` is its content if already read (by `read_bytes`)."""
    try:
        text = read_text(file.path, file.shown_path) if raw is None else decode_text(raw, file.shown_path)
        if file.kind == "pages":
            document, body, body_line = _load_page(file, text)
        else:
            document, body, body_line = load_yaml_text(text, file.shown_path), "", 0
    except YamlLoadError as exc:
        return None, exc.problems
    data, problems = validate_model(MODELS[file.kind], document)
    problems += body_markup_problems(body, file.shown_path, body_line)
    if data is None:
        return None, problems
    return Record(file.id, file.shown_path, data, document.source, body), problems


def _load_page(file: ContentFile, text: str) -> tuple[LoadedDocument, str, int]:
    """Split a Markdown page into its YAML header and body, and the line the body starts at."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise YamlLoadError(
            [
                Problem(
                    Location(file.shown_path, 1, 1),
                    "",
                    "Eine Seite beginnt mit einem Kopf zwischen zwei Zeilen „---“, darin mindestens "
                    "„title: …“, z. B. erste Zeile „---“, zweite „title: Anlaufstelle“, dritte „---“.",
                )
            ]
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            header = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            return load_yaml_text(header, file.shown_path, line_offset=1), body, index + 2
    raise YamlLoadError(
        [
            Problem(
                Location(file.shown_path, 1, 1), "", "Der Kopf der Seite wird nicht mit einer Zeile „---“ geschlossen."
            )
        ]
    )
