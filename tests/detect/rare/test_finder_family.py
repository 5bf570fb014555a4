"""Unusual family situations (detect/rare/family.py), one finder on its own: what it finds, and the
ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "family"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He was one of eleven kids in a two-bedroom house.", "one of eleven kids"),
        ("She was raised by her nan in a caravan.", "was raised by her nan in a caravan"),
        ("She grew up in a lighthouse on the coast.", "grew up in a lighthouse"),
        ("She was adopted at six by a couple from the city.", "was adopted at six by a couple"),
        ("The youngest of fourteen, he left home early.", "The youngest of fourteen"),
        ("He grew up on his aunt's goat farm up the valley.", "grew up on his aunt's goat farm"),
        ("After the divorce he lived in his van for a winter.", "lived in his van for a winter"),
        ("Odile is expecting triplets and the flat is on the fourth floor.", "is expecting triplets"),
        ("She was pregnant with quads when the flat flooded.", "was pregnant with quads"),
        ("Last winter she miscarried twin boys.", "miscarried twin boys"),
        ("She had triplets in the spring and barely sleeps.", "had triplets"),
        ("At nineteen he rears his three younger sisters alone.", "rears his three younger sisters"),
        ("She reared her cousin's three sons after the flood.", "reared her cousin's three sons"),
        ("She brought up her grandkids when her daughter went away.", "brought up her grandkids"),
        # someone's own multiple birth past twins, having a twin
        ("Wendeline wheeled their triplets to the gala in matching hats.", "their triplets"),
        ("Benedek's quads start nursery next week.", "Benedek's quads"),
        ("He only learnt last year that he had a twin.", "had a twin"),
        ("She has an identical twin brother in the navy.", "has an identical twin brother"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "She was one of three kids.",
        "He was raised by his parents in town.",
        "He grew up in a house near the shops.",
        "The first of ten sessions went well.",
        "I grew up on the same estate as half the residents.",
        "He has lived in the flat for years.",
        "She spent two weeks in hospital after the overdose.",
        "She has twins in her class at school.",
        "The twins next door were loud again.",
        "She is expecting visitors on Sunday.",
        "She gave up the allotment when she was pregnant with the triplets.",
        "She raised her concerns with her brother.",
        "He raised his hand to his sister.",
        "He was raising money for his nephew's school.",
        "She raised her son on her own.",
        "She has a twin room booked for Friday.",
        "I had a look at the twin beds in the shop.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
