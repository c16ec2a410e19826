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
import errno
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal

import yaml

from generator.problems import MAX_PROBLEMS_PER_FILE, Location, Problem, field_label, line_and_column, more_problems

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
    return decode_text(read_bytes(path, shown_path), shown_path)


def read_bytes(path: Path, shown_path: str) -> bytes:
    """The bytes of a content file, refusing what is no regular file or over the size limit."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe or device would block or never end
            raise _file_problem(shown_path, "Das ist keine gewöhnliche Datei. Legen Sie hier nur Textdateien ab.")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise _file_problem(
                shown_path,
                f"Die Datei ist {size / 1_000_000:.1f} MB groß; erlaubt ist höchstens 1 MB. ".replace(".", ",", 1)
                + "Teilen Sie den Inhalt auf mehrere Dateien auf.",
            )
        return path.read_bytes()
    except OSError as exc:
        raise _file_problem(shown_path, _unreadable_file_message(exc)) from None


def decode_text(raw: bytes, shown_path: str) -> str:
    """The bytes of a content file (from `read_bytes`) as text: UTF-8, a leading BOM dropped."""
    raw = raw.removeprefix(codecs.BOM_UTF8)
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


def _unreadable_file_message(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "Die Datei ist ein Verweis (Link) auf eine Datei, die es nicht gibt. Ersetzen Sie ihn durch die Datei."
    if exc.errno == errno.ELOOP:
        return "Die Datei ist ein Verweis (Link), der im Kreis auf sich selbst zeigt. Ersetzen Sie ihn durch die Datei."
    if isinstance(exc, PermissionError):
        return "Die Datei darf nicht gelesen werden (fehlende Leserechte). Geben Sie sie zum Lesen frei."
    return f"Die Datei lässt sich nicht lesen (technisch: {exc.strerror or exc})."


def _file_problem(shown_path: str, message: str) -> YamlLoadError:
    return YamlLoadError([Problem(Location(shown_path, 1, 1), "", message)])


def load_yaml_text(text: str, shown_path: str, line_offset: int = 0) -> LoadedDocument:
    """Parse YAML text; ``line_offset`` shifts reported lines (for front matter)."""
    source = SourceMap(shown_path)
    deep = _deep_flow_nesting(text)
    if deep is not None and (too_deep := _too_deep_problems(text[: deep + 1], shown_path, line_offset)):
        raise YamlLoadError(too_deep)
    builder = _Builder(source, line_offset)
    try:
        for event in yaml.parse(text, Loader=_StringsLoader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, shown_path, line_offset) from None
    except yaml.reader.ReaderError as exc:
        raise _unreadable_character(exc, text, shown_path, line_offset) from None
    if builder.problems:
        raise YamlLoadError(builder.finish())
    return LoadedDocument(builder.result, source, text, line_offset)


MAX_DEPTH = 20
"""Deepest nesting of lists and fields accepted; the content models need five levels.

The bound keeps hostile files harmless: PyYAML's own composer recurses once per level (50,000
nested brackets crash the interpreter), so the data is built here from the parser's flat event
stream with an explicit stack, and anything deeper than this is reported, not built."""


def _deep_flow_nesting(text: str) -> int | None:
    """Where brackets ``[`` ``{`` first seem to nest deeper than ``MAX_DEPTH``, or None.

    libyaml takes quadratic time over nested brackets (400,000 of them: six minutes), so a file
    that might nest them too deeply is looked at before it is parsed. The scan skips comments and
    quoted text and counts a bracket in running text (``Treffen [ab 18 Uhr]``) only where a value
    starts; it may still be fooled by brackets in a ``|`` text, which `_too_deep_before` sorts out.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "#" and (index == 0 or text[index - 1] in " \t\r\n"):
            end = text.find("\n", index)
            index = length if end < 0 else end
        elif char in "'\"" and _starts_value(text, index):
            index = _end_of_quoted(text, index)
        elif char in "[{" and (depth > 0 or _starts_value(text, index)):
            depth += 1
            if depth > MAX_DEPTH:
                return index
        elif char in "]}" and depth > 0:
            depth -= 1
        index += 1
    return None


def _starts_value(text: str, index: int) -> bool:
    """Whether a node can start at ``index``: after an indicator (`: `, `- `, `? `, `[`, `{`, `,`)
    or at the start of a line."""
    before = index - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    if before < 0 or text[before] in "\n\r[{,":
        return True
    return text[before] in ":-?" and before + 1 < index


def _end_of_quoted(text: str, start: int) -> int:
    """The index of the quote that closes the quoted text opening at ``start`` (or the end)."""
    quote = text[start]
    index = start + 1
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text.startswith("''", index):
                index += 2
                continue
            return index
        index += 1
    return len(text)


def _too_deep_problems(head: str, shown_path: str, line_offset: int) -> list[Problem]:
    """Parse ``head`` (the text up to a suspicious bracket): its problems if it really nests too
    deeply, else none. A parse error in the cut-off text means nothing."""
    probe = _Builder(SourceMap(shown_path), line_offset)
    try:
        for event in yaml.parse(head, Loader=_StringsLoader):
            probe.feed(event)
    except (yaml.YAMLError, YamlLoadError):
        pass
    return probe.finish() if probe.too_deep else []


_ANCHOR_MESSAGE = "Verweise mit & und * (YAML-Anker) sind nicht erlaubt. Schreiben Sie den Wert an jeder Stelle aus."
_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
_END_EVENTS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


@dataclass
class _Collection:
    """A list or mapping being built; ``key`` is the key whose value comes next (mappings)."""

    loc: Loc
    value: list[Any] | dict[str, Any]
    key: str | None = None
    skip_value: bool = False
    """The key was refused (duplicate, not text): its value is read but not kept."""


@dataclass
class _Skipped:
    """A subtree read past, not built: refused (too deep, a forbidden tag), or a key's that was refused.

    ``role`` says what its end means: ``value`` stands for a missing value (None), ``key`` makes
    the mapping skip the value that follows, ``dropped`` (the value of a refused key) leaves no trace.
    """

    role: Literal["value", "key", "dropped"]
    depth: int = 1


class _Builder:
    """Turns the parser's events into dicts, lists and strings, recording positions.

    Rejects duplicate keys, aliases, explicit tags and nesting deeper than ``MAX_DEPTH``, each
    with a located problem, and keeps reading: one run reports every problem of the file.
    """

    def __init__(self, source: SourceMap, line_offset: int):
        self.source = source
        self.line_offset = line_offset
        self.problems: list[Problem] = []
        self.left_out: list[Location] = []
        self.result: Any = None
        self._stack: list[_Collection | _Skipped] = []
        self._anchors: set[str] = set()
        self._documents = 0
        self.too_deep = False

    def _position(self, event: yaml.Event) -> tuple[int, int]:
        mark = event.start_mark
        return (mark.line + 1 + self.line_offset, mark.column + 1)

    def _problem(self, event: yaml.Event, message: str, loc: Loc = ()) -> None:
        where = Location(self.source.path, *self._position(event))
        if len(self.problems) < MAX_PROBLEMS_PER_FILE:
            self.problems.append(Problem(where, field_label(loc), message))
        else:
            self.left_out.append(where)

    def _invalid(self, event: yaml.Event, hint: str) -> YamlLoadError:
        """The file is no YAML the parser would accept: this problem alone is reported, as for a syntax error."""
        where = Location(self.source.path, *self._position(event))
        return YamlLoadError([Problem(where, "", _INVALID + hint)])

    def finish(self) -> list[Problem]:
        """The problems found, the ones beyond the limit counted in one line."""
        if self.left_out:
            return [*self.problems, more_problems(self.left_out[0], len(self.left_out))]
        return self.problems

    def feed(self, event: yaml.Event) -> None:
        top = self._stack[-1] if self._stack else None
        if isinstance(top, _Skipped):
            self._skip(top, event)
        elif isinstance(event, _NODE_EVENTS):
            if isinstance(top, _Collection) and isinstance(top.value, dict) and top.key is None and not top.skip_value:
                self._key(top, event)
            else:
                self._node(top, event)
        elif isinstance(event, _END_EVENTS):
            finished = self._stack.pop()
            assert isinstance(finished, _Collection)
            self._attach(finished.value)
        elif isinstance(event, yaml.DocumentStartEvent):
            self._documents += 1
            if self._documents > 1:
                raise self._invalid(event, _TWO_DOCUMENTS_HINT)

    def _skip(self, skipped: _Skipped, event: yaml.Event) -> None:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            skipped.depth += 1
        elif isinstance(event, _END_EVENTS):
            skipped.depth -= 1
            if skipped.depth == 0:
                self._stack.pop()
                if skipped.role == "key":
                    parent = self._stack[-1]
                    assert isinstance(parent, _Collection)
                    parent.skip_value = True
                elif skipped.role == "value":
                    self._attach(None)
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)) and event.anchor:
            self._anchors.add(event.anchor)

    def _key(self, mapping: _Collection, event: yaml.Event) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            self._problem(event, "Ein Feldname muss einfacher Text sein.")
            if isinstance(event, yaml.AliasEvent):
                mapping.skip_value = True
            else:
                self._stack.append(_Skipped("key"))
            return
        assert isinstance(mapping.value, dict)
        key = event.value
        loc = (*mapping.loc, key)
        if loc in self.source.keys:
            first_line = self.source.keys[loc][0]
            self._problem(
                event,
                f"Das Feld „{key}“ steht doppelt (zuerst in Zeile {first_line}). "
                "Löschen Sie einen der beiden Einträge.",
                loc,
            )
            mapping.skip_value = True
            return
        self.source.keys[loc] = self._position(event)
        mapping.key = key

    def _node(self, parent: _Collection | None, event: yaml.Event) -> None:
        if parent is not None and parent.skip_value:
            parent.skip_value = False
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                self._stack.append(_Skipped("dropped"))
            return
        loc = self._child_loc(parent)
        self.source.values[loc] = self._position(event)
        if isinstance(event, yaml.AliasEvent):
            self._alias(event, loc)
            self._attach(None)
            return
        if event.anchor:
            self._anchors.add(event.anchor)
        if event.tag not in (None, "!") and event.tag not in _PLAIN_TAGS:
            self._problem(
                event,
                f"Der YAML-Tag „{event.tag}“ ist nicht erlaubt. Entfernen Sie das Ausrufezeichen-Wort vor dem Wert.",
            )
            self._refuse(event)
            return
        if isinstance(event, yaml.ScalarEvent):
            # `key:` with nothing after it means "not set"
            self._attach(None if event.value == "" and not event.style else event.value)
            return
        if len(self._stack) >= MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                self._problem(
                    event,
                    f"Hier sind Listen oder Felder mehr als {MAX_DEPTH}-fach ineinander verschachtelt. So tief "
                    "geht kein Eintrag; prüfen Sie die Klammern [ ] und { } und die Einrückung.",
                    loc[:1],  # the field it starts in; the full path would be 20 levels long
                )
            self._refuse(event)
            return
        container: list[Any] | dict[str, Any] = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        self._stack.append(_Collection(loc, container))

    def _refuse(self, event: yaml.Event) -> None:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self._stack.append(_Skipped("value"))
        else:
            self._attach(None)

    def _alias(self, event: yaml.AliasEvent, loc: Loc) -> None:
        if event.anchor in self._anchors:
            self._problem(event, _ANCHOR_MESSAGE, loc)
            return
        raise self._invalid(event, _UNDEFINED_ALIAS_HINT)

    @staticmethod
    def _child_loc(parent: _Collection | None) -> Loc:
        if parent is None:
            return ()
        if isinstance(parent.value, list):
            return (*parent.loc, len(parent.value))
        assert parent.key is not None
        return (*parent.loc, parent.key)

    def _attach(self, value: Any) -> None:
        if not self._stack:
            self.result = value
            return
        parent = self._stack[-1]
        if isinstance(parent, _Skipped):
            return
        if isinstance(parent.value, list):
            parent.value.append(value)
        else:
            assert parent.key is not None
            parent.value[parent.key] = value
            parent.key = None


_INVALID = "Die Datei ist kein gültiges YAML. "
_UNDEFINED_ALIAS_HINT = "Verweise mit * (YAML-Anker) sind nicht erlaubt. Schreiben Sie den Wert aus."
_TWO_DOCUMENTS_HINT = (
    "Die Datei enthält mehr als einen Eintrag (---). Legen Sie für jeden Eintrag eine eigene Datei an."
)
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
    ("found undefined alias", _UNDEFINED_ALIAS_HINT),
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
    ("expected a single document", _TWO_DOCUMENTS_HINT),
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
    message = _INVALID + (hint or f"Prüfen Sie Einrückung und Anführungszeichen (technisch: {problem}).")
    return YamlLoadError([Problem(Location(shown_path, line, column), "", message)])


_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters YAML does not allow in a document (control characters, U+FFFE/U+FFFF)."""


def _unreadable_character(exc: yaml.reader.ReaderError, text: str, shown_path: str, line_offset: int) -> YamlLoadError:
    """Locate the first character YAML refuses (the parser reports a byte offset, not a line)."""
    found = _NOT_PRINTABLE.search(text)
    index = found.start() if found else 0
    code = ord(text[index]) if found else exc.character
    line, column = line_and_column(text, index)
    line += line_offset
    message = (
        f"Die Datei enthält ein unsichtbares Steuerzeichen (U+{code:04X}), das in YAML nicht erlaubt ist. "
        "Löschen Sie es; solche Zeichen entstehen oft beim Kopieren aus Word oder PDF."
    )
    return YamlLoadError([Problem(Location(shown_path, line, column), "", message)])
