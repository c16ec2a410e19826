"""Pictures a record names (``image.src``): under content/images/, readable, not too large, complete.

Every message is German and says what to do. Only headers are read (`load/picture_files.py`);
a file is decoded only when its end does not look like its format's, and then at 1/8 scale, so
`validate` stays fast with hundreds of photos. What the headers cannot show (damage in the
middle of a file) the build's picture stage reports, located the same way.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.load.picture_files import PictureError, probe, resolve
from generator.models.site import Site


def src_problem(images_dir: Path, src: str) -> str | None:
    """What is wrong with the picture ``src`` names, or None."""
    path = resolve(images_dir, src)
    if path is None:
        return (
            "Bilder müssen als Datei unter content/images/ liegen; Links auf andere Seiten, absolute Pfade "
            "und „..“ sind nicht erlaubt (Datenschutz, und das Bild muss mit den Inhalten gespeichert sein). "
            "Legen Sie die Datei in content/images/ und geben Sie ihren Namen an, z. B. „sommerfest.jpg“."
        )
    if not path.exists():
        return f"Die Bilddatei content/images/{src} gibt es nicht.{_near(path)}"
    try:
        probe(path)
    except PictureError as error:
        return f"content/images/{src}: {error}"
    return None


def _near(path: Path) -> str:
    """A file of the same name in another spelling (``Foto.JPG`` for ``foto.jpg``)."""
    try:
        names = os.listdir(path.parent)
    except OSError:
        return ""
    same = [name for name in names if name.lower() == path.name.lower()]
    return f" Meinten Sie „{same[0]}“? Groß- und Kleinschreibung zählen." if same else ""


def unused_pictures(images_dir: Path, site: Site) -> list[str]:
    """Files in content/images/ that no record shows (they are not published): paths below it."""
    if not images_dir.is_dir():
        return []
    used = {
        Path(record.data.image.src.replace("\\", "/")).as_posix()
        for records in (site.clubs, site.events)
        for record in records.values()
        if getattr(record.data, "image", None) is not None
    }
    found = []
    for path in sorted(images_dir.rglob("*")):
        relative = path.relative_to(images_dir).as_posix()
        if path.is_file() and not path.name.startswith(".") and relative not in used:
            found.append(relative)
    return found


UNUSED_NOTICE = (
    "Hinweis: content/images/{src} wird von keinem Eintrag verwendet und deshalb nicht veröffentlicht. "
    "Tragen Sie es bei einem Verein oder einer Veranstaltung unter „image:“ ein, oder löschen Sie die Datei."
)
