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
) -> None:
    """Build the page shells. ``today`` becomes the build date (sitemap lastmod, gzip stamp)."""
    _quiet_mkdocs()
    with _source_date(today):
        _build(mkdocs_file, docs_dir, site_dir, town, nav)


def _build(mkdocs_file: Path, docs_dir: Path, site_dir: Path, town: Town, nav: list[NavEntry]) -> None:
    try:
        config = load_config(
            config_file=str(mkdocs_file),
            docs_dir=str(docs_dir),
            site_dir=str(site_dir),
            site_name=str(escape(town.portal_name)),  # Material prints these unescaped
            site_url=town.site_url,
            site_description=str(escape(town.tagline or "")),
            nav=[{str(escape(entry.title)): source_file(entry.url)} for entry in nav],
        )
        config["extra"]["demo"] = town.demo  # theme/overrides/main.html: the notice on every page
        mkdocs_build(config)
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
