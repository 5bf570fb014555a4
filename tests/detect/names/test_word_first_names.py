"""First names that are also English words, from Faker's lists (``rules/names/word_first_names.txt``,
issue 13, classes a and b): read as the hand-kept word-names are, a name only where the document shows
a person. Invented texts."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.rules import Rules


def people(detector, *texts: str) -> list[str]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [d.text[s.start : s.end] for d in docs for s in d.spans if s.label == "PERSON"]


@pytest.fixture(scope="module")
def word_first_names() -> frozenset[str]:
    return Rules().words("names/word_first_names.txt", lower=True)


def test_the_list_holds_names_that_are_words(word_first_names) -> None:
    assert {"treasure", "journey", "miracle", "silver"} <= word_first_names


@pytest.mark.parametrize(
    "list_name",
    [
        "names/titles.txt",
        "names/not_first_names.txt",
        "lexicons/job_titles.txt",
        "lexicons/relatives.txt",
        "lexicons/speaker_roles.txt",
        "lexicons/not_places.txt",
    ],
)
def test_the_list_holds_no_word_that_is_no_name(word_first_names, list_name: str) -> None:
    assert not word_first_names & Rules().words(list_name, lower=True)


def test_the_list_holds_no_function_word_nor_calendar_word(word_first_names) -> None:
    assert not word_first_names & {"among", "said", "made", "can", "my", "us", "january", "monday"}


def test_the_list_holds_a_town_only_where_its_name_is_an_everyday_verb(word_first_names) -> None:
    """Faker lists "Dallas" and "Houston" as first names: towns first. "Comfort" is a town too, and a verb."""
    assert not word_first_names & {"boston", "dallas", "houston", "cleveland"}
    assert "comfort" in word_first_names


def test_a_word_first_name_before_a_surname_of_the_document(detector) -> None:
    """The surname known ("Mrs Okonedo") makes the word before it her first name."""
    text = "Mrs Okonedo came in at ten. Later Journey Okonedo asked about the grant."
    assert "Journey Okonedo" in people(detector, text)


@pytest.mark.parametrize(
    ("full", "alone", "name"),
    [
        ("Journey Okonedo rang about the grant.", "Journey spent thirty years in the navy.", "Journey"),
        ("Silver Otieno from the club came round.", "Silver told us the story again.", "Silver"),
    ],
)
def test_a_word_first_name_of_a_full_name_stands_alone_in_another_text(detector, full, alone, name) -> None:
    """The full name makes the word a first name; alone at the start of a sentence it is the person."""
    assert people(detector, full, alone) == [f"{name} {full.split()[1]}", name]


@pytest.mark.parametrize(
    "text",
    [
        "The old piano had silver keys and a cracked lid.",
        "She called the garden a treasure in the middle of the estate.",
        "It was a miracle that the bus came on the Tuesday.",
        "Journey times were long. Treasure hunts kept the kids busy.",
    ],
)
def test_the_word_readings_stay_words(detector, text: str) -> None:
    assert people(detector, text) == []


TURNS = """F: Shall we go round with first names?
TREASURE: Treasure. I work nights at the depot.
MARTA: Marta. Days, mostly.
MARTA: Treasure, you never sleep!
TREASURE: True. [laughs]
F: What keeps you going?
MARTA: Hope, mostly. And the bus driver's jokes.
"""


def test_a_speaker_naming_themself_and_a_name_addressed_at_the_start_of_a_turn(detector) -> None:
    """A word-name given as a speaker's label is that person where the speaker says it after the label
    and where another speaker addresses them ("MARTA: Treasure, you ..."); another word-name stays a word."""
    found = people(detector, TURNS)
    assert found.count("Treasure") == 2, found
    assert "Hope" not in found
