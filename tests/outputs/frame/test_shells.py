"""Pages filled into a shared frame are byte for byte the pages MkDocs would build one by one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from unchecked_markup import markup_unchecked

from generator.content import load_site
from generator.outputs.frame import frame_site
from generator.outputs.frame.page_source import PageSource
from generator.outputs.frame.shells import ShellPlan
from generator.outputs.pages.render import PageRenderer
from generator.project import Project

ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2026, 12, 1)

AWKWARD_EVENT = """\
title: "Kaffee & Kuchen: „<b>Sommer</b>“ 'am'   Fluss"
organizer: blasorchester-herzberg
category: musik
venue: stadtkirche-st-marien
start: 2026-12-19 17:00
description: |
  Zeile eins mit & und "Anführungszeichen" und <script>alert(1)</script>.
     Eingerückte Zeile zwei; Preis < 5 €.
"""


@pytest.fixture(scope="module")
def built_both_ways(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str], ShellPlan]:
    """The sample plus two events with awkward titles, built with shared frames and without."""
    project = Project(ROOT).copy_to(tmp_path_factory.mktemp("project"))
    root = project.root
    (root / "content/events/2026/kaffee-und-kuchen.yml").write_text(AWKWARD_EVENT, encoding="utf-8")
    (root / "content/events/2026/kaffee-und-kuchen-2.yml").write_text(
        AWKWARD_EVENT.replace("17:00", "18:00").replace("Sommer", "Winter &amp; mehr"), encoding="utf-8"
    )
    with markup_unchecked():  # the awkward titles hold tags on purpose
        site, report = load_site(project)
    assert site is not None, report
    renderer = PageRenderer(site, TODAY, project.theme_dir / "pages")
    nav = renderer.render_all()
    results = []
    for share in (True, False):
        framed = frame_site(
            renderer.pages,
            nav,
            site.town,
            TODAY,
            project.mkdocs_file,
            project.static_folders,
            root / f"b-{share}",
            share,
        )
        results.append((dict(framed.pages()), framed.plan))
    (shared, shared_plan), (alone, _) = results
    return shared, alone, shared_plan


def test_shared_frames_give_the_same_bytes_as_building_every_page(built_both_ways) -> None:
    shared, alone, _ = built_both_ways
    assert sorted(shared) == sorted(alone)
    different = [name for name in alone if shared[name] != alone[name]]
    assert different == []


def test_almost_every_page_shares_a_frame_and_no_marker_is_left(built_both_ways) -> None:
    shared, _, plan = built_both_ways
    members = sum(len(prototype.members) for prototype in plan.prototypes)
    assert members > 0.9 * len(shared), "the frames should be shared by nearly all pages"
    assert all("_engagiert_" not in html for html in shared.values())


def test_awkward_titles_stay_escaped_and_on_one_line(built_both_ways) -> None:
    shared, _, _ = built_both_ways
    html = shared["veranstaltungen/kaffee-und-kuchen/index.html"]
    assert "<title>Kaffee &amp; Kuchen: „&lt;b&gt;Sommer&lt;/b&gt;“ &#39;am&#39; Fluss - " in html
    assert "<script>alert(1)" not in html
    assert "\\u003cscript>alert(1)\\u003c/script>" in html  # in the JSON-LD, inert


def test_pages_in_the_navigation_at_top_level_or_with_own_heading_are_built_directly() -> None:
    meta = {"title": "T", "description": "", "hide": ["toc"], "og": {"type": "website", "url": "u"}}
    pages = [
        PageSource("", meta, "start", heading="<h1>Portal</h1>"),
        PageSource("vereine/", meta, "list"),
        PageSource("impressum/", meta, "legal"),
        PageSource("datenschutz/", meta, "legal"),
        PageSource("vereine/a/", meta, "a"),
        PageSource("vereine/b/", {**meta, "title": "B"}, "b"),
        PageSource("vereine/c/", {**meta, "description": "mit Text"}, "c"),  # other shape: alone
    ]
    plan = ShellPlan.of(pages, nav_urls={"vereine/"})
    assert [page.url for page in plan.direct] == ["", "vereine/", "impressum/", "datenschutz/", "vereine/c/"]
    [prototype] = plan.prototypes
    assert prototype.page.url == "vereine/_engagiert_page_0_/"
    assert [(page.url, values) for page, values in prototype.members] == [
        ("vereine/a/", ["T", "website", "u"]),
        ("vereine/b/", ["B", "website", "u"]),
    ]


def test_each_frame_variant_in_a_folder_has_its_own_prototype() -> None:
    """Two pictured clubs and two without: two prototypes in `vereine/`, at different paths."""
    meta = {"title": "T", "description": "D", "hide": ["toc"], "og": {"type": "profile", "url": "u"}}
    pictured = {**meta, "og": {**meta["og"], "image": "bild.jpg"}}
    pages = [PageSource(f"vereine/{name}/", pictured if name in "bd" else meta, name) for name in "abcd"]
    plan = ShellPlan.of(pages, nav_urls=set())
    assert plan.direct == []
    assert [prototype.page.url for prototype in plan.prototypes] == [
        "vereine/_engagiert_page_0_/",
        "vereine/_engagiert_page_1_/",
    ]
    assert [[page.url for page, _ in prototype.members] for prototype in plan.prototypes] == [
        ["vereine/a/", "vereine/c/"],
        ["vereine/b/", "vereine/d/"],
    ]
    assert "image" in plan.prototypes[1].page.meta["og"]
