"""`python -m generator validate`: every problem of every file in one run, sorted, exit status 1;
inside GitHub Actions additionally as `::error` workflow annotations."""

from __future__ import annotations

import re

import pytest

from generator.cli import main
from generator.problems import Location, Problem

EV = "content/events"
TWO_ERRORS = """\
title: Sommerfest
category: fest
free: vielleicht
venue: markt
start: 2027-05-21 15:00
description: |
  Kaffee und Kuchen.
  Musik vom Posaunenchor.
audiences: [kinder]
price: 3 €
website: javascript:void(0)
"""


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    # the suite itself may run in GitHub Actions; annotations are switched on per test
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def run(project, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--root", str(project.root), "validate"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_valid_project_exits_0_with_a_summary(project, capsys) -> None:
    project.copy("valid/events/sommerfest.yml")
    project.copy("valid/events/training.yml")
    code, out, err = run(project, capsys)
    assert (code, err) == (0, "")
    assert re.fullmatch(
        r"Alles in Ordnung: 1 Vereine, 2 Veranstaltungen, 2 Orte, 0 Engagement-Angebote, 0 Seiten geprüft "
        r"\(\d+\.\d\d s\)\.\n"
        r"Hinweis: content/town\.yml:4:11: „https://engagiert\.example\.org/“ ist eine Beispieladresse .*\n"
        r"Hinweis: content/town\.yml:24:10: „stadt@example\.org“ ist eine Beispieladresse .*\n"
        r"Hinweis: 2 Platzhalter aus der Vorlage in 1 Datei\. Vor dem Veröffentlichen ersetzen: .*\n",
        out,
    )


def test_all_problems_of_all_files_in_one_run_sorted_exit_1(project, capsys) -> None:
    project.copy("broken/events/tab-indentation.yml")  # YAML syntax
    project.copy("broken/events/end-before-start.yml")  # model rule
    project.copy("broken/events/Invalid_ID.yml")  # file name
    project.copy("broken/clubs/unknown-district.yml")  # references to town.yml
    project.add("events/two-errors.yml", TWO_ERRORS)  # lines 3 and 11: sorted as numbers, not text
    code, out, err = run(project, capsys)
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "content/clubs/unknown-district.yml:2:19: category[2]: Eine Kategorie mit der Kennung „fst“ gibt es nicht "
        "in content/town.yml. Meinten Sie „fest“? Vorhanden: fest, sport.",
        "content/clubs/unknown-district.yml:3:11: district: Einen Ortsteil mit der Kennung „mite“ gibt es nicht "
        "in content/town.yml. Meinten Sie „mitte“? Vorhanden: borken, mitte.",
        f"{EV}/Invalid_ID.yml:1:1: Der Dateiname „Invalid_ID.yml“ ist als Kennung ungültig: erlaubt sind nur "
        "Kleinbuchstaben a–z, Ziffern und Bindestriche (ä → ae, ß → ss, Leerzeichen → -), z. B. „invalid-id.yml“.",
        f"{EV}/end-before-start.yml:5:6: end: Das Ende liegt vor dem Beginn. Prüfen Sie Datum und Uhrzeit von „end“.",
        f"{EV}/tab-indentation.yml:6:1: Die Datei ist kein gültiges YAML. Tabulatorzeichen sind in YAML nicht "
        "erlaubt. Rücken Sie nur mit Leerzeichen ein.",
        f"{EV}/two-errors.yml:3:7: free: „vielleicht“ ist weder ja noch nein. Schreiben Sie ja oder nein "
        "(bzw. true oder false).",
        f"{EV}/two-errors.yml:11:10: website: „javascript:void(0)“ ist kein erlaubter Link. Nur Adressen, die mit "
        "https:// oder http:// beginnen, sind erlaubt, z. B. https://www.example.org/.",
        "7 Fehler in 5 Dateien. Bitte korrigieren Sie die genannten Stellen.",
    ]
    assert "::error" not in err


def test_one_problem_in_one_file_summary(project, capsys) -> None:
    project.copy("broken/events/end-before-start.yml")
    code, _, err = run(project, capsys)
    assert code == 1
    assert err.splitlines()[-1] == "1 Fehler in 1 Datei. Bitte korrigieren Sie die genannten Stellen."


def test_missing_town_file_exits_1(project, capsys) -> None:
    project.remove("town.yml")
    code, _, err = run(project, capsys)
    assert code == 1
    assert err.splitlines() == [
        "content/town.yml:1:1: Die Datei mit den Angaben zur Kommune fehlt. Legen Sie content/town.yml an "
        "(Vorlage: README).",
        "1 Fehler in 1 Datei. Bitte korrigieren Sie die genannten Stellen.",
    ]


def test_relative_root_prints_the_same_paths(project, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    project.copy("broken/events/end-before-start.yml")
    monkeypatch.chdir(project.root.parent)
    code = main(["--root", project.root.name, "validate"])
    assert code == 1
    assert capsys.readouterr().err.startswith(f"{EV}/end-before-start.yml:5:6: end: ")


def test_usage_error_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2


_ANNOTATION = re.compile(
    r"::error file=(?P<file>[^,:]+)(?:,line=(?P<line>\d+),col=(?P<col>\d+))?,title=(?P<title>[^:]*)::(?P<message>.+)"
)


def test_github_annotations(project, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    project.copy("broken/events/end-before-start.yml")
    project.copy("broken/events/except-not-an-occurrence.yml")
    project.copy("broken/events/Invalid_ID.yml")
    project.copy("broken/pages/no-front-matter.md")
    code, _, err = run(project, capsys)
    assert code == 1
    annotations = [line for line in err.splitlines() if line.startswith("::")]
    assert len(annotations) == 4
    assert all(_ANNOTATION.fullmatch(line) for line in annotations), annotations
    assert annotations[0] == (
        f"::error file={EV}/Invalid_ID.yml,line=1,col=1,title=Inhalt::"
        "Der Dateiname „Invalid_ID.yml“ ist als Kennung ungültig: "
        "erlaubt sind nur Kleinbuchstaben a–z, Ziffern und Bindestriche (ä → ae, ß → ss, Leerzeichen → -), "
        "z. B. „invalid-id.yml“."
    )
    assert annotations[1] == (
        f"::error file={EV}/end-before-start.yml,line=5,col=6,title=end::Das Ende liegt vor dem Beginn. "
        "Prüfen Sie Datum und Uhrzeit von „end“."
    )
    assert annotations[2].startswith(
        f"::error file={EV}/except-not-an-occurrence.yml,line=8,col=24,title=repeat.except[2]::Am Mittwoch, 12.05.2027 "
    )
    assert annotations[3] == (
        "::error file=content/pages/no-front-matter.md,line=1,col=1,title=Inhalt::Eine Seite beginnt mit einem "
        "Kopf zwischen zwei Zeilen „---“, darin mindestens „title: …“, z. B. erste Zeile „---“, zweite "
        "„title: Anlaufstelle“, dritte „---“."
    )
    # the plain lines come first and the summary stays last
    assert err.splitlines()[0].startswith(f"{EV}/Invalid_ID.yml:1:1: ")
    assert err.splitlines()[-1] == "4 Fehler in 4 Dateien. Bitte korrigieren Sie die genannten Stellen."


def test_no_github_annotations_outside_github_actions(project, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    project.copy("broken/events/end-before-start.yml")
    _, _, err = run(project, capsys)
    assert "::error" not in err


def test_every_problem_is_printed_on_one_line(project, capsys) -> None:
    project.copy("broken/pages/no-front-matter.md")
    project.copy("broken/events/end-before-start.yml")
    _, _, err = run(project, capsys)
    *problem_lines, summary = err.splitlines()
    assert summary.endswith("Bitte korrigieren Sie die genannten Stellen.")
    assert len(problem_lines) == 2
    assert all(re.match(r"content/\S+?(:\d+:\d+)?: ", line) for line in problem_lines), problem_lines


def test_github_annotation_escapes_line_breaks_and_separators() -> None:
    # one annotation must stay one line, and `:` / `,` in file and title must not end the properties
    problem = Problem(Location("content/events/a,b.yml", 3, 5), "repeat.changes[1].end", "Zeile 1\nZeile 2: 100 %")
    assert problem.github_annotation() == (
        "::error file=content/events/a%2Cb.yml,line=3,col=5,title=repeat.changes[1].end::Zeile 1%0AZeile 2: 100 %25"
    )
