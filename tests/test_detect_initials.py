"""Initials in capitals as people (detect/initials.py): found by person context, not for abbreviations."""

from __future__ import annotations

import pytest

from qualdeid.detect.initials import initials_as_names
from qualdeid.detect.rules import Rules

NOT_INITIALS = frozenset(Rules().words("names/not_initials.txt"))


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in initials_as_names(text, NOT_INITIALS)]


def test_initials_in_a_person_context_are_found_everywhere_in_the_document() -> None:
    text = "On shift: TK + JB. Sat w/ TK in the quiet room. Later TK walked him out. JB on call."
    assert found(text) == ["TK", "TK", "TK"]  # JB never acts as a person


def test_a_single_letter_needs_its_own_person_context() -> None:
    assert found("A lad I'll call him Q because he'd hate this. Q texted me after.") == ["Q", "Q"]
    assert found("Plan B is fine. Ward C was busy. Took vitamin D said nobody.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Saw the GP said to rest.",  # an article: a role, not a person
        "Rang CPN today, she said fine.",  # a listed abbreviation
        "HE SAID NO AND SHE WALKED OUT.",  # shouting
        "OK said Jo.",
    ],
)
def test_abbreviations_and_shouting_are_not_initials(text: str) -> None:
    assert found(text) == []
