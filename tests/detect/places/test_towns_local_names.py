"""Big cities by the names of their own language (rules/lexicons/towns_local.txt) and place prepositions of other
languages (town_prepositions_world of rules/lexicons/places.yaml) before a town (detect/places/towns.py), on
invented sentences."""

from __future__ import annotations

import pytest

from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.loading import load_model
from qualdeid.detect.places.towns import TownRecognizer
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def towns() -> TownRecognizer:
    rules = Rules()
    return TownRecognizer.read(rules, NameLexicon.read(rules), load_model())


def found(towns: TownRecognizer, text: str) -> list[str]:
    return sorted(text[a:b] for a, b in towns.find(text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("so she moved to praha for the job", "praha"),
        ("the cousin is still in Lisboa", "Lisboa"),
        ("el hermano trabaja en Firenze desde marzo", "Firenze"),
        ("she is at the shop in lisboa now", "lisboa"),
        ("a luat trenul din Iași și a ajuns în Brașov", "Brașov"),
        ("sie ist nach Genf gezogen", "Genf"),
    ],
)
def test_a_city_by_its_own_name_after_a_preposition_of_any_language(
    towns: TownRecognizer, text: str, town: str
) -> None:
    assert town in found(towns, text)


@pytest.mark.parametrize(
    "text",
    [
        "we went en route to the shop",
        "they came en masse",
        "dinner in Solo mode",
        # after another language's preposition a lower-case word is that language's ("desde ayer": since yesterday)
        "no ha comido desde ayer",
    ],
)
def test_foreign_prepositions_before_words_find_no_town(towns: TownRecognizer, text: str) -> None:
    assert found(towns, text) == []
