"""One full build in its own process, for bench/build_bench.py (peak RSS then belongs to it alone).

python -m bench.build_child ROOT OUT YYYY-MM-DD [CACHE]   → prints `BENCH {json}`

Without CACHE a full build; with it, an incremental one through that cache folder.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from generator.build.jobs import exit_now
from generator.build.publish import build_site
from generator.progress import Progress
from generator.project import Project

if __name__ == "__main__":
    root, out, today = Path(sys.argv[1]), Path(sys.argv[2]), date.fromisoformat(sys.argv[3])
    progress = Progress(interactive=False)
    started = time.perf_counter()
    cache = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    code = build_site(Project(root), out, today, progress, cache_dir=cache)
    wall = time.perf_counter() - started
    print("BENCH " + json.dumps({"code": code, "wall": wall, "stages": progress.timings, "rss": progress.peak_rss_mb}))
    exit_now(0)  # as `python -m generator` leaves
