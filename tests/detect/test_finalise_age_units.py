"""An age in years after an article ("a 58 yr old bloke", "an 83-year-old") keeps its unit, which the annotation marks
with it; "she is 23 years old" keeps "years", not "old" (the annotation marks the number with "years" as often as the
number alone; detect/finalise.py, issue 13). Invented examples."""

from __future__ import annotations

import pytest


def _ages(detector, text: str) -> list[str]:
    doc = detector.detect_text(text)
    return [text[s.start : s.end] for s in doc.spans if s.label == "AGE"]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Then a 58 yr old bloke asked for the kettle.", "58 yr"),
        ("We rehoused an 83-year-old with two cats.", "83-year"),
        ("Her mum took the 6-year-old swimming.", "6-year"),
        ("She is 23 years old and plays the cello.", "23 years"),
        ("Our dog Pemberley, 9 yrs old, is deaf.", "9 yrs"),
        ("My 11 year old beat me at draughts.", "11"),
    ],
)
def test_an_age_after_an_article_keeps_its_unit(detector, text: str, age: str) -> None:
    assert _ages(detector, text) == [age]


def test_a_plural_unit_after_an_article_is_no_compound(detector) -> None:
    assert _ages(detector, "He was a 61 years old man then.") == ["61"]
