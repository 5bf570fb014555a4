"""A function word is never learned as a name: one false reading ("has named the court case" read
like "her name is maxine") would otherwise make "the" a person in every document of the corpus, and
risk would then fail every text that says "the". The texts are invented."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document

LEARNING = [
    "It's also the first time Noor's named the court stuff and the move out loud to anyone.",
    "She named his old school and then named which ward it was, twice.",
    "Ravi goes by his middle name now. Her name is nadia and she named our group.",
]
ORDINARY = (
    "Priya was telling the others about the trip. His knee was sore from the brace and the socket rubs."
    " She is waiting on the tribunal and the unescorted leave matters to her, which we all know."
)


@pytest.mark.parametrize("learning", LEARNING)
def test_function_words_stay_words_across_the_corpus(detector, learning: str) -> None:
    docs = list(detector.detect([Document(id="a", text=learning), Document(id="b", text=ORDINARY)]))
    people = {d.id: [d.text[s.start : s.end] for s in d.spans if s.label == "PERSON"] for d in docs}
    assert not [w for ws in people.values() for w in ws if w.lower() in {"the", "his", "which", "our"}], people
    assert "Priya" in people["b"]


def test_a_name_after_named_is_still_a_name(detector) -> None:
    (doc,) = detector.detect([Document(id="a", text="Her little boy is named tarquin and he loves trains.")])
    assert "tarquin" in [doc.text[s.start : s.end] for s in doc.spans]
