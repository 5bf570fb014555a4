"""Ages in the frames of other languages (issue 13, lay and international text): the words around the number say
it is an age, not a time that passed ("tiene 88 años" is an age, "llevo 5 años aquí" is not). Invented people."""

from __future__ import annotations

import pytest

from helpers import pattern_found


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Babası Orhan Bey dün 83 yaşındaydı.", ["83"]),
        ("Kızı 12 yaşında, okula gidiyor.", ["12"]),
        ("توفي جدي عن عمر ٨٣ سنة في البيت", ["٨٣ سنة"]),
        ("وأنا عندي ٩ سنين", ["٩ سنين"]),
        ("Zmarła przeżywszy 91 lat.", ["91"]),
        ("Mój syn ma 7 lat.", ["7"]),
        ("Mi abuela tiene 88 años y vive sola.", ["88 años"]),
        ("Un hombre de 70 años de edad.", ["70 años de edad"]),
        ("Minha mãe tem 62 anos.", ["62 anos"]),
        ("Elle a 40 ans depuis lundi.", ["40 ans"]),
        ("Il est âgé de 67 ans.", ["67 ans"]),
        ("Er ist 8 Jahre alt.", ["8 Jahre alt"]),
        ("Hij is 82 jaar oud.", ["82 jaar oud"]),
        ("Ông ấy 72 tuổi.", ["72 tuổi"]),
        ("ਬੇਬੇ ਜੀ 90 ਸਾਲ ਦੇ ਹੋ ਗਏ", ["90"]),
        ("በ84 ዓመታቸው አርፈዋል", ["84"]),
    ],
)
def test_an_age_in_another_language(text: str, ages: list[str]) -> None:
    assert pattern_found("AgeRecognizer", text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "Llevo 5 años aquí.",
        "Tiene 3 años de servicio en la empresa.",
        "We worked there for 20 años.",
        "It took 5 lat to build.",
        "Il y a 40 ans, la ville était petite.",
        "Ha 10 anni di esperienza",  # Italian: years of experience, not an age
    ],
)
def test_a_time_that_passed_is_no_age(text: str) -> None:
    assert pattern_found("AgeRecognizer", text) == []
