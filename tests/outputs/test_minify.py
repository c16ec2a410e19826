"""Compacting the HTML MkDocs writes (outputs/minify.py)."""

from __future__ import annotations

from pathlib import Path

from generator.outputs.minify import compact_files, compact_html


def test_indentation_and_blank_lines_go() -> None:
    html = "<html>\n    <body>\n\n        <p>Text</p>\n   \n    </body>\n</html>\n"
    assert compact_html(html) == "<html>\n<body>\n<p>Text</p>\n</body>\n</html>\n"


def test_pre_and_textarea_keep_their_whitespace() -> None:
    html = "<div>\n    <pre class='x'>  zwei\n\n    vier  </pre>\n    <TEXTAREA>\n  a\n</TEXTAREA>\n</div>"
    assert (
        compact_html(html) == "<div>\n<pre class='x'>  zwei\n\n    vier  </pre>\n<TEXTAREA>\n  a\n</TEXTAREA>\n</div>"
    )


def test_a_break_between_inline_elements_stays_one_break() -> None:
    assert compact_html("<a>eins</a>\n      <a>zwei</a>") == "<a>eins</a>\n<a>zwei</a>"
    assert compact_html("<b>x</b><i>y</i>") == "<b>x</b><i>y</i>"  # none where there was none
    assert compact_html("<pre>a</pre>   <pre>b</pre>") == "<pre>a</pre>\n<pre>b</pre>"


def test_compacting_twice_changes_nothing() -> None:
    html = "<ul>\n  <li>a</li>\n\n  <li><pre>\n x\n</pre></li>\n</ul>\n"
    once = compact_html(html)
    assert compact_html(once) == once


def test_compact_files_rewrites_and_counts_saved_bytes(tmp_path: Path) -> None:
    loose, tight = tmp_path / "404.html", tmp_path / "ok.html"
    loose.write_text("<p>\n    Ä\n</p>\n", encoding="utf-8")
    tight.write_text("<p>x</p>\n", encoding="utf-8")
    before = tight.stat().st_mtime_ns
    assert compact_files([loose, tight]) == 4
    assert loose.read_text(encoding="utf-8") == "<p>\nÄ\n</p>\n"
    assert tight.stat().st_mtime_ns == before  # unchanged files are not written
