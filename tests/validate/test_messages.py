"""Turning pydantic errors into located German problems (validate_model + messages.py)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from generator.load.yaml_loader import load_yaml_text
from generator.models.club import Club
from generator.models.event import Event
from generator.models.page import PageMeta
from generator.models.town import Town
from generator.models.venue import Venue
from generator.problems import field_label
from generator.validate.records import validate_model

EVENT_HEAD = "title: Training\ncategory: sport\nvenue: halle\nstart: 2027-05-04 18:00\n"


def problems(model: type[BaseModel], text: str) -> list[str]:
    data, found = validate_model(model, load_yaml_text(text, "x.yml"))
    assert (data is None) == bool(found)
    return sorted(str(p) for p in found)


@pytest.mark.parametrize(
    ("loc", "label"),
    [
        ((), ""),
        (("title",), "title"),
        (("contact", "email"), "contact.email"),
        (("organizer", 1), "organizer[2]"),
        (("repeat", "changes", 0, "start"), "repeat.changes[1].start"),
    ],
)
def test_field_label_counts_list_entries_from_one(loc: tuple[str | int, ...], label: str) -> None:
    assert field_label(loc) == label


TABLE = [
    pytest.param(
        Event,
        EVENT_HEAD + "repeat:\n  freq: weekly\n  changes:\n    - date: 2027-05-11\n      nott: Halle\n",
        [
            "x.yml:9:7: repeat.changes[1].nott: Das Feld „nott“ gibt es hier nicht. Meinten Sie „note“? "
            "Erlaubt sind: date, start, end, title, venue, location, note."
        ],
        id="unknown-field-in-list-entry",
    ),
    pytest.param(
        Venue,
        "name: Halle\naddress:\n  street: Schulstraße 3\n  plz: 04916\n  city: Teststadt\n"
        "geo: {lat: 51.6, lng: 13.2}\n",
        [
            "x.yml:4:3: address.plz: Das Feld „plz“ gibt es hier nicht. Meinten Sie „postcode“? "
            "Erlaubt sind: street, postcode, city.",
            "x.yml:6:6: geo.lon: Das Pflichtfeld „lon“ (Längengrad) fehlt. Ergänzen Sie eine Zeile „lon: …“.",
            "x.yml:6:18: geo.lng: Das Feld „lng“ gibt es hier nicht. Meinten Sie „lon“? Erlaubt sind: lat, lon.",
        ],
        id="nested-missing-and-unknown",
    ),
    pytest.param(
        Event,
        EVENT_HEAD + "status: vielleicht\n",
        [
            "x.yml:5:9: status: „vielleicht“ ist hier nicht erlaubt. Erlaubt sind: scheduled oder geplant, "
            "cancelled oder abgesagt, postponed oder verschoben."
        ],
        id="enum",
    ),
    pytest.param(
        Event,
        EVENT_HEAD + "repeat:\n  freq: weekly\n  changes:\n    date: 2027-05-11\n",
        [
            "x.yml:8:5: repeat.changes: Hier wird eine Liste erwartet: [a, b] oder jeder Eintrag in einer eigenen "
            "Zeile mit „- “ davor."
        ],
        id="mapping-instead-of-list",
    ),
    pytest.param(
        Club,
        "name: Verein\ncategory: sport\nreviewed: 2026-10-01\ncontact: info@example.org\n",
        [
            "x.yml:4:10: contact: Hier werden eingerückte Unterfelder erwartet (z. B. role:, name:, email:), kein "
            "einzelner Wert. Schreiben Sie jedes Unterfeld in eine eigene, eingerückte Zeile."
        ],
        id="text-instead-of-mapping",
    ),
    pytest.param(
        Club,
        "name: Verein\ncategory: sport\nreviewed: 2026-10-01\ncontact:\n  - role: Vorstand\n  -\n  - {}\n",
        [
            "x.yml:6:4: contact[2]: Dieser Kontakt ist leer. Tragen Sie mindestens eines von role, name, email, "
            "phone oder website ein, oder löschen Sie den Eintrag.",
            "x.yml:7:5: contact[3]: Dieser Kontakt ist leer. Tragen Sie mindestens eines von role, name, email, "
            "phone oder website ein, oder löschen Sie den Eintrag.",
        ],
        id="empty-contact-in-list",
    ),
    pytest.param(
        Club,
        "name: Verein\ncategory: sport\nreviewed: 2026-10-01\ncontact:\n  - role: Vorstand\n  - phone: 12\n",
        [
            "x.yml:6:12: contact[2].phone: „12“ ist keine gültige Telefonnummer. Schreiben Sie nur Ziffern, "
            "Leerzeichen und + / - ( ), z. B. 03535 12345 oder +49 3535 12345."
        ],
        id="second-contact-located",
    ),
    pytest.param(
        Club,
        "name: Verein\ncategory: []\nreviewed: 2026-10-01\n",
        ["x.yml:2:11: category: Die Liste ist leer. Tragen Sie mindestens einen Eintrag ein."],
        id="empty-list",
    ),
    pytest.param(
        Event,
        EVENT_HEAD + "tags: [Grillen, {Musik: live}]\n",
        ["x.yml:5:17: tags[2]: Hier wird ein einfacher Text erwartet, keine Liste und keine Unterfelder."],
        id="mapping-in-text-list",
    ),
    pytest.param(
        PageMeta,
        "title: Seite\norder: erste\n",
        ["x.yml:2:8: order: „erste“ ist keine gültige Anzahl. Schreiben Sie eine ganze Zahl ab 1, z. B. 2."],
        id="page-order",
    ),
    pytest.param(
        Event,
        "- title: Training\n",
        [
            "x.yml:1:1: Die Datei muss aus Feldern bestehen (je Zeile „name: wert“), nicht aus einer Liste oder "
            "einem einzelnen Text."
        ],
        id="top-level-list",
    ),
    pytest.param(
        Event,
        "Training am Dienstag\n",
        [
            "x.yml:1:1: Die Datei muss aus Feldern bestehen (je Zeile „name: wert“), nicht aus einer Liste oder "
            "einem einzelnen Text."
        ],
        id="top-level-text",
    ),
    pytest.param(
        Event,
        "# nur ein Kommentar\n",
        ["x.yml:1:1: Die Datei ist leer. Tragen Sie die Felder ein (name: wert)."],
        id="empty",
    ),
]


@pytest.mark.parametrize(("model", "text", "expected"), TABLE)
def test_validation_problems(model: type[BaseModel], text: str, expected: list[str]) -> None:
    assert problems(model, text) == sorted(expected)


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = "titel: Training\ncategory: Sport\nvenue: halle\nstart: 21.05.2027\nfree: vielleicht\n"
    assert [p.split(": ", 2)[:2] for p in problems(Event, text)] == [
        ["x.yml:1:1", "titel"],
        ["x.yml:1:1", "title"],
        ["x.yml:2:11", "category"],
        ["x.yml:4:8", "start"],
        ["x.yml:5:7", "free"],
    ]


def test_town_missing_sections_name_their_german_title() -> None:
    found = problems(Town, "name: Teststadt\n")
    assert "x.yml:1:1: legal: Das Pflichtfeld „legal“ (Rechtliches) fehlt. Ergänzen Sie eine Zeile „legal: …“." in found
    assert (
        "x.yml:1:1: contact_point: Das Pflichtfeld „contact_point“ (Anlaufstelle) fehlt. Ergänzen Sie eine Zeile "
        "„contact_point: …“." in found
    )
