"""Abbreviations that stand for a role in a transcript, not for a person (detect/names/initials.py):
defined after the words they abbreviate, or the participant's letter answering an interviewer. Invented texts."""

from __future__ import annotations

import pytest

from qualdeid.detect.names.initials import Initials
from qualdeid.rules import Rules

INITIALS = Initials(Rules(), Rules().words("names/not_initials.txt"))


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in INITIALS.find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Relay: the note taker (NT) writes for the sign language interpreter (SLI). NT writes; SLI checks.\nSLI: ok",
        "Moderator (MOD) is new. MOD asked about the bus.\nMOD: Thanks for coming.",
        "Session 2. R brought a flask and sat by the door.\nQ: Ready?\nR: Yes.\nQ: How was it?\nR: Busy.",
    ],
)
def test_role_abbreviations_are_no_people(text: str) -> None:
    assert found(text) == []


def test_initials_defined_after_a_full_name_stay_a_person() -> None:
    text = "Present: Tomasz Wierzba (TW). TW said the room was cold."
    assert found(text).count("TW") == 2


def test_a_single_letter_outside_a_transcript_still_acts() -> None:
    assert found("Handover. P rang at nine. P is upset about the move.") == ["P", "P"]
