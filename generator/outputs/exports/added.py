"""When each event and volunteer call was added, from Git: the news feed's publication date.

"Added" is the commit time of the first published version of the record's file on the
first-parent line (as in `feeds/history.py`, whose log parser this reuses): the moment a merge
put it on the portal. A record is followed by its id, so moving its file into a sub-folder keeps
the date; a file that was deleted and later created again counts from its re-creation.

Fallback (documented in docs/developers.md): outside Git, without `git`, and for files that were
never committed, the date is midnight UTC of the build's "today" (``--today``), so two builds
with the same ``--today`` agree and a new, not yet committed entry shows up as new.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from generator.models.site import Site
from generator.outputs.feeds.history import git_output, parse_log
from generator.outputs.feeds.writer import dtstamp_for


def added_dates(root: Path, directory: str, ids: list[str], today: date) -> dict[str, datetime]:
    """``{id: first commit time (UTC)}`` for the records of ``content/<directory>``; fallback as above."""
    fallback = dtstamp_for(today)
    first = _first_commits(root, f"content/{directory}")
    return {record_id: first.get(record_id, fallback) for record_id in ids}


def _first_commits(root: Path, path: str) -> dict[str, datetime]:
    git = shutil.which("git")
    if git is None:
        return {}
    log = git_output(
        git, root, "log", "--first-parent", "--diff-merges=first-parent", "--reverse", "--no-renames",
        "--raw", "--no-abbrev", "-z", "--format=%x01%H %ct", "--", path,
    )  # fmt: skip
    if log.returncode != 0:
        return {}
    added: dict[str, datetime] = {}
    for record_id, versions in parse_log(log.stdout.decode("utf-8", "surrogateescape")).items():
        start = None
        for version in versions:
            if version.blob is None:
                start = None  # deleted: a later version is a new record
            elif start is None:
                start = version.time
        if start is not None:
            added[record_id] = start
    return added


def record_dates(root: Path, site: Site, today: date) -> dict[tuple[str, str], datetime]:
    """When each event and volunteer call was added (``(kind, id)`` → UTC time), from Git."""
    added: dict[tuple[str, str], datetime] = {}
    for kind, records in (("events", site.events), ("opportunities", site.opportunities)):
        for record_id, moment in added_dates(root, kind, sorted(records), today).items():
            added[(kind, record_id)] = moment
    return added
