"""The volunteer guide docs/inhalte.md must describe every field, and its examples must validate.

Conventions of the guide that this test enforces (keep them when editing it):

* Each kind of content has exactly one H2 section whose heading names its folder or file in
  backticks, e.g. ``## Veranstaltungen (`content/events/`)`` or ``## … (`content/town.yml`)``.
* Fields are documented in tables whose header row starts with ``| Feld |``. Each row names one
  field in backticks by its **full dotted path from the top of the file**, using the name written
  in YAML (``repeat.except``, not the Python attribute ``except_``). Entries of a list of
  sub-records get no number: ``repeat.changes.start``, ``contact_point.opening_hours.days``,
  ``categories.id``. This is the spelling of the generator's error messages without ``[n]``.
* Every field a model accepts – containers such as ``repeat`` and leaves such as
  ``repeat.changes.location.name`` alike – has a row in the section of its kind, and every row
  names a field that exists. The second column starts with "Pflicht" exactly when the field is
  required within its parent (``Pflicht, wenn `repeat` genutzt`` is fine for ``repeat.freq``).
* A fenced code block directly after ``<!-- beispiel: <path below content/> -->`` is a complete
  file. It is written into a copy of the project and must pass ``validate`` together with the
  sample content, so it may only refer to ids that always exist there (the venue ``haus-zwei``,
  the club ``heimatverein-herzberg`` and the vocabularies of content/town.yml). The example of
  ``town.yml`` itself is shortened, so it is checked with only the venue it refers to.
* The quoted error messages are real: a ``text`` block right after
  ``<!-- fehler: <example path> [als <other path>] [| <old> => <new>] -->`` holds exactly the
  problem lines the generator reports when that example is written (under the other path, if
  given) with the first ``<old>`` replaced by ``<new>`` (``\\n``, ``\\t`` and ``\\v`` stand for a
  line break, a tab and a vertical tab, an invisible control character). A quoted line ending
  in `` …`` only has to match the start of the reported line (for long lists such as all
  categories). The comments are invisible on GitHub; they keep
  the quotes honest.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.cli import main
from generator.content import load_site
from generator.load.yaml_loader import load_yaml_file
from generator.models.club import Club
from generator.models.event import Event
from generator.models.opportunity import Opportunity
from generator.models.page import PageMeta
from generator.models.town import Town
from generator.models.venue import Venue
from generator.problems import summary_line
from generator.project import Project
from generator.validate.messages import inner_model

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "inhalte.md"

SECTIONS: dict[str, type[BaseModel]] = {
    "content/events/": Event,
    "content/clubs/": Club,
    "content/venues/": Venue,
    "content/opportunities/": Opportunity,
    "content/pages/": PageMeta,
    "content/town.yml": Town,
}
EXAMPLE_KINDS = {"events", "clubs", "venues", "opportunities", "pages", "town.yml"}
TOWN_EXAMPLE_NEEDS = ("venues/haus-zwei.yml",)
ELLIPSIS = " …"

_FIELD_CELL = re.compile(r"^`([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)`$")
_EXAMPLE = re.compile(r"^<!-- beispiel: (\S+) -->\n```[a-z]*\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_BROKEN = re.compile(
    r"^<!-- fehler: (?P<path>\S+)(?: als (?P<renamed>.+?))?(?: \| (?P<old>.*?) =>(?P<new>.*?))? -->\n"
    r"```text\n(?P<lines>.*?)^```$",
    re.MULTILINE | re.DOTALL,
)


def _guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8") if GUIDE.is_file() else ""


# --- the models ---------------------------------------------------------------------------


def model_fields(model: type[BaseModel], prefix: str = "") -> dict[str, bool]:
    """Every field path of ``model`` as written in YAML, mapped to "required within its parent"."""
    fields: dict[str, bool] = {}
    for name, field in model.model_fields.items():
        path = prefix + (field.alias or name)
        fields[path] = field.is_required()
        nested = inner_model(field.annotation)
        if nested is not None:
            fields.update(model_fields(nested, path + "."))
    return fields


def test_field_walker_uses_yaml_names_and_reaches_nested_lists():
    event = model_fields(Event)
    assert "repeat.except" in event and "repeat.except_" not in event
    assert event["repeat.changes.date"] is True
    assert event["repeat.changes.location.name"] is True
    assert event["location"] is False
    town = model_fields(Town)
    assert town["contact_point.opening_hours.days"] is True
    assert "legal.data_protection_officer.address.postcode" in town


# --- the guide ----------------------------------------------------------------------------


def _outside_fences(lines: list[str]) -> list[str]:
    """The lines with fenced code blocks blanked out, so YAML comments are not read as headings."""
    result: list[str] = []
    fenced = False
    for line in lines:
        if line.lstrip().startswith("```"):
            fenced = not fenced
            result.append("")
        else:
            result.append("" if fenced else line)
    return result


def guide_sections(text: str) -> dict[str, list[str]]:
    """The lines of each H2 section, keyed by the heading line."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in _outside_fences(text.splitlines()):
        if line.startswith("## "):
            current = sections.setdefault(line, [])
        elif current is not None:
            current.append(line)
    return sections


def section_for(sections: dict[str, list[str]], where: str) -> list[str]:
    headings = [heading for heading in sections if f"`{where}`" in heading]
    assert len(headings) == 1, f"docs/inhalte.md needs exactly one H2 heading naming `{where}`, found {headings}"
    return sections[headings[0]]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SPLIT.split(line.strip()[1:-1])]


def field_rows(lines: list[str]) -> list[tuple[str, str]]:
    """(field path, "Pflicht?" cell) of every row of every ``| Feld |`` table in ``lines``."""
    rows: list[tuple[str, str]] = []
    in_table = False
    for line in lines:
        if not line.startswith("|"):
            in_table = False
            continue
        cells = _cells(line)
        if cells[0] == "Feld":
            in_table = True
            continue
        if not in_table or set(cells[0]) <= {"-", ":"}:
            continue
        match = _FIELD_CELL.match(cells[0])
        assert match, f"field table row must start with one `dotted.name` in backticks: {line}"
        assert len(cells) >= 2, f"field table row needs a Pflicht? column: {line}"
        rows.append((match.group(1), cells[1]))
    return rows


def test_guide_exists():
    assert GUIDE.is_file(), "docs/inhalte.md is missing"


@pytest.mark.parametrize("where", SECTIONS)
def test_every_field_is_documented_in_its_section(where):
    model = SECTIONS[where]
    expected = model_fields(model)
    rows = field_rows(section_for(guide_sections(_guide_text()), where))
    documented = [name for name, _ in rows]

    missing = [name for name in expected if name not in documented]
    assert not missing, f"{model.__name__}: add rows for {missing} to the section naming `{where}`"
    unknown = [name for name in documented if name not in expected]
    assert not unknown, f"{model.__name__}: rows for fields the model does not accept: {unknown}"
    doubled = sorted({name for name in documented if documented.count(name) > 1})
    assert not doubled, f"{model.__name__}: fields documented twice: {doubled}"

    wrong = [
        f"{name} ({'required' if expected[name] else 'optional'}: {cell!r})"
        for name, cell in rows
        if cell.startswith("Pflicht") != expected[name]
    ]
    assert not wrong, f"{model.__name__}: the Pflicht? column disagrees with the model: {wrong}"


def test_documented_vocabulary_exists_in_town_config():
    """The ids listed under "Werte richtig schreiben" must not promise ids that town.yml lacks."""
    town = Town.model_validate(load_yaml_file(ROOT / "content" / "town.yml", "content/town.yml").data)
    text = _guide_text()
    vocabularies = (("Kategorien", town.categories), ("Ortsteile", town.districts), ("Zielgruppen", town.audiences))
    for label, terms in vocabularies:
        match = re.search(rf"^- {label}: (.*?)(?=^- |^$)", text, re.MULTILINE | re.DOTALL)
        assert match, f"docs/inhalte.md lists no „{label}“"
        listed = set(re.findall(r"`([a-z0-9-]+)`", match.group(1)))
        unknown = listed - {term.id for term in terms}
        assert listed and not unknown, f"{label}: not in content/town.yml: {sorted(unknown)}"


# --- the examples -------------------------------------------------------------------------


def guide_examples() -> list[tuple[str, str]]:
    return [(match.group(1), match.group(2)) for match in _EXAMPLE.finditer(_guide_text())]


def test_every_kind_has_a_complete_example():
    kinds = {target.split("/")[0] for target, _ in guide_examples()}
    missing = EXAMPLE_KINDS - kinds
    assert not missing, f"docs/inhalte.md has no <!-- beispiel: … --> file for {sorted(missing)}"


def test_schema_hints_point_at_existing_schemas():
    """The editor hint `# yaml-language-server: $schema=…` in the guide must lead to a real file."""
    text = _guide_text()
    for name in set(re.findall(r"schemas/([a-z]+\.schema\.json)", text)):
        assert (ROOT / "schemas" / name).is_file(), f"docs/inhalte.md mentions missing schemas/{name}"
    for target, example in guide_examples():
        match = re.match(r"# yaml-language-server: \$schema=(\S+)\n", example)
        if match:
            schema = (ROOT / "content" / target).parent / match.group(1)
            assert schema.resolve().is_file(), f"{target}: the $schema path {match.group(1)} leads nowhere"


def _project_copy(tmp_path: Path) -> Path:
    """A project with a copy of the sample content; `validate` reads nothing outside content/."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    return project


def _keep_only(content: Path, needed: tuple[str, ...]) -> None:
    """Remove every record file except ``needed`` (paths below content/)."""
    for kind in ("clubs", "events", "venues", "opportunities", "pages"):
        folder = content / kind
        for path in folder.rglob("*") if folder.is_dir() else ():
            if path.is_file() and path.relative_to(content).as_posix() not in needed:
                path.unlink()


def _write(content: Path, target: str, text: str) -> None:
    path = content / target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("target", "text"), guide_examples(), ids=[target for target, _ in guide_examples()])
def test_example_file_validates(tmp_path, capsys, target, text):
    project = _project_copy(tmp_path)
    content = project / "content"
    if target == "town.yml":
        _keep_only(content, TOWN_EXAMPLE_NEEDS)
    _write(content, target, text)
    assert main(["--root", str(project), "validate"]) == 0, capsys.readouterr().err


# --- the quoted error messages ------------------------------------------------------------


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\v", "\v")


def guide_error_quotes() -> list[dict[str, str]]:
    return [match.groupdict(default="") for match in _BROKEN.finditer(_guide_text())]


def reported_lines(tmp_path: Path, quote: dict[str, str]) -> list[str]:
    """The problem lines the generator reports for the broken example that ``quote`` describes."""
    examples = dict(guide_examples())
    assert quote["path"] in examples, f"<!-- fehler: {quote['path']} … --> names no <!-- beispiel: … --> file"
    text = examples[quote["path"]]
    if quote["old"]:
        old, new = _unescape(quote["old"]), _unescape(quote["new"].removeprefix(" "))
        assert old in text, f"{quote['path']} does not contain {old!r}"
        text = text.replace(old, new, 1)
    project = _project_copy(tmp_path)
    _write(project / "content", quote["renamed"] or quote["path"], text)
    _, report = load_site(Project(project))
    return [str(problem) for problem in report.sorted()]


def _quote_matches(quoted: str, reported: str) -> bool:
    if quoted.endswith(ELLIPSIS):
        return reported.startswith(quoted.removesuffix(ELLIPSIS)) and reported != quoted
    return reported == quoted


def test_guide_quotes_error_messages():
    assert len(guide_error_quotes()) >= 10, "docs/inhalte.md should quote at least ten error messages"
    assert f"`{summary_line(1, 1)}`" in _guide_text(), "update the quoted summary line"


@pytest.mark.parametrize(
    "quote", guide_error_quotes(), ids=[f"{i + 1}-{q['path']}" for i, q in enumerate(guide_error_quotes())]
)
def test_quoted_error_message_is_what_the_generator_prints(tmp_path, quote):
    expected = quote["lines"].splitlines()
    actual = reported_lines(tmp_path, quote)
    matches = len(actual) == len(expected) and all(map(_quote_matches, expected, actual))
    assert matches, "update the quote in docs/inhalte.md to:\n" + "\n".join(actual)
