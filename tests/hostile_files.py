"""About 200 hostile content files of many kinds, for the "no file can stop the report" tests.

Each file breaks a rule in its own way: YAML that is no YAML, YAML that attacks the parser
(nesting, aliases, tags, size), data of the wrong shape, wrong values, references to nothing,
file names and folders that are wrong. `write_hostile_files` adds them to a copy of the sample;
`tests/validate/test_hostile_files.py` checks that `validate` reports every one of them with
file and line, and `bench/hostile_bench.py` measures the time and memory it takes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

BASE_EVENT = (
    "title: Feierabendtreffen\norganizer: heimatverein-herzberg\ncategory: fest\n"
    "venue: botanischer-garten\nstart: 2027-06-04 18:00\n"
)
"""A valid event; a hostile event changes or adds one thing to it (later keys win nothing: duplicates are errors)."""

BASE_CLUB = "name: Testverein e. V.\ncategory: [sport]\ncontact:\n  email: test@example.org\n"
BASE_VENUE = "name: Testort\naddress:\n  street: Markt 1\n  postcode: 04916\n  city: Herzberg (Elster)\n"
BASE_OPPORTUNITY = "title: Helfen beim Fest\norganizer: heimatverein-herzberg\ncontact:\n  email: test@example.org\n"


def _event_without(*keys: str) -> str:
    return "".join(line + "\n" for line in BASE_EVENT.splitlines() if line.split(":")[0] not in keys)


def _texts() -> Iterator[tuple[str, str | bytes]]:
    """(relative path under content/, file content) of every hostile file."""
    # --- not YAML at all, or YAML the loader refuses --------------------------------------------
    yield "events/tab-indent.yml", BASE_EVENT + "accessibility:\n\twheelchair: ja\n"
    yield "events/tab-before-key.yml", BASE_EVENT + "\tdescription: x\n"
    yield "events/latin1.yml", (BASE_EVENT + "description: Grüße aus Köln\n").encode("latin-1")
    yield "events/utf16.yml", (BASE_EVENT).encode("utf-16")
    yield "events/binary-png.yml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    yield "events/nul-bytes.yml", BASE_EVENT.encode() + b"description: a\x00b\n"
    yield "events/control-char.yml", BASE_EVENT + "description: Text\x07mit Klingel\n"
    yield "events/unclosed-quote.yml", BASE_EVENT + 'description: "offen\n'
    yield "events/unclosed-bracket.yml", BASE_EVENT + "tags: [a, b\n"
    yield "events/unclosed-brace.yml", BASE_EVENT + "accessibility: {wheelchair: ja\n"
    yield "events/colon-in-text.yml", _event_without("title") + "title: Treffen: Gartenarbeit\n"
    yield "events/at-sign.yml", BASE_EVENT + "price: @frei\n"
    yield "events/backtick.yml", BASE_EVENT + "price: `frei`\n"
    yield "events/two-documents.yml", BASE_EVENT + "---\n" + BASE_EVENT
    yield "events/three-documents.yml", "---\n" + BASE_EVENT + "---\n---\n"
    yield "events/bad-indent.yml", BASE_EVENT + "accessibility:\n  wheelchair: ja\n   toilet: ja\n"
    yield "events/list-indent.yml", BASE_EVENT + "tags:\n  - a\n - b\n"
    yield "events/bad-escape.yml", BASE_EVENT + 'description: "Preis \\€ 5"\n'
    yield "events/lone-surrogate.yml", BASE_EVENT + 'description: "\\ud83c"\n'
    yield "events/undefined-alias.yml", BASE_EVENT + "description: *nirgends\n"
    yield "events/stray-directive.yml", "%YAML 1.1\n%YAML 1.2\n---\n" + BASE_EVENT
    yield "events/unknown-directive.yml", "%FOO bar\n---\n" + BASE_EVENT
    yield "events/only-dashes.yml", "---\n"
    yield "events/empty.yml", ""
    yield "events/only-comment.yml", "# nichts\n"
    yield "events/only-spaces.yml", "   \n\n  \n"
    yield "events/top-level-list.yml", "- title: a\n- title: b\n"
    yield "events/top-level-text.yml", "Sommerfest am Markt\n"
    yield "events/crlf-broken.yml", (BASE_EVENT + "tags: [a,\r\n").replace("\n", "\r\n")
    yield "events/lone-cr.yml", BASE_EVENT.replace("\n", "\r") + "start: x\r"
    # --- attacks on the parser ------------------------------------------------------------------
    for depth in (25, 1_000, 5_000, 100_000, 400_000):
        yield f"events/nested-brackets-{depth}.yml", BASE_EVENT + "tags: " + "[" * depth + "]" * depth + "\n"
    yield "events/nested-braces.yml", BASE_EVENT + "accessibility: " + "{a: " * 30_000 + "x" + "}" * 30_000 + "\n"
    yield "events/unbalanced-nesting.yml", BASE_EVENT + "tags: " + "[" * 100_000 + "\n"
    yield "events/nested-block.yml", BASE_EVENT + "repeat:\n" + "".join("  " * i + "a:\n" for i in range(1, 400))
    yield "events/nested-dashes.yml", BASE_EVENT + "tags:\n  " + "- " * 3_000 + "x\n"
    yield (
        "events/alias-bomb.yml",
        BASE_EVENT
        + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(
            f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
            for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    )
    yield "events/alias-in-title.yml", _event_without("title") + "t: &t Fest\ntitle: *t\n"
    yield "events/merge-key.yml", BASE_EVENT + "base: &b {wheelchair: ja}\naccessibility:\n  <<: *b\n"
    yield "events/recursive-alias.yml", BASE_EVENT + "tags: &x [*x]\n"
    yield "events/python-tag.yml", BASE_EVENT + "description: !!python/object/apply:os.system [echo gehackt]\n"
    yield "events/python-name.yml", BASE_EVENT + "description: !!python/name:os.system\n"
    yield "events/local-tag.yml", BASE_EVENT + "price: !geheim 5\n"
    yield "events/binary-tag.yml", BASE_EVENT + "description: !!binary aGFsbG8=\n"
    yield "events/tagged-map.yml", BASE_EVENT + "accessibility: !!python/object:x {a: 1}\n"
    yield "events/set-tag.yml", BASE_EVENT + "tags: !!set {a, b}\n"
    yield "events/over-1mb.yml", BASE_EVENT + "description: |\n" + ("  " + "x" * 98 + "\n") * 11_000
    yield "events/long-line.yml", _event_without("title") + "title: " + "Sehr langer Titel " * 50_000 + "\n"
    yield "events/many-tags.yml", BASE_EVENT + "tags: [" + ", ".join(f"t{i}" for i in range(60_000)) + "]\n"
    yield "events/many-unknown-keys.yml", BASE_EVENT + "".join(f"feld{i}: x\n" for i in range(40_000))
    yield "events/many-duplicates.yml", BASE_EVENT + "price: 1\n" * 40_000
    yield "events/long-key.yml", BASE_EVENT + "k" * 200_000 + ": x\n"
    yield "events/complex-key.yml", BASE_EVENT + "? [a, b]\n: c\n"
    yield "events/map-key.yml", BASE_EVENT + "{a: 1}: c\n"
    yield "events/null-key.yml", BASE_EVENT + ": ohne Namen\n"
    # --- wrong shapes ----------------------------------------------------------------------------
    yield "events/title-list.yml", _event_without("title") + "title: [a, b]\n"
    yield "events/title-map.yml", _event_without("title") + "title: {de: Fest}\n"
    yield "events/start-list.yml", _event_without("start") + "start: [2027-06-04]\n"
    yield "events/repeat-text.yml", BASE_EVENT + "repeat: jeden Dienstag\n"
    yield "events/repeat-list.yml", BASE_EVENT + "repeat: [weekly]\n"
    yield "events/changes-text.yml", BASE_EVENT + "repeat:\n  freq: weekly\n  changes: am 5. anders\n"
    yield "events/accessibility-list.yml", BASE_EVENT + "accessibility: [ja]\n"
    yield "events/empty-title.yml", _event_without("title") + 'title: ""\n'
    yield "events/null-title.yml", _event_without("title") + "title:\n"
    yield "events/missing-everything.yml", "description: Nur ein Text\n"
    yield "events/unknown-keys.yml", BASE_EVENT + "titel: Fest\nbeschreibung: x\nort: Markt\n"
    yield "events/duplicate-keys.yml", BASE_EVENT + "title: Noch ein Titel\n"
    yield "events/duplicate-nested.yml", BASE_EVENT + "accessibility:\n  wheelchair: ja\n  wheelchair: nein\n"
    # --- garbage values --------------------------------------------------------------------------
    for index, start in enumerate(
        [
            "morgen",
            "32.13.2027",
            "2027-02-30",
            "2027-13-01",
            "2027-06-04 25:61",
            "2027-06-04 18:00:30",
            "2027-06-04T18:00:00.5",
            "0000-01-01",
            "9999-12-31 23:59",
            "1-1-1",
            "2027-06-04 18:00-20:00",
            "2027-06-04T18:00:00+05:00",
            "2027-03-28 02:30",
            "2027-10-31 02:30",
            "-2027-06-04",
            "2027-06-04 18.00",
            "20270604",
            "1e9",
            "'2027-06-04'x",
            "2027‐06‐04",  # Unicode hyphens
        ]
    ):
        yield f"events/bad-start-{index:02d}.yml", _event_without("start") + f"start: {start}\n"
    for index, end in enumerate(["17:00", "gestern", "2027-06-03 10:00", "24:00", "18:00:00", "99:99", "2027-06-04"]):
        yield f"events/bad-end-{index:02d}.yml", BASE_EVENT + f"end: {end!r}\n"
    for index, repeat in enumerate(
        [
            "{freq: hourly}",
            "{freq: weekly, days: [xx]}",
            "{freq: weekly, interval: -1}",
            "{freq: weekly, interval: 0}",
            "{freq: weekly, interval: 999999999999999999999}",
            "{freq: daily, count: 0}",
            "{freq: daily, count: 99999999999}",
            "{freq: daily, until: 2026-01-01}",
            "{freq: daily, until: 9999-12-31}",
            "{freq: weekly, days: [mo], until: 2027-12-31}",
            "{freq: monthly, week: 7, days: [fr]}",
            "{freq: monthly, monthday: 31}",
            "{freq: yearly, month: 13}",
            "{freq: weekly, except: [2027-06-05]}",
            "{freq: weekly, except: [9999-12-31]}",
            "{freq: weekly, cancelled: [0001-01-01]}",
            "{freq: weekly, changes: [{date: 2027-06-11, start: 2027-03-28 02:30}]}",
            "{freq: weekly, changes: [{date: 2027-06-11, venue: nirgendwo}]}",
            "{freq: weekly, changes: [{start: 2027-06-11 10:00}]}",
            "{freq: daily, count: 5, until: 2027-07-01}",
            "{}",
            "{freq: }",
        ]
    ):
        yield f"events/bad-repeat-{index:02d}.yml", BASE_EVENT + f"repeat: {repeat}\n"
    yield "events/unknown-venue.yml", _event_without("venue") + "venue: haus-auensee\n"
    yield "events/unknown-organizer.yml", _event_without("organizer") + "organizer: [niemand, keiner]\n"
    yield "events/unknown-category.yml", _event_without("category") + "category: zirkus\n"
    yield "events/venue-and-location.yml", BASE_EVENT + "location: {name: Markt}\n"
    yield "events/html-description.yml", BASE_EVENT + "description: <p>Hallo<br>Welt &amp; mehr</p>\n"
    yield "events/html-title.yml", _event_without("title") + "title: Fest &amp; Spiel <b>heute</b>\n"
    yield "events/bad-url.yml", BASE_EVENT + "website: javascript:alert(1)\n"
    yield "events/bad-email.yml", BASE_EVENT + "contact: {email: nicht-da}\n"
    yield "events/image-outside.yml", BASE_EVENT + "image: {src: ../../etc/passwd, alt: Bild eines Festes}\n"
    yield "events/image-remote.yml", BASE_EVENT + "image: {src: 'https://example.org/a.jpg', alt: Ein Fest}\n"
    yield "events/image-missing.yml", BASE_EVENT + "image: {src: gibt-es-nicht.jpg, alt: Ein Fest}\n"
    yield "events/bool-free.yml", BASE_EVENT + "free: vielleicht\n"
    yield "events/huge-number.yml", BASE_EVENT + "free: " + "9" * 5_000 + "\n"
    # --- the other kinds -------------------------------------------------------------------------
    yield "clubs/club-no-name.yml", "category: [sport]\n"
    yield "clubs/club-bad-category.yml", BASE_CLUB.replace("[sport]", "[sportverein]")
    yield "clubs/club-bad-founded.yml", BASE_CLUB + "founded: im Jahr 1900\n"
    yield "clubs/club-bad-phone.yml", BASE_CLUB.replace("contact:\n", "contact:\n  phone: ruf mich an\n")
    yield "clubs/club-nested.yml", BASE_CLUB + "membership: " + "[" * 10_000 + "]" * 10_000 + "\n"
    yield "clubs/club-tabs.yml", BASE_CLUB + "membership:\n\topen: ja\n"
    yield "clubs/club-latin1.yml", (BASE_CLUB + "description: Größe\n").encode("cp1252")
    yield "clubs/club-html.yml", BASE_CLUB + "description: |\n  Wir sind<br/>\n  ein <strong>Verein</strong>\n"
    yield "clubs/club-unknown-venue.yml", BASE_CLUB + "venue: caritas-leipzig\n"
    yield "clubs/club-unknown-district.yml", BASE_CLUB + "district: leipzig-mitte\n"
    yield "clubs/club-list.yml", "- " + BASE_CLUB.replace("\n", "\n  ")
    yield "clubs/club-image-empty-alt.yml", BASE_CLUB + "image: {src: logo.png, alt: ''}\n"
    yield "clubs/club-python.yml", BASE_CLUB + "tags: !!python/tuple [a, b]\n"
    yield "venues/venue-no-address.yml", "name: Irgendwo\n"
    yield "venues/venue-bad-postcode.yml", BASE_VENUE.replace("04916", "4916x")
    yield "venues/venue-bad-geo.yml", BASE_VENUE + "geo: {lat: 200, lon: abc}\n"
    yield "venues/venue-geo-list.yml", BASE_VENUE + "geo: [51.6, 13.2]\n"
    yield "venues/venue-bad-district.yml", BASE_VENUE + "district: mitte\n"
    yield "venues/venue-dupe.yml", BASE_VENUE + "name: Zweiter Name\n"
    yield "venues/venue-alias.yml", BASE_VENUE + "x: &x a\ndirections: *x\n"
    yield "opportunities/opp-no-contact.yml", "title: Hilf mit\norganizer: heimatverein-herzberg\n"
    yield "opportunities/opp-bad-expires.yml", BASE_OPPORTUNITY + "expires: bald\n"
    yield "opportunities/opp-unknown-organizer.yml", BASE_OPPORTUNITY.replace("heimatverein-herzberg", "niemand")
    yield "opportunities/opp-nested.yml", BASE_OPPORTUNITY + "tags: " + "[" * 50_000 + "]" * 50_000 + "\n"
    yield "opportunities/opp-empty.yml", ""
    yield "pages/page-no-front-matter.md", "# Überschrift\n\nText\n"
    yield "pages/page-unclosed-front-matter.md", "---\ntitle: Offen\n\nText\n"
    yield "pages/page-bad-yaml.md", "---\ntitle: [offen\n---\nText\n"
    yield "pages/page-no-title.md", "---\ndescription: x\n---\nText\n"
    yield "pages/page-html.md", "---\ntitle: HTML-Seite\n---\n<p>Hallo<br>Welt</p>\n"
    yield "pages/page-latin1.md", "---\ntitle: Größe\n---\n".encode("cp1252")
    yield "pages/page-nested.md", "---\ntitle: x\nfoo: " + "[" * 60_000 + "]" * 60_000 + "\n---\n"
    yield "pages/page-alias-bomb.md", "---\ntitle: &t x\ndescription: *t\n---\nText\n"
    yield "pages/veranstaltungen.md", "---\ntitle: Reserviert\n---\nText\n"
    # --- names and folders -----------------------------------------------------------------------
    yield "events/Tag der Nachbarn.yml", BASE_EVENT
    yield "events/Großes_Fest.yml", BASE_EVENT
    yield "events/fest.yaml", BASE_EVENT
    yield "events/fest.json", '{"title": "Fest"}'
    yield "events/FEST.YML", BASE_EVENT
    yield "events/sub/chorprobe.yml", BASE_EVENT  # the sample has events/chorprobe.yml
    yield "events/tief/tiefer/am-tiefsten.yml", BASE_EVENT + "start: doppelt\n"
    yield "venues/ort.txt", "Ein Ort\n"
    yield "pages/seite.yml", "title: Seite\n"
    yield "clubs/-verein.yml", BASE_CLUB


def _special_files(content: Path) -> Iterator[str]:
    """Files that are hostile by what they are, not by what they hold (symbolic links)."""
    dangling = content / "events" / "dangling-link.yml"
    os.symlink("gibt-es-nicht.yml", dangling)
    yield "events/dangling-link.yml"
    loop = content / "events" / "link-loop.yml"
    os.symlink("link-loop.yml", loop)
    yield "events/link-loop.yml"


def write_hostile_files(content: Path, select: Callable[[str], bool] = lambda name: True) -> list[str]:
    """Add the hostile files to ``content`` (a `content/` folder); return their paths as shown.

    ``select`` picks by relative path (all by default)."""
    written: list[str] = []
    for relative, data in _texts():
        if not select(relative):
            continue
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8", newline="")
        else:
            path.write_bytes(data)
        written.append(relative)
    written.extend(name for name in _special_files(content) if select(name))
    return [f"content/{relative}" for relative in written]
