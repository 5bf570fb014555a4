"""A word no list holds, on a line of people after its label and described in brackets as a person is
("Present: XQ (mum), Ottolie (Y4, home early)"): a person, and then wherever the document uses it
(detect/names/processor.py; issue 13, class e). Invented texts."""

from __future__ import annotations


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


def test_a_described_word_on_a_roll_line_is_a_person_wherever_it_stands(detector) -> None:
    text = (
        "Present: XQ (mum), ZT (dad), Ottolie (Y4, home early - dental appt).\n"
        "- Ottolie: reading level - emailed the coordinator.\n"
    )
    assert people(detector, text).count("Ottolie") == 2


def test_a_role_or_a_day_described_on_a_roll_line_is_no_person(detector) -> None:
    assert people(detector, "Attendees: Manager (chair), Monday (notes), Quorvina (volunteer)") == ["Quorvina"]
    assert people(detector, "Present: Tuesday (10am), Housing (lead)") == []
