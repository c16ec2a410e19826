"""`python -m generator init DIR`: a new town that validates and builds at once, with its own copy of the generator."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.cli import main

TODAY = "2026-12-01"
ROOT = Path(__file__).resolve().parent.parent


def test_init_scaffolds_a_town_that_validates_and_builds(tmp_path: Path, capsys) -> None:
    town = tmp_path / "neustadt"
    assert main(["init", str(town), "--today", TODAY]) == 0
    assert "Neue Kommune angelegt" in capsys.readouterr().out
    content = town / "content"
    assert len(list((content / "clubs").glob("*.yml"))) == 2
    assert len(list((content / "venues").glob("*.yml"))) == 2
    assert len(list((content / "events").glob("*.yml"))) == 3
    assert len(list((content / "opportunities").glob("*.yml"))) == 1
    assert len(list((content / "pages").glob("*.md"))) == 1
    assert "repeat:" in (content / "events" / "kindertraining.yml").read_text(encoding="utf-8")
    town_yml = (content / "town.yml").read_text(encoding="utf-8")
    assert town_yml.count("# ÄNDERN") >= 10 and "Musterstadt" in town_yml and "${" not in town_yml
    copied = ("README.md", "Makefile", ".gitignore", "mkdocs.yml", "pyproject.toml", "requirements.lock", "LICENSE",
              "docs/inhalte.md", "schemas/event.schema.json", "theme/pages/event.html", "generator/cli.py")  # fmt: skip
    for name in copied:
        assert (town / name).is_file(), name
    assert not list(town.rglob("__pycache__"))
    licence = (town / "LICENSE").read_text(encoding="utf-8")
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")  # the licence pyproject.toml declares
    assert "Für andere Kommunen" not in (town / "README.md").read_text(encoding="utf-8")  # the town's own README

    # The new folder is self-contained: its own copy of the generator checks and builds it.
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "generator", *args], cwd=town, capture_output=True, text=True)

    checked = run("validate")
    assert checked.returncode == 0, checked.stderr
    assert "2 Vereine, 3 Veranstaltungen, 2 Orte, 1 Engagement-Angebote, 1 Seiten" in checked.stdout
    assert run("schema", "--check").returncode == 0
    built = run("build", "--out", "site", "--today", TODAY)
    assert built.returncode == 0, built.stderr
    site = town / "site"
    pages = (
        "index.html",
        "vereine/sportverein-musterstadt/index.html",
        "veranstaltungen/kindertraining/qr.svg",
        "veranstaltungen/tag-der-vereine/aushang/index.html",
        "widget/verein/heimatverein-musterstadt/index.html",
    )
    for page in pages:
        assert (site / page).is_file(), page
    events = json.loads((site / "api" / "v1" / "events.json").read_text(encoding="utf-8"))
    training = next(e for e in events["items"] if e["id"] == "kindertraining")
    assert training["start"].startswith("2026-12-08T17:00") and len(training["next_occurrences"]) >= 12
    assert "Musterstadt" in (site / "index.html").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys) -> None:
    (tmp_path / "notizen.txt").write_text("wichtig", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "ist nicht leer" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notizen.txt"]
