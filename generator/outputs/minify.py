"""Strip the indentation MkDocs' templates leave in every page.

Material's templates are indented for humans; about a quarter of a page's
bytes are leading spaces and blank lines. Citizens on rural mobile connections
pay for every byte, so each built HTML page is compacted line by line, leaving
`<pre>` and `<textarea>` contents (where whitespace matters) untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_PRESERVE = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.DOTALL | re.IGNORECASE)


def compact_html(html: str) -> str:
    parts = _PRESERVE.split(html)
    for index in range(0, len(parts), 2):  # even indexes are outside <pre>/<textarea>
        text = parts[index]
        lines = (line.strip() for line in text.split("\n"))
        compact = "\n".join(line for line in lines if line)
        # whitespace between inline elements is visible: keep one line break where there was any
        lead = "\n" if text[:1].isspace() and index > 0 else ""
        trail = "\n" if text[-1:].isspace() else ""
        parts[index] = lead + compact + trail if compact else (lead or trail)
    return "".join(parts)


def compact_files(paths: Iterable[Path]) -> int:
    """Compact the HTML files ``paths`` in place; returns the bytes saved.

    For what MkDocs writes besides the pages (the 404 page): pages, posters, widgets and
    programmes are compacted as they are assembled or rendered.
    """
    saved = 0
    for path in sorted(paths):
        original = path.read_text(encoding="utf-8")
        compact = compact_html(original)
        if compact != original:
            path.write_text(compact, encoding="utf-8")
            saved += len(original.encode()) - len(compact.encode())
    return saved
