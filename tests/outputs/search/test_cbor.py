"""The CBOR subset Pagefind writes: RFC 8949's examples, rejected input, and Pagefind's own files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from generator.outputs.search import cbor
from generator.outputs.search import pagefind as search
from generator.outputs.search.pagefind import BUNDLE_DIR, index_site

RFC_EXAMPLES = [  # RFC 8949, appendix A
    (0, "00"),
    (23, "17"),
    (24, "1818"),
    (100, "1864"),
    (1000, "1903e8"),
    (1000000, "1a000f4240"),
    (1000000000000, "1b000000e8d4a51000"),
    (18446744073709551615, "1bffffffffffffffff"),
    (-1, "20"),
    (-100, "3863"),
    (-1000, "3903e7"),
    ("", "60"),
    ("a", "6161"),
    ("\u00fc", "62c3bc"),
    ("\u6c34", "63e6b0b4"),
    ([], "80"),
    ([1, [2, 3], [4, 5]], "8301820203820405"),
    (list(range(1, 26)), "98190102030405060708090a0b0c0d0e0f101112131415161718181819"),
]


@pytest.mark.parametrize(("value", "hex_bytes"), RFC_EXAMPLES)
def test_rfc_examples_both_ways(value: cbor.Value, hex_bytes: str) -> None:
    assert cbor.encode(value) == bytes.fromhex(hex_bytes)
    assert cbor.decode(bytes.fromhex(hex_bytes)) == value


@pytest.mark.parametrize(
    ("hex_bytes", "message"),
    [
        ("a0", "Byte 0: CBOR-Typ 5 kommt bei Pagefind nicht vor"),  # a map
        ("8240", "Byte 1: CBOR-Typ 2 kommt bei Pagefind nicht vor"),  # a byte string
        ("9f01ff", "Byte 0: Längenangabe 31 kommt bei Pagefind nicht vor"),  # indefinite array
        ("0102", "nach dem Wert folgen noch 1 Byte"),
        ("8301", "die Daten enden vorzeitig"),
        ("19ff", "die Daten enden vorzeitig"),
        ("6561", "der Text ab Byte 0 reicht über das Ende hinaus"),
        ("8162ff00", "der Text ab Byte 1 ist kein UTF-8"),
    ],
)
def test_anything_else_is_a_clear_error(hex_bytes: str, message: str) -> None:
    with pytest.raises(cbor.CborError) as error:
        cbor.decode(bytes.fromhex(hex_bytes))
    assert str(error.value) == message


def test_only_pagefinds_kinds_are_encoded() -> None:
    with pytest.raises(cbor.CborError, match="True ist kein Wert"):
        cbor.encode([True])
    with pytest.raises(cbor.CborError, match="float ist kein Wert"):
        cbor.encode(1.5)  # type: ignore[arg-type]
    with pytest.raises(cbor.CborError, match="passt nicht in 64 Bit"):
        cbor.encode(1 << 64)


def test_every_file_pagefind_writes_comes_back_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "canonicalise_bundle", lambda bundle: None)  # Pagefind's own files
    for number, kind in enumerate(["Verein", "Ort", "Verein", "Seite"]):
        page = tmp_path / "vereine" / f"v{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<!doctype html><html lang="de"><body><h1>Verein {number}</h1>'
            f'<div data-pagefind-body data-pagefind-filter="Typ:{kind}" data-pagefind-sort="rang:{9 - number}">'
            f"<p>Gärten und Wiesen, Nummer {number}</p></div></body></html>",
            encoding="utf-8",
        )
    index_site(tmp_path)
    bundle = tmp_path / BUNDLE_DIR
    files = [*bundle.glob("*.pf_meta"), *bundle.glob("index/*.pf_index"), *bundle.glob("filter/*.pf_filter")]
    assert {file.suffix for file in files} == {".pf_meta", ".pf_index", ".pf_filter"}
    for file in files:
        data = gzip.decompress(file.read_bytes()).removeprefix(b"pagefind_dcd")
        assert cbor.encode(cbor.decode(data)) == data, file.name
