"""How common a word is in general English: wordfreq's Zipf scale (7 = "the", 3 = once per million
words, 0 = unknown), asked once per word and process."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

from wordfreq import zipf_frequency

from qualdeid.rules import Rules, RulesError

#: the rules file of the thresholds, one section per part of detection
THRESHOLDS_FILE = "frequency.yaml"


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The Zipf frequency of ``word`` as written (callers lower-case it where case should not count)."""
    return zipf_frequency(word, "en")


class ZipfThresholds(Mapping[str, float]):
    """The Zipf thresholds of one section of ``rules/frequency.yaml`` by name (a project's file changes a value);
    every name in ``needed`` must be there."""

    def __init__(self, rules: Rules, section: str, needed: Iterable[str]) -> None:
        values = rules.settings(THRESHOLDS_FILE).get(section)
        if not isinstance(values, dict):
            raise RulesError(f"rules/{THRESHOLDS_FILE}: no section '{section}'")
        missing = sorted(set(needed) - set(values))
        if missing:
            raise RulesError(
                f"rules/{THRESHOLDS_FILE}: no {', '.join(missing)} under '{section}'; a project may change a value,"
                " not remove it"
            )
        try:
            self._values = {str(name): float(value) for name, value in values.items()}
        except (TypeError, ValueError) as e:
            raise RulesError(f"rules/{THRESHOLDS_FILE}, '{section}': every value must be a number ({e})") from e

    def __getitem__(self, name: str) -> float:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def frequency_text(z: float) -> str:
    """A Zipf value as a per-word probability, for a reviewer: ``2.0`` -> ``"1e-07"``."""
    return f"{10 ** (z - 9):.0e}"


#: British spellings and their American forms: wordfreq counts the two apart, so "organiser" or "harbour"
#: reads rarer than the word is ("organiser" 3.1, "organizer" 3.6)
_SPELLINGS = (
    (re.compile(r"is(e|ed|es|ing|er|ers|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w\w)our(s|ed|ing|ite|ites|able|er|ers)?$"), r"or\1"),
    (re.compile(r"(?<=\w\w)tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=[aeiou])ll(ing|ed|er|ers|ery)$"), r"l\1"),
    (re.compile(r"llery$"), "lry"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"(?<=[cf])ence(s)?$"), r"ense\1"),
    (re.compile(r"amme(s)?$"), r"am\1"),
    (re.compile(r"(?<=\w)(ae|oe)(?=\w)"), "e"),
)


@lru_cache(maxsize=65536)
def zipf_any_spelling(word: str) -> float:
    """The Zipf frequency of ``word`` or of its other spelling, whichever is higher ("organiser" counts as
    "organizer"): how common the word is, whichever side of the Atlantic wrote it."""
    best = zipf(word)
    for pattern, repl in _SPELLINGS:
        other = pattern.sub(repl, word)
        if other != word:
            best = max(best, zipf(other))
    return best
