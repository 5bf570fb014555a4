"""Everyday words a document uses as someone's name (detect/names/repeated.py), on invented text."""

from __future__ import annotations

import pytest


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


def test_an_everyday_word_capitalised_mid_sentence_and_acting_is_a_name(detector) -> None:
    text = (
        "Subject: photos for Treasure\n\nI'm Treasure's youth worker at the hall. Treasure is singing two songs. "
        "It's up to you and Treasure. Treasure mentioned she has won a prize."
    )
    assert people(detector, text).count("Treasure") == 5


@pytest.mark.parametrize(
    "text",
    [
        "Thank God for the weekend. I said to God please help. God knows I tried.",  # listed in not_places.txt
        "We posted on Facebook again. Facebook's rules changed, I saw on Facebook.",  # NER: an organisation
        "I read about Recovery and Hope. Recovery taught me a lot, and my Recovery is going well.",
        "We met at the Boathouse. The Boathouse was busy, the Boathouse's cafe too.",  # after an article
        "Treasure is a lovely word. I count every treasure.",  # capitalised once only, at a sentence start
    ],
)
def test_capitalised_words_that_name_no_one_stay_words(detector, text: str) -> None:
    # the names detector's own spans (NER may still read "the Boathouse" as a person; finalise judges that)
    assert [s.text for s in detector.detect_text(text).spans if s.detector == "names"] == []
