"""Pictures made in tests with Pillow: what volunteers upload, good and bad."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageCms, ImageDraw

from bench.synthetic_photos import phone_exif

MARK = (220, 20, 20)
"""The colour of the block a phone photo has in the top-left corner as stored."""
XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b"<rdf:RDF><rdf:Description GPSLatitude='51,41.2N' Creator='Erika Musterfrau'/></rdf:RDF>"
    b'</x:xmpmeta><?xpacket end="w"?>'
)


def phone_jpeg(width: int = 4000, height: int = 3000, orientation: int = 6) -> bytes:
    """As a phone saves a portrait photo: stored landscape with EXIF orientation 6 (turn right),
    the GPS position, XMP with the author, an sRGB profile; a red block in the stored top-left
    corner (shown top-right once upright)."""
    picture = Image.new("RGB", (width, height), (90, 140, 200))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, width // 5, height // 5), fill=MARK)
    draw.ellipse((width // 3, height // 3, width // 2, height // 2), fill=(40, 160, 60))
    out = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    picture.save(out, "JPEG", quality=85, exif=phone_exif(orientation), xmp=XMP, icc_profile=srgb)
    return out.getvalue()


def logo_png(width: int = 800, height: int = 400) -> bytes:
    """A 24-bit logo with transparency (RGBA): a green disc on a transparent background."""
    picture = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(picture).ellipse((width // 4, 0, 3 * width // 4, height - 1), fill=(20, 120, 60, 255))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def truncated_jpeg() -> bytes:
    data = phone_jpeg(1600, 1200, orientation=1)
    return data[: len(data) // 2]


def text_named_jpg() -> bytes:
    return b"Hallo! Das ist eine Notiz, kein Foto.\n"


def pixel_bomb(width: int = 10_000, height: int = 6_000) -> bytes:
    """A PNG of a few hundred bytes whose header claims ``width``×``height`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\0" * (width + 1) * 4)  # a few rows; the rest is missing
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
