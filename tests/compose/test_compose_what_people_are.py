"""Words that say what people are or when something was, not who or where (must-be-true 1): a capitalised
word before a moment of history or a plural noun of people, an age band of the teens."""

from __future__ import annotations

import pytest

from qualdeid.compose.targets import Targets


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Her gran was one of the Quillhaven generation.", "Quillhaven", "PERSON"),
        ("She wrote about the Brackmoor war for the newsletter.", "Brackmoor", "LOCATION"),
        ("I lived in a caravan in my teens, so I get it.", "teens", "AGE"),
        ("She was in her teens when it started.", "teens", "AGE"),
    ],
)
def test_history_and_age_bands_stay(targets: Targets, text: str, value: str, label: str) -> None:
    start = text.index(value)
    assert targets.kind(text, start, start + len(value), label) is None


def test_a_name_before_other_words_is_still_one(targets: Targets) -> None:
    text = "Quillhaven rang the office twice."
    assert targets.kind(text, 0, len("Quillhaven"), "PERSON") == "PERSON"


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("she signs with the Deaf kids at the pool", len("she signs with the Deaf"), True),
        ("Deaf people run the group", len("Deaf"), True),
        ("Deaf rang the office", len("Deaf"), False),
    ],
)
def test_a_plural_noun_of_people_after_a_word(targets: Targets, text: str, end: int, expected: bool) -> None:
    assert targets.people_described(text, end) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("asked dr q about the new tablets", [("dr q", "PERSON")]),
        ("Mr. Q came by after lunch.", [("Q", "PERSON")]),  # the title stays, as for any name after it
        ("the dr x-rayed his wrist", []),
    ],
)
def test_a_title_and_one_letter_is_a_person(targets: Targets, text: str, expected) -> None:
    from helpers import targets_in_window

    assert targets_in_window(targets, text) == expected


@pytest.mark.parametrize(
    ("text", "value", "label", "expected"),
    [
        ("He rubbed some Quorvo Balm on his knee.", "Quorvo Balm", "PERSON", None),
        ("He kept a small statue of Our Lady of Quenmere.", "Our Lady of Quenmere", "ORGANIZATION", None),
        ("She goes to Mass at Our Lady of Quenmere.", "Our Lady of Quenmere", "ORGANIZATION", "ORGANIZATION"),
        ("I rang Quorvo Rubin about the room.", "Quorvo Rubin", "PERSON", "PERSON"),
    ],
)
def test_a_quantity_or_an_image_is_no_identifier(targets: Targets, text: str, value: str, label: str, expected) -> None:
    start = text.index(value)
    assert targets.kind(text, start, start + len(value), label) == expected


@pytest.mark.parametrize(("value", "expected"), [("4-5 hrs", None), ("11 days", None), ("19 Feb 2031", "DATE_TIME")])
def test_how_long_is_no_date(targets: Targets, value: str, expected) -> None:
    text = f"He says it was {value} and no more."
    start = text.index(value)
    assert targets.kind(text, start, start + len(value), "DATE_TIME") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("had a yarn with tavito after tea", [("tavito", "PERSON")]),
        # where a place is reached it is the corpus's place, written in lower case: that place, no person
        ("we drove out to tavito for the day", [("tavito", "LOCATION")]),
    ],
)
def test_a_lower_case_place_of_the_corpus_reached_as_a_person_is_one(targets: Targets, text: str, expected) -> None:
    from helpers import targets_in_window

    assert targets_in_window(targets, text, corpus=[("Tavito", "LOCATION")]) == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("At the end he led Quiet Harbour in Tongan for everyone.", "Quiet Harbour", None),
        ("He works at Quillhaven House in Tongan Street.", "Quillhaven House", "ORGANIZATION"),
    ],
)
def test_a_title_said_in_a_language(targets: Targets, text: str, value: str, expected) -> None:
    start = text.index(value)
    assert targets.kind(text, start, start + len(value), "ORGANIZATION") == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("I told her about Quill Street Walkers, the peer group that meets on Fridays.", "Quill Street Walkers",
         "ORGANIZATION"),
        ("She joined Brackle Knitters, a support group for new mums.", "Brackle Knitters", "ORGANIZATION"),
        ("Ottery Menders, the local club, sent a card.", "Ottery Menders", "ORGANIZATION"),
        # a role after the group word: the name is a person's
        ("I rang Tamsk Quillon, the group facilitator, after lunch.", "Tamsk Quillon", "PERSON"),
    ],
)  # fmt: skip
def test_a_name_a_group_word_follows_is_a_groups(targets: Targets, text: str, value: str, expected: str) -> None:
    start = text.index(value)
    assert targets.kind(text, start, start + len(value), "PERSON") == expected
