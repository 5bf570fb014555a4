"""Presidio AnalyzerEngine on a preloaded spaCy pipeline (see ``loading.py``: never a download).

The registry is kept lean on purpose: every recognizer runs on every document, so only those that
matter for qualitative data from English-speaking countries are registered, plus qualdeid's own
(``qualdeid.detect.recognizers``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

import regex
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, PatternRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import IbanRecognizer, SpacyRecognizer
from spacy.language import Language
from spacy.tokens import Doc, Span

import qualdeid.detect.nlp.offline  # noqa: F401  (must run before Presidio's email/URL recognizers are used)
from qualdeid.detect.nlp.regex_timeout import strict
from qualdeid.detect.nlp.tokens import token_table
from qualdeid.detect.nlp.trained_ner import added_entities
from qualdeid.labels import AGE, CONTACT, DATE_TIME, ID, LOCATION, ORGANIZATION, PERSON
from qualdeid.rules import Rules

LANGUAGE = "en"


#: Presidio entity types -> canonical label (the entity type is kept as the span's subtype).
PRESIDIO_TO_CANONICAL: dict[str, str] = {
    "PERSON": PERSON,
    "LOCATION": LOCATION,
    "GPE": LOCATION,
    "ORGANIZATION": ORGANIZATION,
    "NRP": "NORP",
    "DATE_TIME": DATE_TIME,
    "AGE": AGE,
    "EMAIL_ADDRESS": CONTACT,
    "PHONE_NUMBER": CONTACT,
    "URL": CONTACT,
    "IP_ADDRESS": CONTACT,
    "CREDIT_CARD": ID,
    "IBAN_CODE": ID,
    "CRYPTO": ID,
    "MEDICAL_LICENSE": ID,
    "US_SSN": ID,
    "US_PASSPORT": ID,
    "US_DRIVER_LICENSE": ID,
    "US_ITIN": ID,
    "US_BANK_NUMBER": ID,
    "UK_NHS": ID,
    "UK_NINO": ID,
    "AU_MEDICARE": ID,
    "AU_TFN": ID,
    "AU_ABN": ID,
    "AU_ACN": ID,
}

#: spaCy NER labels used (NORP, numbers, money, events, ... are not direct identifiers).
NER_MAPPING = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
}

#: spaCy NER labels that are not passed on to Presidio.
NER_IGNORED = (
    "NORP",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
    "PRODUCT",
)


def canonical_label(entity_type: str) -> str | None:
    """The canonical label of a Presidio entity type; qualdeid's own recognizers already use canonical ones."""
    return PRESIDIO_TO_CANONICAL.get(entity_type, entity_type if entity_type.isupper() else None)


class LazyNlpArtifacts(NlpArtifacts):
    """Presidio's NLP artifacts with lemmas, token offsets and keywords computed on first use.

    Presidio builds all three for every document, but only its context enhancer reads them, and
    only for a document where a recognizer with context words found something.
    """

    def __init__(self, entities: list[Any], tokens: Doc, nlp_engine: Any, language: str, scores: list[float]) -> None:
        self.entities = entities
        self.tokens = tokens
        self.nlp_engine = nlp_engine
        self.language = language
        self.scores = scores if scores else [0.85] * len(entities)

    @cached_property
    def lemmas(self) -> list[str]:  # type: ignore[override]
        return token_table(self.tokens).lemmas

    @cached_property
    def tokens_indices(self) -> list[int]:  # type: ignore[override]
        return token_table(self.tokens).starts

    @cached_property
    def keywords(self) -> list[str]:  # type: ignore[override]
        return self.set_keywords(self.nlp_engine, self.lemmas, self.language)


class PreloadedSpacyNlpEngine(SpacyNlpEngine):
    """A SpacyNlpEngine around an already-loaded pipeline: ``load()`` never calls spacy.cli.download."""

    def __init__(self, nlp: Language, additions: Callable[[Doc], list[Span]] = added_entities) -> None:
        """``additions``: the spans of the fine-tuned recogniser (``trained_ner``) handed on beside ``doc.ents``."""
        self.additions = additions
        super().__init__(
            models=[{"lang_code": LANGUAGE, "model_name": nlp.meta.get("name", "custom")}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=dict(NER_MAPPING), labels_to_ignore=list(NER_IGNORED)
            ),
        )
        self.nlp = {LANGUAGE: nlp}
        self._word_cache: dict[tuple[str, str, str], bool] = {}

    def load(self) -> None:  # already loaded
        return None

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        found = [*self._get_entities(doc), *self.additions(doc)]
        entities, scores = self._get_updated_entities(found, [self.ner_model_configuration.default_score] * len(found))
        return LazyNlpArtifacts(entities, doc, self, language, scores)

    # Presidio asks these for every lemma of every document; the answers depend on the word only.
    def is_stopword(self, word: str, language: str) -> bool:
        return self._cached("stop", word, language, super().is_stopword)

    def is_punct(self, word: str, language: str) -> bool:
        return self._cached("punct", word, language, super().is_punct)

    def _cached(self, kind: str, word: str, language: str, ask: Callable[[str, str], bool]) -> bool:
        key = (kind, word, language)
        hit = self._word_cache.get(key)
        if hit is None:
            hit = self._word_cache[key] = ask(word, language)
        return hit


class SelectiveContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's context enhancer, given only the results it may change.

    Presidio's enhancer deep-copies every result of every document and then skips those whose
    recognizer has no context words. Here only results of recognizers with context words go
    through it (and are copied); the others are passed on as they are, in the same order.
    """

    KEY = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        with_context = {r.id for r in recognizers if r.context}

        def may_change(result: RecognizerResult) -> bool:
            return bool(result.recognition_metadata) and result.recognition_metadata.get(self.KEY) in with_context

        candidates = [r for r in raw_results if may_change(r)]
        if not candidates:
            return list(raw_results)
        enhanced = iter(super().enhance_using_context(text, candidates, nlp_artifacts, recognizers, context))
        return [next(enhanced) if may_change(r) else r for r in raw_results]

    @staticmethod
    def _find_index_of_match_token(word: str, start: int, tokens: Any, tokens_indices: list[int]) -> int:
        """Presidio's answer (the first token that starts at ``start`` or ends after it), by bisection of
        the tokens' ends instead of making every token before it: token ends only grow, and a token
        starting at ``start`` ends after it."""
        if not isinstance(tokens, Doc):
            return LemmaContextAwareEnhancer._find_index_of_match_token(word, start, tokens, tokens_indices)
        table = token_table(tokens)
        ends = [s + len(t) for s, t in zip(tokens_indices, table.texts, strict=True)]
        i = bisect.bisect_right(ends, start)
        if i == len(ends):
            raise ValueError(
                "Did not find word '" + word + "' in the list of tokens although it is expected to be found"
            )
        return i


class QualdeidAnalyzerEngine(AnalyzerEngine):
    """Presidio's AnalyzerEngine, with its per-recognizer context step skipped when no recognizer has one.

    Before its context enhancer, Presidio offers each recognizer its own results (two scans of all
    results per recognizer, about forty recognizers per document). A recognizer that does not override
    ``enhance_using_context`` returns them unchanged, so the step only regroups the results by
    recognizer, in the recognizers' order: done here in one stable sort, with the same outcome.
    """

    KEY = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY

    def _enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        if any(type(r).enhance_using_context is not EntityRecognizer.enhance_using_context for r in recognizers):
            return super()._enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)
        order = {r.id: k for k, r in enumerate(recognizers)}
        grouped = sorted(
            (r for r in raw_results if r.recognition_metadata[self.KEY] in order),
            key=lambda r: order[r.recognition_metadata[self.KEY]],
        )
        return self.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=grouped, nlp_artifacts=nlp_artifacts, recognizers=recognizers, context=context
        )


def presidio_results(
    recognizer: EntityRecognizer, offsets: Iterable[tuple[int, int, str]], score: float
) -> list[RecognizerResult]:
    """Presidio results, named after ``recognizer``, for (start, end, label) offsets."""
    return [
        RecognizerResult(
            label,
            start,
            end,
            score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            },
        )
        for start, end, label in offsets
    ]


def predefined_recognizers() -> list[EntityRecognizer]:
    """Presidio's own recognizers that fit this domain (the contact and number ones behind a cheap text
    check)."""
    from qualdeid.detect.recognizers.contact import contact_recognizers
    from qualdeid.detect.recognizers.national_ids import number_recognizers

    card, medicare, tfn, nhs, nino, ssn = number_recognizers()
    return [
        SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME"]),
        *contact_recognizers(),
        card,
        IbanRecognizer(),
        medicare,
        tfn,
        nhs,
        nino,
        ssn,
    ]


def compile_patterns(recognizer: PatternRecognizer) -> None:
    """Compile the recognizer's patterns with its flags now, as Presidio would on first use: done once
    in the main process, worker processes inherit them compiled (each compiled them again). Each
    search that runs out of time fails its document (``nlp/regex_timeout.py``)."""
    flags = recognizer.global_regex_flags
    for pattern in recognizer.patterns:
        if pattern.compiled_regex is None or pattern.compiled_with_flags != flags:
            pattern.compiled_regex = regex.compile(pattern.regex, flags=flags)
            pattern.compiled_with_flags = flags
        pattern.compiled_regex = strict(pattern.compiled_regex, f"{recognizer.name}/{pattern.name}")


def build_analyzer(nlp: Language, rules: Rules | None = None) -> AnalyzerEngine:
    from qualdeid.detect.nlp.loading import dictionary_words
    from qualdeid.detect.nlp.trained_ner import Additions
    from qualdeid.detect.recognizers import build_recognizers, name_lexicon

    rules = rules or Rules()
    names = name_lexicon(rules)
    additions = Additions(
        dictionary_words(nlp),
        dictionary_words(nlp, nouns=False),
        names.is_name,
        names.is_term,
        names.word_names,
        frozenset(rules.lists("names/context.yaml")["thing_verbs"]),
    )
    nlp_engine = PreloadedSpacyNlpEngine(nlp, additions)
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in [*predefined_recognizers(), *build_recognizers(rules, nlp)]:
        if isinstance(recognizer, PatternRecognizer):
            compile_patterns(recognizer)
        registry.add_recognizer(recognizer)
    return QualdeidAnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
        context_aware_enhancer=SelectiveContextEnhancer(),
    )
