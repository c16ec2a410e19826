"""The main menu: a page's short menu name (`menu_title`) there, its full title on the page."""

from __future__ import annotations

from datetime import date

from sample_build import ROOT

from generator.outputs.pages.render import PageRenderer
from generator.project import Project

PAGE = "---\ntitle: Anlaufstelle Engagement im Haus II\norder: 1\n{extra}---\n\nText.\n"


def test_menu_name_in_the_menu_full_title_on_the_page(project) -> None:
    project.add("pages/anlaufstelle.md", PAGE.format(extra="menu_title: Anlaufstelle\n"))
    project.add("pages/agentur.md", PAGE.replace("Anlaufstelle Engagement im Haus II", "Agentur").format(extra=""))
    site, report = project.load()
    assert site is not None, report
    renderer = PageRenderer(site, date(2026, 12, 1), Project(ROOT).theme_dir / "pages", lists={"editorial"})
    nav = renderer.render_all()
    assert [entry.title for entry in nav][-2:] == ["Agentur", "Anlaufstelle"]
    pages = {page.url: page for page in renderer.pages}
    assert pages["anlaufstelle/"].heading == "<h1>Anlaufstelle Engagement im Haus II</h1>"
    assert pages["anlaufstelle/"].meta["title"] == "Anlaufstelle Engagement im Haus II"  # <title>, search
    assert pages["agentur/"].heading == ""  # Material's heading from the title, as before


def test_a_menu_name_longer_than_25_characters_is_a_located_german_error(project) -> None:
    project.add("pages/anlaufstelle.md", PAGE.format(extra="menu_title: Anlaufstelle Engagement im Haus\n"))
    problems = project.problems()
    assert len(problems) == 1
    assert problems[0].startswith("content/pages/anlaufstelle.md:4:13: menu_title: Der Name im Menü hat 31 Zeichen")
    assert "höchstens 25" in problems[0]
