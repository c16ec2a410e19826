"""HTML in the free-text fields of a content file, reported where the first tag is written.

Which fields hold free text comes from the model (``fields.text_kind``), so a new text field is
checked without being listed here. The check reads the raw data, not the validated record: a file
with other errors gets its HTML reported in the same run.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from generator.load.yaml_loader import LoadedDocument, Loc
from generator.models.fields import TextKind, annotation_of, is_list, text_kind, yaml_name
from generator.problems import Location, Problem, field_label, line_and_column
from generator.validate import markup
from generator.validate.messages import inner_model


def markup_problems(model: type[BaseModel], document: LoadedDocument) -> list[Problem]:
    """One problem per free-text value (or list entry) of ``document`` that contains HTML."""
    problems: list[Problem] = []
    locator: _Locator | None = None
    for loc, value, kind in free_texts(model, document.data):
        found = markup.find_markup(value, kind)
        if not found:
            continue
        locator = locator or _Locator(document)
        where = locator.find(loc, found[0].written)
        problems.append(Problem(where, field_label(loc), markup.markup_message(found, kind)))
    return problems


def body_markup_problems(body: str, path: str, first_line: int) -> list[Problem]:
    """HTML in the Markdown body of a page that starts at line ``first_line`` of its file."""
    found = markup.find_markup(body, TextKind.MARKDOWN)
    if not found:
        return []
    line, column = line_and_column(body, found[0].offset)
    where = Location(path, first_line + line - 1, column)
    return [Problem(where, "", markup.markup_message(found, TextKind.MARKDOWN))]


def free_texts(model: type[BaseModel], data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str, TextKind]]:
    """Every string in ``data`` that a free-text field of ``model`` holds, with its location.

    Unknown fields and values of the wrong shape are skipped: the model reports those."""
    if not isinstance(data, dict):
        return
    plan = _text_fields(model)
    for key, value in data.items():
        field = plan.get(key)
        if field is None:
            continue
        if field.kind is not None:
            if isinstance(value, str):
                yield (*loc, key), value, field.kind
            elif isinstance(value, list) and field.takes_list:
                yield from (((*loc, key, i), item, field.kind) for i, item in enumerate(value) if isinstance(item, str))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from free_texts(field.nested, item, (*loc, key, index))
        else:
            yield from free_texts(field.nested, value, (*loc, key))


@dataclass(frozen=True)
class _TextField:
    """A field that holds free text (``kind``) or records that may (``nested``)."""

    kind: TextKind | None
    takes_list: bool
    nested: Any


@cache
def _text_fields(model: type[BaseModel]) -> dict[str, _TextField]:
    """The fields of ``model`` worth looking into, by YAML name (worked out once per model)."""
    plan: dict[str, _TextField] = {}
    for name, field in model.model_fields.items():
        annotation = annotation_of(field)
        kind = text_kind(annotation)
        nested = None if kind is not None else inner_model(field.annotation)
        if kind is not None or nested is not None:
            plan[yaml_name(name, field)] = _TextField(kind, is_list(annotation), nested)
    return plan


class _Locator:
    """Finds the written characters of a finding inside its value in the file.

    A value's text runs from its recorded start to the next recorded key or value. Within it the
    finding is searched as written, which gives the exact line and column in block scalars (``|``),
    plain and quoted text alike; if it is not there verbatim (a tag split over two lines of folded
    text, an escape in double quotes) the value's start is reported."""

    def __init__(self, document: LoadedDocument):
        self.document = document
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", document.text))]
        source = document.source
        self.starts = sorted(
            index for index in map(self._index, (*source.values.values(), *source.keys.values())) if index is not None
        )

    def _index(self, position: tuple[int, int]) -> int | None:
        line = position[0] - 1 - self.document.line_offset
        if not 0 <= line < len(self.line_starts):
            return None
        return self.line_starts[line] + position[1] - 1

    def find(self, loc: Loc, written: str) -> Location:
        value = self.document.source.value(loc)
        start = self._index((value.line, value.column))
        if start is None:
            return value
        after = bisect.bisect_right(self.starts, start)
        end = self.starts[after] if after < len(self.starts) else len(self.document.text)
        hit = self.document.text.find(written, start, end)
        if hit < 0:
            return value
        line = bisect.bisect_right(self.line_starts, hit) - 1
        column = hit - self.line_starts[line] + 1
        return Location(value.path, line + 1 + self.document.line_offset, column)
