"""Other forms of a person's name that a writer uses beside it in one document (issue 13, class d): pet
forms, parts of a long name, one letter spelled differently. Invented names."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.names.variants import near_form


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Jadey", "Jade"),
        ("Rosie", "Rose"),
        ("Tommy", "Tom"),
        ("Dilly", "Dil"),
        ("Jeet", "Manjeet"),
        ("Dero", "Isidero"),
        ("Bella", "Isabella"),
        ("Tyrise", "Tyrice"),
    ],
)
def test_near_forms_of_a_name(word: str, name: str) -> None:
    assert near_form(word, name)


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Jo", "Joanne"),  # too short to be read as a part
        ("Manjeet", "Manjeet"),  # the name itself
        ("Tyrone", "Tyrice"),  # two letters differ
        ("Bajeet", "Manjeet"),  # one letter, but not the first one kept
        ("Dero", "Dero"),
        ("Annie", "Anne-Marie"),
    ],
)
def test_other_words_are_not_near_forms(word: str, name: str) -> None:
    assert not near_form(word, name)


def people(detector, *texts: str) -> list[str]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [d.text[s.start : s.end] for d in docs for s in d.spans if s.label == "PERSON"]


def test_a_short_form_beside_the_full_name_is_the_person(detector) -> None:
    text = "Anselmo Tsinajinnie fixed the fence on Monday, and since Selmo farms next door he stayed for tea."
    assert "Selmo" in people(detector, text)


def test_a_pet_form_beside_the_full_name_is_the_person(detector) -> None:
    text = "Marisol Pritchett helped with the raffle. Marisoly sold the most tickets of anyone."
    assert "Marisoly" in people(detector, text)


def test_an_unrelated_rare_word_beside_a_name_stays(detector) -> None:
    text = "Marisol Pritchett helped with the raffle. We had Quorn for tea and played Jenga."
    found = people(detector, text)
    assert "Quorn" not in found and "Jenga" not in found


def test_a_pet_form_of_a_name_found_through_the_corpus(detector) -> None:
    # "Dawn" is also a word: the full name is sure through the surname known from the other document
    found = people(
        detector,
        "Mrs Tolliver rang about the rota.",
        "Dawn Tolliver ran the tombola. Dawnie always wins the cake, she says.",
    )
    assert "Dawnie" in found


def test_a_respelled_name_at_the_start_of_a_sentence(detector) -> None:
    text = "Tyrice Okafor came on Monday. Busy morning. Tyrise brought a flask of soup for the group."
    assert "Tyrise" in people(detector, text)
