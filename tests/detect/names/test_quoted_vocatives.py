"""A listed first name said to someone at the end of a quoted clause is a person, however NER reads it; a
quoted title stays out of this (invented lines)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"Not now Pierce," she said. Fair enough.', "Pierce"),
        ('"Not now Indie," she said. Fair enough.', "Indie"),
        ('She told me so, "I\'m not a baby Julian". Fair enough.', "Julian"),
    ],
)
def test_a_name_closing_a_quote_is_a_person(detector, text: str, name: str) -> None:
    found = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert name in found


def test_an_everyday_word_closing_a_quote_stays_a_word(detector) -> None:
    text = 'She said, "I am not a baby." Then, "We all love Christmas," he said.'
    found = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert "baby" not in found and "Christmas" not in found
