"""Rare details told by a biographical frame rather than a lexicon word (detect/rare/biography.py)."""

from __future__ import annotations

import pytest

from helpers import covered, run
from qualdeid.detect.rare.biography import agent_nouns


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a stretch of unusual work: judged by the job it names, or by the rarity of its words
        ("He dug wells by hand in the hills for twenty years.", "dug wells by hand in the hills for twenty years"),
        ("She spent four summers ringing birds on a remote island.", "spent four summers ringing birds"),
        ("He drove a gritter along the motorway for six winters.", "drove a gritter along the motorway"),
        ("My uncle worked two seasons on a whaling ship.", "worked two seasons on a whaling ship"),
        # a machine known by its brand name, capitalised
        ("She used to drive the Unimog for the council.", "used to drive the Unimog"),
        # rankings and selections
        ("She was one of the top five squash players in the country.", "one of the top five squash players"),
        ("He was one of the first men qualified as a midwife there.", "one of the first men qualified as a midwife"),
        ("She was crowned Apple Blossom Princess as a teenager.", "was crowned Apple Blossom Princess"),
        ("He got picked for the national junior rowing squad.", "got picked for the national junior rowing squad"),
        # media roles, competing, animals by what they do
        ("She writes the gardening column for the county newspaper.", "writes the gardening column for the county"),
        ("He does the late-night jazz show on student radio.", "does the late-night jazz show on student radio"),
        ("She competes in dressage at the regional championships.", "competes in dressage"),
        ("He has a magpie that sits on his shoulder at the bus stop.", "a magpie that sits on his shoulder"),
        # crafts and habits whose verb the small tagger reads as a noun
        ("Marnie carves spoons from driftwood.", "carves spoons from driftwood"),
        # bodies with their cause, organs given, wild animals kept
        ("He has a fibreglass arm after the harvester caught him.", "a fibreglass arm after the harvester caught"),
        ("She was stung by a stingray while diving off the reef.", "was stung by a stingray while diving"),
        ("He has one blue eye and one brown one.", "has one blue eye and one brown one"),
        ("She donated part of her liver to her son.", "donated part of her liver to her son"),
        ("He keeps a jackdaw he rescued that rides in his hood.", "a jackdaw he rescued that rides in his hood"),
    ],
)
def test_biographical_frames_find_the_detail(detector, text: str, phrase: str) -> None:
    [spans] = run(detector, [text])
    assert covered(text, phrase, spans), [s.text for s in spans]


@pytest.mark.parametrize(
    "text",
    [
        "He drove a bus for ten years before he retired.",
        "She cleaned houses for twelve years.",
        "He answered phones at a call centre for six years.",
        "She spent two summers picking fruit.",
        "He spent a year living in a flat above a shop.",
        "She lived with her nan for a few years.",
        "He took lithium for a decade.",
        "She was one of the top students in her class.",
        "It was one of the best days of my life.",
        "He was chosen as team leader at work.",
        "She got picked for the school choir.",
        "He does the crossword every morning.",
        "She listens to the radio all day.",
        "He reads the paper with his coffee.",
        "He competes in the quiz at the pub.",
        "Her dog sleeps on her bed every night.",
        "She knits scarves for the grandkids.",
        "He still rides his bike to the shops.",
        "She gave her brother one of her biscuits.",
        "He has a kidney infection again.",
        "A jackdaw sat on the fence outside.",
        "He does the news quiz on the radio.",
        "She entered a raffle at the fete.",
    ],
)
def test_biographical_frames_leave_ordinary_content_alone(detector, text: str) -> None:
    assert run(detector, [text]) == [[]]


def test_agent_nouns_name_who_does_the_work() -> None:
    assert "digger" in agent_nouns("dig")
    assert agent_nouns("tune") == ("tuner",)
    assert "shearer" in agent_nouns("shear")
