"""Realistic synthetic content at any size, for benchmarks.

Titles and descriptions come from the real German listings in
`../shared/data/real-events` (Leipzig Open Data, CC0) when that folder exists,
else from a small built-in vocabulary. Content is valid by construction: the
town config is copied from the project, series start on their first
occurrence, and exceptions name real occurrences.
"""

from __future__ import annotations

import html
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

from generator.project import Project

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT.parent / "shared" / "data" / "real-events"

_FALLBACK_TITLES = [
    "Offener Spieleabend", "Frühjahrsputz im Stadtpark", "Chorprobe", "Vortrag zur Stadtgeschichte",
    "Training der Jugendmannschaft", "Seniorennachmittag mit Kaffee und Kuchen", "Pflanzentauschbörse",
    "Lesung in der Bibliothek", "Dorffest mit Blasmusik", "Erste-Hilfe-Kurs für Vereine",
]  # fmt: skip
_FALLBACK_TEXT = (
    "Alle Interessierten sind herzlich eingeladen. Wir freuen uns auf Gäste aus der Stadt und den "
    "Ortsteilen, ob jung oder alt. Für Getränke ist gesorgt; eine Anmeldung ist nicht nötig."
)
_WEEKDAYS = ["mo", "di", "mi", "do", "fr", "sa"]


def load_corpus(corpus: Path = DEFAULT_CORPUS) -> tuple[list[str], list[str]]:
    """(titles, descriptions) from the Turtle files, with HTML stripped and entities decoded."""
    titles: list[str] = []
    texts: list[str] = []
    if corpus.is_dir():
        for path in sorted(corpus.rglob("*.ttl")):
            source = path.read_text(encoding="utf-8", errors="replace")
            titles += map(html.unescape, re.findall(r'ical:summary "([^"\n]{5,90})"', source))
            texts += re.findall(r'ical:description "([^"]{40,1500})"', source)
    clean = [_plain(t) for t in texts]
    return (sorted(set(titles)) or _FALLBACK_TITLES, [t for t in clean if len(t) > 40] or [_FALLBACK_TEXT])


def _plain(text: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _block(text: str) -> str:
    return "|\n" + "\n".join("  " + line if line.strip() else "" for line in text.splitlines()) + "\n"


def write_synthetic_content(root: Path, events: int, clubs: int, venues: int, seed: int = 1) -> Path:
    """Create a project folder at ``root`` with that much content; returns ``root``."""
    rng = random.Random(seed)
    titles, texts = load_corpus()
    if root.exists():
        shutil.rmtree(root)
    Project(PROJECT).copy_to(root, content=False)
    content = root / "content"
    content.mkdir()
    shutil.copy(PROJECT / "content" / "town.yml", content / "town.yml")
    town = (content / "town.yml").read_text(encoding="utf-8")
    categories = re.findall(r"\{id: ([a-z0-9-]+), label", town.split("districts:")[0])
    districts = re.findall(r"\{id: ([a-z0-9-]+), label", town.split("districts:")[1].split("audiences:")[0])
    audiences = re.findall(r"\{id: ([a-z0-9-]+), label", town.split("audiences:")[1])
    (content / "venues").mkdir()
    (content / "venues" / "haus-zwei.yml").write_text(
        (PROJECT / "content" / "venues" / "haus-zwei.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    venue_ids = ["haus-zwei"]
    for index in range(venues - 1):
        venue_id = f"ort-{index:05d}"
        venue_ids.append(venue_id)
        (content / "venues" / f"{venue_id}.yml").write_text(
            f"name: {_quote(rng.choice(titles)[:40] + ' Saal ' + str(index))}\n"
            f"address:\n  street: Hauptstraße {index + 1}\n  postcode: 04916\n  city: Herzberg (Elster)\n"
            f"district: {rng.choice(districts)}\n"
            f"geo: {{lat: {51.6 + rng.random() / 10:.5f}, lon: {13.2 + rng.random() / 10:.5f}}}\n"
            f"accessibility: {{wheelchair: {rng.choice(['yes', 'limited', 'no'])}}}\n",
            encoding="utf-8",
        )
    (content / "clubs").mkdir()
    club_ids = []
    for index in range(clubs):
        club_id = f"verein-{index:05d}"
        club_ids.append(club_id)
        (content / "clubs" / f"{club_id}.yml").write_text(
            f"name: {_quote('Verein ' + rng.choice(titles)[:50] + f' {index}')}\n"
            f"category: [{', '.join(rng.sample(categories, 2))}]\n"
            f"description: {_block(rng.choice(texts))}"
            f"contact:\n  email: verein{index}@example.org\n  phone: 03535 000 {index % 1000:03d}\n"
            f"district: {rng.choice(districts)}\n"
            f"meeting_times:\n  - {rng.choice(['dienstags', 'donnerstags', 'samstags'])} 18:00 Uhr\n"
            f"audiences: [{', '.join(rng.sample(audiences, 2))}]\n"
            f"founded: {rng.randint(1880, 2025)}\nreviewed: 2026-{rng.randint(1, 11):02d}-15\n",
            encoding="utf-8",
        )
    events_dir = content / "events"
    events_dir.mkdir()
    first_day = date(2026, 12, 1)
    for index in range(events):
        folder = events_dir / str(2026 + index % 2)
        folder.mkdir(exist_ok=True)
        (folder / f"termin-{index:06d}.yml").write_text(
            _event_yaml(rng, index, first_day, titles, texts, categories, audiences, club_ids, venue_ids),
            encoding="utf-8",
        )
    return root


def _event_yaml(rng, index, first_day, titles, texts, categories, audiences, club_ids, venue_ids) -> str:
    day = first_day + timedelta(days=rng.randrange(365))
    hour = rng.choice([9, 10, 14, 15, 17, 18, 19])
    lines = [
        f"title: {_quote(rng.choice(titles))}",
        f"organizer: {rng.choice(club_ids)}",
        f"category: {rng.choice(categories)}",
        f"venue: {rng.choice(venue_ids)}",
    ]
    kind = rng.random()
    if kind < 0.6:  # one-off, timed
        lines += [f"start: {day} {hour:02d}:00", f"end: {hour + 2:02d}:00"]
    elif kind < 0.7:  # all-day, sometimes several days
        lines += [f"start: {day}", f"end: {day + timedelta(days=rng.choice([0, 1, 2]))}"]
    elif kind < 0.9:  # weekly series with exceptions
        weekday = rng.randrange(6)
        day += timedelta(days=(weekday - day.weekday()) % 7)
        lines += [f"start: {day} {hour:02d}:00", f"end: {hour + 1:02d}:30", "repeat:", "  freq: weekly"]
        lines += [f"  days: [{_WEEKDAYS[weekday]}]", f"  until: {day + timedelta(days=7 * 30)}"]
        lines += [f"  except: [{day + timedelta(days=14)}]", f"  cancelled: [{day + timedelta(days=21)}]"]
        moved = day + timedelta(days=28)
        lines += ["  changes:", f"    - date: {moved}", f"      start: {moved + timedelta(days=1)} {hour:02d}:00"]
    else:  # monthly on the last Friday
        day = _last_friday(day.year, day.month)
        if day < first_day:
            day = _last_friday(*_next_month(day.year, day.month))
        lines += [f"start: {day} 19:00", "repeat:", "  freq: monthly", "  days: [-1fr]", "  count: 10"]
    lines.append(f"audiences: [{rng.choice(audiences)}]")
    if rng.random() < 0.3:
        lines.append("free: ja")
    lines.append(f"description: {_block(rng.choice(texts))}")
    return "\n".join(lines) + ("" if lines[-1].endswith("\n") else "\n")


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _last_friday(year: int, month: int) -> date:
    next_year, next_month = _next_month(year, month)
    day = date(next_year, next_month, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() - 4) % 7)
