"""The German report at the end of an import: what was created, updated, left alone, and why."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importing.store import Outcome, Plan, PlannedFile
from generator.problems import Problem

LISTED = 30
"""Files listed per outcome; beyond it one line counts the rest (a town's history is thousands)."""


@dataclass
class Attention:
    """One thing an editor should look at: where, and why."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Summary:
    plan: Plan
    problems: list[Problem]
    source_notes: list[Attention] = field(default_factory=list)
    dry_run: bool = False
    hints: list[str] = field(default_factory=list)
    """Suggestions that need no correction (organisers worth a directory entry), in German."""

    def attention(self) -> list[Attention]:
        """Hand edits kept, deleted files, records the source dropped, and every record's notes."""
        items = list(self.source_notes)
        for planned in self.plan.files:
            if planned.outcome is Outcome.edited:
                items.append(
                    Attention(
                        f"{planned.shown}:{planned.differs_at}",
                        "seit dem letzten Import von Hand geändert — nicht überschrieben. Übernehmen Sie "
                        "Änderungen aus der Quelle selbst, oder löschen Sie die Datei, damit der nächste Import "
                        "sie neu schreibt.",
                    )
                )
            elif planned.outcome is Outcome.deleted:
                items.append(
                    Attention(
                        planned.shown,
                        "wurde nach dem letzten Import gelöscht und wird nicht neu angelegt "
                        f"(Eintrag „{planned.record.key}“ in der Quelle).",
                    )
                )
            items += [
                Attention(_note_place(planned, index, self.plan.source_name), note)
                for index, note in enumerate(planned.record.notes)
            ]
        items += [
            Attention(
                file,
                f"steht nicht mehr in der Quelle (Eintrag „{key}“). Die Datei bleibt; löschen Sie sie, "
                "wenn der Termin entfallen ist.",
            )
            for key, file in self.plan.gone
        ]
        return items

    def lines(self) -> list[str]:
        plan = self.plan
        created, updated = plan.by_outcome(Outcome.created), plan.by_outcome(Outcome.updated)
        unchanged = plan.by_outcome(Outcome.unchanged)
        attention = self.attention()
        out = [f"Import aus „{plan.source_name}“: {_count(len(plan.files), 'Eintrag', 'Einträge')} gelesen."]
        out.append(f"  Neu angelegt: {len(created)}")
        out.append(f"  Aktualisiert: {len(updated)}")
        out.append(f"  Unverändert: {len(unchanged)}")
        out.append(f"  Braucht Ihre Aufmerksamkeit: {len(attention)}")
        if plan.files and len(unchanged) == len(plan.files) and not plan.gone:
            out.append("Alles unverändert: Die Quelle enthält nichts Neues.")
        for title, entries in (("Neu angelegt", created), ("Aktualisiert", updated)):
            if entries:
                out.append(f"{title}:")
                out += [
                    f"  {planned.shown} — {planned.record.data.get('title') or ''}".rstrip(" —")
                    for planned in entries[:LISTED]
                ]
                if len(entries) > LISTED:
                    out.append(f"  … und {len(entries) - LISTED} weitere")
        if attention:
            out.append("Braucht Ihre Aufmerksamkeit:")
            out += [f"  {item}" for item in attention]
        if self.hints:
            out.append("Hinweise:")
            out += [f"  {hint}" for hint in self.hints]
        out += self._validation_lines()
        if self.dry_run:
            out.append("Probelauf (--dry-run): Nichts wurde geschrieben.")
        elif created or updated:
            out.append(f"Geschrieben: {_count(len(created) + len(updated), 'Datei', 'Dateien')}.")
        return out

    def _validation_lines(self) -> list[str]:
        checked = sum(1 for planned in self.plan.files if planned.outcome is not Outcome.deleted)
        if not self.problems:
            if checked == 1:
                return ["Prüfung wie „validate“: Die Datei dieses Imports ist in Ordnung."]
            return [f"Prüfung wie „validate“: Alle {checked} Dateien dieses Imports sind in Ordnung."]
        failing = sorted({problem.location.path for problem in self.problems})
        out = [
            f"Prüfung wie „validate“: {len(failing)} von {checked} Dateien dieses Imports bestehen die Prüfung "
            "nicht. Korrigieren Sie sie (oder die Quelle und importieren Sie erneut):"
        ]
        out += [f"  {problem}" for problem in self.problems]
        return out


def _note_place(planned: PlannedFile, index: int, source: str) -> str:
    """file:line of a record's note: the line of the field it concerns, else the first field."""
    field_name = planned.record.note_fields.get(index)
    lines = planned.text.decode("utf-8").splitlines()
    wanted = re.compile(rf"^{re.escape(field_name)}:" if field_name else r"^[a-z_]+:")
    line = next((number for number, text in enumerate(lines, start=1) if wanted.match(text)), 1)
    return f"{planned.shown}:{line} (Quelle {source}:{planned.record.line})"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
