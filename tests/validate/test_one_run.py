"""One run reports everything: a broken `town.yml`, a failing check or a hostile file never hides
the problems of the other files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_files import write_hostile_files

from generator.problems import Location
from generator.project import Project
from generator.validate import references

ROOT = Path(__file__).resolve().parents[2]
EV = "content/events"
UNKNOWN_VENUE = "title: Fest\norganizer: turnverein\ncategory: fest\nvenue: marktplatz-ost\nstart: 2027-06-04 18:00\n"


def _edit_town(project, old: str, new: str) -> None:
    town = project.content / "town.yml"
    text = town.read_text(encoding="utf-8")
    assert old in text
    town.write_text(text.replace(old, new), encoding="utf-8")


def test_broken_town_file_and_unknown_venue_in_one_run(project) -> None:
    _edit_town(project, "email: stadt@example.org", "email: keine-adresse")
    _edit_town(project, "venue: rathaus", "venue: rathuas")
    project.add("events/fest.yml", UNKNOWN_VENUE)
    project.assert_problems(
        [
            f"{EV}/fest.yml:4:8: venue: Einen Ort mit der Kennung „marktplatz-ost“ gibt es nicht "
            "(es gibt keine Datei content/venues/marktplatz-ost.yml). ...",
            "content/town.yml:19:10: contact_point.venue: Einen Ort mit der Kennung „rathuas“ gibt es nicht "
            "(es gibt keine Datei content/venues/rathuas.yml). Meinten Sie „rathaus“?",
            "content/town.yml:24:10: legal.email: ...",
        ]
    )


def test_a_broken_vocabulary_entry_still_counts_with_its_id(project) -> None:
    _edit_town(project, "{id: fest, label: Feste}", "{id: fest, label: Feste, farbe: rot}")
    project.add("events/fest.yml", UNKNOWN_VENUE)  # category: fest, the broken entry
    project.add("events/zirkus.yml", UNKNOWN_VENUE.replace("category: fest", "category: zirkus"))
    problems = project.problems()
    assert [p.split(": ")[0] for p in problems] == [
        f"{EV}/fest.yml:4:8",
        f"{EV}/zirkus.yml:3:11",
        f"{EV}/zirkus.yml:4:8",
        "content/town.yml:9:30",
    ], problems


def test_an_unreadable_vocabulary_skips_only_its_own_references(project) -> None:
    _edit_town(project, "  - {id: sport, label: Sport}\n  - {id: fest, label: Feste}\n", "  sport\n")
    project.add("events/zirkus.yml", UNKNOWN_VENUE.replace("category: fest", "category: zirkus"))
    project.add("venues/ort.yml", "name: Ort\naddress: {street: A 1, postcode: 04916, city: B}\ndistrict: west\n")
    problems = project.problems()
    assert any(p.startswith("content/town.yml:8:") for p in problems), problems
    assert any(p.startswith(f"{EV}/zirkus.yml:4:8: venue: ") for p in problems), problems
    assert any(p.startswith("content/venues/ort.yml:3:11: district: Einen Ortsteil ") for p in problems), problems
    assert not any("zirkus“" in p for p in problems), problems  # unknowable while the categories are unreadable


def test_town_file_that_is_no_yaml_still_lets_records_be_checked(project) -> None:
    (project.content / "town.yml").write_text("name: [Teststadt\n", encoding="utf-8")
    project.add("events/fest.yml", UNKNOWN_VENUE)
    problems = project.problems()
    assert problems[0].startswith(f"{EV}/fest.yml:4:8: venue: Einen Ort mit der Kennung „marktplatz-ost“")
    assert problems[1].startswith("content/town.yml:2:1: Die Datei ist kein gültiges YAML.")
    assert len(problems) == 2


def test_a_failing_check_becomes_a_problem_of_its_file(project, monkeypatch: pytest.MonkeyPatch) -> None:
    project.add("events/fest.yml", UNKNOWN_VENUE.replace("marktplatz-ost", "markt"))
    project.add("events/zweites.yml", UNKNOWN_VENUE)

    original = references.ReferenceChecker._event

    def failing_for_fest(self, record) -> None:
        if record.id == "fest":
            raise RecursionError("maximum recursion depth exceeded\nmore lines")
        original(self, record)

    monkeypatch.setattr(references.ReferenceChecker, "_event", failing_for_fest)
    project.assert_problems(
        [
            f"{EV}/fest.yml:1:1: Interner Fehler beim Lesen dieser Datei — bitte melden (mit dieser Meldung und "
            "der Datei). Technisch: RecursionError: maximum recursion depth exceeded. Die übrigen Dateien wurden "
            "trotzdem geprüft.",
            f"{EV}/zweites.yml:4:8: venue: Einen Ort mit der Kennung „marktplatz-ost“ gibt es nicht ...",
        ]
    )


def test_a_failing_reader_becomes_a_problem_of_its_file(project, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import content

    project.add("events/fest.yml", UNKNOWN_VENUE)
    project.add("events/zweites.yml", UNKNOWN_VENUE)
    original = content.validate_file

    def failing_for_fest(file):
        if file.id == "fest":
            raise MemoryError()
        return original(file)

    monkeypatch.setattr(content, "validate_file", failing_for_fest)
    problems = project.problems()
    assert problems[0] == (
        f"{EV}/fest.yml:1:1: Interner Fehler beim Lesen dieser Datei — bitte melden (mit dieser Meldung und der "
        "Datei). Technisch: MemoryError. Die übrigen Dateien wurden trotzdem geprüft."
    )
    assert problems[1].startswith(f"{EV}/zweites.yml:4:8: venue: ")


def test_every_hostile_file_is_reported_with_file_and_line(tmp_path: Path) -> None:
    """~180 hostile files added to the real sample at once: each is reported, no traceback, status 1.

    Time and memory are measured by `bench/hostile_bench.py`; the timeout here only stops a hang."""
    project = Project(ROOT).copy_to(tmp_path / "town")
    hostile = write_hostile_files(project.content_dir)
    assert len(hostile) > 170
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project.root), "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Interner Fehler" not in result.stderr  # every hostile file gets a real explanation
    lines = result.stderr.splitlines()
    assert lines[-1].endswith("Bitte korrigieren Sie die genannten Stellen.")
    located = re.compile(r"^(?P<path>content/.+?):(?P<line>[1-9]\d*):(?P<column>[1-9]\d*): \S")
    reported = {match["path"] for line in lines[:-1] if (match := located.match(line))}
    assert all(located.match(line) for line in lines[:-1]), [line for line in lines if not located.match(line)][:5]
    assert sorted(set(hostile) - reported) == []
    # the sample's own files stay clean, except the one whose id a hostile file takes twice
    assert reported - set(hostile) == {f"{EV}/chorprobe.yml"} or reported - set(hostile) == set()


def test_location_of_internal_error_names_the_file() -> None:
    assert str(Location("content/events/x.yml", 1, 1)) == "content/events/x.yml:1:1"
