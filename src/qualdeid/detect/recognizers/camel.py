"""An organisation written as one word with a capital inside it: "QuellTech", "BrightStaff", "CardLink".

Firms, agencies and schemes join their words this way ("InterCaps"); everyday English, names and places
do not. A word is taken when each of its parts is a capital and lower-case letters, it stands alone (not
part of an e-mail, a handle, a file or a code) and it is rare in English (wordfreq Zipf below
``KNOWN_BRAND_ZIPF``: the apps and firms everybody writes, "YouTube", "PayPal", "LinkedIn", identify
nobody). A name whose prefix takes a capital ("McBride", "DeShawn", ``names/context.yaml``), a double first
name ("MaryBeth": every part a first name) and the words of ``lexicons/not_places.txt`` are
no organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import ORGANIZATION
from qualdeid.rules import Rules

#: a brand this common in English (Zipf) is one everybody uses ("WhatsApp" 3.6, "FaceTime" 2.8)
KNOWN_BRAND_ZIPF = 2.0
#: two to four parts, each a capital and at least two lower-case letters ("PhD", "iPad", "McD" are none)
_CAMEL = re.compile(r"(?<![\w@#/.\\-])(?:[A-Z][a-z]{2,}){2,4}(?![\w@#/\\-]|\.\w)")
_PART = re.compile(r"[A-Z][a-z]+")


class CamelCaseOrgRecognizer(_TextRecognizer):
    """One word of capitalised parts: a firm's, an agency's or a scheme's name (module docstring)."""

    LABELS = (ORGANIZATION,)
    #: below NER (0.85): a place or a person NER reads there keeps its reading
    SCORE = 0.6

    def __init__(self, rules: Rules, names: NameLexicon) -> None:
        self.names = names
        self.not_places = rules.words("lexicons/not_places.txt", lower=True)
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        for m in _CAMEL.finditer(text):
            if self._organisation(m.group()):
                yield m.start(), m.end(), ORGANIZATION

    def _organisation(self, word: str) -> bool:
        parts = _PART.findall(word)
        low = word.lower()
        return not (
            parts[0].lower() in self.names.capital_prefixes  # "McBride", "DeShawn", "MacLeod"
            or all(map(self.names.is_first_name, parts))  # "MaryBeth", "LeeAnne"
            or self.names.is_name(word)
            or low in self.not_places
            or zipf(low) >= KNOWN_BRAND_ZIPF
        )
