"""Dates shifted by one offset (intervals kept) or generalised; ages to bands."""

from __future__ import annotations

import datetime as dt

import pytest

from qualdeid.pseudonymise.dates import age_band, band_age, transform_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 November 2024", "17 November 2024"),
        ("Thursday 7 November 2024", "Sunday 17 November 2024"),
        ("2024-11-07", "2024-11-17"),
        ("07/11/2024", "17/11/2024"),
        ("November 7th, 2024", "November 17th, 2024"),
        ("last Monday", "last Thursday"),
        ("3rd of May", "13th of May"),
    ],
)
def test_shift(text: str, expected: str) -> None:
    assert transform_date(text, 10) == expected


def test_intervals_are_preserved() -> None:
    a, b = transform_date("1 March 2023", -200), transform_date("15 March 2023", -200)
    da, db = (dt.datetime.strptime(x, "%d %B %Y") for x in (a, b))
    assert (db - da).days == 14 and da.year == 2022


def test_month_first_for_us_dates() -> None:
    assert transform_date("11/07/2024", 10, month_first=True) == "11/17/2024"


def test_generalise_to_month_year() -> None:
    assert transform_date("Thursday, 7 November 2024", 10, mode="generalise") == "November 2024"
    assert transform_date("2024-11-07", 10, mode="generalise") == "November 2024"


def test_unparseable_is_none() -> None:
    assert transform_date("the other week", 10) is None
    assert transform_date("2pm", 10) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("34", "30-39"), ("52-year-old", "50-59-year-old"), ("thirty-four", "30-39"), ("aged 16", "aged under 18")],
)
def test_age_bands(text: str, expected: str) -> None:
    assert band_age(text) == expected


def test_age_without_number_is_kept() -> None:
    assert band_age("in her twenties") is None
    assert age_band(95) == "90+" and age_band(18) == "18-19" and age_band(20) == "20-29"
