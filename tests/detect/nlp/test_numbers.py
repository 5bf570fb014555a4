"""Numbers written in words or digits over spaCy tokens (detect/nlp/numbers.py)."""

from __future__ import annotations

import pytest

from qualdeid.detect.nlp.numbers import approximator_start, numbers_in, quantity_at


@pytest.mark.parametrize(
    ("text", "word", "value", "phrase"),
    [
        ("She has sixty-one cousins.", "sixty", 61, "sixty-one"),
        ("A hundred and twenty sheep came down.", "A", 120, "A hundred and twenty"),
        ("He ran 14 races.", "14", 14, "14"),
        ("About a dozen eggs were left.", "a", 12, "a dozen"),
        ("There were 3,500 people.", "3,500", 3500, "3,500"),
        ("Hundreds of jumps later she stopped.", "Hundreds", 200, "Hundreds of"),
        ("Nine thousand steps a day.", "Nine", 9000, "Nine thousand"),
    ],
)
def test_a_number_is_read_with_its_value_and_extent(detector, text, word, value, phrase) -> None:
    sdoc = detector.nlp(text)
    i = next(t.i for t in sdoc if t.text == word)
    q = quantity_at(sdoc, i, len(sdoc))
    assert q is not None and q[0] == value and sdoc[i : q[1]].text == phrase


@pytest.mark.parametrize(("text", "word"), [("Some people came.", "Some"), ("A walk helped.", "A"), ("Ten-pin.", ".")])
def test_words_that_are_not_numbers_are_none(detector, text, word) -> None:
    sdoc = detector.nlp(text)
    i = next(t.i for t in sdoc if t.text == word)
    assert quantity_at(sdoc, i, len(sdoc)) is None


@pytest.mark.parametrize(
    ("text", "approx"),
    [
        ("He has well over 60 of them.", "well over 60"),
        ("More than 40 came.", "More than 40"),
        ("Just 40 came.", "Just 40"),
    ],
)
def test_an_approximator_joins_the_number_it_comes_before(detector, text, approx) -> None:
    sdoc = detector.nlp(text)
    i = next(t.i for t in sdoc if t.like_num)
    start = approximator_start(sdoc, i, 0)
    assert sdoc[start : i + 1].text == approx


def test_a_number_is_read_once_per_document(detector) -> None:
    sdoc = detector.nlp("A hundred came. Then forty-two left, and 7 stayed.")
    bounds = [(s.start, s.end) for s in sdoc.sents for _ in s]
    found = numbers_in(sdoc, [t.lower_ for t in sdoc], bounds)
    assert [(sdoc[a:b].text, v) for a, b, v, _ in found] == [("A hundred", 100), ("forty-two", 42), ("7", 7)]
