"""What the freshness report lists: one finding per outdated entry, grouped by the club to ask."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum


class Kind(IntEnum):
    """The kinds of findings, in the order the report shows them."""

    STALE_CLUB = 1
    EXPIRED_OPPORTUNITY = 2
    SERIES_ENDED = 3
    BROKEN_LINK = 4

    @property
    def label(self) -> str:
        return {
            Kind.STALE_CLUB: "Vereinseintrag länger als 12 Monate nicht bestätigt",
            Kind.EXPIRED_OPPORTUNITY: "Engagement-Angebot abgelaufen",
            Kind.SERIES_ENDED: "Terminreihe beendet",
            Kind.BROKEN_LINK: "Link oder E-Mail-Adresse ungültig",
        }[self]

    @property
    def todo(self) -> str:
        """What the contact point asks the club, and what the editors change afterwards."""
        return {
            Kind.STALE_CLUB: "Angaben vom Verein bestätigen lassen, dann `reviewed` auf den Tag der Antwort setzen.",
            Kind.EXPIRED_OPPORTUNITY: "Fragen, ob noch Hilfe gebraucht wird: `expires` verlängern oder Datei löschen.",
            Kind.SERIES_ENDED: "Fragen, ob es weitergeht: `repeat.until` verlängern oder die Datei löschen.",
            Kind.BROKEN_LINK: "Richtige Adresse erfragen und eintragen, oder das Feld löschen.",
        }[self]


@dataclass(frozen=True, order=True)
class Finding:
    """One outdated entry, located in its file."""

    kind: Kind
    title: str
    path: str
    line: int
    detail: str
    field: str = ""
    contact: str | None = None
    """The entry's own contact e-mail, if it names one (events, volunteer calls)."""


@dataclass
class Group:
    """The findings that one club (or, without a club, the editors) should look at."""

    club_id: str | None
    name: str
    email: str | None
    path: str | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple[bool, str]:
        return (self.club_id is None, self.name.casefold())


@dataclass
class FreshnessReport:
    today: date
    groups: list[Group]
    unreadable: list[str] = field(default_factory=list)
    """Files that could not be read at all (YAML errors); `validate` explains them."""

    def count(self, kind: Kind) -> int:
        return len({(f.path, f.field) for g in self.groups for f in g.findings if f.kind is kind})

    @property
    def total(self) -> int:
        return sum(self.count(kind) for kind in Kind)
