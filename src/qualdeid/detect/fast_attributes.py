"""Faster drop-ins for spaCy's ``attribute_ruler`` and rule-based ``lemmatizer``, with identical results.

The English pipelines' attribute ruler holds ~180 token patterns (tag map, morph rules, exceptions)
run through a general Matcher on every document: a tenth of the pipeline's time. Almost all patterns
test one token's TAG and/or LOWER only, so they are looked up in dictionaries here; the few others
still go through a Matcher. Matches are applied in the ruler's own order (later rules win).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Lemmatizer
from spacy.pipeline.attributeruler import AttributeRuler
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs  # type: ignore[import-not-found]

_SIMPLE_KEYS = {"TAG", "LOWER"}


def _values(spec: Any) -> set[str] | None:
    """The accepted values of a simple pattern value (a string or ``{"IN": [...]}``), else None."""
    if isinstance(spec, str):
        return {spec}
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return {str(v) for v in spec["IN"]}
    return None


class FastAttributeRuler:
    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.by_tag: dict[str, list[int]] = defaultdict(list)
        self.by_lower: dict[str, list[tuple[int, set[str] | None]]] = defaultdict(list)
        self.matcher = Matcher(ruler.vocab, validate=False)
        self.attr_ids: list[int] = []
        for key in ruler.matcher._patterns:  # type: ignore[attr-defined]
            attr_id = int(ruler.vocab.strings[key])
            for pattern in ruler.matcher.get(key)[1]:
                if not self._index(attr_id, pattern):
                    self.matcher.add(ruler.vocab.strings[key], [pattern])

    def _index(self, attr_id: int, pattern: list[dict[str, Any]]) -> bool:
        if len(pattern) != 1 or not pattern[0] or set(pattern[0]) - _SIMPLE_KEYS:
            return False
        token = pattern[0]
        tags = _values(token["TAG"]) if "TAG" in token else None
        lowers = _values(token["LOWER"]) if "LOWER" in token else None
        if ("TAG" in token and tags is None) or ("LOWER" in token and lowers is None):
            return False
        if self.ruler.indices[attr_id] not in (0, -1):
            return False
        if lowers is None:
            for tag in tags or ():
                self.by_tag[tag].append(attr_id)
        else:
            for lower in lowers:
                self.by_lower[lower].append((attr_id, tags))
        return True

    def __call__(self, doc: Doc) -> Doc:
        matches: list[tuple[int, int, int]] = []
        for token in doc:
            i = token.i
            for attr_id in self.by_tag.get(token.tag_, ()):
                matches.append((attr_id, i, i + 1))
            for attr_id, tags in self.by_lower.get(token.lower_, ()):
                if tags is None or token.tag_ in tags:
                    matches.append((attr_id, i, i + 1))
        if len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                matches.append((int(self.ruler.vocab.strings[match_id]), start, end))
        matches.sort()
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for attr_id, start, end in matches:
            set_token_attrs(Span(doc, start, end)[indices[attr_id]], attrs[attr_id])
        return doc


@Language.factory("qualdeid_fast_attribute_ruler")
def _make(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


class CachedLemmatizer:
    """spaCy's rule lemmatizer with every answer cached by (word, part of speech, morphology).

    spaCy's own cache skips the most common case (a word already in its base form), and calls the
    lemmatizer token by token; a rule lemma depends on those three values only. Other attributes
    (``lookups``, ``mode``, ...) are the wrapped lemmatizer's.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.lemmatizer, name)

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer.overwrite or self.lemmatizer.mode != "rule":
            return self.lemmatizer(doc)
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        cache, strings = self.cache, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:  # set earlier (attribute ruler): kept, as spaCy's lemmatizer does
                continue
            hit = cache.get((orth, pos, morph))
            if hit is None:
                hit = cache[(orth, pos, morph)] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = hit
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("qualdeid_cached_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


def speed_up(nlp: Language) -> None:
    """Replace the pipeline's attribute ruler and rule lemmatizer with faster equivalents (in place)."""
    if "attribute_ruler" in nlp.pipe_names and isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        nlp.add_pipe("qualdeid_fast_attribute_ruler", name="fast_attribute_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and isinstance(nlp.get_pipe("lemmatizer"), Lemmatizer):
        nlp.add_pipe("qualdeid_cached_lemmatizer", name="cached_lemmatizer", after="lemmatizer")
        nlp.rename_pipe("lemmatizer", "spacy_lemmatizer")
        nlp.remove_pipe("spacy_lemmatizer")
        nlp.rename_pipe("cached_lemmatizer", "lemmatizer")
