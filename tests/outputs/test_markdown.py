"""Contributor Markdown to safe HTML and to plain text (outputs/markdown.py)."""

from __future__ import annotations

from markupsafe import Markup

from generator.outputs.markdown import plain_text, render_markdown


def test_raw_html_is_shown_as_text() -> None:
    html = render_markdown("<script>alert(1)</script> und <b>fett</b>")
    assert isinstance(html, Markup)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>" not in html


def test_only_safe_link_schemes_survive() -> None:
    html = render_markdown("[a](javascript:alert(1)) [b](mailto:x@example.org) [c](tel:+4935351)")
    assert 'href="javascript' not in html and "[a](javascript:alert(1))" in html  # left as text
    assert '<a href="mailto:x@example.org">b</a>' in html and '<a href="tel:+4935351">c</a>' in html


def test_external_links_get_nofollow_noopener() -> None:
    html = render_markdown("[Anmeldung](https://example.org/a?x=1&y=2)")
    assert html == Markup('<p><a rel="nofollow noopener" href="https://example.org/a?x=1&amp;y=2">Anmeldung</a></p>\n')


def test_headings_start_at_the_requested_level() -> None:
    assert render_markdown("# Titel\n\n## Teil") == Markup("<h3>Titel</h3>\n<h4>Teil</h4>\n")
    assert render_markdown("# Titel", heading_level=2) == Markup("<h2>Titel</h2>\n")
    assert render_markdown("##### tief") == Markup("<h6>tief</h6>\n")  # never beyond h6


def test_tables_but_no_images() -> None:
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n![Bild](https://x.example/b.png)")
    assert "<table>\n<thead>\n<tr>\n<th>a</th>" in html and "<td>2</td>" in html
    assert "<img" not in html and "https://x.example/b.png" not in html


def test_empty_text() -> None:
    assert render_markdown(None) == Markup("") and render_markdown("") == Markup("")
    assert plain_text(None) == "" and plain_text("") == ""


def test_plain_text_keeps_link_targets_and_structure() -> None:
    text = "# Termine\n\nBitte **anmelden**: [Anmeldung](https://x.example/a).\n\n- eins\n- zwei\n"
    assert plain_text(text) == "Termine\n\nBitte anmelden: Anmeldung (https://x.example/a).\n\n• eins\n• zwei"
    assert plain_text("[x@example.org](mailto:x@example.org)") == "x@example.org"  # no repeated target
