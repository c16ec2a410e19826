"""`serve`: build, serve on localhost, rebuild when content or templates change.

Change detection polls modification times: no extra dependency, works on every
file system (including Docker volumes and network drives where inotify fails),
and is cheap at a town's scale (a few hundred files).
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from generator.build.live import LiveSite
from generator.content import load_site
from generator.project import Project

POLL_SECONDS = 0.4


def serve(project: Project, host: str, port: int, today: date | None) -> int:
    out = project.root / "build" / "serve"
    live = LiveSite(project, out, project.root / "build" / "serve-work")
    _rebuild(live, today)
    if not out.is_dir():
        print("Die Seite konnte nicht gebaut werden; bitte Fehler oben korrigieren.", file=sys.stderr)
    handler = functools.partial(_QuietHandler, directory=str(out))
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        print(f"Port {port} ist belegt ({exc.strerror}). Anderer Port: --port 8001", file=sys.stderr)
        return 2
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Das Portal läuft auf http://{host}:{port}/ — beenden mit Strg+C.")
    try:
        _watch(live, today)
    except KeyboardInterrupt:
        print("\nBeendet.")
    finally:
        server.shutdown()
    return 0


def _rebuild(live: LiveSite, today: date | None) -> bool:
    started = time.perf_counter()
    site, report = load_site(live.project)
    if site is None:
        report.print(sys.stderr)
        print("Die Änderungen werden erst nach der Korrektur angezeigt.", file=sys.stderr)
        return False
    kind = live.update(site, today or datetime.now(site.town.zone).date(), on_pages_ready=_announce(started))
    print(f"Fertig ({kind}, {_seconds(started)} s mit Kalendern und Suchindex).")
    return True


def _seconds(started: float) -> str:
    return f"{time.perf_counter() - started:.1f}".replace(".", ",")


def _announce(started: float) -> Callable[[], None]:
    def announce() -> None:
        print(f"Seiten aktualisiert nach {_seconds(started)} s.")

    return announce


def _snapshot(project: Project) -> dict[Path, float]:
    watched = [project.content_dir, project.theme_dir]
    stamps = {path: path.stat().st_mtime for folder in watched if folder.is_dir() for path in folder.rglob("*")}
    if project.mkdocs_file.is_file():
        stamps[project.mkdocs_file] = project.mkdocs_file.stat().st_mtime
    return stamps


def _watch(live: LiveSite, today: date | None) -> None:
    before = _snapshot(live.project)
    while True:
        time.sleep(POLL_SECONDS)
        now = _snapshot(live.project)
        if now != before:
            before = now
            try:
                _rebuild(live, today)
            except Exception as exc:  # keep serving the last good site whatever happens
                print(f"Fehler beim Bauen: {exc}", file=sys.stderr)


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".ics": "text/calendar; charset=utf-8",
        ".json": "application/json",
        ".js": "text/javascript",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass
