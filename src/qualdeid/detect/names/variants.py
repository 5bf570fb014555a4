"""Name variants: nicknames and short forms from ``rules/names/nicknames.txt``, the "-o"
diminutives of English-speaking countries (Rob -> Robbo, Dave -> Davo, Jon -> Jonno), and the name
typed without its accents (Órlaith -> Orlaith)."""

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
        if plain != key and plain.isascii() and (self.lexicon.is_name(plain) or zipf(plain) < PLAIN_FORM_ZIPF):
            forms.add(plain)  # "Órlaith" typed "orlaith", "Phượng" typed "phuong": the name without its accents
        forms.discard(key)
        return {_styled(f, name) for f in forms}


def _styled(form: str, like: str) -> str:
    return form.capitalize() if like[:1].isupper() else form
