"""publiccode.yml (standard 0.4) at the repository root, for the openCode.de software catalogue."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = {"website-builder", "event-management", "online-community", "digital-citizenship", "content-management"}
SCOPES = {"local-authorities", "society", "culture", "sport", "welfare"}


def test_publiccode_yml_has_the_required_keys() -> None:
    data = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    required = {"publiccodeYmlVersion", "name", "url", "platforms", "categories", "developmentStatus",
                "softwareType", "description", "legal", "maintenance", "localisation"}  # fmt: skip
    assert required <= data.keys()
    assert data["publiccodeYmlVersion"] == "0.4"
    assert data["url"].startswith("https://")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert data["softwareVersion"] == version
    date.fromisoformat(data["releaseDate"])
    assert data["platforms"] == ["web"]
    assert set(data["categories"]) <= CATEGORIES
    assert set(data["intendedAudience"]["scope"]) <= SCOPES
    assert data["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert data["softwareType"] == "standalone/web"

    german = data["description"]["de"]  # BCP 47 language tag, as the standard requires
    assert len(german["shortDescription"]) <= 150
    assert 150 <= len(german["longDescription"]) <= 10_000
    assert 5 <= len(german["features"]) <= 20

    assert data["legal"]["license"] == "EUPL-1.2"
    assert data["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    if data["maintenance"]["type"] in {"internal", "community"}:
        assert all(contact["name"] for contact in data["maintenance"]["contacts"])
    assert isinstance(data["localisation"]["localisationReady"], bool)
    assert data["localisation"]["availableLanguages"] == ["de"]
    names = {dependency["name"] for dependency in data["dependsOn"]["open"]}
    assert {"Python", "MkDocs"} <= names
    python = next(d for d in data["dependsOn"]["open"] if d["name"] == "Python")
    assert re.fullmatch(r"\d+\.\d+", python["versionMin"])
