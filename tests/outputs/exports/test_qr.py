"""QR codes decode to the right address (zbarimg from Debian's zbar-tools; SVG → PNG with rsvg-convert)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import segno.encoder
from qr_decode import decode_qr

from generator.outputs.standalone import qr_matrix
from generator.outputs.standalone.qr import qr_svg, segno_svg

BASE = "https://engagiert-herzberg.example.org/"
ROOT = Path(__file__).resolve().parents[3]
# byte-mode capacity at level M per version: the longest text of each version and one byte more
CAPACITY = {1: 14, 2: 26, 3: 42, 4: 62, 5: 84, 6: 106, 7: 122, 8: 152, 9: 180, 10: 213, 14: 362, 21: 711, 27: 1125}


@pytest.mark.parametrize(
    "url",
    [
        "https://engagiert-herzberg.example.org/veranstaltungen/ff-herzberg-ausbildungsdienst/",
        "https://engagiert.example.org/vereine/a/",
        "https://engagiert.example.org/kalender/",
    ],
)
def test_qr_code_decodes_to_the_address(url: str, tmp_path: Path) -> None:
    svg = qr_svg(url)
    assert svg.startswith(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')
    assert decode_qr(svg, tmp_path) == url


def _text(length: int, seed: int) -> str:
    """A web-address-like text of ``length`` characters (Latin-1, so one byte each)."""
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-/_.~%&<>äöüß"
    chars = [alphabet[(seed * 7919 + index * 104729 + index * index) % len(alphabet)] for index in range(length)]
    return ("https://" + "".join(chars))[:length]


@pytest.mark.parametrize(
    "text",
    [BASE + f"veranstaltungen/termin-{n:06d}/" for n in range(0, 600, 7)]
    + [BASE + f"vereine/verein-{n:04d}/" for n in range(40)]
    + [_text(length, seed) for length in range(120) for seed in range(2)]
    + [_text(size, seed) for size in CAPACITY.values() for seed in range(3)]
    + [_text(size + 1, 0) for size in CAPACITY.values()],
)
def test_fast_codes_are_segnos_byte_for_byte(text: str) -> None:
    """`qr_matrix` (used for every address) makes exactly the SVG segno makes: versions 1–27,
    one and two character count lengths, 0/3/4/7 remainder bits, escaped titles."""
    fast = qr_matrix.svg(text)
    assert fast is not None
    assert fast + b"\n" == segno_svg(text)


@pytest.mark.parametrize("text", ["12345", "HTTPS://ENGAGIERT.EXAMPLE.ORG/", "Ehrenamt €"])
def test_texts_not_in_byte_mode_are_made_by_segno(text: str) -> None:
    assert qr_matrix.svg(text) is None
    assert qr_svg(text) == segno_svg(text)


def _matrix_lines(rows: list[bytearray]) -> bytes:
    """``rows`` laid out as `qr_matrix` scores them: separator row, rows, then the columns."""
    size = len(rows)
    flat = qr_matrix._SEP_BYTE * (size + 1) + b"".join(bytes(row) + qr_matrix._SEP_BYTE for row in rows)
    return flat + qr_matrix._columns(flat, size)


@pytest.mark.parametrize("seed", range(40))
def test_penalty_is_segnos_for_any_matrix(seed: int) -> None:
    """N1–N4 against segno's own `mask_scores` on random matrices (module values 0–3, as segno
    has them while it chooses the mask) with finder-like runs planted near line ends and in the
    middle, with and without light space: the cases of segno's N3 search and its resume rules."""
    rng = random.Random(seed)
    size = 21 + 4 * rng.randrange(10)
    rows = [bytearray(rng.choice(b"\x00\x00\x00\x01\x01\x01\x02\x03") for _ in range(size)) for _ in range(size)]
    planted = b"\x01\x00\x01\x01\x01\x00\x01"
    for row in rng.sample(rows, size // 2):
        start = rng.choice([0, 1, 2, 3, 4, 5, size - 7, size - 8, size - 10, size - 11, rng.randrange(size - 7)])
        row[start : start + 7] = planted
        if rng.random() < 0.5:  # light space, clipped to the row
            row[max(0, start - 4) : start] = bytes(len(row[max(0, start - 4) : start]))
        if rng.random() < 0.3 and start + 11 <= size:  # a second pattern overlapping by three modules
            row[start + 4 : start + 11] = planted
    lines = _matrix_lines(rows)
    matrix_length = (size + 1) * (size + 1)
    expected = sum(segno.encoder.mask_scores([bytearray(row) for row in rows], size, size))
    assert qr_matrix._penalty(int.from_bytes(lines, "big"), lines, size, matrix_length) == expected
