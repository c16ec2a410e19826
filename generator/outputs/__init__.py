"""Everything the build makes from the site: pages, their frame, feeds, exports, standalone documents,
the search index. Output modules never write files themselves: they hand each file to an `Emit`
(site-relative path, bytes), and the build decides where it goes (`generator/build/writer.py`)."""

from collections.abc import Callable

Emit = Callable[[str, bytes], None]
"""Receives one output file: its site-relative path and its bytes."""
