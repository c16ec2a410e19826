"""Event organisers (models/organizers.py, validate/references.py): clubs, the town, other organisations.

Each case writes one event (or club) into the minimal fixture project (club ``turnverein`` "Turnverein
Teststadt e. V.", venue ``markt``) and expects exactly these located German problems.
"""

from __future__ import annotations

import pytest

from generator.models.event import Event
from generator.models.organizers import NamedOrganizer

EVENT = "title: Sommerfest\n{organizer}category: fest\nvenue: markt\nstart: 2027-05-21 15:00\n"
AT = "content/events/fest.yml"
DOUBLED = "steht doppelt unter „organizer“. Nennen Sie jeden Veranstalter nur einmal."


@pytest.mark.parametrize(
    ("organizer", "expected"),
    [
        pytest.param(
            "organizer: [turnverein, gartenfreunde-ost]\n",
            f"{AT}:2:25: organizer[2]: Einen Verein mit der Kennung „gartenfreunde-ost“ gibt es nicht (es gibt "
            "keine Datei content/clubs/gartenfreunde-ost.yml). Lädt die Stadt selbst ein, schreiben Sie „stadt“; "
            "eine Organisation ohne eigenen Eintrag schreiben Sie mit ihrem Namen als „- name: …“ (dazu, wenn Sie "
            "mögen, website, email, phone).",
            id="unknown-id",
        ),
        pytest.param(
            "organizer: statd\n",
            f"{AT}:2:12: organizer: Einen Verein mit der Kennung „statd“ gibt es nicht (es gibt keine Datei "
            "content/clubs/statd.yml). Meinten Sie „stadt“?",
            id="town-misspelt",
        ),
        pytest.param(
            "organizer:\n  - turnverein\n  - website: https://schule.example.org/\n    email: info@example.org\n",
            f"{AT}:4:5: organizer[2].name: Das Pflichtfeld „name“ (Name der Einrichtung) fehlt. "
            "Ergänzen Sie eine Zeile „name: …“.",
            id="mapping-without-name",
        ),
        pytest.param(
            "organizer:\n  - turnverein\n  - name: Schule am Park\n  - name: schule  am PARK\n",
            f"{AT}:5:5: organizer[3]: „schule  am PARK“ {DOUBLED}",
            id="name-doubled",
        ),
        pytest.param(
            "organizer: [stadt, turnverein, stadt]\n", f"{AT}:2:32: organizer[3]: „stadt“ {DOUBLED}", id="id-doubled"
        ),
        pytest.param(
            "organizer:\n  - name: Turnverein Teststadt e. V.\n",
            f"{AT}:3:11: organizer[1].name: „Turnverein Teststadt e. V.“ steht im Vereinsverzeichnis. Schreiben "
            "Sie statt des Namens die Kennung „turnverein“, dann verlinkt die Seite auf den Verein.",
            id="club-written-as-name",
        ),
        pytest.param(
            "organizer:\n  - [turnverein]\n",
            f"{AT}:3:5: organizer[1]: Hier steht eine Liste in der Liste. Ein Veranstalter ist eine Kennung (ein "
            "Verein oder „stadt“) oder eine Einrichtung mit „name: …“; schreiben Sie jeden in eine eigene Zeile mit "
            "„- “ davor.",
            id="list-in-list",
        ),
    ],
)
def test_a_wrong_organizer_is_reported_where_it_is_written(project, organizer: str, expected: str) -> None:
    project.add("events/fest.yml", EVENT.format(organizer=organizer))
    project.assert_problems([expected])


def test_fields_of_an_organisation_are_checked_like_any_other(project) -> None:
    organizer = "organizer:\n  - name: Schule am Park\n    url: https://schule.example.org/\n    email: kein-at\n"
    project.add("events/fest.yml", EVENT.format(organizer=organizer))
    project.assert_problems(
        [
            f"{AT}:4:5: organizer[1].url: Das Feld „url“ gibt es hier nicht. Meinten Sie „website“? "
            "Erlaubt sind: name, website, email, phone.",
            f"{AT}:5:12: organizer[1].email: „kein-at“ ist keine gültige E-Mail-Adresse, z. B. info@example.org.",
        ]
    )


def test_a_club_file_may_not_take_the_reserved_word(project) -> None:
    project.add("clubs/stadt.yml", "name: Stadtverwaltung\ncategory: fest\nreviewed: 2026-10-01\n")
    project.assert_problems(
        [
            "content/clubs/stadt.yml:1:1: Der Dateiname „stadt.yml“ ist reserviert: „organizer: stadt“ bei einem "
            "Termin bedeutet „die Stadt lädt ein“. Benennen Sie die Datei um, z. B. in „stadtverwaltung.yml“, und "
            "ändern Sie die Verweise darauf."
        ]
    )


@pytest.mark.parametrize(
    "organizer",
    [
        "organizer:\n",  # written, but empty
        "organizer:\n  - stadt\n  - turnverein\n  - {name: Schule am Park, phone: 03535 12345}\n",
        "organizer:\n  name: Schule am Park\n  website: https://schule.example.org/\n",  # one, without a list
        "organizer: stadt\n",
        "",
    ],
)
def test_clubs_the_town_and_organisations_may_be_written_together(project, organizer: str) -> None:
    project.add("events/fest.yml", EVENT.format(organizer=organizer))
    project.assert_problems([])


BASE = {"title": "Fest", "category": "fest", "venue": "markt", "start": "2027-05-21"}


@pytest.mark.parametrize("written", [None, [], "", "  "])
def test_nothing_written_is_no_organizer(written) -> None:
    if isinstance(written, str):  # an empty text is a broken id, not "no organiser"
        with pytest.raises(ValueError, match="keine gültige Kennung"):
            Event.model_validate({**BASE, "organizer": written})
        return
    event = Event.model_validate({**BASE, "organizer": written})
    assert event.organizer == [] and event.club_ids == [] and event.named_organizers == []


def test_entries_keep_their_order_and_kind() -> None:
    event = Event.model_validate(
        {**BASE, "organizer": ["turnverein", "stadt", {"name": " Schule am Park ", "email": "mailto:a@b.de"}, "chor"]}
    )
    school = NamedOrganizer(name="Schule am Park", email="a@b.de")
    assert event.organizer == ["turnverein", "stadt", school, "chor"]
    assert event.club_ids == ["turnverein", "chor"]  # not the town, not the school
    assert event.named_organizers == [school]
