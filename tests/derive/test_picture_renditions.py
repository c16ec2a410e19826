"""Which renditions a picture gets, their names, and what templates read from a Picture."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from picture_files import logo_png, phone_jpeg
from PIL import Image, ImageDraw
from pillow_heif import register_heif_opener

from generator.derive import pictures as module
from generator.derive.pictures import FALLBACK_WIDTH, Pictures
from generator.models.common import Image as ImageField
from generator.outputs.pictures.process import renditions


def _pictures(tmp_path: Path, **files: bytes) -> Pictures:
    for name, data in files.items():
        (tmp_path / name.replace("_", ".")).write_bytes(data)
    return Pictures.scan(tmp_path, [name.replace("_", ".") for name in files])


def test_widths_by_role_are_capped_at_the_original(tmp_path: Path) -> None:
    sources = _pictures(
        tmp_path, foto_jpg=phone_jpeg(), logo_png=logo_png(600, 300), klein_png=logo_png(200, 100)
    ).sources
    photo, logo, small = sources["foto.jpg"], sources["logo.png"], sources["klein.png"]
    assert photo.widths("page") == (360, 720, 1080) and photo.widths("thumb") == (160, 320)
    assert photo.widths("og") == (1200,)
    assert logo.widths("page") == (360, 600) and logo.widths("og") == (600,)
    assert small.widths("page") == (200,) and small.widths("thumb") == (160, 200)
    assert photo.fallback.width == FALLBACK_WIDTH and logo.fallback.width == 600 and small.fallback.width == 200


def test_picture_gives_templates_what_they_write(tmp_path: Path) -> None:
    pictures = _pictures(tmp_path, foto_jpg=phone_jpeg())
    picture = pictures.picture(ImageField(src="foto.jpg", alt="Der Chor singt im Rathaus", credit="Chor"))
    assert picture is not None
    assert (picture.width, picture.height, picture.alt, picture.credit) == (
        3000,
        4000,
        "Der Chor singt im Rathaus",
        "Chor",
    )
    name = picture.source.name
    assert picture.srcset(link=lambda url: f"../../{url}") == (
        f"../../bilder/{name}-360w.webp 360w, ../../bilder/{name}-720w.webp 720w, ../../bilder/{name}-1080w.webp 1080w"
    )
    assert picture.srcset("webp", "thumb") == f"bilder/{name}-160w.webp 160w, bilder/{name}-320w.webp 320w"
    assert picture.srcset("jpeg") == f"bilder/{name}-720w.jpg 720w"  # JPEG only where made
    assert (picture.og.url, picture.og.height) == (f"bilder/{name}-1200w.jpg", 1600)
    assert picture.thumb.url == f"bilder/{name}-160w.jpg"
    # a portrait photo is shown in a 4:3 box: 9/16 of its width
    assert picture.sizes == "(min-width: 752px) 405px, calc((100vw - 32px) * 0.562)"
    assert pictures.picture(ImageField(src="fehlt.jpg", alt="Etwas anderes")) is None
    assert pictures.picture(None) is None


def test_names_change_with_the_bytes_and_with_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = _pictures(tmp_path / "a", x_png=logo_png()).sources["x.png"]
    two = _pictures(tmp_path / "b", x_png=logo_png(801)).sources["x.png"]
    assert one.name != two.name and len(one.name) == 12
    monkeypatch.setattr(module, "PROCESSING_VERSION", "other")
    assert module.rendition_name(one.file.digest) != one.name


def test_an_iphone_heic_is_read_upright(tmp_path: Path) -> None:
    picture = Image.new("RGB", (640, 480), (90, 140, 200))
    ImageDraw.Draw(picture).rectangle((0, 0, 120, 90), fill=(220, 20, 20))
    out = io.BytesIO()
    register_heif_opener()
    picture.save(out, "HEIF", quality=80)
    source = _pictures(tmp_path, foto_heic=out.getvalue()).sources["foto.heic"]
    assert (source.file.format, source.width, source.height) == ("HEIF", 640, 480)
    files = dict(renditions(source.path.read_bytes(), source))
    shown = Image.open(io.BytesIO(files[source.fallback.url])).convert("RGB")
    assert shown.size == (640, 480)
    assert shown.getpixel((5, 5))[0] > 180
