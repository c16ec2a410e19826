"""Write a record as a YAML content file that reads like the hand-written ones.

The project's loader reads every scalar as a string (`load.yaml_loader`), so values are written
plain whenever YAML's syntax allows it (``start: 2027-05-21 15:00``, ``postcode: 04916``, ``free: ja``);
PyYAML quotes only what would otherwise not parse as that exact text (``"Treffen: Garten"``,
``"#2"``, ``"@verein"``). Text with line breaks becomes a ``|`` block, short lists of words a ``[a, b]``.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

_PLAIN_WORDS = re.compile(r"[^\s,:\[\]{}#&*!|>'\"%@`?-][^,:\[\]{}#&*!|>'\"%@`\n]*(?<!\s)")
"""Text that reads well in a one-line list: no quoting needed, no commas, no line breaks."""


class _Dumper(yaml.SafeDumper):
    """A dumper without implicit typing, matching the loader: plain style whenever syntax allows."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[Any]]] = {}

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # indent list items under their key, as the guide does


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Short lists of single words in one line, as the guide writes them: ``audiences: [kinder, familien]``."""
    short = (
        all(isinstance(item, str) and _PLAIN_WORDS.fullmatch(item) for item in value) and len(", ".join(value)) <= 60
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=short and bool(value))


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def dump(data: dict[str, Any], header: str = "") -> str:
    """``data`` as YAML text, keys in the given order, after ``header`` (comment lines)."""
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)
    return header + text
