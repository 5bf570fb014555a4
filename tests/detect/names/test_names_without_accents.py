"""Names typed without their accents (detect/names/variants.py), on invented text."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.names.variants import NameVariants
from qualdeid.rules import Rules


def test_a_name_is_found_again_typed_without_its_accents(detector) -> None:
    docs = [
        Document("a", "Out on the van tonight with Órlaith, the new student. She was calm with everyone."),
        Document("b", "sat in the van after and orlaith the student was there and she was great"),
    ]
    spans = {d.id: [s.text for s in d.spans if s.label == "PERSON"] for d in detector.detect(docs)}
    assert spans["b"] == ["orlaith"]


def test_a_plain_form_that_is_an_english_word_is_no_variant() -> None:
    variants = NameVariants(Rules())
    assert variants.of("Ân") == set() and "Jose" in variants.of("José") and variants.of("Phượng") == {"Phuong"}


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Rang Tāmati and Zoë at the marae.", "Rang Tamati and Zoe at the marae."),
        ("Plain ASCII text, 12 Hobbs Rd.", "Plain ASCII text, 12 Hobbs Rd."),
        ("", ""),
        ("Ngā mihi — Å", "Nga mihi — A"),  # a dash is no mark: it stays
    ],
)
def test_without_marks_drops_accents_and_macrons_only(text: str, plain: str) -> None:
    from qualdeid.detect.names.lexicon import without_marks

    assert without_marks(text) == plain
