"""Contributor Markdown → safe HTML.

Club and event texts come from the public. They are rendered with
markdown-it-py with raw HTML switched off (so `<script>` is shown as text) and
then cleaned by nh3 (Ammonia) with an allow-list of tags, attributes and URL
schemes. MkDocs' Python-Markdown never sees them: it passes raw HTML,
`javascript:` links and `{: onclick=…}` attributes through.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]*)"')


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(["table", "strikethrough"])


@lru_cache(maxsize=16_384)
def render_markdown(text: str | None, heading_level: int = 3) -> Markup:
    """Render Markdown to sanitised HTML; the first heading level becomes ``heading_level``.

    Cached: pages, JSON-LD, feeds, open data and printouts need the same texts, and `serve`
    renders unchanged texts again on every rebuild (markdown-it-py + nh3 are the main cost).

    Shifting headings keeps the page outline intact: a contributor's `# Title`
    must not compete with the page's own h1.
    """
    if not text:
        return Markup("")
    parser = _parser()
    tokens = parser.parse(text)
    shift = heading_level - 1
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + shift)}"
    html = parser.renderer.render(tokens, parser.options, {})
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return Markup(_EXTERNAL_LINK.sub(r'<a rel="nofollow noopener" href="\1"', clean))


@lru_cache(maxsize=16_384)
def plain_text(text: str | None) -> str:
    """Markdown → readable plain text, keeping link targets: "[Anmeldung](https://x)" → "Anmeldung (https://x)"."""
    if not text:
        return ""
    parser = _parser()
    lines: list[str] = []
    for block in parser.parse(text):
        if block.type == "inline" and block.children is not None:
            lines.append(_inline_text(block.children))
        elif block.type in ("fence", "code_block"):
            lines.append(block.content.rstrip("\n"))
        elif block.type == "paragraph_close" and block.hidden:
            continue
        elif block.type in ("paragraph_close", "heading_close", "bullet_list_close", "ordered_list_close"):
            lines.append("")
        elif block.type == "list_item_open":
            lines.append("• ")
    text_out = "\n".join(lines)
    text_out = re.sub(r"• \n", "• ", text_out)
    return re.sub(r"\n{3,}", "\n\n", text_out).strip()


def _inline_text(children) -> str:
    parts: list[str] = []
    href_stack: list[str | None] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "link_open":
            href_stack.append(str(child.attrs.get("href", "")))
        elif child.type == "link_close":
            href = href_stack.pop() if href_stack else None
            label_target = href.removeprefix("mailto:") if href else ""
            if href and label_target not in "".join(parts[-3:]):
                parts.append(f" ({href.removeprefix('mailto:')})")
    return "".join(parts)
