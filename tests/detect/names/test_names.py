"""Names: corpus-wide propagation, variants, names that are words (fictional texts in tests/fixtures)."""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURES
from qualdeid.corpus.model import Document, Span
from qualdeid.detect.names.variants import NameVariants, diminutives
from qualdeid.rules import Rules

_MARK = re.compile(r"\[\[(\w+)\|([^\]]+)\]\]")


def _load_marked(path) -> list[tuple[Document, list[Span]]]:
    """Documents in "=== DOC id ===" blocks, gold spans written inline as [[LABEL|text]]."""
    out = []
    for block in re.split(r"^=== DOC (\S+) ===\n", path.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        out.append(block)
    docs = []
    for doc_id, body in zip(out[::2], out[1::2], strict=True):
        text, gold, pos = "", [], 0
        for m in _MARK.finditer(body):
            text += body[pos : m.start()]
            gold.append(Span(len(text), len(text) + len(m.group(2)), m.group(1), m.group(2)))
            text += m.group(2)
            pos = m.end()
        text += body[pos:]
        docs.append((Document(id=doc_id, text=text.strip("\n")), gold))
    return docs


@pytest.fixture(scope="module", params=["names_informal.txt", "names_sloppy.txt", "names_chat.txt", "names_lists.txt"])
def informal(detector, request):
    marked = _load_marked(FIXTURES / request.param)
    found = {d.id: d for d in detector.detect([d for d, _ in marked])}
    return [(found[d.id], gold) for d, gold in marked]


def _covered(span: Span, predicted: list[Span]) -> bool:
    hit = sum(max(0, min(span.end, p.end) - max(span.start, p.start)) for p in predicted)
    return hit * 2 >= span.end - span.start


def test_every_name_form_is_found_across_documents(informal):
    missed = [(doc.id, g.text) for doc, gold in informal for g in gold if not _covered(g, doc.spans)]
    assert missed == []


def test_words_that_are_names_stay_words(informal):
    flagged = {
        (doc.id, s.text.lower())
        for doc, gold in informal
        for s in doc.spans
        if s.label == "PERSON" and not any(s.overlaps(g) for g in gold)
    }
    assert flagged == set()


def test_lowercase_and_possessive_forms_of_a_name_found_elsewhere(detector):
    docs = [
        Document("a", "Yesterday Ottoline Verhoeven joined the art group."),
        Document("b", "sat with ottoline for ages. Ottoline's brother came by later."),
    ]
    spans = {d.id: [s.text for s in d.spans if s.label == "PERSON"] for d in detector.detect(docs)}
    assert "Ottoline Verhoeven" in spans["a"]
    assert spans["b"] == ["ottoline", "Ottoline"]


def test_title_and_surname_span_includes_the_title(detector):
    doc = detector.detect_text(
        "Dr Quennell came to the review. Later Mrs Quennell phoned and Quennell's notes arrived."
    )
    names = [s.text for s in doc.spans if s.label == "PERSON"]
    assert names[:2] == ["Dr Quennell", "Mrs Quennell"]
    assert "Quennell" in names


def test_nickname_of_a_known_name_is_found(detector):
    docs = [
        Document("a", "Bartholomew Ashcombe arrived on Friday."),
        Document("b", "Bart was quiet at dinner, then Barty laughed."),
    ]
    out = {d.id: d for d in detector.detect(docs)}
    assert [s.text for s in out["b"].spans if s.label == "PERSON"] == ["Bart", "Barty"]


def test_heading_is_not_a_person(detector):
    doc = detector.detect_text("Case Vignette\n\nBrief Description: the resident was settling in.")
    assert [s for s in doc.spans if s.label == "PERSON"] == []


def test_name_never_crosses_a_line_break(detector):
    doc = detector.detect_text("Spoke with Imogen\nThompson Road was closed so we walked.")
    assert all("\n" not in s.text for s in doc.spans)


def test_variants_table_goes_both_ways():
    variants = NameVariants(Rules())
    assert "Josh" in variants.of("Joshua")
    assert "Joshua" in variants.of("Josh")
    assert "bec" in variants.of("rebecca")


def test_diminutives_follow_the_consonant_vowel_consonant_pattern():
    assert diminutives("Rob") == {"robbo"}
    assert diminutives("Dave") == {"davo"}
    assert diminutives("Josh") == set()


def test_everyday_word_surname_after_a_title_is_a_name_but_the_word_stays_a_word(detector):
    docs = [
        Document("a", "Mr Park came by with Dr Ward this morning."),
        Document("b", "We walked to the park, then the ward was busy. Later Park said hi."),
    ]
    out = {d.id: [s.text for s in d.spans if s.label == "PERSON"] for d in detector.detect(docs)}
    assert out["a"] == ["Mr Park", "Dr Ward"]
    assert out["b"] == ["Park"]


def test_a_verb_opening_the_sentence_is_not_part_of_the_name(detector):
    doc = detector.detect_text("We had a quiet day. Took Marisol to the shops. Rang Idris after tea.")
    assert [s.text for s in doc.spans if s.label == "PERSON"] == ["Marisol", "Idris"]


def test_code_and_labels_are_not_people(detector):
    doc = detector.detect_text("The AgeRecognizer marks RARE_DETAIL spans for review.")
    assert [s for s in doc.spans if s.label == "PERSON"] == []


def test_speaker_turn_names_are_found_elsewhere_in_the_document(detector) -> None:
    chat = (
        "Orla: anyone free to drive on saturday\n"
        "tamsin: i can do the morning\n"
        "Orla: great, 9ish?\n"
        "tamsin: yep\n"
        "Orla: thanks tamsin you're a star, i'll tell the group tamsin is driving\n"
    )
    doc = detector.detect_text(chat)
    found = [(s.start, s.text) for s in doc.spans if s.label == "PERSON"]
    later = chat.index("thanks tamsin") + len("thanks ")
    assert (later, "tamsin") in found
    assert (chat.index("tamsin is"), "tamsin") in found


def test_a_name_written_in_its_script_after_a_transcribers_note_is_the_same_persons(detector) -> None:
    text = (
        "I: And your brother's name?\nP04: [in English] Basim. [writes in the notebook] باسم. Like this.\n"
        "P04: My daughter Lamis — [writes] لميس — she is at school."
    )
    people = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert "باسم" in people and "لميس" in people
