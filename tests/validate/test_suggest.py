"""The "Meinten Sie …?" rule (validate/suggest.py) against real near-misses."""

from __future__ import annotations

import dataclasses

import pytest

from bench.suggestions import NearMiss, near_misses, new_rule, old_rule, score
from generator.validate.suggest import damerau_levenshtein, suggest, town_words

CASES = list(near_misses())


@pytest.mark.parametrize("case", CASES, ids=[f"{c.group}:{c.written}" for c in CASES])
def test_near_miss_gets_the_expected_suggestion(case: NearMiss) -> None:
    assert new_rule(case) == case.expect


def test_near_miss_list_is_large_and_names_only_known_ids() -> None:
    assert len(CASES) >= 60
    for case in CASES:
        assert case.written not in case.known, case
        assert case.expect in (None, case.means), case
        assert case.means is None or case.means in case.known, case


@pytest.mark.parametrize(
    ("written", "wrong"),
    [
        ("akad-hochschule", "volkshochschule"),
        ("caritas-leipzig", "marriott-leipzig"),
        ("clara-park", "agrapark"),
        ("unternehmen-bmw-leipzig", "suedfriedhof-leipzig"),
    ],
)
def test_issue_15_wrong_suggestions_are_no_longer_offered(written: str, wrong: str) -> None:
    venues = next(c for c in CASES if c.group == "venues")
    assert wrong in venues.known
    assert old_rule(dataclasses.replace(venues, written=written)) == wrong  # what issue 15 reported
    assert suggest(written, venues.known, ignorable=["leipzig"]) is None


def test_new_rule_offers_no_wrong_suggestion_and_beats_the_old_precision() -> None:
    new, old = score(new_rule, CASES)["all"], score(old_rule, CASES)["all"]
    assert new.wrong == 0
    assert old.wrong > 0
    assert new.right >= 0.6 * old.right  # it stays useful: most right suggestions remain


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("", "", 0), ("abc", "", 3), ("rathaus", "rathuas", 1), ("turnverein", "turnverien", 1), ("kitten", "sitting", 3)],
)
def test_damerau_levenshtein(a: str, b: str, distance: int) -> None:
    assert damerau_levenshtein(a, b) == distance
    assert damerau_levenshtein(b, a) == distance


def test_two_equally_plausible_names_give_no_suggestion() -> None:
    assert suggest("haus-a", ["hausa", "haus-a-b"]) == "hausa"
    assert suggest("haus", ["hause", "hau"]) is None
    assert suggest("halle-1", ["halle-2", "halle-3"]) is None


def test_town_words_include_the_adjective() -> None:
    assert town_words("Herzberg (Elster)") == ["herzberg", "elster", "herzberger", "elsterer"]
    assert suggest("kirche-herzberger", ["kirche"], ignorable=town_words("Herzberg (Elster)")) == "kirche"
