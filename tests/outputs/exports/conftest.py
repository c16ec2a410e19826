"""Fixtures for the open-data, news-feed, CSV and QR tests.

``town`` is the calendar-feed fixture project (tests/outputs/feeds/feed_project.py: series with a moved,
a cancelled and an excluded date, a cancelled and a postponed event, a place with `;` and quotes
in its name) plus one volunteer call, in a fresh folder; ``git`` turns a folder into a repository
whose commits get fixed dates.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from git_helper import run_git

from generator.content import load_site
from generator.derive.catalog import Catalog
from generator.models.site import Site
from generator.project import Project

TESTS = Path(__file__).resolve().parents[2]
ROOT = TESTS.parent
SAMPLE_TODAY = date(2026, 12, 1)

_spec = importlib.util.spec_from_file_location("feed_fixture_project", TESTS / "outputs" / "feeds" / "feed_project.py")
assert _spec is not None and _spec.loader is not None
feed_fixture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(feed_fixture)

OPPORTUNITY = """\
title: Helfer für das Stadtfest
organizer: turnverein
description: |
  Aufbau, Abbau und **Kuchen**.
time_commitment: ein Samstag
contact:
  email: turnverein@example.org
expires: 2027-06-05
category: fest
"""


def load(root: Path) -> Site:
    site, report = load_site(Project(root))
    assert site is not None, "\n".join(map(str, report.sorted()))
    return site


@pytest.fixture
def town(tmp_path: Path) -> Path:
    root = feed_fixture.make_project(tmp_path / "town")
    (root / "content" / "opportunities").mkdir()
    (root / "content" / "opportunities" / "stadtfest-helfer.yml").write_text(OPPORTUNITY, encoding="utf-8")
    return root


@dataclass
class Git:
    root: Path

    def __call__(self, *args: str, when: datetime | None = None) -> str:
        return run_git(self.root, *args, when=when)

    def commit(self, message: str, day: int) -> datetime:
        """Commit everything at 12:00 UTC on 2026-11-<day>."""
        when = datetime(2026, 11, day, 12, tzinfo=UTC)
        self("add", "-A")
        self("commit", "-q", "-m", message, when=when)
        return when


@pytest.fixture
def git(town: Path) -> Git:
    repo = Git(town)
    repo("init", "-q")
    return repo


@pytest.fixture(scope="session")
def sample() -> tuple[Site, Catalog]:
    """The bundled Herzberg sample, loaded once, with its catalog for the browser tests' "today"."""
    site = load(ROOT)
    return site, Catalog.build(site, SAMPLE_TODAY)
