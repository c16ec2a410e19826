"""Finding content files and deriving record ids from their file names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.discover import discover, suggest_id


def make_files(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("title: x\n", encoding="utf-8")


def run_discover(root: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    files, problems = discover(root / "content", root)
    return [(f.kind, f.id, f.shown_path) for f in files], [str(p) for p in problems]


def test_ids_come_from_file_names_in_all_sub_folders(tmp_path: Path) -> None:
    make_files(
        tmp_path,
        ["events/2027/mai/sommerfest.yml", "events/tag-der-nachbarn.yml", "clubs/tv-1990.yml", "pages/mitmachen.md"],
    )
    files, problems = run_discover(tmp_path)
    assert problems == []
    assert files == [
        ("clubs", "tv-1990", "content/clubs/tv-1990.yml"),
        ("events", "sommerfest", "content/events/2027/mai/sommerfest.yml"),
        ("events", "tag-der-nachbarn", "content/events/tag-der-nachbarn.yml"),
        ("pages", "mitmachen", "content/pages/mitmachen.md"),
    ]


def test_readme_gitkeep_and_hidden_files_are_ignored(tmp_path: Path) -> None:
    make_files(tmp_path, ["events/README.md", "events/.gitkeep", "events/.DS_Store", "events/.entwurf.yml"])
    assert run_discover(tmp_path) == ([], [])


def test_folders_outside_the_record_kinds_are_ignored(tmp_path: Path) -> None:
    make_files(tmp_path, ["images/Foto 1.JPG", "notizen/x.txt"])
    assert run_discover(tmp_path) == ([], [])


_ID_RULE = (
    "ist als Kennung ungültig: erlaubt sind nur Kleinbuchstaben a–z, Ziffern und Bindestriche "
    "(ä → ae, ß → ss, Leerzeichen → -), z. B."
)


@pytest.mark.parametrize(
    ("file_name", "suggestion"),
    [
        ("Tag der Nachbarn.yml", "tag-der-nachbarn.yml"),
        ("straßenfest-größe.yml", "strassenfest-groesse.yml"),
        ("Sommerfest_2027.yml", "sommerfest-2027.yml"),
        ("-fest.yml", "fest.yml"),
        ("fest--2027.yml", "fest-2027.yml"),
        ("fest-.yml", "fest.yml"),
        ("!!!.yml", "eintrag.yml"),
    ],
)
def test_invalid_id_in_file_name_gets_a_suggestion(tmp_path: Path, file_name: str, suggestion: str) -> None:
    make_files(tmp_path, [f"events/{file_name}"])
    files, problems = run_discover(tmp_path)
    assert files == []
    assert problems == [f"content/events/{file_name}:1:1: Der Dateiname „{file_name}“ {_ID_RULE} „{suggestion}“."]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Tag der Nachbarn", "tag-der-nachbarn"),
        ("Übungsabend Löschzug", "uebungsabend-loeschzug"),
        ("Fußball", "fussball"),
        ("  a  b  ", "a-b"),
        ("ÄÖÜ", "aeoeue"),
        ("Café Kaputt", "cafe-kaputt"),  # a real Leipzig venue became "caf-kaputt"
        ("Crêperie Noël", "creperie-noel"),
        ("", "eintrag"),
    ],
)
def test_suggest_id(name: str, expected: str) -> None:
    assert suggest_id(name) == expected


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [
        pytest.param(
            "events/fest.yaml",
            "content/events/fest.yaml:1:1: In content/events/ sind nur Dateien mit der Endung „.yml“ erlaubt. "
            "Benennen Sie „.yaml“ in „.yml“ um.",
            id="yaml",
        ),
        pytest.param(
            "clubs/verein.YML",
            "content/clubs/verein.YML:1:1: In content/clubs/ sind nur Dateien mit der Endung „.yml“ erlaubt.",
            id="upper-case",
        ),
        pytest.param(
            "venues/ort.json",
            "content/venues/ort.json:1:1: In content/venues/ sind nur Dateien mit der Endung „.yml“ erlaubt.",
            id="json",
        ),
        pytest.param(
            "pages/seite.yml",
            "content/pages/seite.yml:1:1: In content/pages/ sind nur Dateien mit der Endung „.md“ erlaubt.",
            id="page-as-yml",
        ),
    ],
)
def test_wrong_extension(tmp_path: Path, file_name: str, expected: str) -> None:
    make_files(tmp_path, [file_name])
    assert run_discover(tmp_path) == ([], [expected])


def test_same_id_in_different_sub_folders_is_found_twice(tmp_path: Path) -> None:
    # discover() lists both; load_site() reports the second one (see tests/validate/test_rules.py)
    make_files(tmp_path, ["events/2027/x.yml", "events/x.yml"])
    files, problems = run_discover(tmp_path)
    assert problems == []
    assert files == [("events", "x", "content/events/2027/x.yml"), ("events", "x", "content/events/x.yml")]


def test_same_id_in_different_kinds_is_fine(tmp_path: Path) -> None:
    make_files(tmp_path, ["clubs/rathaus.yml", "venues/rathaus.yml"])
    files, problems = run_discover(tmp_path)
    assert problems == []
    assert [(kind, record_id) for kind, record_id, _ in files] == [("clubs", "rathaus"), ("venues", "rathaus")]
