"""What each output of one record depends on, as a key: equal keys, equal bytes.

An incremental build takes a record's outputs over from the previous build when their key is
unchanged (`cache.py`). A key is the digest of

* everything every page depends on (`BuildKey`): the generator's code, the theme, `mkdocs.yml`,
  the pictures the records show (by their rendition names: digest of bytes and settings; read
  from the headers once, `picture_files.probe`), `town.yml`, the build date (``--today`` moves
  every "upcoming") and the set of record ids, and
* the records the output shows, as declared below from what the templates read: an event page
  shows its organisers, its venue and the venues of moved dates; a club page its events (with
  their venues and co-organisers), its calls to volunteer and its venue; a venue page its
  events and the clubs based there; an event page and a call's page the editorial pages that
  list them ("Gehört zu", `derive/related.py`).

Pages that gather many records (lists, months, the start page, terms, Ortsteile, editorial pages
with the dates and calls they list) and the aggregate files (feeds, JSON, CSV) are always made
again. `tests/build/test_incremental.py` checks, for every kind of change, that an incremental build
gives the same bytes as a full one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from generator.derive.catalog import Catalog
from generator.derive.pictures import Pictures
from generator.derive.related import Related
from generator.load.record_cache import code_version
from generator.models.site import Record, Site
from generator.project import Project


def tree_digest(paths: Iterable[Path], base: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        if path.is_file():
            digest.update(path.relative_to(base).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_key(project: Project, site: Site, today: date) -> str:
    """What every output depends on (see the module's docstring)."""
    digest = hashlib.sha256()
    digest.update(code_version().encode())
    digest.update(tree_digest(project.theme_dir.rglob("*"), project.root).encode())
    if project.mkdocs_file.is_file():
        digest.update(project.mkdocs_file.read_bytes())
    pictures = Pictures.for_site(project.images_dir, site)
    for src, source in sorted(pictures.sources.items()):  # the pictures shown, not every file in the folder
        digest.update(f"picture:{src}={source.name}\0".encode())
    digest.update(site.town.model_dump_json().encode())
    digest.update(today.isoformat().encode())
    for kind, records in _kinds(site):
        digest.update(f"{kind}:{','.join(sorted(records))}".encode())
    return digest.hexdigest()


def _kinds(site: Site) -> list[tuple[str, dict[str, Record]]]:
    return [
        ("events", site.events),
        ("clubs", site.clubs),
        ("venues", site.venues),
        ("opportunities", site.opportunities),
        ("pages", site.pages),
    ]


class Fingerprints:
    """Keys of the outputs that belong to one record."""

    def __init__(self, site: Site, catalog: Catalog, build: str) -> None:
        self.site = site
        self.catalog = catalog
        self.build = build
        self._records: dict[tuple[str, str], str] = {}
        self._by_kind = dict(_kinds(site))
        self._related = Related.of(site)
        self._clubs_at: dict[str, list[str]] = {}
        for club in sorted(site.clubs.values()):
            if club.data.venue:
                self._clubs_at.setdefault(club.data.venue, []).append(club.id)

    def record(self, kind: str, record_id: str) -> str:
        """Digest of one record as validated (what any output can show of it)."""
        key = (kind, record_id)
        found = self._records.get(key)
        if found is None:
            record = self._by_kind[kind][record_id]
            text = f"{record.path}\0{record.data.model_dump_json()}\0{record.body}"
            found = self._records[key] = hashlib.sha256(text.encode()).hexdigest()
        return found

    def _key(self, parts: Iterable[str]) -> str:
        digest = hashlib.sha256(self.build.encode())
        for part in parts:
            digest.update(part.encode())
        return digest.hexdigest()

    def _event_parts(self, event_id: str) -> list[str]:
        data = self.site.events[event_id].data
        parts = [self.record("events", event_id)]
        parts += [self.record("clubs", club) for club in data.club_ids if club in self.site.clubs]
        venues = {data.venue} | {change.venue for change in (data.repeat.changes if data.repeat else [])}
        parts += [self.record("venues", venue) for venue in sorted(v for v in venues if v in self.site.venues)]
        return parts

    def event(self, event_id: str) -> str:
        """The event's page, notice and own calendar file."""
        return self._key(self._event_parts(event_id) + self._listed_on("events", event_id))

    def club(self, club_id: str) -> str:
        """The club's page and widget."""
        data = self.site.clubs[club_id].data
        parts = [self.record("clubs", club_id)]
        if data.venue in self.site.venues:
            parts.append(self.record("venues", data.venue))
        for event_id in sorted({item.event.id for item in self.catalog.by_club.get(club_id, [])}):
            parts += self._event_parts(event_id)
        for opportunity in self.catalog.opportunities_of(club_id):
            parts += self._opportunity_parts(opportunity.id)
        return self._key(parts)

    def venue(self, venue_id: str) -> str:
        parts = [self.record("venues", venue_id)]
        for event_id in sorted({item.event.id for item in self.catalog.by_venue.get(venue_id, [])}):
            parts += self._event_parts(event_id)
        parts += [self.record("clubs", club_id) for club_id in self._clubs_at.get(venue_id, [])]
        return self._key(parts)

    def _opportunity_parts(self, opportunity_id: str) -> list[str]:
        data = self.site.opportunities[opportunity_id].data
        parts = [self.record("opportunities", opportunity_id)]
        parts += [self.record("clubs", club) for club in data.organizer if club in self.site.clubs]
        if data.venue in self.site.venues:
            parts.append(self.record("venues", data.venue))
        return parts

    def opportunity(self, opportunity_id: str) -> str:
        return self._key(self._opportunity_parts(opportunity_id) + self._listed_on("opportunities", opportunity_id))

    def _listed_on(self, kind: str, record_id: str) -> list[str]:
        """The editorial pages that list the event or call: its own page links back to them."""
        return [self.record("pages", page) for page in self._related.pages_of(kind, record_id)]
