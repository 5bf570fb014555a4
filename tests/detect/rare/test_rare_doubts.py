"""Rare details in doubt: frame hits that fail the rarity test travel beside the spans, never among them."""

from __future__ import annotations

from qualdeid.corpus.model import Document, Span
from qualdeid.corpus.split import join_parts, split_document
from qualdeid.detect.rare.doubts import DOUBT_DETECTOR, split, uncovered

#: One unusual job in five documents of six: it fails within-corpus rarity (the setting's jargon?).
SHARED = [
    "He told me he was a telegraphist on the railways for years.",
    "Her uncle was a telegraphist before the war.",
    "My dad was a telegraphist too, she said.",
    "I think he was a telegraphist once.",
    "Someone's grandad was a telegraphist.",
]
FILLER = "We had a coffee and talked about the weekend."


def test_a_detail_many_documents_share_is_a_doubt_not_a_span(detector) -> None:
    *shared, filler = list(detector.detect([Document(f"d{i}", t) for i, t in enumerate([*SHARED, FILLER])]))
    for doc in shared:
        assert not [s for s in doc.spans if s.label == "RARE_DETAIL"]
        [d] = doc.doubts
        assert (d.label, d.detector) == ("RARE_DETAIL", DOUBT_DETECTOR)
        assert "telegraphist" in doc.text[d.start : d.end] and d.text == doc.text[d.start : d.end]
        assert "occurs in 5 documents of 6" in (d.reason or "")
    assert filler.doubts == []


def test_a_rare_detail_is_a_span_and_no_doubt(detector) -> None:
    texts = [SHARED[0]] + [FILLER] * 5
    first, *rest = detector.detect([Document(f"d{i}", t) for i, t in enumerate(texts)])
    assert [s.label for s in first.spans if s.label == "RARE_DETAIL"] == ["RARE_DETAIL"]
    assert first.doubts == [] and all(d.doubts == [] for d in rest)


def test_split_and_uncovered() -> None:
    text = "a b c d e f g h"
    found = Span(0, 3, "PERSON", "a b")
    half = Span(0, 5, "RARE_DETAIL", "a b c", 0.3, DOUBT_DETECTOR)
    free = Span(8, 15, "RARE_DETAIL", text[8:15], 0.3, DOUBT_DETECTOR)
    assert split([found, half, free]) == ([found], [half, free])
    assert uncovered([half, free], [found]) == [free]


def test_the_parts_of_a_long_document_keep_their_doubts() -> None:
    text = "word " * 30
    parts = split_document(Document("long", text), 40)
    assert len(parts) > 2
    for p in parts:
        p.doubts = [Span(0, 4, "RARE_DETAIL", p.text[:4], 0.3, DOUBT_DETECTOR)]
    [whole] = list(join_parts(parts))
    starts = [d.start for d in whole.doubts]
    assert len(starts) == len(parts) and starts[0] == 0 and all(text[s : s + 4] == "word" for s in starts)
