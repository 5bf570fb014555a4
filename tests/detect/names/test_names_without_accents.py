"""Names typed without their accents (detect/names/variants.py), on invented text."""

from __future__ import annotations

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
