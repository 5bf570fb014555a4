"""A person's age as other languages write it: "de 74 años", "tem 70 anos", "âgé de 90 ans", "mit 96 Jahren"
(a word of the language before the number and its word for "years"), "yn 79 oed", "77 Jahre alt", "87-vuotias",
"70 yaşında" (a word after the number that makes it an age alone), "cumple 52", "fez 80" (a verb of reaching
an age), "di anni 87" (words before the number that make it an age alone, at a line's or a clause's start, as
death notices write it), "Ana Lind, 68 år," (the number and its word for "years" set off by commas after a name),
"Ana Lind (7 ans)" (the same in brackets after a name or a year).
The span holds the language's word for "years" where it follows the number ("92 ans", "88 jaar oud", "74 éves"):
an annotator marks the two together. English ages are patterns of ``rules/recognizers/ages.yaml``.

Each language's words are in ``rules/languages/<code>.yaml``; a number is an age only with the words of one
language, from 1 to 120, and not where the language's own words make it a duration or a time ago ("más de 30
años", "30 anni fa"). The words are no English words, so an English text is not read any differently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from qualdeid.detect.nlp.regex_cache import compiled
from qualdeid.detect.nlp.regex_gate import digit_lines
from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import AGE
from qualdeid.rules import Rules, alternation

#: the per-language word lists, one file a language
FILES = "languages/*.yaml"
#: the oldest age a number may be
MAX_AGE = 120
#: a number of one to three digits that is not part of a longer number, a decimal, a date or a code
_NUMBER = r"(?<![\p{L}\p{N}.,/:-])(?P<n>\d{1,3})(?![\p{N}]|[.,/:]\p{N})"
_LISTS = ("years", "before", "not_before", "not_after", "age_after", "reaching", "age_before")


@dataclass(frozen=True)
class _Language:
    """The compiled age patterns of one language, with the words that turn them down."""

    code: str
    patterns: tuple[regex.Pattern[str], ...]
    not_before: regex.Pattern[str] | None
    not_after: regex.Pattern[str] | None
    #: the language's word for years right after the number, which the span takes ("88 jaar" of "88 jaar oud")
    years_after: regex.Pattern[str] | None


def _phrases(words: frozenset[str]) -> str:
    return alternation(words)


def _language(code: str, lists: dict[str, frozenset[str]]) -> _Language | None:
    years, before, reaching, age_before = lists["years"], lists["before"], lists["reaching"], lists["age_before"]
    #: the word for "years" right after the number, part of the span ("92 ans")
    tail = rf"(?:[ \t]+(?:{_phrases(years)})(?![\p{{L}}]))?" if years else ""
    after = {w.lstrip("-").strip() for w in lists["age_after"]} - {""}
    patterns = []
    if years and before:
        # "de 74 años": the word before, the number, the word for years (the span is the number)
        patterns.append(
            rf"(?<![\p{{L}}'’])(?:{_phrases(before)})[ \t]+(?P<age>{_NUMBER}[ \t]+(?:{_phrases(years)}))(?![\p{{L}}])"
        )
    if after:
        # "79 oed", "77 Jahre alt", "87-vuotias"
        patterns.append(rf"{_NUMBER}(?:[ \t]*-[ \t]*|[ \t]+|)(?:{_phrases(frozenset(after))})(?![\p{{L}}])")
    if years:
        # "Ana Lind, 68 år, har": the number and the word for years set off by commas after a capitalised name
        patterns.append(
            rf"(?<=\p{{Lu}}[\p{{L}}'’-]+,[ \t]*)(?P<age>{_NUMBER}[ \t]+(?:{_phrases(years)}))"
            r"(?![\p{L}])(?=[ \t]*[,;)])"
        )
        # "Ana Lind (7 ans)", "doğum 16.04.2016 (8 yaş)", "1950 г.р. (74 года)": the number and the word for years alone
        # in brackets after a capitalised name, a word of a script without case (Devanagari, Arabic) or a year (maybe
        # with its short word: "г.р.", "r.")
        patterns.append(
            rf"(?<=(?:\p{{Lu}}[\p{{L}}'’-]+|\p{{Lo}}[\p{{Lo}}\p{{M}}]+"
            rf"|\d{{4}}(?:[ \t]+[\p{{L}}.]{{1,6}})?)[ \t]*\([ \t]*)"
            rf"(?P<age>{_NUMBER}[ \t]+(?:{_phrases(years)}))"
            r"(?![\p{L}])(?=[ \t]*\))"
        )
    if reaching:
        # "cumple 52", "fez 80": a verb of reaching an age before the number, with or without "years"
        patterns.append(rf"(?<![\p{{L}}'’])(?:{_phrases(reaching)})[ \t]+(?P<age>{_NUMBER}{tail})(?![ \t]*[%\p{{Sc}}])")
    if age_before:
        # "di anni 87", "lat 79": at a line's start or after a comma, the number ending its clause
        patterns.append(
            rf"(?:(?<=^|\n)[ \t]*|(?<=[,;(][ \t]*))(?:{_phrases(age_before)})[ \t]+(?P<age>{_NUMBER})"
            rf"(?=[ \t]*(?:[,;.)\n]|$))"
        )
    if not patterns:
        return None
    flags = regex.IGNORECASE | regex.VERSION1
    not_before = (
        compiled(rf"(?<![\p{{L}}'’])(?:{_phrases(lists['not_before'])})[ \t]+$", flags) if lists["not_before"] else None
    )
    not_after = (
        # matched at the number's end: no "^", which matches only at the text's start, not at the position given
        compiled(rf"[ \t]+(?:{_phrases(lists['not_after'])})(?![\p{{L}}])", flags) if lists["not_after"] else None
    )
    years_after = compiled(rf"[ \t]+(?:{_phrases(years)})(?![\p{{L}}])", flags) if years else None
    return _Language(code, tuple(compiled(p, flags) for p in patterns), not_before, not_after, years_after)


def read_languages(rules: Rules) -> list[_Language]:
    """The age patterns of every language with a file in ``rules/languages/`` (a project's file adds words)."""
    codes = sorted({Path(p).stem for p in rules.files(FILES)})
    out = []
    for code in codes:
        words = rules.lists(f"languages/{code}.yaml")
        lists = {key: words[key] for key in _LISTS if key in words}
        language = _language(code, {key: lists.get(key, frozenset()) for key in _LISTS})
        if language is not None:
            out.append(language)
    return out


class OtherLanguageAgeRecognizer(_TextRecognizer):
    """A person's age in the words of another language (module docstring)."""

    LABELS = (AGE,)
    #: above NER's 0.85: NER reads "l'âge de 92" of a French notice as an organisation
    SCORE = 0.87

    def __init__(self, rules: Rules) -> None:
        self.languages = read_languages(rules)
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        # every match holds a number and keeps to its line (the words are single-spaced, the gaps spaces and
        # tabs): the lines with a digit are searched, not every position of the prose between them
        windows = digit_lines(text)
        if not windows:
            return
        seen: set[int] = set()
        for language in self.languages:
            for pattern in language.patterns:
                for m in (m for pos, endpos in windows for m in pattern.finditer(text, pos, endpos, overlapped=False)):
                    start, end = m.span("age") if "age" in m.groupdict() and m.group("age") else m.span("n")
                    if start in seen or not 1 <= int(m.group("n")) <= MAX_AGE:
                        continue
                    if language.not_before is not None and language.not_before.search(
                        text, max(0, m.start() - 40), m.start()
                    ):
                        continue  # "más de 30 años": a duration
                    if language.not_after is not None and language.not_after.match(text, m.end()):
                        continue  # "30 anni fa": a time ago
                    seen.add(start)
                    unit = language.years_after.match(text, end) if language.years_after is not None else None
                    yield start, unit.end() if unit else end, AGE
