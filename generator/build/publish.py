"""`build`: validate everything, then write the whole site, or nothing.

The site is assembled in a folder of its own and moved into place only when every stage
succeeded; a failed build leaves the previous site untouched (never a half-published site). With a
cache folder (``--cache``, by default `build/cache` of the project), only what an edit affects is
made again and written (`fingerprints.py`, `cache.py`).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from datetime import date, datetime
from pathlib import Path

from generator.build.cache import BuildCache
from generator.build.fingerprints import build_key
from generator.build.jobs import StageFailed, interrupts_deferred
from generator.build.memory import content_frozen
from generator.build.run import run_stages
from generator.content import load_site
from generator.models.site import Site
from generator.outputs.frame import MkDocsError
from generator.outputs.search.pagefind import SearchIndexError
from generator.problems import ProblemReport, exception_summary
from generator.progress import Progress
from generator.project import Project
from generator.validate.placeholders import check_placeholders


def build_site(
    project: Project,
    out: Path,
    today: date | None = None,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    publish: bool = False,
) -> int:
    """CLI entry: returns the exit code (130 after Ctrl+C, as shells report it).

    ``publish``: the site goes online; placeholders of the template stop the build (`validate/placeholders.py`)."""
    try:
        return _build(project, out, today, progress, cache_dir, for_publishing=publish)
    except KeyboardInterrupt:
        print(
            "\nAbgebrochen (Strg+C). Die Seite wurde nicht gebaut; die bisherige Fassung bleibt unverändert.",
            file=sys.stderr,
        )
        return 130


def _build(
    project: Project,
    out: Path,
    today: date | None,
    progress: Progress | None,
    cache_dir: Path | None,
    for_publishing: bool,
) -> int:
    started = time.perf_counter()
    progress = progress or Progress()
    cache = BuildCache.open(cache_dir) if cache_dir is not None else None
    if cache is not None:
        cache.read_probes()
    try:
        with progress.stage("Inhalte prüfen"):
            site, report = load_cached(project, cache)
            placeholders = check_placeholders(project, site.town.demo, for_publishing) if site is not None else None
        if site is None or (placeholders is not None and placeholders.fails):
            if placeholders is not None:
                placeholders.print_failure(sys.stderr)
            else:
                report.print(sys.stderr)
            print("Die Seite wurde nicht gebaut; die bisherige Fassung bleibt unverändert.", file=sys.stderr)
            return 1
        today = today or datetime.now(site.town.zone).date()
        with content_frozen():
            summary = publish(project, site, out, today, progress, cache)
    except (MkDocsError, SearchIndexError, StageFailed) as exc:
        kind = {MkDocsError: "MkDocs-Fehler", SearchIndexError: "Suchindex-Fehler"}.get(type(exc), "Fehler beim Bauen")
        print(f"{kind}: {exc} Die Seite wurde nicht gebaut; die bisherige Fassung bleibt unverändert.", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not a content problem: say so in German, keep the old site
        if _interrupted(exc):
            raise KeyboardInterrupt from exc
        if os.environ.get("ENGAGIERT_DEBUG"):
            traceback.print_exc()
        print(
            f"Interner Fehler beim Bauen — bitte melden (technisch: {exception_summary(exc)}; "
            "ENGAGIERT_DEBUG=1 zeigt die Einzelheiten). Die Seite wurde nicht gebaut; die bisherige "
            "Fassung bleibt unverändert.",
            file=sys.stderr,
        )
        return 1
    finally:
        if cache is not None:
            cache.close()
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    print(f"Seite gebaut in {out} ({seconds} s, Stichtag {today.isoformat()}): {progress.summary()}.")
    print(f"Geschrieben: {summary}.")
    if placeholders is not None:
        placeholders.print_notice(sys.stdout)
    return 0


def _interrupted(error: BaseException) -> bool:
    """Ctrl+C that a library turned into its own error: pydantic-core reports a KeyboardInterrupt
    raised while it serialises as a PydanticSerializationError naming it."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt) or "KeyboardInterrupt" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def load_cached(project: Project, cache: BuildCache | None) -> tuple[Site | None, ProblemReport]:
    """`load_site`, validating only the files that changed since the cached load."""
    if cache is None:
        return load_site(project)
    records = cache.records()
    loaded = load_site(project, cache=records)
    records.save()
    return loaded


def publish(
    project: Project, site: Site, out: Path, today: date, progress: Progress, cache: BuildCache | None = None
) -> str:
    """Run the stages, then swap the new site in for ``out``.

    Without a cache the site is written into a new folder next to ``out``; with one, into the
    cache's spare copy of an older build (only what differs is written), and the site it replaces
    becomes the spare (`cache.py`)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    scratch: Path | None = None
    try:
        with interrupts_deferred():  # known to the `finally` below as soon as it exists
            scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
        work, fresh = scratch / "work", scratch / "site"
        work.mkdir()
        fresh.mkdir()
        if cache is None:
            result = run_stages(project, site, today, fresh, work, progress)
            replace_directory(fresh, out)
            return result.summary.describe()
        with progress.stage("Zwischenspeicher"):
            replaced = dict(cache.state.published_files) if cache.published(out) else None
            target, search = cache.targets(out, fresh)
            previous = cache.previous(out, build_key(project, site, today))
        result = run_stages(project, site, today, target, work, progress, previous, search, pictures=cache.pictures)
        old = scratch / "old"
        with interrupts_deferred():  # Ctrl+C between the renames would leave no site at all
            if out.exists():
                out.rename(old)
            target.root.rename(out)
        with progress.stage("Zwischenspeicher"):
            cache.commit(out, result.state, result.files, result.search_files, old if old.exists() else None, replaced)
            cache.save_probes()
        return result.summary.describe()
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def replace_directory(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``, replacing it with as small a gap as the file system allows."""
    if target.exists():
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        with interrupts_deferred():  # Ctrl+C between the renames would leave no site at all
            target.rename(old)
            new.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(target)
