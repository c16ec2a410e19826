"""`serve`'s incremental rebuild gives the same site as a full `build` of the same content."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.build.live import LiveSite
from generator.build.publish import build_site
from generator.content import load_site
from generator.progress import Progress
from generator.project import Project

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 1)
EVENT = Path("content/events/sprechstunde.yml")


@pytest.fixture
def sample_copy(tmp_path: Path) -> Project:
    """A copy of the sample project (content, theme, mkdocs.yml) to edit."""
    return Project(ROOT).copy_to(tmp_path / "project")


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in site.rglob("*")
        if path.is_file() and not path.relative_to(site).as_posix().startswith("pagefind/")
    }


def test_an_edited_event_takes_the_fast_path_and_matches_a_full_build(sample_copy: Project, tmp_path: Path) -> None:
    project = sample_copy
    project_dir = project.root
    live = LiveSite(project, tmp_path / "served", tmp_path / "work")

    site, _ = load_site(project)
    assert site is not None
    assert live.update(site, TODAY) == "vollständig"

    event = project_dir / EVENT
    event.write_text(event.read_text(encoding="utf-8").replace("title: ", "title: GEÄNDERT ", 1), encoding="utf-8")
    site, _ = load_site(project)
    assert site is not None
    ready = []
    assert live.update(site, TODAY, on_pages_ready=lambda: ready.append(True)) == "schnell"
    assert ready == [True]
    page = (tmp_path / "served" / "veranstaltungen" / "sprechstunde" / "index.html").read_text(encoding="utf-8")
    assert "<h1>GEÄNDERT " in page

    assert build_site(project, tmp_path / "full", TODAY, Progress(interactive=False)) == 0
    served, full = digests(tmp_path / "served"), digests(tmp_path / "full")
    assert sorted(set(served) ^ set(full)) == []
    assert sorted(name for name in served if served[name] != full[name]) == []


def test_a_new_page_falls_back_to_a_full_rebuild(sample_copy: Project, tmp_path: Path) -> None:
    project = sample_copy
    project_dir = project.root
    live = LiveSite(project, tmp_path / "served", tmp_path / "work")
    site, _ = load_site(project)
    assert site is not None
    live.update(site, TODAY)

    shutil.copy(project_dir / EVENT, project_dir / "content" / "events" / "sprechstunde-kopie.yml")
    site, _ = load_site(project)
    assert site is not None
    assert live.update(site, TODAY) == "vollständig"
    assert (tmp_path / "served" / "veranstaltungen" / "sprechstunde-kopie" / "index.html").is_file()


def test_an_edited_template_is_used_by_the_next_rebuild(sample_copy: Project, tmp_path: Path) -> None:
    """Templates are compiled once per environment (no file check per page); a theme edit clears them."""
    project = sample_copy
    live = LiveSite(project, tmp_path / "served", tmp_path / "work")
    site, _ = load_site(project)
    assert site is not None
    live.update(site, TODAY)
    edits = {
        "pages/event.html": ("Diese Seite auf dem Handy öffnen", "Diese Seite auf dem Telefon öffnen"),
        "standalone/poster.html": ("Drucken mit Strg + P", "Ausdrucken mit Strg + P"),
    }
    for template, (old, new) in edits.items():
        path = project.theme_dir / template
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert live.update(site, TODAY) == "vollständig"
    event = tmp_path / "served" / "veranstaltungen" / "sprechstunde"
    assert "Diese Seite auf dem Telefon öffnen" in (event / "index.html").read_text(encoding="utf-8")
    assert "Ausdrucken mit Strg + P" in (event / "aushang" / "index.html").read_text(encoding="utf-8")


def test_pictures_given_and_moved_in_serve_match_a_full_build(sample_copy: Project, tmp_path: Path) -> None:
    """Pictured clubs share another frame (og:image) than the rest: a second prototype in `vereine/`."""
    project = sample_copy
    project.images_dir.mkdir(parents=True, exist_ok=True)
    (project.images_dir / "bild.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    clubs = sorted((project.content_dir / "clubs").glob("*.yml"))[:3]
    originals = {path: path.read_text(encoding="utf-8") for path in clubs}
    live = LiveSite(project, tmp_path / "served", tmp_path / "work")

    def picture_on(*pictured: Path) -> str:
        for path, text in originals.items():
            path.write_text(text + ("image: {src: bild.svg, alt: Ein Bild}\n" if path in pictured else ""), "utf-8")
        site, report = load_site(project)
        assert site is not None, report
        return live.update(site, TODAY)

    def og_image(club: Path) -> bool:
        page = tmp_path / "served" / "vereine" / club.stem / "index.html"
        return '<meta property="og:image"' in page.read_text(encoding="utf-8")

    assert picture_on() == "vollständig"
    assert picture_on(clubs[0], clubs[1]) == "vollständig"  # a new frame: MkDocs builds it
    assert [og_image(club) for club in clubs] == [True, True, False]
    assert picture_on(clubs[0], clubs[2]) == "schnell"  # the same two frames, other members
    assert [og_image(club) for club in clubs] == [True, False, True]

    assert build_site(project, tmp_path / "full", TODAY, Progress(interactive=False)) == 0
    served, full = digests(tmp_path / "served"), digests(tmp_path / "full")
    assert sorted(set(served) ^ set(full)) == []
    assert sorted(name for name in served if served[name] != full[name]) == []
