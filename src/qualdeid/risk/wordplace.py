"""Where a capitalised word stands as a thing, not as a name, whatever the corpus calls so.

The residual check (:mod:`qualdeid.risk.residual`) fails a text for a corpus identifier left in it; ``compose``
(which calls that check on every draft) deliberately leaves some capitalised words where their place in the
sentence says they name no one, and the two must agree, or a draft fails its own risk check for a word that
compose rightly kept; so compose (:mod:`qualdeid.compose.targets`) reads these places from here. The places,
from the rules that compose and detection read too:

- a product after a measure ("a can of Zestrovo", "two tins Zestrovo." where the name ends the clause);
- the variety of a language someone speaks ("her Frisian is Vallessan");
- a day or feast the text dates ("Quillfest is on 10 April", "... falls on a Sunday");
- a dictionary word opening a sentence that the text never writes with its capital inside a sentence
  ("Pastimes tell you a lot"), for a place's or organisation's name only: a person's name opening a sentence
  is that person.

The word lists are ``rules/compose/context.yaml`` (``measure_words``), ``rules/lexicons/calendar.yaml`` and
``rules/rare/language.txt``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.rules import Rules

#: a word this frequent in English (Zipf) opening its sentence is the word, not a place's or a body's name
DICTIONARY_ZIPF = 2.5
#: what may stand before the first word of a sentence (searched in the three characters before it)
SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“(*]|\u2026)\s*$")
#: where a clause ends after a name: a sentence's end, a comma, or "and", "with", "for" and the like
CLAUSE_ENDS = re.compile(r"\s*(?:[.,;:!?)]|$|\s(?:and|or|with|for|from|on|in|at)\b)")
#: "my Frisian is", "her English was": what follows says which variety of that language someone speaks
SPEECH_OF_SOMEONE_IS = re.compile(r"\b(?i:my|her|his|their|our|your)\s+([A-Z][a-z]+)\s+(?:is|was|'s|’s)\s+$")


class WordPlaces:
    """The rules above, built once from the rules folders (:func:`word_places`)."""

    def __init__(self, rules_dirs: Iterable[Path] = ()) -> None:
        rules = Rules(list(rules_dirs))
        measure_words = sorted(rules.lists("compose/context.yaml")["measure_words"], key=len, reverse=True)
        measures = "|".join(re.escape(w) + "s?" for w in measure_words)
        #: "a can of", "two pints of": what follows is a product, as a model year is a vehicle's ("a '83", "his 1984")
        self._product_before = re.compile(
            rf"(?:\b(?:{measures})\s+of|\b(?:a|an|the|my|his|her|their|our|your)\s+(?:['’]\d{{2}}|(?:19|20)\d{{2}}))\s+$",
            re.IGNORECASE,
        )
        #: "a packet Quorvo Crisps", "two tins Quillbake": the measure without its "of", as many speak it; a product
        #: only where the name ends the clause (not "a box Kit had left")
        self._product_unjoined_before = re.compile(
            rf"\b(?:a|an|one|two|three|four|\d+)\s+(?:{measures})\s+$", re.IGNORECASE
        )
        calendar = rules.lists("lexicons/calendar.yaml")
        months = calendar.pattern("months", "months_short")
        days = calendar.pattern("weekdays", "weekdays_short")
        #: "Quillfest is on 10 April", "Quillmas falls on a Sunday": a day or feast the text dates, no place or body
        self.dated_day = re.compile(
            rf"\b([A-Z][\w'’-]+)\s+(?:is|was|falls|fell|will\s+be)\s+on\s+(?:the\s+|a\s+)?"
            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})\b|(?:{months})\s+\d|(?:{days})\b)",
            re.IGNORECASE,
        )
        self.languages = rules.words("rare/language.txt", lower=True)
        #: given names, surnames, names that are words, towns: a listed name opening a sentence may be the name
        self.names = frozenset().union(
            *(
                rules.words(name, lower=True)
                for name in (
                    "names/first_names.txt",
                    "names/surnames.txt",
                    "names/word_names.txt",
                    "names/surname_words.txt",
                    "lexicons/towns.txt",
                    "lexicons/towns_local.txt",
                    "lexicons/towns_world.txt",
                    "lexicons/large_places.txt",
                )
            )
        )

    def product_at(self, text: str, start: int, end: int) -> bool:
        """A product by its brand or model after a measure ("a can of Zestrovo", "a packet Zestrovo." where the
        name ends the clause, "his '83 Quillmobile"); a name with a possessive stays a person's ("a bag of
        Dot's")."""
        if text[end : end + 1] in ("'", "’"):
            return False
        before = text[max(0, start - 24) : start]
        if self._product_before.search(before):
            return True
        return bool(self._product_unjoined_before.search(before)) and bool(CLAUSE_ENDS.match(text, end))

    def language_variety_at(self, text: str, start: int, end: int) -> bool:
        """One word after "my Frisian is", "her Welsh was": the variety of a language someone speaks."""
        if " " in text[start:end].strip():
            return False
        spoken = SPEECH_OF_SOMEONE_IS.search(text[max(0, start - 40) : start])
        return bool(spoken) and spoken.group(1).lower() in self.languages

    def dated_days(self, text: str) -> set[str]:
        """The single capitalised words ``text`` says fall on a date or a weekday: a feast or an occasion,
        wherever the text writes it."""
        return {m.group(1) for m in self.dated_day.finditer(text) if m.group(1)[:1].isupper()}

    def word_opening_sentence(
        self, text: str, start: int, end: int, in_dictionary: Callable[[str], bool] | None = None
    ) -> bool:
        """One word of the dictionary (``in_dictionary``, as frequent as ``DICTIONARY_ZIPF``), written with
        a capital and the rest in lower case, opening a sentence, in no list of names or towns, that the
        text never writes with its capital inside a sentence ("Pastimes tell you a lot"); no capital city
        nor an abbreviation, which word frequencies count as words too."""
        value = re.sub(r"['’]s?$", "", text[start:end])
        low = value.lower()
        if in_dictionary is None or not re.fullmatch(r"[A-Z][a-z]+", value):
            return False
        if not SENTENCE_START.search(text[max(0, start - 3) : start]):
            return False
        if zipf(low) < DICTIONARY_ZIPF or low in self.names or not in_dictionary(low):
            return False
        return not written_inside_sentence(text, value)

    def thing_here(
        self,
        text: str,
        start: int,
        end: int,
        label: str,
        dated: set[str],
        in_dictionary: Callable[[str], bool] | None = None,
    ) -> str:
        """What the capitalised word at ``start:end``, found as a ``label``, names here when it names a thing
        ("a product after a measure", ...), else "": a product, a language's variety, a day of ``dated``
        (:meth:`dated_days`) or, for a place or an organisation, a dictionary word opening its sentence."""
        if label in ("LOCATION", "ORGANIZATION") and text[start:end] in dated:
            return "a day the text dates"
        if self.product_at(text, start, end):
            return "a product after a measure"
        if self.language_variety_at(text, start, end):
            return "the variety of a language someone speaks"
        if label in ("LOCATION", "ORGANIZATION") and self.word_opening_sentence(text, start, end, in_dictionary):
            return "a dictionary word opening its sentence"
        return ""


def written_inside_sentence(text: str, value: str) -> bool:
    """``text`` writes ``value`` with its capital somewhere a sentence does not open."""
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(value)}(?![\w-])")
    return any(not SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]) for m in pattern.finditer(text))


@functools.lru_cache(maxsize=8)
def word_places(rules_dirs: tuple[Path, ...] = ()) -> WordPlaces:
    return WordPlaces(rules_dirs)
