"""A family name by birth after the word that gives it ("née", "geb.", "o.s.", "z d.", "szül.", "född") and Finnish
kin words joined to a name ("<name>-sedälle", "pikku-<name>") (rules/recognizers/name_forms.yaml; issue 13, class d).
Invented examples."""

from __future__ import annotations

import pytest

from helpers import pattern_found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("WRENFELD, Ottilie Mae (née Quist)\nBorn 1931 in a fishing town.", ["Quist"]),
        ("Hedda Dubsky (geb. Hoffmann) kam mit ihrer Tochter.", ["Hoffmann"]),
        ("Mummo Eila Pihlaja (o.s. Laaksonen) syntyi Oulussa.", ["Laaksonen"]),
        ("Halka Zielna z d. Bartos mieszka sama.", ["Bartos"]),
        ("Orsós Ivánné (szül. Bartos Ilka) 90 éves.", ["Bartos Ilka"]),
        ("Ilmi Ivers, född Quist, fyller 80.", ["Quist"]),
    ],
)
def test_a_family_name_by_birth_is_a_name(text: str, names: list[str]) -> None:
    assert pattern_found("MaidenNameRecognizer", text) == names


@pytest.mark.parametrize(
    "text",
    ["Hedda Dubsky, geb. 04.10.1950 in Lübeck.", "Han var født i Bergen.", "Née in the text, nee in lower case."],
)
def test_a_date_or_a_place_after_the_word_is_no_name(text: str) -> None:
    assert pattern_found("MaidenNameRecognizer", text) == []


def test_finnish_kin_words_joined_to_a_name_keep_the_name_and_the_word() -> None:
    text = "Joka kesä hän soittaa Aarno-sedälle ja kysyy Kerttu-tädiltä neuvoa. Terveisin Ilmi ja pikku-Oiva."
    assert pattern_found("KinCompoundRecognizer", text) == ["Aarno-sedälle", "Kerttu-tädiltä", "pikku-Oiva"]
    assert pattern_found("KinCompoundRecognizer", "Hän on sedän ja tädin luona, pikku-kylässä.") == []
