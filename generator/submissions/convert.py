"""Turn the answers of an issue form into a content record: field values, file name, YAML text.

Each form field's ``id`` is the record's YAML path joined by hyphens (``contact-email`` is
``contact.email``). The model decides whether an answer becomes a list. Choices from
content/town.yml are shown by their labels and written as ids; clubs and venues may be named as
on the portal and are written as ids. Anything unknown is kept (as a likely id), so the
checks that follow explain it with the field's name and a suggestion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from generator.load.discover import suggest_id
from generator.load.yaml_loader import YamlLoadError, load_yaml_text
from generator.models.club import Club
from generator.models.event import Event
from generator.models.fields import annotation_of, field_at, is_list
from generator.models.opportunity import Opportunity
from generator.models.organizers import TOWN_ORGANIZER
from generator.submissions.check import ProjectContent
from generator.submissions.issue_form import Element, IssueForm, checked, split_choices

KINDS: dict[str, tuple[str, str, type[BaseModel], str]] = {
    # --kind: (content folder, issue form file, model, field the file name is made from)
    "event": ("events", "veranstaltung.yml", Event, "title"),
    "club": ("clubs", "verein.yml", Club, "name"),
    "opportunity": ("opportunities", "engagement.yml", Opportunity, "title"),
}
SCHEMA_NAMES = {"events": "event", "clubs": "club", "opportunities": "opportunity"}
YAML_FIELD = "yaml"
NOTES_FIELD = "hinweise"
VOCABULARIES = {"category": "categories", "district": "districts", "audiences": "audiences"}
REFERENCES = {"venue": "venues", "organizer": "clubs"}
MAX_ID_LENGTH = 60
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


@dataclass
class Submission:
    kind: str
    data: dict[str, Any]
    form_problems: list[tuple[str, str]] = field(default_factory=list)
    """(form label, German message) for what is wrong with the form as a whole."""


def path_of(element_id: str) -> tuple[str, ...]:
    return tuple(element_id.split("-"))


def build(
    form: IssueForm, answers: dict[str, str | None], kind: str, content: ProjectContent, today: date
) -> Submission:
    folder, _, model, _ = KINDS[kind]
    submission = Submission(folder, {})
    if not answers:
        submission.form_problems.append(
            (
                form.name,
                f"In dieser Meldung wurde kein Feld des Formulars „{form.name}“ gefunden. Bitte legen Sie "
                "die Meldung mit dem Formular an, ohne die Überschriften (### …) zu verändern.",
            )
        )
        return submission
    _consent(form, answers, submission)
    base = answers.get(YAML_FIELD)
    if base is not None:
        submission.data = _yaml_base(base, form, submission)
    for element in form.elements:
        if element.id in (YAML_FIELD, NOTES_FIELD) or element.type == "checkboxes":
            continue
        text = answers.get(element.id)
        if text is None:
            continue
        path = path_of(element.id)
        model_field = field_at(model, path)
        many = model_field is not None and is_list(annotation_of(model_field))
        value = _value(element, text, many, path, content, kind)
        if value in ("", []):
            continue
        _set(submission.data, path, value)
    if kind == "club" and "reviewed" not in submission.data:
        submission.data["reviewed"] = today.isoformat()
    submission.data = _ordered(submission.data, form)
    return submission


def _consent(form: IssueForm, answers: dict[str, str | None], submission: Submission) -> None:
    for element in form.elements:
        if element.type != "checkboxes" or not element.required_options:
            continue
        ticked = checked(answers.get(element.id))
        if not all(option in ticked for option in element.required_options):
            submission.form_problems.append(
                (element.label, "Bitte bestätigen Sie das Einverständnis, indem Sie das Kästchen ankreuzen.")
            )


def _yaml_base(text: str, form: IssueForm, submission: Submission) -> dict[str, Any]:
    element = form.element(YAML_FIELD)
    label = element.label if element else YAML_FIELD
    try:
        data = load_yaml_text(text, "eintrag.yml").data
    except YamlLoadError as exc:
        for problem in exc.problems:
            line = f" (Zeile {problem.location.line})" if problem.location.line else ""
            submission.form_problems.append((label, problem.message + line))
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        submission.form_problems.append((label, "Der Eintrag muss aus Feldern bestehen (je Zeile „name: wert“)."))
        return {}
    return data


def _value(element: Element, text: str, many: bool, path: tuple[str, ...], content: ProjectContent, kind: str) -> Any:
    if element.type == "dropdown":
        items = split_choices(text, element.options) if element.multiple else [text.strip()]
        vocabulary = VOCABULARIES.get(path[-1])
        if vocabulary is not None:
            items = [_term_id(item, content, vocabulary) for item in items]
        return items if many else (items[0] if items else "")
    if element.type == "textarea" and not many:
        value = "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip()
        return value + "\n" if "\n" in value else value  # a `|` block, like hand-written descriptions
    if many:
        separators = r"\n" if element.type == "textarea" else r"[,;\n]"
        items = [_BULLET.sub("", part).strip() for part in re.split(separators, text)]
        items = [item for item in items if item]
    else:
        items = [" ".join(text.split())]
    if kind == "event" and path == ("organizer",):
        return [_organizer(item, content) for item in items]
    reference = REFERENCES.get(path[-1]) if len(path) == 1 else None
    if reference is not None:
        items = [_record_id(item, content, reference) for item in items]
    return items if many else items[0]


def _organizer(text: str, content: ProjectContent) -> str | dict[str, str]:
    """A club given by id or name → its id; "Stadt" or the town's organiser name → ``stadt``; any other
    name → a named organisation (``{name: …}``), which the maintainers may complete."""
    wanted = " ".join(text.split())
    if wanted.casefold() in ("stadt", content.site.town.organizer_name.casefold()):
        return TOWN_ORGANIZER
    if wanted in content.existing.get("clubs", ()):
        return wanted
    club = content.names("clubs").get(wanted.casefold())
    return club if club is not None else {"name": wanted}


def _term_id(text: str, content: ProjectContent, vocabulary: str) -> str:
    """A category, district or audience given by its label (or id, or "Label (id)") → its id."""
    terms = getattr(content.site.town, vocabulary)
    wanted = text.strip()
    match = re.fullmatch(r".*\((?P<id>[a-z0-9-]+)\)", wanted)
    for term in terms:
        if wanted.casefold() in (term.label.casefold(), term.id) or (match and match.group("id") == term.id):
            return term.id
    return suggest_id(wanted)


def _record_id(text: str, content: ProjectContent, kind: str) -> str:
    """A club or venue given by its id, its (short) name or the unique start of its name → its id."""
    wanted = text.strip()
    if wanted in content.existing.get(kind, ()):
        return wanted
    key = re.sub(r"\s+", " ", wanted).casefold()
    by_name = content.names(kind)
    if key in by_name:
        return by_name[key]
    # "Marktplatz" for "Marktplatz Musterstadt", "Haus II" for "Haus II (Anlaufstelle Engagement)"
    starting = {record for name, record in by_name.items() if name.startswith(key + " ")}
    if len(starting) == 1:
        return starting.pop()
    return suggest_id(wanted)


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    target = data
    for part in path[:-1]:
        child = target.get(part)
        if isinstance(child, list) and child and isinstance(child[0], dict):
            child = child[0]  # a list of records (a club's contacts): the form's fields are the first's
        if not isinstance(child, dict):
            child = {}
            target[part] = child
        target = child
    target[path[-1]] = value


def _ordered(data: dict[str, Any], form: IssueForm) -> dict[str, Any]:
    """Keys in the form's order (as volunteers read the file), then any others as they came."""
    order: list[str] = []
    for element in form.elements:
        top = path_of(element.id)[0]
        if top not in order:
            order.append(top)
    ranked = {key: index for index, key in enumerate(order)}
    keys = sorted(data, key=lambda key: ranked.get(key, len(ranked)))
    return {key: data[key] for key in keys}


def record_id(submission: Submission, id_field: str, content: ProjectContent, taken: set[str]) -> str:
    """A new, unused file name from the title (or name): 'Sommerfest im Hof' → 'sommerfest-im-hof'."""
    source = submission.data.get(id_field)
    base = suggest_id(source) if isinstance(source, str) else "eintrag"
    if len(base) > MAX_ID_LENGTH:
        base = base[:MAX_ID_LENGTH].rsplit("-", 1)[0] or base[:MAX_ID_LENGTH]
    used = content.existing.get(submission.kind, set()) | taken
    candidate, number = base, 2
    while candidate in used:
        candidate = f"{base}-{number}"
        number += 1
    return candidate
