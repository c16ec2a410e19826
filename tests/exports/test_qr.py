"""QR codes decode to the right address (zbarimg from Debian's zbar-tools; SVG → PNG with rsvg-convert)."""

from __future__ import annotations

from pathlib import Path

import pytest
from qr_decode import decode_qr

from generator.render.qr import SERIAL_LIMIT, QrBatch, QrTarget, qr_svg


@pytest.mark.parametrize(
    "url",
    [
        "https://engagiert-herzberg.example.org/veranstaltungen/ff-herzberg-ausbildungsdienst/",
        "https://engagiert.example.org/vereine/a/",
        "https://engagiert.example.org/kalender/",
    ],
)
def test_qr_code_decodes_to_the_address(url: str, tmp_path: Path) -> None:
    svg = qr_svg(url)
    assert svg.startswith(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')
    assert decode_qr(svg, tmp_path) == url


def test_batch_in_worker_processes_gives_the_same_bytes() -> None:
    targets = [
        QrTarget(f"x/{n}/qr.svg", f"https://engagiert.example.org/veranstaltungen/termin-{n}/") for n in range(45)
    ]
    assert len(targets) > SERIAL_LIMIT
    parallel = QrBatch.start(targets, workers=2)
    assert parallel._futures, "große Stapel laufen in eigenen Prozessen"
    made = parallel.result()
    assert list(made) == sorted(t.path for t in targets)
    assert made == QrBatch(targets).result()
    assert made["x/7/qr.svg"] == qr_svg("https://engagiert.example.org/veranstaltungen/termin-7/")
