"""Contributor Markdown as plain text and as safe HTML, each computed once per text and build.

The open data, the news feed, the CSV tables and the printouts all need the same descriptions;
parsing them once (markdown-it-py is the bulk of their cost) keeps those outputs cheap.
"""

from __future__ import annotations

from functools import lru_cache

from generator.render.markdown import plain_text, render_markdown


@lru_cache(maxsize=8192)
def plain(markdown_text: str | None) -> str:
    return plain_text(markdown_text)


@lru_cache(maxsize=8192)
def html(markdown_text: str | None, heading_level: int = 2) -> str:
    return str(render_markdown(markdown_text, heading_level))
