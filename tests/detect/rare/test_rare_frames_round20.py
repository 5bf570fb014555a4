"""Rare details told in ordinary words inside a biographical frame: animals bred, herded or raised as a
trade, a farm animal kept at home, a part of a body part missing, eyes given two colours one by one, a
self-taught skill told in detail and a record at a show. Each frame also has everyday phrases it must
leave alone. All texts are invented."""

from __future__ import annotations

import pytest

from helpers import assert_found, run


@pytest.mark.parametrize(
    ("text", "phrase", "subtype"),
    [
        # a verb of the trade with any pet or farm animal; raising only with an animal the pet lexicon knows
        ("He used to muster yaks for the traders.", "used to muster yaks for the traders", "pet"),
        ("When I was herding llamas my knees were fine.", "was herding llamas", "pet"),
        ("Her uncle breeds budgies.", "breeds budgies", "pet"),
        # a farm animal kept at home
        ("They kept a live pig on the balcony for a week.", "kept a live pig on the balcony", "pet"),
        # a share of a body part missing, with its cause
        (
            "He is missing the top of his right thumb from a chainsaw accident.",
            "is missing the top of his right thumb from a chainsaw accident",
            "physical_trait",
        ),
        ("She is missing the end of her little finger.", "is missing the end of her little finger", "physical_trait"),
        # eyes of two colours, one by one
        ("To spot her: one eye is hazel and the other is green.", "one eye is hazel and the other is green", None),
        ("One of his eyes is blue and the other grey.", "One of his eyes is blue and the other grey", None),
        # a self-taught skill told in detail, though its words are common
        (
            "Dai taught himself to fix old tower clocks for chapels.",
            "taught himself to fix old tower clocks for chapels",
            "hobby",
        ),
        # a record at a show
        ("He grew the heaviest pumpkin at the village show.", "grew the heaviest pumpkin at the village show", None),
    ],
)
def test_details_in_biographical_frames_are_found(detector, text: str, phrase: str, subtype: str | None) -> None:
    assert_found(detector, text, phrase, subtype)


@pytest.mark.parametrize(
    "text",
    [
        "She raised three kids on her own.",
        "They raised chickens in the backyard.",
        "He raised money for the hospice.",
        "We herded the children into the hall.",
        "He showed me his budgies.",
        "We went to see live music.",
        "He is missing the end of the film.",
        "One eye was red from crying and the other was fine.",
        "One car is blue and the other is green.",
        "I taught myself to cook during lockdown.",
        "She taught herself to play guitar in her bedroom.",
        "We had the best time at the fair.",
    ],
)
def test_everyday_phrases_in_those_frames_stay(detector, text: str) -> None:
    [spans] = run(detector, [text])
    assert not [s.text for s in spans if s.label == "RARE_DETAIL"]
