"""One original in, its renditions out: upright, sRGB, scaled, WebP and JPEG, without any metadata.

Order matters for privacy and for the picture:

1. decode (a JPEG at the smallest scale libjpeg offers that still covers the largest rendition:
   a 4000×3000 photo whose largest rendition is 1440 px wide decodes at 2000×1500, 4× fewer pixels);
2. apply the EXIF orientation (`ImageOps.exif_transpose`), so portrait phone photos stand upright
   once the orientation tag is gone;
3. convert to sRGB with the embedded ICC profile (LittleCMS): a photo in Display P3 or Adobe RGB
   shown untagged would look dull; CMYK, palette, grey and 16-bit pictures become RGB(A);
4. scale with Lanczos (premultiplied alpha, so a logo's edges keep no dark fringe);
5. encode from a fresh image whose ``info`` is empty, with no ``exif``, ``icc_profile``, ``xmp``
   or ``comment``: no EXIF, GPS, XMP, IPTC, maker notes, thumbnails or colour profile is written
   (untagged pictures are sRGB to every browser, and 3 KB of profile per small thumbnail is waste).

Transparency is kept in WebP; JPEG has none, so it is flattened onto white (the page's background).

Same bytes every build: libjpeg-turbo and libwebp (single-threaded, fixed method) are
deterministic for the same input, settings and library versions (pinned), which
`tests/outputs/pictures` checks; `PROCESSING_VERSION` names the settings in every URL.
"""

from __future__ import annotations

import io
import math
import warnings

from PIL import Image, ImageCms, ImageOps

from generator.derive.pictures import WEBP, PictureSource, Rendition
from generator.load.picture_files import MAX_PIXELS, register_heif_if_needed

WEBP_QUALITY = ((500, 72), (1000, 60), (None, 50))
"""(below this width, quality): the larger a rendition, the denser the screen that asks for it (a
1080 px rendition goes to phones at DPR 3), the less a pixel's error shows — "compressive images":
a 1080 px WebP at 50 looks as sharp there as a 720 px one at 75 and costs ~45 KB for a 4:3 photo."""
JPEG_QUALITY = ((500, 80), (None, 72))
WEBP_METHOD = 4
"""libwebp's effort (0–6): 4 is its default balance; 6 saves ~3 % at twice the time."""
WHITE = (255, 255, 255)

_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class ProcessingError(ValueError):
    """The original could not be decoded after all (the message is German)."""


def renditions(data: bytes, source: PictureSource) -> list[tuple[str, bytes]]:
    """Every rendition of ``source`` (its ``renditions()``) as (site-relative path, bytes)."""
    wanted = source.renditions()
    try:
        image = _upright_srgb(data, max(r.width for r in wanted), source)
    except ProcessingError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as error:
        raise ProcessingError(
            "Die Bilddatei lässt sich nicht lesen (beschädigt oder unvollständig). Öffnen Sie das Bild auf "
            "Ihrem Rechner, speichern Sie es neu als JPG oder PNG und laden Sie es noch einmal hoch. "
            f"(technisch: {error})"
        ) from None
    files: list[tuple[str, bytes]] = []
    scaled: dict[int, Image.Image] = {}
    for rendition in sorted(wanted, key=lambda r: -r.width):  # large first: small ones scale from them
        if rendition.width not in scaled:
            base = min((p for p in scaled.values() if p.width >= 2 * rendition.width), key=_width, default=image)
            scaled[rendition.width] = _scaled(base, rendition)
    flat: dict[int, Image.Image] = {}
    for rendition in wanted:
        picture = scaled[rendition.width]
        if rendition.format == WEBP:
            files.append((rendition.url, _webp(picture, rendition.width)))
        else:
            plain = flat.get(rendition.width)
            if plain is None:
                plain = flat[rendition.width] = _flattened(picture)
            files.append((rendition.url, _jpeg(plain, rendition.width)))
    return files


def _upright_srgb(data: bytes, largest: int, source: PictureSource) -> Image.Image:
    register_heif_if_needed(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise ProcessingError("Das Bild hat zu viele Pixel.")
        if image.format == "JPEG":
            scale = largest / max(1, source.width)  # shown width; draft sizes are in stored orientation
            image.draft(image.mode, (math.ceil(image.width * scale), math.ceil(image.height * scale)))
        image.load()
    icc = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            mode = "RGBA" if image.mode == "RGBA" else "RGB"
            image = ImageCms.profileToProfile(image, profile, _SRGB, outputMode=mode) or image
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken or unusual profile: the pixels as they are, rather than no picture
    return _stripped(_rgb_or_rgba(image))


def _rgb_or_rgba(image: Image.Image) -> Image.Image:
    """RGB, or RGBA where the picture has transparency that shows."""
    has_alpha = image.mode in ("RGBA", "LA", "La", "RGBa", "PA") or "transparency" in image.info
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")  # 16-bit grey → 8-bit
    if image.mode == "CMYK":
        return image.convert("RGB")  # no usable profile: Pillow's plain conversion
    if has_alpha:
        rgba = image.convert("RGBA")
        low, _high = rgba.getchannel("A").getextrema()
        return rgba if low < 255 else rgba.convert("RGB")
    return image.convert("RGB")


def _stripped(image: Image.Image) -> Image.Image:
    """The pixels alone: a new image without ``info`` (EXIF, XMP, ICC, comments) or anything else."""
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    clean.info = {}
    return clean


def _scaled(image: Image.Image, rendition: Rendition) -> Image.Image:
    size = (rendition.width, rendition.height)
    if image.size == size:
        return image
    scaled = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    scaled.info = {}
    return scaled


def _width(image: Image.Image) -> int:
    return image.width


def _flattened(image: Image.Image) -> Image.Image:
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, WHITE)
    background.paste(image, mask=image.getchannel("A"))
    return background


def _quality(steps: tuple[tuple[int | None, int], ...], width: int) -> int:
    return next(quality for below, quality in steps if below is None or width < below)


def _webp(image: Image.Image, width: int) -> bytes:
    out = io.BytesIO()
    quality = _quality(WEBP_QUALITY, width)
    image.save(out, "WEBP", quality=quality, method=WEBP_METHOD, exif=b"", icc_profile=None, xmp=b"")
    return out.getvalue()


def _jpeg(image: Image.Image, width: int) -> bytes:
    out = io.BytesIO()
    quality = _quality(JPEG_QUALITY, width)
    image.save(out, "JPEG", quality=quality, progressive=True, optimize=True, subsampling="4:2:0", exif=b"")
    return out.getvalue()
