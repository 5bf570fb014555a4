"""Long documents are detected in parts and come out whole: offsets, fields and names across parts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qualdeid.corpus.model import Document, InputError, Part, Segment, Span
from qualdeid.corpus.readers import Corpus
from qualdeid.corpus.split import PART, cut_points, join_parts, split_corpus, split_document
from qualdeid.detect import DetectConfig, Detector
from qualdeid.detect.rare.processor import RareDetailProcessor
from qualdeid.pseudonymise import Key, Restorer, Scrubber, ScrubConfig
from qualdeid.rules import Rules

PARAGRAPH = "The group met in the long room after lunch and talked about the week ahead of them. " * 3


@pytest.mark.parametrize(
    ("text", "max_chars", "ends"),
    [
        ("aaaaaaaaaa\n\nbbb\ncc dddddddd", 16, [12, 27]),  # a blank line rather than a later line break
        ("aaaaaa bb\ncc dd eeeeeeee", 14, [10, 24]),  # a line break rather than a later space
        ("aaaa bbbbbb. cc dd eeee", 16, [13, 23]),  # a sentence end rather than a later space
        ("x" * 25, 10, [10, 20, 25]),  # nothing to cut at: hard cuts
        ("short", 10, [5]),
    ],
)
def test_parts_end_at_the_best_break_and_never_exceed_the_limit(text: str, max_chars: int, ends: list[int]) -> None:
    assert cut_points(text, max_chars) == ends


def test_a_split_document_comes_back_whole_with_its_spans_at_whole_text_offsets() -> None:
    text = "\n\n".join(f"Entry {i}: {PARAGRAPH}" for i in range(12))
    doc = Document("rec-7", text, segments=[Segment(3, 900, ["a"])], meta={"author": "w1", "_line": 4}, fmt="jsonl")
    doc.parts = [Part(0, len(text), "text", "/text")]
    parts = split_document(doc, 1000)
    assert len(parts) > 3 and all(len(p.text) <= 1000 for p in parts)
    assert "".join(p.text for p in parts) == text and {p.id for p in parts} == {"rec-7"}
    for p in parts:  # as a detector would: a span on every "Entry" of each part
        p.spans = [Span(i, i + 5, "PERSON", "Entry") for i in range(len(p.text)) if p.text.startswith("Entry", i)]
    error = InputError("bad.txt", "the file is empty")
    (first, whole, last) = list(join_parts([error, *parts, error]))
    assert first is error and last is error
    assert whole.text == text and whole.id == "rec-7" and whole.fmt == "jsonl"
    assert whole.meta == {"author": "w1", "_line": 4} and whole.segments == doc.segments
    assert whole.parts == doc.parts
    assert [s.start for s in whole.spans] == [i for i in range(len(text)) if text.startswith("Entry", i)]
    assert all(text[s.start : s.end] == s.text for s in whole.spans)


def test_a_one_shot_corpus_stays_one_shot_and_a_re_iterable_one_re_iterable() -> None:
    docs = [Document("a", "x" * 30), Document("b", "y")]
    one_shot = split_corpus(iter(docs), 10)
    assert iter(one_shot) is one_shot and [d.id for d in one_shot] == ["a", "a", "a", "b"]
    again = split_corpus(docs, 10)
    assert [len(list(again)), len(list(again))] == [4, 4]


@pytest.fixture(scope="module")
def small_batches_detector(detector: Detector) -> Detector:
    """The real detector with batches of 2,000 characters (made once for this file's tests)."""
    return Detector(DetectConfig(batch_chars=2000))


@pytest.fixture
def small_batches(small_batches_detector: Detector) -> Iterator[Detector]:
    """The real detector with batches of 2,000 characters, so that a short test text comes in parts,
    and spaCy refusing texts over 3,000 characters (as it refuses them over a million), so that the
    test fails unless the text went through in parts."""
    small = small_batches_detector
    nlp = small.nlp
    limit, nlp.max_length = nlp.max_length, 3000
    try:
        yield small
    finally:
        nlp.max_length = limit


def test_names_are_found_across_parts_and_in_other_documents(small_batches: Detector) -> None:
    intro = "Dr Philippa Marchetti started on the ward today and took the handover from the night staff."
    later = "Marchetti rang back about the referral in the afternoon."
    text = "\n\n".join([intro, *[PARAGRAPH] * 24, later])
    other = "Nothing much today, Marchetti was off and the rota was short."
    found = list(small_batches.detect([Document("long.txt", text), Document("other.txt", other)]))
    assert [d.id for d in found] == ["long.txt", "other.txt"]
    whole = found[0]
    assert whole.text == text and len(split_document(whole, 2000)) > 2
    persons = [(s.start, whole.text[s.start : s.end]) for s in whole.spans if s.label == "PERSON"]
    assert any("Marchetti" in t for start, t in persons if start < len(intro))
    assert any(t == "Marchetti" for start, t in persons if start >= len(text) - len(later))
    assert any(s.label == "PERSON" and other[s.start : s.end] == "Marchetti" for s in found[1].spans)


def test_the_parts_of_one_document_count_as_one_document_for_rarity() -> None:
    rare = RareDetailProcessor(Rules([]))
    for doc_id in ("long.txt", "long.txt", "long.txt", "other.txt"):
        rare.observe(doc_id, (frozenset({"beekeeping"}), set(), set()))
    assert rare.documents == 2 and rare.doc_counts == {"beekeeping": 2}
    assert PART == "_part"


def test_a_long_document_is_scrubbed_whole_and_restores_exactly(small_batches: Detector, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    text = "\n\n".join(["Dr Philippa Marchetti started on the ward today.", *[PARAGRAPH] * 24, "Marchetti rang."])
    (src / "long.txt").write_text(text, encoding="utf-8")
    key = Key.create(tmp_path / "k" / "study.key", "a passphrase for tests", n=2**12)
    result = Scrubber(key, ScrubConfig(seed="l"), detector=small_batches).scrub(Corpus([src]), tmp_path / "out")
    assert result.ok and result.written == [tmp_path / "out" / "long.txt"], result.errors
    assert "Marchetti" not in (tmp_path / "out" / "long.txt").read_text(encoding="utf-8")
    assert Restorer(key).restore(Corpus([tmp_path / "out"]), tmp_path / "back").ok
    assert (tmp_path / "back" / "long.txt").read_text(encoding="utf-8") == text


def test_a_long_markdown_document_is_scrubbed_in_its_markup_and_restores_exactly(
    small_batches: Detector, tmp_path: Path
) -> None:
    """A document read from its markup, detected in parts: the names are replaced inside the markup
    of every part, and the source comes back byte for byte."""
    src = tmp_path / "in"
    src.mkdir()
    text = "\n\n".join(["# Notes", "**Philippa** Marchetti started on the ward today.", *[PARAGRAPH] * 24])
    text += "\n\nI rang _Marchetti_ back.\n"
    (src / "long.md").write_text(text, encoding="utf-8")
    key = Key.create(tmp_path / "k" / "study.key", "a passphrase for tests", n=2**12)
    result = Scrubber(key, ScrubConfig(seed="l"), detector=small_batches).scrub(Corpus([src]), tmp_path / "out")
    assert result.ok and result.written == [tmp_path / "out" / "long.md"], result.errors
    out = (tmp_path / "out" / "long.md").read_text(encoding="utf-8")
    assert "Marchetti" not in out and "Philippa" not in out and out.startswith("# Notes\n\n**")
    assert Restorer(key).restore(Corpus([tmp_path / "out"]), tmp_path / "back").ok
    assert (tmp_path / "back" / "long.md").read_text(encoding="utf-8") == text
