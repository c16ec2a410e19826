"""Pictures in the built sample: every <img> of every page is complete and every file it names exists.

The issue's bar ("Done when"): each ``<img>`` has ``alt``, ``width`` and ``height``, and a ``srcset``
whose files are in the site. Vector images (the QR codes, SVG) fit every size with one file and
need no srcset; their ``src`` must exist all the same. A thumbnail beside a link that names the same
thing (club directory, start page) has ``alt=""`` on purpose; every other picture says what it shows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from PIL import Image

from generator.derive.pictures import PICTURE_FOLDER

EMPTY_ALT_ALLOWED = "eg-thumb"
"""The class of the figure around a list thumbnail (the only place an empty alt is right)."""


@dataclass
class Img:
    attrs: dict[str, str | None]
    figure_classes: str
    sources: list[str] = field(default_factory=list)
    """srcset values of the <source> elements of its <picture>."""


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[Img] = []
        self._figures: list[str] = []
        self._sources: list[str] = []
        self.meta: dict[str, str] = {}
        self._in_jsonld = False
        self.jsonld: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "figure":
            self._figures.append(values.get("class") or "")
        elif tag == "picture":
            self._sources = []
        elif tag == "source" and values.get("srcset"):
            self._sources.append(values["srcset"] or "")
        elif tag == "img":
            self.images.append(Img(values, " ".join(self._figures), list(self._sources)))
        elif tag == "meta" and (values.get("property") or "").startswith("og:"):
            self.meta[values["property"] or ""] = values.get("content") or ""
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure" and self._figures:
            self._figures.pop()
        elif tag == "picture":
            self._sources = []
        elif tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld.append(data)


def parse(page: Path) -> _Images:
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def site_file(site: Path, page: Path, url: str) -> Path:
    """The file a URL on ``page`` points at (relative or site-absolute, as the pages write them)."""
    page_url = "/" + page.relative_to(site).as_posix()
    path = unquote(urlsplit(urljoin(page_url, url)).path)
    return site / path.lstrip("/")


def srcset_urls(srcset: str) -> list[tuple[str, str]]:
    return [tuple(part.strip().rsplit(" ", 1)) for part in srcset.split(",")]  # type: ignore[misc]


def test_every_img_of_every_page_is_complete_and_its_files_exist(sample_site: Path):
    pages = sorted(sample_site.rglob("*.html"))
    problems: list[str] = []
    pictures = 0
    for page in pages:
        for img in parse(page).images:
            where = f"{page.relative_to(sample_site)}: <img src={img.attrs.get('src')}>"
            alt = img.attrs.get("alt")
            if alt is None:
                problems.append(f"{where} ohne alt")
            elif not alt.strip() and EMPTY_ALT_ALLOWED not in img.figure_classes:
                problems.append(f"{where} mit leerem alt außerhalb eines Vorschaubilds")
            for attribute in ("width", "height"):
                if not (img.attrs.get(attribute) or "").isdigit():
                    problems.append(f"{where} ohne {attribute}")
            src = img.attrs.get("src") or ""
            urls = [src] + [url for srcset in img.sources for url, _ in srcset_urls(srcset)]
            if not src.endswith(".svg"):
                pictures += 1
                if not img.attrs.get("srcset"):
                    problems.append(f"{where} ohne srcset")
                else:
                    urls += [url for url, _ in srcset_urls(img.attrs["srcset"] or "")]
            problems += [f"{where}: {url} fehlt" for url in urls if not site_file(sample_site, page, url).is_file()]
    assert pictures > 8, "the sample shows its pictures on several pages"
    assert not problems, "\n".join(problems[:20])


def test_srcset_widths_are_the_files_widths(sample_site: Path):
    """``360w`` must be a file 360 pixels wide, or the browser picks the wrong one."""
    page = sample_site / "veranstaltungen" / "weihnachtsmarkt-2026" / "index.html"
    (img,) = [img for img in parse(page).images if "eg-picture" in img.figure_classes]
    for srcset in [img.attrs["srcset"] or "", *img.sources]:
        for url, width in srcset_urls(srcset):
            with Image.open(site_file(sample_site, page, url)) as picture:
                assert f"{picture.width}w" == width, url
                assert abs(picture.height / picture.width - 2000 / 3000) < 0.01, url  # the sample is 3:2
    assert (img.attrs["width"], img.attrs["height"]) == ("3000", "2000")


def test_the_first_picture_in_view_is_fetched_at_once_and_no_other(sample_site: Path):
    for path in ("vereine/heimatverein-herzberg/index.html", "index.html"):
        images = [img for img in parse(sample_site / path).images if not (img.attrs.get("src") or "").endswith(".svg")]
        eager = [img for img in images if img.attrs.get("loading") != "lazy"]
        assert len(eager) == 1, path
        assert eager[0].attrs.get("fetchpriority") == "high", path
    event = parse(sample_site / "veranstaltungen" / "weihnachtsmarkt-2026" / "index.html")
    # below the facts and the buttons: not in view on a phone when the page opens
    assert all(img.attrs.get("loading") == "lazy" for img in event.images)


def test_the_credit_is_shown_with_the_picture(sample_site: Path):
    for path, figure in (
        ("vereine/heimatverein-herzberg/index.html", "eg-picture--compact"),
        ("veranstaltungen/weihnachtsmarkt-2026/index.html", "eg-picture--wide"),
    ):
        html = (sample_site / path).read_text(encoding="utf-8")
        shown = re.search(rf'<figure class="eg-picture {figure}".*?<figcaption>(.*?)</figcaption></figure>', html)
        assert shown is not None, path
        assert shown.group(1) == "Zeichnung: engagiert-Beispieldaten", path  # names its kind: no „Bild:“
    directory = (sample_site / "vereine" / "index.html").read_text(encoding="utf-8")
    assert directory.count('<span class="eg-item__credit">Zeichnung: engagiert-Beispieldaten</span>') >= 4


def test_og_image_and_json_ld_name_the_1200_px_jpeg_with_its_size_and_alt(sample_site: Path):
    page = sample_site / "veranstaltungen" / "weihnachtsmarkt-2026" / "index.html"
    parsed = parse(page)
    og = parsed.meta
    assert og["og:image"].startswith("https://") and f"/{PICTURE_FOLDER}/" in og["og:image"]
    local = sample_site / urlsplit(og["og:image"]).path.lstrip("/")
    with Image.open(local) as picture:
        assert picture.format == "JPEG"
        assert (str(picture.width), str(picture.height)) == (og["og:image:width"], og["og:image:height"])
    assert og["og:image:alt"].startswith("Zeichnung: der Marktplatz am Abend")
    (jsonld,) = [json.loads(text) for text in parsed.jsonld]
    assert jsonld["image"] == og["og:image"]
    club = parse(sample_site / "vereine" / "heimatverein-herzberg" / "index.html")
    (organization,) = [json.loads(text) for text in club.jsonld]
    assert organization["image"] == club.meta["og:image"]
    assert "og:image" not in parse(sample_site / "vereine" / "ff-borken" / "index.html").meta  # no picture, no tag


def test_the_poster_prints_the_picture_from_the_large_jpeg(sample_site: Path):
    poster = sample_site / "veranstaltungen" / "weihnachtsmarkt-2026" / "aushang" / "index.html"
    (img,) = [img for img in parse(poster).images if not (img.attrs.get("src") or "").endswith(".svg")]
    with Image.open(site_file(sample_site, poster, img.attrs["src"] or "")) as picture:
        assert picture.format == "JPEG" and picture.width >= 1000
    assert "Zeichnung: engagiert-Beispieldaten" in poster.read_text(encoding="utf-8")
