"""Ages said at the end of a clause in talk and letters: after "and is", of children or two people named
together, of a person's word ("the tenant is 63"), of the eldest, guessed after "old" and corrected in the
same breath, in brackets after a name (rules/recognizers/ages.yaml, issue 13). Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RECOGNIZERS = {r.name: r for r in load_pattern_recognizers(Rules())}


def found(text: str) -> list[str]:
    recognizer = RECOGNIZERS["AgeRecognizer"]
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities))


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("and my granddaughter Ines who stays with me and is eight.", ["eight"]),
        ("He came to us in March and was 16 then.", ["16"]),
        ("The girls, Amara and Noor, are seven. The flat has no lift.", ["seven"]),
        ("Pita and Hemi were twelve when they moved.", ["twelve"]),
        ("the twins are 6 and started school", ["6"]),
        ("Other information:\nclient is 61, left-handed, two jobs", ["61"]),
        ("The tenant was seventy-four.", ["seventy-four"]),
        ("Everyone calls me Aunty because I'm the eldest, sixty-two.", ["sixty-two"]),
        ("His mother-in-law, eighty-seven, still walks to the market.", ["eighty-seven"]),
        ("She is old now, maybe eighty. She still rings every week.", ["eighty"]),
        ("My husband, he's sixty — sixty-one next month. Parkinson's.", ["sixty", "sixty-one"]),
        ("I: How old is he?\nINTERP: She says the card says seventy-eight. Not sure.", ["seventy-eight"]),
        ("Q: How old are you?\nT: He says sixty-three.", ["sixty-three"]),
        ("and his brother Fintan (sixty-eight) lives alone", ["sixty-eight"]),
        ("I have had panic attacks since my teens.", ["teens"]),
    ],
)
def test_ages_ending_a_clause(text: str, ages: list[str]) -> None:
    assert found(text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "The hall seats forty and is two streets from the station.",
        "The shift started at six and was ten hours long.",
        "Tickets are ten.",
        "The results, Maths and English, are nine points up.",
        "the girls are seven minutes away",
        "the patient is 5 floors up",
        "the client was two hours late",
        "the oldest, the one by the river, burned down",
        "the house is old now, maybe 1900s",
        "I will and is one of those",
        "the Swifts (nine points) and Kells (a draw)",
        "since my flat flooded",
        "she cared for me all through my twenties",  # a stretch of life, not an age
    ],
)
def test_no_age_in_quantities_and_times(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Tarni is thirty, her first baby, a boy, seven weeks old.", ["seven weeks", "thirty"]),
        ("baby girl is nearly two months and feeding well", ["two months"]),
        ("Baby Ilka is five months. Visit went fine.", ["five months"]),
        ("The twins are eight months now and crawling.", ["eight months"]),
        ("my daughter's ten weeks today", ["ten weeks"]),
        ("a little one of 3 weeks old", ["3 weeks old"]),
        ("I said my two are now 7 and 10 and doing fine.", ["10", "7"]),
    ],
)
def test_babies_ages_and_childrens_ages(text: str, ages: list[str]) -> None:
    assert found(text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "the baby was born six weeks early",
        "the twins were four weeks in the neonatal unit",
        "she was three months pregnant then",
        "my son was two weeks late and I was induced",
        "we waited six weeks for the referral",
        "my two are at the same school",
    ],
)
def test_no_babys_age_in_other_spans_of_time(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Aroha Kereama came in next, forty-one, a shearer for the station.", "forty-one"),
        ("Her nan Ruth Moana was with her, eighty-two and still sharp, buying bread.", "eighty-two"),
        ("Then Pavel Hruby arrived, fifty-six, stockman on the hill farm.", "fifty-six"),
        # a name's full stop, bracket or quote before the comma; a bracketed nickname before "is"; a hundred after
        # "turns"; a relative after "little" with the age in brackets
        ("MISSING: Dunstan Pelgrave Jr., 71, walked out this morning.", "71"),
        ("My father Isidor Quarrendon (Issy), 88, lives alone on the hill.", "88"),
        ('Our uncle, known as "Bramble", 69, left his flat on Friday.', "69"),
        ('My mum Odile ("Dilly") is 79, widowed last spring.', "79"),
        ("Happy birthday to Mrs Grizel Tamworth, who turns 101 on Saturday!", "101"),
        ("Need advice: little bro (15) wants to drop out.", "15"),
    ],
)
def test_age_set_off_by_commas_after_a_named_person(text: str, age: str) -> None:
    assert age in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Hall seats, forty-five, and that is it.",
        "Kelly counted the ewes, sixty-two in all.",
        "Jonas ran the laps, twenty and then some.",
        "The old mill turns 100 metres of cloth a day.",
        "Mount Pellow (Tor) is 12 miles away.",
        "Read Lessing (Vol. 2), 14, for the next seminar.",
    ],
)
def test_no_age_in_a_count_set_off_by_commas(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text", ["she minded me from when I was six months old", "he hasn't slept alone since he was nine month old"]
)
def test_no_age_for_a_time_of_the_past(text: str) -> None:
    assert found(text) == []
