"""A word spelled out letter by letter: "she spelled it R-A-N-V-E-I-G", "surname Q-U-I-N-N-E-L-L (?)".

Transcripts, phone messages and interpreted interviews spell out the words a listener could not
write down, and those are names: a fingerspelled name, a surname taken over the phone. A run of three
or more single capitals joined by hyphens is taken for one (PERSON), unless the letters spell a common
English word that no name list holds ("S-L-O-W", said for emphasis).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import PERSON
from qualdeid.rules import Rules

#: a capital of any Latin or Greek alphabet ("R", "Ó", "Σ")
_CAPITAL = r"[^\W\d_a-zß-ÿ]"
#: three or more single capitals joined by hyphens or dashes, as one word
_SPELLED = re.compile(rf"(?<![\w'’-]){_CAPITAL}(?:[-–]{_CAPITAL}){{2,}}(?![\w'’]|[-–]\w)")
#: letters that spell a word this common in English are the word said slowly, not a name
SPELLED_WORD_ZIPF = 3.5


class SpelledNameRecognizer(_TextRecognizer):
    """A name spelled out letter by letter ("R-A-N-V-E-I-G")."""

    SCORE = 0.8

    def __init__(self, rules: Rules) -> None:
        self.names = NameLexicon.read(rules)
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        if "-" not in text and "–" not in text:
            return
        for m in _SPELLED.finditer(text):
            word = re.sub(r"[-–]", "", m.group()).lower()
            if self.names.is_name(word) or zipf(word) < SPELLED_WORD_ZIPF:
                yield m.start(), m.end(), PERSON
