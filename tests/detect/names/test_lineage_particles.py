"""Names joined by "d/o", "s/o", "a/l", "a/p" (daughter or son of), as Singapore and Malaysia write them."""

from __future__ import annotations

from qualdeid.corpus.model import Document


def people(detector, text: str) -> list[str]:
    (doc,) = detector.detect([Document("a", text)])
    return [s.text for s in doc.spans if s.label == "PERSON"]


def test_a_name_with_whose_child_it_is(detector) -> None:
    text = "From: Thenmozhi d/o Kuppusamy <tk@example.com>\nSent: Monday\n\nMy son Anbarasan a/l Selvaraj is unwell."
    assert people(detector, text) == ["Thenmozhi d/o Kuppusamy", "Anbarasan a/l Selvaraj"]


def test_the_slash_abbreviations_alone_name_no_one(detector) -> None:
    assert people(detector, "Meds w/o food. Fees d/o Monday. Call s/o Tuesday.") == []
