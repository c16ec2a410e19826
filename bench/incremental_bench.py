"""Incremental builds (issue 16): how long a build with the cache of the previous one takes.

    .venv/bin/python -m bench.incremental_bench [--sizes 1000,10000] [--repeat 3]

For each size it generates synthetic content (bench/synthetic.py) and prints, each build in a fresh
process (bench/build_child.py) with wall time, CPU seconds and peak memory of all its processes:

* the full build (no cache), and the first build with a cache (it fills the cache),
* the incremental build after one event was edited, after one club was renamed, and after the
  day moved forward (``--today`` + 1: "upcoming" shifts on every page),
* and checks that each incremental result equals a full build of the same content, byte for byte.

Target: one event edited at 10,000 events republished in ≤ 10 s. Figures, never assertions in tests.
"""

from __future__ import annotations

import argparse
import filecmp
import statistics
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bench.build_bench import TODAY, run_build
from bench.synthetic import write_synthetic_content


def _prefix(path: Path, field: str, words: str) -> None:
    """Put ``words`` in front of the value of ``field`` (synthetic values are quoted)."""
    text = path.read_text(encoding="utf-8")
    quoted = f'{field}: "'
    old, new = (quoted, f"{quoted}{words} ") if quoted in text else (f"{field}: ", f"{field}: {words} ")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_event(root: Path, round_number: int) -> None:
    _prefix(sorted((root / "content" / "events").rglob("*.yml"))[5 + round_number], "title", f"Geändert {round_number}")


def rename_club(root: Path, round_number: int) -> None:
    _prefix(sorted((root / "content" / "clubs").rglob("*.yml"))[3 + round_number], "name", f"Neu {round_number}")


def same_tree(one: Path, two: Path) -> bool:
    comparison = filecmp.dircmp(one, two)
    stack = [comparison]
    while stack:
        current = stack.pop()
        if current.left_only or current.right_only or current.funny_files:
            return False
        _, mismatch, errors = filecmp.cmpfiles(current.left, current.right, current.common_files, shallow=False)
        if mismatch or errors:
            return False
        stack.extend(current.subdirs.values())
    return True


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3, help="incremental builds per kind of change (median)")
    args = parser.parse_args()
    rows: list[tuple[str, str, dict, bool | None]] = []
    with tempfile.TemporaryDirectory(prefix="engagiert-incremental-") as tmp:
        work = Path(tmp)
        for events in (int(size) for size in args.sizes.split(",") if size):
            clubs = max(50, events // 10)
            name = f"{events} events, {clubs} clubs"
            root = write_synthetic_content(work / f"content-{events}", events, clubs, max(20, clubs // 5))
            cache, out, reference = work / f"cache-{events}", work / f"site-{events}", work / f"full-{events}"
            rows.append((name, "full build (no cache)", run_build(root, reference), None))
            rows.append((name, "first build with cache (fills it)", run_build(root, out, TODAY, cache), None))
            changes: list[tuple[str, Callable[[Path, int], None] | None]] = [
                ("one event edited", edit_event),
                ("one club renamed", rename_club),
            ]
            for label, change in changes:
                results = []
                for round_number in range(args.repeat):
                    assert change is not None
                    change(root, round_number)
                    results.append(run_build(root, out, TODAY, cache))
                median = sorted(results, key=lambda result: result["wall"])[len(results) // 2]
                median["walls"] = sorted(result["wall"] for result in results)
                run_build(root, reference)
                rows.append((name, label, median, same_tree(out, reference)))
            tomorrow = TODAY + timedelta(days=1)
            result = run_build(root, out, tomorrow, cache)
            run_build(root, reference, tomorrow)
            rows.append((name, "the day moved forward", result, same_tree(out, reference)))
            run_build(root, out, TODAY, cache)  # back, for the next size's order of events
    print_table(rows)


def print_table(rows: list[tuple[str, str, dict, bool | None]]) -> None:
    print("\n## Incremental builds\n")
    print("| content | build | wall s | CPU s user+sys | peak RSS MB | equals a full build |")
    print("|---|---|---|---|---|---|")
    for name, label, result, equal in rows:
        walls = result.get("walls", [])
        spread = f" ({walls[0]:.1f}–{walls[-1]:.1f})" if len(walls) > 1 else ""
        same = "–" if equal is None else ("yes" if equal else "NO")
        cpu = f"{result['cpu_user']:.1f}+{result['cpu_sys']:.1f}"
        print(f"| {name} | {label} | {result['wall']:.1f}{spread} | {cpu} | {result['tree_peak_mb']:.0f} | {same} |")
    edits = [
        result["wall"] for name, label, result, _ in rows if name.startswith("10000") and label.startswith("one event")
    ]
    if edits:
        verdict = "✓" if statistics.median(edits) <= 10 else "✗"
        print(f"\none event edited at 10,000 events: {statistics.median(edits):.1f} s; target ≤ 10 s: {verdict}")


if __name__ == "__main__":
    main()
