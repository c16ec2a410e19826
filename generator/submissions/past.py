"""Submissions must not lie in the past: a new event starts today or later, a call expires today or later.

Only for new records sent in through a form (`issue-to-yaml`; the web forms apply the same rule
in theme/assets/forms.js). `validate` does not check this: past events in content/ are the
archive, and a call that has expired is simply no longer shown.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from generator.derive.german import short_date
from generator.load.yaml_loader import SourceMap
from generator.problems import Problem


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def past_dates(kind: str, record: Any, source: SourceMap, today: date) -> list[Problem]:
    """The problem with a validated ``record`` of ``kind`` (content folder) dated before ``today``."""
    if kind == "events":
        day = _day(record.start)
        if day >= today:
            return []
        series = (
            " Bei einem regelmäßigen Termin tragen Sie den nächsten Termin ab heute ein."
            if record.repeat is not None
            else ""
        )
        message = (
            f"Der Beginn am {short_date(day)} liegt in der Vergangenheit (heute ist der {short_date(today)}). "
            "Das Portal zeigt nur kommende Termine: Bitte prüfen Sie das Datum." + series
        )
        return [Problem(source.value(("start",)), "start", message)]
    if kind == "opportunities" and record.expires < today:
        message = (
            f"Der {short_date(record.expires)} liegt in der Vergangenheit (heute ist der {short_date(today)}): "
            "Der Aufruf würde gar nicht erst erscheinen. Tragen Sie einen Tag ab heute ein."
        )
        return [Problem(source.value(("expires",)), "expires", message)]
    return []
