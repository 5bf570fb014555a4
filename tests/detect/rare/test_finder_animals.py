"""Unusual animals kept (detect/rare/animals.py), one finder on its own: what it finds, and the
ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "animals"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Her daughter keeps a pet goat in the back garden.", "keeps a pet goat"),
        ("She raised a magpie from a chick.", "raised a magpie from a chick"),
        ("They adopted a tame crow last winter.", "adopted a tame crow"),
        # a flock of small animals, whatever the animal
        (
            "In the yard Wendeline keeps nearly sixty finches in a garden shed.",
            "keeps nearly sixty finches in a garden shed",
        ),
        ("He has over thirty tortoises in the lounge.", "has over thirty tortoises in the lounge"),
        ("She keeps about sixty finches in an aviary.", "keeps about sixty finches in an aviary"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "He has a pet dog called Rex.",
        "He got a lift from a mate.",
        "She walked the neighbour's dog from the corner.",
        "She has about forty fish in the tank.",
        "He keeps three finches in the kitchen.",
        "The shop keeps about sixty finches in stock.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Bronagh keeps a dapple grey mare called Sixpence on the edge of town.",
            "keeps a dapple grey mare called Sixpence on the edge",
        ),
        ("He brought photos of Sixpence, the grey mare she keeps out past the bypass.", "grey mare she keeps"),
        ("Old Ewart keeps a retired army mule.", "keeps a retired army mule"),
    ],
)
def test_a_large_animal_kept(detector, text: str, phrase: str) -> None:
    assert any(phrase in hit for hit in finder_hits(detector, FAMILY, text))


@pytest.mark.parametrize(
    "text",
    [
        "She keeps a horse box in the drive.",  # the animal does not head the phrase
        "He had a horse when he was small.",  # having one is no keeping
        "The farm keeps goats.",  # no person keeps it
        "I keep a diary.",
    ],
)
def test_a_large_animal_kept_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
