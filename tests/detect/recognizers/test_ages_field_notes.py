"""Ages in field notes' bracketed descriptions of people ("(M, 20s, from the coast)", "(guide, M, 30s)", "(3 F,
2 M, 16-19)", "J (grandson, 12)", "a boy (~12)") and in lay writing ("Quill Brennick (Q-Bo on the street), 77,
lost", "Wrenna, 38, Galway born", "mum (72)", "79 y.o.") (rules/recognizers/ages.yaml, issue 13). Invented
examples."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RECOGNIZERS = {r.name: r for r in load_pattern_recognizers(Rules())}


def found(text: str) -> list[str]:
    recognizer = RECOGNIZERS["AgeRecognizer"]
    return sorted({text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities)})


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Guard at the gate (M, 20s, from the coast) waved me in.", ["20s"]),
        ('QB ("Quo", M, 44, welder, from near Tarvel) talks most.', ["44"]),
        ("Two buskers (M, 20s; M, 40s) play on the steps.", ["20s", "40s"]),
        ("Mostly women (F, 60s–70s), three men.", ["60s", "70s"]),
        ("Six drivers (M, 28-61), tea and biscuits.", ["28-61"]),
        ("Five pupils (3 F, 2 M, 16-19). Teacher outside.", ["16-19"]),
        ("Came by boat with Quill (guide, M, 30s). Cold.", ["30s"]),
        ("Supervisors: Quill W (UK, 40s) and a team leader.", ["40s"]),
        ("Driver (Quill, farm handyman, 60s) says he'll do two runs.", ["60s"]),
        ("Two young drivers (20s) in the kitchenette.", ["20s"]),
        ("A forklift driver, maybe 60s, shouts at the new lad.", ["60s"]),
        ("Z (grandson, 12) home from school.", ["12"]),
        ("A fundraiser for funeral costs (young man, 26) - did not photograph.", ["26"]),
        ("The star is carried by a boy (~12). Each house sings.", ["12"]),
        ("Cleared up by older sisters (approx 10–12), who came along.", ["10–12"]),
    ],
)
def test_ages_in_a_field_notes_description(text: str, ages: list[str]) -> None:
    assert found(text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "The music of the 80s, 90s and today played all night.",
        "Rooms (2, 3, 4) are booked for the week.",
        "Interviews (n=14, 12 F) took place in the hall.",
        "Built in the 60s (a council block), it leaks.",
        "Results (table 2, 45) are in the appendix.",
    ],
)
def test_no_age_in_other_brackets(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("PLEASE SHARE - MISSING 79 y.o. man with dementia", ["79 y.o."]),
        ("Our neighbour Quill Brennick (Q-Bo on the street), 77, lost his dog.", ["77"]),
        ("Hi all\n\nWrenna, 38, Galway born and raised, lives by the sea.", ["38"]),
        ("mum (72) from the east not coping", ["72"]),
        ("You came with your son (then 7) in January.", ["7"]),
        ("Two children. Daughter Wrenna, 17. She plays hurling.", ["17"]),
        ("I'm a Latvian woman, 26, born in the north.", ["26"]),
        ("I'm fifteen. Sixteen in May.", ["Sixteen", "fifteen"]),
    ],
)
def test_ages_in_lay_writing(text: str, ages: list[str]) -> None:
    assert found(text) == ages


@pytest.mark.parametrize(
    "text", ["Tuesday, 12, March", "Flat 3, 12, High Street", "the woman, 2, 3 dogs", "Page 3, 12, The Title"]
)
def test_no_age_in_commas_of_dates_and_addresses(text: str) -> None:
    assert found(text) == []
