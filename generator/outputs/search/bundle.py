"""Make Pagefind's bundle the same bytes on every run: canonical filter files and the files naming them.

Pagefind 1.5 collects filter values in hash maps with a random seed, so the order of the values in
a filter file, the order of the filters and sort orders in the meta file — and with them the
files' hash names — change from run to run (its source: "TODO: Change filter indexes to BTree to
give them a stable hash"). The search reads these lists into maps, so their order carries no
meaning. `canonicalise_bundle` rewrites, for each language in ``pagefind-entry.json``:

- each filter file with its values sorted by value (each value's page numbers ascending), named
  ``filter/<language>_<hash>.pf_filter``;
- the meta file with its filters and sort orders sorted by name and the filters' new names, named
  ``pagefind.<language>_<hash>.pf_meta``;
- ``pagefind-entry.json`` with the languages sorted and the meta files' new names.

Pagefind's files are gzip of the signature ``pagefind_dcd`` followed by CBOR (`cbor`); the
rewritten ones are gzip at level 9 with mtime 0, as sitemap.xml.gz. Names follow Pagefind's rule:
the language, ``_`` and the start of Pagefind's hex SHA-1 of the CBOR (`pagefind_hash`) — 7 hex
digits for a filter, the language's length + 8 for a meta file; a filter whose name another
filter of the language already has takes one digit more. Index chunks and fragments are named and
written deterministically by Pagefind and stay untouched.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from generator.outputs.search import cbor

SIGNATURE = b"pagefind_dcd"
ENTRY_FILE = "pagefind-entry.json"
FILTER_HASH_DIGITS = 7
META_FILTERS, META_SORTS = 3, 4
"""Positions of the filter list and of the sort orders in the meta file's top-level array."""


class BundleFormatError(ValueError):
    """A file of the bundle is not what Pagefind 1.5 writes (the German message names the file)."""


def canonicalise_bundle(bundle: Path) -> None:
    """Rewrite the filter files, meta files and entry of the Pagefind bundle ``bundle`` canonically.

    The files Pagefind wrote under other names are removed once the new entry is written.
    """
    entry = _read_entry(bundle)
    languages: dict[str, dict[str, Any]] = entry["languages"]
    old_files: list[str] = []
    new_files: set[str] = set()
    for language in sorted(languages):
        old_meta = _meta_file(languages[language]["hash"])
        meta = read_record(bundle, old_meta)
        if not (isinstance(meta, list) and len(meta) > META_SORTS):
            raise BundleFormatError(f"{bundle.name}/{old_meta} hat nicht die Form der Metadaten von Pagefind 1.5.")
        filters = []
        taken: set[str] = set()
        for name, old_hash in sorted(_pairs(meta[META_FILTERS], bundle, old_meta), key=lambda pair: pair[0]):
            old_filter = _filter_file(old_hash)
            record = cbor.encode(_canonical_filter(read_record(bundle, old_filter), bundle, old_filter))
            new_hash = _content_name(language, record, FILTER_HASH_DIGITS, taken)
            taken.add(new_hash)
            new_files.add(_write_record(bundle, _filter_file(new_hash), record))
            old_files.append(old_filter)
            filters.append([name, new_hash])
        meta[META_FILTERS] = filters
        meta[META_SORTS] = sorted(_pairs(meta[META_SORTS], bundle, old_meta), key=lambda sort: sort[0])
        meta_data = cbor.encode(meta)
        meta_hash = _content_name(language, meta_data, len(language) + 8)
        new_files.add(_write_record(bundle, _meta_file(meta_hash), meta_data))
        old_files.append(old_meta)
        languages[language]["hash"] = meta_hash
    entry["languages"] = {language: languages[language] for language in sorted(languages)}
    (bundle / ENTRY_FILE).write_bytes(json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    for name in old_files:
        if name not in new_files:
            (bundle / name).unlink(missing_ok=True)


def pagefind_hash(data: bytes) -> str:
    """Pagefind's ``full_hash``: the SHA-1 digest, each byte in lower-case hex without leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def read_record(bundle: Path, name: str) -> cbor.Value:
    """The CBOR value in the Pagefind file ``name`` of ``bundle`` (gzip of the signature and CBOR)."""
    shown = f"{bundle.name}/{name}"
    try:
        data = gzip.decompress((bundle / name).read_bytes())
    except FileNotFoundError as exc:
        raise BundleFormatError(f"{shown} fehlt.") from exc
    except (OSError, EOFError) as exc:
        raise BundleFormatError(f"{shown} ist keine gzip-Datei ({exc}).") from exc
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{shown} beginnt nicht mit der Kennung „pagefind_dcd“.")
    try:
        return cbor.decode(data[len(SIGNATURE) :])
    except cbor.CborError as exc:
        raise BundleFormatError(f"{shown} ist nicht lesbar: {exc}.") from exc


def _meta_file(hash_name: str) -> str:
    return f"pagefind.{hash_name}.pf_meta"


def _filter_file(hash_name: str) -> str:
    return f"filter/{hash_name}.pf_filter"


def _write_record(bundle: Path, name: str, record: bytes) -> str:
    """Write the CBOR ``record`` as Pagefind file ``name``: gzip at Pagefind's level, no time stamp."""
    (bundle / name).write_bytes(gzip.compress(SIGNATURE + record, compresslevel=9, mtime=0))
    return name


def _content_name(language: str, record: bytes, digits: int, taken: AbstractSet[str] = frozenset()) -> str:
    """``<language>_`` and the first ``digits`` of the CBOR ``record``'s hash, more while the name is ``taken``."""
    digest = pagefind_hash(record)
    name = f"{language}_{digest[:digits]}"
    while name in taken and digits < len(digest):
        digits += 1
        name = f"{language}_{digest[:digits]}"
    return name


def _canonical_filter(record: cbor.Value, bundle: Path, name: str) -> list[cbor.Value]:
    """``[filter, [[value, pages], …]]`` with the values sorted and each value's pages ascending."""
    if not (isinstance(record, list) and len(record) == 2 and isinstance(record[0], str)):
        raise BundleFormatError(f"{bundle.name}/{name} hat nicht die Form eines Filters von Pagefind 1.5.")
    values: list[cbor.Value] = []
    for value, pages in sorted(_pairs(record[1], bundle, name), key=lambda pair: pair[0]):
        if not (isinstance(pages, list) and all(isinstance(page, int) and page >= 0 for page in pages)):
            raise BundleFormatError(f"{bundle.name}/{name}: Der Filterwert „{value}“ nennt keine Seitennummern.")
        values.append([value, sorted(pages)])
    return [record[0], values]


def _pairs(value: cbor.Value, bundle: Path, name: str) -> list[list[cbor.Value]]:
    """``value`` as a list of ``[text, anything]`` pairs (filters, sort orders, filter values)."""
    if isinstance(value, list) and all(
        isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) for pair in value
    ):
        return value  # type: ignore[return-value]
    raise BundleFormatError(f"{bundle.name}/{name} hat nicht die Form, die Pagefind 1.5 schreibt.")


def _read_entry(bundle: Path) -> dict[str, Any]:
    shown = f"{bundle.name}/{ENTRY_FILE}"
    try:
        entry = json.loads((bundle / ENTRY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BundleFormatError(f"{shown} ist nicht lesbar: {exc}.") from exc
    languages = entry.get("languages") if isinstance(entry, dict) else None
    if not (
        isinstance(languages, dict)
        and all(isinstance(info, dict) and isinstance(info.get("hash"), str) for info in languages.values())
    ):
        raise BundleFormatError(f"{shown} nennt die Sprachen nicht, wie Pagefind 1.5 es tut.")
    return entry
