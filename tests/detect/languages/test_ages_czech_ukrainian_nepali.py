"""Ages in Czech, Ukrainian and Nepali (rules/languages/cs.yaml, uk.yaml, ne.yaml; detect/languages/ages.py, issue
13): "je mu 11 let", a year's bracket "(66 років)", Devanagari digits before "वर्षको उमेरमा" and in brackets after a
name in a script without case. Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.detect.languages.ages import OtherLanguageAgeRecognizer
from qualdeid.rules import Rules

AGES = OtherLanguageAgeRecognizer(Rules())


def found(text: str) -> list[str]:
    return sorted(text[start:end] for start, end, _ in AGES.find(text))


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Chtěli bychom, aby přišel i Vojtíšek, je mu 11 let a jeho názor je důležitý.", ["11 let"]),
        ("Dědeček zemřel ve věku 88 let.", ["88 let"]),
        ("2. Дата народження: 03.02.1958 (66 років)", ["66 років"]),
        ("Йому 47 років, він живе сам.", ["47 років"]),
        ("हजुरबुबा रामप्रवेश थापा (९१ वर्ष) बिहान बित्नुभयो।", ["९१ वर्ष"]),
        ("उहाँ १९ वर्षको उमेरमा भर्ती हुनुभयो।", ["१९"]),
    ],
)
def test_ages(text: str, ages: list[str]) -> None:
    assert found(text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "Bydlí tady před 20 let, teď v Brně.",
        "Через 10 років він повернувся.",
        "उहाँ ५ वर्ष काठमाडौंमा बस्नुभयो।",
    ],
)
def test_durations_are_no_ages(text: str) -> None:
    assert found(text) == []
