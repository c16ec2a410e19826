"""Everything written into the built site after MkDocs besides the calendar feeds.

* `api/v1/`: open data as JSON with JSON Schemas, and CSV for spreadsheets (`exports/`)
* `neu/rss.xml`, `neu/atom.xml`: newly added events and volunteer calls (`exports/news_feed.py`)
* `widget/`: the embeddable widget (`widget.py`)
* `…/qr.svg`: QR codes of event and club pages and of "Kalender abonnieren" (`qr.py`)
* `veranstaltungen/<id>/aushang/`, `monate/<yyyy-mm>/programm/`: printable sheets (`printouts.py`)

All of it is deterministic for one commit and one ``--today``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.models.site import Site
from generator.render import urls
from generator.render.catalog import Catalog
from generator.render.exports.added import added_dates
from generator.render.exports.csv_export import clubs_csv, events_csv
from generator.render.exports.json_api import OCCURRENCE_DAYS, ApiBuilder, write_api
from generator.render.exports.news_feed import atom, news_entries, rss
from generator.render.feeds.writer import dtstamp_for
from generator.render.printouts import write_posters, write_programmes
from generator.render.qr import QrBatch, qr_targets
from generator.render.standalone import StandaloneRenderer
from generator.render.widget import write_widgets
from generator.render.writer import OutputWriter


@dataclass
class ExtrasReport:
    """Site-relative path → size in bytes of everything written."""

    sizes: dict[str, int] = field(default_factory=dict)


def start_qr_codes(site: Site) -> QrBatch:
    """Start making the QR codes (in worker processes) so they are ready after MkDocs."""
    return QrBatch.start(qr_targets(site))


def write_extras(
    root: Path, theme_dir: Path, site: Site, catalog: Catalog, site_dir: Path, qr_codes: QrBatch | None = None
) -> ExtrasReport:
    report = ExtrasReport()
    writer = OutputWriter(site_dir)
    added = record_dates(root, site, catalog)

    report.sizes.update(write_api(writer, ApiBuilder(site, catalog, added)))
    tables = {
        urls.csv_file("vereine"): clubs_csv(site),
        urls.csv_file("veranstaltungen"): events_csv(site, catalog.upcoming(days=OCCURRENCE_DAYS)),
    }
    entries = news_entries(site, catalog, added)
    feeds = {
        urls.news_rss(): rss(site, entries),
        urls.news_atom(): atom(site, entries, dtstamp_for(catalog.today)),
    }
    codes = (qr_codes or start_qr_codes(site)).result()
    for path, data in {**tables, **feeds, **codes}.items():
        writer.write_bytes(path, data)
        report.sizes[path] = len(data)

    renderer = StandaloneRenderer(site, catalog, theme_dir, writer)
    write_widgets(renderer)
    write_posters(renderer)
    write_programmes(renderer)
    report.sizes.update(renderer.sizes)
    return report


def record_dates(root: Path, site: Site, catalog: Catalog) -> dict[tuple[str, str], datetime]:
    """When each event and volunteer call was added (``(kind, id)`` → UTC time), from Git."""
    added: dict[tuple[str, str], datetime] = {}
    for kind, records in (("events", site.events), ("opportunities", site.opportunities)):
        for record_id, moment in added_dates(root, kind, sorted(records), catalog.today).items():
            added[(kind, record_id)] = moment
    return added
