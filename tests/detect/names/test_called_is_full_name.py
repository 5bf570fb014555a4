"""A word opening a sentence, then "is" and a person's full name ("Cheery is Navjot Brannagh, 29," "Breezy is
Tove Pemberworth on the chart") introduces what the person is called: the word is a name there and, as any
name that is also a word, where the grammar takes a person later; a role before "is" ("Chair is ...") stays a
word (detect/names/evidence.py called_is_full_name; issue 13, class a; invented names)."""

from __future__ import annotations

import pytest


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("called", "intro"),
    [("Cheery", "Navjot Brannagh, 29, oldest in the house"), ("Breezy", "Tove Pemberworth on the chart")],
)
def test_a_word_introduced_as_a_full_name_is_the_person(detector, called: str, intro: str) -> None:
    text = f"Only a month in at the hostel. {called} is {intro}. Later {called} rang his brother."
    assert people(detector, text).count(called) == 2


def test_a_role_before_a_full_name_stays_a_word(detector) -> None:
    text = "Agenda for Thursday. Chair is Tove Pemberworth. Then the budget."
    assert "Chair" not in people(detector, text)
