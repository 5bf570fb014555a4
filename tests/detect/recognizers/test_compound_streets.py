"""Streets that the capitalised street patterns miss (rules/recognizers/places.yaml), on invented streets:
named in one word with a continental ending, then a house number (CompoundStreetRecognizer, endings in
rules/lexicons/street_suffixes.txt); numbered and written in lower case (LowercaseStreetRecognizer)."""

from __future__ import annotations

import pytest
from presidio_analyzer import PatternRecognizer

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def recognizers() -> dict[str, PatternRecognizer]:
    return {r.name: r for r in load_pattern_recognizers(Rules())}


@pytest.fixture(scope="module")
def recognizer(recognizers: dict[str, PatternRecognizer]) -> PatternRecognizer:
    return recognizers["CompoundStreetRecognizer"]


def streets(recognizer: PatternRecognizer, text: str) -> list[str]:
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, ["LOCATION"]))


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("the letter went to Pihlajakatu 41 in the end", "Pihlajakatu 41"),
        ("we move to Koivutie 4, 2nd floor", "Koivutie 4"),
        ("drop it at Eikenlaan 212-B please", "Eikenlaan 212-B"),
        ("meet at Molenweg 30.", "Molenweg 30"),
        ("she lives on Lindenstraße 5a now", "Lindenstraße 5a"),
        ("the flat on Björkvägen 17", "Björkvägen 17"),
        ("Åsgade 14, 3rd floor", "Åsgade 14"),
        ("post it to Birkenstr. 9, please", "Birkenstr. 9"),  # the German short form, with its full stop
        ("we are at Ulmenstr 14 now", "Ulmenstr 14"),
        # the stair's letter, the flat and the floor after the house number
        ("Paikka: Pihlajakatu 41 C, 2. krs, kokoushuone", "Pihlajakatu 41 C, 2. krs"),
        ("Koivutie 4 B 12, 00950", "Koivutie 4 B 12"),
        ("the flat on Björkvägen 17, 3 tr", "Björkvägen 17, 3 tr"),
        ("Åsgade 14, 2. sal", "Åsgade 14, 2. sal"),
        ("Molenweg 30 A lot of people came", "Molenweg 30"),  # an article, not a stair
    ],
)
def test_a_street_with_a_continental_ending_and_a_number(recognizer: PatternRecognizer, text: str, street: str) -> None:
    assert streets(recognizer, text) == [street]


@pytest.mark.parametrize(
    "text",
    [
        "In Spring 2024 the Committee 3 met.",  # endings of English words are not in the list
        "Chapter 4 and Strategy 2 were read.",
        "the Koivutie was closed",  # no number: the recognizer needs one (context recognizers read the rest)
        "tie 4 knots and weg 3",  # lower case: not a name
        "Molenweg 3.5 km away",  # a decimal, not a house number
    ],
)
def test_words_with_numbers_that_are_no_street(recognizer: PatternRecognizer, text: str) -> None:
    assert streets(recognizer, text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("home visit at 2350 brookmere road unit 1407 she was better", ["2350 brookmere road"]),
        ("send it to my new place 3/41 tarrant st, thanks", ["3/41 tarrant st"]),
        ("its 12 old mill lane.", ["12 old mill lane"]),
        ("we did 3 more road trips", []),  # the street type must end the phrase
        ("he ran 5 laps of the main road today", []),
        ("took 2 long walks down the lane", []),
    ],
)
def test_numbered_streets_in_lower_case(recognizers: dict[str, PatternRecognizer], text: str, found: list[str]) -> None:
    assert streets(recognizers["LowercaseStreetRecognizer"], text) == found


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("new flat is ahornstr 14 2nd floor", "ahornstr 14"),
        ("come to lindenhofstr. 3 at 6", "lindenhofstr. 3"),
        ("we live at pihlajakatu 41b", "pihlajakatu 41b"),
        ("next to eikenlaan 7, ring twice", "eikenlaan 7"),
    ],
)
def test_a_lower_case_street_with_a_continental_ending(recognizer: PatternRecognizer, text: str, street: str) -> None:
    assert streets(recognizer, text) == [street]


@pytest.mark.parametrize(
    "text",
    [
        "the brigade 2 left and the arcade 4 closed",  # English words with a listed capitalised ending
        "untie 3 ropes, then the cascade 2",
        "weg 3 and str 4",  # an ending alone is no street
        "they befell 2 towns",
    ],
)
def test_lower_case_words_with_numbers_that_are_no_street(recognizer: PatternRecognizer, text: str) -> None:
    assert streets(recognizer, text) == []
