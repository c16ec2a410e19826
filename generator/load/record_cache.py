"""Validation results of record files kept between runs: an unchanged file is not parsed nor validated again.

What `validate_file` makes of a file depends only on its bytes, its shown path, its kind and id,
and the generator's code (with the libraries it validates with). So a result is looked up by
(kind, id) and used only if the digest of the bytes and the shown path match; the whole cache is
discarded when the code version (`code_version`) differs. Checks across files are not cached.

The cache is one pickle file. Unpickling can run code, so it is trusted local data: written by
this program into a folder of the user's own (a build folder), never shipped nor taken from
elsewhere. A file that cannot be read as a cache of this version is ignored (an empty cache).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator.load.discover import ContentFile
from generator.models.site import Record
from generator.problems import Problem

CACHE_FILE = "records.pickle"
_MAGIC = "engagiert record cache 1"
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "python-dateutil")
"""The libraries a file's validation depends on, besides Python: their versions are part of `code_version`."""

Key = tuple[str, str]
"""(kind, id) of a record file."""
Validated = tuple[Record[Any] | None, list[Problem]]
"""What `validate_file` returns."""
_Entry = tuple[bytes | None, str, Record[Any] | None, list[Problem]]
"""digest (None: not to be kept, e.g. an unreadable file), shown path, record, problems."""


def content_digest(raw: bytes) -> bytes:
    """The digest a file's bytes are recognised by."""
    return hashlib.sha256(raw).digest()


@cache
def code_version() -> str:
    """A digest of the generator's own source files and the versions of what validates with it.

    Read once per process: every `.py` file below `generator/`, in sorted order."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py"), key=lambda path: path.relative_to(package).as_posix()):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    versions = [f"Python {sys.version}", *(f"{library} {version(library)}" for library in _LIBRARIES)]
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()


class RecordCache:
    """The cached results of one folder, for one load (`open`, `load_site(…, cache=…)`, `save`).

    Entries looked up or stored during the load are the new state; `save` writes only these, so
    the entries of files that no longer exist are dropped."""

    def __init__(self, path: Path, previous: dict[Key, _Entry]):
        self.path = path
        self._previous = previous
        self._current: dict[Key, _Entry] = {}

    @classmethod
    def open(cls, folder: Path) -> RecordCache:
        """The cache stored in ``folder``; empty if there is none, or none usable by this code."""
        return cls(folder / CACHE_FILE, _read(folder / CACHE_FILE))

    def lookup(self, file: ContentFile, digest: bytes) -> Validated | None:
        """The result cached for ``file`` if its bytes (``digest``) and shown path are unchanged."""
        key = (file.kind, file.id)
        entry = self._previous.get(key)
        if entry is None or entry[0] != digest or entry[1] != file.shown_path:
            return None
        self._current[key] = entry
        return entry[2], list(entry[3])

    def store(self, file: ContentFile, digest: bytes | None, result: Validated) -> None:
        """Keep ``result`` for ``file``; with ``digest`` None it counts as changed but is not saved."""
        self._current[(file.kind, file.id)] = (digest, file.shown_path, result[0], list(result[1]))

    @property
    def changed(self) -> set[Key]:
        """The records added, edited, removed (or unreadable) in this load compared with the cache."""
        keys = self._previous.keys() | self._current.keys()
        return {key for key in keys if not _same_file(self._previous.get(key), self._current.get(key))}

    def save(self) -> None:
        """Write the entries of this load atomically (a temporary file, then renamed over the cache)."""
        if not self.changed:
            return
        entries = {key: entry for key, entry in self._current.items() if entry[0] is not None}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{CACHE_FILE}.", dir=self.path.parent)
        try:
            with os.fdopen(handle, "wb") as stream, _gc_paused():
                pickle.dump((_MAGIC, code_version()), stream, protocol=5)
                pickle.dump(entries, stream, protocol=5)
            os.replace(temporary, self.path)
        except BaseException:
            with suppress(OSError):
                os.unlink(temporary)
            raise


def _same_file(previous: _Entry | None, current: _Entry | None) -> bool:
    """Whether the file of ``current`` is the one cached as ``previous`` (and is to be kept)."""
    if previous is None or current is None or current[0] is None:
        return False
    return previous[0] == current[0] and previous[1] == current[1]


def _read(path: Path) -> dict[Key, _Entry]:
    """The entries stored at ``path``, or none if it is missing, damaged, or of other code.

    The header is a pickle of its own, so entries of another code version are never unpickled."""
    try:
        with path.open("rb") as stream, _gc_paused():
            if pickle.load(stream) != (_MAGIC, code_version()):
                return {}
            entries = pickle.load(stream)
    except Exception:  # unpickling damaged data can raise nearly anything; the cache is then just empty
        return {}
    return entries if isinstance(entries, dict) else {}


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cycle collector: it would run over and over while 10,000 records are unpickled
    (1.5 s instead of 0.3 s), though none of these new objects is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
