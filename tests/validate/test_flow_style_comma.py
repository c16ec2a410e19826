"""A comma in a text of the short `{ … }` form splits the text into a second "field" (issue 18):
the message says to put the text in quotes instead of "Das Feld … gibt es hier nicht"."""

from __future__ import annotations

import re


def test_a_comma_in_a_flow_style_label_asks_for_quotes(project) -> None:
    town = (project.content / "town.yml").read_text(encoding="utf-8")
    broken = town.replace("{id: fest, label: Feste}", "{id: fest, label: Feste, Märkte und Brauchtum}")
    assert broken != town
    project.add("town.yml", broken)
    problems = project.problems()
    assert len(problems) == 1, problems
    assert re.match(r"content/town\.yml:\d+:\d+: ", problems[0])
    assert "„Märkte und Brauchtum“ ist kein Feldname" in problems[0]
    assert "Anführungszeichen" in problems[0] and "gibt es hier nicht" not in problems[0]


def test_quoted_the_same_text_is_fine(project) -> None:
    town = (project.content / "town.yml").read_text(encoding="utf-8")
    project.add(
        "town.yml", town.replace("{id: fest, label: Feste}", '{id: fest, label: "Feste, Märkte und Brauchtum"}')
    )
    assert project.problems() == []


def test_an_unknown_lower_case_field_keeps_its_suggestion(project) -> None:
    town = (project.content / "town.yml").read_text(encoding="utf-8")
    project.add("town.yml", town.replace("{id: fest, label: Feste}", "{id: fest, lable: Feste}"))
    assert any("Meinten Sie „label“?" in problem for problem in project.problems())
