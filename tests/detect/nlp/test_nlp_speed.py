"""The speed-ups of the detection pipeline change how fast it runs, never what it finds."""

from __future__ import annotations

import numpy as np
import spacy
from spacy.tokens import Span
from thinc.api import NumpyOps

from qualdeid.detect.nlp.blas import OneThreadBlasOps, _blas_threads, use_numpy_blas
from qualdeid.detect.nlp.loading import resolve_model_name

TEXT = (
    "Met Dana Okoro at the Brackenford drop-in on Tuesday; she is 34 and used to race pigeons. "
    "Her brother Sam drove down from Ballarat with the dog. We talked about the housing forms.\n\n"
    "Tomorrow: call the Salvation Army about the food vouchers, then ring Dr Patel."
)


def test_numpy_blas_gives_the_same_tags_sentences_and_entities_as_blis():
    standard = spacy.load(resolve_model_name("en_core_web_sm"))
    fast = spacy.load(resolve_model_name("en_core_web_sm"))
    use_numpy_blas(fast)

    def analysis(doc):
        return [(t.tag_, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in doc]

    assert analysis(fast(TEXT)) == analysis(standard(TEXT))
    models = [getattr(c, "model", None) for _, c in fast.pipeline]
    nodes = [n for m in models if hasattr(m, "walk") for n in m.walk()]
    assert nodes and not any(type(n.ops) is NumpyOps for n in nodes)


def test_the_fine_tuned_recogniser_runs_on_numpy_blas_and_adds_what_it_adds_with_blis(monkeypatch) -> None:
    from qualdeid.detect.nlp import trained_ner

    monkeypatch.delenv(trained_ner.MODE_ENV, raising=False)
    monkeypatch.delenv(trained_ner.DIR_ENV, raising=False)
    path = resolve_model_name("en_core_web_sm")
    pipelines = []
    for switch in (False, True):
        nlp = spacy.load(path)
        trained_ner.use_trained_ner(nlp, path)
        if switch:
            use_numpy_blas(nlp)
        pipelines.append(nlp)
    blis, blas = pipelines
    inner = blas.get_pipe("qualdeid_added_entities").ner.model
    assert not any(type(n.ops) is NumpyOps for n in inner.walk())
    texts = [TEXT, "Kwabena and Serwaa were at group; Met with Bongani Mthembu and his sister Adjoa in Tamale."]

    def additions(doc):
        return [(e.start, e.end, e.label_) for e in doc.spans[trained_ner.ADDED]]

    found = [additions(d) for d in blas.pipe(texts)]
    assert found == [additions(d) for d in blis.pipe(texts)]
    assert any(found)


def test_blas_products_run_on_one_thread_and_the_limit_is_lifted_after():
    before = [lib["num_threads"] for lib in _blas_threads().info() if lib["user_api"] == "blas"]
    seen: list[int] = []
    ops = OneThreadBlasOps()
    x = np.arange(12, dtype="float32").reshape(3, 4)
    y = np.ones((5, 4), dtype="float32")
    original = np.dot

    def spy(*args, **kwargs):
        seen.extend(lib["num_threads"] for lib in _blas_threads().info() if lib["user_api"] == "blas")
        return original(*args, **kwargs)

    ops.xp = type("xp", (), {"dot": staticmethod(spy)})
    result = ops.gemm(x, y, trans2=True)
    assert np.allclose(result, x @ y.T)
    assert seen and set(seen) == {1}
    assert [lib["num_threads"] for lib in _blas_threads().info() if lib["user_api"] == "blas"] == before


def test_selective_context_enhancer_and_lazy_artifacts_score_like_presidios(detector):
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from qualdeid.detect.nlp.presidio import LANGUAGE, build_analyzer

    text = (
        "Her social security number is 536-90-4399 and her medicare card 2123 45670 1; "
        "call 0412 345 678 or email kim@example.org. Seen on 3 March, aged 42."
    )
    ours = build_analyzer(detector.nlp)
    presidios = build_analyzer(detector.nlp)
    presidios.context_aware_enhancer = LemmaContextAwareEnhancer()
    sdoc = detector.nlp(text)
    lazy = ours.nlp_engine._doc_to_nlp_artifact(sdoc, LANGUAGE)
    eager = SpacyNlpEngine._doc_to_nlp_artifact(presidios.nlp_engine, sdoc, LANGUAGE)
    assert (lazy.lemmas, lazy.keywords, lazy.tokens_indices) == (eager.lemmas, eager.keywords, eager.tokens_indices)

    def found(analyzer, artifacts):
        results = analyzer.analyze(text, language=LANGUAGE, nlp_artifacts=artifacts, score_threshold=0.0)
        return sorted((r.entity_type, r.start, r.end, round(r.score, 6)) for r in results)

    expected = found(presidios, eager)
    assert found(ours, lazy) == expected
    assert ("US_SSN", 30, 41, 0.85) in expected  # 0.5 from the pattern, raised by the context word


def test_hinted_ip_recognizer_finds_what_presidios_finds():
    from presidio_analyzer.predefined_recognizers import IpRecognizer

    from qualdeid.detect.recognizers.contact import PrefilteredIpRecognizer

    texts = [
        "router at 192.168.0.1, backup 10.0.0.254/24",
        "link-local fe80::1%eth0 and 2001:db8:85a3::8a2e:370:7334",
        "mapped ::ffff:192.0.2.128 or just ::",
        "Note: nothing to see at 3pm.",
        "no addresses here",
    ]
    hinted, plain = PrefilteredIpRecognizer(), IpRecognizer()
    for text in texts:
        expected = [(r.start, r.end, r.score) for r in plain.analyze(text, ["IP_ADDRESS"])]
        assert [(r.start, r.end, r.score) for r in hinted.analyze(text, ["IP_ADDRESS"])] == expected
    assert len(hinted.analyze(texts[1], ["IP_ADDRESS"])) == 2


def test_cached_lemmatizer_gives_spacys_lemmas_on_first_and_cached_calls():
    from qualdeid.detect.nlp.fast_attributes import CachedLemmatizer, speed_up

    standard = spacy.load(resolve_model_name("en_core_web_sm"))
    fast = spacy.load(resolve_model_name("en_core_web_sm"))
    speed_up(fast)
    assert isinstance(fast.get_pipe("lemmatizer"), CachedLemmatizer)
    assert fast.get_pipe("lemmatizer").lookups.has_table("lemma_index")
    texts = [TEXT, "She was running; they've bought the geese and were bought out. " + TEXT]
    for doc_fast, doc_standard in zip(fast.pipe(texts), standard.pipe(texts), strict=True):
        assert [t.lemma_ for t in doc_fast] == [t.lemma_ for t in doc_standard]
    # nlp.pipe went through the cache (the wrapped lemmatizer's own pipe would bypass it)
    assert fast.get_pipe("lemmatizer").cache
    for doc_fast, doc_standard in zip(fast.pipe(texts), standard.pipe(texts), strict=True):
        assert [t.lemma_ for t in doc_fast] == [t.lemma_ for t in doc_standard]


def test_fast_attribute_ruler_without_a_parse_gives_spacys_attributes():
    """qualdeid's pipeline has no parser: rules that test a dependency label cannot match, the
    others (single tokens, short sequences such as "gon na", LOWER regexes) must match as in spaCy."""
    from qualdeid.detect.nlp.fast_attributes import FastAttributeRuler, speed_up

    standard = spacy.load(resolve_model_name("en_core_web_sm"))
    fast = spacy.load(resolve_model_name("en_core_web_sm"))
    for nlp in (standard, fast):
        nlp.disable_pipe("parser")
        nlp.enable_pipe("senter")
    speed_up(fast)
    ruler = fast.get_pipe("fast_attribute_ruler")
    assert isinstance(ruler, FastAttributeRuler)
    assert ruler.sequences and len(ruler.matcher_without_deps) < len(ruler.matcher)
    texts = [
        TEXT,
        "Gonna be honest, she ain't keen and y'all know it. We're gonna try, gotta go, let's see, "
        "c'mon. Nothin' doing, nuthin' at all. He'd gone; hadn't he?\n\n  \t Cheers, it's ok.  ",
        "I told you it was them. Do you have it? There is a dog. Is it? That one.",
    ]

    def attrs(doc):
        return [(t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in doc]

    for doc_fast, doc_standard in zip(fast.pipe(texts), standard.pipe(texts), strict=True):
        assert not doc_fast.has_annotation("DEP")
        assert attrs(doc_fast) == attrs(doc_standard)


def test_stepped_entity_recognizer_finds_spacys_entities():
    from qualdeid.detect.nlp.fast_parser import SteppedEntityRecognizer, step_entity_recognizer
    from qualdeid.detect.nlp.loading import load_model

    standard = spacy.load(resolve_model_name("en_core_web_sm"))
    stepped = spacy.load(resolve_model_name("en_core_web_sm"))
    step_entity_recognizer(stepped)
    assert isinstance(stepped.get_pipe("ner"), SteppedEntityRecognizer)
    assert isinstance(load_model().get_pipe("ner"), SteppedEntityRecognizer)
    texts = [
        TEXT,
        "",
        "  \n\n ",
        "Ana",
        "Dr. J. R. Okoro of Leeds met the CEO of Northwind Ltd in New York City on 4/5/2021 at 3pm for $5.",
        "sat w/ kim at the Brackenford Salvation Army drop-in, then the 96 tram to St Kilda Rd.\n\nMON 3 JUNE",
        TEXT.upper(),
    ]

    def ents(doc):
        return [(e.start, e.end, e.label_) for e in doc.ents], [t.ent_iob_ for t in doc]

    for batch_size in (1, 3, 32):
        found = [ents(doc) for doc in stepped.pipe(texts, batch_size=batch_size)]
        assert found == [ents(doc) for doc in standard.pipe(texts, batch_size=batch_size)]
    assert [ents(stepped(t)) for t in texts] == [ents(standard(t)) for t in texts]
    assert ents(stepped(TEXT))[0]  # it does find entities


def _before_ner(texts: list[str]) -> list:
    """Docs parsed up to the entity recogniser (fresh copies on each call)."""
    nlp = spacy.load(resolve_model_name("en_core_web_sm"), exclude=["ner"])
    return list(nlp.pipe(texts))


def test_steps_outside_entities_taken_in_bulk_give_spacys_entities_also_around_preset_ones(monkeypatch) -> None:
    from qualdeid.detect.nlp import fast_parser

    ner = spacy.load(resolve_model_name("en_core_web_sm")).get_pipe("ner")
    stepped = fast_parser.SteppedEntityRecognizer(ner)
    texts = [
        TEXT,
        "",
        "Ana",
        "Dr. J. R. Okoro of Leeds met the CEO of Northwind Ltd in New York City on 4/5/2021 at 3pm for $5.",
        "sat w/ kim at the Brackenford Salvation Army drop-in, then the 96 tram to St Kilda Rd.\n\nMON 3 JUNE",
        TEXT.upper(),
    ]

    def with_presets(docs: list) -> list:
        """Preset entities, as the second recogniser sees the first one's: on two ordinary lower-case
        words (where "O" would win) and on the third and fourth tokens."""
        for doc in docs:
            plain = [t.i for t in doc[:-1] if t.is_lower and t.is_alpha and doc[t.i + 1].is_lower and t.i > 4]
            if len(doc) > 4 and plain:
                doc.ents = [Span(doc, 2, 4, label="ORG"), Span(doc, plain[0], plain[0] + 2, label="FAC")]
        return docs

    def ents(docs: list) -> list:
        return [([(e.start, e.end, e.label_) for e in d.ents], [t.ent_iob_ for t in d]) for d in docs]

    def full_loop(*args: object) -> None:
        raise AssertionError("the steps outside entities were not taken in bulk")

    monkeypatch.setattr(fast_parser, "_decode", full_loop)
    for prepare in (list, with_presets):
        expected = ents(list(ner.pipe(prepare(_before_ner(texts)), batch_size=4)))
        assert ents(list(stepped.pipe(prepare(_before_ner(texts)), batch_size=4))) == expected
        assert any(e for e, _ in expected)


def test_a_model_with_unseen_classes_is_decoded_step_by_step(monkeypatch) -> None:
    """The lowest score a step gives unseen classes depends on every state of the step: no bulk steps."""
    from qualdeid.detect.nlp import fast_parser

    ner = spacy.load(resolve_model_name("en_core_web_sm")).get_pipe("ner")
    ner.model.attrs["unseen_classes"] = {0, 5}
    stepped = fast_parser.SteppedEntityRecognizer(ner)
    calls: list[int] = []
    full_loop = fast_parser._decode
    monkeypatch.setattr(fast_parser, "_decode", lambda *args: calls.append(1) or full_loop(*args))

    def ents(docs: list) -> list:
        return [[(e.start, e.end, e.label_) for e in d.ents] for d in docs]

    texts = [TEXT, "Dr. J. R. Okoro of Leeds met the CEO of Northwind Ltd in New York City."]
    assert ents(list(stepped.pipe(_before_ner(texts)))) == ents(list(ner.pipe(_before_ner(texts))))
    assert calls


def test_workers_can_keep_freed_memory_on_linux():
    import sys

    import pytest

    from qualdeid.detect.nlp.malloc import reuse_freed_memory

    if not sys.platform.startswith("linux"):
        assert reuse_freed_memory() is False
        return
    try:
        import ctypes

        ctypes.CDLL(None).mallopt  # noqa: B018
    except AttributeError:
        pytest.skip("no glibc mallopt here")
    assert reuse_freed_memory() is True  # glibc accepted both settings


def _embeddings(nlp):
    from qualdeid.detect.nlp.blas import _models
    from qualdeid.detect.nlp.embed_cache import _is_embedding

    return [n for _, c in nlp.pipeline for m in _models(c) for n in m.walk() if _is_embedding(n)]


def test_cached_embeddings_give_spacys_vectors_tags_sentences_and_entities():
    from qualdeid.detect.nlp.embed_cache import EmbeddingMemo, cache_embeddings

    standard = spacy.load(resolve_model_name("en_core_web_sm"))
    cached = spacy.load(resolve_model_name("en_core_web_sm"))
    cache_embeddings(cached)
    memos = [n._func for n in _embeddings(cached)]
    assert len(memos) == 2 and all(isinstance(m, EmbeddingMemo) for m in memos)  # tok2vec's and ner's own

    def analysis(doc):
        return [(t.tag_, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in doc]

    texts = [TEXT, "Ines Varga rang twice.", "", TEXT.upper()]
    for _ in range(2):  # the second time every row comes from the memo
        assert [analysis(d) for d in cached.pipe(texts)] == [analysis(d) for d in standard.pipe(texts)]
    for ours, theirs in zip(_embeddings(cached), _embeddings(standard), strict=True):
        docs = [standard.make_doc(t) for t in texts]
        for a, b in zip(ours.predict(docs), theirs.predict(docs), strict=True):
            assert a.shape == b.shape and np.allclose(a, b, atol=1e-5)


def test_each_distinct_token_is_embedded_once_and_the_memo_starts_again_when_full():
    from qualdeid.detect.nlp.embed_cache import cache_embeddings

    nlp = spacy.load(resolve_model_name("en_core_web_sm"), exclude=["ner"])
    cache_embeddings(nlp)
    (embed,) = _embeddings(nlp)
    memo = embed._func
    embedded: list[int] = []
    own = memo._embed
    memo._embed = lambda rows: embedded.append(len(rows)) or own(rows)
    doc = nlp.make_doc("the cat and the dog and the cat ")
    first = embed.predict([doc])[0]
    assert embedded == [4]  # the, cat, and, dog
    assert np.array_equal(embed.predict([doc, doc])[1], first) and embedded == [4]
    memo.max_rows = 6
    other = nlp.make_doc("a bird and a fish ")
    assert np.allclose(embed.predict([other])[0], memo.forward(embed, [other], False)[0][0], atol=1e-5)
    assert embedded == [4, 4] and len(memo.index) == 4  # a, bird, fish do not fit beside the four: begun again
    many = nlp.make_doc("one two three four five six seven ")
    assert np.allclose(embed.predict([many])[0], memo.forward(embed, [many], False)[0][0], atol=1e-5)
    assert embedded == [4, 4, 7] and len(memo.index) == 4  # more than the memo holds: not kept


def test_cached_embeddings_leave_training_to_spacy():
    from qualdeid.detect.nlp.embed_cache import cache_embeddings

    nlp = spacy.load(resolve_model_name("en_core_web_sm"), exclude=["ner"])
    cache_embeddings(nlp)
    (embed,) = _embeddings(nlp)
    vectors, backprop = embed.begin_update([nlp.make_doc("the cat sat")])
    assert len(vectors[0]) == 3 and not embed._func.index
    backprop([np.zeros_like(vectors[0])])
