"""sitemap.xml (and .gz) listing every page; MkDocs only knows the pages it built itself.

Same content as MkDocs' own sitemap (location and build date per page), without its
indentation; the gzip header carries the build date, so equal builds give equal bytes.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from xml.sax.saxutils import escape


def sitemap_xml(site_url: str, page_urls: Iterable[str], built: date) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lastmod = built.isoformat()
    for url in sorted(page_urls):
        lines.append(f"<url><loc>{escape(site_url + url)}</loc><lastmod>{lastmod}</lastmod></url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def sitemap_files(site_url: str, page_urls: Iterable[str], built: date) -> list[tuple[str, bytes]]:
    """``sitemap.xml`` and ``sitemap.xml.gz`` (site-relative path, bytes)."""
    data = sitemap_xml(site_url, page_urls, built).encode("utf-8")
    buffer = io.BytesIO()
    stamp = int(datetime.combine(built, time(), tzinfo=UTC).timestamp())
    with gzip.GzipFile(filename="sitemap.xml.gz", mode="wb", fileobj=buffer, mtime=stamp) as archive:
        archive.write(data)
    return [("sitemap.xml", data), ("sitemap.xml.gz", buffer.getvalue())]
