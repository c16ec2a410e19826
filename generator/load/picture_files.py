"""Picture files under content/images/: what their headers say, read without decoding the pixels.

Validation and the build both need a picture's format, size and orientation; Pillow reads them
from the first bytes of the file (`Image.open` is lazy). Only a file whose end does not look
right is decoded (at 1/8 scale where the format allows), to tell a truncated upload from one with
a trailer (phones append motion-photo videos after a JPEG's end marker).

Limits (docs/inhalte.md): a file over ``MAX_FILE_BYTES`` is refused before it is opened, a picture
over ``MAX_PIXELS`` before it is decoded — a few hundred bytes of PNG may claim 100,000×100,000
pixels, which decoded would take 30 GB of memory (a "decompression bomb").

HEIC/HEIF (iPhones' default) is read with pillow-heif, registered only when such a file turns up
(importing it costs 45 ms).
"""

from __future__ import annotations

import hashlib
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

MAX_FILE_BYTES = 15 * 1024 * 1024
"""15 MB: a phone photo is 3–8 MB; a file beyond this is a scan or a raw export."""
MAX_PIXELS = 50_000_000
"""50 megapixels: above every phone camera's default (12–48 MP); decoded as RGB ~150 MB."""

FORMATS = {"JPEG": "JPG", "PNG": "PNG", "WEBP": "WebP", "HEIF": "HEIC", "AVIF": "AVIF", "GIF": "GIF"}
"""Pillow's format name → what the volunteer calls it. Everything else is refused."""

ORIENTATION_TAG = 0x0112
_TURNED = {5, 6, 7, 8}
"""EXIF orientations that swap width and height."""

_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")


class PictureError(ValueError):
    """A picture file the build cannot publish; the message is German, for the volunteer."""


@dataclass(frozen=True)
class PictureFile:
    """A picture as its header describes it."""

    format: str
    """Pillow's name of its format (JPEG, PNG, WEBP, HEIF, AVIF, GIF)."""
    width: int
    """Width as shown, after its EXIF orientation is applied."""
    height: int
    digest: str
    """SHA-256 of the file's bytes (hex): renditions are named and cached by it."""
    size: int
    """Bytes."""


Stamp = tuple[int, int, int]
"""A file's size, modification time (ns) and inode: changed bytes change one of them."""
_probed: dict[str, tuple[Stamp, bool, PictureFile | str]] = {}
"""Absolute path → (stamp, completeness checked, what `probe` found or its error): validation and
the build probe each picture once per process, and the build cache keeps this between builds
(`remembered`, `remember`): an unchanged picture is not read again."""


def probe(path: Path, *, check_complete: bool = True) -> PictureFile:
    """What ``path`` holds; raises `PictureError` (German) for anything the build cannot publish.

    ``check_complete``: also make sure the file is not cut off (`_looks_complete`)."""
    try:
        stat = path.stat()
    except OSError:
        raise PictureError("Die Bilddatei ist nicht lesbar.") from None
    key = os.path.abspath(path)
    stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    known = _probed.get(key)
    if known is not None and known[0] == stamp and (known[1] or not check_complete):
        if isinstance(known[2], str):
            raise PictureError(known[2])
        return known[2]
    try:
        found: PictureFile | str = _probe(path, stat, check_complete)
    except PictureError as error:
        found = str(error)
    _probed[key] = (stamp, check_complete, found)
    if isinstance(found, str):
        raise PictureError(found)
    return found


def remembered() -> dict[str, tuple[Stamp, bool, PictureFile | str]]:
    """What this process probed (for the build cache)."""
    return dict(_probed)


def remember(entries: dict[str, tuple[Stamp, bool, PictureFile | str]]) -> None:
    """Take over what an earlier build probed (entries whose file changed are probed again)."""
    for key, entry in entries.items():
        _probed.setdefault(key, entry)


def _probe(path: Path, stat: os.stat_result, check_complete: bool) -> PictureFile:
    if not path.is_file():
        raise PictureError("Das ist keine Datei, sondern ein Ordner.")
    if stat.st_size == 0:
        raise PictureError("Die Bilddatei ist leer (0 Bytes). Laden Sie das Bild noch einmal hoch.")
    if stat.st_size > MAX_FILE_BYTES:
        raise PictureError(
            f"Die Bilddatei ist {stat.st_size / 1024 / 1024:.0f} MB groß; erlaubt sind höchstens "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB. Verkleinern Sie das Bild (z. B. auf 2000 Pixel Breite) "
            "und speichern Sie es als JPG."
        )
    data = path.read_bytes()
    register_heif_if_needed(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                kind = image.format or ""
                width, height = image.size
                if kind not in FORMATS:
                    raise PictureError(_unreadable(kind))
                if width * height > MAX_PIXELS:
                    raise _bomb(width, height)
                orientation = _orientation(image)
                if check_complete and not _looks_complete(kind, data):
                    _decode_small(image)
    except Image.DecompressionBombError:
        raise PictureError(
            "Das Bild gibt an, viel zu groß zu sein (über 100 Millionen Pixel), und wird deshalb nicht "
            "geöffnet. Speichern Sie es mit einem Bildprogramm neu, z. B. 2000 Pixel breit."
        ) from None
    except UnidentifiedImageError:
        raise PictureError(_not_a_picture(data)) from None
    except PictureError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError) as error:  # Pillow's ways of saying "damaged"
        raise PictureError(_damaged(str(error))) from None
    if orientation in _TURNED:
        width, height = height, width
    return PictureFile(kind, width, height, hashlib.sha256(data).hexdigest(), len(data))


def register_heif_if_needed(data: bytes) -> None:
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        from pillow_heif import register_heif_opener

        register_heif_opener()


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(ORIENTATION_TAG, 1)
    except Exception:  # a damaged EXIF block: the picture itself may be fine
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _looks_complete(kind: str, data: bytes) -> bool:
    """Whether the file ends as its format says (cheap); False means: decode to be sure."""
    if kind == "JPEG":
        return data.rstrip(b"\0")[-2:] == b"\xff\xd9"
    if kind == "PNG":
        return data[-12:] == b"\0\0\0\0IEND\xaeB`\x82"
    if kind == "WEBP":
        return len(data) >= 12 and int.from_bytes(data[4:8], "little") + 8 <= len(data)
    if kind == "GIF":
        return data[-1:] == b";"
    return False  # HEIF, AVIF: no cheap check


def _decode_small(image: Image.Image) -> None:
    """Decode every byte of the picture, at 1/8 scale where the format allows (JPEG)."""
    if image.format == "JPEG":
        image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
    image.load()


def _bomb(width: int, height: int) -> PictureError:
    return PictureError(
        f"Das Bild hat {width}×{height} Pixel ({width * height / 1e6:.0f} Megapixel); erlaubt sind höchstens "
        f"{MAX_PIXELS // 1_000_000} Megapixel. Verkleinern Sie es mit einem Bildprogramm, z. B. auf 2000 Pixel "
        "Breite."
    )


def _unreadable(kind: str) -> str:
    return (
        f"Bilder im Format {kind or 'dieser Datei'} kann das Portal nicht veröffentlichen. Speichern Sie das Bild "
        "als JPG (Fotos) oder PNG (Logos, Grafiken), z. B. mit „Exportieren“ oder „Speichern unter“."
    )


def _not_a_picture(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")) or b"<svg" in head:
        return (
            "SVG-Grafiken veröffentlicht das Portal nicht (sie können Skripte enthalten). Exportieren Sie das "
            "Logo als PNG, etwa 1000 Pixel breit, und tragen Sie diese Datei ein."
        )
    if data[4:8] == b"ftyp":
        return (
            "Dieses Bildformat (HEIC/HEIF-Variante) kann das Portal nicht lesen. Stellen Sie am Handy unter "
            "Einstellungen › Kamera › Formate „Maximale Kompatibilität“ ein oder exportieren Sie das Bild als JPG."
        )
    return (
        "Diese Datei ist kein Bild (oder ein beschädigtes). Öffnen Sie sie auf Ihrem Rechner: Zeigt sie ein "
        "Bild, speichern Sie es neu als JPG oder PNG; sonst laden Sie das richtige Bild hoch."
    )


def _damaged(detail: str) -> str:
    if "truncated" in detail or "broken data stream" in detail or "premature end" in detail.lower():
        return (
            "Die Bilddatei ist unvollständig (abgeschnitten, wohl beim Hochladen oder Kopieren). Laden Sie das "
            "Bild noch einmal hoch."
        )
    return (
        "Die Bilddatei ist beschädigt und lässt sich nicht öffnen. Öffnen Sie das Bild auf Ihrem Rechner, "
        "speichern Sie es neu als JPG oder PNG und laden Sie es noch einmal hoch."
    )


def resolve(images_dir: Path, src: str) -> Path | None:
    """The file ``src`` names below ``images_dir``; None for a URL, an absolute path or one leaving it."""
    if "://" in src or src.startswith(("/", "\\")) or ":" in src.split("/")[0]:
        return None
    parts = Path(src.replace("\\", "/")).parts
    if ".." in parts or not parts:
        return None
    path = images_dir / Path(*parts)
    try:
        real, base = os.path.realpath(path), os.path.realpath(images_dir)
    except OSError:
        return None
    return path if real == base or real.startswith(base + os.sep) else None
