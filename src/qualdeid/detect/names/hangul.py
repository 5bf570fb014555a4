"""Korean names in Hangul, a script without capitals: "김도윤", "도윤이 오늘 ...", "민준씨는 ...".

No capital marks a name in Hangul, and Korean writes its particles joined to the word before them. A word of
Hangul is a person's name where it is a surname and a listed given name written together (three syllables,
maybe with an ending), or a listed given name with an ending Korean joins to names: the vocative "아"/"야",
the "이" after a given name ending in a consonant, an honorific ("씨", "님"), a particle ("도", "는", "한테").
The lists are ``rules/names/hangul_names.yaml`` (from Faker's ko_KR names, less everyday Korean words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qualdeid.rules import Rules

#: a word of Hangul syllables
_HANGUL_WORD = re.compile(r"(?<![\w])[\uac00-\ud7a3]{2,7}(?![\w])")


class HangulNames:
    """Finds Korean names in Hangul with the lists of ``rules/names/hangul_names.yaml``."""

    def __init__(self, rules: Rules) -> None:
        lists = rules.lists("names/hangul_names.yaml")
        self.given = lists["given"]
        self.surnames = lists["surnames"]
        self.endings = lists["endings"]

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each name in Hangul, without the ending joined to it."""
        if not any("\uac00" <= c <= "\ud7a3" for c in text):
            return
        for m in _HANGUL_WORD.finditer(text):
            word = m.group()
            full, rest = word[:3], word[3:]
            if full[:1] in self.surnames and full[1:] in self.given and (not rest or rest in self.endings):
                yield m.start(), m.start() + 3  # "김도윤", "김도윤씨"
            elif word[:2] in self.given and word[2:] in self.endings:
                yield m.start(), m.start() + 2  # "도윤이", "민준씨는"
