"""A second town moves in: the real Leipzig corpus through `init`, `import`, `validate` and `build`.

Runs what a town's staff would run, in a throw-away folder, and prints the figures for the issue
note: records in and out of every step, the import summaries, each kind of message with one
verbatim example, and how many events reach the pages, the JSON and the calendar feed.

1. `bench.leipzig_export` plays the town's old software: `veranstaltungen.ics`, `vereine.csv`,
   `orte.csv` (Windows-1252, semicolons, the database's numbers in a „Nr.“ column).
2. `python -m generator init` starts the new portal; the example records go (the contact
   point's venue `rathaus` stays, as a town keeps it until it has its own), and `town.yml` is
   given the name Leipzig and the Ortsteile and postcodes the club directory names.
3. `import csv orte.csv --kind venue`, `import csv vereine.csv --kind club --category sonstiges`
   (`soziales` with the scaffold's categories),
   `import ical veranstaltungen.ics --category kultur` (the corpus' tags are not the town's
   categories; a town names a default), each run twice — the second must change nothing.
4. `validate` and `build`; counts of event files, pages, events.json entries and VEVENTs.

    python -m bench.leipzig_migration [--corpus DIR] [--keep DIR] [--today 2026-12-08]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from bench.districts_real import read_corpus
from bench.leipzig_export import Corpus, write_ics, write_spreadsheets
from bench.synthetic import DEFAULT_CORPUS
from generator.init import init_town
from generator.models.districts import words

_LOCATED = re.compile(r"^\s*(content/\S+?\.(?:yml|md))(?::\d+(?::\d+)?)?(?: \(Quelle [^)]*\))?: (.*)$")


def _run(root: Path, *args: str) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def _slug(name: str) -> str:
    return "-".join(words(name)) or "x"


def _categories(corpus: Corpus) -> str:
    """The club directory's own 42 categories as the town's, `sonstiges` for clubs without one and
    the scaffold's `kultur` for events."""
    labels = sorted({c for club in corpus.clubs.values() for c in club.categories} | {"Kultur und Musik"})
    lines = ['  - {id: sonstiges, label: "Weitere Vereine und Gruppen"}']
    for label in labels:
        slug = "kultur" if label == "Kultur und Musik" else _slug(label)
        lines.append(f'  - {{id: {slug}, label: "{label}"}}')
    return "\n".join(lines)


def _town_yml(town: Path, corpus_dir: Path, districts: str, categories: str | None) -> None:
    """Leipzig with the Ortsteile (and their postcodes) its club directory names, or as one district;
    with its old categories, or the scaffold's."""
    _places, postcodes, _events = read_corpus(corpus_dir)
    if districts == "eine":
        postcodes = {}
    names = {_slug(d): d for found in postcodes.values() for d in found}
    codes = {slug: sorted(p for p, found in postcodes.items() if slug in {_slug(d) for d in found}) for slug in names}
    lines = []
    for slug in sorted(names):
        label = names[slug].replace('"', "")
        extra = f", postcodes: [{', '.join(codes[slug])}]" if codes[slug] else ""
        lines.append(f'  - {{id: {slug}, label: "{label}"{extra}}}')
    path = town / "content" / "town.yml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\ndistricts:", 1)
    tail = rest[rest.index("\naudiences:") :]
    text = head + "\ndistricts:\n" + ("\n".join(lines) or "  - {id: leipzig, label: Leipzig}") + tail
    if categories:
        head, rest = text.split("\ncategories:\n", 1)
        text = head + "\ncategories:\n" + categories + rest[rest.index("\n\n") :]
    path.write_text(text.replace("Musterstadt (Kernstadt)", "Leipzig").replace("Musterstadt", "Leipzig"), "utf-8")


def _drop_examples(town: Path) -> int:
    """The init's example records go, and the contact point no longer names the example venue."""
    dropped = 0
    for path in sorted((town / "content").rglob("*")):
        if path.is_file() and "BEISPIEL" in path.read_text(encoding="utf-8"):
            path.unlink()
            dropped += 1
    town_yml = town / "content" / "town.yml"
    lines = town_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    town_yml.write_text("".join(line for line in lines if not line.strip().startswith("venue: rathaus")), "utf-8")
    return dropped


def _set_aside(town: Path, work: Path, problems: list[tuple[str, str]]) -> int:
    """What a town does on day one with files a person must look at: move them out of content/."""
    aside = work / "beiseite"
    files = sorted({file for file, _ in problems})
    for file in files:
        target = aside / file
        target.parent.mkdir(parents=True, exist_ok=True)
        (town / file).rename(target)
    return len(files)


def _kind(message: str) -> str:
    """A message without its particulars, so messages of one kind group together."""
    text = re.sub(r"„[^“]*“", "„…“", message)
    text = re.sub(r"\d+", "N", text)
    return text.split(". ")[0][:110]


def _messages(output: str) -> list[tuple[str, str]]:
    found = []
    for line in output.splitlines():
        match = _LOCATED.match(line)
        if match:
            found.append((match.group(1), match.group(2)))
    return found


def _summary_counts(output: str) -> str:
    keys = ("gelesen", "Neu angelegt", "Aktualisiert", "Unverändert", "Braucht Ihre Aufmerksamkeit")
    parts = []
    for line in output.splitlines():
        stripped = line.strip()
        if stripped.startswith(keys[1:]) and ":" in stripped and stripped.split(":")[1].strip().isdigit():
            parts.append(stripped)
        elif "Einträge gelesen" in stripped:
            parts.append(stripped.split(": ", 1)[-1])
    return "; ".join(parts)


def _print_kinds(title: str, messages: list[tuple[str, str]]) -> None:
    kinds: Counter[str] = Counter()
    example: dict[str, str] = {}
    for file, message in messages:
        kind = _kind(message)
        kinds[kind] += 1
        example.setdefault(kind, f"{file}: {message}")
    print(f"{title}: {len(messages)} Meldungen, {len(kinds)} Arten")
    for kind, count in kinds.most_common():
        print(f"  {count:4d} × {example[kind][:400]}")


def migrate(corpus_dir: Path, work: Path, today: date, districts: str, categories: str) -> None:
    export = work / "export"
    export.mkdir(parents=True)
    corpus = Corpus(corpus_dir)
    skipped = write_ics(corpus, export, 678)
    write_spreadsheets(corpus, export, 678)
    print(f"Quelle: {len(corpus.events)} Termine, {len(corpus.clubs)} Vereine, {len(corpus.places)} Orte")
    print("Export wie ein Altsystem: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
    town = work / "town"
    init_town(town, today)
    print(f"init: Beispielinhalte entfernt: {_drop_examples(town)}")
    _town_yml(town, corpus_dir, districts, _categories(corpus) if categories == "alte" else None)
    print(f"town.yml: Leipzig, Ortsteile: {districts}, Kategorien: {categories}")
    club_category = "sonstiges" if categories == "alte" else "soziales"
    steps = (
        ("csv", str(export / "orte.csv"), "--kind", "venue"),
        ("csv", str(export / "vereine.csv"), "--kind", "club", "--category", club_category),
        ("ical", str(export / "veranstaltungen.ics"), "--category", "kultur"),
    )
    import_messages: list[tuple[str, str]] = []
    hints = 0
    for step in steps:
        code, output = _run(town, "import", *step, "--today", today.isoformat())
        name = Path(step[1]).name
        print(f"import {step[0]} {name}: Exit {code}; {_summary_counts(output)}")
        if code and "Nichts wurde geschrieben" in output:
            print("  " + output.strip().splitlines()[0][:400])
        import_messages += _messages(output)
        hints += sum(1 for line in output.splitlines() if "content/clubs/" in line and "Termine" in line)
        again, output2 = _run(town, "import", *step, "--today", today.isoformat())
        print(f"  zweiter Lauf: Exit {again}; {_summary_counts(output2)}")
    _print_kinds("Meldungen der Importe (Aufmerksamkeit und Prüfung)", import_messages)
    print(f"Hinweise auf wiederkehrende Veranstalter: {hints}")
    code, output = _run(town, "validate")
    problems = _messages(output)
    print(f"validate: Exit {code}; {len(problems)} Fehler in {len({f for f, _ in problems})} Dateien")
    _print_kinds("validate", problems)
    files = {kind: len(list((town / "content" / kind).rglob("*.yml"))) for kind in ("events", "clubs", "venues")}
    print("Dateien: " + ", ".join(f"{kind} {count}" for kind, count in files.items()))
    if code:
        print(f"beiseitegelegt (von Hand zu prüfen): {_set_aside(town, work, problems)} Dateien")
        code, output = _run(town, "validate")
        print(f"validate danach: Exit {code}; {len(_messages(output))} Fehler")
        if code:
            print(output[-2000:])
            return
    site = work / "site"
    code, output = _run(town, "build", "--out", str(site), "--today", today.isoformat(), "--no-cache")
    print(f"build: Exit {code}")
    if code:
        print(output[-2000:])
        return
    events = json.loads((site / "api" / "v1" / "events.json").read_text(encoding="utf-8"))
    items = events["items"]
    pages = len(list((site / "veranstaltungen").glob("*/index.html")))
    feed = (site / "kalender" / "alle.ics").read_text(encoding="utf-8")
    print(
        f"Ausgabe: {pages} Terminseiten, {len(items)} Termine in events.json, "
        f"{feed.count('BEGIN:VEVENT')} VEVENTs in kalender/alle.ics, "
        f"{len({line for line in feed.splitlines() if line.startswith('UID:')})} verschiedene UIDs"
    )
    organizers = Counter(o.get("kind") for item in items for o in item.get("organizers", []))
    print(
        f"Veranstalter in events.json nach Art: {dict(organizers)}; ohne Veranstalter: "
        f"{sum(1 for item in items if not item.get('organizers'))}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--keep", type=Path, default=None, help="hier arbeiten und alles behalten")
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 8))
    parser.add_argument(
        "--districts",
        choices=("ortsteile", "eine"),
        default="ortsteile",
        help="die Ortsteile des Vereinsverzeichnisses oder die Stadt als ein einziger Bereich",
    )
    parser.add_argument(
        "--categories",
        choices=("muster", "alte"),
        default="muster",
        help="die Kategorien der neuen Kommune (init) oder die 42 des alten Vereinsverzeichnisses",
    )
    args = parser.parse_args(argv)
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        migrate(args.corpus, args.keep, args.today, args.districts, args.categories)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        migrate(args.corpus, Path(folder), args.today, args.districts, args.categories)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
