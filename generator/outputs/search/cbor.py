"""The part of CBOR (RFC 8949) that Pagefind's index files use: integers, text strings, arrays.

Pagefind writes its files with minicbor: definite-length arrays and strings, every length and
integer in its shortest form. `encode` writes exactly that, so ``encode(decode(data)) == data``
for every file Pagefind writes (tests/outputs/search/test_cbor.py checks this on a real bundle). Anything
else (maps, byte strings, floats, indefinite lengths) raises `CborError`: Pagefind's format changed.
"""

from __future__ import annotations

Value = int | str | list["Value"]

UNSIGNED, NEGATIVE, TEXT, ARRAY = 0, 1, 3, 4
LONGEST_ARGUMENT = 27  # the argument follows in 8 bytes; 28-31 are reserved or indefinite


class CborError(ValueError):
    """The bytes are no CBOR of the kinds Pagefind writes (the message is German: a build shows it)."""


def decode(data: bytes) -> Value:
    """The single value ``data`` holds; raise CborError if it holds anything else or more."""
    value, end = _decode_at(data, 0)
    if end != len(data):
        raise CborError(f"nach dem Wert folgen noch {len(data) - end} Byte")
    return value


def encode(value: Value) -> bytes:
    out = bytearray()
    _encode_into(value, out)
    return bytes(out)


def _decode_at(data: bytes, start: int) -> tuple[Value, int]:
    major, argument, position = _head(data, start)
    if major == UNSIGNED:
        return argument, position
    if major == NEGATIVE:
        return -1 - argument, position
    if major == TEXT:
        end = position + argument
        if end > len(data):
            raise CborError(f"der Text ab Byte {start} reicht über das Ende hinaus")
        try:
            return data[position:end].decode("utf-8"), end
        except UnicodeDecodeError as exc:
            raise CborError(f"der Text ab Byte {start} ist kein UTF-8") from exc
    if major == ARRAY:
        items = []
        for _ in range(argument):
            item, position = _decode_at(data, position)
            items.append(item)
        return items, position
    raise CborError(f"Byte {start}: CBOR-Typ {major} kommt bei Pagefind nicht vor")


def _head(data: bytes, position: int) -> tuple[int, int, int]:
    """Major type, argument and the position after the head that starts at ``position``."""
    if position >= len(data):
        raise CborError("die Daten enden vorzeitig")
    initial = data[position]
    major, info = initial >> 5, initial & 0x1F
    position += 1
    if info < 24:
        return major, info, position
    if info > LONGEST_ARGUMENT:
        raise CborError(f"Byte {position - 1}: Längenangabe {info} kommt bei Pagefind nicht vor")
    size = 1 << (info - 24)
    if position + size > len(data):
        raise CborError("die Daten enden vorzeitig")
    return major, int.from_bytes(data[position : position + size], "big"), position + size


def _encode_into(value: Value, out: bytearray) -> None:
    if isinstance(value, bool):  # bool is an int in Python, but CBOR has its own kind for it
        raise CborError(f"{value!r} ist kein Wert, den Pagefind schreibt")
    if isinstance(value, int):
        if value >= 0:
            _write_head(UNSIGNED, value, out)
        else:
            _write_head(NEGATIVE, -1 - value, out)
    elif isinstance(value, str):
        text = value.encode("utf-8")
        _write_head(TEXT, len(text), out)
        out += text
    elif isinstance(value, list):
        _write_head(ARRAY, len(value), out)
        for item in value:
            _encode_into(item, out)
    else:
        raise CborError(f"{type(value).__name__} ist kein Wert, den Pagefind schreibt")


def _write_head(major: int, argument: int, out: bytearray) -> None:
    """The shortest head for ``argument``, as minicbor writes it."""
    if argument < 24:
        out.append(major << 5 | argument)
        return
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            out.append(major << 5 | info)
            out += argument.to_bytes(size, "big")
            return
    raise CborError(f"{argument} passt nicht in 64 Bit")
