"""Ages in field notes' bracketed descriptions of people ("(M, 20s, from the coast)", "(boatman, M, 50s)", "(4 F,
1 M, 15-18)", "T (niece, 9)", "a girl (~11)") and in lay writing ("Quill Brennick (Q-Bo at the allotments), 86,
fell", "Wrenna, 47, Tullybrack through and through", "nan (83)", "64 y.o.") (rules/recognizers/ages.yaml, issue
13). Invented examples."""

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
        ("Porter by the lift (M, 20s, from the coast) nods at us.", ["20s"]),
        ('QB ("Quo", M, 44, welder, from near Tarvel) talks most.', ["44"]),
        ("Two fiddlers (M, 20s; M, 40s) tune up by the quay.", ["20s", "40s"]),
        ("The choir is nearly all women (F, 50s–60s) tonight.", ["50s", "60s"]),
        ("Nine cooks (M, 23-58) share one stove.", ["23-58"]),
        ("Seven rowers (4 F, 1 M, 15-18) warm up on the jetty.", ["15-18"]),
        ("Crossed over with Quill (boatman, M, 50s). Choppy.", ["50s"]),
        ("Foreman: Quill W (Welsh, 40s), keeps the rota.", ["40s"]),
        ("Ferryman (Quill, part-time, 60s) hums all the way over.", ["60s"]),
        ("Three apprentices (20s) smoke by the skip.", ["20s"]),
        ("A baker, maybe 60s, hands out the burnt rolls.", ["60s"]),
        ("Z (niece, 9) back from swimming.", ["9"]),
        ("Poster for a missing cyclist (young man, 33) by the door.", ["33"]),
        ("The lantern is held by a girl (~11) at the front.", ["11"]),
        ("Dishes done by older brothers (approx 9–13) without being asked.", ["9–13"]),
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
        ("Please share - missing, 64 y.o. man, missing since the fair", ["64 y.o."]),
        ("Old Quill Brennick (Q-Bo at the allotments), 86, fell off his ladder.", ["86"]),
        ("Hi all\n\nWrenna, 47, Tullybrack through and through, keeps bees.", ["47"]),
        ("nan (83) from up north not coping", ["83"]),
        ("They moved over with our son (then 5) one winter.", ["5"]),
        ("Three kids at home. Son Rafe, 15. He fixes bikes.", ["15"]),
        ("I'm a Latvian woman, 31, born in the north.", ["31"]),
        ("She's twelve. Thirteen in August.", ["Thirteen", "twelve"]),
    ],
)
def test_ages_in_lay_writing(text: str, ages: list[str]) -> None:
    assert found(text) == ages


@pytest.mark.parametrize(
    "text", ["Tuesday, 12, March", "Flat 3, 12, High Street", "the woman, 2, 3 dogs", "Page 3, 12, The Title"]
)
def test_no_age_in_commas_of_dates_and_addresses(text: str) -> None:
    assert found(text) == []
