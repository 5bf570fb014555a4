"""A practice named by a rare or foreign word (detect/rare/practice.py), one finder on its own: what it
finds, and the ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "practice"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("At every party he played the bandura until somebody took it off him.", "played the bandura"),
        ("She is also a gifted bandura player, which has nothing to do with work.", "a gifted bandura player"),
        ("He carves taiaha for the marae and sells them.", "carves taiaha"),
        ("Lately she has been repairing tivaevae quilts for the church.", "has been repairing tivaevae quilts"),
        ("Ines plays the oboe in the evenings.", "plays the oboe in the evenings"),
        ("He played concertina at ceilidhs all over the county.", "played concertina at ceilidhs"),
        ("I used to play the organ at the chapel.", "used to play the organ at the chapel"),
        ("Marta brought her cello down to the lounge.", "her cello"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    hits = finder_hits(detector, FAMILY, text)
    assert any(hit.startswith(phrase) for hit in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        "He plays the guitr badly.",  # a typo of an English word
        "We build a shared codebook every spring.",  # two English words joined
        "He makes roti for everyone on Sundays.",  # a dish, not a craft
        "He plays the pokies every payday.",  # an everyday pastime (rules/rare/common.txt)
        "She plays the guitar in the lounge.",  # an ordinary instrument
        "He plays piano when the lounge is empty.",  # an ordinary instrument
        "She left her violin at her sister's.",  # owned only, and not rare enough for that
        "The organ donor card was in his wallet.",  # an instrument's word, but nobody plays it
        "The whānau came to visit and we had kai.",  # everyday words of te reo Māori
    ],
)
def test_leaves_ordinary_words(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []


def test_an_english_adjective_before_a_role_is_no_practice(detector) -> None:
    assert finder_hits(detector, FAMILY, "He works as a sessional tutor at the college.") == []
