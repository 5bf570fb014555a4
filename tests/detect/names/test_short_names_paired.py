"""A two-letter name no list holds, joined by "and" to a person as they do something together, is a person
(invented diary lines)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("name", ["Fo", "Wa"])
def test_a_two_letter_name_beside_a_person_is_a_person(detector, name: str) -> None:
    text = f"Birthday at the centre today. Hinewai and {name} sang happy birthday and {name} did it to a whistle."
    found = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert found.count(name) == 2


def test_short_words_beside_a_person_stay_words(detector) -> None:
    text = "Ruth and Mum went to the shop. Tom and Dr Okafor talked. Ruth and Me left early."
    found = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert not any(w in found for w in ("Mum", "Dr", "Me"))
