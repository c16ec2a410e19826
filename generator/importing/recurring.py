"""Organisers that run many of the imported events but have no directory entry.

An organiser the import cannot match to a club stays a named entry (``{name: …}``) on each of its
events. When one appears on several events (a museum, a church, an adult-education centre), a
directory entry (`content/clubs/<id>.yml`) lets citizens find all its dates on one page, and the
next import links the events to it (`resolve` matches the name). Whether such an organiser gets an
entry is the town's decision; the summary only says it once per organiser, with the count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.importing.records import ImportedRecord
from generator.importing.resolve import normalise
from generator.load.discover import suggest_id

RECURRING = 3
"""Imported events an unmatched organiser needs before the summary suggests a directory entry."""


def recurring_organiser_hints(records: Sequence[ImportedRecord], taken_ids: set[str], valid_ids: set[str]) -> list[str]:
    """One German hint per named organiser of at least `RECURRING` events, most events first.

    Call after `resolve_record`: matched organisers are ids by then, only named ones are dicts.
    ``taken_ids`` are the ids of all club files, ``valid_ids`` those that pass validation (only
    they are matched): a file named after the organiser that does not pass yet is pointed at.
    """
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for record in records:
        if record.kind != "events":
            continue
        names = {
            normalise(organiser["name"]): organiser["name"]
            for organiser in record.data.get("organizer") or []
            if isinstance(organiser, dict) and organiser.get("name")
        }
        for key, name in names.items():
            counts[key] += 1
            shown.setdefault(key, name)
    hints = []
    for key, count in sorted(counts.items(), key=lambda item: (-item[1], shown[item[0]].casefold())):
        if count < RECURRING or not key:
            continue
        name = shown[key]
        base = suggest_id(name)[:60].rstrip("-") or "veranstalter"
        if base in taken_ids and base not in valid_ids:
            hints.append(
                f"„{name}“ veranstaltet {count} der importierten Termine. content/clubs/{base}.yml ist angelegt, "
                "besteht aber die Prüfung nicht (python -m generator validate); sobald sie in Ordnung ist, "
                "verknüpft der nächste Import die Termine mit dem Eintrag, und Bürgerinnen und Bürger finden "
                "alle Termine dieses Veranstalters auf einer Seite."
            )
            continue
        file_id = _free_id(base, taken_ids)
        hints.append(
            f"„{name}“ veranstaltet {count} der importierten Termine und hat keinen Eintrag im Verzeichnis. "
            f"Legen Sie content/clubs/{file_id}.yml mit „name: {name}“ an (Anleitung: docs/inhalte.md, Vereine), "
            "dann finden Bürgerinnen und Bürger alle Termine dieses Veranstalters auf einer Seite, und der "
            "nächste Import verknüpft die Termine mit dem Eintrag."
        )
    return hints


def _free_id(base: str, taken: set[str]) -> str:
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
