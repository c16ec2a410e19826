"""The layouts of the forms "… melden" stay in step with the JSON Schema and the GitHub issue forms.

The browser script takes every rule from the schema; these tests make sure the layout only names
fields the schema has, offers only values it allows, and leaves out none it requires.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from generator.content import load_site
from generator.load.yaml_loader import load_yaml_file
from generator.models.town import Town
from generator.outputs.pages.forms import FORMS, FormLayout, form_spec, github_new_issue, spec_json
from generator.outputs.pages.forms.layout import OTHER
from generator.outputs.pages.forms.spec import form_schema, vocabularies
from generator.project import Project

ROOT = Path(__file__).resolve().parents[3]
ISSUE_TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["definitions"][node["$ref"].rsplit("/", 1)[1]]
    return node


def object_node(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    node = resolve(schema, node)
    if "properties" in node:
        return node
    for branch in node.get("anyOf", []):
        branch = resolve(schema, branch)
        if "properties" in branch:
            return branch
    return None


def items_node(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    node = resolve(schema, node)
    if "items" in node:
        return node["items"]
    return next((b["items"] for b in map(lambda b: resolve(schema, b), node.get("anyOf", [])) if "items" in b), None)


def node_at(schema: dict[str, Any], path: str) -> dict[str, Any] | None:
    """The schema of a form path; a number is an entry of a list (``contact.1.email``), as in forms.js."""
    node: dict[str, Any] | None = schema
    for key in path.split("."):
        if node is not None and key.isdigit():
            node = items_node(schema, node)
            continue
        parent = object_node(schema, node) if node is not None else None
        node = parent["properties"].get(key) if parent else None
    return node


def enum_of(schema: dict[str, Any], node: dict[str, Any]) -> list[Any]:
    node = resolve(schema, node)
    values = list(node.get("enum", []))
    for branch in node.get("anyOf", []):
        values += enum_of(schema, branch)
    return values


@pytest.fixture(scope="module")
def site():
    site, report = load_site(Project(ROOT))
    assert site is not None, report.sorted()
    return site


@pytest.mark.parametrize("layout", FORMS, ids=lambda f: f.slug)
def test_every_field_of_the_layout_is_in_the_schema(layout: FormLayout) -> None:
    schema = form_schema(layout.kind)
    unknown = [f.path for f in layout.fields() if node_at(schema, f.path) is None]
    assert not unknown, f"{layout.slug}: not in {layout.kind}.schema.json: {unknown}"
    assert node_at(schema, layout.id_from) is not None
    for f in layout.fields():
        if f.show_when:
            assert f.show_when[0] in {g.path for g in layout.fields()}, f.path
    for group in layout.groups:
        if group.show_when:
            assert group.show_when[0] in {g.path for g in layout.fields()}, group.legend


@pytest.mark.parametrize("layout", FORMS, ids=lambda f: f.slug)
def test_the_form_asks_for_every_required_field(layout: FormLayout) -> None:
    schema = form_schema(layout.kind)
    written = {f.path.split(".")[0] for f in layout.fields()}
    missing = [key for key in schema.get("required", []) if key not in written]
    assert not missing, f"{layout.slug}: the schema requires {missing}, the form does not ask for it"


@pytest.mark.parametrize("layout", FORMS, ids=lambda f: f.slug)
def test_fixed_options_are_allowed_by_the_schema(layout: FormLayout) -> None:
    schema = form_schema(layout.kind)
    for f in layout.fields():
        node = node_at(schema, f.path)
        assert node is not None
        if f.options:
            allowed = enum_of(schema, node)
            assert {value for value, _ in f.options} <= set(allowed), f"{layout.slug}: {f.path} offers {f.options}"
        if f.widget in ("yesno", "check"):
            assert {"ja", "nein"} <= set(enum_of(schema, node)), f.path
        if f.choices:
            vocabularies = {"categories", "districts", "place_districts", "audiences", "clubs", "organizers", "venues"}
            assert f.choices in vocabularies, f.path
        if f.other:  # the "other" choice opens a group that writes the alternative field
            assert any(g.show_when == (f.path, OTHER) for g in layout.groups), f.path
    widgets = {f.widget for f in layout.fields()}
    if "when" in widgets:
        assert {"start", "end"} <= set(schema["properties"])
    if "repeat" in widgets:
        repeat = object_node(schema, schema["properties"]["repeat"])
        assert repeat is not None and {"freq", "interval", "days", "until"} <= set(repeat["properties"])
        assert {"weekly", "monthly"} <= set(enum_of(schema, repeat["properties"]["freq"]))


@pytest.mark.parametrize("layout", FORMS, ids=lambda f: f.slug)
def test_issue_form_has_the_fields_the_link_fills(layout: FormLayout) -> None:
    """The prefilled GitHub issue uses the ids of .github/ISSUE_TEMPLATE/<form> (YAML path with "-")."""
    template = ISSUE_TEMPLATES / layout.issue_template
    if not template.is_file():
        pytest.skip(f"{template} fehlt")
    form = yaml.safe_load(template.read_text(encoding="utf-8"))
    ids = {element.get("id") for element in form["body"]}
    wanted = {path.replace(".", "-") for path in layout.issue_fields} | {"yaml", "hinweise"}
    assert wanted <= ids, f"{template.name} lacks {sorted(wanted - ids)}"


@pytest.mark.parametrize("layout", FORMS, ids=lambda f: f.slug)
def test_the_email_summary_names_fields_of_the_form(layout: FormLayout) -> None:
    """forms.js writes each summary line from the form's own fields (labels of choices, German dates)."""
    paths = {field.path for field in layout.fields()}
    assert layout.summary_title and layout.summary
    for label, line_paths in layout.summary:
        assert label and line_paths
        assert set(line_paths) <= paths, (label, set(line_paths) - paths)
    assert bool(layout.summary_title_edit) == bool(layout.edit)  # a changed club says so


def test_numbered_fields_are_entries_of_a_list_that_takes_records() -> None:
    """`contact.1.email`: the layout numbers only lists of records, from 0 without gaps, and a group
    shown on request says how it is added and removed."""
    for layout in FORMS:
        schema = form_schema(layout.kind)
        numbered: dict[str, set[int]] = {}
        for f in layout.fields():
            keys = f.path.split(".")
            for index, key in enumerate(keys):
                if key.isdigit():
                    parent = ".".join(keys[:index])
                    assert items_node(schema, node_at(schema, parent) or {}) is not None, f.path
                    assert object_node(schema, node_at(schema, ".".join(keys[: index + 1])) or {}), f.path
                    numbered.setdefault(parent, set()).add(int(key))
        for parent, indexes in numbered.items():
            assert indexes == set(range(len(indexes))), (layout.slug, parent, indexes)
        for group in layout.groups:
            assert bool(group.add) == bool(group.remove), group.legend
    club = next(f for f in FORMS if f.kind == "club")
    assert any(g.add for g in club.groups)  # a volunteer can add a second contact


@pytest.mark.parametrize("layout", FORMS, ids=lambda f: f.slug)
def test_every_contact_person_field_says_what_publishing_a_name_means(layout: FormLayout) -> None:
    names = [f for f in layout.fields() if f.path.split(".")[0] == "contact" and f.path.endswith(".name")]
    assert names
    for field in names:
        assert field.hint and "Einverständnis" in field.hint and "Suchmaschinen" in field.hint, field.path


@pytest.mark.parametrize("layout", FORMS, ids=lambda f: f.slug)
def test_only_dates_refuse_the_past(layout: FormLayout) -> None:
    for field in layout.fields():
        assert not field.not_past or field.widget == "date", field.path


def test_spec_embeds_schema_vocabularies_and_ids(site) -> None:
    event = next(f for f in FORMS if f.kind == "event")
    spec = form_spec(site, event)
    assert spec["schema"] == json.loads((ROOT / "schemas" / "event.schema.json").read_text(encoding="utf-8"))
    assert ["fest", "Feste und Märkte"] in [list(c) for c in spec["choices"]["categories"]]
    assert set(spec["existingIds"]) == set(site.events)
    assert spec["github"] == {
        "url": "https://github.com/example/engagiert-herzberg/issues/new",
        "template": "veranstaltung.yml",
    }
    assert spec["email"] == "engagiert@example.org"
    assert spec["records"] == {}
    club = form_spec(site, next(f for f in FORMS if f.kind == "club"))
    assert club["records"]["dorfgemeinschaft-ratsdorf"]["membership"]["open"] == "ja"


def test_spec_json_cannot_end_its_script_element(site) -> None:
    text = spec_json({"a": "</script><!-- & >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & >"}


def test_vocabulary_labels_name_the_ortsteil_of_venues_outside_the_core_town(site) -> None:
    labels = dict(vocabularies(site)["venues"])
    assert labels["haus-zwei"] == site.venues["haus-zwei"].data.name
    outside = [v for v in site.venues.values() if v.data.district and v.data.district != "herzberg"]
    assert all(site.town.district_label(v.data.district) in labels[v.id] for v in outside)


def test_github_option_only_for_a_repository_on_github(site) -> None:
    assert github_new_issue(site) == "https://github.com/example/engagiert-herzberg/issues/new"
    gitlab = site.town.model_copy(update={"repository": "https://gitlab.opencode.de/stadt/engagiert"})
    assert github_new_issue(type(site)(town=gitlab, town_source=site.town_source)) is None
    unset = site.town.model_copy(update={"repository": None})
    assert github_new_issue(type(site)(town=unset, town_source=site.town_source)) is None


def test_repository_must_be_an_https_address() -> None:
    data = load_yaml_file(ROOT / "content" / "town.yml", "content/town.yml").data
    assert Town.model_validate({**data, "repository": "https://github.com/a/b/"}).repository == "https://github.com/a/b"
    with pytest.raises(ValidationError, match="muss mit https:// beginnen"):
        Town.model_validate({**data, "repository": "http://github.com/a/b"})
