"""SEQUENCE and LAST-MODIFIED from the Git history of each event file, in throw-away repositories."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from feed_project import TODAY, load, make_project
from feed_tools import write_feeds
from git_helper import run_git

from generator.outputs.feeds import history
from generator.outputs.feeds.history import Revision, read_history
from generator.outputs.feeds.writer import dtstamp_for

DTSTAMP = dtstamp_for(date.fromisoformat(TODAY))


class Repo:
    """A Git repository around the feed fixture project; commits get fixed dates."""

    def __init__(self, root: Path):
        self.root = root
        self.day = 0
        self.git("init", "-q")

    def git(self, *args: str, when: datetime | None = None) -> str:
        return run_git(self.root, *args, when=when)

    def commit(self, message: str) -> datetime:
        """Commit everything; each commit is one day after the previous one (at 12:00 UTC)."""
        self.day += 1
        when = datetime(2026, 11, self.day, 12, tzinfo=UTC)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, when=when)
        return when

    def edit(self, event: str, old: str, new: str) -> None:
        path = next((self.root / "content" / "events").rglob(f"{event}.yml"))
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def set_start(self, event: str, value: str) -> None:
        path = next((self.root / "content" / "events").rglob(f"{event}.yml"))
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^start: .*$", f"start: {value}", text, count=1, flags=re.M), encoding="utf-8")

    def revisions(self) -> dict[str, Revision]:
        site = load(self.root)
        return read_history(self.root).revisions(site.events.values(), self.root, DTSTAMP)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(make_project(tmp_path / "project"))


def test_sequence_counts_schedule_changes_and_last_modified_any_change(repo):
    first = repo.commit("Termine")
    assert repo.revisions()["wochentreff"] == Revision(0, first)

    repo.edit("wochentreff", "start: 2027-03-10 19:00", "start: 2027-03-10 19:30")
    moved = repo.commit("Beginn verschoben")
    assert repo.revisions()["wochentreff"] == Revision(1, moved)

    repo.edit("wochentreff", "title: Wochentreff", "title: Wochentreff am Mittwoch")
    retitled = repo.commit("Titel")
    assert repo.revisions()["wochentreff"] == Revision(1, retitled)

    repo.edit("wochentreff", "  except: [2027-08-11]", "  except: [2027-08-11, 2027-08-25]")
    repo.commit("Ausfall")
    repo.edit("stadtfest", "free: ja", "free: ja\nstatus: abgesagt")
    cancelled = repo.commit("Stadtfest abgesagt")
    revisions = repo.revisions()
    assert revisions["wochentreff"].sequence == 2
    assert revisions["stadtfest"] == Revision(1, cancelled)
    assert revisions["stammtisch"] == Revision(0, first)


def test_moving_a_file_keeps_its_history_and_its_date(repo):
    repo.commit("Termine")
    repo.edit("konzert", 'end: "19:00"', 'end: "20:00"')
    changed = repo.commit("Ende")
    (repo.root / "content" / "events" / "2027").mkdir()
    repo.git("mv", "content/events/konzert.yml", "content/events/2027/konzert.yml")
    repo.commit("Archiv-Ordner")
    assert repo.revisions()["konzert"] == Revision(1, changed)


def test_versions_that_did_not_validate_are_skipped(repo):
    repo.commit("Termine")
    repo.edit("konzert", "start: 2027-05-21 15:00", "start: 21.05.2027")
    repo.commit("kaputt")
    repo.edit("konzert", "start: 21.05.2027", "start: 2027-05-21 15:00")
    repo.commit("repariert")
    assert repo.revisions()["konzert"].sequence == 0
    repo.edit("konzert", "start: 2027-05-21 15:00", "start: 21.05.2027")
    repo.commit("wieder kaputt")
    repo.edit("konzert", "start: 21.05.2027", "start: 2027-05-22 15:00")
    repo.commit("neuer Tag")
    assert repo.revisions()["konzert"].sequence == 1


def test_uncommitted_edits_count_as_one_more_version(repo):
    first = repo.commit("Termine")
    repo.edit("stammtisch", "count: 6", "count: 8")
    repo.edit("stadtfest", "title: Stadtfest", "title: Großes Stadtfest")
    (repo.root / "content" / "events" / "neu.yml").write_text(
        "title: Neu\ncategory: fest\nvenue: markt\nstart: 2027-07-01\n", encoding="utf-8"
    )
    revisions = repo.revisions()
    assert revisions["stammtisch"] == Revision(1, max(first, DTSTAMP))
    assert revisions["stadtfest"] == Revision(0, max(first, DTSTAMP))
    assert revisions["neu"] == Revision(0, DTSTAMP)
    assert revisions["konzert"] == Revision(0, first)


def test_a_merged_branch_counts_once_on_the_published_line(repo):
    """The first-parent line is what was published: two changes on a branch arrive as one."""
    repo.commit("Termine")
    repo.git("checkout", "-q", "-b", "umzug")
    for start in ("19:15", "19:45"):
        repo.set_start("wochentreff", f"2027-03-10 {start}")
        repo.commit(f"Beginn {start}")
    assert repo.revisions()["wochentreff"].sequence == 2
    repo.git("checkout", "-q", "main")
    repo.edit("stammtisch", "count: 6", "count: 7")
    repo.commit("Stammtisch länger")
    assert repo.revisions()["wochentreff"].sequence == 0
    repo.git("merge", "-q", "--no-ff", "-m", "Merge umzug", "umzug", when=datetime(2026, 11, 20, tzinfo=UTC))
    assert repo.revisions()["wochentreff"] == Revision(1, datetime(2026, 11, 20, tzinfo=UTC))
    repo.set_start("wochentreff", "2027-03-10 19:00")
    repo.commit("zurück")
    assert repo.revisions()["wochentreff"].sequence == 2  # back to the old start is still a change


def test_outside_git_everything_falls_back_to_the_build_date(feed_project):
    site = load(feed_project)
    found = read_history(feed_project)
    assert found.warnings == []
    revisions = found.revisions(site.events.values(), feed_project, DTSTAMP)
    assert set(revisions.values()) == {Revision(0, DTSTAMP)}


def test_a_shallow_clone_is_reported(repo, tmp_path):
    repo.commit("Termine")
    repo.edit("konzert", 'end: "19:00"', 'end: "20:00"')
    repo.commit("Ende")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True, capture_output=True
    )
    assert any("fetch-depth: 0" in warning for warning in read_history(clone).warnings)


def test_the_whole_history_costs_three_git_calls(repo, monkeypatch):
    repo.commit("Termine")
    for minute in range(10, 15):
        repo.set_start("wochentreff", f"2027-03-10 19:{minute}")
        repo.commit(f"Beginn {minute}")
    calls = []
    original = history.git_output
    monkeypatch.setattr(
        history, "git_output", lambda *args, **kwargs: calls.append(args[2]) or original(*args, **kwargs)
    )
    assert repo.revisions()["wochentreff"].sequence == 5
    assert calls == ["rev-parse", "log", "cat-file"]


def test_built_feed_raises_sequence_when_a_commit_moves_the_start(repo, tmp_path):
    repo.commit("Termine")
    today = date.fromisoformat(TODAY)
    write_feeds(repo.root, load(repo.root), tmp_path / "one", today)
    repo.edit("konzert", "start: 2027-05-21 15:00", "start: 2027-05-21 16:00")
    repo.commit("später")
    write_feeds(repo.root, load(repo.root), tmp_path / "two", today)
    for feed in ("kalender/alle.ics", "kalender/vereine/chor.ics", "kalender/termine/konzert.ics"):
        before = (tmp_path / "one" / feed).read_text(encoding="utf-8")
        after = (tmp_path / "two" / feed).read_text(encoding="utf-8")
        konzert_before = before.split("UID:konzert@")[1].split("END:VEVENT")[0]
        konzert_after = after.split("UID:konzert@")[1].split("END:VEVENT")[0]
        assert "SEQUENCE:0" in konzert_before and "SEQUENCE:1" in konzert_after, feed
        assert "LAST-MODIFIED:20261101T120000Z" in konzert_before and "LAST-MODIFIED:20261102T120000Z" in konzert_after
