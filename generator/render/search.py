"""Full-text search: run Pagefind over the built site.

Pagefind indexes only elements marked ``data-pagefind-body`` (the record and
editorial pages; listings and the search page itself stay out), reads the
language from ``<html lang="de">`` for German stemming ("Garten" finds
"Gärten") and writes its static bundle to ``pagefind/`` inside the site. The
binary ships in the ``pagefind_bin`` wheel, so nothing is downloaded.

Deterministic except for one detail of Pagefind 1.5: the order of filter
values in its filter file (and so that file's hash name) may vary between runs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from pagefind.service import get_executable

BUNDLE_DIR = "pagefind"
"""Folder of the search bundle inside the site (reserved in ``urls.RESERVED_SECTIONS``)."""
TIMEOUT_SECONDS = 600


class SearchIndexError(RuntimeError):
    """Pagefind could not index the built site (a setup or theme problem, not a content problem)."""


UNUSED_BUNDLE_FILES = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-highlight.js",
)
"""Alternative UIs Pagefind always writes; the portal uses the default UI (pagefind-ui.*) only."""


def index_site(site_dir: Path) -> None:
    """Write the Pagefind bundle into ``site_dir/pagefind/``; raise SearchIndexError on failure."""
    command = [
        str(_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE_DIR,
        "--silent",
    ]
    try:
        result = subprocess.run(
            command, cwd=site_dir, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Pagefind ließ sich nicht ausführen: {exc}") from exc
    output = (result.stderr + result.stdout).strip()
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind ist mit Status {result.returncode} abgebrochen:\n{output}")
    if not (site_dir / BUNDLE_DIR / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"Pagefind hat keinen Suchindex geschrieben.\n{output}".strip())
    for unused in UNUSED_BUNDLE_FILES:
        (site_dir / BUNDLE_DIR / unused).unlink(missing_ok=True)


def _executable() -> Path:
    try:
        path = get_executable()
    except FileNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise SearchIndexError(
            "Das Programm Pagefind fehlt. Bitte die Abhängigkeiten neu installieren: "
            "`.venv/bin/pip install -r requirements.lock`."
        )
    return path
