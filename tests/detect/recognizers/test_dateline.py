"""The town of a letter's dateline (detect/recognizers/dateline.py), on invented lines."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.dateline import DatelineRecognizer
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def recognizer() -> DatelineRecognizer:
    return DatelineRecognizer(Rules())


def found(recognizer: DatelineRecognizer, text: str) -> list[str]:
    return sorted(text[a:b] for a, b, _ in recognizer.find(text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Ola Berg\nStorgata 4\n\nVårdal, 3. mars 2025\n\nRe: your letter", "Vårdal"),
        ("Ettlingen, den 14.06.2024\nUnterschrift", "Ettlingen"),
        ("Port Tavish, 9 May 2024", "Port Tavish"),
        ("Kerava, May 9, 2024\n\nDear Sir", "Kerava"),
        ("Sant Quirze, 7 de junio de 2023", "Sant Quirze"),
        ("Dunmorrow, 21st October 2022.", "Dunmorrow"),
    ],
)
def test_the_town_before_a_letters_date(recognizer: DatelineRecognizer, text: str, town: str) -> None:
    assert found(recognizer, text) == [town]


@pytest.mark.parametrize(
    "text",
    [
        "Monday, 3 June 2024",
        "Today, 3 May 2024",
        "Signed, 12/03/2024",
        "Thanks, 3 May 2024 works for me",
        "We met in Vårdal, 3 March 2025, and talked",
        "Mittwoch, 14.06.2024",
    ],
)
def test_other_lines_with_a_date(recognizer: DatelineRecognizer, text: str) -> None:
    assert found(recognizer, text) == []
