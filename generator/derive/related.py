"""Which events and calls to volunteer each editorial page lists, and the other way round.

A participation page (Bürgerrat, Stadtmacher, Freiwilligenagentur) names tags or ids in its
header (`PageMeta.tags`, `events`, `opportunities`); its dates and open calls are listed under
its text, and each listed event and call links back to the page. Independent of the build date:
which dates are still upcoming is the catalog's business.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.models.page import tag_key
from generator.models.site import Site

KINDS = ("events", "opportunities")


@dataclass
class Related:
    """Page id → the event and call ids it lists; (kind, record id) → the pages listing it."""

    listed: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """(page id, kind) → record ids, sorted."""
    pages: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    """(kind, record id) → page ids, sorted."""

    @classmethod
    def of(cls, site: Site) -> Related:
        related = cls()
        by_tag: dict[str, set[str]] = defaultdict(set)
        for page in site.pages.values():
            for tag in page.data.tags:
                by_tag[tag_key(tag)].add(page.id)
        for kind in KINDS:
            found: dict[str, set[str]] = defaultdict(set)
            for record in getattr(site, kind).values():
                for tag in record.data.tags:
                    found[record.id] |= by_tag.get(tag_key(tag), set())
            for page in site.pages.values():
                for record_id in page.data.events if kind == "events" else page.data.opportunities:
                    if record_id in getattr(site, kind):
                        found[record_id].add(page.id)
            for record_id in sorted(found):
                for page_id in sorted(found[record_id]):
                    related.listed.setdefault((page_id, kind), []).append(record_id)
                    related.pages[(kind, record_id)].append(page_id)
        return related

    def events_of(self, page_id: str) -> list[str]:
        return self.listed.get((page_id, "events"), [])

    def opportunities_of(self, page_id: str) -> list[str]:
        return self.listed.get((page_id, "opportunities"), [])

    def pages_of(self, kind: str, record_id: str) -> list[str]:
        """The pages that list the event or call (``kind``: events, opportunities) ``record_id``."""
        return self.pages.get((kind, record_id), [])
