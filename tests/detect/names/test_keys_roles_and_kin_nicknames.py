"""People a document names by a key's letter, a research role's initials, a kinship word given as a nickname,
a hyphenated Cantonese or Korean given name, or a surname with an honorific after it (detect/names/initials.py,
processor.py, lexicon.py; issue 13, classes c and d; invented texts)."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.names.initials import Initials
from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.rules import Rules

INITIALS = Initials(Rules(), Rules().words("names/not_initials.txt"))


def people(detector, *texts: str) -> list[list[str]]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [[d.text[s.start : s.end] for s in d.spans if s.label == "PERSON"] for d in docs]


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in INITIALS.find(text)]


YARN = (
    "Yarn at her place. Recorded with permission. W = Aunty Wendeline, Q1 = me.\n\n"
    "Q1: Aunty, how long you been here?\nW: Ooh, long time.\nQ1: Who lives in the house?\nW: Too many!\n"
)


def test_a_letter_a_key_gives_as_someone_is_that_person_wherever_it_speaks() -> None:
    assert found(YARN) == ["W", "W", "W"]


def test_initials_a_key_gives_as_a_full_name_are_a_person_even_as_a_word_in_capitals() -> None:
    key = "Key: GO = Gwyndra Ozzel, I = interviewer.\nI: How was the week?\nGO: Long.\nI: And the kids?\nGO: Fine.\n"
    assert found(key).count("GO") == 3


@pytest.mark.parametrize(
    "text",
    [
        "Shift notes. M = medication round, PRN given at 9. M round late again.",  # a key of a thing
        "Legend: T = Total. T was 14 this week.",  # an everyday word
        "I WILL GO TOMORROW. Translated by the team.",
    ],
)
def test_a_key_of_things_and_words_in_capitals_stay_words(text: str) -> None:
    assert found(text) == []


def test_initials_after_a_research_role_are_someone_in_every_document(detector) -> None:
    group = "Focus group, cleaners. Tagalog, translated by DO. First names only.\n\nDO: Can everyone hear me?\n"
    call = "Phone interview, bad line.\n\nDO: Hello, can you hear me?\nPerlita: Yes, yes.\nDO: Thank you.\n"
    first, second = people(detector, group, call)
    assert first.count("DO") == 2
    assert second.count("DO") == 2
    (shouted,) = people(detector, "PLEASE DO NOT PARK HERE. Thanks, Sapphira.")
    assert "DO" not in shouted


def test_a_kinship_word_of_another_language_given_as_a_nickname_is_the_person_in_the_corpus(detector) -> None:
    intro = "Went to see Orvando Pelletrin - everybody calls him Chachu - at the gym. Chachu was tired."
    later = "Visited his mother at home, Chachu was there too but stayed in the living room."
    first, second = people(detector, intro, later)
    assert first.count("Chachu") == 2
    assert second == ["Chachu"]


def test_an_english_relatives_word_given_as_a_nickname_stays_a_word(detector) -> None:
    (found_,) = people(detector, "The kids call her Aunty. Aunty was cooking. My chachu came later.")
    assert found_ == []


def test_a_kinship_word_given_to_a_relative_the_sentence_names_stays_the_relation(detector) -> None:
    (found_,) = people(detector, "My grandfather Orvando Pelletrin (we call him Chachu) is 87. Chachu lives alone.")
    assert "Chachu" not in found_
    (found_,) = people(detector, "My name: Brannagh Pelletrin. My grandchildren call me Chachu.")
    assert "Chachu" not in found_


LEXICON = NameLexicon.read(Rules())


@pytest.mark.parametrize("name", ["Ka-wai", "Siu-ming", "Hoi-lam", "Min-woo", "Yoo-jin"])
def test_hyphenated_cantonese_and_korean_given_names_are_first_names(name: str) -> None:
    assert LEXICON.first_names.syllabic(name)


@pytest.mark.parametrize("words", ["Wing-man", "Hang-on", "Sing-song", "Man-made", "Ping-pong"])
def test_english_compounds_of_such_syllables_stay_words(words: str) -> None:
    assert not LEXICON.first_names.syllabic(words)


def test_honorifics_after_a_surname_or_a_given_name(detector) -> None:
    notes = 'MK introduced me to "Quon taai", the neighbour. Quon taai did the cooking. We met Somasiri mahaththaya.'
    (found_,) = people(detector, notes)
    assert found_.count("Quon taai") == 2
    assert "Somasiri mahaththaya" in found_


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Action: returned call, left msg. Flagged the damp to the inspection team. - QT", ["QT"]),
        ("Called back, no answer. Will retry Monday.\n-- RB\n", ["RB"]),
    ],
)
def test_initials_signing_an_entry_after_a_dash_are_its_writer(text: str, initials: list[str]) -> None:
    assert found(text) == initials


@pytest.mark.parametrize(
    "text", ["Bring:\n- QZ\n- XV\n", "Done at 3pm. - OK", "Seen in clinic. - GP", "Notes done.\n- QT\n\nNext day."]
)
def test_a_list_of_abbreviations_or_an_abbreviation_after_a_dash_is_no_signature(text: str) -> None:
    assert found(text) == []
