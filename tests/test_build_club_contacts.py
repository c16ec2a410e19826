"""A club with several contacts and addresses, through the whole build: page, JSON, CSV, JSON-LD.

The expected values come from the sample's YAML (SV Elstertal names two contacts and two
addresses), so the test follows the content rather than repeating it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import urls
from generator.load.yaml_loader import load_yaml_file
from generator.models.club import Club

ROOT = Path(__file__).resolve().parent.parent
CLUB_ID = "sv-elstertal-herzberg"


@pytest.fixture(scope="module")
def club() -> Club:
    path = ROOT / "content" / "clubs" / f"{CLUB_ID}.yml"
    data = Club.model_validate(load_yaml_file(path, path.name).data)
    assert len(data.contacts) >= 2 and len(data.addresses) >= 2, "the sample club should keep several of each"
    return data


class _Contacts(HTMLParser):
    """The blocks of `.eg-contacts`: per block its heading text and the links (href, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[dict] = []
        self._depth = 0  # >0 while inside .eg-contacts
        self._heading = False
        self._link: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self._depth:
            self._depth += tag == "div"
        elif "eg-contacts" in classes:
            self._depth = 1
            return
        if not self._depth:
            return
        if "eg-contact-card" in classes:
            self.blocks.append({"heading": "", "links": [], "text": ""})
        elif tag == "h3":
            self._heading = True
        elif tag == "a":
            self._link = dict(attrs).get("href")
            self.blocks[-1]["links"].append([self._link, ""])

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        if tag == "div":
            self._depth -= 1
        elif tag == "h3":
            self._heading = False
        elif tag == "a":
            self._link = None

    def handle_data(self, data: str) -> None:
        if not self._depth or not self.blocks:
            return
        data = data.replace("\xad", "")  # soft hyphens of long headings
        block = self.blocks[-1]
        block["text"] += data
        if self._heading:
            block["heading"] += data
        if self._link is not None:
            block["links"][-1][1] += data


def _dialled(phone: str) -> str:
    return "tel:" + ("+" if phone.startswith("+") else "") + re.sub(r"\D", "", phone)


def test_club_page_shows_every_contact_with_links_that_dial_and_write(sample_site: Path, club: Club) -> None:
    page = sample_site / urls.club(CLUB_ID).strip("/") / "index.html"
    parser = _Contacts()
    parser.feed(page.read_text(encoding="utf-8"))
    assert len(parser.blocks) == len(club.contacts)
    for block, contact in zip(parser.blocks, club.contacts, strict=True):
        assert block["heading"] == (contact.role or contact.name)
        links = {href: text for href, text in block["links"]}
        if contact.email:
            assert links[f"mailto:{contact.email}"] == contact.email
        if contact.phone:
            assert links[_dialled(contact.phone)] == contact.phone
        if contact.website:
            assert links[contact.website] == contact.website
    html = page.read_text(encoding="utf-8")
    for address in club.addresses:
        assert f"{address.label}:<br>{address.street}, {address.postcode} {address.city}" in html


def test_open_data_lists_every_contact_and_keeps_the_first_where_it_was(sample_site: Path, club: Club) -> None:
    clubs = json.loads((sample_site / "api" / "v1" / "clubs.json").read_text(encoding="utf-8"))
    item = next(entry for entry in clubs["items"] if entry["id"] == CLUB_ID)
    expected = [contact.model_dump() for contact in club.contacts]
    assert item["contacts"] == expected
    assert item["contact"] == expected[0]
    assert [(a["label"], a["street"]) for a in item["addresses"]] == [(a.label, a.street) for a in club.addresses]
    assert item["address"] == {k: v for k, v in item["addresses"][0].items() if k != "label"}

    table = (sample_site / "api" / "v1" / "vereine.csv").read_text(encoding="utf-8-sig")
    rows = {row["Kennung"]: row for row in csv.DictReader(io.StringIO(table), delimiter=";")}
    row = rows[CLUB_ID]
    assert row["E-Mail"] == club.contacts[0].email
    others = row["Weitere Kontakte"].split(" | ")
    assert len(others) == len(club.contacts) - 1
    for text, contact in zip(others, club.contacts[1:], strict=True):
        assert all(part in text for part in (contact.email, contact.phone) if part)
    assert row["Straße"] == club.addresses[0].street
    assert row["Weitere Adressen"].split(" | ") == [
        f"{a.label}: {a.street}, {a.postcode} {a.city}" for a in club.addresses[1:]
    ]


def test_structured_data_names_every_contact_point_and_address(sample_site: Path, club: Club) -> None:
    html = (sample_site / urls.club(CLUB_ID).strip("/") / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    organization = next(data for data in map(json.loads, scripts) if data.get("@type") == "Organization")
    points = organization["contactPoint"]
    assert [(p.get("contactType"), p.get("telephone")) for p in points] == [(c.role, c.phone) for c in club.contacts]
    assert [a["streetAddress"] for a in organization["address"]] == [a.street for a in club.addresses]
    assert organization["email"] == club.contacts[0].email
