"""Quasi-identifiers of a text: age band, gender, roles, conditions, events, family, place types, origin.

Read by meaning, not by string: a term counts in the part of speech its kind needs (a role or a place
type is a noun: "judge" the verb is no role, "mine" the pronoun no place), not under a negation
("a peer worker, not her lawyer"), by its lemma and synonym class ("mum" and "mother" are one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qualdeid.risk.analysis import Analysed, Token
from qualdeid.risk.lexicon import Synonyms, fold

_AGE_NUMBER = re.compile(r"\b(\d{1,3})\b")
_AGE_CONTEXT = re.compile(
    r"\b(?:aged?|age of)\s+(\d{1,3})\b|\b(\d{1,3})\s*(?:years?|yrs?)[ -]old\b|\(\s*(\d{1,3})\s*\)", re.IGNORECASE
)
_DECADES = {
    "teen": 10,
    "teens": 10,
    "teenager": 10,
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
#: the parts of speech a term of each kind may have (other kinds: any content word)
KIND_POS = {
    "role": frozenset({"NOUN", "PROPN"}),
    "place_type": frozenset({"NOUN", "PROPN"}),
    "family": frozenset({"NOUN", "PROPN"}),
    "condition": frozenset({"NOUN", "PROPN", "ADJ", "VERB"}),
    "origin": frozenset({"NOUN", "PROPN", "ADJ"}),
}

Location = tuple[int, int]


@dataclass(frozen=True)
class QuasiLexicon:
    """The quasi-identifier terms of ``risk.yaml`` by kind, folded and read through the synonyms."""

    phrases: dict[tuple[str, ...], tuple[str, str]]  # folded words -> (kind, key)
    canonical: dict[str, tuple[str, str]]  # synonym class -> (kind, key)
    weak: frozenset[str]  # kinds that narrow a corpus only together with a stronger one

    @classmethod
    def build(cls, by_kind: dict[str, list[str]], synonyms: Synonyms, weak: Iterable[str] = ()) -> QuasiLexicon:
        phrases: dict[tuple[str, ...], tuple[str, str]] = {}
        canonical: dict[str, tuple[str, str]] = {}
        for kind, words in by_kind.items():
            for term in words:
                folded = fold(term)
                if folded:
                    canon = synonyms.of(folded)
                    entry = (kind, f"{kind}:{canon}")
                    phrases.setdefault(tuple(folded.split()), entry)
                    canonical.setdefault(canon, entry)
        return cls(phrases, canonical, frozenset(weak))

    @property
    def longest(self) -> int:
        return max((len(p) for p in self.phrases), default=1)

    def is_weak(self, qi: str) -> bool:
        return category(qi) in self.weak

    def strong_word(self, word: str, synonyms: Synonyms) -> bool:
        """A single word that is a quasi-identifier of a strong kind ("pregnant", "welder")."""
        entry = self.canonical.get(synonyms.of(fold(word))) or self.phrases.get((fold(word),))
        return entry is not None and entry[0] not in self.weak


def age_band(years: int) -> str | None:
    if not 10 <= years <= 110:
        return None
    return f"age:{years // 10 * 10}s"


def occurrences(
    a: Analysed, lexicon: QuasiLexicon, age_spans: Iterable[tuple[int, int]] = ()
) -> list[tuple[str, Location]]:
    """Every quasi-identifier of the text with where it occurs (gender excepted: see :func:`gender`).
    Keys look like ``condition:bipolar``, ``family:mother`` or ``age:30s``."""
    found: list[tuple[str, Location]] = []
    tokens = a.tokens
    i = 0
    while i < len(tokens):
        hit = _term_at(tokens, i, lexicon)
        if hit is None:
            i += 1
            continue
        (kind, key), n, end = hit
        head = _head_of(tokens, i, n)
        pos = KIND_POS.get(kind)
        if not ((pos is not None and head.pos not in pos) or head.negated or tokens[i].negated):
            found.append((key, (tokens[i].start, end)))
        i += n
    for start, end in age_spans:
        band = _band_in(a.text[start:end])
        if band:
            found.append((band, (start, end)))
    for m in _AGE_CONTEXT.finditer(a.text):
        band = age_band(int(next(g for g in m.groups() if g)))
        if band:
            found.append((band, m.span()))
    for t in tokens:
        if t.text.lower() in _DECADES and t.text.lower() != "teen":
            found.append((f"age:{_DECADES[t.text.lower()]}s", (t.start, t.end)))
    return sorted(found, key=lambda x: x[1])


def extract(
    a: Analysed,
    lexicon: QuasiLexicon,
    age_spans: Iterable[tuple[int, int]] = (),
    generic: Sequence[tuple[int, int]] = (),
) -> dict[str, Location]:
    """Quasi-identifier -> where it first occurs, the gender the text's pronouns tell included. Those
    inside ``generic`` (the sentences about no one in particular: "grief and depression appeared in many
    entries") are no one's: a combination is of one person's traits."""
    found: dict[str, Location] = {}
    for qi, where in occurrences(a, lexicon, age_spans):
        if not any(s <= where[0] and where[1] <= e for s, e in generic):
            found.setdefault(qi, where)
    g = gender(a.tokens)
    if g is not None:
        found[g[0]] = g[1]
    return found


def gender(tokens: Sequence[Token]) -> tuple[str, Location] | None:
    """``gender:female`` or ``gender:male`` when the third-person pronouns clearly tell one."""
    male = [t for t in tokens if t.text.lower() in MALE]
    female = [t for t in tokens if t.text.lower() in FEMALE]
    if len(male) >= 2 and len(male) >= 2 * len(female):
        return "gender:male", (male[0].start, male[0].end)
    if len(female) >= 2 and len(female) >= 2 * len(male):
        return "gender:female", (female[0].start, female[0].end)
    return None


def category(qi: str) -> str:
    return qi.split(":", 1)[0]


def _term_at(tokens: Sequence[Token], i: int, lexicon: QuasiLexicon) -> tuple[tuple[str, str], int, int] | None:
    """((kind, key), words taken, end offset) of the longest term starting at ``tokens[i]``: its
    words as lemmas or forms, or a synonym of it ("mum" for "mother", "glass eye" for "artificial eye")."""
    for n in range(min(lexicon.longest, len(tokens) - i), 0, -1):
        window = tokens[i : i + n]
        for words in (tuple(t.lemma for t in window), tuple(t.form for t in window)):
            if words in lexicon.phrases:
                return lexicon.phrases[words], n, window[-1].end
    t = tokens[i]
    entry = lexicon.canonical.get(t.norm)
    if entry is not None:
        n = 1
        while i + n < len(tokens) and tokens[i + n].end <= t.norm_end:
            n += 1
        return entry, n, t.norm_end
    return None


def _head_of(tokens: Sequence[Token], i: int, n: int) -> Token:
    """The token of ``tokens[i:i+n]`` whose head lies outside the phrase (its syntactic head)."""
    for j in range(i, i + n):
        if not i <= tokens[j].head < i + n:
            return tokens[j]
    return tokens[i + n - 1]


def _band_in(text: str) -> str | None:
    m = _AGE_NUMBER.search(text)
    band = age_band(int(m.group(1))) if m else None
    if band is None:
        for w, decade in _DECADES.items():
            if re.search(rf"\b{w}\b", text, re.IGNORECASE):
                return f"age:{decade}s"
    return band
