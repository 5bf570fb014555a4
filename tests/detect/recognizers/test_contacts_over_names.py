"""An e-mail address with a name in it and an unlisted domain ending stays one contact, and a boat's
registration number is not read as a place (rules/recognizers/contact.yaml, ids.yaml). Invented examples."""

from __future__ import annotations


def test_email_with_the_persons_name_is_one_contact(detector) -> None:
    text = "Met Aiga Ozoliņa at the hall. Later she wrote (from aiga.ozol@post.example, not her phone)."
    spans = detector.detect_text(text).spans
    assert ("CONTACT", "aiga.ozol@post.example") in {(s.label, s.text) for s in spans}
    assert not [s for s in spans if s.label == "PERSON" and s.start >= text.index("aiga.ozol")]


def test_boat_registration_is_an_id_not_a_place(detector) -> None:
    text = "Her brother fishes on his uncle's crab boat, the WA 5521 PN, most mornings."
    assert [(s.label, s.text) for s in detector.detect_text(text).spans] == [("ID", "WA 5521 PN")]
