"""Pictures a record names: every bad upload is a located German problem, never a traceback."""

from __future__ import annotations

import pytest
from picture_files import logo_png, phone_jpeg, pixel_bomb, text_named_jpg, truncated_jpeg

from generator.cli import main
from generator.load import picture_files
from generator.load.picture_files import PictureError, probe

CLUB = "name: Sportfreunde\ncategory: sport\nreviewed: 2026-10-01\nimage:\n  src: {src}\n  alt: {alt}\n"
"""``image.src`` is on line 5, column 8; ``alt`` on line 6, column 8."""
WHERE = "content/clubs/mit-bild.yml:5:8: image.src: "


def _club(project, src: str, alt: str = "Die Mannschaft nach dem Pokalsieg") -> None:
    project.add("clubs/mit-bild.yml", CLUB.format(src=src, alt=alt))


def test_good_photo_and_logo_are_accepted(project) -> None:
    project.add("images/mannschaft.jpg", phone_jpeg())
    project.add("images/logos/verein.png", logo_png())
    _club(project, "mannschaft.jpg")
    project.add("clubs/zweiter.yml", CLUB.format(src="logos/verein.png", alt="Logo, ein grüner Kreis"))
    project.assert_problems([])


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("kaputt.jpg", truncated_jpeg(), "content/images/kaputt.jpg: Die Bilddatei ist unvollständig (abgeschnitten"),
        ("notiz.jpg", text_named_jpg(), "content/images/notiz.jpg: Diese Datei ist kein Bild"),
        ("bombe.png", pixel_bomb(), "content/images/bombe.png: Das Bild hat 10000×6000 Pixel (60 Megapixel); erlaubt"),
        ("riesig.png", pixel_bomb(100_000, 100_000), "content/images/riesig.png: Das Bild gibt an, viel zu groß"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "content/images/logo.svg: SVG-Grafiken"),
        ("leer.jpg", b"", "content/images/leer.jpg: Die Bilddatei ist leer"),
        ("scan.tif", None, "content/images/scan.tif: Bilder im Format TIFF kann das Portal nicht"),
    ],
)
def test_bad_files_are_located_at_the_src_line(project, name: str, data: bytes | None, message: str) -> None:
    if data is None:
        from io import BytesIO

        from PIL import Image

        out = BytesIO()
        Image.new("RGB", (20, 20)).save(out, "TIFF")
        data = out.getvalue()
    project.add(f"images/{name}", data)
    _club(project, name)
    project.assert_problems([f"{WHERE}{message} ..."])


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(project, monkeypatch) -> None:
    monkeypatch.setattr(picture_files, "MAX_FILE_BYTES", 1000)
    project.add("images/gross.png", logo_png())
    _club(project, "gross.png")
    project.assert_problems([f"{WHERE}content/images/gross.png: Die Bilddatei ist 0 MB groß; erlaubt sind ..."])


@pytest.mark.parametrize(
    "src",
    ["https://example.org/bild.jpg", "/etc/passwd", "../town.yml", "bilder/../../town.yml", "C:\\\\Fotos\\\\a.jpg"],
)
def test_paths_outside_content_images_are_refused(project, src: str) -> None:
    _club(project, f'"{src}"')
    project.assert_problems([f"{WHERE}Bilder müssen als Datei unter content/images/ liegen ..."])


def test_a_link_leaving_the_folder_is_refused(project, tmp_path) -> None:
    outside = tmp_path / "privat.jpg"
    outside.write_bytes(phone_jpeg(400, 300))
    (project.content / "images").mkdir(parents=True, exist_ok=True)
    (project.content / "images" / "link.jpg").symlink_to(outside)
    _club(project, "link.jpg")
    project.assert_problems([f"{WHERE}Bilder müssen als Datei unter content/images/ liegen ..."])


def test_a_missing_file_names_another_spelling(project) -> None:
    project.add("images/Mannschaft.JPG", phone_jpeg(400, 300))
    _club(project, "mannschaft.jpg")
    project.assert_problems(
        [
            f"{WHERE}Die Bilddatei content/images/mannschaft.jpg gibt es nicht. Meinten Sie „Mannschaft.JPG“? "
            "Groß- und Kleinschreibung zählen."
        ]
    )


@pytest.mark.parametrize("alt", ["Bild", "Foto 1", "Logo", "mannschaft", "IMG_2034.JPG", "Vereins-Logo"])
def test_alt_text_that_says_nothing_is_an_error_with_advice(project, alt: str) -> None:
    project.add("images/mannschaft.jpg", phone_jpeg(400, 300))
    _club(project, "mannschaft.jpg", alt)
    project.assert_problems(
        [f"content/clubs/mit-bild.yml:6:8: image.alt: „{alt}“ beschreibt das Bild nicht. Schreiben Sie ..."]
    )


def test_an_empty_alt_text_is_an_error(project) -> None:
    project.add("images/mannschaft.jpg", phone_jpeg(400, 300))
    _club(project, "mannschaft.jpg", '""')
    assert [line for line in project.problems() if "image.alt" in line], project.problems()


def test_a_phone_jpeg_with_a_video_after_its_end_is_not_called_truncated(tmp_path) -> None:
    path = tmp_path / "motion.jpg"
    path.write_bytes(phone_jpeg(800, 600) + b"\0\0\0\x18ftypmp42" + b"video" * 2000)
    assert probe(path).width == 600  # turned: shown portrait


def test_probe_reads_the_shown_size_and_is_remembered(tmp_path) -> None:
    path = tmp_path / "hoch.jpg"
    path.write_bytes(phone_jpeg(800, 600))
    found = probe(path)
    assert (found.format, found.width, found.height) == ("JPEG", 600, 800)
    assert picture_files.remembered()[str(path)][2] == found
    path.write_bytes(text_named_jpg())  # changed: read again
    with pytest.raises(PictureError):
        probe(path)


def test_validate_names_pictures_no_record_shows_as_a_notice(project, capsys) -> None:
    project.add("images/mannschaft.jpg", phone_jpeg(400, 300))
    project.add("images/alt/vergessen.png", logo_png(100, 50))
    _club(project, "mannschaft.jpg")
    assert main(["--root", str(project.root), "validate"]) == 0
    out = capsys.readouterr().out
    assert "Hinweis: content/images/alt/vergessen.png wird von keinem Eintrag verwendet" in out
    assert "mannschaft.jpg" not in out
