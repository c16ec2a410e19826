"""An event page's key follows the clubs it names among its organisers (build/fingerprints.py):
an incremental build makes the page again when such a club changes, and only then."""

from __future__ import annotations

from small_town import TODAY, small_town

from generator.build.fingerprints import Fingerprints
from generator.derive.catalog import Catalog

MIXED = """\
title: Sportfest
organizer:
  - stadt
  - name: Schule am Park
  - turnverein
category: sport
venue: markt
start: 2027-05-21 15:00
"""


def _keys(project) -> dict[str, str]:
    site = small_town(project)
    fingerprints = Fingerprints(site, Catalog.build(site, TODAY), "build")
    return {event_id: fingerprints.event(event_id) for event_id in ("sportfest", "weihnachtsmarkt", "lichterfest")}


def test_an_event_page_is_made_again_when_a_club_among_its_organisers_changes(project) -> None:
    project.add("events/sportfest.yml", MIXED)
    before = _keys(project)
    club = project.content / "clubs" / "turnverein.yml"
    club.write_text(club.read_text(encoding="utf-8").replace("name: ", "name: Neuer ", 1), encoding="utf-8")
    after = _keys(project)
    assert after["sportfest"] != before["sportfest"]
    assert after["weihnachtsmarkt"] == before["weihnachtsmarkt"]  # the town and a school: no club
    assert after["lichterfest"] == before["lichterfest"]  # no organiser


def test_an_event_page_is_made_again_when_its_own_organisation_changes(project) -> None:
    project.add("events/sportfest.yml", MIXED)
    before = _keys(project)
    project.add("events/sportfest.yml", MIXED.replace("Schule am Park", "Schule am Stadtpark"))
    assert _keys(project)["sportfest"] != before["sportfest"]
