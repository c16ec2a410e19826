"""Content in, Site out: discover → load → validate → Site; building writes nothing unless all of it is clean."""

from __future__ import annotations

from typing import Any

from generator.load.discover import RECORD_KINDS, ContentFile, discover
from generator.load.record_cache import RecordCache, content_digest
from generator.load.yaml_loader import LoadedDocument, YamlLoadError, load_yaml_file, read_bytes
from generator.models.site import Record, Site
from generator.models.town import Town
from generator.problems import Location, Problem, ProblemReport, display_path, internal_error
from generator.project import Project
from generator.validate.records import validate_file, validate_model
from generator.validate.references import ReferenceChecker
from generator.validate.town_facts import TownFacts


def load_site(
    project: Project,
    cache: RecordCache | None = None,
) -> tuple[Site | None, ProblemReport]:
    """Read and validate all content. The Site is None whenever any problem was found.

    Nothing one file contains stops the checking of the others, and a broken `town.yml` does not
    stop the checks across files (they use the parts of it that did validate, `TownFacts`).

    With a ``cache``, a file whose bytes and path are unchanged is not validated again (its record
    and problems come from the cache), and every other file's result is stored in it; saving it
    is the caller's part. The checks across files run in full either way."""
    report = ProblemReport()
    town, town_document = _load_town(project, report)
    files, naming_problems = discover(project.content_dir, project.root)
    report.extend(naming_problems)
    records: dict[str, dict[str, Record[Any]]] = {kind: {} for kind in RECORD_KINDS}
    first_seen: dict[tuple[str, str], ContentFile] = {}
    for file in files:
        earlier = first_seen.setdefault((file.kind, file.id), file)
        if earlier is not file:
            report.add(
                Location(file.shown_path, 1, 1),
                "",
                f"Die Kennung „{file.id}“ gibt es schon ({earlier.shown_path}). Dateinamen müssen in "
                f"content/{file.kind}/ eindeutig sein, auch über Unterordner hinweg. Benennen Sie eine der Dateien um.",
            )
            continue
        record, problems = _validate_file_safely(file) if cache is None else _validate_cached(file, cache)
        report.extend(problems)
        if record is not None:
            records[file.kind][file.id] = record
    if town is not None:
        facts = TownFacts.of(town)
    else:
        facts = TownFacts.salvage(town_document.data) if town_document is not None else TownFacts.unknown()
    existing: dict[str, set[str]] = {}
    for file in files:
        existing.setdefault(file.kind, set()).add(file.id)
    town_source = town_document.source if town_document is not None else None
    report.extend(ReferenceChecker(facts, town_source, records, project.images_dir, existing).run())
    if report or town is None or town_source is None:
        return None, report
    return Site(town, town_source, **records), report


def _validate_file_safely(file: ContentFile) -> tuple[Record[Any] | None, list[Problem]]:
    """``validate_file``, with a failure of the program itself turned into a problem of this file."""
    try:
        return validate_file(file)
    except Exception as exc:
        return None, [internal_error(Location(file.shown_path, 1, 1), exc)]


def _validate_cached(file: ContentFile, cache: RecordCache) -> tuple[Record[Any] | None, list[Problem]]:
    """The cached result for ``file`` if its bytes are unchanged, else ``validate_file`` of those bytes."""
    try:
        raw = read_bytes(file.path, file.shown_path)
    except YamlLoadError as exc:  # unreadable, too large, no regular file: no bytes to recognise it by
        cache.store(file, None, (None, exc.problems))
        return None, exc.problems
    digest = content_digest(raw)
    cached = cache.lookup(file, digest)
    if cached is not None:
        return cached
    try:
        result = validate_file(file, raw)
    except Exception as exc:
        result = None, [internal_error(Location(file.shown_path, 1, 1), exc)]
        cache.store(file, None, result)  # a failure of the program, not a fact about the file: not kept
        return result
    cache.store(file, digest, result)
    return result


def _load_town(project: Project, report: ProblemReport) -> tuple[Town | None, LoadedDocument | None]:
    """The valid town config, and the parsed `town.yml` (for `TownFacts.salvage` when invalid)."""
    shown = display_path(project.town_file, project.root)
    if not project.town_file.is_file():
        report.add(
            Location(shown, 1, 1),
            "",
            "Die Datei mit den Angaben zur Kommune fehlt. Legen Sie content/town.yml an (Vorlage: README).",
        )
        return None, None
    try:
        document = load_yaml_file(project.town_file, shown)
        town, problems = validate_model(Town, document)
    except YamlLoadError as exc:
        report.extend(exc.problems)
        return None, None
    except Exception as exc:
        report.extend([internal_error(Location(shown, 1, 1), exc)])
        return None, None
    report.extend(problems)
    return town, document


__all__ = ["Problem", "load_site"]
