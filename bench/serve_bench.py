"""`serve` at Herzberg scale: seconds from saving an edited event until its page shows the change.

    .venv/bin/python -m bench.serve_bench [--rounds 5]

Copies the sample project, does the first (full) rebuild, then edits one event file per round
and times `LiveSite.update` until the pages are written (`on_pages_ready`) and until feeds,
open data and search index are done. Target (issue 8): the page within 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.synthetic import PROJECT
from generator.build.live import LiveSite
from generator.content import load_site
from generator.project import Project

TODAY = date(2026, 12, 1)
EVENT = Path("content/events/sprechstunde.yml")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="engagiert-serve-") as tmp:
        project = Project(PROJECT).copy_to(Path(tmp) / "project")
        root = project.root
        live = LiveSite(project, Path(tmp) / "served", Path(tmp) / "work")
        site, _ = load_site(project)
        assert site is not None
        started = time.perf_counter()
        live.update(site, TODAY)
        print(f"first (full) rebuild: {time.perf_counter() - started:.2f} s")
        visible, complete = [], []
        event = root / EVENT
        for round_number in range(args.rounds):
            text = event.read_text(encoding="utf-8")
            event.write_text(text.replace("title: ", f"title: Runde {round_number} ", 1), encoding="utf-8")
            started = time.perf_counter()
            site, _ = load_site(project)  # serve validates on every change, as here
            assert site is not None
            ready: list[float] = []
            kind = live.update(site, TODAY, on_pages_ready=lambda moments=ready: moments.append(time.perf_counter()))
            complete.append(time.perf_counter() - started)
            visible.append(ready[0] - started)
            print(f"round {round_number + 1} ({kind}): page visible {visible[-1]:.2f} s, all done {complete[-1]:.2f} s")
        median = statistics.median(visible)
        verdict = "✓" if median <= 2 else "✗"
        print(f"\nedited event visible after {median:.2f} s (median of {args.rounds}); target ≤ 2 s: {verdict}")


if __name__ == "__main__":
    main()
