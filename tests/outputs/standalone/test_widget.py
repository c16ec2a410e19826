"""The copy-paste snippets of the embeddable widget (outputs/standalone/widget.py)."""

from __future__ import annotations

from generator.outputs.standalone.widget import FRAME_HEIGHT, snippets


def test_snippets_use_absolute_addresses_and_escape_the_club_name(project) -> None:
    project.add("clubs/kaffee.yml", 'name: Kaffee & "Kuchen" <e. V.>\ncategory: fest\nreviewed: 2026-10-01\n')
    site, report = project.load()
    assert site is not None, report.sorted()
    found = snippets(site, "kaffee")
    title = "Termine: Kaffee &amp; &quot;Kuchen&quot; &lt;e. V.&gt;"
    assert found.iframe == (
        f'<iframe src="https://engagiert.example.org/widget/verein/kaffee/" title="{title}" width="100%" '
        f'height="{FRAME_HEIGHT}" style="border:1px solid #d0d0d0" loading="lazy"></iframe>'
    )
    assert found.script == (
        f'<div data-engagiert-verein="kaffee" data-titel="{title}">'
        '<a href="https://engagiert.example.org/vereine/kaffee/">Termine im Portal</a></div>\n'
        '<script src="https://engagiert.example.org/widget/widget.js" defer></script>'
    )
