"""Participation pages name their events and calls (`tags`, `events`, `opportunities` in the page
header), and calls say how often help is needed (`commitment`): both checked with located German
messages."""

from __future__ import annotations

import pytest

from generator.models.opportunity import Commitment

EVENT = """title: Sitzung des Bürgerrats
category: fest
venue: markt
start: 2027-02-13 10:00
tags: [Bürgerrat, Innenstadt]
"""
OTHER_EVENT = """title: Stadtfest
category: fest
venue: markt
start: 2027-06-19 14:00
tags: [Stadtfest]
"""
CALL = """title: Begleitung für den Bürgerrat
description: Kinder betreuen, Fahrdienste übernehmen.
time_commitment: einzelne Samstage
commitment: {commitment}
contact:
  email: info@example.org
expires: 2027-02-10
tags: [Bürgerrat, Fahrdienst]
"""


def _page(header: str) -> str:
    return f"---\ntitle: Bürgerrat\n{header}---\n\nWie der Bürgerrat arbeitet.\n"


@pytest.fixture
def project(project):
    project.add("events/buergerrat-sitzung.yml", EVENT)
    project.add("events/stadtfest.yml", OTHER_EVENT)
    project.add("opportunities/begleitung.yml", CALL.format(commitment="gelegentlich"))
    return project


def test_tags_ids_and_every_spelling_of_the_commitment_are_accepted(project) -> None:
    # a tag matches whatever its case and spacing; „regelmäßig“ is stored as its ASCII value
    project.add("pages/buergerrat.md", _page("tags: [ bürgerrat ]\nevents: stadtfest\nopportunities: [begleitung]\n"))
    for written, stored in [("regelmäßig", Commitment.regular), ("Einmalig", Commitment.once)]:
        project.add("opportunities/begleitung.yml", CALL.format(commitment=written))
        site, report = project.load()
        assert not report.sorted()
        assert site is not None and site.opportunities["begleitung"].data.commitment is stored


def test_unknown_tags_and_ids_are_located_with_a_suggestion_when_it_is_clear(project) -> None:
    project.add(
        "pages/buergerrat.md",
        _page("tags: [Buergerat, Stadtrat]\nevents: [buergerrat-sitzungen]\nopportunities: begleitungen\n"),
    )
    path = "content/pages/buergerrat.md"
    nothing = "steht bei keiner Veranstaltung und keinem Engagement-Angebot; die Seite würde dazu nichts zeigen."
    project.assert_problems(
        [
            f"{path}:3:8: tags[1]: Das Schlagwort „Buergerat“ {nothing} Meinten Sie „Bürgerrat“?",
            f"{path}:3:19: tags[2]: Das Schlagwort „Stadtrat“ {nothing} Schreiben Sie es so, wie es bei „tags“ "
            "eines Termins oder Angebots steht, oder löschen Sie es.",
            f"{path}:4:10: events[1]: Eine Veranstaltung mit der Kennung „buergerrat-sitzungen“ gibt es nicht (es "
            "gibt keine Datei content/events/buergerrat-sitzungen.yml). Meinten Sie „buergerrat-sitzung“?",
            f"{path}:5:16: opportunities: Ein Engagement-Angebot mit der Kennung „begleitungen“ gibt es nicht (es "
            "gibt keine Datei content/opportunities/begleitungen.yml). Meinten Sie „begleitung“?",
        ]
    )


def test_an_unknown_commitment_names_the_three_words(project) -> None:
    project.add("opportunities/begleitung.yml", CALL.format(commitment="oft"))
    project.assert_problems(
        [
            "content/opportunities/begleitung.yml:4:13: commitment: „oft“ ist hier nicht erlaubt. Erlaubt sind: "
            "einmalig, gelegentlich oder regelmäßig (auch regelmaessig)."
        ]
    )
