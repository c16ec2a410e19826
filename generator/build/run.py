"""Run the stage list (`stages.STAGES`): the one build path of `build` and `serve`.

The catalog of occurrences is built once; then the worker pool starts with the site and the
catalog (`jobs.Jobs`), every stage starts in list order (a stage whose ``reads`` names another
stage finishes that one first), and all are finished in list order. With the state of a previous
build (`cache.py`), the outputs of unchanged records are taken over from its published site.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.build.cache import CacheState
from generator.build.fingerprints import Fingerprints, build_key
from generator.build.jobs import BuildState, Jobs, fork_is_safe, workers_for
from generator.build.memory import release_free_memory
from generator.build.stages import PARALLEL_FROM_PICTURES, STAGES, BuildRun, pictures_to_make
from generator.build.writer import Target, Writer
from generator.derive.catalog import Catalog
from generator.derive.pictures import Pictures
from generator.models.site import Site
from generator.progress import Progress
from generator.project import Project


@dataclass(frozen=True)
class RunSummary:
    files: dict[str, int]
    """Files per stage label."""
    written: int
    """Files written or linked; the others were in the target folder already."""

    def describe(self) -> str:
        counts = ", ".join(f"{label} {count}" for label, count in self.files.items() if count)
        total = sum(self.files.values())
        unchanged = total - self.written
        kept = f"; {unchanged} davon unverändert, nicht neu geschrieben" if unchanged else ""
        return f"{total} Dateien ({counts}){kept}"


@dataclass
class RunResult:
    summary: RunSummary
    files: dict[str, str]
    """Every file of the site: site-relative path → digest."""
    search_files: dict[str, str]
    state: CacheState
    """This build's keys, for the next one."""


def run_stages(
    project: Project,
    site: Site,
    today: date,
    target: Path | Target,
    work: Path,
    progress: Progress,
    previous: CacheState | None = None,
    search: Target | None = None,
    workers: int | None = None,
    pictures: Path | None = None,
) -> RunResult:
    """Write the whole site into ``target``; ``work`` is scratch space (also the search input's
    place unless ``search`` is given). ``previous``: the last build's keys, whose outputs may be
    taken over from its published site (``target.base``). ``pictures``: the renditions of earlier
    builds (`BuildCache.pictures`; None: made anew in ``work``)."""
    target = target if isinstance(target, Target) else Target(target)
    with progress.stage("Termine berechnen"):
        catalog = Catalog.build(site, today, Pictures.for_site(project.images_dir, site))
        key = build_key(project, site, today)
        fingerprints = Fingerprints(site, catalog, key)
    previous = previous if previous is not None and previous.build_key == key else CacheState()
    writer = Writer(target, {stage.name: stage.claims for stage in STAGES})
    search_writer = Writer(search or Target(work / "search"))
    state = BuildState(project, site, catalog, today, target, work, pictures)
    count = workers_for(site) if workers is None else workers
    if workers is None and count == 0 and fork_is_safe():
        folder = pictures if pictures is not None else work / "bilder"
        if len(pictures_to_make(catalog.pictures, folder)) >= PARALLEL_FROM_PICTURES:
            count = max(2, os.cpu_count() or 1)  # a small town's first build with a dozen photos
    run: BuildRun | None = None
    try:
        with Jobs(state, count) as pool:
            run = BuildRun(pool, writer, search_writer, previous, fingerprints, CacheState(build_key=key))
            finishers: dict[str, Callable[[], None]] = {}
            labels = {stage.name: stage.label for stage in STAGES}
            pool_stages = {stage.name for stage in STAGES if stage.uses_pool}

            def finish(name: str) -> None:
                finisher = finishers.pop(name, None)
                if finisher is not None:
                    with progress.stage(labels[name]):
                        finisher()
                    pool_stages.discard(name)
                    if not pool_stages and pool.parallel:  # Pagefind's peak comes last: hand the memory to it
                        pool.close()
                        release_free_memory()

            incremental = bool(previous.units)
            for stage in STAGES:
                for needed in stage.reads + (() if incremental else stage.full_build_reads):
                    finish(needed)
                with progress.stage(stage.label):
                    finishers[stage.name] = stage.start(run)
            for stage in STAGES:
                finish(stage.name)
    finally:
        for step in run.cleanup if run is not None else ():
            step()
    writer.remove_stale()
    counts = writer.counts()
    summary = RunSummary({stage.label: counts.get(stage.name, 0) for stage in STAGES}, writer.touched)
    return RunResult(summary, writer.files, search_writer.files, run.state)
