"""An institution named by its kind and "of" a place or a name: "University of the West Fells", "Institute
for Coastal Research", "Society of Tarrow Weavers" (ORGANIZATION).

The kind comes first, with its capital (``lexicons/places.yaml``, ``institution_kinds``), then "of" or
"for", maybe "the", and one to four capitalised words, of which one at least says which institution it is:
a word that is no generic word of a name (``lexicons/generic_name_words.txt``: "College of Nursing" names
a function, not one body).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import ORGANIZATION
from qualdeid.rules import Rules

_NAME_WORD = regex.compile(r"\p{Lu}[\p{Ll}'’-]+")


class InstitutionOfRecognizer(_TextRecognizer):
    """A kind of institution, "of" or "for", and its own name (module docstring)."""

    LABELS = (ORGANIZATION,)
    #: above NER (0.85), which often takes the name after "of" alone for a place
    SCORE = 0.86

    def __init__(self, rules: Rules) -> None:
        kinds = rules.lists("lexicons/places.yaml").pattern("institution_kinds")
        self.generic = rules.words("lexicons/generic_name_words.txt", lower=True)
        self.pattern = regex.compile(
            rf"\b(?=\p{{Lu}})(?i:{kinds})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
            r"(?P<name>\p{Lu}[\p{Ll}'’-]+(?:[ \t]+(?:and[ \t]+)?\p{Lu}[\p{Ll}'’-]+){0,3})"
        )
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        for m in self.pattern.finditer(text):
            if any(w.lower() not in self.generic for w in _NAME_WORD.findall(m.group("name"))):
                yield m.start(), m.end(), ORGANIZATION
