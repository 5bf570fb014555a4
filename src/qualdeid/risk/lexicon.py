"""Word knowledge of the risk check, read from ``rules/``: terms that are never identifiers, synonyms.

Both are plain lists a researcher can read and edit, loaded through the project's rules loader so
that a project folder (``--rules DIR``) adds to them or takes entries back (``!entry``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.rules import Rules

#: relations WordNet lacks, written by hand (a trade and what it handles, a landmark and its place), read
#: beside ``risk/related.txt``
HAND_RELATED = "risk/related_hand.txt"

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_SEPARATORS = re.compile(r"[\s\-‐–]+")


def fold(text: str) -> str:
    """Lower case, no diacritics or macrons, plain apostrophes, hyphens and runs of spaces as one
    space: the form in which list entries and the words of a text are compared ("Whānau" = "whanau")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", bare.lower()).strip()


@dataclass
class NeverIdentifiers:
    """Terms that are never identifiers on their own (holidays, clinical and legal terms, kinds of
    service, te reo Māori and Pacific words): one definition each, in the lists ``risk.yaml`` names."""

    terms: set[str] = field(default_factory=set)  # folded
    _pattern: re.Pattern[str] | None = None

    @classmethod
    def load(cls, lists: Iterable[str], rules_dirs: Sequence[Path] = ()) -> NeverIdentifiers:
        rules = Rules(list(rules_dirs))
        return cls({fold(t) for name in lists for t in rules.words(name) if fold(t)})

    def __contains__(self, value: str) -> bool:
        return fold(value) in self.terms

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms occur in ``text`` (whole words, any case, macrons and hyphens optional)."""
        if not self.terms:
            return []
        if self._pattern is None:
            alternation = "|".join(
                r"[\s\-‐–]+".join(re.escape(w) for w in term.split(" "))
                for term in sorted(self.terms, key=len, reverse=True)
            )
            self._pattern = re.compile(rf"(?<![^\W_])(?:{alternation})(?:'s)?(?![^\W_])")
        return [m.span() for m in self._pattern.finditer(fold_chars(text))]


def fold_chars(text: str) -> str:
    """:func:`fold` character by character, keeping the length (offsets stay valid); separators are kept."""
    out = []
    for c in text:
        bare = "".join(
            x for x in unicodedata.normalize("NFKD", c.translate(_APOSTROPHES)) if not unicodedata.combining(x)
        )
        low = bare.lower()
        out.append(low[0] if len(low) == 1 else c)
    return "".join(out)


@dataclass
class Synonyms:
    """Groups of words read as one for re-identification (``rules/synonyms.txt``): "mum" and
    "mother", "glass eye" and "artificial eye". Variants of several words are matched as phrases."""

    canonical: dict[str, str] = field(default_factory=dict)  # folded variant (maybe several words) -> canonical
    longest: int = 1  # words in the longest variant

    @classmethod
    def load(cls, rules_dirs: Sequence[Path] = (), name: str = "synonyms.txt") -> Synonyms:
        out = cls()
        for line in sorted(Rules(list(rules_dirs)).words(name)):
            head, sep, rest = line.partition(":")
            if not sep:
                continue
            canon = fold(head)
            for variant in [canon, *(fold(v) for v in rest.split(","))]:
                if variant:
                    out.canonical.setdefault(variant, canon)
                    out.longest = max(out.longest, len(variant.split()))
        return out

    def of(self, word: str) -> str:
        """The canonical form of one (folded) word or phrase; the word itself when it has none."""
        return self.canonical.get(word, word)

    def phrases(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        """(first, end, canonical) for the multi-word variants found in ``words`` (folded lemmas or
        forms), longest first, not overlapping."""
        out: list[tuple[int, int, str]] = []
        taken = [False] * len(words)
        for n in range(self.longest, 1, -1):
            for i in range(len(words) - n + 1):
                if any(taken[i : i + n]):
                    continue
                canon = self.canonical.get(" ".join(words[i : i + n]))
                if canon is not None:
                    out.append((i, i + n, canon))
                    taken[i : i + n] = [True] * n
        return sorted(out)


@lru_cache(maxsize=200_000)
def compound_parts(word: str, max_zipf: float, part_zipf: float, min_part: int = 3) -> frozenset[str]:
    """The two words an uncommon closed compound is made of ("tugboat": "tug", "boat"; "hayloft":
    "hay", "loft"): a word rarer than ``max_zipf`` (Zipf) that splits into two words of at least
    ``min_part`` letters, each at least as common as ``part_zipf``; of several splits, the one whose
    rarer part is commonest. Common words are never split ("carpet" is no "car" and "pet")."""
    if not word.isalpha() or len(word) < 2 * min_part or zipf(word) >= max_zipf:
        return frozenset()
    best, parts = part_zipf, frozenset()
    for i in range(min_part, len(word) - min_part + 1):
        left, right = word[:i], word[i:]
        z = min(zipf(left), zipf(right))
        if z >= best:
            best, parts = z, frozenset({left, right})
    return parts


#: suffixes that make a noun of a state, rank or office from a word ("stewardship", "knighthood",
#: "membership"): the derived word is related to the word it is made from, as WordNet lists only some
DERIVATION_SUFFIXES = ("ship", "hood")


def derived_from(word: str, min_stem: int = 4, stem_zipf: float = 2.5) -> frozenset[str]:
    """The word a noun of state or office is made from ("stewardship": "steward", "knighthood":
    "knight"), when that stem is a word of at least ``min_stem`` letters as common as ``stem_zipf``
    (Zipf): "likelihood" is made of no word "likeli", "worship" of no "wor"."""
    for suffix in DERIVATION_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and word.isalpha() and len(stem) >= min_stem and zipf(stem) >= stem_zipf:
            return frozenset({stem})
    return frozenset()


@dataclass
class Related:
    """Words related in meaning (``rules/risk/related.txt``, built from WordNet): "pianist" and
    "piano", "earring" and its broader "jewellery". Unlike synonyms they are not read as one word: a
    person's accounts that hold a word also hold, more weakly, the words related to it. An uncommon
    closed compound is related to the words it is made of ("tugboat" to "boat", "hayloft" to "hay";
    ``compound_zipf`` and ``part_zipf``, 0 turns it off), as WordNet seldom lists them, and a noun of state
    or office to the word it is made from ("stewardship" to "steward", ``DERIVATION_SUFFIXES``)."""

    words: dict[str, frozenset[str]] = field(default_factory=dict)  # folded word -> folded related words
    compound_zipf: float = 0.0
    part_zipf: float = 3.5

    @classmethod
    def load(
        cls,
        rules_dirs: Sequence[Path] = (),
        name: str = "risk/related.txt",
        *,
        compound_zipf: float = 0.0,
        part_zipf: float = 3.5,
        extra: Sequence[str] = (HAND_RELATED,),
    ) -> Related:
        rules = Rules(list(rules_dirs))
        names = (name, *extra)
        files = tuple((str(p), p.stat().st_mtime_ns) for n in names for p in rules.paths(n))
        return cls(_related_table(tuple(map(str, rules_dirs)), names, files), compound_zipf, part_zipf)

    def parts(self, word: str) -> frozenset[str]:
        """The words an uncommon closed compound is made of (none when compounds are off)."""
        return compound_parts(word, self.compound_zipf, self.part_zipf) if self.compound_zipf > 0 else frozenset()

    def of(self, word: str) -> frozenset[str]:
        return self.words.get(word, frozenset()) | self.parts(word) | derived_from(word)


@lru_cache(maxsize=8)
def _related_table(
    rules_dirs: tuple[str, ...], names: tuple[str, ...], files: tuple[tuple[str, int], ...]
) -> dict[str, frozenset[str]]:
    """The folded table of ``names`` (about 450,000 WordNet entries, seconds to fold), read once per process
    and shared by every checker (read-only); ``files`` (each file and its modification time) makes an
    edited list read again."""
    table: dict[str, set[str]] = {}
    rules = Rules(list(rules_dirs))
    for line in [line for n in names for line in rules.words(n)]:
        head, sep, rest = line.partition(":")
        if sep:
            table.setdefault(fold(head), set()).update(w for w in (fold(v) for v in rest.split(",")) if w)
    return {w: frozenset(rs) for w, rs in table.items()}


@dataclass(frozen=True)
class Definitions:
    """What uncommon words mean (``rules/risk/definitions.txt``, built from WordNet): "farrier" by
    "horse" and "shoe". A sentence that uses two or more words of a word's definition describes the
    thing without naming it ("she shoes horses for a living")."""

    words: dict[str, frozenset[str]] = field(default_factory=dict)  # folded word -> its definition's words

    @classmethod
    def load(cls, rules_dirs: Sequence[Path] = (), name: str = "risk/definitions.txt") -> Definitions:
        return cls(Related.load(rules_dirs, name, extra=()).words)

    def of(self, word: str) -> frozenset[str]:
        return self.words.get(word, frozenset())
