"""Pagefind's bundle made canonical: the same content gives the same files, names and bytes."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from generator.outputs.search import cbor
from generator.outputs.search import pagefind as search
from generator.outputs.search.bundle import BundleFormatError, canonicalise_bundle, pagefind_hash, read_record
from generator.outputs.search.pagefind import BUNDLE_DIR, SearchIndexError, index_site

Filters = dict[str, list[tuple[str, list[int]]]]
FILTERS: Filters = {
    "Typ": [("Verein", [3, 0]), ("Ort", [1]), ("Veranstaltung", [2, 4])],
    "Ortsteil": [("Süd", [0, 2]), ("Nord", [1])],
}
SORTS = [["rang", [2, 0, 1, 4, 3]], ["datum", [4, 3, 2, 1, 0]]]


def write_record(path: Path, value: cbor.Value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(b"pagefind_dcd" + cbor.encode(value)))


def make_bundle(site: Path, filters: Filters, sorts: list[cbor.Value], run: str) -> Path:
    """A bundle as Pagefind 1.5 writes it, the lists in the order given; ``run`` varies the names."""
    bundle = site / BUNDLE_DIR
    named = []
    for number, (name, values) in enumerate(filters.items()):
        hash_name = f"de_{run}{number}"
        write_record(bundle / "filter" / f"{hash_name}.pf_filter", [name, [[value, pages] for value, pages in values]])
        named.append([name, hash_name])
    meta = ["1.5.2", [["de_p0", 10], ["de_p1", 20]], [["a", "z", "de_chunk"]], named, sorts, ["title"]]
    write_record(bundle / f"pagefind.de_meta{run}.pf_meta", meta)
    entry = {"version": "1.5.2", "languages": {"de": {"hash": f"de_meta{run}", "wasm": "de", "page_count": 5}}}
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    (bundle / "index").mkdir()
    (bundle / "index" / "de_chunk.pf_index").write_bytes(b"chunk, left alone")
    return bundle


def digests(bundle: Path) -> dict[str, str]:
    return {
        path.relative_to(bundle).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(bundle.rglob("*"))
        if path.is_file()
    }


def test_the_same_content_in_any_order_gives_the_same_bytes(tmp_path: Path) -> None:
    first = make_bundle(tmp_path / "first", FILTERS, SORTS, "a")
    shuffled = {name: [(value, pages[::-1]) for value, pages in values[::-1]] for name, values in FILTERS.items()}
    second = make_bundle(tmp_path / "second", dict(reversed(shuffled.items())), SORTS[::-1], "b")
    canonicalise_bundle(first)
    canonicalise_bundle(second)
    assert digests(first) == digests(second)


def test_filters_and_sorts_are_sorted_and_named_by_content(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path, FILTERS, SORTS, "a")
    canonicalise_bundle(bundle)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_name = f"pagefind.{entry['languages']['de']['hash']}.pf_meta"
    assert sorted(path.name for path in bundle.glob("*.pf_meta")) == [meta_name]
    meta = read_record(bundle, meta_name)
    assert isinstance(meta, list)
    meta_hash = pagefind_hash(cbor.encode(meta))
    assert entry["languages"]["de"]["hash"] == f"de_{meta_hash[:10]}"
    assert meta[:3] == ["1.5.2", [["de_p0", 10], ["de_p1", 20]], [["a", "z", "de_chunk"]]]
    assert meta[4] == [["datum", [4, 3, 2, 1, 0]], ["rang", [2, 0, 1, 4, 3]]]  # a sort's page order is its content
    assert meta[5] == ["title"]
    assert [name for name, _ in meta[3]] == ["Ortsteil", "Typ"]
    files = {name: read_record(bundle, f"filter/{hash_name}.pf_filter") for name, hash_name in meta[3]}
    assert files == {
        "Ortsteil": ["Ortsteil", [["Nord", [1]], ["Süd", [0, 2]]]],
        "Typ": ["Typ", [["Ort", [1]], ["Veranstaltung", [2, 4]], ["Verein", [0, 3]]]],
    }
    for name, hash_name in meta[3]:
        assert hash_name == f"de_{pagefind_hash(cbor.encode(files[name]))[:7]}"
    assert sorted(path.name for path in (bundle / "filter").iterdir()) == sorted(f"{h}.pf_filter" for _, h in meta[3])
    assert (bundle / "index" / "de_chunk.pf_index").read_bytes() == b"chunk, left alone"


def test_a_canonical_bundle_stays_as_it_is(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path, FILTERS, SORTS, "a")
    canonicalise_bundle(bundle)
    before = digests(bundle)
    canonicalise_bundle(bundle)
    assert digests(bundle) == before


def test_filters_whose_names_would_clash_get_a_longer_name(tmp_path: Path) -> None:
    first_seen: dict[str, str] = {}
    number = 0
    while True:  # about 16,000 tries until two filters share 7 hex digits (birthday bound of 28 bits)
        name = f"F{number}"
        prefix = pagefind_hash(cbor.encode([name, [["x", [0]]]]))[:7]
        if prefix in first_seen:
            break
        first_seen[prefix] = name
        number += 1
    clashing = {first_seen[prefix]: [("x", [0])], name: [("x", [0])]}
    bundle = make_bundle(tmp_path, clashing, [], "a")
    canonicalise_bundle(bundle)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read_record(bundle, f"pagefind.{entry['languages']['de']['hash']}.pf_meta")
    assert isinstance(meta, list)
    names = dict(meta[3])
    assert sorted(len(hash_name) for hash_name in names.values()) == [10, 11]  # "de_" and 7 or 8 digits
    for filter_name, hash_name in names.items():
        assert read_record(bundle, f"filter/{hash_name}.pf_filter") == [filter_name, [["x", [0]]]]


def test_pagefinds_naming_rule_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With one filter value and no sort, Pagefind's own output is canonical: no name changes."""
    for number in range(3):
        page = tmp_path / "vereine" / f"v{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<!doctype html><html lang="de"><body><h1>Verein {number}</h1><div data-pagefind-body '
            f'data-pagefind-filter="Typ:Verein"><p>Gärten, Nummer {number}</p></div></body></html>',
            encoding="utf-8",
        )
    monkeypatch.setattr(search, "canonicalise_bundle", lambda bundle: None)
    index_site(tmp_path)
    bundle = tmp_path / BUNDLE_DIR
    for chunk in bundle.glob("index/*.pf_index"):  # named by Pagefind with the filters' rule
        assert chunk.stem == f"de_{pagefind_hash(read_cbor(chunk))[:7]}"
    names_by_pagefind = sorted(path.relative_to(bundle).as_posix() for path in bundle.rglob("*"))
    entry_by_pagefind = (bundle / "pagefind-entry.json").read_bytes()
    canonicalise_bundle(bundle)
    assert sorted(path.relative_to(bundle).as_posix() for path in bundle.rglob("*")) == names_by_pagefind
    assert (bundle / "pagefind-entry.json").read_bytes() == entry_by_pagefind


def read_cbor(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")


def test_a_missing_filter_file_is_named(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path, FILTERS, SORTS, "a")
    (bundle / "filter" / "de_a1.pf_filter").unlink()
    with pytest.raises(BundleFormatError) as error:
        canonicalise_bundle(bundle)
    assert str(error.value) == "pagefind/filter/de_a1.pf_filter fehlt."


def test_a_file_without_signature_is_named(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path, FILTERS, SORTS, "a")
    (bundle / "filter" / "de_a0.pf_filter").write_bytes(gzip.compress(b"\x82cTyp\x80"))
    with pytest.raises(BundleFormatError) as error:
        canonicalise_bundle(bundle)
    assert str(error.value) == "pagefind/filter/de_a0.pf_filter beginnt nicht mit der Kennung „pagefind_dcd“."


def test_a_filter_of_another_shape_is_named(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path, FILTERS, SORTS, "a")
    write_record(bundle / "filter" / "de_a0.pf_filter", ["Typ", [["Ort", ["eins"]]]])
    with pytest.raises(BundleFormatError) as error:
        canonicalise_bundle(bundle)
    assert str(error.value) == "pagefind/filter/de_a0.pf_filter: Der Filterwert „Ort“ nennt keine Seitennummern."
    write_record(bundle / "filter" / "de_a0.pf_filter", ["Typ", [["Ort", [1]]], "mehr"])
    with pytest.raises(BundleFormatError) as error:
        canonicalise_bundle(bundle)
    assert str(error.value) == "pagefind/filter/de_a0.pf_filter hat nicht die Form eines Filters von Pagefind 1.5."


def test_unreadable_cbor_is_named_with_the_reason(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path, FILTERS, SORTS, "a")
    (bundle / "pagefind.de_metaa.pf_meta").write_bytes(gzip.compress(b"pagefind_dcd\xa0"))
    with pytest.raises(BundleFormatError) as error:
        canonicalise_bundle(bundle)
    assert (
        str(error.value)
        == "pagefind/pagefind.de_metaa.pf_meta ist nicht lesbar: Byte 0: CBOR-Typ 5 kommt bei Pagefind nicht vor."
    )


def test_a_broken_bundle_fails_the_index_run_in_german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "fake-pagefind"
    fake.write_text(
        '#!/bin/sh\nwhile [ "$1" != "--output-path" ]; do shift; done\nmkdir -p "$2"\n'
        'echo \'{"version":"1.5.2","languages":{"de":{"hash":"de_0123456789"}}}\' > "$2/pagefind-entry.json"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setattr(search, "get_executable", lambda: fake)
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(SearchIndexError) as error:
        index_site(site)
    assert str(error.value) == (
        "Der Suchindex von Pagefind hat ein unerwartetes Format: pagefind/pagefind.de_0123456789.pf_meta fehlt. "
        "Bitte die Abhängigkeiten neu installieren: `.venv/bin/pip install -r requirements.lock`."
    )
