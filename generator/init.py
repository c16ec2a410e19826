"""`init DIR`: scaffold the portal of another town that validates and builds at once.

The new folder is self-contained: it gets a copy of the generator package, the theme,
the licence text `LICENSE` (EUPL-1.2, under which the copied code is used),
`pyproject.toml` and `requirements.lock` (so `make` installs exactly the pinned dependencies;
installing the generator from a Git URL would need network access to this repository), the
generated JSON Schemas, the volunteers' guide `docs/inhalte.md`, the publishing workflows
(`.github/workflows/*.yml`, `.github/ISSUE_TEMPLATE/`, `.gitlab-ci.yml` and `.ci/run`, whichever
exist: their test jobs call `.ci/run`, i.e. `make test`, which in a town validates, checks the
schemas and builds) and, from `generator/scaffold/`, a town README, a Makefile
without the development targets, and example content: `content/town.yml` with every placeholder
marked `# ÄNDERN`, two clubs, two venues, three events (one a weekly series), one volunteer call
and one page, each marked `# BEISPIEL` (`validate --publish` refuses them). Dates in the examples
are counted from ``today``, so the new portal shows upcoming events right away.

Nothing of the town `init` runs from is carried over: the guide's examples are given the new
town's names (`init_guide.py`), and the issue forms' choices, the template chooser's links and the
guide's lists of ids are rendered from the new `town.yml` (`town_files.py`; after editing town.yml,
`python -m generator town-files` renders them again).
"""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

from generator.init_guide import guide_for
from generator.models.weekdays import RFC_CODES
from generator.project import Project
from generator.schema import render_schemas
from generator.town_files import GUIDE, load_town, render_town_files

SOURCE = Path(__file__).resolve().parents[1]
"""The project this generator runs from; its files are copied."""
SCAFFOLD = Path(__file__).resolve().parent / "scaffold"

COPIED = ("generator", "theme", "mkdocs.yml", "pyproject.toml", "requirements.lock", "LICENSE")
"""Copied as they are (the generator and theme whole, minus caches; the EUPL-1.2 text goes with the copied code)."""
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".ruff_cache", ".pytest_cache")
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
_GERMAN_DAYS = ("mo", "di", "mi", "do", "fr", "sa", "so")


class InitError(RuntimeError):
    """The target cannot be used (German message for the command line)."""


def placeholders(today: date) -> dict[str, str]:
    """Dates of the examples: a fair in 4 weeks, a weekly training from next week, a village fête in 9 weeks."""
    training = today + timedelta(days=7)
    assert len(_GERMAN_DAYS) == len(RFC_CODES)
    return {
        "today": today.isoformat(),
        "fest_day": (today + timedelta(days=28)).isoformat(),
        "training_start": training.isoformat(),
        "training_day": _GERMAN_DAYS[training.weekday()],
        "training_until": (training + timedelta(weeks=26)).isoformat(),
        "village_day": (today + timedelta(days=63)).isoformat(),
    }


def init_town(target: Path, today: date, source: Path = SOURCE) -> list[str]:
    """Create the new town in ``target`` (new or empty); returns the files written, relative and sorted."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitError(
            f"Der Ordner {target} ist nicht leer. `init` legt eine neue Kommune nur in einem neuen oder leeren "
            "Ordner an, damit nichts überschrieben wird."
        )
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        origin = source / name
        if origin.is_dir():
            shutil.copytree(origin, target / name, ignore=_IGNORE)
        else:
            shutil.copy2(origin, target / name)
    _copy_publishing(source, target)
    (target / "schemas").mkdir()
    for name, text in render_schemas().items():
        (target / "schemas" / name).write_text(text, encoding="utf-8")
    values = placeholders(today)
    for file in sorted(SCAFFOLD.rglob("*")):
        if file.is_dir() or "__pycache__" in file.parts:
            continue
        relative = file.relative_to(SCAFFOLD).as_posix()
        destination = target / (".gitignore" if relative == "gitignore" else relative)
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = _PLACEHOLDER.sub(lambda match: values[match.group(1)], file.read_text(encoding="utf-8"))
        destination.write_text(text, encoding="utf-8")
    _name_the_new_town(source, target)
    return sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())


def _name_the_new_town(source: Path, target: Path) -> None:
    """The guide with the new town's names in its examples, and every file `town-files` renders from town.yml."""
    project = Project(target)
    town = load_town(project)
    guide = source / GUIDE
    if guide.is_file():
        text = guide.read_text(encoding="utf-8")
        if Project(source).town_file.is_file():
            text = guide_for(text, load_town(Project(source)), town)
        (target / GUIDE).parent.mkdir(exist_ok=True)
        (target / GUIDE).write_text(text, encoding="utf-8")
    for path, text in render_town_files(project, town).items():
        (target / path).write_text(text, encoding="utf-8")


def _copy_publishing(source: Path, target: Path) -> None:
    workflows = source / ".github" / "workflows"
    for workflow in sorted(workflows.glob("*.y*ml")) if workflows.is_dir() else []:
        (target / ".github" / "workflows").mkdir(parents=True, exist_ok=True)
        shutil.copy2(workflow, target / ".github" / "workflows" / workflow.name)
    templates = source / ".github" / "ISSUE_TEMPLATE"
    if templates.is_dir():
        shutil.copytree(templates, target / ".github" / "ISSUE_TEMPLATE")
    gitlab = source / ".gitlab-ci.yml"
    if gitlab.is_file():
        shutil.copy2(gitlab, target / ".gitlab-ci.yml")
    ci_script = source / ".ci" / "run"  # CI jobs call it; it runs `make test`, which a town's Makefile defines
    if ci_script.is_file():
        (target / ".ci").mkdir()
        shutil.copy2(ci_script, target / ".ci" / "run")


def run_init(target: Path, today: date | None) -> int:
    """CLI entry: 0 on success, 2 when ``target`` is not empty."""
    try:
        files = init_town(target, today or date.today())
    except InitError as exc:
        print(exc, file=sys.stderr)
        return 2
    content = sum(1 for name in files if name.startswith("content/"))
    print(
        f"Neue Kommune angelegt in {target}: {len(files)} Dateien, davon {content} Beispielinhalte.\n"
        "Nächste Schritte:\n"
        f"  1. {target / 'content' / 'town.yml'} anpassen (jede Zeile mit „# ÄNDERN“).\n"
        "  2. Die Beispiele unter content/ ersetzen (Anleitung: docs/inhalte.md).\n"
        f"  3. cd {target} && make serve   (prüfen, bauen und unter http://127.0.0.1:8000 ansehen)"
    )
    return 0
