"""A club named by what its supporters wear and a unit of the armed forces named by its number are
organisations to replace, with a placeholder that keeps their kind (issue 11, must-be-true 1 and 6)."""

from __future__ import annotations

import pytest

from qualdeid.compose.placeholders import Placeholders
from qualdeid.compose.targets import Targets
from qualdeid.corpus.model import Document
from qualdeid.pseudonymise.people import RoleWords


@pytest.fixture(scope="module")
def targets() -> Targets:
    return Targets([], Placeholders(), RoleWords.load())


def found(targets: Targets, text: str) -> list[tuple[str, str]]:
    doc = Document("d", text)
    return [(text[t.start : t.end], t.label) for t in targets.in_window(doc, 0, len(text), None, None)]


@pytest.mark.parametrize(
    ("text", "club"),
    [
        ("Then she came in wearing a Quillmoor scarf, grinning.", "Quillmoor"),
        ("He still sleeps under an old Tarrowby Rovers blanket.", "Tarrowby Rovers"),
    ],
)
def test_a_club_named_before_what_supporters_wear_is_an_organisation(targets: Targets, text: str, club: str) -> None:
    assert (club, "ORGANIZATION") in found(targets, text)


@pytest.mark.parametrize(
    "text", ["She knitted a Christmas jersey.", "He brought an Army blanket.", "It was a Scottish scarf."]
)
def test_a_holiday_a_people_or_a_common_word_before_a_scarf_is_no_club(targets: Targets, text: str) -> None:
    assert targets.clubs(text, 0, len(text), []) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Her grandad served with the 7th Battalion for years.", "7th Battalion"),
        ("Dad joined 2/9th Field Regiment at nineteen.", "2/9th Field Regiment"),
        ("He flew with the Third Squadron.", "Third Squadron"),
    ],
)
def test_a_numbered_unit_of_the_armed_forces_is_an_organisation(targets: Targets, text: str, unit: str) -> None:
    assert (unit, "ORGANIZATION") in found(targets, text)


def test_the_placeholders_keep_the_kind() -> None:
    p = Placeholders()
    assert p.make("ORGANIZATION", "Quillmoor", "wearing a ", " scarf, grinning") == "[club]"
    assert p.make("ORGANIZATION", "7th Battalion", "served with the ", " for years") == "[military unit]"
    assert p.make("ORGANIZATION", "Quillmoor", "rang ", " today") == "[an organisation]"
