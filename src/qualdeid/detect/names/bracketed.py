"""Short forms a document defines in brackets (issue 13, class a): "Tuck (Tuckerman Felsted) came early ...
later Tuck said", "Bo (Bolesław on the chart, nobody calls him that)", "Lark (Leopold Hölloway)" (a full name in
brackets after a word that opens with its first letter).

A capitalised word right before a bracket that opens with a listed first name, whose start it is or of
which it is a known nickname, is what the document calls that person, even where it is also a word or a
relative's word ("Nan", "Rook"). The corpus learns it as a pet name written so: its other uses,
capitalised as defined, are that person where the grammar takes a known word-name (``acceptance.py``): mid-sentence
("told Tuck"), and at a sentence's start where the person acts ("Tuck said", not "Tuck the sheet in"). Lower-case
uses stay words.
"""

from __future__ import annotations

import re

from qualdeid.detect.names.evidence import SURNAME_ZIPF, NameEvidence
from qualdeid.detect.names.variants import NameVariants
from qualdeid.detect.nlp.frequency import zipf

#: "Tuck (Tuckerman", "Bo ( Bolesław": a short capitalised word, then a bracket opening with a capitalised word
_DEFINED = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{1,5})[ \t]*\([ \t]*([^\W\d_][^\W\d_'’-]+)")
#: after a name in brackets: the bracket's end, or a surname ("Tuckerman Felsted")
_NAME_ENDS = re.compile(r"[ \t]*(?:\)|[A-Z][a-z'’-]+[ \t]*[),])")
#: after a listed first name in brackets: a capitalised surname (any letters), the bracket's end: "(Leo Hölloway)"
_SURNAME_CLOSES = re.compile(r"[ \t]+[^\W\d_][^\W\d_'’-]+[ \t]*\)")


class BracketedShortForms:
    """Finds the short forms a document gives its people in brackets."""

    def __init__(self, ev: NameEvidence, variants: NameVariants) -> None:
        self.ev = ev
        self.variants = variants

    def defined(self, text: str) -> dict[str, int]:
        """The short forms the document defines, with where each is first defined."""
        out: dict[str, int] = {}
        for m in _DEFINED.finditer(text):
            if self._short_form_of(m.group(1), m.group(2), text[m.end() : m.end() + 40]):
                out.setdefault(m.group(1), m.start(1))
        return out

    def _short_form_of(self, short: str, name: str, after: str) -> bool:
        """ "Tuck" of "Tuckerman", "Bo" of "Bolesław", a listed nickname of the name, even a word ("Nan" of
        "Nanette", "Rook" of "Rookford"); no title (but a relative's: "Nan"), calendar word, place head or term.
        The name is a listed first name, or a word English hardly uses that a surname or the bracket's end
        follows ("Tuckerman Felsted)")."""
        ev, lex = self.ev, self.ev.lex
        low, folded = short.lower(), name.lower()
        if short == name or not name[1:].islower():
            return False
        if (
            (low in lex.titles and low not in ev.relatives)
            or low in ev.calendar
            or low in lex.place_heads
            or lex.is_term(low)
        ):
            return False
        surname = _SURNAME_CLOSES.match(after)
        if (
            lex.is_first_name(name)
            and surname is not None
            and surname.group().strip()[0].isupper()
            and short[0] == name[0]
        ):
            return True  # "Lark (Leopold Hölloway)": a full name in brackets, its short form opening as it does
        if not lex.is_first_name(name) and (zipf(folded) >= SURNAME_ZIPF or not _NAME_ENDS.match(after)):
            return False
        return (folded.startswith(low) and len(folded) > len(low)) or short in self.variants.of(name)
