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


def test_a_field_word_the_document_uses_as_a_nickname_is_a_name(detector) -> None:
    # "quote" is a form's field label (rules/lexicons/field_labels.txt), never written as one here
    text = (
        "Went with Zoltan Farkas to the boxing club on Monday. Quote is 31 and was a county champion as a boy. "
        "I told Quote I used to work nights, and he laughed. Later Quote went very quiet and I got us out quick."
    )
    assert people(detector, text).count("Quote") == 3


def test_a_field_word_the_document_writes_as_a_label_stays_a_word(detector) -> None:
    text = (
        "Update: plan agreed with the team.\nWe sent the notes to Rosa. Then Update was filed, and later Update "
        "has gone to the board."
    )
    assert "Update" not in people(detector, text)


def test_a_listed_first_name_that_is_a_field_word_stays_the_person_it_acts_as(detector) -> None:
    # "Eta" is a listed first name and a field label ("ETA: 14:20"); finalise no longer drops it as a field
    text = (
        "Session notes\nWent with Zoltan Farkas to the club on Monday. Eta is 31 and was a champion as a boy. "
        "I told Eta I used to cook, and Eta laughed."
    )
    assert people(detector, text).count("Eta") == 3
    assert "Eta" not in people(detector, "Taxi booked for the airport.\nEta: 14:20\nDriver: blue estate car")
    titled = "Eta and plans, 3 May\n\nWent with Zoltan Farkas to the club.\nEta to self: ring back."
    assert "Eta" not in people(detector, titled)


def test_an_everyday_word_that_owns_a_relative_and_acts_is_a_name(detector) -> None:
    # a chat among parents: the nickname is capitalised only in brackets and at a line's start
    text = (
        "Class 4 parents\n\nPriya (Gravel's mum): sorry all. Gravel broke his wrist at footy yesterday, "
        "he's fine.\nTomasz: oh no! hope he heals quick"
    )
    assert people(detector, text).count("Gravel") == 2


@pytest.mark.parametrize(
    "text",
    [
        # a relative but no other act of a person
        "Ladle's mum was in the garden. The ladles hang by the stove.",
        # an act but no relative
        "Thunder rolled all night. Thunder is forecast again tonight.",
        # after an article: a thing's name
        "The Heron's old boss wrote. The Heron's brother pub closed, the Heron reopened.",
    ],
)
def test_a_word_without_both_a_relative_and_a_person_act_stays_a_word(detector, text: str) -> None:
    assert [s.text for s in detector.detect_text(text).spans if s.detector == "names"] == []
