"""Which stage a build is in, how far it got, and how long each stage took.

On a terminal a long build shows one updating status line per stage, with
counts ("Seiten erzeugen: 1200/11500"). In CI, or when output is not a
terminal, it stays quiet until the caller prints a one-line summary. The
benchmark reads `timings` for its per-stage table.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

_MIN_INTERVAL = 0.2  # seconds between two redraws of the status line


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # Linux reports kilobytes


def is_interactive(stream: TextIO) -> bool:
    """A human watches: a terminal, and not a CI runner (which sets CI=true)."""
    return stream.isatty() and not os.environ.get("CI")


@dataclass
class Stage:
    """Handle for one running stage; `advance()` as items are done."""

    progress: Progress
    label: str
    total: int | None
    done: int = 0
    _last_draw: float = 0.0

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.perf_counter()
        if now - self._last_draw >= _MIN_INTERVAL:
            self._last_draw = now
            self.progress.draw(self)


@dataclass
class Progress:
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    interactive: bool | None = None
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage label, in the order the stages ran."""
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    """Peak resident memory (MB) of this process, or of a child it ran, by the end of each stage."""

    def __post_init__(self) -> None:
        if self.interactive is None:
            self.interactive = is_interactive(self.stream)

    @contextmanager
    def stage(self, label: str, total: int | None = None) -> Iterator[Stage]:
        handle = Stage(self, label, total)
        self.draw(handle)
        started = time.perf_counter()
        try:
            yield handle
        finally:
            self.timings[label] = self.timings.get(label, 0.0) + time.perf_counter() - started
            self.peak_rss_mb[label] = _peak_rss_mb()
            if self.interactive:
                self.stream.write("\r\033[K")
                self.stream.flush()

    def draw(self, stage: Stage) -> None:
        if not self.interactive:
            return
        count = f" {stage.done}/{stage.total}" if stage.total else (f" {stage.done}" if stage.done else "")
        self.stream.write(f"\r\033[K{stage.label} …{count}")
        self.stream.flush()

    def summary(self) -> str:
        """`Inhalte prüfen 0,2 s · Seiten erzeugen 1,1 s · …`"""
        return " · ".join(f"{label} {seconds:.1f} s".replace(".", ",") for label, seconds in self.timings.items())
