"""What completes a detail's fact after its phrase (``Frames.run_on`` of detect/rare/frames.py): the
subject's own emphasis and the time after it ("herself in the fifties"), the time of life ("as a
teenager"), where a kept animal came from ("she inherited from her cousin") and an appositive that
says what a rare word means. Lists and what follows them stay out. All texts are invented."""

from __future__ import annotations

import pytest

from helpers import rare_details


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Her grandmother was a wheelwright herself in the fifties.", "was a wheelwright herself in the fifties"),
        ("He used to breed geckos as a teenager.", "used to breed geckos as a teenager"),
        ("She keeps a chinchilla she inherited from her cousin.", "keeps a chinchilla she inherited from her cousin"),
        (
            "He served as the harbourmaster, the port's pilot, for the whole coast.",
            "served as the harbourmaster, the port's pilot, for the whole coast",
        ),
    ],
)
def test_runs_on_over_what_completes_the_fact(detector, text: str, phrase: str) -> None:
    assert phrase in rare_details(detector, text)


def test_a_second_verb_after_the_emphasis_is_another_fact(detector) -> None:
    text = "Her grandmother was a wheelwright herself in the fifties and taught my uncle at the forge."
    assert "was a wheelwright herself in the fifties" in rare_details(detector, text)


def test_a_list_is_no_appositive(detector) -> None:
    assert "breeds geckos" in rare_details(detector, "She breeds geckos, the dogs, and a cat.")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Turns out he restores concertinas by ear, learnt from his aunt in Valga.",
            "restores concertinas by ear, learnt from his aunt in Valga",
        ),
        (
            "Turns out she carves soapstone like her aunty showed her.",
            "carves soapstone like her aunty showed her",
        ),
        ("Marta plays the hurdy-gurdy, picked it up from her nan.", "plays the hurdy-gurdy, picked it up from her nan"),
        (
            "He plays the zithers, learnt off a Breton fisherman as a boy.",
            "plays the zithers, learnt off a Breton fisherman as a boy",
        ),
    ],
)
def test_runs_on_over_where_a_skill_came_from(detector, text: str, phrase: str) -> None:
    assert phrase in rare_details(detector, text)


@pytest.mark.parametrize(
    "text", ["He plays the zithers, learned from his mistakes.", "He plays the zithers, learned from a book."]
)
def test_learning_from_no_person_is_no_source(detector, text: str) -> None:
    found = rare_details(detector, text)
    assert found and not any("learned" in d for d in found)
