"""Placings, representing a country, losing a body part (detect/rare/verbs.py), one finder on its own: what it finds,
and the ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "verbs"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "She came second in the national sheepdog championships.",
            "came second in the national sheepdog championships",
        ),
        ("Back then he boxed for the navy.", "boxed for the navy"),
        ("He played hockey for Scotland as a teenager.", "played hockey for Scotland as a teenager"),
        ("She lost two fingers in a sawmill accident.", "lost two fingers in a sawmill accident"),
        ("He boxed semi-pro before the kids came along.", "boxed semi-pro before the kids"),
        ("He boxed professional at welterweight before the drink took over.", "boxed professional at welterweight"),
        ("He lost both his little toes to frostbite on the trapline.", "lost both his little toes to frostbite"),
        (
            "He lost his right arm below the elbow when the tractor rolled on the hill.",
            "lost his right arm below the elbow when the tractor rolled on the hill",
        ),
        # a part of a body part
        ("He lost the tip of his thumb in a bandsaw.", "lost the tip of his thumb in a bandsaw"),
        ("I lost feeling in three fingers on the bottling line.", "lost feeling in three fingers on the bottling line"),
        # a place in a side (keeping goal, opening the batting) held for a country or a national team
        ("He kept goal for Ghana at the junior cup.", "kept goal for Ghana at the junior cup"),
        ("She opened the batting for Lancashire's under-19s.", "opened the batting for Lancashire's under-19s"),
        ("He used to keep goal for the national under-21s.", "used to keep goal for the national under-21s"),
        # a place in a nation's league, the nation named by an adjective
        ("She played centre-back in the Latvian second division.", "played centre-back in the Latvian second division"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "He played cards for money on Fridays.",
        "She lost her keys in the park.",
        "We came home early on the bus.",
        "She lost all her receipts when the bag split on the bus.",
        "She lost the end of the film when the power went.",
        "I lost interest in the game.",
        "He lost it",  # a text that ends at the verb's object
        "He lost all feeling for her years ago.",
        # keeping or opening something for a county or a country that is no place in a side
        "We kept a seat for the county councillor.",
        "She opened a shop for the army veterans.",
        "I kept the receipts for the national insurance office.",
        "He kept goal for the pub team on Sundays.",
        "He played darts in the local pub league.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "In the old photo she is in her jersey, sprinter for Latvia at the European championships.",
            "sprinter for Latvia at the European championships",
        ),
        ("He was reserve goalkeeper for the national side for a season.", "reserve goalkeeper for the national side"),
    ],
)
def test_a_player_for_a_country_told_without_a_verb(detector, text: str, phrase: str) -> None:
    assert any(phrase in hit for hit in finder_hits(detector, FAMILY, text))


@pytest.mark.parametrize(
    "text",
    [
        "She is a key player for the charity.",  # no country, no national side
        "He was goalkeeper for the pub team.",
    ],
)
def test_a_player_for_no_country(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
