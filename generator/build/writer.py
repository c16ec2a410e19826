"""The only place that writes the built site; refuses to write one path twice.

Two records that end up at the same URL would otherwise overwrite each other silently (Pelican's
`Writer` habit). Every file of a build passes through a `Writer`: written from bytes, or taken
over unchanged from the previous build (`reuse`, a hard link). A worker process writes through a
`Writer` of its own and hands its list of files to the build's writer (`adopt`), which refuses
a path any stage claimed before and counts the files per stage for the build summary.

A stage may write only below the paths it declared (`stages.Stage.claims`): a new output kind
cannot slip in beside the stage list.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterable
from fnmatch import fnmatchcase
from pathlib import Path


class DuplicateOutputError(RuntimeError):
    pass


class UnclaimedOutputError(RuntimeError):
    """A stage wrote a path outside the patterns it declared."""


class Writer:
    def __init__(self, root: Path, claims: dict[str, tuple[str, ...]] | None = None):
        self.root = root
        self._claims = claims
        """Stage label → the path patterns it may write (None: anything, e.g. in a worker)."""
        self._owner: dict[str, str] = {}
        """Site-relative path → the stage that wrote it."""

    def write(self, stage: str, relative: str, data: bytes) -> None:
        self.claim(stage, relative)
        write_file(os.path.join(self.root, relative), data)

    def write_text(self, stage: str, relative: str, text: str) -> None:
        self.write(stage, relative, text.encode("utf-8"))

    def reuse(self, stage: str, relative: str, previous: Path) -> None:
        """Take ``previous`` (a file of the cached build) over unchanged: a hard link, else a copy."""
        self.claim(stage, relative)
        target = os.path.join(self.root, relative)
        try:
            link(previous, target)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            link(previous, target)

    def adopt(self, stage: str, written: Iterable[str]) -> None:
        """Register files a worker process wrote under the same root (through its own Writer)."""
        for relative in written:
            self.claim(stage, relative)

    def claim(self, stage: str, relative: str) -> None:
        earlier = self._owner.get(relative)
        if earlier is not None:
            raise DuplicateOutputError(f"{relative} würde zweimal geschrieben ({earlier}, {stage})")
        if self._claims is not None and not any(fnmatchcase(relative, p) for p in self._claims.get(stage, ())):
            raise UnclaimedOutputError(f"{stage}: {relative} gehört zu keinem der angemeldeten Pfade dieser Stufe")
        self._owner[relative] = stage

    @property
    def written(self) -> dict[str, str]:
        """Site-relative path → stage, for every file of the build so far."""
        return dict(self._owner)

    def counts(self) -> Counter[str]:
        """Files per stage."""
        return Counter(self._owner.values())


def write_file(target: str | Path, data: bytes) -> None:
    """Write ``data`` to ``target``; its folder is made only when missing (it mostly exists)."""
    try:
        with open(target, "wb") as file:
            file.write(data)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as file:
            file.write(data)


def link(source: str | Path, target: str | Path) -> None:
    """A hard link where the file system allows one (the cache and the site share a disk), else a copy."""
    try:
        os.link(source, target)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and not os.path.exists(source):
            raise RuntimeError(f"Zwischenspeicher unvollständig: {source} fehlt") from exc
        if isinstance(exc, FileNotFoundError):
            raise
        shutil.copyfile(source, target)


def link_tree(source: Path, target: Path) -> None:
    """``target`` as a copy of the folder ``source`` made of hard links (files are never changed in
    place: a build writes new files), without shutil.copytree's per-file metadata calls."""
    base = len(str(source)) + 1
    for folder, _dirs, files in os.walk(source):
        destination = os.path.join(target, folder[base:]) if len(folder) >= base else str(target)
        os.makedirs(destination, exist_ok=True)
        for name in files:
            link(os.path.join(folder, name), os.path.join(destination, name))
