"""Where a town's files live: content, theme and mkdocs.yml under one root."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.load.discover import IMAGES_DIR, TOWN_FILE


@dataclass(frozen=True)
class Project:
    """Where a town's files live."""

    root: Path

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def town_file(self) -> Path:
        return self.content_dir / TOWN_FILE

    @property
    def images_dir(self) -> Path:
        return self.content_dir / IMAGES_DIR

    @property
    def theme_dir(self) -> Path:
        return self.root / "theme"

    @property
    def mkdocs_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def static_folders(self) -> list[tuple[Path, str]]:
        """Folders published as they are: (folder, site-relative target). Not content/images/:
        pictures are published only as renditions (`derive/pictures.py`), never as uploaded."""
        return [(self.theme_dir / "assets", "assets")]

    def copy_to(self, target: Path, *, content: bool = True) -> Project:
        """A working copy at ``target``: theme, mkdocs.yml and, unless ``content=False``, the content.

        For tests and benchmarks that edit or generate content without touching this project.
        """
        target.mkdir(parents=True, exist_ok=True)
        shutil.copytree(self.theme_dir, target / "theme")
        shutil.copy(self.mkdocs_file, target / "mkdocs.yml")
        if content:
            shutil.copytree(self.content_dir, target / "content")
        return Project(target)
