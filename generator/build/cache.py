"""What a build keeps for the next one, so that it redoes and rewrites only what changed.

A cache folder (``build --cache DIR``, default `build/cache`; `serve` keeps its own) holds

* ``state.pickle``: where the last build was published and the digest of each of its files, the
  key each record's outputs were made for (`fingerprints.py`), every event's calendar entry,
* ``spare/``: the site published *before* the last one, with its files' digests in the state. The
  next build brings this folder up to date — writing only the files that differ — and swaps it in
  for the published site, which becomes the spare. On a slow disk creating files and folders is
  what a build costs; this way an edit costs the files it changes, not the whole site twice,
* ``search/``: the pages as Pagefind reads them, updated the same way,
* ``records/``: every content file's validation result (`load/record_cache.py`).

Local, trusted data of this machine: never shipped. A cache made by other code, for another theme,
town or date is used only as far as its keys match; a damaged one is ignored (a full build).
While a build changes ``spare/`` or ``search/``, the state says they are unknown, so a build that
fails half-way leaves a cache the next build does not trust. One build uses a cache at a time (a
lock); a second one builds without it.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from generator.build.writer import Target
from generator.load import picture_files
from generator.load.record_cache import RecordCache
from generator.outputs.feeds.writer import EventMemo

STATE_FORMAT = 2
PROBES_FILE = "picture-headers.pickle"


@dataclass
class CacheState:
    build_key: str = ""
    units: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    """Unit name (``page:vereine/x/``) → (its key, the site-relative files it made)."""
    feed_events: EventMemo = field(default_factory=dict)
    published: str = ""
    """The folder the last build was published to."""
    published_files: dict[str, str] = field(default_factory=dict)
    spare_files: dict[str, str] | None = None
    """What ``spare/`` holds (None: unknown, not used)."""
    search_files: dict[str, str] | None = None
    """What ``search/`` holds (None: unknown, not used)."""


class BuildCache:
    def __init__(self, folder: Path, lock: IO[bytes]) -> None:
        self.folder = folder
        self._lock = lock
        self.state = self._read_state()
        self._tidying: threading.Thread | None = None
        if self.state.spare_files is not None and self.spare.is_dir():
            # ~1.5 s of directory reads at 10,000 events: done while the content is validated
            self._tidying = threading.Thread(target=_remove_unknown, args=(self.spare, self.state.spare_files))
            self._tidying.start()

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
        if self._tidying is not None:
            self._tidying.join()
        self._lock.close()

    def records(self) -> RecordCache:
        """The validation results of the previous load (save them after loading)."""
        return RecordCache.open(self.folder / "records")

    @property
    def pictures(self) -> Path:
        """The renditions of pictures, named by the digest of their original and the processing
        settings (`derive/pictures.py`): an unchanged picture is never processed twice."""
        return self.folder / "bilder"

    def read_probes(self) -> None:
        """What the last build read from the pictures' headers, for `picture_files.probe`."""
        try:
            with open(self.folder / PROBES_FILE, "rb") as file:
                fmt, entries = pickle.load(file)
        except Exception:  # missing, damaged, or from other code: every picture is read again
            return
        if fmt == STATE_FORMAT and isinstance(entries, dict):
            picture_files.remember(entries)

    def save_probes(self) -> None:
        temporary = self.folder / f"{PROBES_FILE}.new"
        with open(temporary, "wb") as file:
            pickle.dump((STATE_FORMAT, picture_files.remembered()), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.folder / PROBES_FILE)

    @property
    def spare(self) -> Path:
        return self.folder / "spare"

    @property
    def search(self) -> Path:
        return self.folder / "search"

    @property
    def _changing(self) -> Path:
        """Present while a build changes ``spare/`` and ``search/``: then they are unknown."""
        return self.folder / "changing"

    def _read_state(self) -> CacheState:
        try:
            with open(self.folder / "state.pickle", "rb") as file:
                fmt, state = pickle.load(file)
        except Exception:  # missing, damaged, or from other code: a full build
            return CacheState()
        if fmt != STATE_FORMAT or not isinstance(state, CacheState):
            return CacheState()
        if self._changing.exists():  # the last build stopped half-way
            state.spare_files = state.search_files = None
        return state

    def _save(self, state: CacheState) -> None:
        temporary = self.folder / "state.pickle.new"
        with open(temporary, "wb") as file:
            pickle.dump((STATE_FORMAT, state), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.folder / "state.pickle")

    def previous(self, out: Path, build_key: str) -> CacheState:
        """The last build's keys if they were made under ``build_key`` and its site is still at
        ``out``; else a state that reuses no output (calendar entries carry their own keys)."""
        if self.state.build_key == build_key and self.published(out):
            return self.state
        return CacheState(feed_events=self.state.feed_events)

    def published(self, out: Path) -> bool:
        return self.state.published == str(out) and out.is_dir() and bool(self.state.published_files)

    def targets(self, out: Path, fresh: Path) -> tuple[Target, Target]:
        """Where to write the site and the search input: ``spare/`` and ``search/`` as they are
        known, else ``fresh`` and an emptied ``search/``. Both count as unknown until `commit`."""
        base, base_files = (out, self.state.published_files) if self.published(out) else (None, {})
        spare_files, search_files = self.state.spare_files, self.state.search_files
        if self._tidying is not None:
            self._tidying.join()  # before any worker is forked, and before anything is written
            self._tidying = None
        self._changing.touch()
        if spare_files is not None and self.spare.is_dir() and _same_disk(self.folder, out.parent):
            site = Target(self.spare, spare_files, base, base_files)
        else:
            shutil.rmtree(self.spare, ignore_errors=True)
            site = Target(fresh, {}, base, base_files)
        if search_files is None or not self.search.is_dir():
            shutil.rmtree(self.search, ignore_errors=True)
            self.search.mkdir()
            search_files = {}
        return site, Target(self.search, search_files)

    def commit(
        self,
        out: Path,
        state: CacheState,
        site_files: dict[str, str],
        search_files: dict[str, str],
        old: Path | None,
        old_files: dict[str, str] | None,
    ) -> None:
        """After the new site replaced ``out``: ``old``, the site published before (moved aside),
        becomes the spare if its files are known; the state is saved."""
        shutil.rmtree(self.spare, ignore_errors=True)
        state.spare_files = None
        if old is not None and old.is_dir():
            if old_files is not None:
                old.rename(self.spare)
                state.spare_files = old_files
            else:
                shutil.rmtree(old, ignore_errors=True)
        state.published, state.published_files, state.search_files = str(out), site_files, search_files
        self._save(state)
        self._changing.unlink(missing_ok=True)
        self.state = state


def _remove_unknown(folder: Path, known: dict[str, str]) -> None:
    """Files that came into the spare copy from elsewhere (it was published: someone may have added
    files to it) would stay in the next site: remove them."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            if os.path.relpath(path, folder) not in known:
                os.unlink(path)


def _same_disk(one: Path, two: Path) -> bool:
    try:
        return os.stat(one).st_dev == os.stat(two).st_dev
    except OSError:
        return False
