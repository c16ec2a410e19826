"""An incremental build (with the cache of the previous build) gives the same bytes as a full build,
after every kind of change: the whole site, the search index included."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.build.publish import build_site
from generator.progress import Progress
from generator.project import Project

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 1)


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in site.rglob("*")
        if path.is_file()
    }


def build(project: Project, out: Path, today: date = TODAY, cache: Path | None = None) -> str:
    progress = Progress(interactive=False)
    assert build_site(project, out, today, progress, cache_dir=cache) == 0
    return progress.summary()


@pytest.fixture(scope="module")
def cached_sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Path]:
    """The sample and the cache of its full build (copied for each change)."""
    base = tmp_path_factory.mktemp("cached")
    project = Project(ROOT).copy_to(base / "project")
    build(project, base / "site", cache=base / "cache")
    return project, base / "cache"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_event(project: Project) -> None:
    _edit(project.content_dir / "events/sprechstunde.yml", "title: ", "title: Geänderte ")


def add_event(project: Project) -> None:
    events = project.content_dir / "events"
    text = (events / "sprechstunde.yml").read_text(encoding="utf-8").replace("title: ", "title: Zweite ", 1)
    (events / "zweite-sprechstunde.yml").write_text(text, encoding="utf-8")


def delete_event(project: Project) -> None:
    (project.content_dir / "events/sprechstunde.yml").unlink()


def rename_club(project: Project) -> None:
    _edit(project.content_dir / "clubs/blasorchester-herzberg.yml", "name: ", "name: Neues ")


def move_venue(project: Project) -> None:
    path = project.content_dir / "venues/buergerhaus.yml"
    text = path.read_text(encoding="utf-8")
    street = next(line for line in text.splitlines() if "street:" in line)
    path.write_text(text.replace(street, street.split(":")[0] + ": Neue Straße 7", 1), encoding="utf-8")


def change_town(project: Project) -> None:
    _edit(project.town_file, "tagline: ", "tagline: Neu – ")


def change_template(project: Project) -> None:
    _edit(project.theme_dir / "pages/event.html", "Diese Seite auf dem Handy öffnen", "Auf dem Telefon öffnen")


CHANGES: dict[str, Callable[[Project], None]] = {
    "Termin geändert": edit_event,
    "Termin hinzugefügt": add_event,
    "Termin gelöscht": delete_event,
    "Verein umbenannt": rename_club,
    "Ort verlegt": move_venue,
    "town.yml geändert": change_town,
    "Vorlage geändert": change_template,
}


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_after_a_change_the_incremental_build_equals_a_full_build(
    change: str, cached_sample: tuple[Project, Path], tmp_path: Path
) -> None:
    sample, sample_cache = cached_sample
    project = sample.copy_to(tmp_path / "project")
    cache = tmp_path / "cache"
    shutil.copytree(sample_cache, cache, symlinks=True)
    CHANGES[change](project)
    build(project, tmp_path / "incremental", cache=cache)
    build(project, tmp_path / "full")
    incremental, full = digests(tmp_path / "incremental"), digests(tmp_path / "full")
    assert sorted(set(incremental) ^ set(full)) == []
    assert sorted(name for name in full if incremental[name] != full[name]) == []


def test_the_next_day_equals_a_full_build(cached_sample: tuple[Project, Path], tmp_path: Path) -> None:
    """`--today` moves forward: "upcoming" shifts on every page; the cache keeps what does not."""
    sample, sample_cache = cached_sample
    cache = tmp_path / "cache"
    shutil.copytree(sample_cache, cache, symlinks=True)
    tomorrow = TODAY + timedelta(days=1)
    build(sample, tmp_path / "incremental", tomorrow, cache=cache)
    build(sample, tmp_path / "full", tomorrow)
    assert digests(tmp_path / "incremental") == digests(tmp_path / "full")


def test_an_unchanged_site_is_taken_over_and_not_indexed_again(
    cached_sample: tuple[Project, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample, sample_cache = cached_sample
    cache = tmp_path / "cache"
    shutil.copytree(sample_cache, cache, symlinks=True)
    capsys.readouterr()
    build(sample, tmp_path / "again", cache=cache)
    written = capsys.readouterr().out
    assert "unverändert übernommen" in written
    record_pages = len(list((tmp_path / "again" / "veranstaltungen").glob("*/index.html")))
    taken = int(written.split("davon ")[1].split(" ")[0])
    assert taken > record_pages  # every event page, and posters, widgets, QR codes
    assert (cache / "site" / "pagefind" / "pagefind-entry.json").stat().st_nlink > 1  # linked, not re-made


def test_a_damaged_cache_gives_a_full_build(cached_sample: tuple[Project, Path], tmp_path: Path) -> None:
    sample, sample_cache = cached_sample
    cache = tmp_path / "cache"
    shutil.copytree(sample_cache, cache, symlinks=True)
    (cache / "state.pickle").write_bytes(b"kein pickle")
    build(sample, tmp_path / "rebuilt", cache=cache)
    build(sample, tmp_path / "full")
    assert digests(tmp_path / "rebuilt") == digests(tmp_path / "full")
