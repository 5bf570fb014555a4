"""Name variants: nicknames and short forms from ``rules/names/nicknames.txt``, the "-o"
diminutives of English-speaking countries (Rob -> Robbo, Dave -> Davo, Jon -> Jonno), the name
typed without its accents (Órlaith -> Orlaith), and the forms of a name that a writer uses beside it
in one document (:func:`near_form`: Jade -> Jadey, Harpreet -> Preet, Shanice -> Shanise)."""

from __future__ import annotations

from qualdeid.detect.names.lexicon import NameLexicon, without_marks
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.rules import Nicknames, Rules

_VOWELS = set("aeiou")
#: a name without its accents that is this common a word in English, and no listed name, stays the word
#: ("Ân" -> "an"; but "José" -> "Jose")
PLAIN_FORM_ZIPF = 3.0


def diminutives(stem: str) -> set[str]:
    """Rob -> Robbo, Jon -> Jonno, Dave -> Davo: consonant-vowel-consonant stems only."""
    s = stem.lower()
    if len(s) == 3 and _cvc(s):
        return {s + s[-1] + "o"}
    if len(s) == 4 and s.endswith("e") and _cvc(s[:3]):
        return {s[:3] + "o"}
    return set()


#: endings of English pet forms: Jade -> Jadey, Rose -> Rosie, Tom -> Tommy
_PET_ENDINGS = ("ie", "ey", "y")
#: a part of a name shorter than this is no short form of it ("Al" of "Khalid" is left to the lists)
MIN_SHORT_FORM = 3
#: a spelling variant differs from the name in one letter, in names at least this long
MIN_RESPELLED = 5


def near_form(word: str, name: str) -> bool:
    """``word`` is another form of ``name`` as writers use one beside the other: a pet form (Jade ->
    Jadey, Rose -> Rosie, Sam -> Sammie), a part of the name (Harpreet -> Preet, Lorenzo -> Ren,
    Gabriela -> Gabi) or the name spelled with one letter changed (Shanice -> Shanise)."""
    w, n = word.lower(), name.lower()
    if w == n or len(w) < MIN_SHORT_FORM or len(n) < MIN_SHORT_FORM:
        return False
    for ending in _PET_ENDINGS:
        if w.endswith(ending):
            stem = w[: -len(ending)]
            if stem in (n, n[:-1] if n.endswith("e") else n, n + n[-1]) and len(stem) >= MIN_SHORT_FORM:
                return True
    if len(n) >= len(w) + 2 and w in n:
        return True
    return len(w) == len(n) >= MIN_RESPELLED and w[0] == n[0] and sum(a != b for a, b in zip(w, n, strict=True)) == 1


def _cvc(s: str) -> bool:
    return s.isalpha() and s[0] not in _VOWELS and s[1] in _VOWELS and s[2] not in _VOWELS | set("wxyh")


class NameVariants:
    def __init__(self, rules: Rules) -> None:
        self.nicknames: Nicknames = rules.nicknames
        self.lexicon = NameLexicon.read(rules)

    def of(self, name: str) -> set[str]:
        """Other forms of ``name``, written in the same style (capitalised or lowercase)."""
        key = name.lower()
        forms = set(self.nicknames.related(key))
        for short in [key, *forms]:
            forms |= diminutives(short)
        plain = without_marks(key)
        if plain != key and (self.lexicon.is_name(plain) or zipf(plain) < PLAIN_FORM_ZIPF):
            # "Órlaith" typed "orlaith", "Phượng" typed "phuong", "Paweł" typed "pawel", "Ευτυχία" typed "ευτυχια":
            # the name without its accents
            forms.add(plain)
        forms.discard(key)
        return {_styled(f, name) for f in forms}


def _styled(form: str, like: str) -> str:
    return form.capitalize() if like[:1].isupper() else form
