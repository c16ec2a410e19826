"""The built sample's open data, news feeds, QR codes, printouts and widget (files; the widget also in Chromium).

Page types (widget pages, notice, monthly programme, "Daten und Einbindung") get the axe-core and
no-other-host checks through ``PAGE_TYPES`` in site_under_test.py (test_page_types.py).
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import feedparser
from jsonschema import Draft202012Validator, FormatChecker
from playwright.sync_api import Page, expect
from qr_decode import decode_qr
from site_under_test import ROOT, TODAY, NetworkLog, SiteServer

from generator import urls
from generator.build.run import run_stages
from generator.content import load_site
from generator.outputs.exports import shapes
from generator.outputs.exports.csv_export import CLUB_COLUMNS, EVENT_COLUMNS
from generator.progress import Progress
from generator.project import Project

SITE_URL = "https://engagiert-herzberg.example.org/"


def test_every_json_file_validates_against_its_published_schema(built_site: Path) -> None:
    folder = built_site / "api" / "v1"
    names = sorted(p.stem for p in folder.glob("*.json"))
    assert names == sorted(shapes.ENDPOINTS)
    for name in names:
        schema = json.loads((built_site / urls.api_schema(name)).read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == SITE_URL + urls.api_schema(name)
        Draft202012Validator.check_schema(schema)
        document = json.loads((built_site / urls.api(name)).read_text(encoding="utf-8"))
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{name}: " + "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
        assert document["generated"] == TODAY
    index = json.loads((built_site / urls.api("index")).read_text(encoding="utf-8"))
    for entry in index["files"]:
        assert (built_site / entry["url"].removeprefix(SITE_URL)).is_file(), entry["url"]


def test_csv_downloads_open_in_excel(built_site: Path) -> None:
    for name, columns in (("vereine", CLUB_COLUMNS), ("veranstaltungen", EVENT_COLUMNS)):
        data = (built_site / urls.csv_file(name)).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), name
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
        assert tuple(rows[0]) == columns
        assert len(rows) > 50 and all(len(row) == len(columns) for row in rows), name


def test_news_feeds_parse_and_are_announced(built_site: Path) -> None:
    for path, version in ((urls.news_rss(), "rss20"), (urls.news_atom(), "atom10")):
        parsed = feedparser.parse((built_site / path).read_bytes())
        assert not parsed.bozo and parsed.version == version, path
        assert 10 <= len(parsed.entries) <= 50
        assert all(e.link.startswith(SITE_URL) for e in parsed.entries)
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel=" alternate" type="application/rss+xml"' in home  # the words of rel: "alternate"


def test_qr_codes_on_pages_decode_to_the_page_address(built_site: Path, tmp_path: Path) -> None:
    event = sorted(p.parent.name for p in (built_site / "veranstaltungen").glob("*/qr.svg"))[0]
    club = sorted(p.parent.name for p in (built_site / "vereine").glob("*/qr.svg"))[0]
    for page in (urls.event(event), urls.club(club), urls.subscribe()):
        assert decode_qr((built_site / urls.qr(page)).read_bytes(), tmp_path) == SITE_URL + page
    html = (built_site / urls.event(event) / "index.html").read_text(encoding="utf-8")
    assert re.search(
        rf'<img src="qr.svg" alt="QR-Code mit der Adresse dieser Seite: {SITE_URL}{urls.event(event)}"', html
    )
    poster = (built_site / urls.poster(event) / "index.html").read_text(encoding="utf-8")
    assert '<img src="../qr.svg"' in poster and "size: A4" in poster
    assert f'href="{urls.relative(urls.poster(event), urls.event(event))}"' in html
    month = sorted(p.parent.name for p in (built_site / "monate").glob("*/programm"))[0]
    programme = (built_site / urls.programme(month) / "index.html").read_text(encoding="utf-8")
    assert '<img src="../../../kalender/qr.svg"' in programme and "size: A4" in programme


def test_club_page_shows_the_widget_snippets_with_absolute_addresses(built_site: Path) -> None:
    html = (built_site / urls.club("heimatverein-herzberg") / "index.html").read_text(encoding="utf-8")
    assert "<details" in html and "Termine des Vereins auf der eigenen Webseite zeigen" in html
    assert f"&lt;iframe src=&#34;{SITE_URL}widget/verein/heimatverein-herzberg/&#34;" in html
    assert f"&lt;script src=&#34;{SITE_URL}widget/widget.js&#34; defer&gt;&lt;/script&gt;" in html


def test_extras_are_byte_identical_when_built_again(built_site: Path, tmp_path: Path) -> None:
    """Two builds with the same --today: every file of issue 7 (and every other) comes out the same."""
    site, _ = load_site(Project(ROOT))
    assert site is not None
    again, work = tmp_path / "site", tmp_path / "work"
    again.mkdir()
    work.mkdir()
    result = run_stages(Project(ROOT), site, date.fromisoformat(TODAY), again, work, Progress(interactive=False))
    assert result.summary.files["Offene Daten, Widget, QR-Codes, Aushänge"] > 500
    for path in (p for p in again.rglob("*") if p.is_file()):
        relative = path.relative_to(again)
        assert (built_site / relative).read_bytes() == path.read_bytes(), relative


def test_widget_script_puts_the_club_widget_on_another_page(page: Page, site_server: SiteServer) -> None:
    """A club's website includes widget.js: the iframe appears, shows the dates, and nothing else is loaded."""
    network = NetworkLog(site_server.host).attach(page)
    page.goto(site_server.url("daten/"))  # any page of the server as the "club website"
    page.set_content(
        '<!doctype html><html lang="de"><title>Verein</title><main>'
        '<div data-engagiert-verein="heimatverein-herzberg" data-titel="Termine: Heimatverein">'
        '<a href="#">Termine im Portal</a></div>'
        f'<script src="{site_server.url(urls.widget_script())}"></script></main></html>'
    )
    frame = page.locator('iframe[title="Termine: Heimatverein"]')
    expect(frame).to_have_attribute("src", site_server.url(urls.widget_club("heimatverein-herzberg")))
    content = page.frame_locator('iframe[title="Termine: Heimatverein"]')
    expect(content.locator("h1")).to_have_text("Termine: Heimatverein Herzberg e. V.")
    expect(content.locator("li").first).to_be_visible()
    assert content.locator("base").get_attribute("target") == "_top"
    network.settle(page)
    assert not network.foreign
