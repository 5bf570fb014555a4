"""Words that say what people are or when something was, not who or where (must-be-true 1): a capitalised
word before a moment of history or a plural noun of people, an age band of the teens."""

from __future__ import annotations

import pytest

from qualdeid.compose.targets import Targets


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("His parents were Quillhaven generation, he knows how it goes.", "Quillhaven", "PERSON"),
        ("She wrote about the Brackmoor war for the newsletter.", "Brackmoor", "LOCATION"),
        ("I had an eating disorder in my teens and cooking helped.", "teens", "AGE"),
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
        ("he has seen what happens to Deaf men on wards", len("he has seen what happens to Deaf"), True),
        ("Deaf people run the group", len("Deaf"), True),
        ("Deaf rang the office", len("Deaf"), False),
    ],
)
def test_a_plural_noun_of_people_after_a_word(targets: Targets, text: str, end: int, expected: bool) -> None:
    assert targets.people_described(text, end) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i want dr q to write it in the plan", [("dr q", "PERSON")]),
        ("Mr. K came by after lunch.", [("K", "PERSON")]),  # the title stays, as for any name after it
        ("we asked for a dr a few times", []),  # "a": a word
        ("the dr x-rayed his wrist", []),
    ],
)
def test_a_title_and_one_letter_is_a_person(targets: Targets, text: str, expected) -> None:
    from helpers import targets_in_window

    assert targets_in_window(targets, text) == expected


@pytest.mark.parametrize(
    ("text", "value", "label", "expected"),
    [
        ("We found some Quorvo Rub in the first aid box.", "Quorvo Rub", "PERSON", None),
        ("She kept a holy picture of Our Lady of Quenmere.", "Our Lady of Quenmere", "ORGANIZATION", None),
        ("She goes to Mass at Our Lady of Quenmere.", "Our Lady of Quenmere", "ORGANIZATION", "ORGANIZATION"),
        ("I rang Quorvo Rubin about the room.", "Quorvo Rubin", "PERSON", "PERSON"),
    ],
)
def test_a_quantity_or_an_image_is_no_identifier(targets: Targets, text: str, value: str, label: str, expected) -> None:
    start = text.index(value)
    assert targets.kind(text, start, start + len(value), label) == expected


@pytest.mark.parametrize(("value", "expected"), [("6-7 hours", None), ("3 weeks", None), ("3 May 2021", "DATE_TIME")])
def test_how_long_is_no_date(targets: Targets, value: str, expected) -> None:
    text = f"He says it was {value} and no more."
    start = text.index(value)
    assert targets.kind(text, start, start + len(value), "DATE_TIME") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i want to check in with tavito next week when hes home", [("tavito", "PERSON")]),
        ("we drove out to tavito on the sunday", []),  # a place, where a place is reached
    ],
)
def test_a_lower_case_place_of_the_corpus_reached_as_a_person_is_one(targets: Targets, text: str, expected) -> None:
    from helpers import targets_in_window

    assert targets_in_window(targets, text, corpus=[("Tavito", "LOCATION")]) == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Then she started Quiet Harbour in Tongan and the others joined in.", "Quiet Harbour", None),
        ("He works at Quillhaven House in Tongan Street.", "Quillhaven House", "ORGANIZATION"),
    ],
)
def test_a_title_said_in_a_language(targets: Targets, text: str, value: str, expected) -> None:
    start = text.index(value)
    assert targets.kind(text, start, start + len(value), "ORGANIZATION") == expected
