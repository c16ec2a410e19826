"""The "Kontakt:" line of an event page joins only what is written (no stray commas or dots)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.models.common import Contact
from generator.outputs.templates import template_environment

PAGES = Path(__file__).resolve().parents[3] / "theme" / "pages"


def _line(**fields: str) -> str:
    macro = template_environment(PAGES).get_template("_macros.html").module.contact_line  # type: ignore[attr-defined]
    return str(macro(Contact.model_validate(fields)))


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"name": "Erika Beispiel", "phone": "03535 1234"}, 'Erika Beispiel · Telefon <a href="tel:035351234">'),
        ({"phone": "03535 1234"}, 'Telefon <a href="tel:035351234">'),
        (
            {"role": "Vorstand", "name": "Erika Beispiel", "email": "v@example.org"},
            'Vorstand, Erika Beispiel · <a href="mailto:v@example.org">',
        ),
        (
            {"email": "v@example.org", "phone": "03535 1234"},
            '<a href="mailto:v@example.org">v@example.org</a> · Telefon',
        ),
        ({"website": "https://example.org/"}, '<a href="https://example.org/">Webseite</a>'),
    ],
)
def test_contact_line_joins_only_what_is_written(fields: dict[str, str], expected: str) -> None:
    line = _line(**fields)
    assert line.startswith(expected), line
    assert ", ·" not in line and not line.endswith(("·", ", ")) and "· ·" not in line
