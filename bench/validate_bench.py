"""Time `validate` on the bundled sample and on generated content; prints figures.

.venv/bin/python -m bench.validate_bench [--events 10000]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from bench.synthetic import PROJECT, write_synthetic_content
from generator.content import load_site
from generator.load.record_cache import CACHE_FILE, RecordCache
from generator.project import Project


def time_validation(root: Path, repeat: int = 3) -> tuple[float, int]:
    """Best of ``repeat`` runs (seconds) and the number of events seen."""
    best = float("inf")
    count = 0
    for _ in range(repeat):
        started = time.perf_counter()
        site, report = load_site(Project(root))
        best = min(best, time.perf_counter() - started)
        if site is None:
            raise SystemExit(f"content of {root} does not validate:\n" + "\n".join(map(str, report.sorted()[:20])))
        count = len(site.events)
    return best, count


def time_cached_validation(root: Path, folder: Path) -> tuple[float, float, int]:
    """Seconds of a load with a cold cache (saving it included), of one with the cache warm, and
    the size of the cache file in bytes."""
    seconds = []
    for _ in range(2):
        started = time.perf_counter()
        cache = RecordCache.open(folder)
        site, _ = load_site(Project(root), cache=cache)
        cache.save()
        seconds.append(time.perf_counter() - started)
        if site is None:
            raise SystemExit(f"content of {root} does not validate")
    return seconds[0], seconds[1], (folder / CACHE_FILE).stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clubs", type=int, default=1_000)
    parser.add_argument("--venues", type=int, default=200)
    args = parser.parse_args()
    seconds, count = time_validation(PROJECT)
    print(f"sample content: {count} events validated in {seconds:.3f} s (best of 3)")
    with tempfile.TemporaryDirectory() as tmp:
        root = write_synthetic_content(Path(tmp) / "project", args.events, args.clubs, args.venues)
        seconds, count = time_validation(root, repeat=1)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"synthetic: {count} events, {args.clubs} clubs, {args.venues} venues validated in {seconds:.2f} s "
            f"({seconds / count * 1000:.2f} ms/event), peak RSS {peak_mb:.0f} MB"
        )
        cold, warm, size = time_cached_validation(root, Path(tmp) / "cache")
        print(f"with the record cache: cold {cold:.2f} s (saving included), warm {warm:.2f} s, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
