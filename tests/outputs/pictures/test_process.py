"""Renditions of one original: upright, sRGB, every width, no metadata, same bytes every time."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from picture_bytes import metadata_in
from picture_files import MARK, logo_png, phone_jpeg
from PIL import Image, ImageCms

from generator.derive.pictures import JPEG, PAGE_WIDTHS, WEBP, Pictures, PictureSource
from generator.outputs.pictures.process import renditions


def _source(tmp_path: Path, name: str, data: bytes) -> PictureSource:
    (tmp_path / name).write_bytes(data)
    return Pictures.scan(tmp_path, [name]).sources[name]


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory) -> tuple[PictureSource, dict[str, bytes]]:
    source = _source(tmp_path_factory.mktemp("phone"), "handy.jpg", phone_jpeg())
    return source, dict(renditions(source.path.read_bytes(), source))


def test_a_phone_photo_gets_every_rendition_upright(phone) -> None:
    source, files = phone
    assert (source.width, source.height) == (3000, 4000)  # stored 4000×3000, orientation 6
    assert sorted(files) == sorted(r.url for r in source.renditions())
    webp_widths = sorted(Image.open(io.BytesIO(data)).width for url, data in files.items() if url.endswith(".webp"))
    assert webp_widths == [160, 320, *PAGE_WIDTHS]
    assert sorted(url.rsplit("-", 1)[1] for url in files if url.endswith(".jpg")) == [
        "1200w.jpg",
        "160w.jpg",
        "720w.jpg",
    ]
    for url, data in files.items():
        picture = Image.open(io.BytesIO(data))
        picture.load()
        assert picture.height > picture.width, url  # upright: portrait
        assert abs(picture.height / picture.width - 4 / 3) < 0.01, url
        top_right = picture.convert("RGB").getpixel((picture.width - 2, 1))
        top_left = picture.convert("RGB").getpixel((1, 1))
        assert all(abs(a - b) < 40 for a, b in zip(top_right, MARK, strict=True)), (url, top_right)
        assert not all(abs(a - b) < 40 for a, b in zip(top_left, MARK, strict=True)), (url, top_left)


def test_nothing_but_pixels_is_published(phone) -> None:
    source, files = phone
    original = source.path.read_bytes()
    assert metadata_in(original), "precondition: the original carries EXIF, GPS, XMP and a profile"
    for url, data in files.items():
        assert metadata_in(data) == [], url
        picture = Image.open(io.BytesIO(data))
        assert dict(picture.getexif()) == {}, url
        assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp", "photoshop", "comment"} & set(picture.info), url


def test_the_same_original_gives_the_same_bytes(phone) -> None:
    source, files = phone
    assert dict(renditions(source.path.read_bytes(), source)) == files


def test_a_transparent_logo_stays_transparent_in_webp_and_white_in_jpeg(tmp_path: Path) -> None:
    source = _source(tmp_path, "logo.png", logo_png())
    files = dict(renditions(source.path.read_bytes(), source))
    webp = Image.open(io.BytesIO(files[source.rendition(WEBP, 320).url]))
    assert webp.mode == "RGBA" and webp.getpixel((0, 0))[3] == 0
    assert webp.getpixel((160, 80))[3] == 255
    jpeg = Image.open(io.BytesIO(files[source.thumb.url])).convert("RGB")
    assert jpeg.getpixel((0, 0)) == pytest.approx((255, 255, 255), abs=3)
    assert all(metadata_in(data) == [] for data in files.values())
    assert max(Image.open(io.BytesIO(d)).width for d in files.values()) == 800  # never wider than the original


def test_a_tagged_photo_keeps_its_colours_and_loses_its_profile(tmp_path: Path) -> None:
    picture = Image.new("RGB", (400, 300), (200, 30, 30))
    out = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    picture.save(out, "JPEG", quality=95, icc_profile=srgb)
    source = _source(tmp_path, "srgb.jpg", out.getvalue())
    made = dict(renditions(source.path.read_bytes(), source))[source.fallback.url]
    assert Image.open(io.BytesIO(made)).getpixel((10, 10)) == pytest.approx((200, 30, 30), abs=6)
    assert "icc_profile" not in Image.open(io.BytesIO(made)).info


def test_cmyk_and_palette_pictures_become_rgb(tmp_path: Path) -> None:
    cmyk, palette = io.BytesIO(), io.BytesIO()
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(cmyk, "JPEG")
    Image.new("RGB", (300, 200), (10, 80, 200)).convert("P").save(palette, "GIF")
    for name, data in (("druck.jpg", cmyk.getvalue()), ("alt.gif", palette.getvalue())):
        source = _source(tmp_path, name, data)
        files = dict(renditions(source.path.read_bytes(), source))
        assert Image.open(io.BytesIO(files[source.fallback.url])).mode == "RGB", name
        assert source.fallback.format == JPEG
