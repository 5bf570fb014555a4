"""A letterhead above an address line (rules/recognizers/places.yaml), a weekday with a day of the month
alone and Polish months in the nominative (rules/recognizers/dates.yaml), on invented text."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            'Centro Ascolto "Ponte Verde"\nVia Lombrosa 214, 90133 Vallerano\nTel. 091 611 4455',
            'Centro Ascolto "Ponte Verde"',
        ),
        ('Fundacja "Jasny Dom" - Punkt Pomocy\nul. Krótka 47/12, 31-014 Zabrzyn', 'Fundacja "Jasny Dom"'),
        ("TARVO LEGAL AID (TLA)\n15 Street 261, Old Quarter, Tarvo 11742\nTel: 02 251 3344", "TARVO LEGAL AID (TLA)"),
        ("GRENFORD HOUSING TRUST - WEEKLY ROTA - Ashmere\nWeek commencing Mon 25/03/2024", "GRENFORD HOUSING TRUST"),
        ('Centro Vecinal "Puerta Verde"\nTel. 091 611 4455', 'Centro Vecinal "Puerta Verde"'),
        (
            "TARVO FAMILY SUPPORT INITIATIVE (TFSI)\nCase file - Tel 021 555 0192",
            "TARVO FAMILY SUPPORT INITIATIVE (TFSI)",
        ),
    ],
)
def test_letterhead_above_an_address_or_before_a_rota(text: str, organisation: str) -> None:
    assert organisation in found("LetterheadRecognizer", text)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mrs Quellen\n12 Quill Road, Moorby 4410",
        "Session 3 notes\nVia Lombrosa 214, 90133 Vallerano",
        "Referral form\nul. Krótka 47/12, 31-014 Zabrzyn",
        # a poster's headline above a phone number, a profile's heading
        "LOST KITTEN\nCall 021 555 0192 if seen",
        "ABOUT ME\nVia Lombrosa 214, 90133 Vallerano",
        # a sentence in lower case above a phone: the capitals of a letterhead are asked for in any letter case
        "the meeting was held on site today\nTel 021 555 0192 for questions",
        "we all went round to the flat after lunch\nphone 021 555 0192",
    ],
)
def test_no_letterhead_in_a_greeting_or_a_title(text: str) -> None:
    assert found("LetterheadRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Tiene cita el jueves 19 a las 11h.", ["jueves 19"]),
        ("The hearing is Thursday 14, bring the letters.", ["Thursday 14"]),
        ("Przyjechał w marzec 2021 z matką.", ["marzec 2021"]),
    ],
)
def test_weekday_and_day_alone_and_polish_nominative_months(text: str, dates: list[str]) -> None:
    assert found("WorldDateRecognizer", text) == dates


@pytest.mark.parametrize("text", ["See you Friday 5pm", "martes 10:30 en la sede", "won Sunday 3-1", "Friday 13th"])
def test_a_weekday_before_a_time_or_a_score_is_no_day(text: str) -> None:
    assert found("WorldDateRecognizer", text) == []
