"""Quasi-identifiers of a text: age band, gender, roles, conditions, events, family, place types, origin."""

from __future__ import annotations

import re
from collections.abc import Iterable

from qualdeid.risk.analysis import Analysed

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

Location = tuple[int, int]


def age_band(years: int) -> str | None:
    if not 10 <= years <= 110:
        return None
    return f"age:{years // 10 * 10}s"


def extract(
    a: Analysed, lexicon: dict[str, list[str]], age_spans: Iterable[tuple[int, int]] = ()
) -> dict[str, Location]:
    """Quasi-identifier -> where it first occurs. Keys look like ``condition:bipolar`` or ``age:30s``."""
    found: dict[str, Location] = {}
    lemmas = [t.lemma for t in a.tokens]
    surfaces = [t.text.lower() for t in a.tokens]
    for category, terms in lexicon.items():
        for term in terms:
            parts = term.split()
            n = len(parts)
            for i in range(len(lemmas) - n + 1):
                if lemmas[i : i + n] == parts or surfaces[i : i + n] == parts:
                    found.setdefault(f"{category}:{term}", (a.tokens[i].start, a.tokens[i + n - 1].end))
                    break
    for start, end in age_spans:
        m = _AGE_NUMBER.search(a.text, start, end)
        band = age_band(int(m.group(1))) if m else None
        if band is None:
            for w, decade in _DECADES.items():
                if re.search(rf"\b{w}\b", a.text[start:end], re.IGNORECASE):
                    band = f"age:{decade}s"
                    break
        if band:
            found.setdefault(band, (start, end))
    for m in _AGE_CONTEXT.finditer(a.text):
        band = age_band(int(next(g for g in m.groups() if g)))
        if band:
            found.setdefault(band, m.span())
    for t in a.tokens:
        if t.text.lower() in _DECADES and t.text.lower() != "teen":
            found.setdefault(f"age:{_DECADES[t.text.lower()]}s", (t.start, t.end))
    male = [t for t in a.tokens if t.text.lower() in MALE]
    female = [t for t in a.tokens if t.text.lower() in FEMALE]
    if len(male) >= 2 and len(male) >= 2 * len(female):
        found["gender:male"] = (male[0].start, male[0].end)
    elif len(female) >= 2 and len(female) >= 2 * len(male):
        found["gender:female"] = (female[0].start, female[0].end)
    return found


def category(qi: str) -> str:
    return qi.split(":", 1)[0]
