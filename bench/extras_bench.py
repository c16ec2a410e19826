"""The extras stage ("Offene Daten, Widget, QR-Codes, Aushänge") alone, on an existing project; prints figures.

    .venv/bin/python -m bench.extras_bench ROOT [--today 2026-12-01] [--site BUILT_SITE]

Starts the stage's worker as a build does (`start_extras`), waits until it has made the QR codes and
rendered everything (as if MkDocs outlasted it), then times `write_extras` into a fresh folder that
has the folders of ``--site`` (a built site: MkDocs made them before the stage). Reports the
worker's time, the stage's wall and CPU time, and the files written.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from generator.build.extras import start_extras, write_extras
from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.project import Project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 1))
    parser.add_argument("--site", type=Path, help="a built site whose folders the stage finds in place")
    args = parser.parse_args()
    project = Project(args.root)
    site, _ = load_site(project)
    if site is None:
        raise SystemExit(f"content of {args.root} does not validate")
    catalog = Catalog.build(site, args.today)
    started = time.perf_counter()
    job = start_extras(project.root, project.theme_dir, site, catalog)
    job.qr_codes.result()  # results stay there for write_extras
    job.files(catalog)
    worker = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "site"
        out.mkdir()
        if args.site:
            for path in args.site.rglob("*"):
                if path.is_dir() and not {"aushang", "programm", "widget", "api"} & set(path.parts):
                    (out / path.relative_to(args.site)).mkdir(parents=True, exist_ok=True)
        wall, cpu = time.perf_counter(), time.process_time()
        extras = write_extras(project.root, project.theme_dir, site, catalog, out, job)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        shutil.rmtree(out)
    size = sum(extras.sizes.values()) / 1024 / 1024
    print(
        f"worker ready after {worker:.1f} s; "
        f"write_extras {wall:.2f} s wall, {cpu:.2f} s CPU here; {len(extras.sizes)} files, {size:.1f} MiB"
    )


if __name__ == "__main__":
    main()
