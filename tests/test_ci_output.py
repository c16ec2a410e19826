"""`validate --summary` (GitHub job summary, German Markdown) and `--codequality` (GitLab report)."""

from __future__ import annotations

import json

import pytest

from generator.cli import main
from generator.markdown_escape import code, escape, fence

BROKEN = """\
title: Sommerfest <script>alert(1)</script>
category: fest
venue: markt
start: 21.05.2027
website: www.example.org|x
"""


@pytest.fixture(autouse=True)
def _outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_ACTIONS", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(name, raising=False)


def test_summary_lists_each_problem_with_file_line_field_and_what_to_do(project, capsys, tmp_path) -> None:
    project.add("events/sommerfest.yml", BROKEN)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    assert main(["--root", str(project.root), "validate", "--summary", str(summary)]) == 1
    assert "3 Fehler in 1 Datei" in capsys.readouterr().err
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## Prüfung der Inhalte: 3 Fehler in 1 Datei. Bitte korrigieren Sie")
    assert "**So beheben Sie das:**" in text and "„Files changed“" in text
    assert "### `content/events/sommerfest.yml`\n\n| Zeile | Feld | Was ist falsch und was ist zu tun |\n" in text
    assert (
        "| 4 | `start` | „21.05.2027“ ist kein gültiger Zeitpunkt. Schreiben Sie JJJJ-MM-TT HH:MM, z. B. "
        "2027-05-21 15:00, oder nur JJJJ-MM-TT für ganztägige Termine. Meinten Sie 2027-05-21? |"
    ) in text
    # the tag named by the message stays text in the summary
    assert "„\\<script\\>“ → löschen, mit allem bis zum schließenden Tag. |" in text
    # the cell ends only at the real cell border: the "|" from the file is escaped
    assert "| 5 | `website` | „www.example.org\\|x“ ist kein erlaubter Link." in text
    assert "docs/inhalte.md" in text


def test_summary_links_lines_inside_github_actions(project, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "stadt/engagiert")
    monkeypatch.setenv("GITHUB_SHA", "0123abc")
    project.add("events/sommerfest.yml", BROKEN)
    summary = tmp_path / "summary.md"
    main(["--root", str(project.root), "validate", "--summary", str(summary)])
    text = summary.read_text(encoding="utf-8")
    base = "https://github.com/stadt/engagiert/blob/0123abc/"
    assert f"[4]({base}content/events/sommerfest.yml#L4)" in text
    assert f"### [`content/events/sommerfest.yml`]({base}content/events/sommerfest.yml)" in text
    assert f"({base}docs/inhalte.md#h%C3%A4ufige-fehlermeldungen-und-was-sie-bedeuten)" in text


def test_summary_when_all_is_well(project, capsys, tmp_path) -> None:
    summary = tmp_path / "summary.md"
    assert main(["--root", str(project.root), "validate", "--summary", str(summary)]) == 0
    assert summary.read_text(encoding="utf-8") == (
        "## Prüfung der Inhalte: alles in Ordnung\n\n"
        "1 Vereine, 0 Veranstaltungen, 2 Orte, 0 Engagement-Angebote, 0 Seiten geprüft.\n"
    )


def test_codequality_report_for_gitlab(project, capsys, tmp_path) -> None:
    project.add("events/sommerfest.yml", BROKEN)
    report = tmp_path / "gl-code-quality-report.json"
    assert main(["--root", str(project.root), "validate", "--codequality", str(report)]) == 1
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert [(e["location"]["path"], e["location"]["lines"]["begin"], e["severity"]) for e in entries] == [
        ("content/events/sommerfest.yml", 1, "major"),
        ("content/events/sommerfest.yml", 4, "major"),
        ("content/events/sommerfest.yml", 5, "major"),
    ]
    assert entries[1]["description"].startswith("start: „21.05.2027“ ist kein gültiger Zeitpunkt.")
    assert entries[1]["check_name"] == "engagiert-validate"
    assert len({e["fingerprint"] for e in entries}) == 3
    report.unlink()
    project.remove("events/sommerfest.yml")
    assert main(["--root", str(project.root), "validate", "--codequality", str(report)]) == 0
    assert json.loads(report.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Herzberg (Elster)", "Herzberg (Elster)"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("[klick](javascript:x)", "\\[klick\\](javascript:x)"),
        ("**fett** _kursiv_ `code`", "\\*\\*fett\\*\\* \\_kursiv\\_ \\`code\\`"),
        ("a | b", "a \\| b"),
        ("${{ secrets.X }}", "\\$\\{\\{ secrets.X \\}\\}"),
        ("@everyone, info@example.org", "@\u200beveryone, info@example.org"),
        ("Zeile 1\r\nZeile 2", "Zeile 1 Zeile 2"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_code_and_fence_survive_backticks() -> None:
    assert code("a`b") == "``a`b``"
    assert code("`x`") == "`` `x` ``"
    assert fence("x: 1\n```\n", "yaml") == "````yaml\nx: 1\n```\n````"
    assert fence("x: 1", "yaml") == "```yaml\nx: 1\n```"
