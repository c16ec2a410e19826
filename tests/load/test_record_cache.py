"""The record cache: an unchanged file is not validated again, and a load from the cache gives
the same Site and the same problems as one without it."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import generator.content
import generator.load.record_cache as record_cache
from generator.content import load_site
from generator.load.discover import ContentFile
from generator.load.record_cache import CACHE_FILE, RecordCache
from generator.models.site import Site
from generator.problems import ProblemReport
from generator.project import Project
from generator.validate.records import validate_file

if TYPE_CHECKING:
    from conftest import ContentProject

DATA_DIR = Path(__file__).parent.parent / "data"
PAGE = "---\ntitle: Anlaufstelle\n---\nSprechzeiten **dienstags**.\n"


@pytest.fixture
def validated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The shown paths of the files `load_site` validates (rather than takes from the cache)."""
    calls: list[str] = []

    def counting(file: ContentFile, raw: bytes | None = None) -> Any:
        calls.append(file.shown_path)
        return validate_file(file, raw)

    monkeypatch.setattr(generator.content, "validate_file", counting)
    return calls


@pytest.fixture
def content(project: ContentProject) -> ContentProject:
    """The fixture project with events (one with written UTC offsets) and a page."""
    project.copy("valid/events/sommerfest.yml")
    project.copy("valid/events/iso-date-times.yml", "events/2027/stadtfest.yml")
    project.add("pages/anlaufstelle.md", PAGE)
    return project


def cached_load(project: ContentProject, folder: Path) -> tuple[Site | None, ProblemReport, RecordCache]:
    """Load with the cache in ``folder`` and save it, as a build does."""
    cache = RecordCache.open(folder)
    site, report = load_site(Project(project.root), cache=cache)
    cache.save()
    return site, report, cache


def assert_same_site(expected: Site | None, actual: Site | None) -> None:
    assert expected is not None and actual is not None
    assert actual.town == expected.town
    for kind in ("clubs", "venues", "events", "opportunities", "pages"):
        records, cached = getattr(expected, kind), getattr(actual, kind)
        assert cached.keys() == records.keys()
        for record_id, record in records.items():
            other = cached[record_id]
            assert (other.id, other.path, other.body) == (record.id, record.path, record.body)
            assert other.data.model_dump() == record.data.model_dump()
            assert getattr(other.data, "written_offsets", None) == getattr(record.data, "written_offsets", None)
            assert other.source == record.source
            assert other.source.value(("start",)) == record.source.value(("start",))
            assert other.source.key(("repeat", "changes", 0, "start")) == record.source.key(
                ("repeat", "changes", 0, "start")
            )


def test_a_second_load_validates_nothing_and_gives_the_same_site(
    content: ContentProject, tmp_path: Path, validated: list[str]
) -> None:
    fresh, fresh_report = load_site(Project(content.root))
    assert validated
    validated.clear()
    _, _, first = cached_load(content, tmp_path / "cache")
    assert len(validated) == 6
    assert len(first.changed) == 6
    validated.clear()
    site, report, second = cached_load(content, tmp_path / "cache")
    assert validated == []
    assert second.changed == set()
    assert not report and not fresh_report
    assert_same_site(fresh, site)
    assert site is not None and site.events["stadtfest"].data.written_offsets


def test_an_edited_file_is_validated_again(content: ContentProject, tmp_path: Path, validated: list[str]) -> None:
    cached_load(content, tmp_path / "cache")
    edited = (DATA_DIR / "valid/events/sommerfest.yml").read_text().replace("free: ja", "price: 5 Euro")
    content.add("events/sommerfest.yml", edited)
    validated.clear()
    site, report, cache = cached_load(content, tmp_path / "cache")
    assert validated == ["content/events/sommerfest.yml"]
    assert cache.changed == {("events", "sommerfest")}
    assert not report and site is not None
    assert site.events["sommerfest"].data.price == "5 Euro"
    assert_same_site(load_site(Project(content.root))[0], site)


def test_a_moved_file_is_validated_again(content: ContentProject, tmp_path: Path, validated: list[str]) -> None:
    cached_load(content, tmp_path / "cache")
    content.remove("events/sommerfest.yml")
    content.copy("valid/events/sommerfest.yml", "events/2027/sommerfest.yml")
    validated.clear()
    site, _, cache = cached_load(content, tmp_path / "cache")
    assert validated == ["content/events/2027/sommerfest.yml"]
    assert cache.changed == {("events", "sommerfest")}
    assert site is not None and site.events["sommerfest"].path == "content/events/2027/sommerfest.yml"


def test_a_deleted_file_drops_out(content: ContentProject, tmp_path: Path, validated: list[str]) -> None:
    cached_load(content, tmp_path / "cache")
    content.remove("pages/anlaufstelle.md")
    site, report, cache = cached_load(content, tmp_path / "cache")
    assert not report and site is not None and site.pages == {}
    assert cache.changed == {("pages", "anlaufstelle")}
    content.add("pages/anlaufstelle.md", PAGE)  # its entry was dropped on save: validated again
    validated.clear()
    _, _, cache = cached_load(content, tmp_path / "cache")
    assert validated == ["content/pages/anlaufstelle.md"]
    assert cache.changed == {("pages", "anlaufstelle")}


def test_problems_come_from_the_cache_alike(content: ContentProject, tmp_path: Path, validated: list[str]) -> None:
    content.copy("broken/events/anchor-alias.yml")
    content.copy("broken/pages/html-in-body.md")
    content.add("events/kaputt.yml", b"title: \xff\n")  # not UTF-8: a fact about its bytes, kept too
    expected = content.problems()
    assert expected
    _, report, _ = cached_load(content, tmp_path / "cache")
    assert [str(problem) for problem in report.sorted()] == expected
    validated.clear()
    site, report, _ = cached_load(content, tmp_path / "cache")
    assert validated == []
    assert site is None
    assert [str(problem) for problem in report.sorted()] == expected


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps({"some": "dict"}),
        pickle.dumps(("engagiert record cache 1", "x")),
        "truncated",
    ],
)
def test_a_damaged_cache_file_is_ignored(
    content: ContentProject, tmp_path: Path, validated: list[str], damage: bytes | str
) -> None:
    folder = tmp_path / "cache"
    cached_load(content, folder)
    stored = (folder / CACHE_FILE).read_bytes()
    (folder / CACHE_FILE).write_bytes(stored[: len(stored) // 2] if damage == "truncated" else damage)
    validated.clear()
    site, report, cache = cached_load(content, folder)
    assert len(validated) == 6 and len(cache.changed) == 6
    assert not report and site is not None
    validated.clear()
    cached_load(content, folder)  # the damaged file was replaced by a good one
    assert validated == []
    assert [path.name for path in folder.iterdir()] == [CACHE_FILE]  # no temporary file left


def test_other_code_discards_the_cache(
    content: ContentProject, tmp_path: Path, validated: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_load(content, tmp_path / "cache")
    monkeypatch.setattr(record_cache, "code_version", lambda: "other code")
    validated.clear()
    _, _, cache = cached_load(content, tmp_path / "cache")
    assert len(validated) == 6 and len(cache.changed) == 6


def test_the_code_version_covers_the_generators_sources() -> None:
    version = record_cache.code_version()
    assert version == record_cache.code_version() and len(version) == 64


def test_a_file_too_large_to_read_is_reported_each_time_not_kept(content: ContentProject, tmp_path: Path) -> None:
    content.add("events/riesig.yml", b"#" * 1_000_001)
    expected = content.problems()
    cached_load(content, tmp_path / "cache")
    _, report, cache = cached_load(content, tmp_path / "cache")
    assert [str(problem) for problem in report.sorted()] == expected
    assert cache.changed == {("events", "riesig")}
