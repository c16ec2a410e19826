"""`serve`: build, serve on localhost, rebuild when content or templates change.

Every rebuild is the same build as `build` (`build/publish.py`), incremental through a cache in
`build/serve-cache/`: only what an edit affects is made again, and the new site replaces the
served one in one step. The web server runs in a process of its own, started before anything
else, so the build's process has no thread and can fork its workers as `build` does.

Change detection polls modification times: no extra dependency, works on every file system
(including Docker volumes and network drives where inotify fails), and is cheap at a town's
scale (a few hundred files).
"""

from __future__ import annotations

import functools
import multiprocessing
import signal
import sys
import threading
import time
from datetime import date, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from generator.build.cache import BuildCache
from generator.build.jobs import fork_is_safe
from generator.build.memory import content_frozen
from generator.build.publish import load_cached, publish
from generator.progress import Progress
from generator.project import Project

POLL_SECONDS = 0.4


def serve(project: Project, host: str, port: int, today: date | None) -> int:
    out = project.root / "build" / "serve"
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(out))
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        print(f"Port {port} ist belegt ({exc.strerror}). Anderer Port: --port 8001", file=sys.stderr)
        return 2
    stop = _start_server(server)
    cache = BuildCache.open(project.root / "build" / "serve-cache")
    try:
        if not rebuild(project, out, today, cache):
            print("Die Seite konnte nicht gebaut werden; bitte Fehler oben korrigieren.", file=sys.stderr)
        print(f"Das Portal läuft auf http://{host}:{port}/ — beenden mit Strg+C.")
        _watch(project, out, today, cache)
    except KeyboardInterrupt:
        print("\nBeendet.")
    finally:
        stop()
        if cache is not None:
            cache.close()
    return 0


def _start_server(server: ThreadingHTTPServer) -> functools.partial[None]:
    """Serve in a forked process (the build's process keeps no thread), else in a thread."""
    if fork_is_safe():
        process = multiprocessing.get_context("fork").Process(target=_serve_quietly, args=(server,), daemon=True)
        process.start()
        server.server_close()  # the child listens; this process no longer needs the socket
        return functools.partial(_stop_process, process)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return functools.partial(_stop_thread, server)


def _serve_quietly(server: ThreadingHTTPServer) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent ends this process
    server.serve_forever()


def _stop_process(process: multiprocessing.process.BaseProcess) -> None:
    process.terminate()
    process.join()


def _stop_thread(server: ThreadingHTTPServer) -> None:
    server.shutdown()


def rebuild(project: Project, out: Path, today: date | None, cache: BuildCache | None) -> bool:
    """One build into ``out`` (incremental through ``cache``); False if the content has problems."""
    started = time.perf_counter()
    site, report = load_cached(project, cache)
    if site is None:
        report.print(sys.stderr)
        print("Die Änderungen werden erst nach der Korrektur angezeigt.", file=sys.stderr)
        return False
    day = today or datetime.now(site.town.zone).date()
    with content_frozen():
        summary = publish(project, site, out, day, Progress(interactive=False), cache)
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    print(f"Aktualisiert nach {seconds} s: {summary}.")
    return True


def _snapshot(project: Project) -> dict[Path, float]:
    watched = [project.content_dir, project.theme_dir]
    stamps = {path: path.stat().st_mtime for folder in watched if folder.is_dir() for path in folder.rglob("*")}
    if project.mkdocs_file.is_file():
        stamps[project.mkdocs_file] = project.mkdocs_file.stat().st_mtime
    return stamps


def _watch(project: Project, out: Path, today: date | None, cache: BuildCache | None) -> None:
    before = _snapshot(project)
    while True:
        time.sleep(POLL_SECONDS)
        now = _snapshot(project)
        if now != before:
            before = now
            try:
                rebuild(project, out, today, cache)
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
