"""The gate in front of a compiled pattern: it reads the literals every match holds, and a search that
it skips would have found nothing."""

from __future__ import annotations

import pickle
from functools import lru_cache
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from qualdeid.detect.nlp.regex_gate import (
    RARE_CHARACTERS,
    GatedPattern,
    digit_lines,
    folded,
    gated,
    keeps_to_digit_lines,
    required_literals,
)
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

FLAGS = regex.IGNORECASE | regex.DOTALL | regex.MULTILINE


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bdied[ \t]+at\b", (("at",), ("died",))),
        (r"(?:aged?|age[ \t]of)[ \t]*\d{1,3}", (("age",),)),  # the common start of both branches
        (r"(?<=\bbarge[ \t]no[ \t])\d+", (("barge",), ("no",))),  # a lookbehind's text counts
        (r"(?:mrs?[ \t])?tolliver", (("tolliver",),)),  # an optional part requires nothing
        (r"(?:skiff|gondola)[ \t]+(?:no\.?|number)[ \t]*\d+", (("gondola", "skiff"),)),  # "o" or "umber": too short
        (r"ref[ \t]*\Kcode", (("code",), ("ref",))),  # \K of the regex module
        (r"\p{Lu}\w+ville\b", (("ville",),)),  # a character property of the regex module
        (r"a\\Kb", (("a\\kb",),)),  # an escaped backslash before K is a backslash and a K
        (r"grüntal[ \t]\d+", (("ntal",),)),  # only ASCII pieces
        (r"\d{3}-\d{4}", None),  # one character is no test worth making
        (r"\(\d{1,2}\)", (("(",), (")",))),  # ... unless many texts lack it
        (r"(?:#|no\.)[ \t]?\d+", (("#", "no."),)),
        (r"\bbunk[ \t]#\d+", (("bunk",), ("#",))),  # the longer literals first
        (r"[A-Z]{2}\d{6}", None),
        (r"(?!foo)\w+", None),  # a negative lookahead requires nothing
    ],
)
def test_required_literals(pattern: str, expected: Any) -> None:
    assert required_literals(pattern, FLAGS) == expected


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"(?:oboe){e<=1}", FLAGS),  # fuzzy matching: the standard parser reads "{e<=1}" as text
        (r"[[:alpha:]]+fold", FLAGS),  # a POSIX class: read as a set and a "]" otherwise
        (r"(?|(ab)|(cd))xy", FLAGS),  # branch reset: not standard syntax
        (r"strasse", FLAGS | regex.FULLCASE),  # full case folding: "ss" matches "ß"
        (r"strasse", regex.VERSION1 | regex.IGNORECASE),
    ],
)
def test_no_gate_where_the_meaning_could_differ(pattern: str, flags: int) -> None:
    assert required_literals(pattern, flags) is None


@lru_cache(maxsize=1)
def every_character() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_a_rare_character_matches_only_itself() -> None:
    """A character the gate checks alone has no other case that a case-insensitive pattern would match."""
    for character in RARE_CHARACTERS:
        assert regex.findall(f"(?i){regex.escape(character)}", every_character()) == [character]
        assert folded(character) == character


@pytest.mark.parametrize("letter", "abcdefghijklmnopqrstuvwxyz")
def test_folding_keeps_every_character_that_matches_an_ascii_letter(letter: str) -> None:
    matching = regex.findall(f"(?i){letter}", every_character())
    assert len(matching) >= 2
    assert all(letter in folded(c) for c in matching)


class CountingPattern:
    """Stands for a compiled pattern and counts its searches."""

    def __init__(self, compiled: Any) -> None:
        self.compiled = compiled
        self.flags = compiled.flags
        self.searches = 0

    def finditer(self, text: str, *args: Any, **kwargs: Any) -> Any:
        self.searches += 1
        return self.compiled.finditer(text, *args, **kwargs)


def test_search_skipped_without_the_literals() -> None:
    pattern = r"(?<=\blathe[ \t]no[ \t])\d{4}"
    inner = CountingPattern(regex.compile(pattern, FLAGS))
    gate = GatedPattern(inner, required_literals(pattern, FLAGS) or ())
    assert list(gate.finditer("The lathe was new in 1998, a wet spring.", timeout=1)) == []
    assert inner.searches == 0
    found = [m.span() for m in gate.finditer("The LATHE NO 1951 stands by the door.", timeout=1)]
    assert found == [(13, 17)] and inner.searches == 1


def test_gated_pattern_is_the_pattern_otherwise() -> None:
    compiled = regex.compile(r"\bgondolas?\b", FLAGS)
    gate = gated(compiled, compiled.pattern)
    assert isinstance(gate, GatedPattern)
    assert gate.pattern == compiled.pattern and gate.flags == compiled.flags
    assert gate.search("two GONDOLAS") is not None
    copy = pickle.loads(pickle.dumps(gate))
    assert [m.span() for m in copy.finditer("gondola, gondolas")] == [(0, 7), (9, 17)]
    plain = regex.compile(r"[A-Z]+", FLAGS)
    assert gated(plain, plain.pattern) is plain


def test_partial_matches_are_never_skipped() -> None:
    compiled = regex.compile(r"skiff[ \t]+\d+", FLAGS)
    gate = gated(compiled, compiled.pattern)
    assert [m.group() for m in gate.finditer("took the ski", partial=True)] == ["ski"]


@lru_cache(maxsize=1)
def yaml_patterns() -> list[tuple[str, Any]]:
    """The gated patterns of the shipped recognizers, with what the gates look for."""
    return [
        (f"{r.name}/{p.name}", p.compiled_regex)
        for r in load_pattern_recognizers(Rules())
        for p in r.patterns
        if isinstance(p.compiled_regex, GatedPattern)
    ]


@lru_cache(maxsize=1)
def pieces() -> list[str]:
    """The gates' own strings in several cases, and what surrounds them in text: digits, spaces, line
    breaks, capitalised words, punctuation, number words and letters that fold to ASCII."""
    strings = sorted({s for _, p in yaml_patterns() for group in p.required for s in group})
    return [
        *strings,
        *(s.upper() for s in strings[::3]),
        *(s.title() for s in strings[1::3]),
        *("1", "07", "42", "1987", "12/03", "3.5", "#", "(", ")", ":", ",", ".", "-", "'", "’"),
        *(" ", " ", " ", "  ", "\t", "\n", "Zelbrin", "Quorvath-Lisk", "Brindlemoor", "she", "is", "was", "twelve"),
        *("\u0130", "\u017f", "\u212a", "é", "ā"),
    ]


def test_the_shipped_patterns_are_gated() -> None:
    assert len(yaml_patterns()) >= 40


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_gates_never_skip_a_match_of_a_shipped_pattern(data: st.DataObject) -> None:
    text = "".join(data.draw(st.lists(st.sampled_from(pieces()), max_size=24)))
    for name, gate in yaml_patterns():
        found = [m.span() for m in gate.finditer(text, timeout=5)]
        assert found == [m.span() for m in gate.compiled.finditer(text, timeout=5)], name


def _patterns() -> st.SearchStrategy[str]:
    """Small patterns over a few letters: literals, classes, alternations, optional and repeated
    groups, lookarounds and scoped case flags, nested."""
    leaves = st.sampled_from(["ab", "ba", "abc", "ca", "sk", "b", "[ab]", r"\d", ".", r"\b", r"\Kab"])

    def grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        forms = ["{0}{1}", "(?:{0}|{1})", "(?:{0})?", "(?:{0})+", "(?:{0}){{2}}", "(?={0})", "(?<={0})"]
        forms += ["(?!{0})", "(?-i:{0})", "(?>{0})", "{0}*+"]
        return st.tuples(st.sampled_from(forms), inner, inner).map(lambda t: t[0].format(t[1], t[2]))

    return st.recursive(leaves, grow, max_leaves=6)


@settings(max_examples=1500, deadline=None)
@given(_patterns(), st.text(alphabet="abcskABCSK1 \u0130\u017f\u212a", max_size=12))
def test_a_match_always_holds_the_required_literals(pattern: str, text: str) -> None:
    required = required_literals(pattern, FLAGS)
    if required is not None and regex.search(pattern, text, FLAGS):
        low = folded(text)
        assert all(any(s in low for s in group) for group in required)


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\bbarge[ \t]no[ \t]\d+", FLAGS, True),
        (r"(?:pier|\d)x", FLAGS, False),  # a branch without a digit
        (r"(?:7|\d)x", FLAGS, True),
        (r"\d?x", FLAGS, False),  # an optional digit
        (r"(?=\d)x", FLAGS, True),  # a lookahead's digit is on the match's line
        (r"(?!\d)x\d", FLAGS, True),
        (r"dock.\d", FLAGS, False),  # "." matches a line break under DOTALL
        (r"dock.\d", regex.IGNORECASE, True),
        (r"(?-s:dock.\d)", FLAGS, True),
        (r"(?s)dock.\d", regex.IGNORECASE, False),
        *((rf"dock{c}\d", FLAGS, False) for c in (r"\s", r"\W", "[^a]")),  # classes that hold the line break
        *((rf"dock{c}\d", FLAGS, True) for c in (r"[^a\n]", r"\S")),
        (r"dock\d$", FLAGS, True),  # "$" under MULTILINE reads a window's end as the line break there
        (r"dock\d$", regex.IGNORECASE, False),
        (r"^\d", FLAGS, True),
        (r"dock\d\Z", FLAGS, False),
        (r"\p{Lu}\p{L}+ \d", FLAGS, True),
        (r"(?<!\n)\d", FLAGS, False),
        (r"\P{L}\d", FLAGS, False),
        (r"\p{Cc}\d", FLAGS, False),  # a property that holds the line break
        (r"dock \d", regex.VERSION1 | regex.IGNORECASE, False),
    ],
)
def test_keeps_to_digit_lines(pattern: str, flags: int, expected: bool) -> None:
    assert keeps_to_digit_lines(pattern, flags) is expected


def test_digit_lines_are_the_runs_of_lines_with_a_digit() -> None:
    text = "Dear Ysolde,\nthe pontoon is 14 ft\nand dockling 3.\n\nno numbers here\ndockling ٣"
    assert [text[s:e] for s, e in digit_lines(text)] == ["the pontoon is 14 ft\nand dockling 3.", "dockling ٣"]
    assert digit_lines("no digit\n\nat all") == []
    assert digit_lines("7") == [(0, 1)]


def test_a_pattern_kept_to_digit_lines_searches_only_them() -> None:
    pattern = r"\bdockling[ \t]\d+"
    inner = CountingPattern(regex.compile(pattern, FLAGS))
    gate = gated(inner, pattern)
    assert isinstance(gate, GatedPattern) and gate.lines
    text = "The dockling\n\ndockling 12 and dockling 4\nthe end\ndockling 9"
    assert [m.group() for m in gate.finditer(text, timeout=1)] == ["dockling 12", "dockling 4", "dockling 9"]
    assert inner.searches == 2  # the two runs of lines with a digit
    copy = pickle.loads(pickle.dumps(gate))
    assert [m.group() for m in copy.finditer(text)] == ["dockling 12", "dockling 4", "dockling 9"]


def _line_patterns() -> st.SearchStrategy[str]:
    """Small patterns with digits, line breaks, anchors and classes that may or may not hold one."""
    leaves = st.sampled_from(["ab", "b", r"\d", "7", ".", r"\b", "$", "^", r"\s", r"\S", "[^a]", r"\n", r"\Z", r"\W"])

    def grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        forms = ["{0}{1}", "(?:{0}|{1})", "(?:{0})?", "(?:{0})+", "(?={0})", "(?<={0})", "(?!{0})", "(?<!{0})"]
        forms += ["(?-s:{0}){1}", "(?s:{0}){1}", "(?-m:{0}){1}"]
        return st.tuples(st.sampled_from(forms), inner, inner).map(lambda t: t[0].format(t[1], t[2]))

    return st.recursive(leaves, grow, max_leaves=6)


@settings(max_examples=1500, deadline=None)
@given(
    _line_patterns(),
    st.sampled_from([FLAGS, regex.IGNORECASE, regex.IGNORECASE | regex.MULTILINE]),
    st.text(alphabet="ab7 \n.", max_size=14),
)
def test_a_search_of_the_digit_lines_finds_every_match(pattern: str, flags: int, text: str) -> None:
    if keeps_to_digit_lines(pattern, flags):
        compiled = regex.compile(pattern, flags)
        windowed = [m.span() for s, e in digit_lines(text) for m in compiled.finditer(text, s, e)]
        assert windowed == [m.span() for m in compiled.finditer(text)]
