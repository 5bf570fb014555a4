"""Rare personal details (RARE_DETAIL): frames, lexicons, word frequency and within-corpus rarity."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.rare import RareDetailProcessor
from qualdeid.detect.rules import Rules

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASES = [json.loads(line) for line in (FIXTURES / "rare_details.jsonl").read_text(encoding="utf-8").splitlines()]
POSITIVES = [c for c in CASES if c["rare"]]
NEGATIVES = [c["text"] for c in CASES if not c["rare"]]


@pytest.fixture(scope="module")
def processor() -> RareDetailProcessor:
    return RareDetailProcessor(Rules())


def run(detector, texts: list[str], rules: Rules | None = None) -> list[list[Span]]:
    """Both passes over a small corpus, as the pipeline runs them."""
    proc = RareDetailProcessor(rules or Rules())
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    firsts = []
    for doc, sdoc in zip(docs, detector.nlp.pipe(texts), strict=True):
        candidates, observation = proc.first_pass(doc, sdoc, [])
        proc.observe(doc.id, observation)
        firsts.append(candidates)
    return [proc.second_pass(doc, c, []) for doc, c in zip(docs, firsts, strict=True)]


def covered(text: str, phrase: str, spans: list[Span]) -> bool:
    """At least half of ``phrase`` lies inside RARE_DETAIL spans (the evaluation's entity recall)."""
    start = text.index(phrase)
    end = start + len(phrase)
    hit = sum(max(0, min(end, s.end) - max(start, s.start)) for s in spans if s.label == "RARE_DETAIL")
    return hit * 2 >= len(phrase)


def test_held_out_recall(detector) -> None:
    results = run(detector, [c["text"] for c in POSITIVES])
    found = [covered(c["text"], p, spans) for c, spans in zip(POSITIVES, results, strict=True) for p in c["rare"]]
    assert len(found) >= 30
    assert sum(found) / len(found) >= 0.85


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_content_is_not_flagged(detector, text: str) -> None:
    assert run(detector, [text]) == [[]]


def test_span_is_the_short_phrase_with_reason_and_subtype(detector) -> None:
    text = "Over a cuppa she told me she used to be a rodeo clown in Texas, then we did the dishes."
    [spans] = run(detector, [text])
    assert len(spans) == 1
    span = spans[0]
    assert span.text == text[span.start : span.end]
    assert span.text.startswith("used to be a rodeo clown")
    assert "dishes" not in span.text and "cuppa" not in span.text
    assert span.label == "RARE_DETAIL" and span.detector == "rare"
    assert span.subtype == "occupation"
    assert "occupation" in span.reason and "frequency" in span.reason
    assert "occurs in 1 document of 1" in span.reason
    assert "rodeo" not in span.reason and "clown" not in span.reason  # reasons never quote the text


def test_subtypes(detector) -> None:
    texts = [
        "He lost three fingers in a sawmill accident.",
        "She keeps a tarantula in her room.",
        "He is one of twelve siblings.",
        "She won a national fiddle title last year.",
        "He speaks fluent Icelandic.",
    ]
    subtypes = [[s.subtype for s in spans] for spans in run(detector, texts)]
    assert subtypes == [["physical_trait"], ["pet"], ["family"], ["life_event"], ["language"]]


def test_word_frequency_alone_with_within_corpus_rarity(detector) -> None:
    """A word in no lexicon counts when it is rare in general language and in the corpus."""
    detail = "He told me he was a telegraphist on the railways for years."
    filler = "We had a coffee and talked about the weekend."
    spans = run(detector, [detail, filler, filler, filler, filler, filler])
    assert covered(detail, "was a telegraphist", spans[0])
    assert "occurs in 1 document of 6" in spans[0][0].reason
    # the same word in every document is the setting's jargon, not a personal detail
    every = run(detector, [f"She said the new worker was a telegraphist, number {i}." for i in range(6)])
    assert every == [[]] * 6


def test_within_corpus_counts_across_documents(detector) -> None:
    texts = ["He used to be a jockey at country meetings.", "Her brother was a jockey too.", "We went for a walk."]
    spans = run(detector, texts)
    assert "occurs in 2 documents of 3" in spans[0][0].reason
    assert spans[2] == []


def test_detail_confirmed_elsewhere_is_flagged_where_it_recurs(detector) -> None:
    first = "He was a lighthouse keeper on a remote island for years."
    later = "He only wanted to talk about the lighthouse today."
    spans = run(detector, [first, later])
    assert covered(later, "the lighthouse", spans[1])
    assert "flagged elsewhere" in spans[1][0].reason
    assert run(detector, [later]) == [[]]  # on its own the mention says nothing


def test_project_rules_can_remove_and_add_entries(detector, tmp_path: Path) -> None:
    (tmp_path / "rare").mkdir()
    (tmp_path / "rare" / "occupation.txt").write_text("!croupier\n", encoding="utf-8")
    (tmp_path / "rare" / "common.txt").write_text("theremin\n", encoding="utf-8")
    texts = ["She used to be a croupier.", "Lou plays the theremin in a band."]
    assert all(run(detector, texts))
    rules = Rules([tmp_path])
    assert run(detector, texts, rules)[1] == []
    # without the lexicon entry, only general-language rarity and the frame are left as evidence
    assert run(detector, texts, rules)[0][0].reason.startswith("unusual past activity or role")


def test_candidates_survive_transport_as_plain_span_fields(detector) -> None:
    """The pipeline may ship candidates to another process as bare span fields: nothing the second
    pass needs may live outside them (a mention awaiting confirmation must stay pending)."""
    texts = ["She used to drive a snowplough and keeps ferrets.", "We walked past the snowplough depot."]
    direct = run(detector, texts)
    proc = RareDetailProcessor(Rules())
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    shipped = []
    for doc, sdoc in zip(docs, detector.nlp.pipe(texts), strict=True):
        candidates, observation = proc.first_pass(doc, sdoc, [])
        assert texts[0] not in repr(observation)
        observation = pickle.loads(pickle.dumps(observation))
        proc.observe(doc.id, observation)
        rows = [(s.start, s.end, s.label, s.score, s.detector, s.subtype, s.reason) for s in candidates]
        shipped.append([Span(r[0], r[1], r[2], "", r[3], r[4], r[5], r[6]) for r in pickle.loads(pickle.dumps(rows))])
    again = [proc.second_pass(doc, c, []) for doc, c in zip(docs, shipped, strict=True)]
    assert again == direct
    assert [s.text for s in direct[1]] == ["the snowplough depot"]  # confirmed by the first document
    assert run(detector, texts[1:]) == [[]]


def test_names_from_other_recognizers_are_not_rare_words(detector) -> None:
    text = "Her mate Zephyrine used to be a stevedore."
    sdoc = detector.nlp(text)
    name = Span(start=text.index("Zephyrine"), end=text.index("Zephyrine") + 9, label="PERSON")
    proc = RareDetailProcessor(Rules())
    doc = Document(id="x", text=text)
    candidates, observation = proc.first_pass(doc, sdoc, [name])
    proc.observe(doc.id, observation)
    spans = proc.second_pass(doc, candidates, [name])
    assert [s.text for s in spans] == ["used to be a stevedore"]
    assert "zephyrine" not in observation[0]
