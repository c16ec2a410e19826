""" "Ich helfe mit" (outputs/pages/volunteer.py): the prepared e-mail and the number to call."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from generator.outputs.pages.volunteer import help_offer, mailto

CALL = """title: Lesepatin & Lesepate gesucht
description: Vorlesen in der Grundschule.
time_commitment: 1 Stunde pro Woche
contact:
{contact}
expires: 2027-07-09
"""


def _decoded(address: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(address)
    assert parts.scheme == "mailto"
    query = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    return unquote(parts.path), query


def _offer(project, contact: str, contact_point: str = ""):
    if contact_point:
        town = (project.content / "town.yml").read_text(encoding="utf-8")
        project.add("town.yml", town.replace("  venue: rathaus\n", f"{contact_point}  venue: rathaus\n", 1))
    project.add("opportunities/lesepaten.yml", CALL.format(contact=contact))
    site, report = project.load()
    assert site is not None, report.sorted()
    return help_offer(site, site.opportunities["lesepaten"])


def test_mailto_follows_rfc_6068() -> None:
    address = mailto("info@example.org", "Ich helfe mit: A & B", "Zeile 1\nZeile 2 + mehr")
    assert address.startswith("mailto:info@example.org?subject=")
    assert "+" not in address and " " not in address  # a + would read as a plus sign, not a space
    assert "%0D%0A" in address and "&body=" in address
    assert _decoded(address) == (
        "info@example.org",
        {"subject": "Ich helfe mit: A & B", "body": "Zeile 1\r\nZeile 2 + mehr"},
    )


def test_the_call_s_own_contact_gets_the_message(project) -> None:
    offer = _offer(project, "  name: Freundeskreis\n  email: lesen@example.org\n  phone: 03535 000 201")
    to, query = _decoded(offer.mailto)
    assert to == "lesen@example.org"
    assert query["subject"] == "Ich helfe mit: Lesepatin & Lesepate gesucht"
    body = query["body"]
    assert body.startswith("Guten Tag,\r\n") and body.endswith("Mit freundlichen Grüßen")
    assert "https://engagiert.example.org/mitmachen/lesepaten/" in body
    assert "„Engagiert in Teststadt“" in body
    assert (offer.recipient, offer.via_contact_point, offer.phone) == ("Freundeskreis", False, "03535 000 201")


def test_without_a_phone_number_none_is_offered(project) -> None:
    offer = _offer(project, "  email: lesen@example.org", "  phone: 03535 000 100\n")
    assert offer.phone is None  # the contact point's number would not reach the club
    assert offer.recipient == "Stadt Teststadt"  # no name, no organiser: the town calls


def test_without_an_e_mail_address_the_contact_point_passes_it_on(project) -> None:
    offer = _offer(project, "  phone: 03535 000 201", "  email: anlauf@example.org\n  phone: 03535 000 100\n")
    assert _decoded(offer.mailto)[0] == "anlauf@example.org"
    assert (offer.recipient, offer.via_contact_point, offer.phone) == ("Anlaufstelle", True, "03535 000 201")
    offer = _offer(project, "  name: Freundeskreis")
    assert (offer.via_contact_point, offer.phone) == (True, "03535 000 100")  # nothing of its own: call there


def test_without_any_address_the_town_s_own_is_the_last_resort(project) -> None:
    offer = _offer(project, "  name: Freundeskreis")
    assert _decoded(offer.mailto)[0] == "stadt@example.org"  # legal.email, which town.yml must have
    assert offer.phone is None
