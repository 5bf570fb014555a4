"""Surnames that head a family's case in handover notes and caseload lists: "TARVOLD fam", "KESKARI /
MOLLEN family", a line that opens with the surnames in capitals (or capitalised), then a family noun
(``family_nouns`` in rules/names/context.yaml). A word common in English ("ADMIN family day") or an
abbreviation of ``not_initials.txt`` is no surname.

In running text, a family named by its surname after "the" ("the whole Varnelu clan", "to the Odrastik
family"): a surname there too, unless it is a people, a language or a town ("the Latvian family", "the
Ballarat family"), or an everyday word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qualdeid.detect.names.evidence import NameEvidence
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.rules import Rules

#: a word more common than this in English (wordfreq Zipf) is no surname heading a case, unless listed
SURNAME_HEAD_ZIPF = 3.5
_SURNAME = r"(?:[A-Z][A-Z'’-]{2,}|[A-Z][a-z'’-]{2,})"


class FamilyHeadings:
    def __init__(self, rules: Rules, evidence: NameEvidence) -> None:
        self.lex = evidence.lex
        self.peoples = evidence.peoples
        self.towns = evidence.towns | rules.words("lexicons/towns_world.txt", lower=True)
        nouns = rules.lists("names/context.yaml").pattern("family_nouns")
        self.heading = re.compile(
            rf"^[ \t>*•-]*(?:\d{{1,2}}[.)][ \t]*)?(?P<names>{_SURNAME}(?:[ \t]*/[ \t]*{_SURNAME})*)"
            rf"[ \t]+(?i:{nouns})\b(?![ \t]+[A-Z])",  # not "QUARRELL FAMILY TRUST", an organisation
            re.MULTILINE,
        )
        #: "the Odrastik family", "the whole Varnelu clan", "the Varnelu/Odrastik household" in a sentence
        self.in_text = re.compile(
            rf"(?<![\w'’-])(?i:the)[ \t]+(?:(?i:whole|entire)[ \t]+)?"
            rf"(?P<names>[A-Z][a-z'’-]{{2,}}(?:[ \t]*/[ \t]*[A-Z][a-z'’-]{{2,}})?)"
            rf"[ \t]+(?i:{nouns})\b(?![ \t]+[A-Z])"
        )

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        for m in self.heading.finditer(text):
            offset = m.start("names")
            for word in re.finditer(_SURNAME, m.group("names")):
                if self._surname(word.group()):
                    yield offset + word.start(), offset + word.end()
        for m in self.in_text.finditer(text):
            offset = m.start("names")
            for word in re.finditer(_SURNAME, m.group("names")):
                low = word.group().lower()
                if self._surname(word.group()) and low not in self.peoples and low not in self.towns:
                    yield offset + word.start(), offset + word.end()

    def _surname(self, word: str) -> bool:
        low = word.lower()
        if word in self.lex.not_initials or low in self.lex.place_heads or low in self.lex.titles:
            return False
        return low in self.lex.surnames or zipf(low) < SURNAME_HEAD_ZIPF
