"""Precision and recall of the "Meinten Sie …?" suggestion on the near-miss list; prints figures.

.venv/bin/python -m bench.suggestions [--list]

Compares the rule in ``generator/validate/suggest.py`` with the rule it replaced
(``difflib.get_close_matches`` with cutoff 0.6). Precision: right suggestions / suggestions
offered. Recall: right suggestions / cases where the volunteer meant a known name.
"""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.validate.messages import FIELD_ALIASES
from generator.validate.suggest import suggest

NEAR_MISSES = Path(__file__).resolve().parent.parent / "tests" / "validate" / "near_misses.yml"


@dataclass(frozen=True)
class NearMiss:
    group: str
    written: str
    known: tuple[str, ...]
    ignorable: tuple[str, ...]
    is_field: bool
    expect: str | None
    """What the rule must suggest (None: no suggestion)."""
    means: str | None
    """What the volunteer meant, if it is a known name."""


def near_misses(path: Path = NEAR_MISSES) -> Iterator[NearMiss]:
    for group, spec in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        for case in spec["cases"]:
            yield NearMiss(
                group=group,
                written=case["written"],
                known=tuple(spec["known"]),
                ignorable=tuple(spec.get("ignorable", ())),
                is_field=bool(spec.get("fields")),
                expect=case["expect"],
                means=case.get("means", case["expect"]),
            )


def new_rule(case: NearMiss) -> str | None:
    """The suggestion as validation makes it."""
    aliases = FIELD_ALIASES if case.is_field else None
    return suggest(case.written, case.known, ignorable=case.ignorable, aliases=aliases)


def old_rule(case: NearMiss) -> str | None:
    close = difflib.get_close_matches(case.written, sorted(case.known), n=1, cutoff=0.6)
    return close[0] if close else None


@dataclass
class Score:
    right: int = 0
    wrong: int = 0
    meant: int = 0

    def count(self, offered: str | None, meant: str | None) -> None:
        self.meant += meant is not None
        if offered is not None:
            if offered == meant:
                self.right += 1
            else:
                self.wrong += 1

    def __str__(self) -> str:
        offered = self.right + self.wrong
        precision = f"{self.right / offered:.1%}" if offered else "n/a"
        recall = f"{self.right / self.meant:.1%}" if self.meant else "n/a"
        return (
            f"precision {precision} ({self.right}/{offered}), recall {recall} ({self.right}/{self.meant}), "
            f"wrong suggestions {self.wrong}"
        )


def score(rule: Callable[[NearMiss], str | None], cases: list[NearMiss]) -> dict[str, Score]:
    scores = {"all": Score(), "ids": Score(), "fields": Score()}
    for case in cases:
        offered = rule(case)
        for key in ("all", "fields" if case.is_field else "ids"):
            scores[key].count(offered, case.means)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true", help="print every case where the two rules differ")
    args = parser.parse_args()
    cases = list(near_misses())
    print(f"{len(cases)} near-misses from {NEAR_MISSES.name}")
    for name, rule in (("old (difflib, cutoff 0.6)", old_rule), ("new (suggest.py)", new_rule)):
        for key, result in score(rule, cases).items():
            print(f"{name:26} {key:6}: {result}")
    if args.list:
        for case in cases:
            old, new = old_rule(case), new_rule(case)
            if old != new:
                print(f"{case.group:20} {case.written:32} old={old} new={new} meant={case.means}")


if __name__ == "__main__":
    main()
