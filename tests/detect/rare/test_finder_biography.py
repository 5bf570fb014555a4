"""Biographical frames (detect/rare/biography.py), one finder on its own: what it finds, and the
ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "biography"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He drove a snowplough over the pass for nine winters.", "drove a snowplough over the pass for nine winters"),
        ("She is one of the top ten chess players in the state.", "is one of the top ten chess players in the state"),
        ("He was crowned Harvest Queen at the county show.", "was crowned Harvest Queen"),
        (
            "She competes in sheepdog trials at the agricultural shows.",
            "competes in sheepdog trials at the agricultural shows",
        ),
        # a stretch of work judged loosely (then by within-corpus rarity), or told without its verb
        ("I drove long-haul for twelve years.", "drove long-haul for twelve years"),
        ("He worked at the pickle factory for six years.", "worked at the pickle factory for six years"),
        ("Later he told me nine years in the tannery did for his lungs.", "nine years in the tannery"),
        # a job held for a long stretch, an everyday one over a whole career
        ("She was a tram conductor for almost twelve years.", "was a tram conductor for almost twelve years"),
        (
            "He taught evening classes in geology for eleven years.",
            "taught evening classes in geology for eleven years",
        ),
        ("She was a nurse for thirty-one years.", "was a nurse for thirty-one years"),
        ("He drove a delivery van for twenty-two years.", "drove a delivery van for twenty-two years"),
        ("She was the village baker for nineteen years.", "was the village baker for nineteen years"),
        # a member of a team at a level others know
        ("She was in the Scottish junior diving squad years ago.", "was in the Scottish junior diving squad"),
        ("He is in the national under-16 rugby squad.", "is in the national under-16 rugby squad"),
        # what someone won in a pursuit named before the prize, a contest someone went to
        ("Same with Tiri's curling title, it was in the paper.", "Tiri's curling title"),
        (
            "He showed me his lacrosse medals from rowing for the county.",
            "his lacrosse medals from rowing for the county",
        ),
        ("Her cousin went to the national championships in épée.", "went to the national championships"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "He drove a bus for nine years.",
        "She was a nurse for twelve years.",
        "She was the manager for nine years.",
        "He showed people his alpacas on the open day.",
        "He was a member for twelve years.",
        "He was a patient there for ten years.",
        "He never worked for ten years.",
        "She has been a carer for her mum for fifteen years.",
        "She is one of the best people I know.",
        "He was picked up at nine.",
        "She competes in the pub quiz on Thursdays.",
        "He has been hiding the spare keys in the freezer for months.",
        "She worked at the hospital for six years.",
        "She spent two weeks in hospital after the overdose.",
        "He has been off work for three weeks with his back.",
        "She was in the squad for the cup final.",
        "He is in the pub team on Thursdays.",
        "He needs his job title on the letter.",
        "He keeps his many medals in a tin.",
        "We went to the games with his dad.",
        "His medals are in the drawer.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He brought photos of his prize-winning marrows.", "his prize-winning marrows"),
        ("She still talks about her award-winning harpsichord recitals.", "her award-winning harpsichord recitals"),
    ],
)
def test_what_someone_owns_won_prizes(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "We ate at an award-winning restaurant.",  # no one's own
        "The prize-winning entries are on the wall.",
        "Her winning smile won them over.",
    ],
)
def test_prize_winning_that_is_no_ones(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []


def test_a_verb_after_used_to_that_the_tagger_takes_for_a_noun(detector) -> None:
    """ "used to crew on ...": the small model tags "crew" a noun; after "used to" it is the verb of the frame."""
    text = "He used to crew on an oyster dredger out of the bay."
    assert any(hit.startswith("used to crew on an oyster dredger") for hit in finder_hits(detector, FAMILY, text))
