"""Rare details written loosely, as other writers put them: missing parts, eyes of two colours,
animals with a missing part, owned exotic animals, teams represented, rare events survived, unusual
marriages and upbringings, rare trades, fame, feats and crafts. Each mechanism also has ordinary
phrases it must leave alone. All texts are invented."""

from __future__ import annotations

import pytest

from helpers import assert_found, run


@pytest.mark.parametrize(
    ("text", "phrase", "subtype"),
    [
        # parts absent or missing, told loosely
        ("Tam was born w/o a left hand.", "born w/o a left hand", "physical_trait"),
        ("The end of his little finger is missing.", "The end of his little finger is missing", "physical_trait"),
        ("Two of her toes are gone since the frostbite.", "Two of her toes are gone", "physical_trait"),
        # eyes of two colours
        ("She has one green eye and one brown.", "one green eye and one brown", "physical_trait"),
        ("His eyes are two different colours.", "His eyes are two different colours", "physical_trait"),
        ("He has eyes of different colours.", "eyes of different colours", "physical_trait"),
        # animals with a missing part, exotic animals owned
        ("Her one-eyed terrier follows her everywhere.", "Her one-eyed terrier", "pet"),
        ("They adopted a three-legged collie.", "a three-legged collie", "pet"),
        ("He was going on about his scorpion again.", "his scorpion", "pet"),
        ("She misses her axolotls while she is here.", "her axolotls", "pet"),
        ("He knew a one-armed fisherman.", "a one-armed fisherman", "physical_trait"),
        # rare trades and pastimes written with or without a hyphen
        ("Her granddad was a cockle-picker on the estuary.", "was a cockle-picker", "occupation"),
        ("She worked as a dry-stone waller.", "worked as a dry-stone waller", "occupation"),
        ("He took up ice-climbing after the divorce.", "ice-climbing", "hobby"),
        # a country stood for, events survived, a band's hit record
        ("He represented Scotland at fencing.", "represented Scotland at fencing", None),
        ("She survived a glider crash.", "survived a glider crash", "life_event"),
        ("He was trapped in a landslide as a boy.", "was trapped in a landslide", "life_event"),
        ("Her old band had a number one hit.", "had a number one hit", "life_event"),
        # marrying again
        ("She married him twice.", "married him twice", "family"),
        ("He has married the same woman two times.", "married the same woman two times", "family"),
        ("She has been married six times.", "has been married six times", "family"),
        # crafts named by their object
        ("He makes guitars in his garage.", "makes guitars", "hobby"),
        ("She used to make saddles.", "used to make saddles", "hobby"),
    ],
)
def test_loosely_told_details_are_found(detector, text: str, phrase: str, subtype: str | None) -> None:
    assert_found(detector, text, phrase, subtype)


@pytest.mark.parametrize(
    "text",
    [
        "Her car keys are missing again.",
        "His phone is gone, he thinks someone took it.",
        "Two of the chairs are missing from the lounge.",
        "Her eyes were red from crying.",
        "The walls are two different colours now.",
        "She has one brother and one sister.",
        "The kids ran a three-legged race at the fete.",
        "He lost twenty dollars on the one-armed bandits.",
        "She watered her spider plant.",
        "He laughed about his crow's feet.",
        "A spider ran across the floor and she screamed.",
        "He wore his Magpies beanie to the match.",
        "She has been married twice and has two kids.",
        "He married her in the spring.",
        "They went to Scotland for a holiday.",
        "She got caught in the rain after group.",
        "He was trapped in the lift for a minute.",
        "He grows chillies and basil on the windowsill.",
        "She bought a guitar at the op shop.",
        "He fixed the clock in the lounge.",
    ],
)
def test_loosely_told_patterns_leave_ordinary_content_alone(detector, text: str) -> None:
    assert run(detector, [text]) == [[]], text
