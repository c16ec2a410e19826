"""The previous build, kept between builds so the next one redoes only what changed.

A cache folder (``build --cache DIR``; `serve` keeps its own) holds

* ``site/``: the previous build's files (hard links: no second copy on disk),
* ``search/``: the pages as Pagefind read them,
* ``records/``: every content file's validation result (`load/record_cache.py`),
* ``state.pickle``: which key each record's outputs were made for (`fingerprints.py`), and the
  rendered calendar entries of every event. Local, trusted data of this machine: never shipped.

A cache made by other code, for another theme, town or date is not used (`build_key`); a
damaged or missing one is ignored: the build is then a full one. Only one build uses a cache
folder at a time (a lock); a second one builds without it.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from generator.build.writer import link_tree
from generator.load.record_cache import RecordCache
from generator.outputs.feeds.writer import EventMemo

STATE_FORMAT = 1


@dataclass
class CacheState:
    build_key: str = ""
    units: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    """Unit name (``page:vereine/x/``) → (its key, the site-relative files it made)."""
    feed_events: EventMemo = field(default_factory=dict)


class BuildCache:
    def __init__(self, folder: Path, lock: IO[bytes]) -> None:
        self.folder = folder
        self._lock = lock
        self.state = self._read_state()

    @classmethod
    def open(cls, folder: Path) -> BuildCache | None:
        """The cache in ``folder``, or None if another build uses it right now."""
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(folder / ".lock", "wb")  # noqa: SIM115 (held until `close`)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            return None
        return cls(folder, lock)

    def close(self) -> None:
        self._lock.close()

    def records(self) -> RecordCache:
        """The validation results of the previous load (save them after loading)."""
        return RecordCache.open(self.folder / "records")

    @property
    def site(self) -> Path:
        return self.folder / "site"

    @property
    def search(self) -> Path:
        return self.folder / "search"

    def _read_state(self) -> CacheState:
        try:
            with open(self.folder / "state.pickle", "rb") as file:
                fmt, state = pickle.load(file)
        except Exception:  # missing, damaged, or from other code: a full build
            return CacheState()
        if fmt != STATE_FORMAT or not isinstance(state, CacheState) or not self.site.is_dir():
            return CacheState()
        return state

    def usable_for(self, build_key: str) -> CacheState:
        """The previous state if it was made under the same `build_key`, else an empty one."""
        if self.state.build_key == build_key:
            return self.state
        return CacheState(feed_events=self.state.feed_events)  # calendar entries carry their own keys

    def store(self, site: Path, search: Path, state: CacheState) -> None:
        """Keep this build (its finished folder, its search input and keys) for the next one."""
        for name, source in (("site", site), ("search", search)):
            fresh = self.folder / f"{name}.new"
            shutil.rmtree(fresh, ignore_errors=True)
            fresh.mkdir()
            if source.is_dir():
                link_tree(source, fresh)
            old = self.folder / f"{name}.old"
            shutil.rmtree(old, ignore_errors=True)
            if (self.folder / name).exists():
                (self.folder / name).rename(old)
            fresh.rename(self.folder / name)
            shutil.rmtree(old, ignore_errors=True)
        temporary = self.folder / "state.pickle.new"
        with open(temporary, "wb") as file:
            pickle.dump((STATE_FORMAT, state), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.folder / "state.pickle")
        self.state = state
