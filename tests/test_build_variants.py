"""Valid content always builds, whatever optional fields change the frame of its pages (issue 15).

Record pages share frames built by MkDocs (`render/shells.py`); a page with a picture (og:image)
has another frame than one without. The sample here gives a third of the clubs and events one of
two pictures and adds, for every kind of record, several with very long titles (some pictured)
and several with nothing but the required fields. It is built once with the real CLI; every
record page must carry its own title, URL and picture, and equal byte for byte the page MkDocs
builds for it alone.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from markupsafe import escape
from PIL import Image

from generator import urls
from generator.cli import main
from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.derive.pictures import Pictures
from generator.models.site import Site
from generator.outputs.frame import frame_site
from generator.outputs.frame.page_source import PageSource
from generator.outputs.frame.shells import ShellPlan
from generator.outputs.frame.typeset import LONG_TITLE
from generator.outputs.hyphenation import SOFT_HYPHEN, without_soft_hyphens
from generator.outputs.pages.render import PageRenderer
from generator.project import Project

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 1)
PICTURES = ("vereinsleben.png", "festwiese.png")
SIDE = 3
"""Every third club and event gets a picture."""


@dataclass(frozen=True)
class Expected:
    """What the frame of one record's page must show."""

    url: str
    title: str
    picture: str | None
    description: str | None = None
    """Checked where the test chose a one-line description."""
    alt: str | None = None
    """The picture's alt text where it is not the test's own „Bild für …“ (the sample's pictures)."""


def _png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def _image(src: str) -> str:
    return f"image:\n  src: {src}\n  alt: Bild für {src}\n"


def _long_title(word: str) -> str:
    """About 240 characters, with what must be escaped in the frame (&, <, quotes)."""
    title = f"{word}: Großes Fest & Flohmarkt „<Herzberg> hilft“ – "
    while len(title) < 230:
        title += "mit Musik, Kuchen, Spielen und vielen Nachbarinnen und Nachbarn aus allen Ortsteilen, "
    return title[:240].strip()


def _minimal_title(label: str, number: int) -> str:
    """The second one quotes as a text pasted through Windows-1252 does (C1 controls: „ “)."""
    return f"{label} {number}" + (" \x84Zitat\x93" if number == 2 else "")


def _quoted(text: str) -> str:
    """A double-quoted YAML string; control characters as escapes, as YAML allows no others."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub("[\x7f-\x9f]", lambda found: f"\\x{ord(found[0]):02x}", escaped) + '"'


def _picture_sample_records(root: Path, site: Site, expected: list[Expected]) -> None:
    """A picture for every third club and event of the sample, alternating between the two; a record
    with a picture of its own (the sample's drawings) keeps it."""
    for folder, records, title_of, url_of in (
        ("clubs", site.clubs, lambda data: data.name, urls.club),
        ("events", site.events, lambda data: data.title, urls.event),
    ):
        for index, record_id in enumerate(sorted(records)):
            own = records[record_id].data.image
            if own is not None:
                expected.append(Expected(url_of(record_id), title_of(records[record_id].data), own.src, alt=own.alt))
                continue
            picture = PICTURES[(index // SIDE) % 2] if index % SIDE == 0 else None
            if picture is not None:
                path = next((root / "content" / folder).rglob(f"{record_id}.yml"))
                _write(path, path.read_text(encoding="utf-8"), picture)
            expected.append(Expected(url_of(record_id), title_of(records[record_id].data), picture))


def _write(path: Path, text: str, picture: str | None = None) -> None:
    path.write_text(text + (_image(picture) if picture else ""), encoding="utf-8")


def _add_variant_records(root: Path, expected: list[Expected]) -> None:
    """Long titles and records without any optional part, several of each kind, some pictured."""
    content = root / "content"
    for number in range(1, 4):
        picture = PICTURES[number % 2] if number != 3 else None
        title, about = _long_title(f"Verein {number}"), f"Beschreibung Verein {number}"
        _write(
            content / f"clubs/langer-verein-{number}.yml",
            f"name: {_quoted(title)}\ncategory: kultur\nreviewed: 2026-06-01\ndescription: {about}\n",
            picture,
        )
        expected.append(Expected(urls.club(f"langer-verein-{number}"), title, picture, about))
        minimal = _minimal_title("Kleiner Verein", number)
        _write(
            content / f"clubs/kleiner-verein-{number}.yml",
            f"name: {_quoted(minimal)}\ncategory: [sport]\nreviewed: 2026-06-01\n",
            picture,
        )
        expected.append(Expected(urls.club(f"kleiner-verein-{number}"), minimal, picture))

        title, about = _long_title(f"Fest {number}"), f"Beschreibung Fest {number}"
        _write(
            content / f"events/langes-fest-{number}.yml",
            f"title: {_quoted(title)}\norganizer: langer-verein-{number}\ncategory: fest\n"
            f"venue: stadtkirche-st-marien\nstart: 2027-0{number}-10 15:00\ndescription: {about}\n",
            picture,
        )
        expected.append(Expected(urls.event(f"langes-fest-{number}"), title, picture, about))
        minimal = _minimal_title("Kleines Treffen", number)  # its place names its district (models/districts.py)
        _write(
            content / f"events/kleines-treffen-{number}.yml",
            f"title: {_quoted(minimal)}\ncategory: fest\nlocation: {{name: Dorfplatz Mahdel}}\n"
            f"start: 2027-0{number}-11\n",
            picture,
        )
        expected.append(Expected(urls.event(f"kleines-treffen-{number}"), minimal, picture))

        address = f"address:\n  street: Markt {number}\n  postcode: 04916\n  city: Herzberg (Elster)\n"
        name, about = _long_title(f"Ort {number}"), f"Beschreibung Ort {number}"
        _write(content / f"venues/langer-ort-{number}.yml", f"name: {_quoted(name)}\n{address}description: {about}\n")
        expected.append(Expected(urls.venue(f"langer-ort-{number}"), name, None))
        minimal = _minimal_title("Kleiner Ort", number)
        _write(content / f"venues/kleiner-ort-{number}.yml", f"name: {_quoted(minimal)}\n{address}")
        expected.append(Expected(urls.venue(f"kleiner-ort-{number}"), minimal, None))

        for prefix, title in (("langes", _long_title(f"Aufruf {number}")), ("kleines", f"Kleiner Aufruf {number}")):
            about = f"Beschreibung Aufruf {number}"  # description, time and contact are required
            _write(
                content / f"opportunities/{prefix}-angebot-{number}.yml",
                f"title: {_quoted(title)}\ndescription: {about}\ntime_commitment: 2 Stunden\n"
                f"contact: {{email: hilfe-{number}@example.org}}\nexpires: 2027-12-31\n",
            )
            expected.append(Expected(urls.opportunity(f"{prefix}-angebot-{number}"), title, None, about))

        title = _long_title(f"Seite {number}")
        order = f"order: {20 + number}\n" if number == 1 else ""  # one in the menu: every frame shows it
        _write(content / f"pages/lange-seite-{number}.md", f"---\ntitle: {_quoted(title)}\n{order}---\n\nText.\n")
        expected.append(Expected(urls.page(f"lange-seite-{number}"), title, None))
        minimal = _minimal_title("Kleine Seite", number)
        _write(content / f"pages/kleine-seite-{number}.md", f"---\ntitle: {_quoted(minimal)}\n---\n\nText.\n")
        expected.append(Expected(urls.page(f"kleine-seite-{number}"), minimal, None))


@dataclass(frozen=True)
class Built:
    project: Project
    site: Path
    site_url: str
    expected: list[Expected]

    def page(self, url: str) -> str:
        return (self.site / PageSource(url, {}, "").output_file).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = Project(ROOT).copy_to(tmp_path_factory.mktemp("project"))
    project.images_dir.mkdir(parents=True, exist_ok=True)
    for src, colour in zip(PICTURES, ("green", "red"), strict=True):
        (project.images_dir / src).write_bytes(_png(colour))
    sample, report = load_site(project)
    assert sample is not None, report
    expected: list[Expected] = []
    _picture_sample_records(project.root, sample, expected)
    _add_variant_records(project.root, expected)
    out = project.root / "site"
    assert main(["--root", str(project.root), "build", "--out", str(out), "--today", TODAY.isoformat()]) == 0
    return Built(project, out, sample.town.site_url, expected)


def _frame_values(page: str) -> dict[str, str | None]:
    def one(pattern: str) -> str | None:
        found = re.findall(pattern, page)
        assert len(found) <= 1, (pattern, found)
        return found[0] if found else None

    return {
        "title": one(r"<title>(.*?) - [^<]*</title>"),
        "h1": one(r"<h1(?: class=\"eg-title--long\")?>(.*?)</h1>"),
        "header": one(r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>'),
        "og:title": one(r'<meta property="og:title" content="([^"]*)">'),
        "og:url": one(r'<meta property="og:url" content="([^"]*)">'),
        "canonical": one(r'<link rel="canonical" href="([^"]*)">'),
        "og:image": one(r'<meta property="og:image" content="([^"]*)">'),
        "description": one(r'<meta name="description" content="([^"]*)">'),
    }


def test_a_third_of_the_clubs_and_events_with_pictures_build_and_show_their_own(built: Built) -> None:
    pictured = [e for e in built.expected if e.picture]
    kinds = {e.url.split("/")[0] for e in pictured}
    assert kinds == {"vereine", "veranstaltungen"}
    assert {e.picture for e in pictured} >= set(PICTURES)
    assert len(pictured) >= 20, "precondition: enough pictured pages to share frames"
    base = built.site_url
    pictures = Pictures.scan(built.project.images_dir, {e.picture for e in pictured}).sources
    for entry in built.expected:
        page = built.page(entry.url)
        values = _frame_values(page)
        assert values["og:url"] == values["canonical"] == base + entry.url, entry.url
        assert values["og:image"] == (base + pictures[entry.picture].og.url if entry.picture else None), entry.url
        if entry.picture:  # the picture itself is in the body, described
            assert f'alt="{entry.alt or f"Bild für {entry.picture}"}"' in page, entry.url


def test_long_titles_and_missing_optional_parts_show_each_records_own_data(built: Built) -> None:
    long_ones = [e for e in built.expected if len(e.title) > 200]
    assert {e.url.split("/")[0] for e in long_ones if e.url.count("/") == 2} == {
        "vereine",
        "veranstaltungen",
        "orte",
        "mitmachen",
    }
    for entry in built.expected:
        page = built.page(entry.url)
        values = _frame_values(page)
        title = str(escape(" ".join(entry.title.split())))
        heading = without_soft_hyphens(values["h1"] or "")  # long words carry them in the heading only
        assert values["title"] == values["og:title"] == heading == values["header"] == title, entry.url
        assert SOFT_HYPHEN not in values["title"] + values["og:title"] + values["header"], entry.url
        long_heading = '<h1 class="eg-title--long">' in page
        assert long_heading == (len(" ".join(entry.title.split())) >= LONG_TITLE), entry.url
        if entry.description is not None:
            assert values["description"] == entry.description, entry.url


def test_every_record_is_in_the_search_index_with_or_without_a_description(built: Built) -> None:
    """Pagefind leaves out a page without body text: a record without a description has its
    result line (metadata "zeile") as its text, so it is still found by its title."""
    bundle = built.site / "pagefind" / "fragment"
    fragments = {}
    for path in bundle.iterdir():
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        fragments[fragment["url"].strip("/") + "/"] = fragment
    minimal = [e for e in built.expected if e.url.split("/")[1].startswith(("kleiner-", "kleines-"))]
    assert {e.url.split("/")[0] for e in minimal} == {"vereine", "veranstaltungen", "orte", "mitmachen"}
    for entry in built.expected:
        if entry.url.count("/") != 2:
            continue  # editorial pages have no line
        fragment = fragments.get(entry.url)
        assert fragment is not None, f"{entry.url} fehlt im Suchindex"
        assert fragment["meta"]["zeile"], entry.url
        if entry in minimal and not entry.url.startswith("mitmachen/"):  # calls always have a description
            assert fragment["content"].startswith(fragment["meta"]["zeile"]), entry.url


def test_every_page_equals_the_page_mkdocs_builds_for_it_alone(built: Built) -> None:
    """The reference: no shared frames at all. Any frame that depends on more than the prototype
    knows (a field's presence, a value's length) shows up here as a difference."""
    project = built.project
    site, report = load_site(project)
    assert site is not None, report
    catalog = Catalog.build(site, TODAY, Pictures.for_site(project.images_dir, site))
    renderer = PageRenderer(site, TODAY, project.theme_dir / "pages", catalog=catalog)
    nav = renderer.render_all()
    shared = ShellPlan.of(renderer.pages, {entry.url for entry in nav})
    assert sum(len(p.members) for p in shared.prototypes) > 0.9 * len(renderer.pages)
    assert len({p.page.url for p in shared.prototypes}) == len(shared.prototypes) > 4
    alone = frame_site(
        renderer.pages,
        nav,
        site.town,
        TODAY,
        project.mkdocs_file,
        project.static_folders,
        project.root / "alone",
        False,
    )
    reference = dict(alone.pages())
    assert len(reference) == len(renderer.pages)
    different = [name for name, page in reference.items() if (built.site / name).read_text(encoding="utf-8") != page]
    assert different == []
