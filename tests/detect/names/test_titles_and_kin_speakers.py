"""Titles of other languages, and a relative's word used as a title in a speaker label (issue 13,
classes a and d: transcripts, diaries). Invented names."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def people(detector, *texts: str) -> list[str]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [d.text[s.start : s.end] for d in docs for s in d.spans if s.label == "PERSON"]


KIN_SPEAKER = """Kia: Do you want me to call you that?
Pa Tevita: Call me Pa Tevita. Everyone does.
Kia: How long have you sewn?
Pa Tevita: Since I was six.
"""


def test_a_speaker_named_with_a_relatives_word_before_the_name(detector) -> None:
    """ "Pa Tevita:": the word before is used as a title; the name is looked for in the turns, the title is
    not taken for a name of its own."""
    found = people(detector, KIN_SPEAKER)
    assert found.count("Pa Tevita") >= 2, found
    assert "Pa" not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("His mum Mdm Tan Siew Ling arrived at eleven.", "Mdm Tan"),
        ("The teacher, Madame Roussel, learned our names.", "Madame Roussel"),
        ("We wrote to Herr Albrecht about the flat.", "Herr Albrecht"),
    ],
)
def test_titles_of_other_languages(detector, text: str, name: str) -> None:
    assert any(f.startswith(name) for f in people(detector, text))


def test_a_ministers_title_before_a_name(detector) -> None:
    """ "Minister" is a church title like "Pastor": the name after it is a person's; the office alone is not."""
    found = people(detector, "Minister Quennell said grace before the meal.")
    assert any(f.startswith("Minister Quennell") for f in found), found
    assert not any("Minister" in f for f in people(detector, "The Minister for Health opened the new ward."))
