"""Which events and calls an editorial page lists, and which pages an event or call links back to."""

from __future__ import annotations

from generator.derive.related import Related

EVENT = """title: {title}
category: fest
venue: markt
start: 2027-06-19 14:00
tags: [{tags}]
"""
CALL = """title: Begleitung für den Bürgerrat
description: Kinder betreuen, Fahrdienste übernehmen.
time_commitment: einzelne Samstage
contact:
  email: info@example.org
expires: 2027-02-10
tags: [Bürgerrat, Fahrdienst]
"""


def test_related_lists_tagged_and_named_records_and_links_them_back(project) -> None:
    project.add("events/buergerrat-sitzung.yml", EVENT.format(title="Sitzung des Bürgerrats", tags="Bürgerrat"))
    project.add("events/stadtfest.yml", EVENT.format(title="Stadtfest", tags="Stadtfest, Musik"))
    project.add("events/konzert.yml", EVENT.format(title="Konzert", tags="Musik"))
    project.add("opportunities/begleitung.yml", CALL)
    project.add("pages/buergerrat.md", "---\ntitle: Bürgerrat\ntags: [BÜRGERRAT]\nevents: [stadtfest]\n---\n\nText.\n")
    project.add("pages/stadtfest-info.md", "---\ntitle: Stadtfest\ntags: Stadtfest\n---\n\nText.\n")
    project.add("pages/ohne.md", "---\ntitle: Ohne Liste\n---\n\nText.\n")
    site, report = project.load()
    assert site is not None, report.sorted()
    related = Related.of(site)
    assert related.events_of("buergerrat") == ["buergerrat-sitzung", "stadtfest"]
    assert related.opportunities_of("buergerrat") == ["begleitung"]
    assert related.events_of("stadtfest-info") == ["stadtfest"]
    assert related.opportunities_of("stadtfest-info") == []
    assert related.events_of("ohne") == related.opportunities_of("ohne") == []
    assert related.pages_of("events", "stadtfest") == ["buergerrat", "stadtfest-info"]
    assert related.pages_of("events", "buergerrat-sitzung") == ["buergerrat"]
    assert related.pages_of("opportunities", "begleitung") == ["buergerrat"]
    assert related.pages_of("events", "konzert") == []
