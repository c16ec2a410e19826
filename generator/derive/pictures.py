"""The pictures of a build: which renditions each used picture has, and where they are published.

Templates ask ``catalog.picture(record.data.image)`` for a `Picture` — alt text, credit, the size
as shown (EXIF orientation applied) and its renditions — and write ``<picture>``/``srcset`` from
it; the build's picture stage (`build/pictures.py`) makes exactly these renditions. Originals are
never published.

Rendition URLs carry a digest of the file's bytes and of the processing settings
(``bilder/<name>-720w.webp``): a changed picture, or a changed quality setting, gets new URLs, so
browsers, caches and CDNs can never show a stale picture.

Widths by role (each capped at the original's width; a smaller original is published at its own):

- ``thumb`` 160, 320 — list thumbnails and logos shown at ~80 CSS px (160 at DPR 2, 320 at DPR 4 or
  for a 160 px logo).
- ``page`` 360, 720, 1080 — a picture across the content column: a 360 px phone at DPR 1, 2, 3
  (phones are 360–414 CSS px wide), and a ~720 px desktop column at DPR 1. A 1440 rendition for
  desktops at DPR 2 would cost a third of the processing time and disk for a barely sharper
  picture on a large screen; 1080 serves them.
- ``og`` 1200 (JPEG only) — the size messengers and search engines ask for (og:image).

Formats: WebP at every width (every browser since 2020, ~30 % smaller than JPEG at equal quality);
JPEG only where something may not take WebP: the ``<img src>`` fallback (``FALLBACK_WIDTH``), the
smallest thumbnail and og:image (mail clients, feed readers, messengers' previews).
AVIF would save another ~20 % but encodes ~10× slower; not worth a build that runs on every edit.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import features

from generator.load.picture_files import PictureError, PictureFile, probe, resolve
from generator.models.common import Image
from generator.models.site import Site

PROCESSING_VERSION = "3"
"""Bump when the processing (outputs/pictures) changes its output: every rendition gets a new URL.
The versions of Pillow and its codecs are part of every name too (`rendition_name`)."""

PICTURE_FOLDER = "bilder"
THUMB_WIDTHS = (160, 320)
PAGE_WIDTHS = (360, 720, 1080)
OG_WIDTH = 1200
FALLBACK_WIDTH = 720
"""The JPEG in ``<img src>`` where the browser takes no srcset: a phone at DPR 2 or a desktop column."""
WEBP, JPEG = "webp", "jpeg"
EXTENSIONS = {WEBP: "webp", JPEG: "jpg"}
ROLES = {"thumb": THUMB_WIDTHS, "page": PAGE_WIDTHS}

FIGURE_PX = 720
"""The widest a page picture is shown (CSS px): a picture, not a banner; 720/1080 renditions serve
it at DPR 1/1.5. Narrower screens show it across the column: the screen less ``MARGIN_PX`` each side
(Material's .8rem at its 20 px root size)."""
MARGIN_PX = 16
BOX_RATIO = 0.75
"""A page picture is at most ``BOX_RATIO`` × its widest width tall (theme/assets/portal.css,
``.eg-figure img``): a 4:3 photo fills the width, a portrait one is no taller than a 4:3 one (on a
360 px phone 185 × 246 px instead of 328 × 437), so it needs a smaller rendition — a portrait photo
has 1.8× the pixels of a landscape one of the same width. Keep `sizes` and the CSS in step."""


@dataclass(frozen=True)
class Rendition:
    format: str
    """``webp`` or ``jpeg``."""
    width: int
    height: int
    url: str
    """Site-relative, e.g. ``bilder/3f2a9c01b7de-720w.webp``."""


@dataclass(frozen=True)
class PictureSource:
    """One picture file and every rendition the build makes of it (what the picture stage needs)."""

    src: str
    """As written in ``image.src`` (relative to content/images/)."""
    path: Path
    file: PictureFile
    name: str
    """The rendition files' name: digest of the bytes and of ``PROCESSING_VERSION``."""

    @property
    def width(self) -> int:
        return self.file.width

    @property
    def height(self) -> int:
        return self.file.height

    def widths(self, role: str) -> tuple[int, ...]:
        """The widths of ``role`` up to the original's, and the original's own where it is smaller
        than the largest (unless a width of the role is within 10 % of it)."""
        candidates = (OG_WIDTH,) if role == "og" else ROLES[role]
        fitting = tuple(width for width in candidates if width <= self.width)
        if self.width < candidates[-1] and (not fitting or self.width > fitting[-1] * 1.1):
            fitting += (self.width,)  # the full detail of a smaller original (a 1000 px logo)
        return fitting

    def rendition(self, fmt: str, width: int) -> Rendition:
        height = max(1, round(self.height * width / self.width))
        return Rendition(fmt, width, height, f"{PICTURE_FOLDER}/{self.name}-{width}w.{EXTENSIONS[fmt]}")

    def renditions(self) -> list[Rendition]:
        """Every file the build publishes for this picture (no doubles)."""
        made = [self.rendition(WEBP, width) for role in ROLES for width in self.widths(role)]
        made += [self.thumb, self.fallback, self.og]
        unique = {rendition.url: rendition for rendition in made}
        return sorted(unique.values(), key=lambda r: (r.format, r.width))

    def has(self, fmt: str, width: int) -> bool:
        """Whether the build makes this rendition (WebP: every width; JPEG: thumb, fallback, og)."""
        if fmt == WEBP:
            return any(width in self.widths(role) for role in ROLES)
        return width in (self.thumb.width, self.fallback.width, self.og.width)

    @property
    def thumb(self) -> Rendition:
        """The smallest JPEG (a list thumbnail's ``src``)."""
        return self.rendition(JPEG, self.widths("thumb")[0])

    @property
    def og(self) -> Rendition:
        return self.rendition(JPEG, self.widths("og")[0])

    @property
    def fallback(self) -> Rendition:
        """The JPEG at ``FALLBACK_WIDTH`` (or the page width closest below it)."""
        page = self.widths("page")
        fitting = [width for width in page if width <= FALLBACK_WIDTH]
        return self.rendition(JPEG, max(fitting) if fitting else min(page))


@dataclass(frozen=True)
class Picture:
    """A record's picture as templates show it: ``<img alt width height srcset>`` and its credit."""

    source: PictureSource
    alt: str
    credit: str | None

    @property
    def width(self) -> int:
        """Width of the picture as shown (after its EXIF orientation); ``width``/``height``
        attributes give the aspect ratio, so the page does not jump while it loads."""
        return self.source.width

    @property
    def height(self) -> int:
        return self.source.height

    def renditions(self, fmt: str = WEBP, role: str = "page") -> list[Rendition]:
        """The renditions of ``role`` in ``fmt`` (JPEG: only those made, see `PictureSource.has`)."""
        source = self.source
        return [source.rendition(fmt, width) for width in source.widths(role) if source.has(fmt, width)]

    def srcset(self, fmt: str = WEBP, role: str = "page", link: Callable[[str], str] = str) -> str:
        """``url 360w, url 720w, …`` for ``<source type="image/webp" srcset>``; ``link`` makes each
        URL relative to the page (e.g. the view's ``link``). The JPEG fallback is ``fallback``
        (page) or ``thumb`` (lists), a single ``src``."""
        return ", ".join(f"{link(r.url)} {r.width}w" for r in self.renditions(fmt, role))

    @property
    def shown_share(self) -> float:
        """How much of the page box's width the picture takes (`BOX_RATIO`): 1 for 4:3 and wider."""
        return min(1.0, BOX_RATIO * self.width / self.height)

    @property
    def sizes(self) -> str:
        """``sizes`` for a page picture (`BOX_RATIO`): the browser picks the rendition for the width
        it is shown at, not the column's."""
        share = self.shown_share
        column = f"calc(100vw - {2 * MARGIN_PX}px)"
        narrow = column if share == 1 else f"calc((100vw - {2 * MARGIN_PX}px) * {_number(share)})"
        return f"(min-width: {FIGURE_PX + 2 * MARGIN_PX}px) {_number(FIGURE_PX * share)}px, {narrow}"

    @property
    def fallback(self) -> Rendition:
        """The JPEG for ``<img src>`` (browsers that take no srcset, feed readers, mail)."""
        return self.source.fallback

    @property
    def og(self) -> Rendition:
        """The ~1200 px JPEG for og:image and JSON-LD ``image``."""
        return self.source.og

    @property
    def thumb(self) -> Rendition:
        """The smallest JPEG (list thumbnails' ``src``)."""
        return self.source.thumb


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def used_images(site: Site) -> list[Image]:
    """Every ``image`` of the site's records (clubs, events), in a stable order."""
    images: list[Image] = []
    for records in (site.clubs, site.events):
        for record_id in sorted(records):
            image = getattr(records[record_id].data, "image", None)
            if image is not None:
                images.append(image)
    return images


class Pictures:
    """The pictures the site uses, by ``src``; built once per build from the files' headers."""

    def __init__(self, sources: Mapping[str, PictureSource]) -> None:
        self.sources = dict(sources)

    @classmethod
    def none(cls) -> Pictures:
        """No pictures known (a catalog built without a project: every ``picture()`` is None)."""
        return cls({})

    @classmethod
    def scan(
        cls,
        images_dir: Path,
        srcs: Iterable[str],
        known: Mapping[str, PictureFile] | None = None,
    ) -> Pictures:
        """Read the header of every picture in ``srcs``. ``known``: files already probed (by
        ``src``; the build's cache), taken as they are. A file that cannot be published is left
        out (validation reports it; the page shows no picture rather than a broken one)."""
        sources: dict[str, PictureSource] = {}
        for src in sorted(set(srcs)):
            path = resolve(images_dir, src)
            if path is None:
                continue
            file = (known or {}).get(src)
            if file is None:
                try:
                    file = probe(path)
                except PictureError:
                    continue
            sources[src] = PictureSource(src, path, file, rendition_name(file.digest))
        return cls(sources)

    @classmethod
    def for_site(cls, images_dir: Path, site: Site) -> Pictures:
        """The pictures ``site``'s records show (``Catalog.build(site, today, Pictures.for_site(…))``)."""
        return cls.scan(images_dir, [image.src for image in used_images(site)])

    def picture(self, image: Image | None) -> Picture | None:
        """The picture of a record's ``image``; None without one (or when it cannot be published)."""
        if image is None:
            return None
        source = self.sources.get(image.src)
        return Picture(source, image.alt, image.credit) if source is not None else None


def rendition_name(digest: str) -> str:
    """12 hex digits of the bytes' digest, the processing settings and the codecs' versions: the
    same name always means the same bytes (the encoders are deterministic), so the build links a
    cached rendition without reading it. 48 bits: no collision among a town's few thousand
    pictures with any likelihood worth a thought."""
    return hashlib.sha256(f"{digest}:{PROCESSING_VERSION}:{_codecs()}".encode()).hexdigest()[:12]


@functools.cache
def _codecs() -> str:
    return f"Pillow {PIL.__version__} webp {features.version('webp')} jpeg {features.version('jpg')}"
