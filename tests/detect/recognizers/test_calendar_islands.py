"""Islands named after a day, a month or a feast are places, not dates (rules/recognizers/places.yaml,
CalendarIslandRecognizer). Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RECOGNIZER = {r.name: r for r in load_pattern_recognizers(Rules())}["CalendarIslandRecognizer"]


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZER.analyze(text, RECOGNIZER.supported_entities)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I told her I grew up on Friday Island, so we talked about fishing.", "Friday Island"),
        ("his cousin works the ferry out to Christmas Isle", "Christmas Isle"),
        ("they fished off the March Islands every winter", "March Islands"),
    ],
)
def test_calendar_word_islands(text: str, place: str) -> None:
    assert found(text) == [place]


@pytest.mark.parametrize(
    "text",
    ["see you Thursday, island time as usual", "the Sunday island trip was cancelled", "Monday. Island ferry late"],
)
def test_no_island_without_its_capital_next_to_the_day(text: str) -> None:
    assert found(text) == []


def test_calendar_island_wins_over_a_date(detector) -> None:
    text = "Mere said she was from Tuesday Island and laughed."
    assert ("LOCATION", "Tuesday Island") in {(s.label, s.text) for s in detector.detect_text(text).spans}
