"""Everyday words of another language that English NER and the name detector take for names.

In a line written in Portuguese, Polish or Greek, the English NER model reads sentence openers and common
words as people, places and organisations ("Agora", "Teraz", "Τώρα"), and the name detector takes a
capitalised word rare in English for a name ("Para", "Dwa"). A line is in another language when most of its
words are common in that language (wordfreq, ``rules/lexicons/other_languages.txt``) and clearly fewer are
common in English. There, a span of NER or of the name detector whose words are all common words of the
line's language, written in lower case or opening a sentence, and none a listed name or town, is no
identifier. A capital in mid-sentence ("em Braga", "a Casa do Povo") still marks a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from qualdeid.corpus.model import Span
from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.rules import Rules

#: a word this common in a line's language (wordfreq Zipf) is one of its everyday words
EVERYDAY_ZIPF = 4.5
#: a word at least this common in a language counts as one of its words when a line's language is read
KNOWN_ZIPF = 3.0
#: the share of a line's words a language must know, and its lead over English
LANGUAGE_SHARE = 0.6
LEAD_OVER_ENGLISH = 0.2
#: a line needs this many words for its language to be read
MIN_WORDS = 4

_WORD = re.compile(r"[^\W\d_]+")
#: what comes before a word that opens a sentence: the text's or a line's start, a full stop, a colon, a quote
_OPENS = re.compile(r"(?:^|[\n.!?:\"“”—–>-])[ \t]*$")


@lru_cache(maxsize=262144)
def _zipf(word: str, language: str) -> float:
    return zipf_frequency(word, language)


class OtherLanguageWords:
    """Reads which language a line is in, and whether a span is only everyday words of it."""

    def __init__(self, rules: Rules, names: NameLexicon) -> None:
        self.languages = sorted(rules.words("lexicons/other_languages.txt", lower=True))
        self.names = names
        self.towns = rules.words("lexicons/towns.txt", lower=True)

    def line_language(self, line: str) -> str | None:
        """The language ``line`` is written in, if it is one of the listed ones and not English."""
        words = [w.lower() for w in _WORD.findall(line) if len(w) >= 2]
        if len(words) < MIN_WORDS:
            return None
        english = sum(_zipf(w, "en") >= KNOWN_ZIPF for w in words) / len(words)
        best, share = None, 0.0
        for language in self.languages:
            known = sum(_zipf(w, language) >= KNOWN_ZIPF for w in words) / len(words)
            if known > share:
                best, share = language, known
        return best if share >= LANGUAGE_SHARE and share > english + LEAD_OVER_ENGLISH else None

    def everyday_words(self, text: str, span: Span) -> bool:
        """Whether ``span`` is only everyday words of the language of its line ("Teraz", "no posto de saúde")."""
        words = list(_WORD.finditer(text, span.start, span.end))
        if not words or not all(self._could_be_word(text, m) for m in words):
            return False
        start = text.rfind("\n", 0, span.start) + 1
        end = text.find("\n", span.end)
        language = self.line_language(text[start : len(text) if end < 0 else end])
        return language is not None and all(_zipf(m.group().lower(), language) >= EVERYDAY_ZIPF for m in words)

    def _could_be_word(self, text: str, m: re.Match[str]) -> bool:
        """Lower case or opening a sentence, and no listed name or town."""
        word = m.group()
        if self.names.is_name(word) or word.lower() in self.towns:
            return False
        return word.islower() or _OPENS.search(text, max(0, m.start() - 4), m.start()) is not None
