"""A cheap test that tells when a compiled pattern cannot match a text, so that its search is skipped.

Every match of a pattern contains certain literal strings: one of the words of ``(?:aged|age[ \\t]of)``,
the ``"died"`` of ``died[ \\t]+at``, the text of a lookahead or a lookbehind. :func:`required_literals`
reads them from the pattern's parse (the standard library's parser, which reads the syntax the two
modules share; a pattern it cannot read, or one whose meaning could differ, gets no test), as groups
of strings of which at least one must occur in the text. :class:`GatedPattern` checks them by
substring search of the text in lower case before it lets the ``regex`` module search it: the same
matches, in the same order, without the search where the check says no.

Only ASCII pieces of the literals are used, as the ``regex`` module's case-insensitive matching
relates them to text: an ASCII letter matches its two cases, "K" (KELVIN SIGN), and for "i" and "s"
"İ" and "ſ" (:func:`folded` maps these; a test checks every code point).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

import regex

try:  # the standard library's parser (private: without it there is simply no gate)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    _c = _p = None

#: How many groups a gate checks, and the most strings one group may hold (each is one substring search).
MAX_GROUPS = 3
MAX_STRINGS = 64
#: the shortest literal worth checking (a single letter or comma is in nearly every text)
MIN_LENGTH = 2
#: single characters that many texts do not hold ("(" of "(M, 40s)", "#" of "bunk #4"): a pattern that
#: requires one is checked for it too, after its longer literals (:data:`MAX_GROUPS` checks in all)
RARE_CHARACTERS = frozenset("()[]{}#@/;&%$*+=!?<>|~_^\\")

#: characters the ``regex`` module matches to an ASCII letter case-insensitively that ``str.lower``
#: does not turn into it (KELVIN SIGN already lowers to "k")
_FOLD = {0x130: "i", 0x17F: "s"}
#: syntax of the ``regex`` module that the standard library's parser would read otherwise or not at all
_REGEX_ONLY = re.compile(r"\[:|\{(?!\d*,?\d*\})")
#: ``\K`` (reset the match start) and ``\p{..}``/``\P{..}`` (a character property), outside a doubled backslash
_ESCAPES = re.compile(r"(\\\\)|\\K|\\[pP]\{[^}]*\}")
_ANY_ESCAPE = re.compile(r"\\.", re.DOTALL)
#: flags under which literals match other text than their own case variants
_UNSAFE_FLAGS = regex.FULLCASE | regex.V1

Requirement = tuple[tuple[str, ...], ...]


def folded(text: str) -> str:
    """``text`` in lower case, with the two letters the ``regex`` module folds to ASCII that ``lower``
    does not."""
    return text.translate(_FOLD).lower()


def required_literals(pattern: str, flags: int = 0) -> Requirement | None:
    """Groups of lower-case ASCII strings: every match of ``pattern`` contains at least one string of
    each group. None where the pattern cannot be read this way or nothing useful is required."""
    if _p is None or flags & _UNSAFE_FLAGS:
        return None
    bare = _ESCAPES.sub(lambda m: m.group(1) or "\x00", pattern)  # \x00 stands for "some character"
    if _REGEX_ONLY.search(_ANY_ESCAPE.sub("", bare)):
        return None
    try:
        with warnings.catch_warnings():  # "possible nested set" and the like: the pattern is not ours to judge
            warnings.simplefilter("ignore")
            parsed = _p.parse(bare, re.VERBOSE if flags & regex.VERBOSE else 0)
        groups = _sequence(list(parsed))
    except Exception:  # syntax of the regex module alone: no gate
        return None
    useful, rare = set(), set()
    for group in groups:
        strings = {_longest_ascii(s).lower() for s in group}
        if not strings or len(strings) > MAX_STRINGS:
            continue
        if all(len(s) >= MIN_LENGTH for s in strings):
            useful.add(tuple(sorted(strings)))
        elif all(len(s) >= MIN_LENGTH or s in RARE_CHARACTERS for s in strings):
            rare.add(tuple(sorted(strings)))
    chosen = sorted(useful, key=lambda g: (len(g), g))[:MAX_GROUPS]
    chosen += sorted(rare, key=lambda g: (len(g), g))[: MAX_GROUPS - len(chosen)]
    return tuple(chosen) or None


def _longest_ascii(literal: str) -> str:
    return max(re.split(r"[^\x01-\x7f]+", literal), key=len)


def _sequence(items: list[tuple[Any, Any]]) -> list[set[str]]:
    """The required groups of a sequence of parsed items: runs of literals, and what its parts require."""
    out: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL and av != 0:
            run.append(chr(av))
            continue
        if run:
            out.append({"".join(run)})
            run = []
        out.extend(_item(op, av))
    if run:
        out.append({"".join(run)})
    return out


def _item(op: Any, av: Any) -> list[set[str]]:
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _c.ASSERT:  # the text a lookahead or lookbehind sees is in the text too
        return _sequence(list(av[1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, item = av
        return _sequence(list(item)) if low >= 1 else []
    if op is _c.BRANCH:  # each branch's best group; one of them holds
        union: set[str] = set()
        for branch in av[1]:
            groups = _sequence(list(branch))
            if not groups:
                return []
            union |= min(groups, key=lambda g: (-min(len(s) for s in g), len(g)))
        return [union]
    return []  # a class, an anchor, a negative lookaround, a back reference: nothing required


class GatedPattern:
    """A compiled ``regex`` pattern whose ``finditer`` (as Presidio calls it) first checks the pattern's
    :func:`required_literals`; every other attribute is the pattern's own."""

    __slots__ = ("compiled", "required")

    def __init__(self, compiled: Any, required: Requirement) -> None:
        self.compiled = compiled
        self.required = required

    def may_match(self, text: str) -> bool:
        low = _folded_once(text)
        return all(any(s in low for s in group) for group in self.required)

    def finditer(self, string: str, *args: Any, **kwargs: Any) -> Iterator[Any]:
        if kwargs.get("partial") or self.may_match(string):  # a partial match may end before a literal
            return self.compiled.finditer(string, *args, **kwargs)
        return iter(())

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __getstate__(self) -> tuple[Any, Requirement]:
        return self.compiled, self.required

    def __setstate__(self, state: tuple[Any, Requirement]) -> None:
        self.compiled, self.required = state


def gated(compiled: Any, pattern: str) -> Any:
    """``compiled`` behind its gate, or as it is where no literal is required."""
    required = required_literals(pattern, compiled.flags)
    return compiled if required is None else GatedPattern(compiled, required)


#: the last text folded and its folded form: Presidio runs every pattern over the same text in turn
_last: tuple[str, str] = ("", "")


def _folded_once(text: str) -> str:
    global _last
    if _last[0] is not text:
        _last = (text, folded(text))
    return _last[1]
