"""A rare word after a place preposition that NER calls a nationality (NORP) is a place unless it is a
people, a language or has a demonym's ending; one NER calls a date is a place unless it is a calendar word or
a holiday's (detect/recognizers/context.py). Invented names."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from qualdeid.detect.nlp.loading import load_model
from qualdeid.detect.places.lexicon import PlaceLexicon
from qualdeid.detect.recognizers.context import ContextWords, PlaceContextRecognizer
from qualdeid.rules import Rules


def _after_in(text: str, norp: str, label: str = "NORP") -> list[str]:
    """What the place-context recognizer finds in ``text`` when NER gives the word ``norp`` ``label``."""
    rules = Rules()
    lexicon = PlaceLexicon.read(rules)
    recognizer = PlaceContextRecognizer(lexicon, ContextWords(rules, lexicon))
    doc = load_model()(text)
    i = next(t.i for t in doc if t.text == norp)
    doc.ents = [SpacySpan(doc, i, i + 1, label=label)]
    return [text[a:b] for a, b in recognizer._find(text, doc)]


def test_a_rare_word_that_ner_calls_a_nationality_after_in_is_a_place() -> None:
    assert _after_in("The fair in Trefath runs all weekend.", "Trefath") == ["Trefath"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We talk in Welsh at home.", "Welsh"),
        ("Raised in Mancunian ways.", "Mancunian"),
        ("Raised in Muscovite ways.", "Muscovite"),
    ],
)
def test_a_people_or_language_after_in_stays_no_place(text: str, word: str) -> None:
    assert _after_in(text, word) == []


def test_a_rare_word_that_ner_calls_a_date_after_in_is_a_place() -> None:
    assert _after_in("He stays with my mother in Kurigandha. I see him at Eid.", "Kurigandha", "DATE") == ["Kurigandha"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We fasted in Ramadan at home.", "Ramadan"),  # a holiday
        ("She flew in Tues morning.", "Tues"),  # a calendar word
        ("The group meets on Mondays.", "Mondays"),
        ("I see him at Eid only.", "Eid"),  # a holiday NER left alone is no place either
    ],
)
def test_a_holiday_or_a_calendar_word_after_a_preposition_is_no_place(text: str, word: str) -> None:
    assert _after_in(text, word, "DATE") == []
    assert _after_in(text, word, "") == []
