"""End-to-end: build the bundled Herzberg portal with the real CLI.

The read-only checks look at the run's shared build (`sample_site` in tests/conftest.py).
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from sample_build import TODAY

from generator import urls
from generator.cli import main
from generator.content import load_site
from generator.outputs.hyphenation import without_soft_hyphens
from generator.outputs.markdown import render_markdown
from generator.outputs.minify import compact_html
from generator.outputs.pages import search_meta
from generator.outputs.search import pagefind as search
from generator.project import Project

ROOT = Path(__file__).resolve().parent.parent


def test_sample_content_validates(capsys):
    assert main(["--root", str(ROOT), "validate"]) == 0
    assert "Alles in Ordnung" in capsys.readouterr().out


def test_build_writes_a_material_site_with_every_record(sample_site):
    assert (sample_site / "index.html").is_file()
    assert (sample_site / "sitemap.xml").is_file()
    for kind, folder in (("clubs", "vereine"), ("events", "veranstaltungen"), ("venues", "orte")):
        for path in (ROOT / "content" / kind).rglob("*.yml"):
            assert (sample_site / folder / path.stem / "index.html").is_file(), path
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in home
    assert "md-header" in home  # the Material theme wrapped our page


def test_built_pages_load_nothing_from_other_hosts(sample_site):
    for page in sample_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        for attribute in ('src="http', "src='http", '<link rel="stylesheet" href="http'):
            assert attribute not in html, (page, attribute)


def test_search_index_from_trimmed_pages_equals_one_from_the_site(sample_site, tmp_path):
    """The build gives Pagefind trimmed copies of the indexed pages (`search.SearchInput`); `serve`
    lets it read only ``search.INDEXED_PAGES``. An unrestricted run over the built site indexes the same."""
    unrestricted, site = tmp_path / "pagefind", tmp_path / "site"
    for page in sample_site.rglob("*.html"):  # as Pagefind gets them: without soft hyphens (search_document)
        copy = site / page.relative_to(sample_site)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(without_soft_hyphens(page.read_text(encoding="utf-8")), encoding="utf-8")
    command = [str(search._executable()), "--site", str(site), "--output-path", str(unrestricted), "--silent"]
    subprocess.run(command, check=True, capture_output=True)
    bundle = sample_site / search.BUNDLE_DIR
    for part in ("fragment", "index"):  # file names are content hashes: same names, same search
        assert _names(bundle / part) == _names(unrestricted / part), part
    kinds = {kind for fragment in (bundle / "fragment").iterdir() for kind in _fragment(fragment)["filters"]["Typ"]}
    assert kinds == {"Verein", "Veranstaltung", "Ort", "Mitmachen", "Seite"}, "Voraussetzung: jede Art im Beispiel"
    read = _pages(sample_site, search.INDEXED_PAGES)
    never_read = _pages(sample_site, (urls.poster("*"), urls.widget_club("*")))
    assert never_read and not never_read & read
    for page in read:  # finished (compacted) before Pagefind starts, nothing touches them meanwhile
        html = page.read_text(encoding="utf-8")
        assert compact_html(html) == html, page


def test_search_index_holds_descriptions_as_text_and_facts_as_ranked_metadata(sample_site):
    """Snippets come from a record's text only (no "Veranstalter … Thema … Für wen …" labels, no
    lists of other records' dates); every metadata field the pages set has its weight in the
    search page's ranking (`search_meta.META_WEIGHTS`), and every record has its result line."""
    fragments = [_fragment(path) for path in (sample_site / search.BUNDLE_DIR / "fragment").iterdir()]
    fields = {field for fragment in fragments for field in fragment["meta"]}
    assert fields <= set(search_meta.META_WEIGHTS), sorted(fields - set(search_meta.META_WEIGHTS))
    assert {"verein", "wo", "veranstalter", "bereich", "zeile"} <= fields
    site, report = load_site(Project(ROOT))
    assert site is not None, report
    kinds = {"vereine": site.clubs, "veranstaltungen": site.events, "orte": site.venues}
    kinds["mitmachen"] = site.opportunities
    records = [f for f in fragments if f["url"].split("/")[1] in kinds]
    assert len(records) > 200
    for fragment in records:
        section, record_id = fragment["url"].strip("/").split("/")
        description = kinds[section][record_id].data.description
        text = html.unescape(re.sub(r"<[^>]+>", " ", str(render_markdown(description))))
        assert _words(fragment["content"]) == _words(text), fragment["url"]
        assert fragment["meta"]["zeile"], fragment["url"]
    club = next(f for f in fragments if f["url"] == "/" + urls.club("ff-borken"))
    assert club["meta"]["verein"] == club["meta"]["title"] == "Freiwillige Feuerwehr Borken"
    assert club["meta"]["zeile"] == "Borken · Feuerwehr und Katastrophenschutz"
    assert "Ortswehr Borken" in club["content"] and "Dienstabend" not in club["content"]


def test_search_results_know_nothing_of_the_qr_codes(sample_site):
    """The QR code's alt text ("QR-Code mit der Adresse dieser Seite: https://…") is on every record
    page; indexed, it made "Herzberg" or "Seite" match all of them and bloated every fragment."""
    fragments = [_fragment(path) for path in (sample_site / search.BUNDLE_DIR / "fragment").iterdir()]
    assert fragments
    for fragment in fragments:
        assert "QR-Code" not in fragment["content"] + json.dumps(fragment["meta"]), fragment["url"]


def test_indexed_labels_and_values_stay_apart(sample_site):
    """Pagefind joins adjacent <dt>/<dd> without a space: "Für wen</dt><dd>Familien" became the
    word "wenfamilien", and "Familien" did not find the page."""
    for page in _pages(sample_site, search.INDEXED_PAGES):
        assert not re.search(r"</d[dt]><d[dt][\s>]", page.read_text(encoding="utf-8")), page


def _pages(site: Path, patterns: tuple[str, ...]) -> set[Path]:
    return {page for url in patterns for page in site.glob(f"{url}index.html")}


def _names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _fragment(path: Path) -> dict:
    return json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))


def test_contributor_markup_never_reaches_the_page(tmp_path, markup_unchecked):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "build", "site", "node_modules"))
    club = project / "content" / "clubs" / "heimatverein-herzberg.yml"
    text = club.read_text(encoding="utf-8")
    text = text.replace(
        "description: |\n",
        "description: |\n  <script>alert(1)</script> [klick](javascript:alert(2)) <img src=x onerror=alert(3)>\n",
        1,
    )
    club.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    assert main(["--root", str(project), "build", "--out", str(out), "--today", TODAY]) == 0
    html = (out / "vereine" / "heimatverein-herzberg" / "index.html").read_text(encoding="utf-8")
    json_ld = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert json_ld and all("</" not in block for block in json_ld)  # plain text, escaped for <script>
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.DOTALL)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html
    assert 'href="javascript:' not in html
    assert "<img src=x" not in html


def test_failed_build_leaves_the_previous_site_untouched(tmp_path, capsys, sample_site):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "build", "site", "node_modules"))
    out = tmp_path / "site"
    shutil.copytree(sample_site, out)  # the previous build of this very project
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    (project / "content" / "events" / "kaputt.yml").write_text("title: Kaputt\nstart: morgen\n", encoding="utf-8")
    assert main(["--root", str(project), "build", "--out", str(out), "--today", TODAY]) == 1
    err = capsys.readouterr().err
    assert "content/events/kaputt.yml:2:8: start:" in err
    assert "bisherige Fassung bleibt unverändert" in err
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert not (out / "veranstaltungen" / "kaputt").exists()


def test_contributor_text_cannot_break_out_of_head_attributes(tmp_path, markup_unchecked):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "build", "site", "node_modules"))
    club = project / "content" / "clubs" / "heimatverein-herzberg.yml"
    text = club.read_text(encoding="utf-8")
    text = text.replace("description: |\n", 'description: |\n  Zitat: "> <b onmouseover=alert(1)>x</b>\n', 1)
    club.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    assert main(["--root", str(project), "build", "--out", str(out), "--today", TODAY]) == 0
    html = (out / "vereine" / "heimatverein-herzberg" / "index.html").read_text(encoding="utf-8")
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.DOTALL)
    head = html.split("</head>")[0]
    assert '<meta name="description" content="Zitat: &#34;&gt; &lt;b onmouseover' in head
    assert "<b onmouseover" not in html


_TEL_LINK = re.compile(r'<a href="tel:([+0-9]+)">([^<]*)</a>')
_UNLINKED_PHONE = re.compile(r"Telefon[^<\d]{0,30}[+0(]\d[\d /()-]{4,}")


def test_every_phone_number_on_the_portal_can_be_tapped(sample_site: Path) -> None:
    """Contact point, clubs, calls, venues, legal pages and editorial texts: after "Telefon" comes a
    `tel:` link that dials exactly the digits shown (notices and programmes are for paper)."""
    pages = [p for p in sample_site.rglob("index.html") if not {"aushang", "programm", "widget"} & set(p.parts)]
    linked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for dialled, shown in _TEL_LINK.findall(html):
            assert dialled == ("+" if shown.startswith("+") else "") + re.sub(r"\D", "", shown), (page, shown)
            linked += 1
        unlinked = _UNLINKED_PHONE.findall(_TEL_LINK.sub("", html))
        assert unlinked == [], (page.relative_to(sample_site).as_posix(), unlinked)
    assert linked > 50
