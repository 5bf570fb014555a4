"""Ages of forms and life events, and dates of other languages' shapes (rules/recognizers/ages.yaml, dates.yaml,
issue 13): a form's age with its unit ("Age: 9 yrs"), an age after a person's sex ("male, 47 years"), a child's age
after a life event and "at" ("diagnosed at four"), a relative's age in brackets with a guess ("(~4, ...)"); a German
day with its full stop before a month spelt as in English, a Hungarian year-first date, a Vietnamese date, a range
of days before another language's month. Invented examples."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("PATIENT\nName: Quorin Bale\nAge: 9 yrs     Sex: M", ["9 yrs"]),
        ("Age: 44 years\nAddress: none", ["44 years"]),
        ("aged 61 years old", ["61 years old"]),
        ("Referral for Orlen Vask, male, 47 years, of no fixed abode", ["47 years"]),
        ("a walk-in (male, 40) asked for the key", ["40"]),
        ("My son Orrin was diagnosed at four, in 2012, so", ["four"]),
        ("born in Vasterholm, moved to Quenby at six, never looked back", ["six"]),
        ("Her girl got diagnosed at eighteen months. She is three now.", ["eighteen months", "three"]),
        ("she was adopted at 3 and grew up in the hills", ["3"]),
        ("QT's daughter (~4, glittery boots) sat with us", ["4"]),
    ],
)
def test_an_age(text: str, ages: list[str]) -> None:
    assert found("AgeRecognizer", text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "the age 9 years ago was different",  # a time ago
        "we moved in at 4pm on the Friday",  # a time of day
        "diagnosed at 10:30 in clinic",
        "she came in female, 3 years in the job",  # a duration, not the clause's end
    ],
)
def test_no_age(text: str) -> None:
    assert found("AgeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Der Termin beim Amt ist am 14. August. Danach", ["14. August"]),
        ("Termin bis 1. August 2025, 9 Uhr", ["1. August 2025"]),
        ("Id. Varga Ödön, 2024. május 3-án, csütörtökön", ["2024. május 3-án"]),
        (
            "lúc 5 giờ sáng ngày 5 tháng 3 năm 2023 (nhằm ngày 14 tháng 2 năm Quý Mão)",
            ["14 tháng 2 năm Quý Mão", "5 tháng 3 năm 2023"],
        ),
        ("turnos de cocina, semana 14-19 marzo", ["14-19 marzo"]),
    ],
)
def test_a_date_of_another_language(text: str, dates: list[str]) -> None:
    assert found("WorldDateRecognizer", text) == dates


@pytest.mark.parametrize("text", ["He was 6. April was cold that year.", "Chapter 6. May we begin?"])
def test_a_sentence_end_before_a_month_is_no_date(text: str) -> None:
    assert found("WorldDateRecognizer", text) == []
