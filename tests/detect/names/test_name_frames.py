"""Word-names known in the corpus, written in lower case with little evidence around them (issue 13,
class b): the frames that only a person fills make them people, the word readings stay words.
The first document makes "Will", "Joy" and "Pat" known names of the corpus (invented texts)."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document

KNOWN = "Will Tarrant said he would help. Joy Amadi laughed. Pat Oduya rang us back."


def names_in(detector, text: str) -> list[str]:
    docs = list(detector.detect([Document(id="known", text=KNOWN), Document(id="d", text=text)]))
    doc = docs[1]
    return [doc.text[s.start : s.end] for s in doc.spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("me and will sorted the rota in the end", "will"),
        ("then will and I went for chips", "will"),
        ("everyone calls her joy.", "joy"),
        ("pat rang about the form", "pat"),
    ],
)
def test_a_known_word_name_in_a_persons_frame(detector, text: str, name: str) -> None:
    assert name in names_in(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "I will ring tomorrow and will tell them.",
        "She asked me and will tell us later.",
        "it gives the others hope and I think joy too.",
        "the news brings her joy.",
    ],
)
def test_the_word_readings_stay_words(detector, text: str) -> None:
    assert names_in(detector, text) == []
