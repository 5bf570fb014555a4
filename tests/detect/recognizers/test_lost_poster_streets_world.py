"""Where a lost or missing poster's heading says (issue 13, notices by lay writers), and streets named in another
language's order in running text: the street word in lower case before the name ("near boulevard des Aubépines")
or written apart after it ("Kase tänav"). Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def recognizers():
    return {r.name: r for r in load_pattern_recognizers(Rules())}


def places(recognizers, name: str, text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizers[name].analyze(text, ["LOCATION"])]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("LOST DOG – Upper Brenlow 🚨\nOur terrier slipped his lead on Sunday.", "Upper Brenlow"),
        ("KAYIP KEDİ / MISSING CAT - Drumgarvie\nGrey tabby, very shy.", "Drumgarvie"),
        ("MISSING TORTOISE – PLEASE SHARE 🙏 Stanwick Vale\nHe is 40 years old.", "Stanwick Vale"),
        ("VERMIST / MISSING 🐕 Oosterhaven\nPosting for my neighbour.", "Oosterhaven"),
    ],
)
def test_the_place_of_a_lost_poster_s_heading(recognizers, text: str, place: str) -> None:
    assert places(recognizers, "NoticeHeadingPlaceRecognizer", text) == [place]


@pytest.mark.parametrize(
    "text",
    [
        "I lost my keys again - Tom",
        "FOUND - Thanks everyone!\nShe is home.",
        "Lost property: Office",
        "She said she lost it - the bag - at work.",
    ],
)
def test_no_place_in_a_line_that_is_no_poster_heading(recognizers, text: str) -> None:
    assert places(recognizers, "NoticeHeadingPlaceRecognizer", text) in ([], ["Office"])


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("She was last seen near boulevard des Aubépines with a red bag.", "boulevard des Aubépines"),
        ("We had a coffee on boulevard Marinier before the appointment.", "boulevard Marinier"),
        ("The bakery on calle Tortosa opens at six.", "calle Tortosa"),
        ("Thank you, neighbours of Kase tänav, for the flowers.", "Kase tänav"),
        ("Our old flat on Menekşe sokak had no lift.", "Menekşe sokak"),
    ],
)
def test_a_street_in_another_language_s_order(recognizers, text: str, street: str) -> None:
    assert street in places(recognizers, "StreetPrefixRecognizer", text)


@pytest.mark.parametrize(
    "text",
    [
        "He took the Boulevard Tour with Ana last year.",
        "Tom fell over and Ben tied his shoe.",
        "The Boulevard was busy when Kate arrived.",
    ],
)
def test_english_words_and_names_are_no_foreign_street(recognizers, text: str) -> None:
    assert places(recognizers, "StreetPrefixRecognizer", text) == []
