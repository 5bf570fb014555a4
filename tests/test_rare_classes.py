"""Rare details written loosely, as other writers put them: missing parts, eyes of two colours,
animals with a missing part, owned exotic animals, teams represented, rare events survived, unusual
marriages and upbringings, rare trades, fame, feats and crafts. Each mechanism also has ordinary
phrases it must leave alone. All texts are invented."""

from __future__ import annotations

import pytest

from test_rare import assert_found, run


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
        ("He was going on about his tarantula again.", "his tarantula", "pet"),
        ("She misses her axolotls while she is here.", "her axolotls", "pet"),
        ("He knew a one-armed fisherman.", "a one-armed fisherman", "physical_trait"),
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
    ],
)
def test_loosely_told_patterns_leave_ordinary_content_alone(detector, text: str) -> None:
    assert run(detector, [text]) == [[]], text
