"""qualdeid's AnalyzerEngine finds what Presidio's own engine finds with the same recognizers, in the same order."""

from __future__ import annotations

import pytest
from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer

from qualdeid.detect.nlp.loading import load_model
from qualdeid.detect.nlp.presidio import LANGUAGE, QualdeidAnalyzerEngine, SelectiveContextEnhancer, build_analyzer

TEXTS = [
    "Met Ilse Varga at the Quarrybank Day Centre on 3 May 2024; she is 41 and lives on Fennick Road.",
    "Ring Tomasz on 0412 377 958 or mail t.okafor@example.org; his SSN 219-09-9999 came up, room 14B.",
    "Nothing to note today, just a quiet shift.",
]


@pytest.fixture(scope="module")
def engines():
    nlp = load_model()
    ours = build_analyzer(nlp)
    presidio = AnalyzerEngine(
        registry=ours.registry,
        nlp_engine=ours.nlp_engine,
        supported_languages=[LANGUAGE],
        context_aware_enhancer=SelectiveContextEnhancer(),
    )
    return nlp, ours, presidio


def _found(engine, nlp, text):
    sdoc = nlp(text)
    artifacts = engine.nlp_engine._doc_to_nlp_artifact(sdoc, LANGUAGE)
    results = engine.analyze(text, language=LANGUAGE, nlp_artifacts=artifacts, score_threshold=0.3)
    return [(r.entity_type, r.start, r.end, r.score, r.recognition_metadata["recognizer_name"]) for r in results]


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_results_as_presidios_engine(engines, text):
    nlp, ours, presidio = engines
    assert isinstance(ours, QualdeidAnalyzerEngine)
    assert _found(ours, nlp, text) == _found(presidio, nlp, text)


def _ticket_recognizer(name: str, score: float, cls: type[PatternRecognizer] = PatternRecognizer) -> PatternRecognizer:
    return cls(supported_entity="ID", name=name, patterns=[Pattern("ticket", r"\bZX-\d{4}\b", score)])


def test_a_recognizer_with_its_own_context_step_still_gets_it(engines):
    nlp, ours, _ = engines

    class Doubting(PatternRecognizer):
        def enhance_using_context(self, text, raw_recognizer_results, *args, **kwargs):
            for r in raw_recognizer_results:
                r.score = 0.01
            return raw_recognizer_results

    engine = QualdeidAnalyzerEngine(registry=ours.registry, nlp_engine=ours.nlp_engine, supported_languages=[LANGUAGE])
    engine.registry.add_recognizer(_ticket_recognizer("PlainTicket", 0.8))
    engine.registry.add_recognizer(_ticket_recognizer("DoubtingTicket", 0.9, Doubting))
    try:
        found = _found(engine, nlp, "The parcel came with ticket ZX-4471 on it.")
    finally:
        engine.registry.remove_recognizer("PlainTicket")
        engine.registry.remove_recognizer("DoubtingTicket")
    # unchanged, the doubting one (0.9) would have covered the plain one (0.8); its score fell under 0.3
    assert [f[4] for f in found if f[0] == "ID"] == ["PlainTicket"]


def test_pattern_recognizers_come_compiled_with_their_flags(engines):
    _, ours, _ = engines
    pattern_recognizers = [r for r in ours.registry.recognizers if isinstance(r, PatternRecognizer)]
    assert pattern_recognizers
    for recognizer in pattern_recognizers:
        for pattern in recognizer.patterns:
            assert pattern.compiled_regex is not None
            assert pattern.compiled_with_flags == recognizer.global_regex_flags


def test_the_token_of_a_match_found_by_bisection(engines):
    """The token index Presidio's enhancer looks up token by token, for every start, and past the end."""
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    sdoc = load_model()("Rang  Ottoline Perrywick on 0412 009 318 —\n\n ward 7B, bed 3.")
    starts = [t.idx for t in sdoc]

    def index(find, start):
        try:
            return find("word", start, sdoc, starts)
        except ValueError as e:
            return str(e)

    for start in range(len(sdoc.text) + 3):
        assert index(SelectiveContextEnhancer._find_index_of_match_token, start) == index(
            LemmaContextAwareEnhancer._find_index_of_match_token, start
        )
