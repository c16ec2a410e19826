"""Feed sizes for the bundled sample, and the time to write all feeds for generated content; prints figures.

    .venv/bin/python -m bench.feeds_bench [--events 10000] [--no-git]

With Git (the default) the synthetic content is committed, a tenth of the events get a new
start in a second commit, and the timing includes reading that history (SEQUENCE, LAST-MODIFIED).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.synthetic import PROJECT, write_synthetic_content
from generator.build.writer import Writer
from generator.content import load_site
from generator.models.site import Site
from generator.outputs.feeds.history import read_history
from generator.outputs.feeds.writer import dtstamp_for, render_feeds
from generator.project import Project

SAMPLE_TODAY = date(2026, 12, 1)


def load(root: Path) -> Site:
    site, report = load_site(Project(root))
    if site is None:
        raise SystemExit(f"content of {root} does not validate:\n" + "\n".join(map(str, report.sorted()[:20])))
    return site


def time_feeds(root: Path, site: Site, today: date, repeat: int) -> tuple[float, dict[str, int]]:
    """Best of ``repeat`` runs (seconds) and the sizes of the written files."""
    best, sizes = float("inf"), {}
    for run in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            writer = Writer(Path(out) / f"run{run}")
            sizes = render_feeds(root, site, today, lambda path, data, w=writer: w.write("", path, data)).sizes
            best = min(best, time.perf_counter() - started)
    return best, sizes


def describe(sizes: dict[str, int]) -> str:
    feeds = {name: size for name, size in sizes.items() if not name.startswith("kalender/termine/")}
    singles = [size for name, size in sizes.items() if name.startswith("kalender/termine/")]
    subs = sorted((size, name) for name, size in feeds.items() if name != "kalender/alle.ics")
    return (
        f"alle.ics {_kb(sizes['kalender/alle.ics'])}; {len(subs)} sub-feeds {_kb(sum(s for s, _ in subs))} "
        f"(largest {subs[-1][1]} {_kb(subs[-1][0])}, median {_kb(subs[len(subs) // 2][0])}); "
        f"{len(singles)} single-event files {_kb(sum(singles))} (mean {_kb(sum(singles) / max(1, len(singles)))}); "
        f"all {len(sizes)} files {_kb(sum(sizes.values()))}"
    )


def _kb(size: float) -> str:
    return f"{size / 1024:,.1f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MiB"


def _git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-01T12:00:00Z", "GIT_COMMITTER_DATE": "2026-11-01T12:00:00Z"}
    subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=root, env=env, check=True, capture_output=True,
    )  # fmt: skip


def commit_with_history(root: Path) -> int:
    """Commit the content, then move the start of every tenth event by one hour in a second commit."""
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Inhalte")
    changed = 0
    for path in sorted((root / "content" / "events").rglob("*.yml"))[::10]:
        text = path.read_text(encoding="utf-8")
        later = re.sub(r"^(start: \d{4}-\d\d-\d\d) (\d\d):", _hour_later, text, count=1, flags=re.M)
        if later != text:
            path.write_text(later, encoding="utf-8")
            changed += 1
    _git(root, "commit", "-q", "-a", "-m", "Beginn verschoben")
    return changed


def _hour_later(match: re.Match[str]) -> str:
    return f"{match[1]} {int(match[2]) + 1:02d}:"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clubs", type=int, default=1_000)
    parser.add_argument("--venues", type=int, default=200)
    parser.add_argument("--no-git", action="store_true", help="skip the run with a Git history")
    args = parser.parse_args()

    site = load(PROJECT)
    seconds, sizes = time_feeds(PROJECT, site, SAMPLE_TODAY, repeat=3)
    print(f"sample content ({len(site.events)} events, --today {SAMPLE_TODAY}): written in {seconds:.2f} s (best of 3)")
    print(f"  {describe(sizes)}")

    with tempfile.TemporaryDirectory() as tmp:
        root = write_synthetic_content(Path(tmp) / "project", args.events, args.clubs, args.venues)
        site = load(root)
        seconds, sizes = time_feeds(root, site, SAMPLE_TODAY, repeat=1)
        print(f"synthetic: {len(site.events)} events, {args.clubs} clubs, {args.venues} venues, no Git history: "
              f"all feeds written in {seconds:.2f} s ({seconds / len(site.events) * 1000:.2f} ms/event)")  # fmt: skip
        print(f"  {describe(sizes)}")
        if not args.no_git:
            changed = commit_with_history(root)
            site = load(root)
            started = time.perf_counter()
            revisions = read_history(root).revisions(site.events.values(), root, dtstamp_for(SAMPLE_TODAY))
            history_seconds = time.perf_counter() - started
            raised = sum(1 for revision in revisions.values() if revision.sequence > 0)
            seconds, _ = time_feeds(root, site, SAMPLE_TODAY, repeat=1)
            print(
                f"synthetic with Git history (2 commits, {changed} starts changed, {raised} SEQUENCEs raised): "
                f"all feeds written in {seconds:.2f} s, of which reading the history {history_seconds:.2f} s"
            )


if __name__ == "__main__":
    main()
