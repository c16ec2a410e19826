"""CONTRIBUTING.md (German, for clubs): its example file is valid and its links lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

from generator.project import Project
from generator.submissions.check import check_record, load_content

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "CONTRIBUTING.md"


def test_the_example_event_validates_against_the_sample_content() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"^( *)```yaml\n(.*?)^\1```$", text, re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1
    indent, body = blocks[0]
    example = "".join(line.removeprefix(indent) + "\n" for line in body.splitlines())
    content = load_content(Project(ROOT))
    assert check_record(content, "events", "sommerfest-2027", example, "content/events/sommerfest-2027.yml") == []


def test_links_point_at_existing_files_and_headings() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#]+)(#[^)]*)?\)", text)
    assert targets
    guide = (ROOT / "docs" / "inhalte.md").read_text(encoding="utf-8")
    for path, anchor in targets:
        assert (ROOT / path).is_file(), path
        if anchor and path == "docs/inhalte.md":
            heading = anchor[1:].replace("-", " ")
            assert any(h.lower().replace("-", " ") == heading for h in re.findall(r"^## (.+)$", guide, re.MULTILINE))
    assert "## Veranstaltung eintragen in 5 Minuten" in text
    for route in ("### Weg 1", "### Weg 2", "### Weg 3", "## Was danach passiert", "## Hilfe"):
        assert route in text


GITHUB_WORDS = re.compile(
    r"\b(Issues?|Pull Requests?|pull request|Commit|Branch|Merge|Submit|Create|Edit|Checks|Artifacts|Files changed|"
    r"Add file|Propose|New issue)\b"
)
"""English words of GitHub's interface that volunteers meet on the routes to send something in."""


def _unexplained_english(text: str) -> list[str]:
    """GitHub's English words in ``text`` that stand unquoted, or quoted with no German beside them.

    A quoted label is explained when a German explanation in brackets follows it („Add file“ (Datei
    hinzufügen)), its German twin follows („Create“ bzw. „Erstellen“), or it explains German words
    itself, inside brackets (Änderungsvorschlag (bei GitHub „Pull Request“)).
    """
    found = []
    for match in re.finditer(r"„([^“]*)“", text):
        if not GITHUB_WORDS.search(match.group(1)):
            continue
        after = text[match.end() :]
        inside_brackets = text.rfind("(", 0, match.start()) > text.rfind(")", 0, match.start())
        if not (re.match(r"\s*(\(|bzw\. „|oder „)", after) or inside_brackets):
            found.append(match.group(0))
    found += GITHUB_WORDS.findall(re.sub(r"„[^“]*“|`[^`]*`|\([^)]*\.md[^)]*\)", "", text))
    return found


def _between(text: str, start: str, end: str) -> str:
    assert start in text and end in text, (start, end)
    return text[text.index(start) : text.index(end)]


def test_github_words_on_the_volunteer_routes_are_explained_in_german() -> None:
    routes = _between(GUIDE.read_text(encoding="utf-8"), "## Veranstaltung eintragen in 5 Minuten", "## Ändern")
    assert _unexplained_english(routes) == []
    guide = (ROOT / "docs" / "inhalte.md").read_text(encoding="utf-8")
    assert _unexplained_english(_between(guide, "### Drei Wege, etwas einzutragen", "Das Formular selbst")) == []


def test_the_forms_show_no_english_button_words() -> None:
    html = (ROOT / "theme" / "pages" / "form.html").read_text(encoding="utf-8")
    text = re.sub(r"\{[{%#].*?[}%#]\}|<[^>]+>", " ", html, flags=re.DOTALL)  # what the page says
    assert "„Create“ oder „Erstellen“" in text  # GitHub's button, whichever language it shows
    assert _unexplained_english(text) == []


def test_the_check_finds_english_left_alone() -> None:
    assert _unexplained_english("Klicken Sie auf „Create“.") == ["„Create“"]
    assert _unexplained_english("Dann wird daraus ein Pull Request.") == ["Pull Request"]
    assert _unexplained_english("„Add file“ (Datei hinzufügen), Vorschlag (bei GitHub „Pull Request“)") == []
