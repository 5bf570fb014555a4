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

import hashlib
import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
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


def _reader_version() -> str:
    """This module's code and the Python that parses with it: what a :func:`reading` depends on besides the
    pattern (a reading kept between runs is used only by the same reader)."""
    try:
        code = Path(__file__).read_bytes()
    except OSError:  # no source to fingerprint: a version no store holds
        return f"unread-{id(_reader_version)}"
    return hashlib.sha256(code + sys.version.encode()).hexdigest()[:20]


#: the version of :func:`reading`
READER = _reader_version()


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
    :func:`required_literals`, and for a pattern whose matches keep to one line and hold a digit
    (:func:`keeps_to_digit_lines`) searches only the :func:`digit_lines`; every other attribute is the
    pattern's own."""

    __slots__ = ("compiled", "lines", "required")

    def __init__(self, compiled: Any, required: Requirement, lines: bool = False) -> None:
        self.compiled = compiled
        self.required = required
        self.lines = lines

    def may_match(self, text: str) -> bool:
        low = _folded_once(text)
        return all(any(s in low for s in group) for group in self.required)

    def finditer(self, string: str, *args: Any, **kwargs: Any) -> Iterator[Any]:
        if kwargs.get("partial"):  # a partial match may end before a literal, or at a line's end
            return self.compiled.finditer(string, *args, **kwargs)
        if not self.may_match(string):
            return iter(())
        if self.lines and not args and not {"pos", "endpos", "overlapped", "concurrent"} & kwargs.keys():
            return self._in_lines(string, kwargs)
        return self.compiled.finditer(string, *args, **kwargs)

    def _in_lines(self, string: str, kwargs: dict[str, Any]) -> Iterator[Any]:
        for start, end in digit_lines(string):
            yield from self.compiled.finditer(string, start, end, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __getstate__(self) -> tuple[Any, Requirement, bool]:
        return self.compiled, self.required, self.lines

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.compiled, self.required, self.lines = state if len(state) == 3 else (*state, False)


def reading(pattern: str, flags: int = 0) -> tuple[Requirement | None, bool]:
    """What the gate of ``pattern`` checks: its :func:`required_literals` and whether it
    :func:`keeps_to_digit_lines`."""
    return required_literals(pattern, flags), keeps_to_digit_lines(pattern, flags)


def gated(compiled: Any, pattern: str, read: tuple[Requirement | None, bool] | None = None) -> Any:
    """``compiled`` behind its gate, or as it is where no literal is required and its matches may be
    on any line. ``read``: the pattern's :func:`reading` where it is known already (kept between runs)."""
    required, lines = read if read is not None else reading(pattern, compiled.flags)
    if required is None and not lines:
        return compiled
    return GatedPattern(compiled, required or (), lines)


#: ``\p{..}`` properties that never hold a line break (the general categories of letters, marks, numbers,
#: punctuation and symbols, and scripts)
_LINE_FREE_PROPERTIES = frozenset(
    [
        "L",
        "Lu",
        "Ll",
        "Lt",
        "Lm",
        "Lo",
        "M",
        "Mn",
        "Mc",
        "Me",
        "N",
        "Nd",
        "Nl",
        "No",
        "P",
        "Pd",
        "Ps",
        "Pe",
        "Pi",
        "Pf",
        "Pc",
        "Po",
        "S",
        "Sm",
        "Sc",
        "Sk",
        "So",
        "Han",
        "Latin",
        "Greek",
        "Cyrillic",
    ]
)
_PROPERTY = re.compile(r"(\\\\)|\\([pP])\{([^}]*)\}")
#: anchors that read a window's ends as they read a line break: a word boundary, and the start and
#: end of a line where the pattern has MULTILINE
_LINE_ANCHORS = ("AT_BOUNDARY", "AT_NON_BOUNDARY")
_MULTILINE_ANCHORS = ("AT_BEGINNING", "AT_END")


def keeps_to_digit_lines(pattern: str, flags: int = 0) -> bool:
    """Every match of ``pattern`` (and all its lookarounds read) lies within one line, and holds a digit,
    so a search of the :func:`digit_lines` alone finds every match a search of the text finds: nothing in
    it matches a line break (no ``.`` under DOTALL, ``\\s``, ``\\W``, ``\\D``, negated class without
    the break), and no anchor reads a window's end otherwise than the line break there (``\\Z``; ``$``
    without MULTILINE). A lookbehind still reads the text before a window. False where unsure."""
    if _p is None or flags & _UNSAFE_FLAGS:
        return False
    for m in _PROPERTY.finditer(pattern):
        if m.group(2) and (m.group(2) == "P" or m.group(3).strip() not in _LINE_FREE_PROPERTIES):
            return False
    bare = _ESCAPES.sub(lambda m: m.group(1) or "\x00", pattern)
    if _REGEX_ONLY.search(_ANY_ESCAPE.sub("", bare)):
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _p.parse(bare, re.VERBOSE if flags & regex.VERBOSE else 0)
    except Exception:
        return False
    items = list(parsed)
    return _line_free(items, int(flags) | parsed.state.flags) and _needs_digit(items)


def _line_free(items: Any, flags: int) -> bool:
    """No item of the parsed ``items`` matches a line break or reads a window's end otherwise (``flags``:
    those in force, the pattern's inline ones with them)."""
    anchors = _LINE_ANCHORS + (_MULTILINE_ANCHORS if flags & regex.MULTILINE else ())
    for op, av in items:
        if op is _c.LITERAL:
            ok = av != 10
        elif op is _c.NOT_LITERAL:
            ok = av == 10
        elif op is _c.ANY:
            ok = not flags & regex.DOTALL
        elif op is _c.IN:
            ok = not _set_holds_break(av)
        elif op is _c.AT:
            ok = str(av) in anchors
        elif op is _c.SUBPATTERN:  # (group, flags added, flags removed, items): "(?s:...)"
            ok = _line_free(av[-1], (flags | av[1]) & ~av[2])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            ok = _line_free(av[1], flags)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            ok = _line_free(av, flags)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            ok = _line_free(av[2], flags)
        elif op is _c.BRANCH:
            ok = all(_line_free(branch, flags) for branch in av[1])
        elif op is _c.GROUPREF:
            ok = True  # the group's own text, already checked
        else:
            ok = False  # a conditional, anything else: unsure
        if not ok:
            return False
    return True


def _set_holds_break(members: Any) -> bool:
    holds, negated = False, False
    for op, av in members:
        if op is _c.NEGATE:
            negated = True
        elif op is _c.LITERAL:
            holds |= av == 10
        elif op is _c.RANGE:
            holds |= av[0] <= 10 <= av[1]
        elif op is _c.CATEGORY:
            holds |= str(av) not in ("CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_NOT_SPACE")
        else:
            return True  # unsure
    return holds != negated


def _needs_digit(items: Any) -> bool:
    """Every match of the parsed ``items`` (or what a positive lookaround of it reads) holds a digit."""
    for op, av in items:
        if op is _c.LITERAL:
            found = 0x30 <= av <= 0x39
        elif op is _c.IN:
            found = _digit_set(av)
        elif op is _c.SUBPATTERN:
            found = _needs_digit(av[-1])
        elif op is _c.ASSERT:
            found = _needs_digit(av[1])
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            found = _needs_digit(av)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            found = av[0] >= 1 and _needs_digit(av[2])
        elif op is _c.BRANCH:
            found = all(_needs_digit(branch) for branch in av[1])
        else:
            found = False
        if found:
            return True
    return False


def _digit_set(members: Any) -> bool:
    """A class of digits only."""
    if not members:
        return False
    for op, av in members:
        if op is _c.LITERAL:
            ok = 0x30 <= av <= 0x39
        elif op is _c.RANGE:
            ok = 0x30 <= av[0] <= av[1] <= 0x39
        elif op is _c.CATEGORY:
            ok = str(av) == "CATEGORY_DIGIT"
        else:
            ok = False  # a negated class, anything else
        if not ok:
            return False
    return True


_DIGIT = regex.compile(r"\d")
#: the last text split into digit lines, and its runs
_last_lines: tuple[str, list[tuple[int, int]]] = ("", [])


def digit_lines(text: str) -> list[tuple[int, int]]:
    """The runs of consecutive lines of ``text`` that hold a digit (as the ``regex`` module's ``\\d``
    reads one), as (start, end) without the last line's line break. Most lines of prose hold none."""
    global _last_lines
    if _last_lines[0] is text:
        return _last_lines[1]
    windows: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if _DIGIT.search(line):
            if windows and windows[-1][1] == start - 1:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        start = end + 1
    _last_lines = (text, windows)
    return windows


#: the last text folded and its folded form: Presidio runs every pattern over the same text in turn
_last: tuple[str, str] = ("", "")


def _folded_once(text: str) -> str:
    global _last
    if _last[0] is not text:
        _last = (text, folded(text))
    return _last[1]
