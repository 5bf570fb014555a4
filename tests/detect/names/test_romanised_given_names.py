"""Given names of two syllables joined by a hyphen, romanised from Korean or Chinese ("Hyeok-jun", "Chia-lan"),
that no name list holds whole: each half is a syllable of Faker's given names of one language
(rules/names/given_syllables.yaml, tools/build_given_syllables.py; issue 13, class d; invented text)."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.rules import Rules

LEXICON = NameLexicon.read(Rules())


def people(detector, *texts: str) -> list[list[str]]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [[d.text[s.start : s.end] for s in d.spans if s.label == "PERSON"] for d in docs]


@pytest.mark.parametrize("word", ["Hyeok-jun", "Gyeong-ho", "Yeon-ju", "Chia-lan", "jun-il", "HYEOK-JUN"])
def test_two_syllables_of_given_names_of_one_language_are_a_first_name(word: str) -> None:
    assert LEXICON.is_first_name(word)


@pytest.mark.parametrize("word", ["hip-hop", "ping-pong", "so-so", "yo-yo", "a-ok", "to-do", "co-op", "Chia-ho"])
def test_english_compounds_and_mixed_languages_are_no_given_name(word: str) -> None:
    assert not LEXICON.is_first_name(word)  # "Chia-ho": a Chinese and a Korean syllable


def test_a_hyphenated_given_name_is_found_without_any_list_holding_it(detector) -> None:
    (found,) = people(detector, "His friend Hyeok-jun asks me every morning whether Gyeong-ho is coming.")
    assert found == ["Hyeok-jun", "Gyeong-ho"]


def test_the_document_writes_the_name_joined_and_in_lower_case_too(detector) -> None:
    text = "Is anyone with Yeon-ju? ok now. yeonju made breakfast herself and sent me a photo lol"
    (found,) = people(detector, text)
    assert found == ["Yeon-ju", "yeonju"]


def test_english_compounds_stay_words(detector) -> None:
    (found,) = people(detector, "Hip-hop night, then ping-pong. A so-so evening, ho-hum. Yo-yo tricks after.")
    assert found == []
