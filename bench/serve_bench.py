"""`serve` at Herzberg scale: seconds from saving an edited event until the served site shows it.

    .venv/bin/python -m bench.serve_bench [--rounds 5]

Copies the sample project, does the first rebuild (a full build that fills `serve`'s cache), then
edits one event file per round and times `serve.rebuild` — validation, the incremental build
(feeds, open data and search index included) and the swap of the served folder. Target
(issue 16): ≤ 1 s.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.synthetic import PROJECT
from generator.build.cache import BuildCache
from generator.project import Project
from generator.serve import rebuild

TODAY = date(2026, 12, 1)
EVENT = Path("content/events/sprechstunde.yml")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="engagiert-serve-") as tmp:
        project = Project(PROJECT).copy_to(Path(tmp) / "project")
        out = Path(tmp) / "served"
        cache = BuildCache.open(Path(tmp) / "cache")
        assert cache is not None
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            rebuild(project, out, TODAY, cache)
        print(f"first (full) rebuild: {time.perf_counter() - started:.2f} s")
        seconds = []
        event = project.root / EVENT
        for round_number in range(args.rounds):
            text = event.read_text(encoding="utf-8")
            event.write_text(text.replace("title: ", f"title: Runde {round_number} ", 1), encoding="utf-8")
            started = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()) as said:
                assert rebuild(project, out, TODAY, cache)
            seconds.append(time.perf_counter() - started)
            page = (out / "veranstaltungen" / "sprechstunde" / "index.html").read_text(encoding="utf-8")
            assert f"Runde {round_number} " in page
            print(f"round {round_number + 1}: served after {seconds[-1]:.2f} s — {said.getvalue().strip()}")
        median = statistics.median(seconds)
        verdict = "✓" if median <= 1 else "✗"
        print(f"\nedited event served after {median:.2f} s (median of {args.rounds}); target ≤ 1 s: {verdict}")


if __name__ == "__main__":
    main()
