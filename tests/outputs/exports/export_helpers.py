"""Plain helpers shared by the export tests (fixtures are in conftest.py)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.models.site import Site
from generator.outputs.exports import shapes
from generator.outputs.exports.added import record_dates
from generator.outputs.exports.json_api import ApiBuilder
from generator.project import Project


def load(root: Path) -> Site:
    site, report = load_site(Project(root))
    assert site is not None, "\n".join(map(str, report.sorted()))
    return site


def site_and_catalog(where: Path | Site, today: date | Catalog) -> tuple[Path | None, Site, Catalog]:
    if isinstance(where, Site):
        assert isinstance(today, Catalog)
        return None, where, today
    site = load(where)
    return where, site, Catalog.build(site, today) if isinstance(today, date) else today


def api_documents(where: Path | Site, today: date | Catalog) -> dict[str, shapes.ApiModel]:
    root, site, catalog = site_and_catalog(where, today)
    added: dict[tuple[str, str], datetime] = record_dates(root or Path("/nonexistent"), site, catalog.today)
    return ApiBuilder(site, catalog, added).documents()
