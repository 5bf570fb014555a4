"""How much a passage is about a theme, and how close two passages are: by their content lemmas.

A theme's profile weighs each lemma by how much more often it occurs in the parts coded with the
theme than in all coded parts (a smoothed log ratio), so "walk", "cook" and "garden" carry an
everyday-activity theme while "said" and "time" carry none. Deterministic and offline: spaCy's
tagger and lemmatizer of the installed model, no vectors.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language

from qualdeid.detect.nlp.loading import resolve_model_name

_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


@lru_cache(maxsize=2)
def lemmatizer(model: str) -> Language:
    """The installed pipeline without parser and entity recogniser: tags and lemmas only."""
    return spacy.load(resolve_model_name(model), exclude=["parser", "ner", "senter"])  # format: spaCy pipe names


class Lemmas:
    """Content lemmas of text pieces, computed once per piece."""

    def __init__(self, model: str) -> None:
        self.nlp = lemmatizer(model)
        self._cache: dict[str, list[str]] = {}

    def of(self, texts: Iterable[str]) -> list[list[str]]:
        texts = list(texts)
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        for text, sdoc in zip(todo, self.nlp.pipe(todo, batch_size=64), strict=True):
            self._cache[text] = [
                t.lemma_.lower() for t in sdoc if t.pos_ in _CONTENT_POS and t.is_alpha and not t.is_stop and len(t) > 2
            ]
        return [self._cache[t] for t in texts]


class ThemeProfile:
    def __init__(self, theme_texts: list[list[str]], all_texts: list[list[str]]) -> None:
        theme = Counter(lemma for lemmas in theme_texts for lemma in set(lemmas))
        everywhere = Counter(lemma for lemmas in all_texts for lemma in set(lemmas))
        n_theme, n_all = max(1, len(theme_texts)), max(1, len(all_texts))
        self.weights: dict[str, float] = {}
        for lemma, n in theme.items():
            w = math.log((n + 0.5) / (n_theme + 1)) - math.log((everywhere[lemma] + 0.5) / (n_all + 1))
            if w > 0 and n >= 2:
                self.weights[lemma] = w

    def score(self, lemmas: list[str]) -> float:
        """Theme weight of a passage, growing with its length but less than in proportion."""
        return sum(self.weights.get(lemma, 0.0) for lemma in lemmas) / math.sqrt(len(lemmas) + 1)

    def total(self, lemmas: list[str]) -> float:
        return sum(self.weights.get(lemma, 0.0) for lemma in lemmas)


def similarity(a: list[str], b: list[str]) -> float:
    """Cosine of the lemma counts of two passages (0: nothing shared, 1: the same words)."""
    ca, cb = Counter(a), Counter(b)
    dot = sum(n * cb[k] for k, n in ca.items())
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(n * n for n in ca.values()) * sum(n * n for n in cb.values()))
