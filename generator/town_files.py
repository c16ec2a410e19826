"""`town-files`: the files outside content/ that name the town, rendered from `content/town.yml`.

A new town gets them from `init`; after `town.yml` changed, `python -m generator town-files`
writes them again, and `--check` (part of `make test`) says when they are out of date:

- the GitHub issue forms (`.github/ISSUE_TEMPLATE/*.yml`): the choices of every dropdown that
  names a vocabulary (categories, districts, audiences: the labels of town.yml, which
  `issue-to-yaml` turns back into ids) and, as placeholders, the town's postcode, city, dialling
  code. Everything else in a form is kept as written, comments too;
- the template chooser (`.github/ISSUE_TEMPLATE/config.yml`): links to the portal's forms and to
  its contact point page (`content/pages/anlaufstelle.md`; the home page if there is none);
- the volunteers' guide (`docs/inhalte.md`): the lists of valid ids between the markers
  ``<!-- kennungen -->`` and ``<!-- /kennungen -->``.

Files that do not exist are left out: a town without GitHub has no `.github/`.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from generator.load.yaml_loader import YamlLoadError, load_yaml_file
from generator.models.town import Term, Town
from generator.project import Project
from generator.submissions.convert import VOCABULARIES

FORMS_DIR = Path(".github") / "ISSUE_TEMPLATE"
CHOOSER = "config.yml"
GUIDE = Path("docs") / "inhalte.md"
GUIDE_START = "<!-- kennungen -->"
GUIDE_END = "<!-- /kennungen -->"

_ELEMENT = re.compile(r"^\s*- type: (?P<type>\w+)\s*$")
_ID = re.compile(r"^\s+id: (?P<id>[\w-]+)\s*$")
_OPTIONS = re.compile(r"^(?P<indent>\s+)options:\s*$")
_PLACEHOLDER = re.compile(r"^(?P<indent>\s+)placeholder: .*$")


class TownFilesError(RuntimeError):
    """`town.yml` cannot be read (German message for the command line)."""


def _dialling_code(town: Town) -> str | None:
    code = (town.contact_point.phone or "").split(" ")[0]
    return f"{code} 12345" if re.fullmatch(r"0\d{2,5}", code) else None


PLACEHOLDERS: dict[str, Callable[[Town], str | None]] = {
    "address-postcode": lambda town: town.contact_point.address.postcode,
    "location-postcode": lambda town: town.contact_point.address.postcode,
    "address-city": lambda town: town.contact_point.address.city,
    "location-city": lambda town: town.contact_point.address.city,
    "contact-phone": _dialling_code,
}
"""Form field id → the town's own example of it (None: the placeholder stays as written)."""


def yaml_scalar(text: str) -> str:
    """``text`` as a one-line YAML scalar: plain when YAML reads it back as that string, else quoted."""
    plain = not re.search(r"[:#'\"{}\[\],&*!|>%@`]|^[-?\s]|\s$|^[\d.+-]+$", text)
    if plain:
        try:
            plain = yaml.safe_load(text) == text
        except yaml.YAMLError:
            plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def render_form(text: str, town: Town) -> str:
    """The issue form ``text`` with the town's choices and placeholders (line by line, comments kept)."""
    out: list[str] = []
    element_type = element_id = ""
    lines = text.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if match := _ELEMENT.match(line):
            element_type, element_id = match["type"], ""
        elif match := _ID.match(line):
            element_id = element_id or match["id"]
        elif (match := _OPTIONS.match(line)) and element_type == "dropdown" and element_id in VOCABULARIES:
            terms: list[Term] = getattr(town, VOCABULARIES[element_id])
            indent = match["indent"]
            out.append(line)
            out.extend(f"{indent}  - {yaml_scalar(term.label)}\n" for term in terms)
            while index < len(lines) and lines[index].startswith(indent + "  -"):
                index += 1  # the old choices
            continue
        elif (match := _PLACEHOLDER.match(line)) and element_id in PLACEHOLDERS:
            value = PLACEHOLDERS[element_id](town)
            if value:
                line = f"{match['indent']}placeholder: {yaml_scalar(value)}\n"
        out.append(line)
    return "".join(out)


def render_chooser(town: Town, has_contact_page: bool) -> str:
    """`.github/ISSUE_TEMPLATE/config.yml`: no blank issues; links to the portal's forms and contact point."""
    point = town.contact_point
    where = f" im {point.building}" if point.building else ""
    contact_url = town.site_url + ("anlaufstelle/" if has_contact_page else "")
    return (
        "# Auswahl beim Anlegen eines Issues: nur die drei Formulare und zwei Wege zur Hilfe.\n"
        "# Erzeugt aus content/town.yml (site_url, contact_point): python -m generator town-files\n"
        "blank_issues_enabled: false\n"
        "contact_links:\n"
        "  - name: Formulare auf dem Portal\n"
        f"    url: {town.site_url}melden/\n"
        "    about: Termine, Vereine und Engagement-Angebote ohne GitHub-Konto melden, auch per E-Mail.\n"
        f"  - name: {yaml_scalar(point.name)}\n"
        f"    url: {contact_url}\n"
        f"    about: {yaml_scalar(f'Persönliche Hilfe{where} – auch beim ersten Eintrag.')}\n"
    )


def render_vocabularies(town: Town) -> str:
    """The guide's list of the ids of town.yml (the lines between the markers)."""
    lists: tuple[tuple[str, list[Term]], ...] = (
        ("Kategorien", town.categories),
        ("Ortsteile", list(town.districts)),
        ("Zielgruppen", town.audiences),
    )
    return "".join(f"- {title}: " + ", ".join(f"`{term.id}`" for term in terms) + "\n" for title, terms in lists)


def render_guide(text: str, town: Town) -> str:
    """``text`` with the block between the markers replaced (unchanged when it has no markers)."""
    start, end = text.find(GUIDE_START), text.find(GUIDE_END)
    if start < 0 or end < start:
        return text
    head = text[: start + len(GUIDE_START)]
    return f"{head}\n{render_vocabularies(town)}\n{text[end:]}"


def load_town(project: Project) -> Town:
    """The valid town config, or a German error pointing at `validate`."""
    try:
        data = load_yaml_file(project.town_file, "content/town.yml").data
        return Town.model_validate(data)
    except (YamlLoadError, ValueError, OSError):
        raise TownFilesError(
            "content/town.yml ist nicht in Ordnung. `python -m generator validate` zeigt, was zu ändern ist."
        ) from None


def render_town_files(project: Project, town: Town) -> dict[Path, str]:
    """Every existing town file (path relative to the project) → its text rendered from ``town``."""
    root = project.root
    rendered: dict[Path, str] = {}
    forms = root / FORMS_DIR
    for form in sorted(forms.glob("*.yml")) if forms.is_dir() else []:
        relative = form.relative_to(root)
        if form.name == CHOOSER:
            has_contact_page = (project.content_dir / "pages" / "anlaufstelle.md").is_file()
            rendered[relative] = render_chooser(town, has_contact_page)
        else:
            rendered[relative] = render_form(form.read_text(encoding="utf-8"), town)
    if (root / GUIDE).is_file():
        rendered[GUIDE] = render_guide((root / GUIDE).read_text(encoding="utf-8"), town)
    return rendered


def write_town_files(project: Project, check: bool = False) -> int:
    """CLI entry: write (or with ``check`` compare) the town files; 1 when stale or town.yml is broken."""
    try:
        town = load_town(project)
    except TownFilesError as exc:
        print(exc, file=sys.stderr)
        return 1
    rendered = render_town_files(project, town)
    stale = [path for path, text in rendered.items() if (project.root / path).read_text(encoding="utf-8") != text]
    if check:
        if stale:
            names = ", ".join(path.as_posix() for path in stale)
            print(
                f"Nicht mehr passend zu content/town.yml: {names}. Neu erzeugen mit: python -m generator town-files",
                file=sys.stderr,
            )
            return 1
        print(f"Die aus content/town.yml erzeugten Dateien sind aktuell ({len(rendered)}).")
        return 0
    for path in stale:
        (project.root / path).write_text(rendered[path], encoding="utf-8")
    print(f"{len(stale)} von {len(rendered)} Dateien aus content/town.yml neu geschrieben.")
    return 0
