"""Names that lay and informal text gives by its grammar (issue 13): a pet name in quotes after a person's name,
kinship words among them, then its uses in the document and the corpus; a family named by its surname; a name
joined to a person by "and"; initials given after a full name that read as a sign-off ("TA"). Invented texts."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.names.evidence import NameEvidence
from qualdeid.detect.names.family import FamilyHeadings
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

PET_NAMES = {r.name: r for r in load_pattern_recognizers(Rules())}["PetNameRecognizer"]
FAMILIES = FamilyHeadings(Rules(), NameEvidence(Rules()))


def people(detector, *texts: str) -> list[list[str]]:
    docs = detector.detect([Document(str(i), t) for i, t in enumerate(texts)])
    return [[s.text for s in d.spans if s.label == "PERSON"] for d in docs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('My grandmother Ottilie Varnelu ("Mimou") is 84.', ["Mimou"]),
        ('my client Bertil ("Pidge") wants to move', ["Pidge"]),
        ('Kestutis Brindle, "Pidge"\nMay 3, 1938 - June 1, 2024', ["Pidge"]),
        ('Odrastik Holdings Limited ("Company") agrees', []),  # a contract's defined term
        ('Ottilie Varnelu ("Mum") came', []),  # an English relative
        ('Ottilie said, "Fine"\n', []),  # dialogue, no heading of a name
        ('the fee ("the Fee") is due', []),
    ],
)
def test_a_quoted_name_after_a_name_is_a_pet_name(text: str, expected: list[str]) -> None:
    assert [text[r.start : r.end] for r in PET_NAMES.analyze(text, PET_NAMES.supported_entities)] == expected


def test_a_kinship_word_given_as_a_pet_name_is_the_person_in_the_document(detector) -> None:
    text = 'My grandma Ottilie Varnelu ("Nonnina") is 84. Nonnina cried when she heard. I told Nonnina.'
    assert people(detector, text)[0] == ["Ottilie Varnelu", "Nonnina", "Nonnina", "Nonnina"]


def test_a_kinship_word_given_as_a_pet_name_is_the_person_across_the_corpus(detector) -> None:
    given = 'My client Bertil Odrastik ("Zietta") is 69 and wants to move back home.'
    later = "Zietta says the roof is fixed, so Zietta can stay."
    elsewhere = "We visited my zietta on Sunday."
    assert people(detector, given, later, elsewhere) == [["Bertil Odrastik", "Zietta"], ["Zietta", "Zietta"], []]


def test_without_a_pet_name_a_kinship_word_stays_a_word(detector) -> None:
    assert people(detector, "Zietta says the roof is fixed, so Zietta can stay.") == [[]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear Orlagh and the whole Odrastik family,\nWe are so sorry.", ["Odrastik"]),
        ("lunch with the whole Varnelu clan at the market", ["Varnelu"]),
        ("we met the Varnelu/Odrastik household last week", ["Varnelu", "Odrastik"]),
        ("The Latvian family next door", []),  # a people
        ("the Ballarat family moved", []),  # a town
        ("the Royal family", []),  # an everyday word
    ],
)
def test_a_family_named_by_its_surname_in_a_sentence(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in FAMILIES.find(text)] == expected


def test_a_family_heading_with_two_surnames_is_no_form_label(detector) -> None:
    text = "Client updates\n - Varnelu/Odrastik family: income review done."
    assert people(detector, text) == [["Varnelu", "Odrastik"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("REWARD - my kids Benedek and Treasure made him a banner.", ["Benedek", "Treasure"]),
        ("Felicidades! Zsofi y Mirko vinieron.", ["Zsofi", "Mirko"]),
        ("I saw Benedek and Mum at Christmas.", ["Benedek"]),
        ("Benedek and English lessons are on Monday.", ["Benedek"]),
        ("Between Benedek and Easter we were busy.", ["Benedek"]),
        ("Benedek and Pride went to the cinema.", ["Benedek"]),
    ],
)
def test_a_name_joined_to_a_person(detector, text: str, expected: list[str]) -> None:
    assert people(detector, text)[0] == expected


def test_initials_after_a_full_name_that_read_as_a_sign_off(detector) -> None:
    text = "Present: Teodor Aumanu (TA), Orlagh Brindle (OB)\nTA: nine boys confirmed.\nActions\nTA: forms to parents"
    assert people(detector, text)[0].count("TA") == 3
    assert people(detector, "Thanks for everything.\nTA\nOrlagh") == [["Orlagh"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Palju õnne, vanaema Orsolya! Täna on sinu päev.", "vanaema Orsolya"),  # Estonian grandmother
        ("this Saturday is proua Varnelu's last class", "proua Varnelu"),  # Estonian Mrs
        ("listen to you argue with amidža Benedek about football", "amidža Benedek"),  # Bosnian uncle
        ("la amona Orsolya del número 9", "amona Orsolya"),  # Basque grandmother
        ("Grandmothers welcome, babusia Orsolya will show the wax method.", "babusia Orsolya"),
        ('Likes to be called "Orsolya tatik" by the grandchildren.', "Orsolya tatik"),  # Armenian, after the name
    ],
)
def test_kinship_words_and_titles_of_more_languages_join_the_name(detector, text: str, expected: str) -> None:
    assert expected in people(detector, text)[0]


def test_a_kinship_word_of_another_language_alone_is_no_name(detector) -> None:
    assert people(detector, "My tetka lives far away. The comadre came. Vanaema said hi.") == [[]]


def test_a_pet_name_with_a_title_teaches_its_name_not_its_title(detector) -> None:
    given = 'Pt: ODRASTIK, Bertil ("Uncle Bertil")   Client no: 0417'
    later = "dessa: so no uncle bertil today."
    assert people(detector, given, later)[1] == ["uncle bertil"]


def test_one_name_with_an_age_in_brackets_is_a_person_and_the_document_knows_it(detector) -> None:
    text = "Household: mother (31), Orsolya (6). Vortek (10) at school.\n- Vortek: school says he is doing better."
    assert people(detector, text)[0].count("Vortek") == 2


def test_an_everyday_word_or_a_relative_with_a_number_in_brackets_is_no_person(detector) -> None:
    assert people(detector, "Room (10) is free. Questions (5) remain. Mum (70) came on Monday (2).") == [[]]


def test_a_kinship_word_inside_a_pet_name_is_no_name_alone(detector) -> None:
    text = 'Orsolya Varnelu ("Nonna Orsi")    grandmother    71\n\nNOTES\nNow in Nonna\'s flat. Nonna on oxygen.'
    assert "Nonna" not in people(detector, text)[0]
