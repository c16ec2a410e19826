"""Time and memory of `validate` over the sample plus every hostile file (`tests/hostile_files.py`).

.venv/bin/python -m bench.hostile_bench

Target (issue 15): every hostile file reported with file and line, no traceback, status 1,
within 60 s and 2 GB. Runs `python -m generator validate` as a child process and reads its
peak memory from `resource.getrusage(RUSAGE_CHILDREN)`.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synthetic import PROJECT

sys.path.insert(0, str(PROJECT / "tests"))
from hostile_files import write_hostile_files

from generator.project import Project

LOCATED = re.compile(r"^(content/.+?):\d+:\d+: ")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(PROJECT).copy_to(Path(tmp) / "town")
        hostile = write_hostile_files(project.content_dir)
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "generator", "--root", str(project.root), "validate"],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lines = result.stderr.splitlines()
    reported = {match[1] for line in lines if (match := LOCATED.match(line))}
    missing = sorted(set(hostile) - reported)
    print(f"hostile files: {len(hostile)}, reported with file:line: {len(set(hostile) & reported)}")
    traceback = "Traceback" in result.stderr
    print(f"problem lines: {len(lines) - 1}, exit status {result.returncode}, traceback: {traceback}")
    print(f"wall time: {seconds:.2f} s (target 60 s), peak RSS: {peak_mb:.0f} MB (target 2048 MB)")
    if missing:
        print("not reported:", ", ".join(missing))


if __name__ == "__main__":
    main()
