"""Shared fixtures: a minimal valid town project, built fresh in tmp_path for every test, and
the bundled sample site, built once per run (`sample_site`, see sample_build.py).

``tests/data/project/`` holds the smallest valid content (town.yml, one club, two
venues); ``tests/data/broken/`` holds one small file per validation rule, each
named after what is wrong with it; ``tests/data/valid/`` holds good examples.
A test copies the files it needs into its own project and loads it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sample_build import shared_sample_site
from unchecked_markup import markup_unchecked as _markup_unchecked

from generator.content import load_site
from generator.models.site import Site
from generator.problems import ProblemReport
from generator.project import Project
from generator.publish_mode import VARIABLES as PUBLISH_VARIABLES

DATA_DIR = Path(__file__).parent / "data"
PREFIX_MARK = " ..."
"""An expected problem line ending in this marker only has to match the start of the actual line."""


@dataclass
class ContentProject:
    """A throw-away copy of the fixture project that tests add files to and load."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    def add(self, dest: str, text: str | bytes) -> Path:
        """Write ``text`` to ``content/<dest>``."""
        path = self.content / dest
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def copy(self, fixture: str, dest: str | None = None) -> Path:
        """Copy ``tests/data/<fixture>`` (file or folder) to ``content/<dest>``.

        By default ``broken/events/x.yml`` lands in ``content/events/x.yml``.
        """
        source = DATA_DIR / fixture
        target = self.content / (dest if dest is not None else Path(*Path(fixture).parts[1:]))
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        return target

    def remove(self, dest: str) -> None:
        (self.content / dest).unlink()

    def load(self) -> tuple[Site | None, ProblemReport]:
        return load_site(Project(self.root))

    def problems(self) -> list[str]:
        """Every reported problem as its printed line, sorted as the CLI prints them."""
        _, report = self.load()
        return [str(problem) for problem in report.sorted()]

    def assert_problems(self, expected: list[str]) -> None:
        """The project reports exactly ``expected`` (full lines `path:line:col: field: message`)."""
        assert_problem_lines(self.problems(), expected)


def assert_problem_lines(actual: list[str], expected: list[str]) -> None:
    """Compare printed problem lines; an expected line ending in `` ...`` is a prefix."""
    mismatch = len(actual) != len(expected) or any(
        not _line_matches(got, want) for got, want in zip(actual, expected, strict=False)
    )
    assert not mismatch, "reported:\n  " + "\n  ".join(actual) + "\nexpected:\n  " + "\n  ".join(expected)


def _line_matches(actual: str, expected: str) -> bool:
    if expected.endswith(PREFIX_MARK):
        return actual.startswith(expected[: -len(PREFIX_MARK)])
    return actual == expected


@pytest.fixture
def project(tmp_path: Path) -> ContentProject:
    """A fresh copy of the minimal valid fixture project."""
    root = tmp_path / "project"
    shutil.copytree(DATA_DIR / "project", root)
    return ContentProject(root)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled Herzberg sample built with the real CLI and ``sample_build.TODAY``, once per run.

    Shared by all tests (and xdist workers) that only read it: never write into it.
    """
    return shared_sample_site(tmp_path_factory)


@pytest.fixture
def markup_unchecked():
    """HTML in texts passes validation, for tests of the renderer's own escaping."""
    with _markup_unchecked():
        yield


@pytest.fixture(autouse=True)
def _not_publishing(monkeypatch: pytest.MonkeyPatch) -> None:
    """CI on the default branch switches on publishing mode (`generator/publish_mode.py`); tests ask for it
    themselves, so the suite checks the same on a branch and on main."""
    for name in PUBLISH_VARIABLES:
        monkeypatch.delenv(name, raising=False)
