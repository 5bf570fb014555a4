"""`rules.alternation` writes a word list as a tree of shared beginnings: the same matches as the flat list,
longest word first, in any surrounding pattern, with `re` and `regex`, with and without IGNORECASE."""

from __future__ import annotations

import re

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qualdeid.detect.nlp.regex_gate import required_literals
from qualdeid.detect.recognizers.yaml_patterns import CompiledPattern
from qualdeid.rules import alternation

#: letters that share beginnings, cases and look-alikes ("ı" matches "i" where case is ignored), punctuation
_LETTERS = "aabbcAB ıiIſsK-.'’"
_WORDS = st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=6), min_size=1, max_size=12)
_TEXTS = st.text(alphabet=_LETTERS + "\tx\n", max_size=40)
#: what may stand around the list: the matches' ends read by what follows, a list inside a lookbehind, backtracking
_CONTEXTS = [
    "(?:{})",
    "(?:{})b",
    "(?:{})(?![\\w-])",
    "(?:{})[ \\t]+a",
    "(?:{})\\.?a?",
    "(?<=(?:{})[ \\t]?)[A-Za-z]+",
    "(?:{})(?:{})",
    "(?>{})",
    "(?:{})??c",
]


def _spans(module, pattern: str, flags: int, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in module.compile(pattern, flags).finditer(text)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=_WORDS, text=_TEXTS, context=st.sampled_from(_CONTEXTS), ignore_case=st.booleans())
def test_the_tree_matches_as_the_flat_list(words: list[str], text: str, context: str, ignore_case: bool) -> None:
    for space in (r"[ \t]+", " ", r"\s+"):
        tree, flat = alternation(words, space), alternation(words, space, tree=False)
        for module in (re, regex):
            if module is re and context.startswith(("(?<=", "(?>")):
                continue  # `re` has fixed-width lookbehinds only, and atomic groups from 3.11
            flags = module.IGNORECASE if ignore_case else 0
            text_words = text + " " + " ".join(words)  # the words themselves, in the text too
            expected = _spans(module, context.format(flat, flat), flags, text_words)
            assert _spans(module, context.format(tree, tree), flags, text_words) == expected


def test_a_long_list_is_written_as_a_tree() -> None:
    words = ["blor vane", "blorp", "blor", "blit", "dwom"]
    assert alternation(words, tree=False) == r"blor[ \t]+vane|blorp|blit|blor|dwom"
    assert alternation(words) == r"(?:bl(?:it|or(?:(?:[ \t]+vane|p))?)|dwom)"
    assert regex.fullmatch(f"(?:{alternation(words)})", "blor  vane")


def test_letters_that_may_match_one_character_stay_flat_below_them() -> None:
    # "ı" and "i" may match one character where case is ignored: their words keep the flat list's order
    assert alternation(["kilim", "kılıf", "kil", "kwu"]) == "k(?:ilim|ılıf|il|wu)"
    assert alternation(["Vesk", "veska"]) == "(?:veska|Vesk)"


def test_words_a_tree_could_not_keep_apart_are_written_flat() -> None:
    assert alternation(["a  b", "ab"]) == alternation(["a  b", "ab"], tree=False)  # two spaces in a word
    assert alternation(["a\tb", "ab"]) == alternation(["a\tb", "ab"], tree=False)
    assert alternation(["ab", "ac"], space=r"[ \t]*") == "ab|ac"  # a space that may be empty


def test_a_yaml_pattern_with_a_list_searches_its_tree_and_keeps_the_gate_of_the_words() -> None:
    words = ["kelpmoor", "kestrelby", "kelp"]
    plain = rf"\b(?:{alternation(words, tree=False)})\b[ \t]+\d+"
    tree = rf"\b(?:{alternation(words)})\b[ \t]+\d+"
    assert tree == r"\b(?:ke(?:lp(?:moor)?|strelby))\b[ \t]+\d+"
    pattern = CompiledPattern("p", tree, 0.5, re.IGNORECASE, plain=plain)
    assert pattern.regex == tree
    # the gate reads the words, not the tree's pieces
    assert pattern.compiled_regex.required == required_literals(plain, re.IGNORECASE) != required_literals(tree, 2)
    text = "Kelpmoor 12, kelp 3 and Kestrelby 4, kestrelb 5"
    assert [m.span() for m in pattern.compiled_regex.finditer(text)] == [(0, 11), (13, 19), (24, 35)]
    # under FULLCASE a tree could match otherwise: the flat list is compiled instead
    full = CompiledPattern("p", tree, 0.5, re.IGNORECASE | regex.FULLCASE, plain=plain)
    assert full.regex == plain
