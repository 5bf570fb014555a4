"""Rare events and feats (detect/rare/events.py), one finder on its own: what it finds, and the
ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "events"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He once shook hands with the Queen outside the town hall.", "once shook hands with the Queen"),
        ("She pulled two kids out of a burning car.", "pulled two kids out of a burning car"),
        ("She was in all the papers after the flood.", "was in all the papers"),
        ("He has run over a hundred marathons.", "has run over a hundred marathons"),
        ("She married her first cousin in a registry office.", "married her first cousin"),
        ("He can recite the whole poem from memory.", "can recite the whole poem from memory"),
        ("He was struck by lightning on the golf course.", "was struck by lightning"),
        ("She survived a ferry fire in the strait as a girl.", "survived a ferry fire in the strait"),
        ("He was pulled out of the surf by two fishermen.", "was pulled out of the surf"),
        # a win told as repeated
        (
            "She won the sheepdog trials at the county show four years running.",
            "won the sheepdog trials at the county show four years running",
        ),
        ("He has twice won the sheaf toss at the gathering.", "has twice won the sheaf toss at the gathering"),
        ("She won the sheaf toss three years in a row back then.", "won the sheaf toss three years in a row"),
        ("He won it four times before he retired.", "won it four times"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "We watched the Queen's speech on the telly.",
        "He pulled the weeds out of the garden.",
        "He read all the papers on Sunday.",
        "He has run three marathons.",
        "She married her boyfriend in spring.",
        "We survived the weekend somehow.",
        "She survived an overdose last year.",
        "The letter was pulled out of the drawer.",
        "They won the raffle last year.",
        "She won two prizes at the fete.",
        "He won the quiz once in ten years.",
        "The team won three times this season.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
