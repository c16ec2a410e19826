"""The stage list: every output path claimed by exactly the stage that writes it, the list pages
all rendered, and the writer's refusals."""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

import pytest

from generator.build.stages import LIST_TASKS, STAGES
from generator.build.writer import DuplicateOutputError, UnclaimedOutputError, Writer, link_tree
from generator.outputs.pages.render import LIST_GROUPS


def test_the_list_tasks_render_every_group_of_list_pages_once() -> None:
    assert sorted(group for task in LIST_TASKS for group in task) == sorted(LIST_GROUPS)


def test_stages_read_only_stages_that_start_before_them() -> None:
    seen = {"site", "catalog", "history"}
    for stage in STAGES:
        assert set(stage.reads) <= seen, stage.name
        seen.add(stage.name)


def test_every_file_of_the_sample_is_claimed_by_the_stage_that_wrote_it(sample_site: Path) -> None:
    claims = {stage.name: stage.claims for stage in STAGES}
    for path in sample_site.rglob("*"):
        if path.is_file():
            relative = path.relative_to(sample_site).as_posix()
            assert any(fnmatchcase(relative, p) for patterns in claims.values() for p in patterns), relative


def test_a_path_written_twice_is_refused_naming_both_stages(tmp_path: Path) -> None:
    writer = Writer(tmp_path, {"feeds": ("kalender/*",), "extras": ("kalender/*",)})
    writer.write("feeds", "kalender/alle.ics", b"1")
    with pytest.raises(DuplicateOutputError, match="feeds, extras"):
        writer.write("extras", "kalender/alle.ics", b"2")
    assert (tmp_path / "kalender/alle.ics").read_bytes() == b"1"
    assert writer.counts() == {"feeds": 1}


def test_a_stage_cannot_write_outside_its_claims(tmp_path: Path) -> None:
    writer = Writer(tmp_path, {"feeds": ("kalender/*",)})
    with pytest.raises(UnclaimedOutputError):
        writer.write("feeds", "index.html", b"")
    with pytest.raises(UnclaimedOutputError):
        writer.adopt("feeds", ["api/v1/events.json"])


def test_reused_files_are_links_and_a_link_tree_shares_every_file(tmp_path: Path) -> None:
    old = tmp_path / "old"
    (old / "a" / "b").mkdir(parents=True)
    (old / "a" / "b" / "c.txt").write_text("x")
    (old / "d.txt").write_text("y")
    writer = Writer(tmp_path / "new")
    writer.reuse("frame", "a/b/c.txt", old / "a" / "b" / "c.txt")
    assert (tmp_path / "new/a/b/c.txt").stat().st_ino == (old / "a/b/c.txt").stat().st_ino
    link_tree(old, tmp_path / "copy")
    assert sorted(p.relative_to(tmp_path / "copy").as_posix() for p in (tmp_path / "copy").rglob("*.txt")) == [
        "a/b/c.txt",
        "d.txt",
    ]
    assert (tmp_path / "copy/d.txt").stat().st_ino == (old / "d.txt").stat().st_ino
