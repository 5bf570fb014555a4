"""A corner named by its two streets is a place (issue 13, outreach diaries from North American cities):
"at 23rd and Falstaff", "near Tamarack and 41st"; dates, floors and people joined by "and" stay what they are."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def corners():
    [recognizer] = [r for r in load_pattern_recognizers(Rules()) if r.name == "IntersectionRecognizer"]
    return recognizer


def found(corners, text: str) -> list[str]:
    return [text[r.start : r.end] for r in corners.analyze(text, ["LOCATION"])]


@pytest.mark.parametrize(
    ("text", "corner"),
    [
        ("Found him asleep on the bench at 23rd and Falstaff around seven.", "23rd and Falstaff"),
        ("I walked out to 9th & Verlaine to ask him first.", "9th & Verlaine"),
        ("The vigil was on the corner of Tamarack and 41st last night.", "Tamarack and 41st"),
        ("She sleeps near Upper Wexley and 12th most nights.", "Upper Wexley and 12th"),
        ("Dropped the blankets at 31st and 4th before the rain.", "31st and 4th"),
    ],
)
def test_a_corner_of_two_streets_is_a_place(corners, text: str, corner: str) -> None:
    assert corner in found(corners, text)


@pytest.mark.parametrize(
    "text",
    [
        "We met on the 20th and Bruno came too.",
        "The offices are on 2nd and 3rd floors.",
        "She is off from 3rd and 4th May.",
        "He came 2nd and Tilda came 5th in the race.",
        "It went to Ollie and Wren in the end.",
    ],
)
def test_dates_floors_and_people_stay_what_they_are(corners, text: str) -> None:
    assert found(corners, text) == []
