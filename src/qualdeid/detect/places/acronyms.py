"""Places and organisations named once in full, found again by their initials across the corpus.

A letterhead names the "Brackenmoor Tenants Advice Line" and the case notes write "rang BTAL"; a form names
"Quellwater Bay" and a chat says "no chair in QB". The recognizers find the full name; this processor remembers
the capitals of its words ("Brackenmoor Tenants Advice Line" -> "BTAL", small words such as "of" and "&" left
out) and finds them, written in capitals as a word of their own, in every document.

Only names with a distinctive word are remembered (one rarer in English than ``DISTINCTIVE_ZIPF`` and not generic:
"Social Services" makes no "SS"), never a country or a region ("United Kingdom"), a term ("Cognitive Behavioural
Therapy") or a name whose initials are a small word, an abbreviation that is never a name ("GP", "CPN") or a
role's. Initials that are also an English word ("SPARK") count only on a line with lower case on it, never in a
heading written in capitals.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.names.lexicon import TERM_LEXICONS, without_marks
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.places.short_forms import _regions
from qualdeid.detect.processors import CorpusProcessor
from qualdeid.labels import LOCATION, ORGANIZATION
from qualdeid.rules import Rules

DETECTOR = "acronyms"
#: spaCy's entities, which read initials as anything: no reason to leave them alone
NER = "SpacyRecognizer"
#: above NER (0.85) as a short form's: the corpus named the place in full
SCORE = 0.86
#: a full name counts when one of its words is rarer than this in English (wordfreq Zipf)
DISTINCTIVE_ZIPF = 3.7
#: initials at least this common as a lower-case English word are that word in a heading in capitals
WORD_ZIPF = 3.0
#: the fewest and the most words (and so letters) of a full name
MIN_WORDS, MAX_WORDS = 2, 7
#: the words of a name; a hyphenated word is one ("Tallow-Reive"), an apostrophe inside a word too
_WORD = re.compile(r"[^\W\d_][\w'’ʻ-]*")


class AcronymProcessor(CorpusProcessor):
    """The corpus processor for the initials of places and organisations (module docstring)."""

    name = "acronyms"

    def __init__(self, rules: Rules, nlp: Any | None = None) -> None:
        self.generic = rules.words("lexicons/generic_name_words.txt", lower=True)
        self.regions = rules.words("lexicons/not_places.txt", lower=True) | _regions()
        self.terms = {without_marks(w) for n in TERM_LEXICONS for w in rules.words(f"lexicons/{n}.txt", lower=True)}
        #: what a name's initials must not be: abbreviations that are never a name, roles, small words
        self.not_acronyms = (
            rules.words("names/not_initials.txt")
            | rules.words("lexicons/role_abbreviations.txt")
            | {w.upper() for w in rules.words("lexicons/not_places.txt")}
            | {w.upper() for w in rules.words("lexicons/speaker_roles.txt")}
            | {w.upper() for w in STOP_WORDS}
        )
        self.known: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None

    # ------------------------------------------------------------------ pass 1

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        found: dict[str, str] = {}
        for s in spans:
            if s.label not in (LOCATION, ORGANIZATION):
                continue
            acronym = self.acronym(doc.text[s.start : s.end], s.label)
            if acronym is not None:
                found.setdefault(acronym, s.label)
        return [], sorted(found.items())

    def acronym(self, full: str, label: str) -> str | None:
        """ "BTAL" for "Brackenmoor Tenants Advice Line", "QB" for the place "Quellwater Bay"; ``None`` for a name
        without a distinctive word, a region, a term, or initials that read otherwise (two letters stand for a place
        only: an organisation's "TC" is more often a telephone call or someone's initials)."""
        if "\n" in full or without_marks(full.lower()) in self.terms or full.lower() in self.regions:
            return None
        words = [w for w in _WORD.findall(full) if _first_letter(w).isupper()]
        if not MIN_WORDS <= len(words) <= MAX_WORDS:
            return None
        lows = [w.lower() for w in words]
        if not any(low not in self.generic and zipf(low) < DISTINCTIVE_ZIPF for low in lows):
            return None
        acronym = without_marks("".join(_first_letter(w) for w in words)).upper()
        if not acronym.isalpha() or not acronym.isascii() or acronym in self.not_acronyms:
            return None
        return acronym if len(acronym) > 2 or label == LOCATION else None

    # ------------------------------------------------------------------ corpus knowledge

    def observe(self, doc_id: str, observation: Any) -> None:
        for acronym, label in observation:
            if acronym not in self.known:
                self.known[acronym] = label
                self._pattern = None

    def _known_pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.known:
            forms = sorted(self.known, key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w&.'’/-])(" + "|".join(forms) + r")(?![\w&-]|\.\w)")
        return self._pattern

    # ------------------------------------------------------------------ pass 2

    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        pattern = self._known_pattern()
        if pattern is None:
            return []
        text = doc.text
        found = []
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s.start < end and start < s.end and s.detector != NER for s in spans):
                continue  # read otherwise already: a person's initials, inside a longer name (NER's guess yields)
            if zipf(m.group().lower()) >= WORD_ZIPF and not _has_lower(_line(text, start)):
                continue  # "SPARK" in a heading in capitals is the word
            found.append(Span(start, end, self.known[m.group()], score=SCORE, detector=DETECTOR))
        return found


def _first_letter(word: str) -> str:
    """The first cased letter of a word ("A" of "ʻAkau"); the first character when none is."""
    return next((c for c in word if c.lower() != c.upper()), word[0])


def _line(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start : end if end >= 0 else len(text)]


def _has_lower(line: str) -> bool:
    return any(c.islower() for c in line)
