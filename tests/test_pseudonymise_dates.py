"""Dates shifted by one offset (intervals kept) or generalised; ages to bands."""

from __future__ import annotations

import datetime as dt

import pytest

from qualdeid.pseudonymise.dates import age_band, band_age, transform_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 April 2024", "26 April 2024"),
        ("Tuesday 16 April 2024", "Friday 26 April 2024"),
        ("2024-04-16", "2024-04-26"),
        ("16/04/2024", "26/04/2024"),
        ("April 16th, 2024", "April 26th, 2024"),
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
    assert transform_date("04/16/2024", 10, month_first=True) == "04/26/2024"


def test_generalise_to_month_year() -> None:
    assert transform_date("Tuesday, 16 April 2024", 10, mode="generalise") == "April 2024"
    assert transform_date("2024-04-16", 10, mode="generalise") == "April 2024"


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
