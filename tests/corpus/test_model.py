"""The core record: a frozen Span that checks its offsets and text."""

from __future__ import annotations

import dataclasses

import pytest

from qualdeid.corpus.model import Span
from qualdeid.labels import PERSON

TEXT = "Rang Zebulon at noon."


def test_a_span_is_frozen_and_changed_by_replace() -> None:
    span = Span(5, 12, PERSON, "Zebulon")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]
    moved = dataclasses.replace(span, start=0, end=4, text="Rang")
    assert (span.start, moved.start, moved.text) == (5, 0, "Rang")


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(12, 5, ""), (-1, 3, ""), (5, 12, "Zebulo"), (5, 12, "Zebulon!")],
)
def test_offsets_must_be_a_range_and_a_given_text_must_fit_them(start: int, end: int, text: str) -> None:
    with pytest.raises(ValueError):
        Span(start, end, PERSON, text)


def test_a_span_without_text_is_offsets_only() -> None:
    assert Span(5, 12, PERSON).text == ""


def test_from_dict_checks_the_text_against_the_document_without_quoting_it() -> None:
    good = {"start": 5, "end": 12, "label": "PERSON", "text": "Zebulon"}
    assert Span.from_dict(good, TEXT).text == "Zebulon"
    with pytest.raises(ValueError) as err:
        Span.from_dict({**good, "text": "Quentin"}, TEXT)
    assert "5-12" in str(err.value) and "Quentin" not in str(err.value) and "Zebulon" not in str(err.value)
    assert Span.from_dict({**good, "label": "RARE"}).label == "RARE_DETAIL"  # gold short names are read
