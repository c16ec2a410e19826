"""Calendar UIDs are unique per town, also for towns published under one host (issue 18).

GitHub project pages of one organisation (`kreis.github.io/herzberg/`, `kreis.github.io/falkenberg/`)
or one county domain with paths share a host name; UIDs of `<id>@<host>` collided there, and a
calendar app subscribed to both towns kept one town's Repair-Café series and dropped the other's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.models.town import Town
from generator.project import Project

ROOT = Path(__file__).resolve().parents[3]

REPAIR_CAFE = """\
title: Repair-Café
category: fest
venue: rathaus
start: 2027-01-09 10:00
end: "13:00"
repeat: {freq: monthly, days: [2sa]}
"""


@pytest.mark.parametrize(
    ("site_url", "uid_domain"),
    [
        ("https://engagiert-herzberg.example.org/", "engagiert-herzberg.example.org"),  # unchanged at the root
        ("https://kreis.github.io/herzberg/", "herzberg.kreis.github.io"),
        ("https://www.landkreis.example/engagiert/falkenberg/", "falkenberg.engagiert.www.landkreis.example"),
        ("http://localhost:8000/", "localhost-8000"),
    ],
)
def test_the_uid_domain_holds_the_sites_folders(project, site_url: str, uid_domain: str) -> None:
    text = (project.content / "town.yml").read_text(encoding="utf-8")
    project.add("town.yml", re.sub(r"(?m)^site_url: .*$", f"site_url: {site_url}", text))
    site, report = project.load()
    assert site is not None, report.sorted()
    assert isinstance(site.town, Town) and site.town.uid_domain == uid_domain


def _uids(site: Path) -> set[str]:
    uids = set()
    for feed in site.glob("kalender/**/*.ics"):
        uids |= set(re.findall(r"^UID:(.*?)\r?$", feed.read_text(encoding="utf-8"), re.M))
    return uids


def test_two_towns_under_one_host_share_no_uid(project, tmp_path: Path) -> None:
    """Both towns have a file `repair-cafe.yml`; built under one host, their feeds share no UID."""
    project.add("events/repair-cafe.yml", REPAIR_CAFE)
    Project(ROOT).copy_to(project.root, content=False)  # theme and mkdocs.yml: what `build` needs
    text = (project.content / "town.yml").read_text(encoding="utf-8")
    found = []
    for town in ("herzberg", "falkenberg"):
        project.add("town.yml", re.sub(r"(?m)^site_url: .*$", f"site_url: https://kreis.github.io/{town}/", text))
        out = tmp_path / town
        assert (
            main(["--root", str(project.root), "build", "--out", str(out), "--today", "2027-01-01", "--no-cache"]) == 0
        )
        found.append(_uids(out))
    herzberg, falkenberg = found
    assert "repair-cafe@herzberg.kreis.github.io" in herzberg
    assert "repair-cafe@falkenberg.kreis.github.io" in falkenberg
    assert not herzberg & falkenberg
