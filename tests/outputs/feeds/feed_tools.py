"""Read feeds as calendar clients do, and check the rules every client relies on.

Two independent engines expand a feed into occurrences ``(uid, start, end, status, summary)``:
``icalendar`` + ``recurring-ical-events`` (Python) and ``ical.js`` (Thunderbird's parser, via
``expand.mjs`` in Node). Start and end are ``YYYY-MM-DD`` for all-day values and UTC
``YYYY-MM-DDTHH:MM:SSZ`` otherwise, so both lists compare directly with hand-written ones.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from generator.build.writer import Writer
from generator.models.site import Site
from generator.outputs.feeds.writer import FeedReport, render_feeds

ROOT = Path(__file__).resolve().parents[3]
EXPAND_SCRIPT = Path(__file__).with_name("expand.mjs")
RANGE = (date(2020, 1, 1), date(2030, 1, 1))

Occurrence = tuple[str, str, str, str, str]


def show(value: date | datetime) -> str:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, f"floating time {value}"
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def expand_python(data: bytes, first: date = RANGE[0], last: date = RANGE[1]) -> list[Occurrence]:
    """Occurrences as icalendar + recurring-ical-events see them (cancelled ones included)."""
    calendar = icalendar.Calendar.from_ical(data)
    result = []
    for component in recurring_ical_events.of(calendar).between(first, last):
        start = component["DTSTART"].dt
        end = component["DTEND"].dt if "DTEND" in component else start
        result.append(
            (str(component["UID"]), show(start), show(end), str(component.get("STATUS", "")), str(component["SUMMARY"]))
        )
    return sorted(result, key=_order)


def expand_icaljs(paths: list[Path], first: date = RANGE[0], last: date = RANGE[1]) -> dict[Path, list[Occurrence]]:
    """Occurrences as ical.js (Thunderbird) sees them, for many files in one Node run."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node fehlt (Debian-Pakete nodejs und npm; .ci/run installiert sie)")
    if not (ROOT / "node_modules" / "ical.js").is_dir():
        pytest.skip("ical.js fehlt: `npm ci` im Projektordner ausführen (make test tut das)")
    done = subprocess.run(
        [node, str(EXPAND_SCRIPT), first.isoformat(), last.isoformat(), *map(str, paths)],
        capture_output=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr.decode()
    raw = json.loads(done.stdout)
    return {Path(name): sorted((tuple(item) for item in items), key=_order) for name, items in raw.items()}


def _order(occurrence: tuple) -> tuple:
    return (occurrence[1], occurrence[0])


# --- structure -------------------------------------------------------------------------------


def unfold(data: bytes) -> list[str]:
    """Content lines with folding undone (RFC 5545 §3.1)."""
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def assert_well_formed(data: bytes, name: str = "") -> None:
    """CRLF, folding, calendar properties first, time zones declared, no floating times."""
    assert data.endswith(b"END:VCALENDAR\r\n"), name
    physical = data.split(b"\r\n")
    assert physical[-1] == b""
    for line in physical[:-1]:
        assert b"\r" not in line and b"\n" not in line, (name, line)
        assert len(line) <= 75, (name, line)
        line.decode("utf-8")  # every fold decodes on its own: never inside a UTF-8 sequence
    lines = unfold(data)
    names = [_name(line) for line in lines]
    assert names[0] == "BEGIN" and lines[0] == "BEGIN:VCALENDAR", name
    assert names.count("VERSION") == 1 and "VERSION:2.0" in lines, name
    assert names.count("PRODID") == 1, name
    depth, components_seen = 0, False
    for line in lines[1:-1]:
        if line.startswith("BEGIN:"):
            depth += 1
            components_seen = True
        elif line.startswith("END:"):
            depth -= 1
        elif depth == 0:
            assert not components_seen, f"{name}: calendar property after a component: {line}"
    _assert_time_zones(lines, name)
    _assert_events(lines, name)


def _name(line: str) -> str:
    return re.split(r"[;:]", line, maxsplit=1)[0]


def _assert_time_zones(lines: list[str], name: str) -> None:
    declared: dict[str, set[str]] = {}
    zone = None
    for line in lines:
        if line == "BEGIN:VTIMEZONE":
            zone = ""
        elif line.startswith("TZID:") and zone == "":
            zone = line[5:]
            declared[zone] = set()
        elif line in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT") and zone:
            declared[zone].add(line[6:])
        elif line == "END:VTIMEZONE":
            zone = None
    for tzid in set(re.findall(r";TZID=([^;:]+)", "\n".join(lines))):
        assert tzid in declared, f"{name}: TZID {tzid} has no VTIMEZONE"
        zone = ZoneInfo(tzid)
        observes_dst = any(datetime(2027, month, 1, tzinfo=zone).dst() for month in range(1, 13))
        assert declared[tzid] == ({"STANDARD", "DAYLIGHT"} if observes_dst else {"STANDARD"}), name


def _assert_events(lines: list[str], name: str) -> None:
    seen: set[tuple[str, str]] = set()
    event: dict[str, str] | None = None
    for line in lines:
        if line == "BEGIN:VEVENT":
            event = {}
        elif line == "END:VEVENT":
            assert event is not None
            for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                assert required in event, f"{name}: VEVENT without {required}"
            assert event["DTSTAMP"].endswith("Z"), name
            key = (event["UID"], event.get("RECURRENCE-ID", ""))
            assert key not in seen, f"{name}: (UID, RECURRENCE-ID) twice: {key}"
            seen.add(key)
            timed = ";TZID=" in event["DTSTART"]
            if "RRULE" in event and "UNTIL=" in event["RRULE"] and timed:
                assert re.search(r"UNTIL=\d{8}T\d{6}Z", event["RRULE"]), f"{name}: UNTIL not in UTC"
            event = None
        elif event is not None:
            prop = _name(line)
            if prop in ("DTSTART", "DTEND", "EXDATE", "RECURRENCE-ID"):
                value = line.split(":", 1)[1]
                assert ";VALUE=DATE" in line or ";TZID=" in line or value.endswith("Z"), f"{name}: floating {line}"
            event[prop] = event.get(prop, "") + line if prop == "EXDATE" else line


def vevents(data: bytes) -> list[bytes]:
    """The raw bytes of every VEVENT, in file order."""
    return re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", data, flags=re.S)


def event_blocks(data: bytes) -> dict[str, bytes]:
    """UID → the bytes of all its VEVENTs (master and overrides) as they stand in the file."""
    blocks: dict[str, bytes] = {}
    for block in vevents(data):
        uid = re.search(rb"\r\nUID:(.*?)\r\n", block).group(1).decode()  # type: ignore[union-attr]
        blocks[uid] = blocks.get(uid, b"") + block
    return blocks


def write_feeds(root: Path, site: Site, out: Path, today: date, quiet: bool = True) -> FeedReport:
    """Every feed of ``site`` as files under ``out`` (as the build's feeds stage writes them)."""
    writer = Writer(out)
    return render_feeds(root, site, today, lambda path, data: writer.write("feeds", path, data))
