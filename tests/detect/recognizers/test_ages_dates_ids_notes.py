"""Ages, dates and identity numbers as case notes, forms and lay posts write them (issue 13): a person's sex then the
age ("Cl: Q. Ardell, M, 47"), a participant's initials and age, a nickname in quotes with the age, an age with "now"
after it, a bracketed age after a name in any script or with a short unit ("R. (5y)"), an age in brackets after a
written date of birth; a short year after "the" that names an event, a day and a month after a consent; identity
numbers in dotted groups ("31.604.228-K"). The span is what an annotator marks; the negatives are what stays
unmarked. Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.detect.languages.ages import OtherLanguageAgeRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RECOGNIZERS = {r.name: r for r in load_pattern_recognizers(Rules())}
WORLD_AGES = OtherLanguageAgeRecognizer(Rules())


def found(name: str, text: str) -> list[str]:
    recognizer = RECOGNIZERS[name]
    return sorted({text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities)})


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Cl: Q. Ardell, M, 47\nAddr: 9 Quillet Lane", ["47"]),
        ("c) file WQ/2023/940 – male, 61, walked in without a referral.", ["61"]),
        ('Client: BRACKETT, Oona J. ("Noni"), F, 58, widowed', ["58"]),
        ("Focus group two. Participant VX, 52. Spoke mostly about buses.", ["52"]),
        ("Patient: Mrs Oona Brack, 77    Ward: 3", ["77"]),
        ('the fundraiser for Ossian Troy ("Ozzy", 41) starts Friday', ["41"]),
        ("Tavish is a welder, 52 now, still lifts the pallets.", ["52"]),
        ("Brothers: Émile (12) and the baby", ["12"]),
        ("Seen at home: R. (5y) with dad", ["5y"]),
        ("came along with nephew (B, 9) after school", ["9"]),
        ("- Wren T. (vecino del barrio, 52) showed us the yard.", ["52"]),
        ("Mr Tobiah Grist, born 9 June 1938 (85 years), lives alone", ["85 years"]),
        ("Nafn: Q. Vandrun\nAldur: 11 ára\nBekkur: 6", ["11 ára"]),
    ],
)
def test_ages_in_notes_and_forms(text: str, ages: list[str]) -> None:
    assert found("AgeRecognizer", text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "Sizes on the shelf: S, M, 12 pairs left.",
        "We had three boxes, 2 more now than last week.",
        "Participant numbers rose to 44 this year.",
        '("Quiet room", 2 hours) booked for Friday.',
        "The bill came to 30 now, plus the tip.",
        "Total: 1.250.000 pesos for the roof.",
    ],
)
def test_no_age_in_counts_and_labels(text: str) -> None:
    assert found("AgeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Nos voisins Basile (7 ans) et Maëlys (4 ans) jouent dehors.", ["4 ans", "7 ans"]),
        ("Öğrenci: doğum 14.05.2016 (8 yaş)", ["8 yaş"]),
        ("Hän hiihti 88-vuotiaaksi saakka.", ["88"]),
    ],
)
def test_ages_of_other_languages_in_brackets(text: str, ages: list[str]) -> None:
    assert sorted(text[start:end] for start, end, _ in WORLD_AGES.find(text)) == ages


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("she drove the ferry in ‘93 before the bridge", ["‘93"]),
        ("he still talks about the '91 blizzard at every meal", ["'91"]),
        ("Parents gave consent (3/6) by text.", ["3/6"]),
        ("Two carers joined (consented 21/9) at the second visit.", ["21/9"]),
    ],
)
def test_short_years_and_consent_dates(text: str, dates: list[str]) -> None:
    assert dates == [d for d in found("CalendarDateRecognizer", text) if d in dates]


@pytest.mark.parametrize(
    "text",
    [
        "Uncle keeps polishing the '58. It never starts.",
        "Dad said the '85 one was worse.",
        "She rated the course (8/10) and left.",
    ],
)
def test_no_date_in_cars_and_scores(text: str) -> None:
    assert found("CalendarDateRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Documento: RG 31.604.228-K   SSP", "31.604.228-K"),
        ("Hoofdcliënt: Q. Varr, BSN 4127.55.309", "4127.55.309"),
        ("NN (rijksregisternr) 72.11.04-318.27 corrected", "72.11.04-318.27"),
        ("RUT: 9.417.205-3", "9.417.205-3"),
    ],
)
def test_dotted_identity_numbers(text: str, code: str) -> None:
    assert code in found("CodeRecognizer", text) + found("RecordNumberRecognizer", text)


@pytest.mark.parametrize(
    "text",
    [
        "Date: 12.03.2024 at the centre",
        "Intake on 2024.03.12 with the family",
        "The roof cost 12.500.000 pesos.",
    ],
)
def test_no_dotted_id_in_dates_and_amounts(text: str) -> None:
    assert [c for c in found("CodeRecognizer", text) if "." in c] == []
