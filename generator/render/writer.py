"""The only place that writes generated files; refuses to write one path twice.

Two records that end up at the same URL would otherwise overwrite each other
silently (cheap insurance borrowed from Pelican's writer).
"""

from __future__ import annotations

from pathlib import Path


class DuplicateOutputError(RuntimeError):
    pass


class OutputWriter:
    def __init__(self, root: Path):
        self.root = root
        self._written: set[str] = set()

    def write_text(self, relative: str, text: str) -> Path:
        return self.write_bytes(relative, text.encode("utf-8"))

    def write_bytes(self, relative: str, data: bytes) -> Path:
        if relative in self._written:
            raise DuplicateOutputError(f"{relative} would be written twice")
        self._written.add(relative)
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return target

    @property
    def written(self) -> frozenset[str]:
        return frozenset(self._written)
