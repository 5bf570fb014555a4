"""A rare word after a place preposition that NER calls a nationality (NORP) is a place unless it is a
people, a language or has a demonym's ending (detect/recognizers/context.py). Invented names."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from qualdeid.detect.nlp.loading import load_model
from qualdeid.detect.places.lexicon import PlaceLexicon
from qualdeid.detect.recognizers.context import ContextWords, PlaceContextRecognizer
from qualdeid.rules import Rules


def _after_in(text: str, norp: str) -> list[str]:
    """What the place-context recognizer finds in ``text`` when NER calls the word ``norp`` a nationality."""
    rules = Rules()
    lexicon = PlaceLexicon.read(rules)
    recognizer = PlaceContextRecognizer(lexicon, ContextWords(rules, lexicon))
    doc = load_model()(text)
    i = next(t.i for t in doc if t.text == norp)
    doc.ents = [SpacySpan(doc, i, i + 1, label="NORP")]
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
