"""The validated content of one town, with lookups between records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pydantic import BaseModel

from generator.load.yaml_loader import SourceMap
from generator.models.club import Club
from generator.models.event import Event
from generator.models.opportunity import Opportunity
from generator.models.page import PageMeta
from generator.models.town import Town
from generator.models.venue import Venue

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Record(Generic[M]):
    """One content file: its id (the file name), where it is, and its validated data."""

    id: str
    path: str
    data: M
    source: SourceMap
    body: str = ""  # the Markdown text of an editorial page

    def __lt__(self, other: Record[M]) -> bool:
        return self.id < other.id


@dataclass
class Site:
    town: Town
    town_source: SourceMap
    clubs: dict[str, Record[Club]] = field(default_factory=dict)
    venues: dict[str, Record[Venue]] = field(default_factory=dict)
    events: dict[str, Record[Event]] = field(default_factory=dict)
    opportunities: dict[str, Record[Opportunity]] = field(default_factory=dict)
    pages: dict[str, Record[PageMeta]] = field(default_factory=dict)
