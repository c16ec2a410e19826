"""The "Meinten Sie …?" suggestion: one rule for unknown ids and unknown field names.

A wrong suggestion is worse than none: a volunteer who accepts it publishes an event at
another place. So a known name is suggested only when it is almost certainly what was meant,
and only when no other known name is just as plausible. ``bench/suggestions.py`` measures the
rule against ``tests/validate/near_misses.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_GERMAN_NUMBERS = ("eins", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun", "zehn")
_ROMAN_NUMBERS = ("ii", "iii", "iv")
_NUMBER_WORDS = {
    **{word: str(n) for n, word in enumerate(_GERMAN_NUMBERS, 1)},
    **{roman: str(n) for n, roman in enumerate(_ROMAN_NUMBERS, 2)},
}
"""Spellings of a number that name the same place as its digits (``werk-ii`` = ``werk-2``).

Roman numerals only from two to four: ``i``, ``v`` and ``x`` alone are more often letters
(``e-v``, ``i-fabrik``), and ``ein``/``eine`` is an article.
"""

FILLER_WORDS = frozenset(
    {"der", "die", "das", "des", "dem", "den", "am", "an", "im", "in", "zu", "zum", "zur", "und", "fuer"}
    | {"e", "v", "ev"}  # "e-v" (e. V.) splits into "e" and "v"
)
"""Words that do not tell places apart: ``bootsanleger-am-rennbahnweg`` = ``bootsanleger-rennbahnweg``."""


@dataclass(frozen=True)
class _Name:
    """The forms of one name that the rule compares."""

    compact: str
    """All words joined, so that hyphens, underscores and case do not count."""
    words: tuple[str, ...]
    """The distinctive words: without filler words and the town's name."""

    @property
    def core(self) -> str:
        return "".join(self.words)

    @property
    def numbers(self) -> list[str]:
        return re.findall(r"\d+", self.compact)


def suggest(
    written: str,
    known: Iterable[str],
    *,
    ignorable: Iterable[str] = (),
    aliases: Mapping[str, str] | None = None,
) -> str | None:
    """The known name that ``written`` almost certainly means, or None.

    The rule, in order; the first step that finds exactly one known name gives it, a step that
    finds several gives no suggestion at all:

    1. ``aliases`` (e.g. German field names, ``titel`` → ``title``), if the target is known.
    2. The same words, written differently: equal after lowercasing, ä → ae, ö → oe, ü → ue,
       ß → ss, numbers as digits (``ii``, ``zwei`` → ``2``) and dropping hyphens/underscores;
       or the same distinctive words in another order or joined differently, where filler words
       (``am``, ``der``, ``e-v`` …) and the words in ``ignorable`` (the town's name) do not count.
       ``bic-leipzig`` finds ``bic``; ``caritas-leipzig`` does not find ``marriott-leipzig``.
    3. Typos (Damerau-Levenshtein: a letter wrong, missing, added or two swapped): word by
       word, at most one typo in a word of 4 to 7 letters and two in longer words, none in words
       of up to 3 letters, two in all; numbers must match exactly. If the words do not line up
       (a hyphen dropped as well), the joined words may differ by one typo, or two from 12 letters.
       A suggestion is made only if exactly one known name is within these typos.

    A distinctive word added or dropped is never a typo (``augustusplatz`` is not
    ``unileipzig-augustusplatz``), and ``clara-park`` is not ``agrapark`` (two typos in nine letters).
    """
    candidates = sorted(set(known))
    if not candidates or not written:
        return None
    if aliases:
        target = aliases.get(_compact(written))
        if target in candidates:
            return target
    ignorable = frozenset(_compact(word) for word in ignorable)
    target_name = _name(written, ignorable)
    names = {candidate: _name(candidate, ignorable) for candidate in candidates}
    same = [c for c, name in names.items() if _same_words(target_name, name)]
    if same:
        return same[0] if len(same) == 1 else None
    within_typos = [c for c, name in names.items() if _within_typos(target_name, name)]
    return within_typos[0] if len(within_typos) == 1 else None


def town_words(town_name: str) -> list[str]:
    """Words of the town's name that ids may add or leave out: ``leipzig``, ``leipziger``."""
    words = _words(town_name)
    return [*words, *(word + "er" for word in words)]


def _words(text: str) -> list[str]:
    lowered = text.lower().translate(_TRANSLITERATION)
    return [_NUMBER_WORDS.get(word, word) for word in re.split(r"[^a-z0-9]+", lowered) if word]


def _compact(text: str) -> str:
    return "".join(_words(text))


def _name(text: str, ignorable: frozenset[str]) -> _Name:
    words = _words(text)
    return _Name("".join(words), tuple(w for w in words if w not in FILLER_WORDS and w not in ignorable))


def _same_words(a: _Name, b: _Name) -> bool:
    if a.compact == b.compact:
        return True
    if not a.words or not b.words:
        return False
    return a.core == b.core or sorted(a.words) == sorted(b.words)


def _within_typos(a: _Name, b: _Name) -> bool:
    if not a.words or not b.words or a.numbers != b.numbers:
        return False
    if len(a.words) == len(b.words):
        distances = [
            (damerau_levenshtein(word_a, word_b), max(len(word_a), len(word_b)))
            for word_a, word_b in zip(a.words, b.words, strict=True)
        ]
        total = sum(distance for distance, _ in distances)
        return total <= 2 and all(distance <= _typos_allowed_in_word(length) for distance, length in distances)
    longest = max(len(a.core), len(b.core))
    allowed = 2 if longest >= 12 else 1 if longest >= 5 else 0
    return damerau_levenshtein(a.core, b.core) <= allowed


def _typos_allowed_in_word(length: int) -> int:
    if length <= 3:
        return 0
    return 1 if length <= 7 else 2


def damerau_levenshtein(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) that turn ``a`` into ``b``.

    The optimal-string-alignment variant: no substring is edited twice, which is what a typo is.
    """
    previous_row: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[len(b)]
