"""Read a QR code as a phone camera would: SVG → PNG (rsvg-convert, librsvg2-bin) → zbarimg (zbar-tools).

Both come from Debian; `.ci/run` installs them. Without them the test is skipped locally and fails in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = ("zbarimg", "rsvg-convert")


def decode_qr(svg: bytes, workdir: Path) -> str:
    """The text of the QR code in ``svg``."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} fehlt (Debian: zbar-tools, librsvg2-bin; .ci/run installiert beide)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    source, image = workdir / "qr.svg", workdir / "qr.png"
    source.write_bytes(svg)
    subprocess.run(["rsvg-convert", "--width", "330", "--output", str(image), str(source)], check=True)
    done = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, check=True)
    return done.stdout.decode("utf-8").strip()
