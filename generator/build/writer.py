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
        target = self.claim(relative)
        write_file(target, data)
        return target

    def claim(self, relative: str) -> Path:
        """The target of ``relative``, which nothing may write again."""
        if relative in self._written:
            raise DuplicateOutputError(f"{relative} would be written twice")
        self._written.add(relative)
        return self.root / relative

    @property
    def written(self) -> frozenset[str]:
        return frozenset(self._written)


def write_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target``; its folder is made only when missing (it mostly exists)."""
    try:
        target.write_bytes(data)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
