"""Run MkDocs on the generated docs_dir, with the town's data filled into mkdocs.yml."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from generator.models.town import Town
from generator.urls import source_file


@dataclass(frozen=True)
class NavEntry:
    title: str
    """Plain text (escaped here: MkDocs prints it as it is)."""
    url: str


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
    with _source_date(today):
        _build(mkdocs_file, docs_dir, site_dir, town, nav, dirty)


def _build(mkdocs_file: Path, docs_dir: Path, site_dir: Path, town: Town, nav: list[NavEntry], dirty: bool) -> None:
    try:
        config = load_config(
            config_file=str(mkdocs_file),
            docs_dir=str(docs_dir),
            site_dir=str(site_dir),
            site_name=str(escape(town.portal_name)),  # Material prints these unescaped
            site_url=town.site_url,
            site_description=str(escape(town.tagline or "")),
            nav=[{str(escape(entry.title)): source_file(entry.url)} for entry in nav],
            **({"strict": False} if dirty else {}),  # MkDocs warns about every dirty build
        )
        mkdocs_build(config, dirty=dirty)
    except (Abort, ConfigurationError) as exc:
        raise MkDocsError(str(exc)) from exc


@contextmanager
def _source_date(today: date | None) -> Iterator[None]:
    """MkDocs honours SOURCE_DATE_EPOCH (reproducible-builds.org): same --today, same bytes. It reads
    it from the environment; set only while MkDocs runs."""
    if today is None:
        yield
        return
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(today, time(), tzinfo=UTC).timestamp()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def _quiet_mkdocs() -> None:
    """MkDocs logs every step at INFO; keep warnings and errors only."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
