"""The GitHub issue forms mirror the models and content/town.yml, so every answer has a place in the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.load.yaml_loader import load_yaml_file
from generator.models.fields import field_at
from generator.models.town import Town
from generator.submissions.convert import KINDS, NOTES_FIELD, VOCABULARIES, YAML_FIELD, path_of
from generator.submissions.issue_form import load_form

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"
KIND_LABELS = {"event": "veranstaltung", "club": "verein", "opportunity": "engagement"}
EXTRA_FIELDS = {YAML_FIELD, NOTES_FIELD, "einwilligung"}
FILLED_IN_BY_THE_CONVERTER = {"club": {"reviewed"}}


def _town() -> Town:
    return Town.model_validate(load_yaml_file(ROOT / "content" / "town.yml", "content/town.yml").data)


@pytest.mark.parametrize("kind", KINDS)
def test_form_fields_are_model_fields_with_unique_labels(kind: str) -> None:
    _, file, model, _ = KINDS[kind]
    form = load_form(TEMPLATES / file)
    labels = [e.label for e in form.elements]
    assert len(labels) == len(set(labels)), "labels must be unique: they are the headings of the issue text"
    for element in form.elements:
        assert re.fullmatch(r"[a-z_]+(?:-[a-z_]+)*", element.id), element.id
        if element.id not in EXTRA_FIELDS:
            assert field_at(model, path_of(element.id)) is not None, f"{file}: {element.id} is no field of {model}"


@pytest.mark.parametrize("kind", KINDS)
def test_every_required_field_can_be_answered(kind: str) -> None:
    _, file, model, _ = KINDS[kind]
    form = load_form(TEMPLATES / file)
    tops = {path_of(e.id)[0] for e in form.elements}
    required = {f.alias or n for n, f in model.model_fields.items() if f.is_required()}
    assert required - FILLED_IN_BY_THE_CONVERTER.get(kind, set()) <= tops


@pytest.mark.parametrize("kind", KINDS)
def test_choices_are_the_labels_of_town_yml(kind: str) -> None:
    town = _town()
    form = load_form(TEMPLATES / KINDS[kind][1])
    checked = 0
    for element in form.elements:
        vocabulary = VOCABULARIES.get(element.id)
        if vocabulary is None:
            continue
        assert element.type == "dropdown"
        assert list(element.options) == [t.label for t in getattr(town, vocabulary)], (
            f"{element.id}: update the options in {KINDS[kind][1]} to match content/town.yml"
        )
        checked += 1
    assert checked >= 2


@pytest.mark.parametrize("kind", KINDS)
def test_forms_label_submissions_for_the_workflow_and_ask_for_consent(kind: str) -> None:
    form = load_form(TEMPLATES / KINDS[kind][1])
    assert set(form.labels) == {"einreichung", KIND_LABELS[kind]}
    consent = form.element("einwilligung")
    assert consent is not None and consent.type == "checkboxes" and consent.required_options
    yaml_field = form.element(YAML_FIELD)
    assert yaml_field is not None and yaml_field.render == "yaml"
    workflow = (ROOT / ".github" / "workflows" / "submission.yml").read_text(encoding="utf-8")
    assert f"'{KIND_LABELS[kind]}'" in workflow


def test_template_chooser_links_to_the_portal() -> None:
    config = yaml.safe_load((TEMPLATES / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
    site = _town().site_url
    assert [link["url"] for link in config["contact_links"]] == [site + "melden/", site + "anlaufstelle/"]
    assert (ROOT / "content" / "pages" / "anlaufstelle.md").is_file()


def test_codeowners_example_gives_a_club_its_own_files() -> None:
    lines = [
        line.split()
        for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    rules = {parts[0]: parts[1:] for parts in lines}
    owners = rules["/content/clubs/heimatverein-herzberg.yml"]
    assert any("heimatverein-herzberg" in owner for owner in owners)
    assert (ROOT / "content" / "clubs" / "heimatverein-herzberg.yml").is_file()
    assert all(owner.startswith("@") for parts in lines for owner in parts[1:])
