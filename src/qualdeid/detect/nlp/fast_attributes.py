"""Faster drop-ins for spaCy's ``attribute_ruler`` and rule-based ``lemmatizer``, with identical results.

The English pipelines' attribute ruler holds ~180 token patterns (tag map, morph rules, exceptions)
run through a general Matcher on every document: a tenth of the pipeline's time. Almost all patterns
test one token's TAG, LOWER and/or IS_SPACE only, so they are looked up in dictionaries here; short
sequences of such tests ("gon na", a LOWER regex) are checked where their first token occurs. The
rest go through a Matcher; most of those test the dependency label, which a pipeline without the
parser never sets, so on such a document they cannot match and are not run. Matches are applied in
the ruler's own order (later rules win).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Lemmatizer
from spacy.pipeline.attributeruler import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs  # type: ignore[import-not-found]

_SIMPLE_KEYS = {"TAG", "LOWER", "IS_SPACE"}


def _values(spec: Any) -> set[str] | None:
    """The accepted values of a simple pattern value (a string or ``{"IN": [...]}``), else None."""
    if isinstance(spec, str):
        return {spec}
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return {str(v) for v in spec["IN"]}
    return None


@dataclass
class _TokenTest:
    """One token of a sequence pattern: its TAG in a set, its LOWER in a set or matching a regex."""

    tags: set[int] | None
    lowers: set[str] | None
    regex: re.Pattern[str] | None

    def lower_ok(self, lower: str) -> bool:
        if self.lowers is not None and lower not in self.lowers:
            return False
        return self.regex is None or self.regex.search(lower) is not None  # as the Matcher's REGEX

    def ok(self, tag: int, lower: str) -> bool:
        return (self.tags is None or tag in self.tags) and self.lower_ok(lower)


def _token_test(token: dict[str, Any], strings: StringStore) -> _TokenTest | None:
    if not token or set(token) - {"TAG", "LOWER"}:
        return None
    tags = _values(token["TAG"]) if "TAG" in token else None
    if "TAG" in token and tags is None:
        return None
    lowers, regex = None, None
    if "LOWER" in token:
        spec = token["LOWER"]
        lowers = _values(spec)
        if lowers is None:
            if not (isinstance(spec, dict) and set(spec) == {"REGEX"}):
                return None
            regex = re.compile(spec["REGEX"])
    return _TokenTest(None if tags is None else {strings.add(t) for t in tags}, lowers, regex)


class FastAttributeRuler:
    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        #: single-token rules, by the hash of the TAG or LOWER they test (rule ids in the ruler's order)
        self.by_tag: dict[int, list[int]] = defaultdict(list)
        self.by_lower: dict[int, list[tuple[int, set[int] | None]]] = defaultdict(list)
        #: single-token rules on IS_SPACE (and maybe TAG): (rule id, is_space, tag hashes or None)
        self.by_space: list[tuple[int, bool, set[int] | None]] = []
        #: other patterns of TAG/LOWER tests without operators: (rule id, one test per token)
        self.sequences: list[tuple[int, list[_TokenTest]]] = []
        self._starting: dict[int, list[tuple[int, list[_TokenTest]]]] = {}
        #: the remaining patterns, and those of them that can match without a dependency parse
        self.matcher = Matcher(ruler.vocab, validate=False)
        self.matcher_without_deps = Matcher(ruler.vocab, validate=False)
        for key in ruler.matcher._patterns:  # type: ignore[attr-defined]
            attr_id = int(strings[key])
            for pattern in ruler.matcher.get(key)[1]:
                if self._index(attr_id, pattern):
                    continue
                self.matcher.add(strings[key], [pattern])
                if not _needs_dep(pattern):
                    self.matcher_without_deps.add(strings[key], [pattern])

    def _index(self, attr_id: int, pattern: list[dict[str, Any]]) -> bool:
        single = len(pattern) == 1 and pattern[0] and not set(pattern[0]) - _SIMPLE_KEYS
        if single and self.ruler.indices[attr_id] in (0, -1) and self._index_token(attr_id, pattern[0]):
            return True
        tests = [_token_test(token, self.ruler.vocab.strings) for token in pattern]
        if not tests or any(t is None for t in tests):
            return False
        self.sequences.append((attr_id, tests))  # type: ignore[arg-type]
        return True

    def _index_token(self, attr_id: int, token: dict[str, Any]) -> bool:
        tags = _values(token["TAG"]) if "TAG" in token else None
        lowers = _values(token["LOWER"]) if "LOWER" in token else None
        if ("TAG" in token and tags is None) or ("LOWER" in token and lowers is None):
            return False
        add = self.ruler.vocab.strings.add
        tag_ids = None if tags is None else {add(t) for t in tags}
        if "IS_SPACE" in token:
            if lowers is not None or not isinstance(token["IS_SPACE"], bool):
                return False
            self.by_space.append((attr_id, token["IS_SPACE"], tag_ids))
        elif lowers is None:
            for tag in tag_ids or ():
                self.by_tag[tag].append(attr_id)
        else:
            for lower in lowers:
                self.by_lower[add(lower)].append((attr_id, tag_ids))
        return True

    def _sequences_starting(self, lower: int, strings: StringStore) -> list[tuple[int, list[_TokenTest]]]:
        """The sequence patterns whose first token accepts this LOWER (cached by its hash)."""
        hit = self._starting.get(lower)
        if hit is None:
            text = strings[lower]
            hit = self._starting[lower] = [(a, tests) for a, tests in self.sequences if tests[0].lower_ok(text)]
        return hit

    def __call__(self, doc: Doc) -> Doc:
        matches: list[tuple[int, int, int]] = []
        by_tag, by_lower, by_space = self.by_tag, self.by_lower, self.by_space
        strings = doc.vocab.strings
        rows = doc.to_array([TAG, LOWER, IS_SPACE]).tolist()
        for i, (tag, lower, is_space) in enumerate(rows):
            for attr_id in by_tag.get(tag, ()):
                matches.append((attr_id, i, i + 1))
            for attr_id, tags in by_lower.get(lower, ()):
                if tags is None or tag in tags:
                    matches.append((attr_id, i, i + 1))
            for attr_id, wanted, tags in by_space:
                if is_space == wanted and (tags is None or tag in tags):
                    matches.append((attr_id, i, i + 1))
            for attr_id, tests in self._sequences_starting(lower, strings) if self.sequences else ():
                end = i + len(tests)
                if end <= len(rows) and all(
                    t.ok(rows[j][0], strings[rows[j][1]]) for t, j in zip(tests, range(i, end), strict=True)
                ):
                    matches.append((attr_id, i, end))
        matcher = self.matcher if doc.has_annotation("DEP") else self.matcher_without_deps
        if len(matcher):
            for match_id, start, end in matcher(doc, allow_missing=True):
                matches.append((int(self.ruler.vocab.strings[match_id]), start, end))
        matches.sort()
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for attr_id, start, end in matches:
            index = indices[attr_id]
            token = doc[start] if end - start == 1 and index in (0, -1) else Span(doc, start, end)[index]
            set_token_attrs(token, attrs[attr_id])
        return doc


def _needs_dep(pattern: list[dict[str, Any]]) -> bool:
    """True when a required token of the pattern asks for a dependency label that "" (no parse) fails."""
    for token in pattern:
        if "DEP" not in token or token.get("OP", "1") not in ("1", "+"):
            continue
        spec = token["DEP"]
        if isinstance(spec, str) and spec != "":
            return True
        if isinstance(spec, dict) and set(spec) == {"IN"} and "" not in spec["IN"]:
            return True
        if isinstance(spec, dict) and set(spec) == {"NOT_IN"} and "" in spec["NOT_IN"]:
            return True
    return False


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

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """As spaCy's ``Pipe.pipe``, through this ``__call__``. Without it ``nlp.pipe`` found the
        wrapped lemmatizer's own ``pipe`` (by ``__getattr__``), and every batch went uncached."""
        error_handler = self.lemmatizer.get_error_handler()
        for doc in stream:
            try:
                yield self(doc)
            except Exception as e:
                error_handler(self.lemmatizer.name, self.lemmatizer, [doc], e)


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
