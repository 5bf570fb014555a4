"""Short weekdays with a day of the month in rotas and lists (rules/recognizers/dates.yaml, short-weekday-day), a
grouped number after a person's full name and a chat line's sender saved as a bare number (rules/recognizers/
contact.yaml), on invented text."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


def test_short_weekdays_with_a_day_open_a_rota_line() -> None:
    text = "Pantry rota\nWED 9   09:00-12:00   desk: Quillon\nTHU 10   CLOSED\n- Fri 11 still needs a driver\n"
    assert {"WED 9", "THU 10", "Fri 11"} <= set(found("WorldDateRecognizer", text))


@pytest.mark.parametrize(
    "text",
    [
        "Sat 3 hours in the waiting room.",  # a verb opening a sentence, a count after it
        "we meet Wed 10:30 at the hall",  # a time of day
        "the sun 4 days running",  # lower case
    ],
)
def test_short_weekdays_that_date_nothing(text: str) -> None:
    assert found("WorldDateRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Contacts: Ilsabet Varrow 31 604 92 58 (evenings)", "31 604 92 58"),
        ("Ring Tomos Brynwell 0218 7704 2291 after six", "0218 7704 2291"),
        ("0218 7704 2291 18:30: hallo, ich bin spät\n0218 7704 2291 18:41: ok", "0218 7704 2291"),
    ],
)
def test_grouped_numbers_after_a_name_or_as_a_chat_sender(text: str, phone: str) -> None:
    assert phone in found("PhoneShapeRecognizer", text)


@pytest.mark.parametrize(
    "text",
    [
        "Ilsabet Varrow 12 03 2024 was the hearing",  # a date's digits
        "Ilsabet Varrow 3 4 5 6 7 8 9 1 in a row",  # single digits
        "Page 12 of 208 14:30: printed",  # not a number's groups alone on the line
    ],
)
def test_numbers_that_are_no_phone(text: str) -> None:
    assert found("PhoneShapeRecognizer", text) == []
