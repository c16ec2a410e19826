"""Run MkDocs on the generated docs_dir, with the town's data filled into mkdocs.yml."""

from __future__ import annotations

import logging
import os
from datetime import UTC, date, datetime, time
from pathlib import Path

from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from generator.models.town import Town
from generator.outputs.pages.render import NavEntry
from generator.urls import source_file


class MkDocsError(RuntimeError):
    """MkDocs refused the generated site (a bug in the generator or theme, not in content)."""


def run_mkdocs(
    mkdocs_file: Path,
    docs_dir: Path,
    site_dir: Path,
    town: Town,
    nav: list[NavEntry],
    today: date | None = None,
    dirty: bool = False,
) -> None:
    """Build the page shells. ``today`` becomes the build date (sitemap lastmod, gzip stamp).

    ``dirty``: rebuild only pages whose Markdown is newer than their output (used by `serve`).
    """
    _quiet_mkdocs()
    # a dirty build (serve only) makes MkDocs warn on every rebuild about stale navigation
    logging.getLogger("mkdocs.commands.build").setLevel(logging.ERROR if dirty else logging.NOTSET)
    if today is not None:
        # MkDocs honours SOURCE_DATE_EPOCH (reproducible-builds.org): same --today, same bytes
        midnight = datetime.combine(today, time(), tzinfo=UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        config = load_config(
            config_file=str(mkdocs_file),
            docs_dir=str(docs_dir),
            site_dir=str(site_dir),
            site_name=str(escape(town.portal_name)),  # Material prints these unescaped
            site_url=town.site_url,
            site_description=str(escape(town.tagline or "")),
            nav=[{entry.title: source_file(entry.url)} for entry in nav],
            **({"strict": False} if dirty else {}),  # MkDocs warns about every dirty build
        )
        mkdocs_build(config, dirty=dirty)
    except (Abort, ConfigurationError) as exc:
        raise MkDocsError(str(exc)) from exc


def _quiet_mkdocs() -> None:
    """MkDocs logs every step at INFO; keep warnings and errors only."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
