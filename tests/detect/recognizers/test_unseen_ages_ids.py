"""Ages that unseen lay texts, diaries and notes wrote and the patterns missed (rules/recognizers/ages.yaml,
issue 13): a surname with a capital inside or a title with an initial before "is", a bracket closed before ", is",
two people "both" an age, "80 something", a man's age in commas before a capitalised word, a guessed age after
"bloke", a relative called "mama", an age in Japanese or Chinese before 歳/岁; and an identity number with full
stops after its document (rules/recognizers/ids.yaml). Invented examples."""

from __future__ import annotations

import pytest

from helpers import pattern_found


def found(text: str) -> list[str]:
    return pattern_found("AgeRecognizer", text)


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Mrs MacAvoy is 61 and still drives the van.", ["61"]),
        ("Ms T is 44 and laughs at everything.", ["44"]),
        ("My granny (Nan Brid to the street), is 87 and sews.", ["87"]),
        ("They're both 83. Neither will move.", ["83"]),
        ("he is 90 something and always polite", ["90 something"]),
        ("a quiet Derry man, 55, Navy years behind him", ["55"]),
        ("a young bloke, about 22, quiet type", ["about 22"]),
        ("Topic: mama (79) will not eat", ["79"]),
        ("生年月日：1990年3月2日（３４歳）", ["３４"]),
        ("外婆今年80岁了", ["80"]),
        ("Present: ʻIlaisa (8), baby asleep", ["8"]),  # an ʻokina opening the name
        ("Participant: niece of the founder, 23. Interview at the hall.", ["23"]),
        ("Tobiah Quennell Marr, 81, Aldergrove. Silence.", ["81"]),
        ("lives with her gran (approx 90, deaf)", ["approx 90"]),  # the guess word kept
        ("spotted three kids (approx 7-9) by the gate", ["approx 7-9"]),
        ("Gefeliciteerd met je 90ste verjaardag, opa!", ["90ste"]),  # a birthday's ordinal in another language
        ("Alles Gute zum 75. Geburtstag", ["75."]),
    ],
)
def test_an_age_the_patterns_now_find(text: str, ages: list[str]) -> None:
    assert found(text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "They're both 5 minutes away.",
        "Room McKenzie is 4 doors down.",
        "Ward 3 is 20 metres on the left.",
        "我们等了10分钟",
        "Back at Quell Street, 14, Upton Road.",  # a street's number
    ],
)
def test_no_age(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Cédula (C.C.): 71.302.448   Age: 40", ["71.302.448"]),
        ("Evaristo Ruiz Pardo    T.I. 1.022.384.651     15    son", ["1.022.384.651"]),
        ("RUT 14.775.302-6", ["14.775.302-6"]),
    ],
)
def test_an_identity_number_with_full_stops_after_its_document(text: str, ids: list[str]) -> None:
    """(rules/recognizers/ids.yaml) a dotted identity number after C.C., T.I., RUT, which alone reads as an amount."""
    assert pattern_found("RecordNumberRecognizer", text) == ids


@pytest.mark.parametrize("text", ["costó 1.250.000 pesos", "the T.I. said 2.000.000"])
def test_an_amount_is_no_identity_number(text: str) -> None:
    assert pattern_found("RecordNumberRecognizer", text) == []
