"""A small town project whose events exercise everything a calendar feed must get right.

Built on the minimal fixture project (``tests/data/project``: town "Teststadt", club
``turnverein``, venues ``rathaus`` and ``markt``, the latter given coordinates here), plus one
club with an e-mail address and these events (``TODAY`` = 2027-01-10, so the window starts on 2026-10-12):

* ``wochentreff``  every second Wednesday 19:00–21:00 from 10 March to 10 November 2027, across
  both DST changes, with an EXDATE, a cancelled and a moved occurrence (new day, time, title, venue)
* ``stammtisch``   monthly on the last Friday, six times
* ``stadtfest``    all-day, Saturday and Sunday
* ``konzert``      a cancelled one-off event
* ``flohmarkt``    a postponed one-off all-day event
* ``vortrag``      umlauts and ``; , \\`` in title, place and text, a 2,000-character description
* ``altes-fest``   long past: not in any feed, but it keeps its own .ics file
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content import load_site
from generator.models.site import Site
from generator.project import Project

TESTS = Path(__file__).resolve().parents[2]
ROOT = TESTS.parent
TODAY = "2027-01-10"
DOMAIN = "engagiert.example.org"

_SENTENCE = "Grüße aus der Käserei; Äpfel, Birnen \\ Quitten – öffentlich für alle. "
LONG_TEXT = (_SENTENCE * 40)[:1999] + "."
assert len(LONG_TEXT) == 2000

VORTRAG_TITLE = "Vortrag: Äpfel, Birnen; Quitten \\ Co."
VORTRAG_PLACE = "Garten „Zur Linde“; hinten, links, Lindenweg 3, 04916 Teststadt"

EVENTS = {
    "wochentreff.yml": """\
title: Wochentreff
organizer: turnverein
category: sport
venue: rathaus
start: 2027-03-10 19:00
end: "21:00"
audiences: [familien]
repeat:
  freq: weekly
  interval: 2
  days: [mi]
  until: 2027-11-10
  except: [2027-08-11]
  cancelled: [2027-09-22]
  changes:
    - date: 2027-06-16
      start: 2027-06-17 18:30
      end: "20:30"
      title: Sommertreff
      venue: markt
      note: Wegen des Stadtfests am Donnerstag auf dem Markt.
""",
    "stammtisch.yml": """\
title: Stammtisch
organizer: chor
category: fest
venue: rathaus
start: 2027-01-29 19:30
end: "22:00"
audiences: [familien]
repeat:
  freq: monthly
  days: [-1fr]
  count: 6
""",
    "stadtfest.yml": """\
title: Stadtfest
category: fest
venue: markt
start: 2027-06-05
end: 2027-06-06
audiences: [kinder, familien]
free: ja
""",
    "konzert.yml": """\
title: Konzert im Park
organizer: chor
category: fest
venue: markt
start: 2027-05-21 15:00
end: "19:00"
status: abgesagt
audiences: [familien]
""",
    "flohmarkt.yml": """\
title: Flohmarkt
organizer: turnverein
category: fest
venue: markt
start: 2027-04-17
status: verschoben
audiences: [kinder]
""",
    "vortrag.yml": f"""\
title: '{VORTRAG_TITLE}'
organizer: chor
category: fest
location:
  name: 'Garten „Zur Linde“; hinten, links'
  street: Lindenweg 3
  postcode: 04916
  city: Teststadt
start: 2027-02-12 18:00
end: 2027-02-12 20:00
price: 5 €; ermäßigt 3 €
registration: https://example.org/anmeldung
registration_required: ja
tags: [Obst, Garten]
description: |
  {LONG_TEXT}

  [Anmeldung](https://example.org/anmeldung)
""",
    "altes-fest.yml": """\
title: Altes Fest
category: fest
venue: markt
start: 2026-08-15 14:00
end: "18:00"
""",
}

CHOR = """\
name: Chor Harmonie, Teststadt e. V.
category: fest
contact:
  email: chor@example.org
reviewed: 2026-10-01
"""


def make_project(root: Path, with_theme: bool = False) -> Path:
    """Write the feed fixture project to ``root``; ``with_theme`` adds what `build` needs besides content."""
    shutil.copytree(TESTS / "data" / "project", root)
    (root / "content" / "clubs" / "chor.yml").write_text(CHOR, encoding="utf-8")
    markt = root / "content" / "venues" / "markt.yml"
    markt.write_text(markt.read_text(encoding="utf-8") + "geo: {lat: 51.6843, lon: 13.2346}\n", encoding="utf-8")
    events = root / "content" / "events"
    events.mkdir(parents=True)
    for name, text in EVENTS.items():
        (events / name).write_text(text, encoding="utf-8")
    if with_theme:
        Project(ROOT).copy_to(root, content=False)
    return root


def load(root: Path) -> Site:
    site, report = load_site(Project(root))
    assert site is not None, "\n".join(map(str, report.sorted()))
    return site


@pytest.fixture
def feed_project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")
