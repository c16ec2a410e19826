"""The stage list: every output path claimed by exactly the stage that writes it, the list pages
all rendered, and the writer's refusals."""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

import pytest

from generator.build.stages import LIST_TASKS, STAGES
from generator.build.writer import DuplicateOutputError, Target, UnclaimedOutputError, Writer, digest
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
        writer.adopt("feeds", [("api/v1/events.json", "0")])


def test_files_already_there_are_not_written_and_reused_files_are_links(tmp_path: Path) -> None:
    published, spare = tmp_path / "published", tmp_path / "spare"
    for folder in (published, spare):
        (folder / "a").mkdir(parents=True)
        (folder / "a" / "same.txt").write_text("gleich")
    (published / "a" / "kept.txt").write_text("alt")
    (spare / "a" / "stale.txt").write_text("weg")
    target = Target(
        spare,
        present={"a/same.txt": digest(b"gleich"), "a/stale.txt": digest(b"weg")},
        base=published,
        base_files={"a/same.txt": digest(b"gleich"), "a/kept.txt": digest(b"alt")},
    )
    before = (spare / "a" / "same.txt").stat().st_ino
    writer = Writer(target)
    writer.write("extras", "a/same.txt", b"gleich")  # the bytes are there: not touched
    assert writer.reuse("frame", "a/kept.txt")  # taken over from the published site: a hard link
    assert not writer.reuse("frame", "a/never.txt")
    writer.write("extras", "b/new.txt", b"neu")
    assert writer.remove_stale() == 1
    assert (spare / "a" / "same.txt").stat().st_ino == before
    assert (spare / "a" / "kept.txt").stat().st_ino == (published / "a" / "kept.txt").stat().st_ino
    assert not (spare / "a" / "stale.txt").exists() and (spare / "b" / "new.txt").read_text() == "neu"
    assert writer.touched == 2
    assert sorted(writer.files) == ["a/kept.txt", "a/same.txt", "b/new.txt"]
