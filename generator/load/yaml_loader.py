"""Read a content file as YAML in which every scalar stays the text the author wrote.

Plain ``yaml.safe_load`` applies YAML 1.1 typing: ``19:30`` becomes 1170,
``01067`` becomes 567 and ``NO`` becomes False. Here all implicit resolvers
are removed, so every scalar arrives as a string and pydantic does the typing.
The document is composed into a node tree by PyYAML's C parser and turned
into Python data by our own small walker, which also

* records line and column of every key and value (for located errors),
* rejects duplicate keys (PyYAML keeps the last one silently),
* rejects anchors/aliases and explicit tags, so nothing can expand
  exponentially or construct arbitrary objects.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from generator.problems import Location, Problem, field_label

try:  # the C parser is much faster; fall back for Pythons built without libyaml
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the build of PyYAML
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000

Loc = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class _StringsLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader whose plain scalars all resolve to strings."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[Any]]] = {}

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        """The default tag of each node kind; called only for untagged nodes (fast path)."""
        if kind is yaml.ScalarNode:
            return "tag:yaml.org,2002:str"
        if kind is yaml.SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"


@dataclass
class SourceMap:
    """Positions of the keys and values of one document, addressed like pydantic locations."""

    path: str
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def value(self, loc: Loc) -> Location:
        """Where the value at ``loc`` is written, or its nearest written parent."""
        return self._nearest(loc, self.values)

    def key(self, loc: Loc) -> Location:
        """Where the key at ``loc`` is written (for unknown fields), else its value."""
        if loc in self.keys:
            line, col = self.keys[loc]
            return Location(self.path, line, col)
        return self.value(loc)

    def _nearest(self, loc: Loc, table: dict[Loc, tuple[int, int]]) -> Location:
        for end in range(len(loc), -1, -1):
            position = table.get(loc[:end])
            if position is not None:
                return Location(self.path, *position)
        return Location(self.path, 1, 1)


@dataclass
class LoadedDocument:
    """The data of one YAML document plus where each part of it is written."""

    data: Any
    source: SourceMap
    text: str = ""
    """The YAML as written (for finding a spot inside a value); lines are ``source``'s minus ``line_offset``."""
    line_offset: int = 0


class YamlLoadError(Exception):
    """A file that cannot be read as content; carries its located problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def load_yaml_file(path: Path, shown_path: str) -> LoadedDocument:
    """Read and parse one YAML content file, enforcing the size limit."""
    text = read_text(path, shown_path)
    return load_yaml_text(text, shown_path)


def read_text(path: Path, shown_path: str) -> str:
    """Read a content file as UTF-8 text, refusing files over the size limit."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlLoadError(
            [
                Problem(
                    Location(shown_path, 1, 1),
                    "",
                    f"Die Datei ist {size / 1_000_000:.1f} MB groß; erlaubt ist höchstens 1 MB. ".replace(".", ",", 1)
                    + "Teilen Sie den Inhalt auf mehrere Dateien auf.",
                )
            ]
        )
    raw = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise YamlLoadError(
            [
                Problem(
                    Location(shown_path, line, column),
                    "",
                    "Die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie in Ihrem "
                    "Editor mit der Kodierung „UTF-8“.",
                )
            ]
        ) from None


def load_yaml_text(text: str, shown_path: str, line_offset: int = 0) -> LoadedDocument:
    """Parse YAML text; ``line_offset`` shifts reported lines (for front matter)."""
    try:
        node = yaml.compose(text, Loader=_StringsLoader)
    except yaml.composer.ComposerError as exc:
        raise _syntax_error(exc, text, shown_path, line_offset) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, shown_path, line_offset) from None
    source = SourceMap(shown_path)
    if node is None:
        return LoadedDocument(None, source, text, line_offset)
    walker = _Walker(source, line_offset)
    data = walker.build(node, ())
    if walker.aliases:
        walker.problems.extend(_alias_problems(text, walker.aliases, shown_path, line_offset))
    if walker.problems:
        raise YamlLoadError(walker.problems)
    return LoadedDocument(data, source, text, line_offset)


def _alias_problems(text: str, aliases: list[Loc], shown_path: str, line_offset: int) -> list[Problem]:
    """One problem per `*alias`, at the alias itself; the walk meets aliases in document order."""
    marks = [e.start_mark for e in yaml.parse(text, Loader=_StringsLoader) if isinstance(e, yaml.AliasEvent)]
    message = "Verweise mit & und * (YAML-Anker) sind nicht erlaubt. Schreiben Sie den Wert an jeder Stelle aus."
    return [
        Problem(Location(shown_path, mark.line + 1 + line_offset, mark.column + 1), field_label(loc), message)
        for loc, mark in zip(aliases, marks, strict=False)
    ]


class _Walker:
    """Turns a node tree into dicts, lists and strings, recording positions."""

    def __init__(self, source: SourceMap, line_offset: int):
        self.source = source
        self.line_offset = line_offset
        self.problems: list[Problem] = []
        self.aliases: list[Loc] = []
        """Locations of alias uses, in document order."""
        self._seen: set[int] = set()

    def _position(self, node: yaml.Node) -> tuple[int, int]:
        mark = node.start_mark
        return (mark.line + 1 + self.line_offset, mark.column + 1)

    def _problem(self, node: yaml.Node, message: str, loc: Loc = (), position: tuple[int, int] | None = None) -> None:
        where = Location(self.source.path, *(position or self._position(node)))
        self.problems.append(Problem(where, field_label(loc), message))

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if id(node) in self._seen:  # an alias: located later from the event stream (the node sits at the anchor)
            self.aliases.append(loc)
            return None
        self._seen.add(id(node))
        self.source.values[loc] = self._position(node)
        if node.tag not in _PLAIN_TAGS:
            self._problem(
                node,
                f"Der YAML-Tag „{node.tag}“ ist nicht erlaubt. Entfernen Sie das Ausrufezeichen-Wort vor dem Wert.",
            )
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.value == "" and not node.style:
                return None  # `key:` with nothing after it means "not set"
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, index)) for index, item in enumerate(node.value)]
        return self._build_mapping(node, loc)

    def _build_mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, "Ein Feldname muss einfacher Text sein.")
                continue
            key = key_node.value
            if key in result:
                first_line = self.source.keys[(*loc, key)][0]
                self._problem(
                    key_node,
                    f"Das Feld „{key}“ steht doppelt (zuerst in Zeile {first_line}). "
                    "Löschen Sie einen der beiden Einträge.",
                    (*loc, key),
                )
                continue
            self.source.keys[(*loc, key)] = self._position(key_node)
            result[key] = self.build(value_node, (*loc, key))
        return result


_SYNTAX_HINTS = (
    (
        "found character '\\t' that cannot start any token",
        "Tabulatorzeichen sind in YAML nicht erlaubt. Rücken Sie nur mit Leerzeichen ein.",
    ),
    (
        "mapping values are not allowed",
        "Unerwarteter Doppelpunkt. Enthält ein Text einen Doppelpunkt, setzen Sie ihn in "
        'Anführungszeichen, z. B. title: "Treffen: Gartenarbeit".',
    ),
    (
        "found undefined alias",
        "Verweise mit * (YAML-Anker) sind nicht erlaubt. Schreiben Sie den Wert aus.",
    ),
    (
        "found character '@' that cannot start any token",
        'Ein Wert darf nicht mit @ beginnen. Setzen Sie ihn in Anführungszeichen, z. B. "@verein".',
    ),
    (
        "found character '`' that cannot start any token",
        "Ein Wert darf nicht mit ` beginnen. Setzen Sie ihn in Anführungszeichen.",
    ),
    (
        "could not find expected ':'",
        "Hier fehlt ein Doppelpunkt nach dem Feldnamen, oder ein mehrzeiliger Text ist "
        "nicht eingerückt. Schreiben Sie „feld: wert“ bzw. rücken Sie Folgezeilen ein.",
    ),
    (
        "expected <block end>, but found '-'",
        "Ein Listeneintrag (-) ist falsch eingerückt. Rücken Sie alle Einträge einer Liste gleich weit ein.",
    ),
    (
        "did not find expected key",
        "Die Einrückung stimmt hier nicht. Felder auf derselben Ebene müssen genau gleich weit eingerückt sein.",
    ),
    (
        "found unexpected end of stream",
        "Ein Anführungszeichen wurde geöffnet, aber nicht geschlossen.",
    ),
    (
        "did not find expected ',' or ']'",
        "Eine eckige Klammer [ wurde nicht geschlossen, oder ein Komma fehlt.",
    ),
    (
        "did not find expected '-' indicator",
        "Listeneinträge (-) und Felder (name: wert) sind hier vermischt, oder die Einrückung stimmt nicht.",
    ),
    (
        "did not find expected node content",
        "Hier fehlt ein Wert, oder eine Klammer [ bzw. { wurde nicht geschlossen.",
    ),
    (
        "expected a single document",
        "Die Datei enthält mehr als einen Eintrag (---). Legen Sie für jeden Eintrag eine eigene Datei an.",
    ),
)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, shown_path: str, line_offset: int) -> YamlLoadError:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and "end of stream" in str(exc.problem or ""):
        mark = exc.context_mark  # an unclosed quote: point at the opening quote, not at the end of the file
    line = mark.line + 1 + line_offset if mark else 1
    column = mark.column + 1 if mark else 1
    problem = str(exc.problem or "")
    if "tab character" in problem:
        problem = "found character '\\t' that cannot start any token"
    elif "cannot start any token" in problem and mark and 0 <= mark.index < len(text):
        # the C parser does not name the character; look it up to give the right hint
        problem = f"found character {text[mark.index]!r} that cannot start any token"
    hint = next((text for pattern, text in _SYNTAX_HINTS if pattern in problem), None)
    if hint is None and "expected a single document" in str(exc):
        hint = _SYNTAX_HINTS[-1][1]
    message = "Die Datei ist kein gültiges YAML. " + (
        hint or f"Prüfen Sie Einrückung und Anführungszeichen (technisch: {problem})."
    )
    return YamlLoadError([Problem(Location(shown_path, line, column), "", message)])
