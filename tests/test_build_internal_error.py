"""A bug in the build (not in the content) ends in one German line and status 1, never a
traceback, and the site published before stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import publish as build
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_unexpected_error_while_building_keeps_the_old_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("bisherige Fassung", encoding="utf-8")

    def failing_render(*args, **kwargs) -> None:
        raise ValueError("year 10001 is out of range\nsecond line")

    monkeypatch.setattr(build, "run_stages", failing_render)
    monkeypatch.delenv("ENGAGIERT_DEBUG", raising=False)
    assert main(["--root", str(ROOT), "build", "--out", str(out), "--today", "2027-01-15"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        "Interner Fehler beim Bauen — bitte melden (technisch: ValueError: year 10001 is out of range; "
        "ENGAGIERT_DEBUG=1 zeigt die Einzelheiten). Die Seite wurde nicht gebaut; die bisherige Fassung bleibt "
        "unverändert."
    )
    assert (out / "index.html").read_text(encoding="utf-8") == "bisherige Fassung"
