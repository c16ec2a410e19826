"""Pagefind runs on the built site: indexes only marked page bodies, fails loudly."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from generator.outputs.search import pagefind as search
from generator.outputs.search.pagefind import BUNDLE_DIR, SearchIndexError, index_site

PAGE = """<!doctype html><html lang="de"><head><title>{title}</title></head><body>
<h1>{title}</h1><div class="eg-page" {attributes}><p>{text}</p></div></body></html>"""


def write_page(site: Path, path: str, title: str, text: str, attributes: str = "") -> None:
    file = site / path / "index.html"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(PAGE.format(title=title, text=text, attributes=attributes), encoding="utf-8")


def test_indexes_marked_german_pages_only(tmp_path: Path) -> None:
    write_page(tmp_path, "vereine/kgv", "KGV", "Unsere Gärten", 'data-pagefind-body data-pagefind-filter="Typ:Verein"')
    write_page(tmp_path, "vereine", "Vereine", "Liste aller Gärten")
    index_site(tmp_path)
    entry = json.loads((tmp_path / BUNDLE_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["de"]["page_count"] == 1
    assert (tmp_path / BUNDLE_DIR / "pagefind.js").is_file()
    assert not (tmp_path / BUNDLE_DIR / "pagefind-ui.js").exists()  # the search page uses the JavaScript API


def test_search_input_keeps_what_pagefind_reads(tmp_path: Path) -> None:
    frame = '<!doctype html><html lang="de" class="no-js"><head><title>T</title></head><body><nav>Menü</nav>'
    body = '<div class="eg-page" data-pagefind-body data-pagefind-filter="Typ:Verein"><p>Gärten</p></div>'
    page = f"{frame}<article><h1>KGV</h1>{body}</article><footer>Impressum</footer></body></html>"
    trimmed = search.search_document(page)
    assert trimmed == f'<!doctype html><html lang="de" class="no-js"><body><h1>KGV</h1>{body}</body></html>'
    own_heading = f"{frame}<article>{body.replace('<p>', '<h1>KGV</h1><p>')}</article></body></html>"
    assert (
        search.search_document(own_heading)
        == f'<!doctype html><html lang="de" class="no-js"><body>{body.replace("<p>", "<h1>KGV</h1><p>")}</body></html>'
    )
    assert search.search_document(page.replace("data-pagefind-body", "data-pagefind-ignore")) is None
    unusual = page.replace("</article>", "")
    assert search.search_document(unusual) == unusual  # another shape: Pagefind gets the whole page

    source = tmp_path / "input" / "vereine" / "kgv"
    source.mkdir(parents=True)
    (source / "index.html").write_text(trimmed, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    search.start_index(site, tmp_path / "input").wait()
    entry = json.loads((site / BUNDLE_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["de"]["page_count"] == 1


def test_missing_binary_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "get_executable", lambda: None)
    with pytest.raises(SearchIndexError, match="Pagefind fehlt"):
        index_site(tmp_path)


def test_failing_pagefind_is_reported_with_its_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: kaputt' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(search, "get_executable", lambda: fake)
    with pytest.raises(SearchIndexError, match=r"(?s)Status 3.*Error: kaputt"):
        index_site(tmp_path)


def test_start_index_runs_while_other_files_are_written(tmp_path: Path) -> None:
    write_page(tmp_path, "vereine/kgv", "KGV", "Unsere Gärten", 'data-pagefind-body data-pagefind-filter="Typ:Verein"')
    with search.start_index(tmp_path):
        # a poster is written meanwhile; it is no indexed page kind, so Pagefind never reads it
        write_page(tmp_path, "veranstaltungen/fest/aushang", "Aushang", "Gärten", "data-pagefind-body")
    entry = json.loads((tmp_path / BUNDLE_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["de"]["page_count"] == 1
    assert not (tmp_path / BUNDLE_DIR / "pagefind-modular-ui.js").exists()


def test_a_failure_elsewhere_stops_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = tmp_path / "pagefind"
    slow.write_text("#!/bin/sh\nexec sleep 60\n", encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setattr(search, "get_executable", lambda: slow)
    started = time.monotonic()
    with pytest.raises(KeyError), search.start_index(tmp_path) as run:
        raise KeyError("Kalender")
    assert time.monotonic() - started < 30
    assert run._process.poll() is not None


def test_failing_pagefind_is_reported_when_the_block_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: kaputt' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(search, "get_executable", lambda: fake)
    with pytest.raises(SearchIndexError, match=r"(?s)Status 3.*Error: kaputt"), search.start_index(tmp_path):
        pass
