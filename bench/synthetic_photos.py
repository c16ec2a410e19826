"""Synthetic phone photos for tests and benchmarks: no downloaded pictures, no people.

Noise in octaves whose amplitude falls with detail (as in photographs: large smooth areas, some
texture, a little sensor grain), so they compress like photos do: a 4000×3000 JPEG at quality 90
is ~3 MB, a 720 px WebP rendition ~40–60 KB. Pure per-pixel noise would not compress at all and
would overstate every rendition's size.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageFilter

ORIENTATION = 0x0112
GPS_IFD = 0x8825


def synthetic_photo(width: int, height: int, seed: int = 1) -> Image.Image:
    """An RGB picture of ``width``×``height`` that compresses like a photo."""
    rng = random.Random(seed)
    picture = Image.new("RGB", (width, height), tuple(rng.randrange(60, 200) for _ in range(3)))
    for divisor, weight in ((400, 0.8), (100, 0.5), (25, 0.25), (6, 0.12)):
        size = (max(2, width // divisor), max(2, height // divisor))
        layer = Image.merge("RGB", [Image.effect_noise(size, rng.randrange(40, 90)) for _ in range(3)]).resize(
            (width, height), Image.Resampling.BICUBIC
        )
        picture = Image.blend(picture, layer, weight)
    grain = Image.effect_noise((width, height), 20).convert("RGB")
    return Image.blend(picture, grain, 0.04).filter(ImageFilter.SMOOTH)


def phone_exif(orientation: int = 6) -> Image.Exif:
    """What a phone writes: the camera, the orientation, and where the photo was taken (GPS)."""
    exif = Image.Exif()
    exif[0x010F] = "Handyhersteller"
    exif[0x0110] = "Kamera 12"
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (51.0, 41.0, 12.5)
    gps[3], gps[4] = "E", (13.0, 14.0, 3.25)
    return exif


def write_phone_photo(path: Path, width: int = 4000, height: int = 3000, seed: int = 1, orientation: int = 6) -> Path:
    """A JPEG as a phone saves it: stored landscape, EXIF orientation and GPS position."""
    path.parent.mkdir(parents=True, exist_ok=True)
    synthetic_photo(width, height, seed).save(path, "JPEG", quality=90, exif=phone_exif(orientation))
    return path
