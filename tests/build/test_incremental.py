"""An incremental build (with the cache of the previous build) gives the same bytes as a full build,
after every kind of change: the whole site, the search index included."""

from __future__ import annotations

import hashlib
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


FIRST, SECOND = list(CHANGES)[:4], list(CHANGES)[4:]


@pytest.mark.parametrize("changes", [FIRST, SECOND], ids=["Termine und Vereine", "Orte, Kommune, Vorlagen"])
def test_after_each_change_the_incremental_build_equals_a_full_build(changes: list[str], tmp_path: Path) -> None:
    """One change after the other, each built with the cache of the build before (as CI and
    `serve` do), each compared with a full build of the same content."""
    project = Project(ROOT).copy_to(tmp_path / "project")
    cache, out = tmp_path / "cache", tmp_path / "site"
    build(project, out, cache=cache)
    for change in changes:
        CHANGES[change](project)
        build(project, out, cache=cache)
        build(project, tmp_path / "full")
        incremental, full = digests(out), digests(tmp_path / "full")
        assert sorted(set(incremental) ^ set(full)) == [], change
        assert sorted(name for name in full if incremental[name] != full[name]) == [], change
    tomorrow = TODAY + timedelta(days=1)
    build(project, out, tomorrow, cache=cache)
    build(project, tmp_path / "full", tomorrow)
    assert digests(out) == digests(tmp_path / "full"), "der nächste Tag"


def test_a_participation_page_and_the_records_it_lists_follow_each_other(tmp_path: Path) -> None:
    """The Bürgerrat page lists the events tagged „Bürgerrat“; their pages link back to it
    ("Gehört zu"). Editing a listed event changes the page, renaming the page changes the
    event's and the call's pages, untagging an event drops it from the page and the link
    from its own page: each incremental build equals a full one."""
    project = Project(ROOT).copy_to(tmp_path / "project")
    cache, out, full = tmp_path / "cache", tmp_path / "site", tmp_path / "full"
    build(project, out, cache=cache)
    page, session = out / "buergerrat/index.html", out / "veranstaltungen/buergerrat-sitzung/index.html"
    call = out / "mitmachen/mitglieder-buergerrat-begleitung/index.html"
    events = project.content_dir / "events"

    def same_as_full() -> None:
        build(project, full)
        assert digests(out) == digests(full)

    _edit(events / "2027/buergerrat-auslosung.yml", "title: ", "title: Neue ")
    build(project, out, cache=cache)
    assert "Neue Öffentliche Auslosung des Bürgerrats" in page.read_text(encoding="utf-8")
    same_as_full()

    _edit(project.content_dir / "pages/buergerrat.md", "title: ", "title: Der ")
    build(project, out, cache=cache)
    assert ">Der Bürgerrat „Innenstadt 2035“</a>" in session.read_text(encoding="utf-8")
    assert ">Der Bürgerrat „Innenstadt 2035“</a>" in call.read_text(encoding="utf-8")
    same_as_full()

    _edit(events / "buergerrat-sitzung.yml", "tags: [Bürgerrat, ", "tags: [")
    build(project, out, cache=cache)
    assert "buergerrat-sitzung/" not in page.read_text(encoding="utf-8")
    assert "<dt>Gehört zu</dt>" not in session.read_text(encoding="utf-8")  # its text still names the link
    same_as_full()


def test_an_unchanged_site_writes_nothing_and_is_not_indexed_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = Project(ROOT).copy_to(tmp_path / "project")
    cache, out = tmp_path / "cache", tmp_path / "site"
    for _ in range(2):  # the second build makes the first site the cache's spare copy
        build(project, out, cache=cache)
    entry = out / "pagefind" / "pagefind-entry.json"
    before = entry.stat().st_ino
    capsys.readouterr()
    build(project, out, cache=cache)
    said = capsys.readouterr().out
    total = int(said.split("Geschrieben: ")[1].split(" ")[0])
    unchanged = int(said.split("; ")[1].split(" ")[0])
    assert unchanged == total > 1000
    assert entry.stat().st_ino == before  # the very file: not made again, not even linked anew
    assert (cache / "spare" / "pagefind" / "pagefind-entry.json").stat().st_ino == before


def test_a_damaged_cache_gives_a_full_build(tmp_path: Path) -> None:
    project = Project(ROOT).copy_to(tmp_path / "project")
    cache, out = tmp_path / "cache", tmp_path / "site"
    build(project, out, cache=cache)
    (cache / "state.pickle").write_bytes(b"kein pickle")
    edit_event(project)
    build(project, out, cache=cache)
    build(project, tmp_path / "full")
    assert digests(out) == digests(tmp_path / "full")


def test_a_build_that_fails_half_way_leaves_a_cache_the_next_build_does_not_trust(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project(ROOT).copy_to(tmp_path / "project")
    cache, out = tmp_path / "cache", tmp_path / "site"
    for _ in range(2):
        build(project, out, cache=cache)
    published = digests(out)
    edit_event(project)
    from generator.build import stages

    def failing(*args: object) -> None:
        raise OSError("Datenträger voll")

    monkeypatch.setattr(stages, "_take_over", failing)
    assert build_site(project, out, TODAY, Progress(interactive=False), cache_dir=cache) == 1
    assert digests(out) == published  # the published site is untouched
    monkeypatch.undo()
    build(project, out, cache=cache)
    build(project, tmp_path / "full")
    assert digests(out) == digests(tmp_path / "full")
