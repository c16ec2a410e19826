"""Mitmachen in the built sample: participation pages list their dates and calls, every call
offers "Ich helfe mit", and the list carries what its filters match. Expected values come from
the content (loaded and derived as the build does), not from counts written down here."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sample_build import ROOT, TODAY

from generator import urls
from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.derive.related import Related
from generator.models.opportunity import Opportunity
from generator.models.site import Site
from generator.outputs.hyphenation import without_soft_hyphens
from generator.outputs.pages.render import PAGE_DATES
from generator.project import Project


def call_district(site: Site, call: Opportunity) -> str | None:
    """The reference for the expected values: a call's own Ortsteil, else its venue's as written."""
    if call.district:
        return call.district
    venue = site.venues.get(call.venue) if call.venue else None
    return venue.data.district if venue else None


@pytest.fixture(scope="module")
def content() -> tuple[Site, Catalog, Related]:
    site, report = load_site(Project(ROOT))
    assert site is not None, report.sorted()
    return site, Catalog.build(site, date.fromisoformat(TODAY)), Related.of(site)


def _html(site_dir: Path, url: str) -> str:
    return without_soft_hyphens((site_dir / url / "index.html").read_text(encoding="utf-8"))


def _section(page: str, heading_id: str) -> str:
    match = re.search(rf'<section class="eg-related" aria-labelledby="{heading_id}".*?</section>', page, re.DOTALL)
    assert match, f"no section {heading_id}"
    return match.group(0)


def _links(fragment: str) -> list[str]:
    return re.findall(r'<a class="eg-item__title" href="([^"]+)"', fragment)


@pytest.mark.parametrize("page_id", ["buergerrat", "stadtmacher", "freiwilligenagentur"])
def test_participation_pages_list_their_upcoming_dates_and_open_calls(sample_site: Path, content, page_id) -> None:
    _, catalog, related = content
    page = _html(sample_site, urls.page(page_id))
    dates = catalog.future(
        sorted((i for e in related.events_of(page_id) for i in catalog.by_event[e]), key=lambda i: i.sort_key)
    )
    assert dates, f"{page_id}: the sample should list dates"
    expected = [urls.relative(urls.event(item.event.id), urls.page(page_id)) for item in dates[:PAGE_DATES]]
    assert _links(_section(page, "termine-zur-seite")) == expected
    calls = [o for o in catalog.open_opportunities() if o.id in related.opportunities_of(page_id)]
    if related.opportunities_of(page_id):
        expected_calls = [urls.relative(urls.opportunity(o.id), urls.page(page_id)) for o in calls]
        assert _links(_section(page, "aufrufe-zur-seite")) == expected_calls
    else:
        assert 'aria-labelledby="aufrufe-zur-seite"' not in page


def test_the_buergerrat_page_shows_its_five_sessions_and_its_call(sample_site: Path, content) -> None:
    site, catalog, _ = content
    dates = _section(_html(sample_site, urls.page("buergerrat")), "termine-zur-seite")
    sessions = catalog.future(catalog.by_event["buergerrat-sitzung"])
    assert len(sessions) == 5
    assert dates.count('href="../veranstaltungen/buergerrat-sitzung/"') == len(sessions)
    for item in sessions:  # each date as it takes place (the June session moved by a week)
        assert f"{item.occurrence.start.day}. " in dates
    assert 'href="../veranstaltungen/tag-der-innenstadtbelebung/"' in dates
    calls = _section(_html(sample_site, urls.page("buergerrat")), "aufrufe-zur-seite")
    assert _links(calls) == ["../mitmachen/mitglieder-buergerrat-begleitung/"]
    assert site.opportunities["mitglieder-buergerrat-begleitung"].data.title in html.unescape(calls)


def test_the_stadtmacher_keyword_leads_to_its_dates_and_listed_records_link_back(sample_site: Path, content) -> None:
    site, _, related = content
    tagged = sorted(e.id for e in site.events.values() if "Stadtmacher" in e.data.tags)
    assert len(tagged) >= 5 and related.events_of("stadtmacher") == tagged
    page = html.unescape(_html(sample_site, urls.page("stadtmacher")))
    assert "im Kalender unter dem Schlagwort" not in page  # the old pointer to a keyword without a page
    for event_id in tagged:
        belongs = re.search(r"<dt>Gehört zu</dt>\n<dd>(.*?)</dd>", _html(sample_site, urls.event(event_id)))
        assert belongs and '<a href="../../stadtmacher/">Stadtmacherinnen und Stadtmacher</a>' in belongs.group(1)
    founding = _html(sample_site, urls.event("gruendungstreffen-freiwilligenagentur"))
    assert 'href="../../freiwilligenagentur/">Freiwilligenagentur Herzberg</a>' in founding
    call = _html(sample_site, urls.opportunity("mitglieder-buergerrat-begleitung"))
    assert 'href="../../buergerrat/">' in call
    assert "Gehört zu" not in _html(sample_site, urls.event("chorprobe"))


def test_every_call_opens_with_ich_helfe_mit(sample_site: Path, content) -> None:
    site, catalog, _ = content
    point = site.town.contact_point
    for record in catalog.open_opportunities():
        page = _html(sample_site, urls.opportunity(record.id))
        match = re.search(
            r'<a class="md-button md-button--primary eg-help__button" href="([^"]+)">Ich helfe mit</a>', page
        )
        assert match, record.id
        assert match.start() < page.index('<dl class="eg-facts"'), "the button comes before the facts"
        address = urlsplit(html.unescape(match.group(1)))
        contact = record.data.contact
        assert address.scheme == "mailto" and address.path == (contact.email or point.email)
        assert parse_qs(address.query)["subject"] == [f"Ich helfe mit: {record.data.title}"]
        help_box = page[match.start() : page.index('<dl class="eg-facts"')]
        phone = contact.phone or (point.phone if not contact.email else None)
        if phone:
            assert 'href="tel:' in help_box and phone in help_box
        else:
            assert "tel:" not in help_box


def test_the_list_shows_and_carries_what_the_filters_match(sample_site: Path, content) -> None:
    site, catalog, _ = content
    page = _html(sample_site, urls.opportunities())
    items = re.findall(r'<li class="eg-item eg-call"(.*?)</li>', page, re.DOTALL)
    calls = catalog.open_opportunities()
    assert len(items) == len(calls)
    for record, item in zip(calls, items, strict=True):
        call = record.data
        district = call_district(site, call)
        attributes = dict(re.findall(r' data-([a-z]+)="([^"]*)"', item.split(">", 1)[0]))
        assert attributes == {
            "category": call.category or "",
            "district": district or "",
            "commitment": call.commitment.value if call.commitment else "",
            "audiences": " ".join(call.audiences),
        }
        text = html.unescape(item)
        organisers = [site.clubs[c].data.name for c in call.organizer] or [site.town.organizer_name]
        assert all(name in text for name in organisers) and call.title in text and call.time_commitment in text
        if district:
            assert site.town.district_label(district) in text
    for name in ("category", "district", "commitment", "audiences"):
        assert f'<select id="filter-{name}" name="{name}">' in page
