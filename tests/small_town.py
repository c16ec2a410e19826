"""A handful of events in the minimal fixture project, for unit tests of what is derived from them.

``today`` is Tuesday 1 December 2026. The events: a fortnightly training on Tuesdays with one
cancelled and one moved date, a Christmas market (all day, by the town and a school), a festival
that began in November and ends on 2 December (naming no organiser), a concert that runs past
midnight, and a fair that was over in August.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from generator.models.site import Site

TODAY = date(2026, 12, 1)

EVENTS = {
    "training": """\
title: Training
organizer: turnverein
category: sport
venue: rathaus
start: 2026-12-01 18:00
end: "19:30"
audiences: [kinder]
repeat:
  freq: weekly
  interval: 2
  days: [di]
  until: 2027-01-26
  cancelled: [2026-12-29]
  changes:
    - date: 2026-12-15
      start: 2026-12-16 17:00
      end: "18:30"
      title: Wintertraining
      venue: markt
""",
    "weihnachtsmarkt": """\
title: Weihnachtsmarkt & Basar
organizer:
  - stadt
  - {name: Schule am Park, website: https://schule.example.org/, email: basar@schule.example.org}
category: fest
venue: markt
start: 2026-12-24
audiences: [familien]
""",
    "lichterfest": """\
title: Lichterfest
category: fest
venue: markt
start: 2026-11-29
end: 2026-12-02
""",
    "konzert": """\
title: Nachtkonzert
organizer: turnverein
category: fest
location: {name: Scheune am Deich, district: borken}
start: 2027-01-15 21:00
end: 2027-01-16 01:00
""",
    "altes-fest": """\
title: Altes Fest
category: fest
venue: markt
start: 2026-08-15 14:00
end: "18:00"
""",
}


def small_town(project: Any) -> Site:
    """Load the `project` fixture (conftest.ContentProject) with ``EVENTS`` added; fails on any problem."""
    for name, text in EVENTS.items():
        project.add(f"events/{name}.yml", text)
    site, report = project.load()
    assert site is not None, "\n".join(map(str, report.sorted()))
    return site
