"""segno's QR codes for web addresses, made ~15× faster: the same symbol, the same SVG bytes.

segno (pure Python) spends ~9 ms per code, ~7 ms of it choosing the mask (ISO/IEC 18004 §7.8.3,
module by module), ~100 s of CPU for the ~11,000 codes of a county-scale site. This module
makes the codes segno makes for ``segno.make(text, error="m", micro=False, boost_error=False)``
when the text is in byte mode (every web address), with everything that depends only on the
version computed once and each symbol handled as one byte string (rows separated by a marker
byte, so nothing runs across a row end), which is also one big integer:

* data and error correction codewords as segno builds them (including its zero byte after the
  terminator), Reed-Solomon by table lookup per codeword;
* placement by one gather through the version's module order;
* each mask is one XOR; its penalty is segno's (`encoder.mask_scores`) to the point: 2×2 blocks
  (N2) and runs (N1) are zero bytes of a few XORs and shifts, the finder-like patterns (N3) one
  regular expression that counts what segno's search counts, first of equal scores wins;
* format and version information from segno's own functions, the SVG drawn as segno's writer
  draws it (`writers.write_svg` with the options of `qr.qr_svg`).

``svg`` returns None for any other text; `qr.py` then asks segno. tests/outputs/exports/test_qr.py
compares both for thousands of addresses and all 40 versions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import compress, repeat
from operator import itemgetter
from xml.sax.saxutils import escape

from segno import consts, encoder

SEGNO_VERSION = "1.6.6"
"""The segno release this reproduces (pinned in pyproject.toml)."""

BORDER = 4
_M = consts.ERROR_LEVEL_M
_SEP = 0xFF
"""Marks a row's end (and fills a row before the first): differs from every module value (0–3)."""
_SEP_BYTE = bytes([_SEP])
_N3 = b"\x01\x00\x01\x01\x01\x00\x01"
_LIGHT_BEFORE = (b"\x00\x00\x00\x00", b"\xff", b"\xff\x00", b"\xff\x00\x00", b"\xff\x00\x00\x00")
_N3_COUNTED = re.compile(
    _N3
    + b"(?:"
    + b"|".join(b"(?<=" + re.escape(before + _N3) + b")" for before in _LIGHT_BEFORE)
    + rb"|(?=\x00\x00\x00\x00|\x00{0,3}\xff))"
)
"""The finder-like patterns segno's ``mask_scores`` counts (N3): dark-light-dark-dark-dark-light-dark
with four light modules before or after it, or only light ones up to the line's start or end
(a separator, 0xFF). segno searches each line from the left and resumes 7 modules on after a
counted pattern, 4 after one without light space: no pattern can start 1 to 3 modules on, so
this is exactly a left-to-right search for non-overlapping counted patterns, done in C instead
of ~33 Python iterations per mask (half the time of a code)."""
_BITS = [bytes((value >> shift) & 1 for shift in range(7, -1, -1)) for value in range(256)]
_SVG_MODULES = b"\x00" + b"\x01" * 254 + b"\x02"
"""``bytes.translate`` table: 0 light, the separator a row mark (2), every other value dark (1)."""
_DARK_RUNS = re.compile(rb"(\x01+)")
_LINE = [f"h{length}" for length in range(178)]
_GAP = {length: f"m{length} 0" for length in range(178)}


def svg(text: str) -> bytes | None:
    """The SVG of ``segno.make(text, error="m", micro=False, boost_error=False)`` as `qr.qr_svg`
    writes it, or None if ``text`` is not in byte mode (segno has to make that one)."""
    try:
        data = text.encode(consts.DEFAULT_BYTE_ENCODING)
    except UnicodeError:
        return None
    if encoder.find_mode(data) != consts.MODE_BYTE:
        return None
    layout = _layout(_version(len(data)))
    masked, mask = _best_mask(layout, _placed(layout, _codewords(data, layout)))
    final = (masked & layout.clear[mask]) | layout.overlay[mask]
    return _svg(final.to_bytes(len(layout.base), "big"), layout.size, text)


@dataclass(frozen=True)
class _Layout:
    """What depends only on the version."""

    version: int
    size: int
    base: bytes
    """Separator row, then each row and a separator: function patterns, 0 where format and
    version information go, 2 on data modules."""
    gather: tuple[int, ...]
    """Index into ``base + bits`` for every byte of the placed matrix."""
    capacity: int
    """Data codewords."""
    remainder: bytes
    """The remainder bits after the last codeword (zeros)."""
    blocks: tuple[tuple[int, int], ...]
    """(data codewords, error correction codewords) per block, in segno's order."""
    masks: tuple[int, ...]
    """Per mask: 1 where it flips a data module, over the matrix and then its columns (`_columns`)."""
    clear: tuple[int, ...]
    """Per mask: keeps all but the format and version modules."""
    overlay: tuple[int, ...]
    """Per mask: the format and version modules."""


def _version(length: int) -> int:
    for version in range(1, 41):
        count_bits = 8 if version < 10 else 16
        if consts.SYMBOL_CAPACITY[version][_M] >= 4 + count_bits + 8 * length:
            return version
    raise encoder.DataOverflowError("Data too large. No QR Code can handle the provided data")


@cache
def _layout(version: int) -> _Layout:
    size = encoder.calc_matrix_size(version)
    stride = size + 1
    matrix = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(matrix, size, size)
    encoder.add_alignment_patterns(matrix, size, size)
    base = _SEP_BYTE * stride + b"".join(bytes(row) + _SEP_BYTE for row in matrix)
    order = _module_order(matrix, size)
    blocks = tuple(
        (info.num_data, info.num_total - info.num_data)
        for info in consts.ECC[version][_M]
        for _ in range(info.num_blocks)
    )
    total_bits = 8 * sum(data + ecc for data, ecc in blocks) + _remainder_bits(version)
    assert len(order) >= total_bits, "segno places every codeword bit"
    gather = list(range(len(base)))
    for index, (row, col) in enumerate(order[:total_bits]):
        gather[stride * (row + 1) + col] = len(base) + index
    function = encoder.make_matrix(size, size)  # as segno's mask evaluation tells data from function modules
    encoder.add_finder_patterns(function, size, size)
    encoder.add_alignment_patterns(function, size, size)
    function[-8][8] = 0x1
    masks = []
    for condition in encoder.get_data_mask_functions(False):
        flat = bytearray(stride)
        for i, row in enumerate(function):
            flat += bytes(int(row[j] > 0x1 and condition(i, j)) for j in range(size)) + b"\x00"
        masks.append(int.from_bytes(flat + _columns(flat, size, b"\x00"), "big"))
    clear, overlay = [], []
    for mask in range(8):
        marked = tuple(bytearray([0x5]) * size for _ in range(size))
        encoder.add_format_info(marked, version, _M, mask)
        encoder.add_version_info(marked, version)
        keep = bytearray(_SEP_BYTE * stride)
        put = bytearray(stride)
        for row in marked:
            keep += bytes(_SEP if value == 0x5 else 0 for value in row) + _SEP_BYTE
            put += bytes(0 if value == 0x5 else value for value in row) + b"\x00"
        clear.append(int.from_bytes(keep, "big"))
        overlay.append(int.from_bytes(put, "big"))
    return _Layout(
        version,
        size,
        base,
        tuple(gather),
        sum(data for data, _ in blocks),
        bytes(_remainder_bits(version)),
        blocks,
        tuple(masks),
        tuple(clear),
        tuple(overlay),
    )


def _module_order(matrix: tuple[bytearray, ...], size: int) -> list[tuple[int, int]]:
    """The free modules in the order ``encoder.add_codewords`` fills them (QR Codes only)."""
    order = []
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1
        for vertical in range(size):
            for z in range(2):
                j = right - z
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = (size - 1 - vertical) if upwards else vertical
                if matrix[i][j] == 0x2:
                    order.append((i, j))
    return order


def _remainder_bits(version: int) -> int:
    if version in (2, 3, 4, 5, 6):
        return 7
    if version in (14, 15, 16, 17, 18, 19, 20, 28, 29, 30, 31, 32, 33, 34):
        return 3
    if version in (21, 22, 23, 24, 25, 26, 27):
        return 4
    return 0


def _codewords(data: bytes, layout: _Layout) -> bytes:
    """Data and error correction codewords, interleaved as in ``encoder.make_final_message``."""
    count_bits = 8 if layout.version < 10 else 16
    bits = 4 + count_bits + 8 * len(data)
    stream = (consts.MODE_BYTE << count_bits | len(data)) << (8 * len(data)) | int.from_bytes(data, "big")
    capacity_bits = consts.SYMBOL_CAPACITY[layout.version][_M]
    terminator = min(capacity_bits - bits, 4)
    padding = 8 - (bits + terminator) % 8  # segno pads a full byte when the terminator ends on one
    bits += terminator + padding
    stream <<= terminator + padding
    message = stream.to_bytes(bits // 8, "big")
    message += b"\xec\x11" * (layout.capacity // 2 + 1)
    message = message[: layout.capacity]
    data_blocks, ecc_blocks = [], []
    start = 0
    for length, ecc in layout.blocks:
        block = message[start : start + length]
        start += length
        data_blocks.append(block)
        ecc_blocks.append(_reed_solomon(block, ecc))
    return _interleave(data_blocks) + _interleave(ecc_blocks)


def _interleave(blocks: list[bytes]) -> bytes:
    longest = max(len(block) for block in blocks)
    return bytes(block[i] for i in range(longest) for block in blocks if i < len(block))


def _reed_solomon(block: bytes, ecc: int) -> bytes:
    table = _generator_table(ecc)
    top = 8 * (ecc - 1)
    keep = (1 << (8 * ecc)) - 1
    remainder = 0
    for value in block:
        remainder = ((remainder << 8) & keep) ^ table[value ^ (remainder >> top)]
    return remainder.to_bytes(ecc, "big")


@cache
def _generator_table(ecc: int) -> tuple[int, ...]:
    """Per leading coefficient: the generator polynomial times it, as an ``ecc``-byte integer."""
    log, exp, generator = consts.GALIOS_LOG, consts.GALIOS_EXP, consts.GEN_POLY[ecc]
    table = [0]
    for value in range(1, 256):
        table.append(int.from_bytes(bytes(exp[log[value] + g] for g in generator), "big"))
    return tuple(table)


def _placed(layout: _Layout, codewords: bytes) -> bytes:
    bits = b"".join([_BITS[value] for value in codewords]) + layout.remainder
    return bytes(itemgetter(*layout.gather)(layout.base + bits))


def _columns(flat: bytes, size: int, separator: bytes = _SEP_BYTE) -> bytes:
    """The matrix in ``flat`` column by column, each column followed by ``separator``."""
    stride = size + 1
    return b"".join(flat[stride + col :: stride] + separator for col in range(size))


def _best_mask(layout: _Layout, unmasked: bytes) -> tuple[int, int]:
    """(masked matrix, mask) with the lowest penalty, as ``encoder.find_and_apply_best_mask``.

    Each mask is scored on the matrix followed by its columns (`_columns`): one big integer and
    its bytes, in which every row and every column is a line that starts at a multiple of the
    stride (row i at (i + 1) × stride) and ends before a separator."""
    size, matrix_length = layout.size, len(unmasked)
    lines = int.from_bytes(unmasked + _columns(unmasked, size), "big")
    length = 2 * matrix_length - size - 1
    best_score, best_mask, best = -1, 0, 0
    for mask, pattern in enumerate(layout.masks):
        value = lines ^ pattern
        score = _penalty(value, value.to_bytes(length, "big"), size, matrix_length)
        if best_score < 0 or score < best_score:
            best_score, best_mask, best = score, mask, value
    return best >> (8 * (length - matrix_length)), best_mask


def _penalty(value: int, lines: bytes, size: int, matrix_length: int) -> int:
    """segno's ``encoder.evaluate_mask``, N1 to N4 (see `_best_mask` for ``value`` and ``lines``)."""
    stride = size + 1
    length = len(lines)
    in_lines = _ones(length, stride, length)  # rows and columns, without the separator row
    equal = value ^ (value >> 8)  # zero byte: same module as the one before
    # N1: a run of L >= 5 equal modules in a row or column scores L - 2; it holds L - 4 windows
    # of five equal modules (zero bytes of `windows`) and L - 5 pairs of them side by side
    windows = equal | (equal >> 8) | (equal >> 16) | (equal >> 24)
    fives = length - stride - _nonzero_bytes(windows, in_lines)
    pairs = length - stride - _nonzero_bytes(windows | (windows >> 8), in_lines) if fives else 0
    n1 = 3 * fives - 2 * pairs
    # N2: a 2×2 block of equal modules <=> a zero byte in the matrix part of this
    blocks = equal | (value ^ (value >> (8 * stride))) | (equal >> (8 * stride))
    n2 = 3 * (matrix_length - stride - _nonzero_bytes(blocks, _ones(length, stride, matrix_length)))
    # N3: segno's search, as one regular expression (`_N3_COUNTED`)
    n3 = 40 * len(_N3_COUNTED.findall(lines, stride))
    # N4: segno adds up module values (0–3: bits 0 and 1); every module is in `lines` twice, and
    # each of the 3 × size + 1 separators (0xFF) adds 1 + 2
    every = _ones(length, 0, length)
    twice = (value & every).bit_count() + 2 * ((value >> 1) & every).bit_count() - 3 * (3 * size + 1)
    n4 = 10 * int(abs(float(twice // 2) / (size**2) * 100 - 50) / 5)
    return n1 + n2 + n3 + n4


def _nonzero_bytes(value: int, ones: int) -> int:
    """How many bytes of ``value`` are not zero where ``ones`` has 0x01 (an OR of each byte's bits
    folded into its lowest bit; what crosses into the next byte lands in bits never read)."""
    value |= value >> 4
    value |= value >> 2
    value |= value >> 1
    return (value & ones).bit_count()


@cache
def _ones(length: int, start: int, end: int) -> int:
    """0x01 in the bytes ``start`` to ``end`` of a ``length``-byte big-endian integer."""
    return int.from_bytes(bytes(start) + b"\x01" * (end - start) + bytes(length - end), "big")


def _svg(flat: bytes, size: int, title: str) -> bytes:
    """segno's ``writers.write_svg`` (border 4, no XML declaration, no size, title, #000 on #fff).

    Its path draws each horizontal run of dark modules (any value but 0) as a line, the pen moved
    relative to where the last line ended. One split of all rows (each after a row mark) gives the
    runs and what lies between them: a gap in the row, or a move to a later row."""
    text = b"\x02" + flat[size + 1 :].translate(_SVG_MODULES)
    pieces = _DARK_RUNS.split(text)
    between, runs = pieces[0:-1:2], pieces[1::2]  # between[i] comes before runs[i]
    parts = [""] * (2 * len(runs))
    parts[1::2] = map(_LINE.__getitem__, map(len, runs))
    parts[0::2] = map(_GAP.get, map(len, between), repeat(""))  # gaps in a row; moves to a row below:
    for index in compress(range(len(between)), map(bytes.count, between, repeat(b"\x02"))):
        lines = between[index].split(b"\x02")  # the rest of a row, (empty rows,) the next row's start
        if index:
            parts[2 * index] = f"m{len(lines[-1]) + len(lines[0]) - size} {len(lines) - 1}"
        else:
            y = BORDER + 0.5 + len(lines) - 2
            parts[0] = f"M{BORDER + len(lines[-1])} {int(y) if int(y) == y else y}"
    width = size + 2 * BORDER
    paths = sorted(
        (f'<path fill="#fff" d="M0 0h{width}v{width}h-{width}z"/>', f'<path stroke="#000" d="{"".join(parts)}"/>'),
        key=len,
    )
    document = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {width}"><title>{escape(title)}</title>'
        f"{''.join(paths)}</svg>\n"
    )
    return document.encode("utf-8")
