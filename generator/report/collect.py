"""Find outdated entries: stale clubs, expired volunteer calls, ended series, links that no longer parse.

Works file by file on what the loader reads, not on a validated site: the report is most useful
exactly when content has drifted, and one broken field must not hide the rest. Dates and links
are checked field by field with the models' own types; a series is only judged when its event
validates as a whole, broken links left aside (its occurrences depend on every part of `repeat`).
No network access.
"""

from __future__ import annotations

import calendar
import copy
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.load.discover import discover
from generator.load.yaml_loader import LoadedDocument, Loc, YamlLoadError, load_yaml_file
from generator.models.common import Email, LocalDate, Slug
from generator.models.event import Event
from generator.models.fields import EACH, link_fields
from generator.models.schedule import occurrences
from generator.problems import field_label
from generator.project import Project
from generator.report.findings import Finding, FreshnessReport, Group, Kind
from generator.validate.records import MODELS

STALE_AFTER_MONTHS = 12
_KINDS = ("clubs", "venues", "events", "opportunities")
_DATE = TypeAdapter(LocalDate)
_EMAIL = TypeAdapter(Email)
_SLUG = TypeAdapter(Slug)


@dataclass
class _Entry:
    kind: str
    id: str
    path: str
    document: LoadedDocument

    @property
    def data(self) -> dict[str, Any]:
        return self.document.data if isinstance(self.document.data, dict) else {}

    def get(self, loc: Loc) -> Any:
        value: Any = self.data
        for part in loc:
            if isinstance(part, int):
                value = value[part] if isinstance(value, list) and part < len(value) else None
            elif isinstance(value, dict):
                value = value.get(part)
            else:
                return None
        return value

    def locations(self, path: tuple[str, ...]) -> list[Loc]:
        """The places of a ``link_fields`` path in this file: ``EACH`` becomes every index of a
        list, and is left out where one record stands without a list."""
        found: list[Loc] = [()]
        for part in path:
            if part != EACH:
                found = [(*loc, part) for loc in found]
                continue
            expanded: list[Loc] = []
            for loc in found:
                value = self.get(loc)
                if isinstance(value, list):
                    expanded.extend((*loc, index) for index in range(len(value)))
                elif isinstance(value, dict):
                    expanded.append(loc)
            found = expanded
        return found

    def line(self, loc: Loc) -> int:
        return self.document.source.value(loc).line

    def title(self) -> str:
        text = self.get(("name",)) or self.get(("title",))
        return text.strip() if isinstance(text, str) and text.strip() else self.id

    def organizers(self) -> list[str]:
        """The ids written under ``organizer`` (clubs, ``stadt``); named organisations and broken entries
        are skipped, so one of them does not hide the clubs beside it."""
        written = self.get(("organizer",))
        entries = written if isinstance(written, list) else [written]
        return [slug for slug in (_parse(_SLUG, entry) for entry in entries) if slug is not None]

    def contact(self) -> str | None:
        """The entry's own contact e-mail (events and volunteer calls name one besides the club's)."""
        return _parse(_EMAIL, self.get(("contact", "email")))


_Add = Callable[[_Entry, Finding], None]


def _parse(adapter: TypeAdapter[Any], value: Any) -> Any | None:
    """The value typed by ``adapter``, or None if it is missing or does not parse."""
    if value is None:
        return None
    try:
        return adapter.validate_python(value)
    except ValidationError:
        return None


def _german(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def months_before(day: date, months: int) -> date:
    """The same calendar day ``months`` earlier (or the last day of a shorter month)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def collect(project: Project, today: date) -> FreshnessReport:
    """Read every record file and list what is outdated on ``today``."""
    files, _naming_problems = discover(project.content_dir, project.root)
    entries: list[_Entry] = []
    unreadable: list[str] = []
    for file in files:
        if file.kind not in _KINDS:
            continue
        try:
            entries.append(_Entry(file.kind, file.id, file.shown_path, load_yaml_file(file.path, file.shown_path)))
        except YamlLoadError:
            unreadable.append(file.shown_path)
    clubs = {e.id: e for e in entries if e.kind == "clubs"}
    groups: dict[str | None, Group] = {None: Group(None, "Ohne Verein (Stadt, Anlaufstelle, Orte)", None, None)}
    for club in clubs.values():
        email = next(
            (found for loc in club.locations(("contact", EACH, "email")) if (found := _parse(_EMAIL, club.get(loc)))),
            None,
        )
        groups[club.id] = Group(club.id, club.title(), email, club.path)

    def add(entry: _Entry, finding: Finding) -> None:
        if entry.kind != "clubs":
            finding = replace(finding, contact=entry.contact())
        owners = [entry.id] if entry.kind == "clubs" else [c for c in entry.organizers() if c in groups]
        for owner in owners or [None]:
            groups[owner].findings.append(finding)

    cutoff = months_before(today, STALE_AFTER_MONTHS)
    for entry in entries:
        if entry.kind == "clubs":
            _stale_club(entry, cutoff, today, add)
        elif entry.kind == "opportunities":
            _expired(entry, today, add)
        elif entry.kind == "events":
            _series_ended(entry, today, add)
        _links(entry, add)
    kept = [g for g in groups.values() if g.findings]
    for group in kept:
        group.findings.sort()
    return FreshnessReport(today, sorted(kept, key=lambda g: g.sort_key), sorted(unreadable))


def _stale_club(entry: _Entry, cutoff: date, today: date, add: _Add) -> None:
    reviewed = _parse(_DATE, entry.get(("reviewed",)))
    if reviewed is None or reviewed >= cutoff:
        return
    months = (today.year - reviewed.year) * 12 + today.month - reviewed.month - (today.day < reviewed.day)
    detail = f"zuletzt bestätigt am {_german(reviewed)} (vor {months} Monaten)"
    add(entry, Finding(Kind.STALE_CLUB, entry.title(), entry.path, entry.line(("reviewed",)), detail, "reviewed"))


def _expired(entry: _Entry, today: date, add: _Add) -> None:
    expires = _parse(_DATE, entry.get(("expires",)))
    if expires is None or expires >= today:
        return
    detail = f"gültig bis {_german(expires)}"
    add(
        entry, Finding(Kind.EXPIRED_OPPORTUNITY, entry.title(), entry.path, entry.line(("expires",)), detail, "expires")
    )


def _series_ended(entry: _Entry, today: date, add: _Add) -> None:
    repeat = entry.get(("repeat",))
    if not isinstance(repeat, dict) or not (repeat.get("until") or repeat.get("count")):
        return  # one-off events and open-ended series never "end"
    try:  # a broken link is reported on its own and must not hide that the series ended
        event = Event.model_validate(_without_broken_links(entry, Event))
    except ValidationError:
        return  # `validate` reports it
    last: date | None = None
    for occurrence in occurrences(event):
        moment = occurrence.end or occurrence.start
        day = moment.date() if isinstance(moment, datetime) else moment
        last = day if last is None else max(last, day)
    if last is not None and last >= today:
        return
    detail = f"letzter Termin am {_german(last)}" if last else "kein Termin mehr übrig"
    finding = Finding(Kind.SERIES_ENDED, entry.title(), entry.path, entry.line(("repeat",)), detail, "repeat")
    add(entry, finding)


def _broken_links(entry: _Entry, model: type[BaseModel]) -> list[tuple[Loc, str]]:
    """(location, German message) of every link or e-mail field whose value does not parse."""
    broken: list[tuple[Loc, str]] = []
    for path, link_type in link_fields(model):
        for loc in entry.locations(path):
            value = entry.get(loc)
            if value is None:
                continue
            try:
                TypeAdapter(link_type).validate_python(value)
            except ValidationError as exc:
                broken.append((loc, exc.errors(include_url=False)[0]["msg"]))
    return broken


def _without_broken_links(entry: _Entry, model: type[BaseModel]) -> dict[str, Any]:
    data = copy.deepcopy(entry.data)
    for loc, _ in _broken_links(entry, model):
        parent = data
        for part in loc[:-1]:
            parent = parent[part]
        del parent[loc[-1]]
    return data


def _links(entry: _Entry, add: _Add) -> None:
    for loc, message in _broken_links(entry, MODELS[entry.kind]):
        add(entry, Finding(Kind.BROKEN_LINK, entry.title(), entry.path, entry.line(loc), message, field_label(loc)))


def default_today(project: Project) -> date:
    """Today in the town's time zone (Europe/Berlin unless content/town.yml names another)."""
    zone = ZoneInfo("Europe/Berlin")
    try:
        data = load_yaml_file(project.town_file, "content/town.yml").data
        if isinstance(data, dict) and isinstance(data.get("timezone"), str):
            zone = ZoneInfo(data["timezone"])
    except (OSError, YamlLoadError, ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        pass
    return datetime.now(zone).date()
