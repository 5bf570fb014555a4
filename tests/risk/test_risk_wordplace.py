"""Where a capitalised word names a thing (risk/wordplace.py): the sentence-opening rule holds only for a
word of the dictionary, written as a word is, that no list of names or towns holds."""

from __future__ import annotations

from qualdeid.risk.wordplace import word_places

PLACES = word_places(())


def every_word(_: str) -> bool:
    return True  # a dictionary that holds every word: what is left to decide is the rule's own


def test_a_dictionary_word_opening_its_sentence_names_a_thing() -> None:
    text = "Pastimes tell you a lot about a man."
    assert PLACES.word_opening_sentence(text, 0, 8, every_word)
    assert PLACES.thing_here(text, 0, 8, "ORGANIZATION", set(), every_word)
    assert not PLACES.thing_here(text, 0, 8, "PERSON", set(), every_word)  # a person's name there is the person


def test_a_town_an_abbreviation_or_no_dictionary_is_no_word_opening_a_sentence() -> None:
    assert not PLACES.word_opening_sentence("Vladivostok was cold.", 0, 11, every_word)  # a listed town
    assert not PLACES.word_opening_sentence("QXRT paid the rent.", 0, 4, every_word)  # an abbreviation
    assert not PLACES.word_opening_sentence("Pastimes tell you a lot.", 0, 8)  # no dictionary, no rule
    text = "Pastimes tell you a lot. She read Pastimes daily."
    assert not PLACES.word_opening_sentence(text, 0, 8, every_word)  # written as a name inside a sentence


def test_a_dated_day_names_a_day_only_where_the_text_dates_it() -> None:
    assert PLACES.dated_days("Quillfest is on 10 April. We went to Quillfest.") == {"Quillfest"}
    assert PLACES.dated_days("We went to Quillfest on Sunday.") == set()
