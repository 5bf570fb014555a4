"""Presidio's card and national ID recognizers behind the six-digit check find what Presidio's own find."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    AuMedicareRecognizer,
    AuTfnRecognizer,
    CreditCardRecognizer,
    NhsRecognizer,
    UkNinoRecognizer,
    UsSsnRecognizer,
)

from qualdeid.detect.nlp.presidio import predefined_recognizers
from qualdeid.detect.recognizers.national_ids import DigitRunPrefilter, number_recognizers

PLAIN = [
    CreditCardRecognizer,
    AuMedicareRecognizer,
    AuTfnRecognizer,
    NhsRecognizer,
    UkNinoRecognizer,
    UsSsnRecognizer,
]
#: digits (ASCII, Arabic-Indic, Devanagari, full-width), the separators the patterns allow and others,
#: whitespace of several kinds, and the letters around a National Insurance number
PIECES = [
    *("0", "1", "2", "3", "4", "5", "6", "7", "9", "12", "345", "4111", "\u0663", "\u0968", "\uff17"),
    *(" ", "  ", "\t", "\n", "\u00a0", "\u2009", "-", "--", ".", "/", "(", ")", "+", ","),
    *("QQ", "qq", "AB", "C", "d", "Z", "x", "no. ", "card "),
]


def results(recognizer: EntityRecognizer, text: str) -> list[tuple[int, int, str, float]]:
    return [(r.start, r.end, r.entity_type, r.score) for r in recognizer.analyze(text, recognizer.supported_entities)]


@pytest.fixture(scope="module")
def pairs() -> list[tuple[EntityRecognizer, EntityRecognizer]]:
    return [(fast, plain()) for fast, plain in zip(number_recognizers(), PLAIN, strict=True)]


def test_detection_registers_the_prefiltered_ones_under_presidio_names() -> None:
    registered = [r for r in predefined_recognizers() if isinstance(r, DigitRunPrefilter)]
    assert [type(r) for r in registered] == [type(r) for r in number_recognizers()]
    assert [r.name for r in registered] == [cls.__name__ for cls in PLAIN]


#: texts shaped like numbers: groups of digits joined by the separators above, letters around them
NUMBER_LIKE = st.lists(
    st.one_of(st.text(alphabet="0123456789\u0663", min_size=1, max_size=5), st.sampled_from(PIECES)), max_size=14
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(NUMBER_LIKE, st.lists(st.sampled_from(PIECES), max_size=40).map("".join)))
def test_prefilter_never_hides_a_match(text: str) -> None:
    for fast, plain in zip(number_recognizers(), PLAIN, strict=True):
        assert results(fast, text) == results(plain(), text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Her NI number is QQ 12 34 56 C and the card 4111 1111 1111 1111.", True),
        ("Medicare 2123 45670 1, TFN 123 456 782, NHS 943 476 5919.", True),
        ("SSN 536-90-4399 on the form.", True),
        ("We met at 10.30 on 12/03/2024, room 12, 3 of us, 45 minutes.", False),
    ],
)
def test_prefilter_on_written_examples(
    pairs: list[tuple[EntityRecognizer, EntityRecognizer]], text: str, found: bool
) -> None:
    assert any(results(plain, text) for _, plain in pairs) == found
    for fast, plain in pairs:
        assert results(fast, text) == results(plain, text)
    assert DigitRunPrefilter.HINT.search(text) is not None or not found


@pytest.mark.parametrize(
    "text",
    [
        "AB 12 34 56 C",  # the fewest digits: six, single spaces
        "tfn 123\n456\n782",  # whitespace other than a space
        "ssn 536.90.4399",  # dots
        "medicare 2123\t45670\t1",  # tabs
        "nhs 943-476-5919",  # hyphens
        "TFN 1\u06623 456 782",  # a digit that is not ASCII
        "card 4111-1111-1111-1111",
    ],
)
def test_prefilter_passes_the_edges_of_presidio_patterns(
    pairs: list[tuple[EntityRecognizer, EntityRecognizer]], text: str
) -> None:
    assert any(results(plain, text) for _, plain in pairs)
    for fast, plain in pairs:
        assert results(fast, text) == results(plain, text)
