"""Pictures through the whole build: published only as renditions, without metadata, cached."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from picture_bytes import metadata_in
from picture_files import logo_png, phone_jpeg, pixel_bomb, text_named_jpg, truncated_jpeg
from PIL import Image

from generator.build import stages
from generator.cli import main
from generator.derive.pictures import PAGE_WIDTHS, Pictures
from generator.project import Project

ROOT = Path(__file__).resolve().parents[2]

TODAY = "2027-05-01"
EVENT = (
    "title: Sommerfest\norganizer: turnverein\ncategory: fest\nvenue: markt\nstart: 2027-05-21 15:00\n"
    "image:\n  src: {src}\n  alt: Kinder beim Sackhüpfen auf der Festwiese\n  credit: Erika Musterfrau\n"
)
CLUB = "name: Schachfreunde\ncategory: sport\nreviewed: 2026-10-01\nimage:\n  src: {src}\n  alt: {alt}\n"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pictures processed (small sites build in this process, so the stage's calls are seen)."""
    calls: list[str] = []
    original = stages.renditions

    def counting(data: bytes, source):  # type: ignore[no-untyped-def]
        calls.append(source.src)
        return original(data, source)

    monkeypatch.setattr(stages, "renditions", counting)
    return calls


@pytest.fixture
def project(project):  # type: ignore[no-untyped-def]
    """The minimal fixture project with the real theme and mkdocs.yml, so it builds."""
    Project(ROOT).copy_to(project.root, content=False)
    return project


def _build(project, out: Path, cache: Path) -> int:
    return main(["--root", str(project.root), "build", "--out", str(out), "--today", TODAY, "--cache", str(cache)])


def test_pictures_are_published_as_renditions_only_without_metadata(project, tmp_path, counted) -> None:
    project.add("images/fest/handy.jpg", phone_jpeg())
    project.add("images/logo.png", logo_png())
    project.add("events/sommerfest.yml", EVENT.format(src="fest/handy.jpg"))
    project.add("clubs/schach.yml", CLUB.format(src="logo.png", alt="Logo, ein grüner Kreis"))
    out, cache = tmp_path / "site", tmp_path / "cache"
    assert _build(project, out, cache) == 0
    assert sorted(counted) == ["fest/handy.jpg", "logo.png"]

    published = sorted(path.relative_to(out).as_posix() for path in (out / "bilder").iterdir())
    assert all(re.fullmatch(r"bilder/[0-9a-f]{12}-\d+w\.(webp|jpg)", path) for path in published), published
    assert not [p for p in out.rglob("*") if p.name in ("handy.jpg", "logo.png")], "an original was published"
    pictures = Pictures.scan(project.content / "images", ["fest/handy.jpg", "logo.png"])
    expected = sorted(r.url for source in pictures.sources.values() for r in source.renditions())
    assert published == expected
    for relative in published:
        data = (out / relative).read_bytes()
        assert metadata_in(data) == [], relative
        picture = Image.open(io.BytesIO(data))
        assert dict(picture.getexif()) == {}, relative
    photo = pictures.sources["fest/handy.jpg"]
    for width in (160, 320, *PAGE_WIDTHS):
        shown = Image.open(out / photo.rendition("webp", width).url)
        assert (shown.width, shown.height) == (width, round(width * 4 / 3)), width  # upright

    page = (out / "veranstaltungen" / "sommerfest" / "index.html").read_text(encoding="utf-8")
    image = re.search(r"<img [^>]*alt=\"Kinder beim Sackhüpfen[^>]*>", page)
    assert image is not None and 'width="3000" height="4000"' in image.group(0)
    for url in re.findall(r"([^\s\"]+\.(?:webp|jpg)) \d+w", page) + re.findall(r'src="([^"]+\.jpg)"', image.group(0)):
        assert (out / "veranstaltungen" / "sommerfest" / url).resolve().is_file(), url
    assert f"/{photo.og.url}" in page  # og:image


def test_an_unchanged_picture_is_never_processed_again(project, tmp_path, counted) -> None:
    project.add("images/handy.jpg", phone_jpeg(1600, 1200))
    project.add("images/logo.png", logo_png())
    project.add("events/sommerfest.yml", EVENT.format(src="handy.jpg"))
    project.add("clubs/schach.yml", CLUB.format(src="logo.png", alt="Logo, ein grüner Kreis"))
    out, cache = tmp_path / "site", tmp_path / "cache"
    assert _build(project, out, cache) == 0
    first = {p.name: p.read_bytes() for p in (out / "bilder").iterdir()}
    counted.clear()
    events = project.content / "events" / "sommerfest.yml"
    events.write_text(events.read_text(encoding="utf-8").replace("Sommerfest", "Sommerfest am See"), encoding="utf-8")
    assert _build(project, out, cache) == 0
    assert counted == []
    assert {p.name: p.read_bytes() for p in (out / "bilder").iterdir()} == first

    project.add("images/logo.png", logo_png(900, 300))  # a new logo: only it is made, under new names
    assert _build(project, out, cache) == 0
    assert counted == ["logo.png"]
    now = {p.name for p in (out / "bilder").iterdir()}
    assert {name[:12] for name in now - set(first)} != {name[:12] for name in set(first) - now}  # new names
    assert len({name[:12] for name in now}) == 2, "the old logo's renditions are gone"
    assert now == {p.name for p in (cache / "bilder").iterdir()}, "the cache keeps what the site shows"

    counted.clear()
    assert (
        main(["--root", str(project.root), "build", "--out", str(tmp_path / "frisch"), "--today", TODAY, "--no-cache"])
        == 0
    )
    assert sorted(counted) == ["handy.jpg", "logo.png"]
    assert {p.name: p.read_bytes() for p in (tmp_path / "frisch" / "bilder").iterdir()} == {
        p.name: p.read_bytes() for p in (out / "bilder").iterdir()
    }, "same bytes with and without cache"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("kaputt.jpg", truncated_jpeg(), "Die Bilddatei ist unvollständig"),
        ("notiz.jpg", text_named_jpg(), "Diese Datei ist kein Bild"),
        ("bombe.png", pixel_bomb(), "Das Bild hat 10000×6000 Pixel"),
    ],
)
def test_a_bad_picture_stops_the_build_with_its_place_not_a_traceback(
    project, tmp_path, capsys, name: str, data: bytes, message: str
) -> None:
    project.add(f"images/{name}", data)
    project.add("events/sommerfest.yml", EVENT.format(src=name))
    assert _build(project, tmp_path / "site", tmp_path / "cache") == 1
    err = capsys.readouterr().err
    assert f"content/events/sommerfest.yml:7:8: image.src: content/images/{name}: {message}" in err
    assert "Traceback" not in err
    assert not (tmp_path / "site").exists()
