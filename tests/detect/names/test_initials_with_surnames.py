"""Dotted initials, double-barrelled ones included, and a first name's initial before a surname are people
(issue 13, classes c and d: papers, forms and notes). Invented names."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def people(detector, text: str) -> list[str]:
    [doc] = detector.detect([Document(id="d", text=text)])
    return [doc.text[s.start : s.end] for s in doc.spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Two coders (J.W. and S.L.-K.) coded the first transcripts.", "S.L.-K"),
        ("Consent to store data: [x] signed     Signature: M.B.-O.", "M.B.-O"),
        ("P.Q.R. designed the study; D.E.F.-N. collected data.", "D.E.F.-N"),
    ],
)
def test_double_barrelled_initials_are_one_person(detector, text: str, initials: str) -> None:
    assert initials in people(detector, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Referred to:\n   T. Okonkwo (lawyer, volunteer) - housing", "T. Okonkwo"),
        ("A home visit with the interpreter (S. Haque, Bengali).", "S. Haque"),
    ],
)
def test_an_initial_before_a_surname_is_a_person(detector, text: str, name: str) -> None:
    assert name in people(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "She moved to N. Ireland last year.",
        "Go with plan B. Okay, so then we left.",
        "Low in vitamin D. Then the GP rang.",
        "See section C. Housing is the main issue.",
    ],
)
def test_an_initial_before_a_place_or_an_everyday_word_is_no_person(detector, text: str) -> None:
    assert people(detector, text) == []
