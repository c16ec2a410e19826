"""sitemap.xml and sitemap.xml.gz (outputs/frame/sitemap.py)."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

from generator.outputs.frame.sitemap import sitemap_files, sitemap_xml

SITE = "https://engagiert.example.org/"
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_every_page_once_sorted_with_the_build_date() -> None:
    xml = sitemap_xml(SITE, ["vereine/", "", "orte/markt/"], date(2026, 12, 1))
    root = ET.fromstring(xml)
    assert [url.findtext(f"{NS}loc") for url in root] == [SITE, SITE + "orte/markt/", SITE + "vereine/"]
    assert {url.findtext(f"{NS}lastmod") for url in root} == {"2026-12-01"}
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n') and xml.endswith("</urlset>\n")
    assert "  <url>" not in xml  # no indentation


def test_addresses_are_escaped() -> None:
    xml = sitemap_xml("https://x.example/?a=1&b=<2>/", ["seite/"], date(2026, 12, 1))
    assert "<loc>https://x.example/?a=1&amp;b=&lt;2&gt;/seite/</loc>" in xml
    assert ET.fromstring(xml)[0].findtext(f"{NS}loc") == "https://x.example/?a=1&b=<2>/seite/"


def test_gzip_carries_the_build_date_so_equal_builds_give_equal_bytes() -> None:
    one = dict(sitemap_files(SITE, ["a/", "b/"], date(2026, 12, 1)))
    two = dict(sitemap_files(SITE, ["a/", "b/"], date(2026, 12, 1)))
    assert sorted(one) == ["sitemap.xml", "sitemap.xml.gz"]
    packed = one["sitemap.xml.gz"]
    assert packed == two["sitemap.xml.gz"]
    assert gzip.decompress(packed) == one["sitemap.xml"]
    mtime = int.from_bytes(packed[4:8], "little")  # RFC 1952: MTIME, seconds since the epoch
    assert mtime == int(datetime(2026, 12, 1, tzinfo=UTC).timestamp())
    assert dict(sitemap_files(SITE, ["a/", "b/"], date(2026, 12, 2)))["sitemap.xml.gz"] != packed
