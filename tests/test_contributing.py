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
