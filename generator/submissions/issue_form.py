"""Read a GitHub issue form (`.github/ISSUE_TEMPLATE/*.yml`) and the issue body GitHub renders from it.

GitHub writes a submitted form as Markdown: for every field a heading ``### <label>``, a blank
line and the answer; ``_No response_`` for an empty field; ticked checkboxes as ``- [X] <text>``;
a textarea with ``render: yaml`` inside a code fence. The body is text from the public: it is
only ever split into strings here, never interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

NO_RESPONSE = "_No response_"
_CHECKBOX = re.compile(r"^\s*[-*]\s+\[(?P<mark>[ xX])\]\s+(?P<text>.*?)\s*$")
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n`]*\n(?P<body>.*?)\n?(?P=fence)\s*$", re.DOTALL)


@dataclass(frozen=True)
class Element:
    """One field of an issue form."""

    id: str
    type: str  # input, textarea, dropdown, checkboxes
    label: str
    required: bool = False
    multiple: bool = False
    options: tuple[str, ...] = ()
    required_options: tuple[str, ...] = ()
    render: str | None = None


@dataclass(frozen=True)
class IssueForm:
    path: Path
    name: str
    labels: tuple[str, ...]
    elements: tuple[Element, ...]

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


def load_form(path: Path) -> IssueForm:
    """Read one of the project's own issue-form files (trusted YAML)."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    elements = []
    for item in data.get("body", []):
        if item.get("type") == "markdown":
            continue
        attributes = item.get("attributes", {})
        options: list[str] = []
        required_options: list[str] = []
        for option in attributes.get("options", []):
            if isinstance(option, dict):  # checkboxes
                options.append(str(option["label"]))
                if option.get("required"):
                    required_options.append(str(option["label"]))
            else:
                options.append(str(option))
        elements.append(
            Element(
                id=str(item["id"]),
                type=str(item["type"]),
                label=str(attributes["label"]),
                required=bool(item.get("validations", {}).get("required", False)),
                multiple=bool(attributes.get("multiple", False)),
                options=tuple(options),
                required_options=tuple(required_options),
                render=attributes.get("render"),
            )
        )
    labels = data.get("labels", [])
    return IssueForm(path, str(data.get("name", path.stem)), tuple(labels), tuple(elements))


def normalise_newlines(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_body(body: str, form: IssueForm) -> dict[str, str | None]:
    """The answer of every field found in ``body``, by field id; None for "no response".

    A heading counts only if it is the label of a field that comes later in the form than the
    current one, so a ``### …`` line typed into a text field does not start a new field unless
    it repeats a later field's label exactly (and then only moves text between that person's
    own answers).
    """
    lines = normalise_newlines(body).split("\n")
    elements = list(form.elements)
    answers: dict[str, list[str]] = {}
    current: str | None = None
    position = 0
    for line in lines:
        if line.startswith("### "):
            heading = line[4:].strip()
            index = next((i for i in range(position, len(elements)) if elements[i].label == heading), None)
            if index is not None:
                current = elements[index].id
                position = index + 1
                answers[current] = []
                continue
        if current is not None:
            answers[current].append(line)
    result: dict[str, str | None] = {}
    for element in elements:
        if element.id not in answers:
            continue
        text = "\n".join(answers[element.id]).strip("\n")
        result[element.id] = _answer(text, element)
    return result


def _answer(text: str, element: Element) -> str | None:
    if text.strip() in ("", NO_RESPONSE) or (element.type == "dropdown" and text.strip() == "None"):
        return None
    if element.render:
        match = _FENCE.match(text.strip())
        if match:
            text = match.group("body")
        return text if text.strip() else None
    return text


def checked(text: str | None) -> list[str]:
    """The texts of the ticked boxes of a checkboxes answer."""
    found = []
    for line in (text or "").split("\n"):
        match = _CHECKBOX.match(line)
        if match and match.group("mark") in "xX":
            found.append(match.group("text"))
    return found


def split_choices(text: str, options: tuple[str, ...]) -> list[str]:
    """A multiple dropdown's answer ("Kinder, Familien") as the options chosen.

    Options are matched from the start, longest first, so an option that contains ", " itself is
    still recognised; text that is no option is split at commas and kept as written.
    """
    chosen: list[str] = []
    rest = text.strip()
    by_length = sorted(options, key=len, reverse=True)
    while rest:
        option = next((o for o in by_length if rest == o or rest.startswith(o + ",")), None)
        if option is None:
            head, _, rest = rest.partition(",")
            chosen.append(head.strip())
        else:
            chosen.append(option)
            rest = rest[len(option) :].removeprefix(",")
        rest = rest.strip()
    return [c for c in chosen if c]
