"""Full-build benchmark at county scale; prints one table, checks the targets of issue 8.

    .venv/bin/python -m bench.build_bench [--sizes 1000,10000,50000] [--clubs-per-10k 1000] [--no-reference]

For each size it generates synthetic content (bench/synthetic.py), runs a complete build in a
fresh process (so peak RSS is that build's alone) and reports wall time and peak RSS by stage,
site size, the average event-page HTML, the bytes a first search fetches, and — as reference —
a plain MkDocs + Material build of the same pages (our page bodies inline in the Markdown).
Targets: Herzberg sample ≤ 5 s; 10k events + 1k clubs ≤ 45 s, ≤ 1.5 GB, ≤ 1.3× the reference;
event page ≤ 20 KB; first search ≤ 200 KB at 10k events. Figures, never assertions in tests.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.synthetic import PROJECT, write_synthetic_content

TODAY = date(2026, 12, 1)
SEARCH_FILES = ("pagefind-entry.json", "pagefind.js", "pagefind-worker.js", "wasm.de.pagefind")


def run_build(root: Path, out: Path) -> dict:
    """Build ``root`` in a child process; return its wall time, stage timings and peaks."""
    completed = subprocess.run(
        [sys.executable, "-m", "bench.build_child", str(root), str(out), TODAY.isoformat()],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    line = next((text for text in completed.stdout.splitlines() if text.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"build of {root} failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    return json.loads(line[len("BENCH ") :])


def reference_build(root: Path, work: Path) -> float:
    """Plain MkDocs + Material over the same pages, bodies inline (what MkDocs alone would do)."""
    sys.path.insert(0, str(PROJECT))
    from generator.pipeline import Project, load_site
    from generator.render.bodies import PLACEHOLDER
    from generator.render.mkdocs_build import run_mkdocs
    from generator.render.pages import PageRenderer
    from generator.render.writer import OutputWriter

    project = Project(root)
    site, _ = load_site(project)
    assert site is not None
    docs = work / "reference-docs"
    renderer = PageRenderer(site, TODAY, project.theme_dir / "pages", OutputWriter(docs))
    nav = renderer.render_all()
    for source, body in renderer.bodies.items():
        path = docs / source
        path.write_text(path.read_text(encoding="utf-8").replace(PLACEHOLDER, body), encoding="utf-8")
    started = time.perf_counter()
    run_mkdocs(project.mkdocs_file, docs, work / "reference-site", site.town, nav)
    return time.perf_counter() - started


def site_figures(site: Path) -> dict:
    sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
    events = [p.stat().st_size for p in (site / "veranstaltungen").glob("*/index.html")]
    search = sum(
        (site / "pagefind" / name).stat().st_size for name in SEARCH_FILES if (site / "pagefind" / name).exists()
    )
    chunks = sorted(p.stat().st_size for p in (site / "pagefind" / "index").glob("*"))
    fragments = sorted(p.stat().st_size for p in (site / "pagefind" / "fragment").glob("*"))
    meta = sum(p.stat().st_size for p in (site / "pagefind").glob("*.pf_meta"))
    filters = sum(p.stat().st_size for p in (site / "pagefind" / "filter").glob("*"))
    # What Chromium fetches for a one-word query (tests/browser/test_search.py prints it): the entry,
    # JS, worker, German wasm, meta, every filter file (the UI shows the "Typ" counts), the one index
    # chunk holding the word (here the largest: the worst case) and the first 5 result fragments.
    first_search = search + meta + filters + sum(chunks[-1:]) + sum(fragments[len(fragments) // 2 :][:5])
    return {
        "site_mb": sum(sizes) / 1e6,
        "files": len(sizes),
        "event_page_avg_kb": (sum(events) / len(events) / 1000) if events else 0,
        "event_page_max_kb": max(events, default=0) / 1000,
        "first_search_kb": first_search / 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,50000", help="numbers of events, comma-separated")
    parser.add_argument("--clubs-per-10k", type=int, default=1000)
    parser.add_argument("--no-reference", action="store_true", help="skip the plain MkDocs reference build")
    parser.add_argument("--no-sample", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="engagiert-bench-") as tmp:
        work = Path(tmp)
        if not args.no_sample:
            result = run_build(PROJECT, work / "sample-site")
            rows.append(("Herzberg sample", result, site_figures(work / "sample-site"), None))
        for events in (int(s) for s in args.sizes.split(",") if s):
            clubs = max(50, events * args.clubs_per_10k // 10_000)
            root = write_synthetic_content(work / f"content-{events}", events, clubs, max(20, clubs // 5))
            result = run_build(root, work / f"site-{events}")
            figures = site_figures(work / f"site-{events}")
            reference = None if args.no_reference else reference_build(root, work / f"reference-{events}")
            rows.append((f"{events} events, {clubs} clubs", result, figures, reference))
    print_table(rows)


def print_table(rows: list) -> None:
    stages = list(dict.fromkeys(stage for _, result, _, _ in rows for stage in result["stages"]))
    print("\n## Build benchmark\n")
    header = ["content", "wall s", "peak RSS MB", *(f"{s} s" for s in stages)]
    header += ["site MB", "event page avg/max KB", "first search KB", "MkDocs reference s", "ratio"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, result, figures, reference in rows:
        cells = [name, f"{result['wall']:.1f}", f"{max(result['rss'].values(), default=0):.0f}"]
        cells += [f"{result['stages'].get(s, 0):.1f}" for s in stages]
        cells += [
            f"{figures['site_mb']:.0f}",
            f"{figures['event_page_avg_kb']:.1f}/{figures['event_page_max_kb']:.1f}",
            f"{figures['first_search_kb']:.0f}",
            f"{reference:.1f}" if reference else "–",
            f"{result['wall'] / reference:.2f}×" if reference else "–",
        ]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
