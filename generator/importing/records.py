"""The neutral shape every import source produces, and the error that stops an import."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["events", "clubs", "venues"]
"""The content folder a record goes to (`content/<kind>/<id>.yml`)."""


@dataclass
class ImportedRecord:
    """One record read from a source, before places and organisers are matched.

    ``data`` uses the keys of the content files (``title``, ``start``, ``repeat`` …). Places and
    organisers are left as the source names them: ``data["location"]`` is a `Place` mapping
    (``name`` and whatever address, ``geo`` or ``directions`` the source has) and
    ``data["organizer"]`` a list of ``{"name": …, "website"/"email"/"phone": …}`` mappings;
    `resolve` replaces them by venue and club ids where the match is certain.
    """

    kind: Kind
    key: str
    """Stable key of the record within its source: the iCalendar UID (plus RECURRENCE-ID where a
    moved date stands alone) or the documented key columns of a CSV row. The same key on a later
    import updates the same file."""
    data: dict[str, Any]
    line: int
    """Line in the source where the record starts, for messages."""
    suggested_id: str
    """File name proposal (a slug, usually from the title); the store makes it unique."""
    notes: list[str] = field(default_factory=list)
    """What could not be carried over or was guessed, in German — reported, never dropped silently."""
    note_fields: dict[int, str] = field(default_factory=dict)
    """Index in ``notes`` → the top-level field it concerns (``repeat``, ``category`` …), so the
    summary points at that line of the written file; notes without one point at the file's start."""

    def note(self, message: str, field_name: str | None = None) -> None:
        """Add a note for the summary, optionally about one field of the written file."""
        if field_name is not None:
            self.note_fields[len(self.notes)] = field_name
        self.notes.append(message)


class ImportProblem(Exception):
    """The source cannot be read: a German message naming the source and line. Nothing is written."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")
