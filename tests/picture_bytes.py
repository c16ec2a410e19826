"""What a published picture file carries besides its pixels, read from its bytes."""

from __future__ import annotations

import struct


def jpeg_segments(data: bytes) -> list[bytes]:
    """The marker of every segment before the image data (APP0 ``\\xff\\xe0``, APP1 …, SOS)."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    markers, at = [], 2
    while at < len(data):
        assert data[at] == 0xFF, f"no marker at {at}"
        marker = data[at : at + 2]
        markers.append(marker)
        if marker == b"\xff\xda":  # start of scan: entropy-coded data follows
            break
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        at += 2 + length
    return markers


def webp_chunks(data: bytes) -> list[bytes]:
    """The four-letter name of every chunk of a WebP file (``VP8 ``, ``VP8L``, ``VP8X``, ``ALPH`` …)."""
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP", "not a WebP"
    names, at = [], 12
    while at + 8 <= len(data):
        name, (size,) = data[at : at + 4], struct.unpack("<I", data[at + 4 : at + 8])
        names.append(name)
        at += 8 + size + (size & 1)
    return names


PRIVATE = (b"Exif", b"GPS", b"xmpmeta", b"ns.adobe.com", b"Erika", b"ICC_PROFILE", b"Handyhersteller", b"Photoshop")


def metadata_in(data: bytes) -> list[str]:
    """Everything in ``data`` that is not pixels: metadata segments or chunks, and telltale strings."""
    found = [text.decode() for text in PRIVATE if text in data]
    if data[:2] == b"\xff\xd8":
        found += [
            f"JPEG segment {m.hex()}"
            for m in jpeg_segments(data)
            if m not in (b"\xff\xe0", b"\xff\xdb", b"\xff\xc2", b"\xff\xc0", b"\xff\xc4", b"\xff\xda", b"\xff\xdd")
        ]
    else:
        found += [
            f"WebP chunk {n.decode()}" for n in webp_chunks(data) if n not in (b"VP8 ", b"VP8L", b"VP8X", b"ALPH")
        ]
    return found
