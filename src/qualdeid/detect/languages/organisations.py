"""A church, a mosque, an association, a school or a market named in another language: "Chiesa di San Rocco
alle Vigne", "w kościele pw. św. Józefa", "Eglwys Bethel", "Yeşiltepe Camii Derneği" (ORGANIZATION).

Every language's head words are in its file, ``rules/languages/<code>.yaml``: ``org_heads`` (the head opens the
name) and ``org_heads_after`` (the head closes it, Turkish "... Camii Derneği"), and under ``org_heads_local`` /
``org_heads_after_local`` the heads that are also English words or names ("hospital", "club", "cami"). Two
readers share them. In any text, a capitalised head of ``org_heads`` / ``org_heads_after`` of any language and
capitalised words is the OrgHeadRecognizer's and the OrgHeadLastRecognizer's (rules/recognizers/places.yaml:
"Fundación Luz Clara", "Capel Moriah" in an English letter). Here, in a text partly written in that language
(detect/nlp/languages.py), one of its heads, local ones too, capitalised or not, followed by capitalised words,
maybe joined by the language's small words of names (``org_joins``: "di", "alle", "pw.", "św."), is an
organisation from the head to the last capitalised word; a head after the name follows capitalised words. The
capitalised words are no common words of the language (a sentence that goes on after the head is no name): "la
chiesa Domenica" names nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import regex

from qualdeid.detect.nlp.languages import OtherLanguages, zipf_in
from qualdeid.detect.nlp.regex_cache import compiled
from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import ORGANIZATION
from qualdeid.rules import Rules, WordLists, alternation

FILES = "languages/*.yaml"
#: one word of a name at least is rarer than this in the language ("Gualfardo"; not "Domenica", "Giovedì")
WORD_ZIPF = 4.0
#: the most capitalised words of one name
_MOST_WORDS = 5
#: a capitalised word of a name: "Sant'Anna", "Brata", "Soar", "Yeşiltepe"
_WORD = r"\p{Lu}[\p{L}'’-]*\p{L}|\p{Lu}\.?"


class OtherLanguageOrgRecognizer(_TextRecognizer):
    """Churches, mosques, associations, schools and markets named in another language (module docstring)."""

    LABELS = (ORGANIZATION,)
    #: above the name rules (0.9), which read a piece of the name as a person ("Brata Kazimierza" of "w kościele pw. św.
    #: Brata Kazimierza"), joined with NER's person running on past it
    SCORE = 0.91

    def __init__(self, rules: Rules) -> None:
        self.other_languages = OtherLanguages(rules)
        self.patterns: dict[str, list[regex.Pattern[str]]] = {}
        #: each language's heads, to start a name at its own capitalised head ("w hospicjum Hospicjum Dobra Wola")
        self.heads: dict[str, frozenset[str]] = {}
        for code in sorted({Path(p).stem for p in rules.files(FILES)}):
            lists = rules.lists(f"languages/{code}.yaml")
            heads = _words(lists, "org_heads", "org_heads_local")
            self.heads[code] = heads
            after = _words(lists, "org_heads_after", "org_heads_after_local")
            joins = lists["org_joins"] if "org_joins" in lists else frozenset()  # noqa: SIM401 (no .get)
            join = rf"(?:(?i:{alternation(joins)})[ \t]+)*" if joins else ""
            patterns = []
            name = rf"(?P<name>(?:[ \t]+{join}(?:{_WORD})(?![\p{{L}}'’])){{1,{_MOST_WORDS}}})"
            if heads:
                patterns.append(compiled(rf"(?<![\p{{L}}\p{{N}}'’.-])(?i:{alternation(heads)}){name}", regex.VERSION1))
            if after:
                patterns.append(
                    compiled(
                        rf"(?<![\p{{L}}\p{{N}}'’.-])(?P<name>(?:(?:{_WORD})[ \t]+){{1,{_MOST_WORDS}}})"
                        rf"(?=\p{{Lu}})(?i:{alternation(after)})(?![\p{{L}}])",
                        regex.VERSION1,
                    )
                )
            if patterns:
                self.patterns[code] = patterns
        #: the capitalised words of a name, read one by one
        self._words = regex.compile(_WORD)
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        if not self.patterns:
            return
        seen: set[int] = set()
        for code in self.other_languages.of(text):
            for pattern in self.patterns.get(code, ()):
                for m in pattern.finditer(text):
                    span = self._named(text, m, code)
                    if span is not None and span[0] not in seen:
                        seen.add(span[0])
                        yield span[0], span[1], ORGANIZATION

    def _named(self, text: str, m: regex.Match[str], code: str) -> tuple[int, int] | None:
        """The span from the head through the last word of a name, or None if no word names anything."""
        start, end = m.span("name")
        words = list(self._words.finditer(text, start, end))
        if not any(len(w.group()) > 1 and zipf_in(w.group().lower(), code) < WORD_ZIPF for w in words):
            return None  # "la chiesa Domenica": capitalised words of the language only
        if m.start() == start:  # the head after the name
            return m.start(), m.end()
        if words[0].group().lower() in self.heads.get(code, ()):
            return words[0].start(), words[-1].end()  # the name repeats its head: it starts there
        return m.start(), words[-1].end()


def _words(lists: WordLists, *keys: str) -> frozenset[str]:
    """The words of those of the lists ``keys`` that the language's file has."""
    return frozenset().union(*(lists[key] for key in keys if key in lists))
