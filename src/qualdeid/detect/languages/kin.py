"""A person named after what the writer calls them in another language: "a mi hermano Efrén", "la tía
Rosalba", "Abuela Zulema", "ο παππούς Σπύρος", "mam-gu Eirlys". In a text partly written in that language
(detect/nlp/languages.py), a capitalised word right after one of its kinship words or forms of address
(``kin`` of ``rules/languages/<code>.yaml``) is a name when it is no common word of the language nor of
English; a capitalised kinship word is the name's title and part of its span ("Abuela Zulema"), a
lower-case one is not ("mi hermano Efrén"). English texts are not read here: the name rules know English
kinship words.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import regex

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.languages import OtherLanguages, zipf_in
from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import PERSON
from qualdeid.rules import Rules, alternation

FILES = "languages/*.yaml"
#: a name is rarer than this in the text's language and in English ("Rosario" is a name; "Casa" no)
WORD_ZIPF = 4.0
_NAME = r"\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?"


class OtherLanguageKinRecognizer(_TextRecognizer):
    """Names after another language's kinship words and forms of address (module docstring)."""

    LABELS = (PERSON,)
    #: above NER's 0.85: Presidio drops the lower-scored of two nested results of one label, and NER's
    #: longer misreading ("Efrén al 555 0199") must not take the name with it when later checks reject it
    SCORE = 0.87

    def __init__(self, rules: Rules) -> None:
        self.other_languages = OtherLanguages(rules)
        self.kin: dict[str, frozenset[str]] = {}
        self.patterns: dict[str, regex.Pattern[str]] = {}
        for code in sorted({Path(p).stem for p in rules.files(FILES)}):
            lists = rules.lists(f"languages/{code}.yaml")
            if "kin" not in lists or not lists["kin"]:
                continue
            self.kin[code] = lists["kin"]
            self.patterns[code] = regex.compile(
                rf"(?<![\p{{L}}\p{{N}}'’-])(?P<kin>(?i:{alternation(lists['kin'])}))[ \t]+(?P<name>{_NAME})"
                rf"(?:[ \t]+(?P<surname>{_NAME}))?(?![\p{{L}}\p{{N}}])"
            )
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        if not self.patterns:
            return
        languages = [code for code in self.other_languages.of(text) if code in self.patterns]
        for code in languages:
            for m in self.patterns[code].finditer(text):
                if not self._name(m.group("name"), code):
                    continue
                end = m.end("name")
                if m.group("surname") and self._name(m.group("surname"), code):
                    end = m.end("surname")
                start = m.start("kin") if m.group("kin")[:1].isupper() else m.start("name")
                yield start, end, PERSON

    def _name(self, word: str, code: str) -> bool:
        low = word.lower()
        return len(word) > 1 and low not in self.kin[code] and zipf_in(low, code) < WORD_ZIPF and zipf(low) < WORD_ZIPF
