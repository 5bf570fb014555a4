"""A person named after what the writer calls them in another language: "a mi hermano Efrén", "la tía
Rosalba", "Abuela Zulema", "η γιαγιά Ασπασούλα", "la seño gise". In a text partly written in that language
(detect/nlp/languages.py), a capitalised word right after one of its kinship words (``kin`` of
``rules/languages/<code>.yaml``) or forms of address (``titles``) is a name when it is no common word of the
language nor of English. A form of address is part of the name's span, and so is a capitalised kinship word
("Abuela Zulema"); a lower-case one is not ("mi hermano Efrén"). After a form of address a name may be written
in lower case, where the text also writes it, or a longer form of it, capitalised ("la seño gise" of
"Gisela"). The language's words that give a nickname (``aliases``: "tout le monde m'appelle", "le dicen",
"detto") are read like its kinship words, the nickname maybe in quotes ("m'appelle « Ti-Paul »"). English texts
are not read here: the name rules know English kinship words, titles and nickname phrases.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import regex

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.languages import OtherLanguages, zipf_in
from qualdeid.detect.nlp.regex_cache import compiled
from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import PERSON
from qualdeid.rules import Rules, alternation

FILES = "languages/*.yaml"
#: a name is rarer than this in the text's language and in English ("Efrén" is a name; "Casa" no)
WORD_ZIPF = 4.0
#: a lower-case name after a form of address is rarer still ("la seño gise", not "la seño dijo")
LOWER_ZIPF = 3.0
#: the fewest letters a lower-case short form shares with the capitalised name it shortens
SHORT_FORM = 3
_NAME = r"\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?"
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{2,}")


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


class OtherLanguageKinRecognizer(_TextRecognizer):
    """Names after another language's kinship words and forms of address (module docstring)."""

    LABELS = (PERSON,)
    #: above NER's 0.85: Presidio drops the lower-scored of two nested results of one label, and NER's
    #: longer misreading ("Efrén al 555 0199") must not take the name with it when later checks reject it
    SCORE = 0.87

    def __init__(self, rules: Rules) -> None:
        self.other_languages = OtherLanguages(rules)
        self.words: dict[str, frozenset[str]] = {}
        self.patterns: dict[str, regex.Pattern[str]] = {}
        for code in sorted({Path(p).stem for p in rules.files(FILES)}):
            lists = rules.lists(f"languages/{code}.yaml")
            kin = lists["kin"] if "kin" in lists else frozenset()  # noqa: SIM401 (no .get)
            aliases = lists["aliases"] if "aliases" in lists else frozenset()  # noqa: SIM401 (no .get)
            titles = lists["titles"] if "titles" in lists else frozenset()  # noqa: SIM401 (no .get)
            if not kin and not titles and not aliases:
                continue
            self.words[code] = kin | titles | aliases
            before = []
            if kin:
                before.append(rf"(?P<kin>(?i:{alternation(kin)}))[ \t]+")
            if titles:
                before.append(rf"(?P<title>(?i:{alternation(titles)}))\.?[ \t]+")
            if aliases:
                before.append(rf"(?P<alias>(?i:{alternation(aliases)}))[ \t]+(?:[\"“«‘'][ \t]*)?")
            self.patterns[code] = compiled(
                rf"(?<![\p{{L}}\p{{N}}'’.-])(?:{'|'.join(before)})(?P<name>{_NAME}|\p{{Ll}}+)"
                rf"(?:[ \t]+(?P<surname>{_NAME}))?(?![\p{{L}}\p{{N}}])"
            )
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        if not self.patterns:
            return
        languages = [code for code in self.other_languages.of(text) if code in self.patterns]
        capitalised: list[str] | None = None
        for code in languages:
            for m in self.patterns[code].finditer(text):
                name = m.group("name")
                title = "title" in m.groupdict() and m.group("title") is not None
                if name.islower():
                    if not title:
                        continue  # "mi hermano dijo": after a kinship word, only a capitalised name
                    if capitalised is None:
                        capitalised = [_plain(w) for w in _CAPITALISED.findall(text)]
                    if not self._short_form(name, code, capitalised):
                        continue
                elif not self._name(name, code):
                    continue
                end = m.end("name")
                if m.group("surname") and self._name(m.group("surname"), code):
                    end = m.end("surname")
                groups = m.groupdict()
                lead = "title" if title else "kin" if groups.get("kin") else "alias"
                keep = lead == "title" or (lead == "kin" and m.group(lead)[:1].isupper())
                yield (m.start(lead) if keep else m.start("name")), end, PERSON

    def _name(self, word: str, code: str) -> bool:
        low = word.lower()
        return (
            len(word) > 1 and low not in self.words[code] and zipf_in(low, code) < WORD_ZIPF and zipf(low) < WORD_ZIPF
        )

    def _short_form(self, word: str, code: str, capitalised: list[str]) -> bool:
        """A lower-case ``word`` the text also writes capitalised, or the start of a longer capitalised word."""
        plain = _plain(word)
        return (
            len(plain) >= SHORT_FORM
            and zipf_in(word, code) < LOWER_ZIPF
            and zipf(word) < LOWER_ZIPF
            and any(w.startswith(plain) for w in capitalised)
        )
