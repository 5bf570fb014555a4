"""A place named with another language's case ending after an apostrophe: Turkish writes a proper noun's
endings apart from it, and the locative and ablative ones say where ("Yalıkavak'ta", "Zeytinköy'den",
"Kuzguncuk'taki ev"). In a text partly written in that language (detect/nlp/languages.py), a capitalised word
before one of its ``place_endings`` (``rules/languages/<code>.yaml``) is a place (LOCATION; the span is the word,
without the ending) when it is no first name ("Ayşe'den" is from a person) nor a common word of the language
(months, countries, "Allah'tan").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import regex

from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.languages import OtherLanguages, zipf_in
from qualdeid.detect.nlp.regex_cache import compiled
from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import LOCATION
from qualdeid.rules import Rules, alternation

FILES = "languages/*.yaml"
#: a place's name is rarer than this in the language (not "Temmuz'da", "Almanya'dan")
WORD_ZIPF = 4.0


class OtherLanguagePlaceRecognizer(_TextRecognizer):
    """Places before another language's locative and ablative endings (module docstring)."""

    LABELS = (LOCATION,)
    #: above NER (0.85), which reads the word and its ending as an organisation or a person
    SCORE = 0.86

    def __init__(self, rules: Rules) -> None:
        self.other_languages = OtherLanguages(rules)
        self.first_names = NameLexicon.read(rules).first_names
        self.patterns: dict[str, regex.Pattern[str]] = {}
        for code in sorted({Path(p).stem for p in rules.files(FILES)}):
            lists = rules.lists(f"languages/{code}.yaml")
            endings = lists["place_endings"] if "place_endings" in lists else frozenset()  # noqa: SIM401 (no .get)
            if endings:
                self.patterns[code] = compiled(
                    rf"(?<![\p{{L}}\p{{N}}'’-])(?P<name>\p{{Lu}}[\p{{L}}-]*\p{{L}})['’]"
                    rf"(?i:{alternation(endings)})(?![\p{{L}}])",
                    regex.VERSION1,
                )
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        if not self.patterns:
            return
        for code in self.other_languages.of(text):
            pattern = self.patterns.get(code)
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                low = m.group("name").lower()
                if low in self.first_names or zipf_in(low, code) >= WORD_ZIPF:
                    continue
                yield m.start("name"), m.end("name"), LOCATION
