"""The line under a search result's title, and the ranking the search page hands to Pagefind
(outputs/pages/search_meta.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from small_town import TODAY, small_town

from generator.derive.catalog import Catalog
from generator.outputs.pages import search_meta
from generator.outputs.pages.view import ViewHelpers

THEME_PAGES = Path(__file__).resolve().parents[3] / "theme" / "pages"


@pytest.fixture
def view(project) -> ViewHelpers:
    project.add(
        "events/abgesagt.yml",
        "title: Abgesagtes Fest\ncategory: fest\nvenue: markt\nstart: 2027-02-01 15:00\nstatus: cancelled\n",
    )
    project.add(
        "events/verschoben.yml",
        "title: Verschobenes Fest\ncategory: fest\nvenue: markt\nstart: 2027-03-01\nstatus: postponed\n",
    )
    project.add(
        "opportunities/helfen.yml",
        "title: Helfen\norganizer: turnverein\ndescription: Mit anpacken.\ntime_commitment: 2 Stunden im Monat\n"
        "contact: {email: hilfe@example.org}\nexpires: 2027-12-31\n",
    )
    site = small_town(project)
    return ViewHelpers(site, Catalog.build(site, TODAY), "suche/")


def line(view: ViewHelpers, event_id: str) -> str:
    return search_meta.event_line(view, view.site.events[event_id])


def test_a_series_names_its_next_date_and_where_it_is(view: ViewHelpers) -> None:
    """Today (1 December) is a training day; the one on 15 December moved to the 16th, on the market."""
    assert line(view, "training") == "Nächster Termin: Di., 1. Dezember 2026, 18:00–19:30 Uhr · Rathaus"
    later = ViewHelpers(view.site, Catalog.build(view.site, TODAY.replace(day=2)), "suche/")
    assert line(later, "training") == "Nächster Termin: Mi., 16. Dezember 2026, 17:00–18:30 Uhr · Marktplatz"


def test_single_events_name_their_date_running_ones_included(view: ViewHelpers) -> None:
    assert line(view, "weihnachtsmarkt") == "Do., 24. Dezember 2026, ganztägig · Marktplatz"
    assert line(view, "lichterfest") == "So., 29. November 2026 bis Mi., 2. Dezember 2026, ganztägig · Marktplatz"
    night = "Fr., 15. Januar 2027, 21:00 Uhr bis Sa., 16. Januar 2027, 01:00 Uhr"
    assert line(view, "konzert") == f"{night} · Scheune am Deich"


def test_past_cancelled_and_postponed_events_say_so(view: ViewHelpers) -> None:
    assert line(view, "altes-fest") == "Hat stattgefunden: Sa., 15. August 2026, 14:00–18:00 Uhr · Marktplatz"
    assert line(view, "abgesagt") == "Abgesagt: Mo., 1. Februar 2027, 15:00 Uhr · Marktplatz"
    assert line(view, "verschoben") == "Verschoben, bisher geplant: Mo., 1. März 2027, ganztägig · Marktplatz"
    after = ViewHelpers(view.site, Catalog.build(view.site, TODAY.replace(year=2027, month=2)), "suche/")
    assert line(after, "training") == "Letzter Termin: Di., 26. Januar 2027, 18:00–19:30 Uhr · Rathaus"


def test_clubs_venues_and_calls(view: ViewHelpers) -> None:
    club = view.site.clubs["turnverein"].data
    assert search_meta.club_line(view, club) == "Mitte · Sport"
    assert search_meta.club_line(view, club.model_copy(update={"district": None, "category": ["sport", "fest"]})) == (
        "Sport, Feste"
    )
    assert search_meta.venue_line(view.site.venues["rathaus"].data) == "Markt 1, 04916 Teststadt"
    call = view.site.opportunities["helfen"].data
    assert search_meta.opportunity_line(view, call) == "Turnverein Teststadt e. V. · 2 Stunden im Monat"
    assert search_meta.opportunity_line(view, call.model_copy(update={"organizer": []})) == (
        "Stadt Teststadt · 2 Stunden im Monat"
    )


def test_every_field_the_templates_set_is_ranked() -> None:
    """A field Pagefind is not told about weighs 1: a place named on fifty event pages would lift them."""
    fields: set[str] = set()
    for template in THEME_PAGES.glob("*.html"):
        for value in re.findall(r'data-pagefind-meta="([^"]*)"', template.read_text(encoding="utf-8")):
            fields.add(re.split(r"[\[:]", value, maxsplit=1)[0])
    assert fields, "Voraussetzung: die Vorlagen setzen Metadaten"
    assert fields <= set(search_meta.META_WEIGHTS), sorted(fields - set(search_meta.META_WEIGHTS))
    ranking = json.loads(search_meta.ranking_json())
    assert ranking["metaWeights"]["verein"] > ranking["metaWeights"]["title"] > 0
