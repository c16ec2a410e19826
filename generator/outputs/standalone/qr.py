"""QR codes as SVG, made at build time (pure Python, no network, no image library).

Every event and club page gets `qr.svg` next to its `index.html`, holding the page's absolute
address; the printable notices and programmes show the same files large. The codes are segno's;
segno itself spends ~10 ms per code (~7 ms choosing the best of the eight masks, ISO/IEC 18004
§7.8.3), so web addresses go through `qr_matrix`, which makes the same bytes in ~0.9 ms. A code
depends on its address only: an incremental build takes it over from the previous build.

Output is deterministic: the same address always gives the same bytes (error correction M,
quiet zone of four modules, no XML declaration, no size in pixels: the page sizes the image).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import segno

from generator import urls
from generator.outputs.standalone import qr_matrix

if TYPE_CHECKING:  # keeps the worker processes' imports small
    from generator.models.site import Site


@dataclass(frozen=True)
class QrTarget:
    path: str
    """Site-relative path of the SVG file."""
    url: str
    """The absolute address it encodes."""


def qr_svg(url: str) -> bytes:
    """One QR code (error correction M, best mask) as a compact SVG drawn in module units."""
    fast = qr_matrix.svg(url)
    if fast is not None:
        return fast + b"\n"
    return segno_svg(url)


def segno_svg(url: str) -> bytes:
    """``qr_svg`` made by segno itself (the reference for `qr_matrix`; any text)."""
    code = segno.make(url, error="m", micro=False, boost_error=False)
    buffer = io.BytesIO()
    code.save(
        buffer,
        kind="svg",
        border=4,
        xmldecl=False,
        svgclass=None,
        lineclass=None,
        omitsize=True,
        title=url,
        dark="#000",
        light="#fff",
    )
    return buffer.getvalue() + b"\n"


def _make(targets: list[QrTarget]) -> list[tuple[str, bytes]]:
    return [(target.path, qr_svg(target.url)) for target in targets]


def qr_targets(site: Site) -> list[QrTarget]:
    """The QR codes of a site: every event page, every club page and the page "Kalender abonnieren"."""
    return qr_targets_of(site.town.site_url, site.events, site.clubs)


def qr_targets_of(site_url: str, event_ids: Iterable[str], club_ids: Iterable[str]) -> list[QrTarget]:
    """`qr_targets` from the ids alone: a build starts the codes while it still validates the records."""
    pages = [urls.event(event_id) for event_id in sorted(event_ids)]
    pages += [urls.club(club_id) for club_id in sorted(club_ids)]
    pages.append(urls.subscribe())
    return [QrTarget(urls.qr(page), site_url + page) for page in pages]
