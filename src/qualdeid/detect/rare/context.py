"""One document as every rare-detail finder sees it, read from the spaCy parse once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from spacy.tokens import Doc

from qualdeid.corpus.model import Span
from qualdeid.detect.nlp.numbers import numbers_in
from qualdeid.detect.nlp.tokens import token_table
from qualdeid.detect.rare.frames import DocWords
from qualdeid.detect.rare.lexicon import COMMON, Category, RareRules, TermMatch
from qualdeid.labels import RARE_DETAIL

#: spaCy entity types of names, dates and numbers: their words are not rare words of a detail
NAME_ENTITIES = frozenset(
    {"PERSON", "GPE", "LOC", "ORG", "FAC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LANGUAGE"}
    | {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)
#: lexicons of things and people: a one-word entry matched through a verb's lemma ("judged") is not one
NOUN_CATEGORIES = frozenset({Category.OCCUPATION, Category.PET, Category.SETTING, Category.FAMILY})


@dataclass
class RareContext:
    sdoc: Doc
    #: lower-case forms and lemmas of the tokens
    words: DocWords
    #: for every token, the token range of its sentence
    bounds: list[tuple[int, int]]
    #: characters inside other detectors' spans (names, places, dates ...)
    named: bytearray
    #: every lexicon match, ``common`` ones included
    matches: list[TermMatch]
    #: the lexicon matches that are evidence of a detail (judged as terms)
    term_matches: list[TermMatch]
    #: tokens of ``term_matches``
    term_tokens: set[int] = field(default_factory=set)
    #: token -> the lexicon category of its match (``common`` included)
    categories: dict[int, str] = field(default_factory=dict)
    #: per token, the trained finder's score of being inside a detail (set by that finder when it runs)
    token_scores: np.ndarray | None = None
    #: per token, the clause judge's score of the clause it is in (-1 outside every clause; set by that judge)
    clause_scores: np.ndarray | None = None

    @classmethod
    def read(cls, sdoc: Doc, spans: list[Span], rr: RareRules) -> RareContext:
        """The context of a parsed document; ``spans`` are the other detectors' spans."""
        named = bytearray(token_table(sdoc).length)
        for s in spans:
            if s.label != RARE_DETAIL:
                named[s.start : s.end] = b"\x01" * (s.end - s.start)
        matches = rr.match_terms(sdoc)
        term_matches = [
            m
            for m in matches
            if m.category != COMMON
            and not (
                m.category in NOUN_CATEGORIES
                and m.end - m.start == 1
                and sdoc[m.start].pos_ in ("VERB", "AUX")
                and sdoc[m.start].lower_ != m.entry
            )
        ]
        return cls(
            sdoc=sdoc,
            words=DocWords(sdoc),
            bounds=sentence_bounds(sdoc),
            named=named,
            matches=matches,
            term_matches=term_matches,
            term_tokens={i for m in term_matches for i in range(m.start, m.end)},
            categories={i: m.category for m in matches for i in range(m.start, m.end)},
        )

    @cached_property
    def numbers(self) -> list[tuple[int, int, int, int]]:
        """Every number phrase: (first token, end token, value, sentence end)."""
        return numbers_in(self.sdoc, self.words.lowers, self.bounds)


def sentence_bounds(sdoc: Doc) -> list[tuple[int, int]]:
    """For every token, the token range of its sentence (one pass over the sentences)."""
    bounds: list[tuple[int, int]] = [(0, len(sdoc))] * len(sdoc)
    try:
        sents = list(sdoc.sents)
    except ValueError:  # no sentence boundaries set
        return bounds
    for sent in sents:
        for i in range(sent.start, sent.end):
            bounds[i] = (sent.start, sent.end)
    return bounds
