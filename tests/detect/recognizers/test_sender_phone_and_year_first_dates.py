"""A phone number as a chat sender before the message's date in brackets, and dates written year first with a space
after each full stop (rules/recognizers/contact.yaml, dates.yaml), on invented text."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        # the "(14" of the date after it is no part of the number
        ("+47 612 208 31 77 (14 Feb, 09:40):\nok see you", ["+47 612 208 31 77"]),
        ("+61 (0)3 9555 0172 (home)", ["+61 (0)3 9555 0172"]),
        ("ring +1 (555) 123-4567 now", ["+1 (555) 123-4567"]),
    ],
)
def test_international_numbers_take_brackets_only_as_a_pair(text: str, phones: list[str]) -> None:
    assert [p for p in found("PhoneShapeRecognizer", text) if p.startswith("+")][:1] == phones[:1]
    assert all("(" not in p or ")" in p for p in found("PhoneShapeRecognizer", text))


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("2023. 9. 27. 오후 3:05, Dorj : hello", ["2023. 9. 27."]),
        ("the hearing on 2022. 11. 03 was moved", ["2022. 11. 03"]),
    ],
)
def test_year_first_dates_spaced_after_each_full_stop(text: str, dates: list[str]) -> None:
    assert found("WorldDateRecognizer", text) == dates


@pytest.mark.parametrize("text", ["in 2020. 3. we moved", "scores 2020. 13. 40 and"])
def test_a_year_and_numbers_that_are_no_date_stay(text: str) -> None:
    assert found("WorldDateRecognizer", text) == []
