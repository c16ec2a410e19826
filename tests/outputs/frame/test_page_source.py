"""The front matter of every page reaches MkDocs intact, whatever characters the content holds."""

from __future__ import annotations

import pytest
from mkdocs.utils.meta import get_data

from generator.outputs.frame.page_source import PLACEHOLDER, PageSource


@pytest.mark.parametrize(
    "text",
    [
        "„Sommerfest“ – mit Grillen & Musik 🎉",
        "Zitat aus Windows-1252: \x84Fest\x93 \x96 Ende",  # C1 controls: YAML refuses them in a file
        "Steuerzeichen \x7f und \x9f",
        "Zeilenenden für YAML: \x85 \u2028 \u2029",
        "Nicht-Zeichen \ufffe \uffff",
        'Schrägstriche \\ und "Anführungszeichen"',
    ],
)
def test_mkdocs_reads_the_front_matter_as_written(text: str) -> None:
    meta = {"title": text, "og": {"type": "article", "url": "u"}, "jsonld": f'{{"name":"{text}"}}'}
    body, read = get_data(PageSource("vereine/x/", meta, "body").markdown())
    assert read == meta
    assert body == PLACEHOLDER + "\n"
