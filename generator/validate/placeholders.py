"""Placeholders of the `init` template still in the content: `Musterstadt`, example.org addresses, example records.

A new town starts from a template full of them (`generator/scaffold/`), and they must not go
online. When the site is checked or built for publishing (`--publish`, or CI on the default
branch: `generator/publish_mode.py`) each one is a located problem and the run fails; otherwise
they are a notice. A demo portal (`demo: ja` in town.yml, as the bundled sample with its
invented clubs on example.org) is invented on purpose: there they stay a notice when publishing.

What counts as a placeholder, line by line (YAML comments are skipped, except for the marker):

- the word „Musterstadt“, the template's town;
- an address or URL on example.org, example.com or example.net (reserved for examples, RFC 2606:
  mail there never arrives);
- a file the template marks as an example: a line that starts with ``# BEISPIEL`` (YAML) or
  ``BEISPIEL`` (a Markdown page): the whole file is one placeholder, reported at that line only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from generator.load.discover import discover
from generator.problems import Location, Problem, ProblemReport, display_path
from generator.project import Project

EXAMPLE_MARK = re.compile(r"^\s*(?:#\s*)?BEISPIEL\b")
"""The scaffold's records say `# BEISPIEL…` (a page `BEISPIEL: …`); "BEISPIELDATEN" is not the mark."""
_TOWN_PLACEHOLDER = re.compile(r"musterstadt", re.IGNORECASE)
_EXAMPLE_ADDRESS = re.compile(
    r"(?:(?:https?://|mailto:)?[\w.+-]*@|https?://|\b)(?:[\w-]+\.)*example\.(?:org|com|net)\b[\w/.#?=&%~+-]*",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"(?:^|\s)#.*$")
NOTICE_LINES = 5
"""Placeholders listed one by one in a notice; the rest are counted."""


def _example_message() -> str:
    return (
        "Diese Datei ist ein Beispiel aus der Vorlage (markiert mit „BEISPIEL“). Ersetzen Sie den Inhalt durch "
        "einen echten Eintrag Ihrer Kommune und löschen Sie die Zeile mit „BEISPIEL“ – oder löschen Sie die Datei."
    )


def _town_message(found: str) -> str:
    return f"„{found}“ ist ein Platzhalter aus der Vorlage. Ersetzen Sie ihn durch den Namen Ihrer Kommune."


def _address_message(found: str) -> str:
    what = "E-Mail-Adresse" if "@" in found and "//" not in found else "Internetadresse"
    return (
        f"„{found}“ ist eine Beispieladresse aus der Vorlage (example.org, example.com und example.net gibt es "
        f"nicht wirklich). Tragen Sie die echte {what} ein."
    )


def scan_text(text: str, shown: str, markdown: bool = False) -> list[Problem]:
    """The placeholders in one file's ``text``, located; ``markdown``: comments only in the front matter."""
    problems: list[Problem] = []
    front_matter = False
    for number, line in enumerate(text.splitlines(), start=1):
        if markdown and line.strip() == "---":
            front_matter = number == 1
        if EXAMPLE_MARK.match(line):
            # the whole file is to be replaced: its marker says so once, instead of every line in it
            return [*problems, Problem(Location(shown, number, 1), "", _example_message())]
        data = line if markdown and not front_matter else _COMMENT.sub("", line)
        address = _EXAMPLE_ADDRESS.search(data)
        if address:
            found = address.group().removeprefix("mailto:")
            problems.append(Problem(Location(shown, number, address.start() + 1), "", _address_message(found)))
        town = _TOWN_PLACEHOLDER.search(data)
        if town and not (address and address.start() <= town.start() < address.end()):
            problems.append(Problem(Location(shown, number, town.start() + 1), "", _town_message(town.group())))
    return problems


def find_placeholders(project: Project) -> list[Problem]:
    """Every placeholder in `content/town.yml` and the record files, sorted by file and line."""
    paths: list[tuple[Path, str]] = []
    if project.town_file.is_file():
        paths.append((project.town_file, display_path(project.town_file, project.root)))
    files, _ = discover(project.content_dir, project.root)
    paths += [(file.path, file.shown_path) for file in files]
    problems: list[Problem] = []
    for path, shown in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # `validate` reports an unreadable file itself
        problems += scan_text(text, shown, markdown=path.suffix == ".md")
    return sorted(problems)


@dataclass(frozen=True)
class PlaceholderCheck:
    """The placeholders found and what they mean for this run."""

    problems: list[Problem]
    demo: bool
    publish: bool

    @property
    def fails(self) -> bool:
        """Publishing a real town's site with placeholders: the run must stop."""
        return self.publish and not self.demo and bool(self.problems)

    def print_failure(self, stream: TextIO) -> None:
        """The placeholders as errors, then why they are errors now."""
        ProblemReport(list(self.problems)).print(stream)
        self.explain(stream)

    def explain(self, stream: TextIO) -> None:
        print(
            "Die Seite soll veröffentlicht werden (--publish oder CI auf dem Hauptzweig), enthält aber noch "
            "Platzhalter aus der Vorlage. Ersetzen Sie sie; ein reines Beispielportal setzt „demo: ja“ in "
            "content/town.yml.",
            file=stream,
        )

    def print_notice(self, stream: TextIO) -> None:
        """One line for a demo portal; for a town in the making, the first placeholders and a count."""
        if not self.problems:
            return
        count = len(self.problems)
        files = len({p.location.path for p in self.problems})
        if self.demo:
            print(
                f"Hinweis: Beispielportal („demo: ja“ in content/town.yml): {count} Platzhalter (z. B. example.org) "
                "sind erlaubt; jede Seite sagt, dass die Inhalte erfunden sind.",
                file=stream,
            )
            return
        for problem in self.problems[:NOTICE_LINES]:
            print(f"Hinweis: {problem}", file=stream)
        more = f" (hier die ersten {NOTICE_LINES})" if count > NOTICE_LINES else ""
        print(
            f"Hinweis: {count} Platzhalter aus der Vorlage in {files} {'Datei' if files == 1 else 'Dateien'}{more}. "
            "Vor dem Veröffentlichen ersetzen: `python -m generator validate --publish` nennt alle und "
            "gilt dann als Fehler.",
            file=stream,
        )


def check_placeholders(project: Project, demo: bool, publish: bool) -> PlaceholderCheck:
    return PlaceholderCheck(find_placeholders(project), demo, publish)
