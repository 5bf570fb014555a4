"""Towns of the gazetteer that are also words ("Reading", "Wells") after a place preposition in Title
Case, towns as modifiers ("the Dunedin flat") and towns that are no word standing alone, found by
detect/places/towns.py; on invented text."""

from __future__ import annotations

import pytest

from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.loading import load_model
from qualdeid.detect.places.towns import StandaloneTownRecognizer, TownRecognizer
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def towns() -> TownRecognizer:
    rules = Rules()
    return TownRecognizer.read(rules, NameLexicon.read(rules), load_model())


def found(towns: TownRecognizer, text: str) -> list[str]:
    return [text[a:b] for a, b in towns.find(text)]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Some news: we are moving to Reading in June.", "Reading"),
        ("He came here from Reading after the divorce.", "Reading"),
        ("I'll be late to Wells, the trains are off.", "Wells"),
        ("we sorted out the Dunedin flat on Sunday", "Dunedin"),
        ("the Leeds team said no again", "Leeds"),
        ("the Port Hope lot came for tea", "Port Hope"),
        # macrons the gazetteer leaves out
        ("his cousins brought what felt like half of Ōtaki", "Ōtaki"),
        ("then back in Whangārei for the night", "Whangārei"),
        # cities of other countries (towns_world.txt), in lower case and without their accents
        ("we stayed a week in jonkoping with her aunt", "jonkoping"),
        ("moved to kolding last spring", "kolding"),
        ("her brother is still in esbjerg i think", "esbjerg"),
        # "at" a town: a chat's meeting point
        ("sausage sizzle is sat at kolding 7am start", "kolding"),
        ("we met at members' homes in Kolding", "Kolding"),  # a preposition among the words after another
    ],
)
def test_a_town_by_its_context(towns: TownRecognizer, text: str, town: str) -> None:
    assert found(towns, text) == [town]


@pytest.mark.parametrize(
    "text",
    [
        "we went to Reading Group on Tuesday",
        "the Reading group met late",
        "the book is good for reading",
        "I gave it to Grant on the way out",
        "I gave it to Will later",
        "the Mental Health team rang",
        "the Grace family came",
        "the KEP at the corner was shut",  # an abbreviation
        "a letter from Mendoza came",  # a surname too: left to NER
        "he is in van now",
        "see you at reading group at noon",  # a town that is also a word, in lower case
        "she was at home at last",
        "we stay at Kolding Bus Depot till six",  # after "at", the town opens a venue's name
        "the family comes at Christmas",
        "works at Home most days",  # a town that is also a word: not after "at"
    ],
)
def test_a_word_that_is_no_town_here(towns: TownRecognizer, text: str) -> None:
    assert found(towns, text) == []


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("She nursed in Malta and then Leeds for years.", "Leeds"),
        ("They moved to Hull, then York.", "York"),
    ],
)
def test_a_town_listed_after_a_place_preposition(towns: TownRecognizer, text: str, town: str) -> None:
    assert town in found(towns, text)


def test_a_list_after_a_place_preposition_ends_at_a_non_town(towns: TownRecognizer) -> None:
    assert found(towns, "We drove to Leeds and Grace slept all the way.") == ["Leeds"]


@pytest.fixture(scope="module")
def alone(towns: TownRecognizer) -> StandaloneTownRecognizer:
    rules = Rules()
    return StandaloneTownRecognizer.read(rules, NameLexicon.read(rules), towns)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("its raining like kirkintilloch again lol", "kirkintilloch"),  # a chat, lower case, no preposition
        ("kolding never gets snow like this", "kolding"),
        ("Flat 2, Heron House, Tarbolton", "Tarbolton"),  # an address line without a postcode
        ("Brother   driver   41   Esbjerg", "Esbjerg"),  # a table's column
        ("Tarbolton. That's where the bus stopped", "Tarbolton"),
    ],
)
def test_a_town_that_is_no_word_needs_no_preposition(alone: StandaloneTownRecognizer, text: str, town: str) -> None:
    assert [text[a:b] for a, b in alone.find(text)] == [town]


@pytest.mark.parametrize(
    "text",
    [
        "we stay at Kolding Bus Depot till six",  # a longer name the town opens
        "Rev Tarbolton said grace",  # after or before a capitalised word: part of a name
        "Tarbolton Road is shut",
        "she makes papaya salad on fridays",  # a town's name that is a rarer English word, in lower case
        "email kolding.team@example.org or @kolding",  # inside an address or a handle
        "KOLDING: yes we did",  # capitals: a heading or a speaker's label
        "a letter from Mendoza came",  # a surname too
        "the rota is out",  # a short rare word (another language's, or English)
        "we went past Reading and Wells",  # towns that are words: the preposition rules' business
    ],
)
def test_a_town_alone_that_could_be_a_word_or_a_name(alone: StandaloneTownRecognizer, text: str) -> None:
    assert list(alone.find(text)) == []


def test_a_town_alone_is_no_everyday_word_of_the_documents_other_language(alone: StandaloneTownRecognizer) -> None:
    # "retiro" (a Spanish word, also a town) in a text partly written in Spanish
    text = "hola chicas, la señora dice que sin retiro no hay trabajo, pero mañana vamos todas juntas a la reunión"
    assert "retiro" not in [text[a:b] for a, b in alone.find(text)]


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("Her family still rents two rooms in Karachi-12, near the market.", "Karachi-12"),
        ("He grew up in a tower block in Nantes 3e before the army.", "Nantes 3e"),
        ("The union office moved to Szeged IV last spring.", "Szeged IV"),
    ],
)
def test_a_towns_numbered_district(towns: TownRecognizer, text: str, district: str) -> None:
    assert district in found(towns, text)


@pytest.mark.parametrize(
    "text",
    [
        "Reading 3 chapters a night keeps her calm.",
        "Grant II was the name of the boat.",
        "The score was Multan 2, and everyone cheered.",
        "After a year in Szeged I moved back home.",
    ],
)
def test_a_word_or_a_name_with_a_number_is_no_district(towns: TownRecognizer, text: str) -> None:
    assert not any(any(c.isdigit() for c in f) or f.split()[-1] in ("I", "II") for f in found(towns, text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("She came from Bridge of Allan in the 70s.", "Bridge of Allan"),
        ("We drove up to Newcastle upon Tyne on Monday.", "Newcastle upon Tyne"),
        ("he grew up in Bridge of Weir and never left", "Bridge of Weir"),
    ],
)
def test_a_town_whose_name_holds_a_small_word(towns: TownRecognizer, text: str, town: str) -> None:
    assert found(towns, text) == [town]


@pytest.mark.parametrize(
    "text",
    [
        "we went to Bridge of the old ship",  # not a listed name: "Bridge" alone is a word
        "I walked to Port of the harbour",
    ],
)
def test_a_small_word_joins_only_a_listed_name(towns: TownRecognizer, text: str) -> None:
    assert found(towns, text) == []


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("- QX – PI, Chongqing. Oversees the analysis.", "Chongqing"),  # a very large city, however common its name
        ("Team lead, Chongqing; interviews and coding.", "Chongqing"),
    ],
)
def test_a_very_large_city_needs_no_preposition(alone: StandaloneTownRecognizer, text: str, town: str) -> None:
    assert [text[a:b] for a, b in alone.find(text)] == [town]


@pytest.mark.parametrize("text", ["Sex: Male. Age: 40.", "Rev Chongqing said grace", "Chongqing Road is shut"])
def test_a_very_large_city_that_is_a_word_or_part_of_a_name(alone: StandaloneTownRecognizer, text: str) -> None:
    assert list(alone.find(text)) == []
