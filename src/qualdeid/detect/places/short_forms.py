"""Places and organisations named once in full, found again in their short forms across the corpus.

A diary names "Millbrook Day Centre" once and then writes "back at Millbrook", "Millbrook are cutting
the Friday group", "MILLBROOK"; a handover names "Quarrendon House" and later "moved to Quarrendon".
The recognizers find the full name by its type word; this processor remembers the distinctive part
before the type word (and the full name itself) and finds both everywhere in the corpus.

Only names closed by a type word (``NamedPlaceRecognizer``) are remembered, and a short form only
when it is distinctive: capitalised words that are not common English words, not generic
("Community", "North"), and not first names or word-names (so "Hope House" does not make every
"Hope" a place).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.processors import CorpusProcessor
from qualdeid.labels import LOCATION, ORGANIZATION
from qualdeid.rules import Rules

DETECTOR = "short_forms"
SCORE = 0.86  # above NER (0.85): a known place is not taken for a person
#: Recognizers whose LOCATION/ORGANIZATION spans are full names closed by a type word.
SOURCES = frozenset({"NamedPlaceRecognizer"})
#: A short form's words must all be rarer than this (wordfreq Zipf) to stand alone as a name.
DISTINCTIVE_ZIPF = 4.0
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


class ShortFormProcessor(CorpusProcessor):
    """The corpus processor for short forms of places and organisations."""

    name = "short_forms"

    def __init__(self, rules: Rules, nlp: Any | None = None) -> None:
        self.type_words = {
            w.lower()
            for name in ("lexicons/org_types.txt", "lexicons/venue_types.txt", "lexicons/street_types.txt")
            for w in rules.words(name)
        }
        self.generic = rules.words("lexicons/generic_name_words.txt", lower=True)
        self.not_short = (
            rules.words("names/first_names.txt", lower=True)
            | rules.words("names/word_names.txt", lower=True)
            | rules.words("names/surname_words.txt", lower=True)
            | rules.words("lexicons/not_places.txt", lower=True)
        )
        self.known: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        self._labels: dict[str, str] = {}  # every form the pattern finds (as written, in capitals) -> label

    # ------------------------------------------------------------------ pass 1

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        found: dict[str, str] = {}
        for s in spans:
            if s.detector not in SOURCES or s.label not in (LOCATION, ORGANIZATION):
                continue
            full = doc.text[s.start : s.end]
            if "\n" in full:
                continue
            if full.isupper():  # "MILLBROOK DAY CENTRE" in a form's title: remember it as it is written in prose
                full = " ".join(w.capitalize() for w in full.split())
            found.setdefault(full, s.label)
            short = self.short_form(full)
            if short:
                found.setdefault(short, s.label)
        return [], sorted(found.items())

    def short_form(self, full: str) -> str | None:
        """ "Millbrook" for "Millbrook Day Centre", "Calderwood Vale" for "Calderwood Vale Trust"."""
        words = _WORD.findall(full)
        while words and (words[-1].lower() in self.type_words or words[-1].lower() in self.generic):
            words.pop()
        if words and words[0].lower() == "the":
            words = words[1:]
        if not words or len(words) > 3 or len(words) == len(_WORD.findall(full)):
            return None
        if not all(w[0].isupper() for w in words):
            return None
        for w in words:
            low = w.lower()
            if low in self.generic or low in self.not_short or zipf(low) >= DISTINCTIVE_ZIPF:
                return None
        return " ".join(words)

    # ------------------------------------------------------------------ corpus knowledge

    def observe(self, doc_id: str, observation: Any) -> None:
        for surface, label in observation:
            if surface not in self.known:
                self.known[surface] = label
                self._pattern = None

    def _known_pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.known:
            self._labels = {k.upper(): v for k, v in self.known.items()} | self.known
            forms = sorted(self._labels, key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w'’-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
        return self._pattern

    # ------------------------------------------------------------------ pass 2

    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        pattern = self._known_pattern()
        if pattern is None:
            return []
        return [
            Span(m.start(), m.end(), self._labels[m.group()], score=SCORE, detector=DETECTOR)
            for m in pattern.finditer(doc.text)
        ]
