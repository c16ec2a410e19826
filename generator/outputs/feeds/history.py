"""SEQUENCE and LAST-MODIFIED of every event, from the Git history of its file.

Calendar apps keep an event they have seen unless SEQUENCE rises (Google kept an
old date until it did), and SEQUENCE must never decrease. Both values are
derived from the history of ``content/events`` on the first-parent line (the
published states of the branch), so every build of the same commit gives the
same numbers:

* SEQUENCE = the number of published versions in which `start`, `end`,
  `repeat`, `status` or `hours` changed (each historic version is parsed with the
  project's loader and model; versions that did not validate were never
  published and are skipped);
* LAST-MODIFIED = the commit time of the last version whose bytes changed.

An event is followed by its id, so moving its file into a sub-folder keeps its
history. The whole history costs three Git calls: `rev-parse`, one `log` for
all files and one `cat-file --batch` for all their versions.

Fallbacks (documented in docs/developers.md): outside a Git work tree, when Git
is missing, and for files never committed, SEQUENCE is 0 and LAST-MODIFIED is
the build's DTSTAMP. An uncommitted edit of a committed file counts as one more
version, dated at the latest of DTSTAMP and the last commit. A shallow clone
would restart the count, so it produces a warning: CI must check out the full
history (`actions/checkout` with `fetch-depth: 0`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from generator.load.yaml_loader import YamlLoadError, load_yaml_text
from generator.models.event import Event
from generator.models.site import Record
from generator.validate.records import validate_model

EVENTS_DIR = "content/events"
SCHEDULE_FIELDS = frozenset({"start", "end", "repeat", "status", "hours"})
"""Fields whose change makes calendar apps re-read an event (RFC 5546 §2.1.4: DTSTART, DTEND, RRULE, EXDATE, STATUS)."""


@dataclass(frozen=True)
class Revision:
    """What a feed says about how often and when an event last changed."""

    sequence: int
    last_modified: datetime


@dataclass
class FileVersion:
    time: datetime
    blob: str | None  # None: the file was deleted in this commit


@dataclass
class History:
    """The committed history of every event file, keyed by event id."""

    versions: dict[str, list[FileVersion]]
    blobs: dict[str, bytes]
    warnings: list[str]

    def revisions(self, records: Iterable[Record[Event]], root: Path, dtstamp: datetime) -> dict[str, Revision]:
        """SEQUENCE and LAST-MODIFIED for each record, with the working copy as the latest version."""
        keys: dict[str, Any] = {}  # blob → schedule key (parsed once even if shared by many files)
        result: dict[str, Revision] = {}
        for record in records:
            versions = self.versions.get(record.id, [])
            blobs = [version.blob for version in versions if version.blob is not None]
            if not blobs:
                result[record.id] = Revision(0, dtstamp)
                continue
            current = _blob_id(_read(root, record.path), len(blobs[0]))
            if len(versions) == 1 and versions[0].blob == current:  # most events: committed once, unchanged
                result[record.id] = Revision(0, versions[0].time)
                continue
            keys[current] = _key_of(record.data)  # the version on disk is validated already: no need to parse it
            sequence, last_key, last_blob, last_time = 0, None, None, dtstamp
            for version in versions:
                if version.blob is None or version.blob == last_blob:
                    last_blob = version.blob
                    continue
                if version.blob not in keys:
                    keys[version.blob] = _schedule_key(self.blobs.get(version.blob), record.path)
                key = keys[version.blob]
                last_blob, last_time = version.blob, version.time
                if key is None:
                    continue
                if last_key is not None and key != last_key:
                    sequence += 1
                last_key = key
            if current != last_blob:  # edited (or re-created) but not committed: one more version
                if last_key is not None and keys[current] != last_key:
                    sequence += 1
                last_time = max(last_time, dtstamp)
            result[record.id] = Revision(sequence, last_time)
        return result


def read_history(root: Path) -> History:
    """Everything Git knows about ``root/content/events``; empty (with a reason) outside Git."""
    git = shutil.which("git")
    if git is None:
        return History({}, {}, [])
    probe = git_output(git, root, "rev-parse", "--is-shallow-repository")
    if probe.returncode != 0:
        message = probe.stderr.decode("utf-8", "replace").strip()
        warnings = [] if "not a git repository" in message else [f"Git ist nicht nutzbar: {message.splitlines()[0]}"]
        return History({}, {}, warnings)
    warnings = []
    if probe.stdout.strip() == b"true":
        warnings.append(
            "Das Git-Repository ist flach geklont (shallow clone); SEQUENCE in den Kalendern kann dadurch sinken. "
            "Bauen Sie mit der ganzen Geschichte (GitHub Actions: actions/checkout mit fetch-depth: 0)."
        )
    log = git_output(
        git, root, "log", "--first-parent", "--diff-merges=first-parent", "--reverse", "--no-renames",
        "--raw", "--no-abbrev", "-z", "--format=%x01%H %ct", "--", EVENTS_DIR,
    )  # fmt: skip
    if log.returncode != 0:
        return History({}, {}, warnings)
    versions = parse_log(log.stdout.decode("utf-8", "surrogateescape"))
    wanted = sorted({v.blob for history in versions.values() for v in history if v.blob is not None})
    return History(versions, _read_blobs(git, root, wanted), warnings)


def git_output(git: str, root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [git, "-c", "core.quotepath=off", "-C", str(root), *args],
        input=stdin,
        capture_output=True,
        check=False,
    )


def parse_log(text: str) -> dict[str, list[FileVersion]]:
    """`git log --raw -z` output → per event id, its versions in commit order."""
    versions: dict[str, list[FileVersion]] = {}
    for chunk in text.split("\x01")[1:]:
        fields = chunk.split("\0")
        _, seconds = fields[0].split()
        moment = datetime.fromtimestamp(int(seconds), UTC)
        in_commit: dict[str, str | None] = {}
        for meta, path in zip(fields[1::2], fields[2::2], strict=False):
            meta = meta.strip()
            if not meta.startswith(":") or not path.endswith(".yml"):
                continue
            blob = meta.split()[3]
            event_id = path.rsplit("/", 1)[-1][: -len(".yml")]
            if blob.strip("0"):  # all zeros: no file after this commit
                in_commit[event_id] = blob
            else:
                in_commit.setdefault(event_id, None)  # deleted, unless moved within this commit
        for event_id, blob in in_commit.items():
            versions.setdefault(event_id, []).append(FileVersion(moment, blob))
    return versions


def _read_blobs(git: str, root: Path, blobs: list[str]) -> dict[str, bytes]:
    """The contents of all ``blobs`` from one `git cat-file --batch`."""
    if not blobs:
        return {}
    output = git_output(git, root, "cat-file", "--batch", stdin=("\n".join(blobs) + "\n").encode()).stdout
    contents: dict[str, bytes] = {}
    position = 0
    while position < len(output):
        header_end = output.index(b"\n", position)
        name, kind, *size = output[position:header_end].decode().split()
        position = header_end + 1
        if kind != "blob":  # "missing"
            continue
        length = int(size[0])
        contents[name] = output[position : position + length]
        position += length + 1
    return contents


def _schedule_key(data: bytes | None, shown_path: str) -> Any:
    """The schedule fields of one historic version, or None if it did not validate."""
    if data is None:
        return None
    try:
        document = load_yaml_text(data.decode("utf-8"), shown_path)
    except (YamlLoadError, UnicodeDecodeError):
        return None
    event, _ = validate_model(Event, document)
    return None if event is None else _key_of(event)


def _key_of(event: Event) -> Any:
    return event.model_dump(mode="json", include=set(SCHEDULE_FIELDS))


def _read(root: Path, relative: str) -> bytes:
    with open(os.path.join(root, relative), "rb") as file:  # no Path objects: 10,000 files at county scale
        return file.read()


def _blob_id(data: bytes, length: int) -> str:
    """The id Git gives a file with these bytes (to spot uncommitted edits without calling Git).

    ``length`` is that of the repository's ids: 40 (SHA-1) or 64 (SHA-256 repositories).
    """
    algorithm = hashlib.sha256 if length == 64 else hashlib.sha1
    return algorithm(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()
