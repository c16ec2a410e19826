"""A new town from `init` carries nothing of the town it was made from, and cannot publish the template's placeholders.

Generated credits: none. No file of a new town names Herzberg, not even a credit line (the README
names the project „engagiert“ only), so the test allows no exception.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.publish_mode import publishing
from generator.submissions.issue_form import load_form
from generator.validate.placeholders import scan_text

TODAY = "2026-12-01"
ROOT = Path(__file__).resolve().parent.parent
CREDITS: dict[str, int] = {}
"""File → lines allowed to name Herzberg (generated credits): none."""


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "neustadt"
    assert main(["init", str(target), "--today", TODAY]) == 0
    return target


def _run(town: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The new town's own copy of the generator, as its volunteers run it."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=town, capture_output=True, text=True)


def test_no_file_of_the_new_town_names_herzberg(town: Path) -> None:
    found = {}
    for path in sorted(town.rglob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            hits = [n for n, line in enumerate(text.splitlines(), 1) if re.search("herzberg", line, re.IGNORECASE)]
            relative = path.relative_to(town).as_posix()
            if len(hits) > CREDITS.get(relative, 0):
                found[relative] = hits[:5]
    assert found == {}, f"Herzberg in the new town (file: lines): {found}"
    # the check itself would see it
    assert re.search("herzberg", (ROOT / "docs" / "inhalte.md").read_text(encoding="utf-8"), re.IGNORECASE)


def test_the_issue_forms_and_the_guide_name_the_new_towns_vocabularies(town: Path) -> None:
    forms = town / ".github" / "ISSUE_TEMPLATE"
    club = load_form(forms / "verein.yml")
    assert club.element("district").options == ("Musterstadt (Kernstadt)", "Nachbardorf")
    assert "Gärten und Kleingärten" not in club.element("category").options  # one of Herzberg's
    assert club.element("category").options[:2] == ("Sport und Bewegung", "Kultur und Musik")
    event = load_form(forms / "veranstaltung.yml")
    assert event.element("audiences").options[-1] == "Für alle"
    chooser = yaml.safe_load((forms / "config.yml").read_text(encoding="utf-8"))
    site = "https://engagiert.musterstadt.example.org/"
    # the new town has no page „anlaufstelle“: its contact point link goes to the home page
    assert [link["url"] for link in chooser["contact_links"]] == [site + "melden/", site]
    guide = (town / "docs" / "inhalte.md").read_text(encoding="utf-8")
    assert "- Ortsteile: `kernstadt`, `nachbardorf`\n" in guide
    assert "organizer: heimatverein-musterstadt" in guide

    # after the town renamed a district, `town-files` renders the forms and the guide again
    town_yml = town / "content" / "town.yml"
    original = town_yml.read_text(encoding="utf-8")
    try:
        town_yml.write_text(original.replace("label: Nachbardorf", "label: Oberdorf"), encoding="utf-8")
        stale = _run(town, "town-files", "--check")
        assert (
            stale.returncode == 1 and "verein.yml" in stale.stderr and "python -m generator town-files" in stale.stderr
        )
        assert _run(town, "town-files").returncode == 0
        assert load_form(forms / "verein.yml").element("district").options == ("Musterstadt (Kernstadt)", "Oberdorf")
        assert _run(town, "town-files", "--check").returncode == 0
    finally:
        town_yml.write_text(original, encoding="utf-8")
        assert _run(town, "town-files").returncode == 0


def test_every_placeholder_of_town_yml_is_marked(town: Path) -> None:
    lines = (town / "content" / "town.yml").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        data = line.split(" #")[0]
        if re.search("musterstadt|example\\.org|venue:", data, re.IGNORECASE):
            assert "# ÄNDERN" in line or "# ÄNDERN" in lines[number - 2], f"town.yml:{number} unmarked: {line}"
    for record in (town / "content").rglob("*.*"):
        if record.name != "town.yml" and record.suffix in {".yml", ".md"}:
            assert "BEISPIEL" in record.read_text(encoding="utf-8"), record


def test_placeholders_are_a_notice_while_working_and_errors_when_publishing(town: Path) -> None:
    working = _run(town, "validate")
    assert working.returncode == 0, working.stderr
    assert "Hinweis: content/" in working.stdout and "Platzhalter aus der Vorlage in 10 Dateien" in working.stdout

    published = _run(town, "validate", "--publish")
    assert published.returncode == 1
    errors = published.stderr.splitlines()
    name_line = "content/town.yml:8:7: „Musterstadt“ ist ein Platzhalter aus der Vorlage. Ersetzen Sie ihn durch "
    assert name_line + "den Namen Ihrer Kommune." in errors
    assert any(
        line.startswith("content/town.yml:47:10: „ehrenamt@example.org“ ist eine Beispieladresse") for line in errors
    )
    assert any(line.startswith("content/venues/rathaus.yml:2:1: Diese Datei ist ein Beispiel") for line in errors)
    assert "26 Fehler in 10 Dateien. Bitte korrigieren Sie die genannten Stellen." in errors
    assert (town / "content" / "town.yml").read_text(encoding="utf-8").splitlines()[7].startswith("name: Musterstadt")

    built = _run(town, "build", "--out", "site-publish", "--today", TODAY, "--publish")
    assert built.returncode == 1 and "Die Seite wurde nicht gebaut" in built.stderr
    assert not (town / "site-publish").exists()


def test_a_town_with_its_placeholders_replaced_publishes(town: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsterau"
    shutil.copytree(
        town, real, ignore=lambda folder, _: ["site", "site-publish", "build"] if folder == str(town) else []
    )
    content = real / "content"
    town_yml = content / "town.yml"
    text = town_yml.read_text(encoding="utf-8").replace("Musterstadt", "Elsterau")
    text = text.replace("engagiert.musterstadt.example.org", "engagiert.elsterau.de").replace(
        "example.org", "elsterau.de"
    )
    town_yml.write_text(text, encoding="utf-8")
    for record in sorted(content.rglob("*")):
        if record.is_file() and record.name != "town.yml":
            lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
            kept = [line for line in lines if not re.match(r"\s*(?:#\s*)?BEISPIEL", line)]
            text = "".join(kept).replace("musterstadt", "elsterau").replace("Musterstadt", "Elsterau")
            record.write_text(text.replace("example.org", "elsterau.de"), encoding="utf-8")
    for kind in ("clubs", "events", "opportunities"):
        for record in (content / kind).glob("*musterstadt*"):
            record.rename(record.with_name(record.name.replace("musterstadt", "elsterau")))
    checked = _run(real, "validate", "--publish")
    assert checked.returncode == 0, checked.stderr
    assert "Hinweis" not in checked.stdout
    built = _run(real, "build", "--out", "site", "--today", TODAY, "--publish")
    assert built.returncode == 0, built.stderr
    assert "Beispielportal" not in (real / "site" / "index.html").read_text(encoding="utf-8")


def test_the_demo_sample_publishes_and_says_on_every_page_that_it_is_invented(sample_site: Path, capsys) -> None:
    assert main(["--root", str(ROOT), "validate", "--publish"]) == 0
    out = capsys.readouterr().out
    assert "Hinweis: Beispielportal („demo: ja“ in content/town.yml)" in out
    for page in ("index.html", "vereine/index.html", "impressum/index.html", "veranstaltungen/index.html"):
        html = (sample_site / page).read_text(encoding="utf-8")
        assert "<strong>Beispielportal:</strong> alle Inhalte sind erfunden." in html, page


def test_scan_skips_comments_and_reports_an_address_once() -> None:
    text = "# Platzhalter: Musterstadt, example.org\nsite_url: https://engagiert.musterstadt.example.org/ # x\n"
    problems = scan_text(text, "content/town.yml")
    assert [(p.location.line, p.location.column) for p in problems] == [(2, 11)]
    assert "„https://engagiert.musterstadt.example.org/“ ist eine Beispieladresse" in problems[0].message
    assert "Tragen Sie die echte Internetadresse ein." in problems[0].message
    page = "---\ntitle: Hallo # Musterstadt\n---\n\n# Musterstadt\n[a@example.com](mailto:a@example.com).\n"
    found = [(p.location.line, p.message[:22]) for p in scan_text(page, "content/pages/x.md", markdown=True)]
    assert found == [(5, "„Musterstadt“ ist ein "), (6, "„a@example.com“ ist ei")]
    assert scan_text("# BEISPIELDATEN: erfunden\nname: Borken\n", "content/town.yml") == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, False),
        ({"ENGAGIERT_PUBLISH": "ja"}, True),
        ({"CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main"}, True),
        ({"CI_COMMIT_BRANCH": "feature", "CI_DEFAULT_BRANCH": "main"}, False),
        ({"CI_DEFAULT_BRANCH": "main"}, False),  # a merge request pipeline
        ({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push", "GITHUB_REF_NAME": "main"}, False),
        (
            {
                "GITHUB_ACTIONS": "true",
                "GITHUB_EVENT_NAME": "push",
                "GITHUB_REF_NAME": "main",
                "ENGAGIERT_DEFAULT_BRANCH": "main",
            },
            True,
        ),
        (
            {
                "GITHUB_ACTIONS": "true",
                "GITHUB_EVENT_NAME": "schedule",
                "GITHUB_REF_NAME": "trunk",
                "ENGAGIERT_DEFAULT_BRANCH": "trunk",
            },
            True,
        ),
        (
            {
                "GITHUB_ACTIONS": "true",
                "GITHUB_EVENT_NAME": "pull_request",
                "GITHUB_REF_NAME": "main",
                "ENGAGIERT_DEFAULT_BRANCH": "main",
            },
            False,
        ),
        (
            {
                "GITHUB_ACTIONS": "true",
                "GITHUB_EVENT_NAME": "push",
                "GITHUB_REF_NAME": "dev",
                "ENGAGIERT_DEFAULT_BRANCH": "main",
            },
            False,
        ),
    ],
)
def test_publishing_mode_is_on_in_ci_on_the_default_branch(env: dict[str, str], expected: bool) -> None:
    assert publishing(False, env) is expected
    assert publishing(True, env) is True


def test_herzbergs_town_files_are_up_to_date() -> None:
    """What `make test` runs: the committed forms, chooser and guide lists match content/town.yml."""
    assert main(["--root", str(ROOT), "town-files", "--check"]) == 0
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "ENGAGIERT_DEFAULT_BRANCH: ${{ github.event.repository.default_branch" in ci
