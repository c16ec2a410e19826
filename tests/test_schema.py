"""The committed JSON Schemas must match the models, and must be draft-07 documents."""

import json
from pathlib import Path

from generator.schema import render_schemas

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schemas_are_current():
    stale = [
        name
        for name, text in render_schemas().items()
        if not (ROOT / "schemas" / name).is_file() or (ROOT / "schemas" / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"run `python -m generator schema`: stale {stale}"


def test_schemas_are_draft_07_with_german_titles():
    for name, text in render_schemas().items():
        schema = json.loads(text)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#", name
        assert "$defs" not in text and "prefixItems" not in text, name
        assert schema["additionalProperties"] is False, name
        for definition in schema.get("definitions", {}).values():
            assert definition["title"] not in {"Address", "Contact", "Repeat"}, definition["title"]


def test_event_schema_accepts_what_authors_write():
    schema = json.loads(render_schemas()["event.schema.json"])
    props = schema["properties"]
    assert set(props) >= {"title", "organizer", "category", "venue", "location", "start", "end", "repeat", "status"}
    assert "abgesagt" in props["status"]["enum"]
    repeat = schema["definitions"]["Repeat"]["properties"]
    assert {"freq", "interval", "days", "until", "count", "except", "cancelled", "changes"} <= set(repeat)
