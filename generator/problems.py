"""Located problems found in content, and the report that collects them.

Every problem names a file, a line and column (1-based) and the field it
concerns, and carries a German message for club volunteers. The report
prints them sorted, as plain lines and, inside GitHub Actions, also as
workflow annotations on the offending line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


@dataclass(frozen=True, order=True)
class Location:
    """A position in a content file; line and column are 1-based (0 = unknown)."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column or 1}"
        return self.path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located and explained in German."""

    location: Location
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.location}: "
        if self.field:
            return f"{where}{self.field}: {self.message}"
        return f"{where}{self.message}"

    def github_annotation(self) -> str:
        """The `::error` workflow command that marks the line in a pull request."""
        loc = self.location
        props = [f"file={_escape_property(loc.path)}"]
        if loc.line:
            props.append(f"line={loc.line}")
            props.append(f"col={loc.column or 1}")
        props.append(f"title={_escape_property(self.field or 'Inhalt')}")
        return f"::error {','.join(props)}::{_escape_data(self.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class ProblemReport:
    """Collects problems from every stage, so one run reports all of them."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, location: Location, field_name: str, message: str) -> None:
        self.problems.append(Problem(location, field_name, message))

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))

    def print(self, stream: TextIO, github: bool | None = None) -> None:
        """Print every problem sorted, a summary line, and GitHub annotations if wanted."""
        if github is None:
            github = os.environ.get("GITHUB_ACTIONS") == "true"
        problems = self.sorted()
        for problem in problems:
            print(problem, file=stream)
        for problem in problems if github else ():
            print(problem.github_annotation(), file=stream)
        files = len({p.location.path for p in problems})
        print(summary_line(len(problems), files), file=stream)


def summary_line(problem_count: int, file_count: int) -> str:
    """German one-line summary such as '3 Fehler in 2 Dateien.'"""
    files = "1 Datei" if file_count == 1 else f"{file_count} Dateien"
    return f"{problem_count} Fehler in {files}. Bitte korrigieren Sie die genannten Stellen."


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of the character at ``index`` in ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def field_label(loc: tuple[str | int, ...]) -> str:
    """`('repeat', 'changes', 0, 'start')` → `repeat.changes[1].start` (entries counted from 1)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def display_path(path: Path, root: Path) -> str:
    """The path as the volunteer sees it in the repository: relative, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def internal_error(location: Location, exc: BaseException) -> Problem:
    """A located problem for a failure of the program itself while reading or checking one file.

    The run goes on with the other files and ends with status 1; the one-line summary of the
    exception helps the maintainers find the cause."""
    return Problem(
        location,
        "",
        "Interner Fehler beim Lesen dieser Datei — bitte melden (mit dieser Meldung und der Datei). "
        f"Technisch: {exception_summary(exc)}. Die übrigen Dateien wurden trotzdem geprüft.",
    )


def exception_summary(exc: BaseException) -> str:
    """``Type: first line of the message`` (at most 200 characters), or the type alone."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0][:200]}" if text else type(exc).__name__


MAX_PROBLEMS_PER_FILE = 50
"""Problems listed for one file and one kind of check; beyond it, one line counts the rest.

A file with 40,000 unknown fields would otherwise print 40,000 lines (and take seconds to word)."""


def more_problems(location: Location, count: int) -> Problem:
    """The line that stands for ``count`` further problems, at the first of them."""
    return Problem(
        location,
        "",
        f"… und {count:,} weitere Fehler dieser Art in dieser Datei. ".replace(",", ".")
        + "Beheben Sie zuerst die genannten; der nächste Lauf zeigt die übrigen.",
    )
