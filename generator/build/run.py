"""Run the stage list (`stages.STAGES`) into a folder: the one build path of `build` and `serve`.

The catalog of occurrences is built once; then the worker pool starts with the site and the
catalog (`jobs.Jobs`), every stage starts in list order (a stage whose ``reads`` names another
stage finishes that one first), and all are finished in list order. With a cache, the outputs of
unchanged records are taken over from the previous build and the new build is kept for the next.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.build.cache import BuildCache, CacheState
from generator.build.fingerprints import Fingerprints, build_key
from generator.build.jobs import BuildState, Jobs, workers_for
from generator.build.stages import STAGES, BuildRun
from generator.build.writer import Writer
from generator.derive.catalog import Catalog
from generator.models.site import Site
from generator.progress import Progress
from generator.project import Project


@dataclass(frozen=True)
class RunSummary:
    files: dict[str, int]
    """Files written per stage label."""
    reused: int
    """Files taken over unchanged from the cached build."""

    def describe(self) -> str:
        counts = ", ".join(f"{label} {count}" for label, count in self.files.items() if count)
        total = sum(self.files.values())
        taken = f", davon {self.reused} unverändert übernommen" if self.reused else ""
        return f"{total} Dateien ({counts}){taken}"


def run_stages(
    project: Project,
    site: Site,
    today: date,
    staging: Path,
    work: Path,
    progress: Progress,
    cache: BuildCache | None = None,
    workers: int | None = None,
) -> RunSummary:
    """Write the whole site into ``staging`` (an empty folder); ``work`` is scratch space."""
    with progress.stage("Termine berechnen"):
        catalog = Catalog.build(site, today)
        key = build_key(project, site, today)
        fingerprints = Fingerprints(site, catalog, key)
    previous = cache.usable_for(key) if cache is not None else CacheState()
    claims = {stage.name: stage.claims for stage in STAGES}
    writer = Writer(staging, claims)
    state = BuildState(project, site, catalog, today, staging, work)
    count = workers_for(site) if workers is None else workers
    with Jobs(state, count) as pool:
        run = BuildRun(
            pool,
            writer,
            previous,
            cache.site if cache is not None and previous.build_key else None,
            cache.search if cache is not None and previous.build_key else None,
            fingerprints,
            CacheState(build_key=key),
        )
        finishers: dict[str, Callable[[], None]] = {}
        labels = {stage.name: stage.label for stage in STAGES}

        def finish(name: str) -> None:
            finisher = finishers.pop(name, None)
            if finisher is not None:
                with progress.stage(labels[name]):
                    finisher()

        for stage in STAGES:
            for needed in stage.reads:
                finish(needed)
            with progress.stage(stage.label):
                finishers[stage.name] = stage.start(run)
        for stage in STAGES:
            finish(stage.name)
    if cache is not None:
        with progress.stage("Zwischenspeicher"):
            run.state.feed_events = run.state.feed_events or previous.feed_events
            cache.store(staging, work / "search", run.state)
    counts = writer.counts()
    return RunSummary({stage.label: counts.get(stage.name, 0) for stage in STAGES}, run.reused)


def fresh_folder(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path
