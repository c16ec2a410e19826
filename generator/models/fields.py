"""Look at the content models' fields from outside: which fields hold links, which take lists.

The freshness report re-checks link fields one by one, and the issue-form converter decides
from the model whether a form answer becomes a list; both ask here rather than keeping their
own list of fields.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.models.common import Email, HttpUrl, Markdown, Text, TextList

Path = tuple[str, ...]
LINK_TYPES = (HttpUrl, Email)


def annotation_of(field: FieldInfo) -> Any:
    """The field's full annotation, with the validators pydantic keeps apart put back."""
    if field.metadata:
        return Annotated[field.annotation, *field.metadata]
    return field.annotation


def _members(annotation: Any) -> list[Any]:
    """``X | None`` → [X]; anything else → [itself]."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


def sub_model(annotation: Any) -> type[BaseModel] | None:
    """The nested record model of ``X`` or ``X | None`` (not of lists), else None."""
    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return member
    return None


def is_list(annotation: Any) -> bool:
    """Whether the field takes a list (``SlugList``, ``TextList``, ``list[…]``, also when optional)."""
    for member in _members(annotation):
        base = typing.get_args(member)[0] if typing.get_origin(member) is Annotated else member
        if typing.get_origin(base) is list:
            return True
    return False


def link_type(annotation: Any) -> Any | None:
    """``HttpUrl`` or ``Email`` if the field holds one (optionally), else None."""
    for member in _members(annotation):
        for candidate in LINK_TYPES:
            if member == candidate:
                return candidate
    return None


class TextKind(Enum):
    """How a free-text field is shown, which decides what an author writes instead of HTML."""

    MARKDOWN = "markdown"
    """Descriptions (and page bodies): rendered as Markdown."""
    LINE = "line"
    """Names, titles, short notes: shown as plain text, without formatting."""


def text_kind(annotation: Any) -> TextKind | None:
    """Whether the field holds free text: Markdown, or one-line text (also lists of it); else None.

    Ids, links, e-mails, dates and numbers are not free text, nor are types built on ``Text`` with
    their own check (the time zone)."""
    for member in _members(annotation):
        if member == Markdown:
            return TextKind.MARKDOWN
        if member is str or member in (Text, TextList):
            return TextKind.LINE
    return None


def yaml_name(name: str, field: FieldInfo) -> str:
    return field.alias or name


EACH = "*"
"""In a path of ``link_fields``: each entry of a list of records (or the one record written without a list)."""


def list_model(annotation: Any) -> type[BaseModel] | None:
    """The record model of ``list[X]`` (also annotated, as ``one_or_many`` makes it), else None."""
    for member in _members(annotation):
        base = typing.get_args(member)[0] if typing.get_origin(member) is Annotated else member
        if typing.get_origin(base) is list:
            return sub_model(typing.get_args(base)[0])
    return None


def link_fields(model: type[BaseModel], prefix: Path = ()) -> list[tuple[Path, Any]]:
    """Every field of ``model`` (and its nested records, and lists of them with ``EACH`` where the
    index goes) that holds a link or e-mail."""
    found: list[tuple[Path, Any]] = []
    for name, field in model.model_fields.items():
        path = (*prefix, yaml_name(name, field))
        annotation = annotation_of(field)
        kind = link_type(annotation)
        if kind is not None:
            found.append((path, kind))
            continue
        nested = sub_model(annotation)
        if nested is not None:
            found.extend(link_fields(nested, path))
        listed = list_model(annotation)
        if listed is not None:
            found.extend(link_fields(listed, (*path, EACH)))
    return found


def field_at(model: type[BaseModel], path: Path) -> FieldInfo | None:
    """The field at a YAML path such as ``("contact", "email")``, or None.

    A list of records that also takes one record on its own (a club's ``contact``) is entered as
    that one record: ``("contact", "email")`` is the e-mail of a club's (first) contact."""
    current: type[BaseModel] | None = model
    field: FieldInfo | None = None
    for part in path:
        if current is None:
            return None
        field = next((f for n, f in current.model_fields.items() if yaml_name(n, f) == part), None)
        if field is None:
            return None
        annotation = annotation_of(field)
        current = sub_model(annotation) or list_model(annotation)
    return field
