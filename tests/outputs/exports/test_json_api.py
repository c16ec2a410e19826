"""The open-data API v1: every document validates against its generated schema; shape and values."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from export_helpers import api_documents
from jsonschema import Draft202012Validator, FormatChecker

from generator import urls
from generator.outputs.exports import shapes
from generator.outputs.exports.json_api import OCCURRENCE_DAYS, dump

ROOT = Path(__file__).resolve().parents[3]
BASE = "https://engagiert.example.org/"


def _validate(name: str, document: dict) -> None:
    model, title = shapes.ENDPOINTS[name]
    schema = shapes.json_schema(model, title, BASE + urls.api_schema(name))
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(document), key=str)
    assert not errors, f"{name}: " + "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_sample_documents_validate_against_their_schemas(sample) -> None:
    site, catalog = sample
    documents = api_documents(site, catalog)
    assert set(documents) == set(shapes.ENDPOINTS)
    for name, document in documents.items():
        data = json.loads(dump(document))
        _validate(name, data)
        if name != "index":
            assert data["count"] == len(data["items"]) > 0, name
            ids = [item["id"] for item in data["items"]]
            assert len(ids) == len(set(ids)), name


def test_a_series_lists_its_next_occurrences_with_changes(town) -> None:
    documents = api_documents(town, date(2027, 6, 1))
    data = json.loads(dump(documents["events"]))
    _validate("events", data)
    assert data["occurrences_until"] == "2027-08-30" and OCCURRENCE_DAYS == 90
    events = {item["id"]: item for item in data["items"]}
    treff = events["wochentreff"]
    assert treff["recurrence"] == {
        "freq": "weekly",
        "interval": 2,
        "days": ["WE"],
        "until": "2027-11-10",
        "count": None,
        "text": "jeden zweiten Mittwoch, 19:00–21:00 Uhr, bis 10. November 2027",
    }
    dates = [o["original_date"] for o in treff["next_occurrences"]]
    assert dates == [
        "2027-06-02",
        "2027-06-16",
        "2027-06-30",
        "2027-07-14",
        "2027-07-28",
        "2027-08-25",
    ]  # 08-11 `except`
    moved = treff["next_occurrences"][1]
    assert moved == {
        "start": "2027-06-17T18:30:00+02:00",
        "end": "2027-06-17T20:30:00+02:00",
        "status": "scheduled",
        "original_date": "2027-06-16",
        "moved": True,
        "title": "Sommertreff",
        "venue_id": "markt",
        "location": None,
        "note": "Wegen des Stadtfests am Donnerstag auf dem Markt.",
        "district": "borken",  # the market's, not the series' town hall's ("mitte")
    }
    assert treff["district"] == "mitte"
    fest = events["stadtfest"]
    assert (fest["all_day"], fest["start"], fest["end"]) == (True, "2027-06-05", "2027-06-06")
    assert fest["organizers"] == []  # none written: none named, not the town
    assert treff["organizers"] == [
        {
            "club_id": "turnverein",
            "name": "Turnverein Teststadt e. V.",
            "url": "https://engagiert.example.org/vereine/turnverein/",
            "kind": "club",
            "website": None,
            "email": None,
            "phone": None,
        }
    ]
    assert events["konzert"]["status"] == "cancelled" and events["konzert"]["next_occurrences"] == []
    assert events["konzert"]["poster_url"] is None  # over by June
    vortrag = events["vortrag"]
    assert vortrag["location"]["name"] == "Garten „Zur Linde“; hinten, links"
    assert vortrag["description_html"].startswith("<p>Grüße aus der Käserei")


def test_every_address_is_absolute_and_every_file_has_an_index_entry(town) -> None:
    documents = api_documents(town, date(2027, 1, 10))
    index = json.loads(dump(documents["index"]))
    assert [f["name"] for f in index["files"]][: len(shapes.ENDPOINTS)] == list(shapes.ENDPOINTS)
    for name, document in documents.items():
        text = dump(document).decode()
        for key, value in re.findall(r'"(\w*url)":"([^"]*)"', text):
            assert value.startswith(("https://", "http://")), (name, key, value)
            if value.startswith("https://engagiert.example.org"):
                assert "//" not in value.removeprefix("https://"), value


def test_output_is_deterministic_compact_and_sorted(town) -> None:
    first = {name: dump(doc) for name, doc in api_documents(town, date(2027, 1, 10)).items()}
    second = {name: dump(doc) for name, doc in api_documents(town, date(2027, 1, 10)).items()}
    assert first == second
    clubs = json.loads(first["clubs"])
    assert [c["id"] for c in clubs["items"]] == sorted(c["id"] for c in clubs["items"])
    assert first["clubs"].endswith(b"}\n") and b"\n" not in first["clubs"][:-1]
    categories = json.loads(first["categories"])["items"]
    assert [c["id"] for c in categories] == ["sport", "fest"]  # the town's order


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^### (\w+)\n", text, flags=re.M)
    return {name: body.split("\n## ")[0] for name, body in zip(parts[1::2], parts[2::2], strict=True)}


API_DOC = _sections((ROOT / "docs" / "api.md").read_text(encoding="utf-8"))


def _fields(model: type) -> set[str]:
    names = set()
    for cls in model.__mro__:
        names |= set(getattr(cls, "model_fields", {}))
    return names


@pytest.mark.parametrize(
    "model",
    [
        m
        for m in vars(shapes).values()
        if isinstance(m, type) and issubclass(m, shapes.ApiModel) and m.__name__ in API_DOC
    ],
    ids=lambda m: m.__name__,
)
def test_every_field_is_documented_in_docs_api(model: type) -> None:
    """The shape is the promise: docs/api.md has a section per object that names each of its fields."""
    section = API_DOC[model.__name__]
    missing = sorted(name for name in _fields(model) if f"| `{name}` |" not in section)
    assert not missing, f"{model.__name__}: in docs/api.md fehlen {missing}"
    documented = set(re.findall(r"^\| `(\w+)` \|", section, flags=re.M))
    assert documented == _fields(model), f"{model.__name__}: docs/api.md nennt Felder, die es nicht gibt"


def test_every_object_of_the_api_has_a_section_in_docs_api() -> None:
    models = {m.__name__ for m in vars(shapes).values() if isinstance(m, type) and issubclass(m, shapes.ApiModel)}
    assert models - set(API_DOC) == {"ApiModel", "Header"}
