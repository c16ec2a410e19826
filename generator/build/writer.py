"""The only place that writes the built site; refuses to write one path twice.

Two records that end up at the same URL would otherwise overwrite each other silently (Pelican's
`Writer` habit). Every file of a build passes through a `Writer`: written from bytes, or taken
over unchanged from the published site of the previous build (`reuse`). A worker process writes
through a `Writer` of its own and hands its files to the build's writer (`adopt`), which refuses a
path any stage claimed before, and a path outside the stage's claims (`stages.Stage.claims`), and
counts the files per stage for the build summary.

A `Target` may be a folder that already holds an older build (`cache.py` keeps the one published
before the last): a file whose bytes it already has is not touched. Creating files and folders is
what a build on a slow disk spends its time on; an incremental build so writes only what changed
since that older build. Files are never changed in place (a new file is renamed over the old), so
the published site and the cache may share them as hard links.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path


class DuplicateOutputError(RuntimeError):
    pass


class UnclaimedOutputError(RuntimeError):
    """A stage wrote a path outside the patterns it declared."""


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Target:
    """Where a build writes, and what is there already."""

    root: Path
    present: Mapping[str, str] = field(default_factory=dict)
    """Site-relative path → digest of what ``root`` holds already (empty: a new folder)."""
    base: Path | None = None
    """The site the previous build published, whose files `Writer.reuse` takes over."""
    base_files: Mapping[str, str] = field(default_factory=dict)
    """Its files: site-relative path → digest."""


class Writer:
    def __init__(self, target: Path | Target, claims: dict[str, tuple[str, ...]] | None = None):
        self.target = target if isinstance(target, Target) else Target(target)
        self.root = self.target.root
        self._claims = claims
        """Stage label → the path patterns it may write (None: anything, e.g. in a worker)."""
        self._owner: dict[str, str] = {}
        """Site-relative path → the stage that wrote it."""
        self.files: dict[str, str] = {}
        """Site-relative path → digest of every file of this build."""
        self.touched = 0
        """Files actually written or linked (the others were there already)."""

    def write(self, stage: str, relative: str, data: bytes) -> None:
        self.claim(stage, relative)
        self._put(relative, digest(data), lambda target: _write_bytes(target, data))

    def write_text(self, stage: str, relative: str, text: str) -> None:
        self.write(stage, relative, text.encode("utf-8"))

    def reuse(self, stage: str, relative: str) -> bool:
        """Take the previous build's file over unchanged; False if it has none at ``relative``."""
        known = self.target.base_files.get(relative)
        if known is None or self.target.base is None:
            return False
        self.claim(stage, relative)
        source = os.path.join(self.target.base, relative)
        self._put(relative, known, lambda target: link(source, target))
        return True

    def keep(self, stage: str, relative: str) -> bool:
        """Keep the file the folder holds at ``relative`` (False if it holds none)."""
        known = self.target.present.get(relative)
        if known is None:
            return False
        self.claim(stage, relative)
        self.files[relative] = known
        return True

    def copy_in(self, stage: str, relative: str, source: Path, known: str | None = None) -> None:
        """A file made elsewhere (MkDocs' assets, Pagefind's bundle), linked in if new or changed.

        ``known``: what stands for its digest where its name already says what it holds (a
        picture's rendition): the file is then not read."""
        self.claim(stage, relative)
        self._put(relative, known or digest(source.read_bytes()), lambda target: link(source, target))

    def adopt(self, stage: str, written: Iterable[tuple[str, str]], touched: int = 0) -> None:
        """Register files a worker process wrote under the same root (through its own Writer)."""
        for relative, known in written:
            self.claim(stage, relative)
            self.files[relative] = known
        self.touched += touched

    def claim(self, stage: str, relative: str) -> None:
        earlier = self._owner.get(relative)
        if earlier is not None:
            raise DuplicateOutputError(f"{relative} würde zweimal geschrieben ({earlier}, {stage})")
        if self._claims is not None and not any(fnmatchcase(relative, p) for p in self._claims.get(stage, ())):
            raise UnclaimedOutputError(f"{stage}: {relative} gehört zu keinem der angemeldeten Pfade dieser Stufe")
        self._owner[relative] = stage

    def _put(self, relative: str, known: str, make: Callable[[str], None]) -> None:
        self.files[relative] = known
        if self.target.present.get(relative) == known:
            return  # the folder has these bytes already
        target = os.path.join(self.root, relative)
        temporary = f"{target}.~engagiert"
        try:
            make(temporary)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            make(temporary)
        os.replace(temporary, target)
        self.touched += 1

    def remove_stale(self) -> int:
        """Remove what the folder held but this build did not write; returns how many files."""
        stale = [path for path in self.target.present if path not in self.files]
        folders: set[str] = set()
        for relative in stale:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(os.path.join(self.root, relative))
            folders.add(os.path.dirname(relative))
        for folder in sorted(folders, key=len, reverse=True):
            while folder:
                try:
                    os.rmdir(os.path.join(self.root, folder))
                except OSError:  # not empty (or gone): its parents are not empty either
                    break
                folder = os.path.dirname(folder)
        return len(stale)

    @property
    def written(self) -> list[tuple[str, str]]:
        """(site-relative path, digest) of every file, for `adopt`."""
        return list(self.files.items())

    def counts(self) -> Counter[str]:
        """Files per stage."""
        return Counter(self._owner.values())


def _write_bytes(target: str, data: bytes) -> None:
    with open(target, "wb") as file:
        file.write(data)


def link(source: str | Path, target: str | Path) -> None:
    """A hard link where the file system allows one (the cache and the site share a disk), else a copy."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:
        shutil.copyfile(source, target)
