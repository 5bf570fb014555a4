"""A nickname of two capitalised words joined by a hyphen, used alone as a person (detect/names, issue 13
class b), on invented text."""

from __future__ import annotations

import pytest

from qualdeid.corpus import Document


def people(detector, *texts: str) -> list[list[str]]:
    docs = detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)])
    return [[d.text[s.start : s.end] for s in d.spans if s.label == "PERSON"] for d in docs]


def test_a_hyphenated_nickname_used_twice_and_acting_is_a_name(detector) -> None:
    text = (
        "Cog-Wheel had a rough night on the ward. Staff checked on him twice.\n"
        "Later Cog-Wheel is the quietest one here."
    )
    assert people(detector, text)[0].count("Cog-Wheel") == 2


def test_a_hyphenated_nickname_found_in_one_diary_follows_in_another(detector) -> None:
    first = "Cog-Wheel had a rough night. By lunch Cog-Wheel wanted his boots back."
    second = "Games night in the lounge, and Cog-Wheel had the harmonica out again."
    assert "Cog-Wheel" in people(detector, first, second)[1]


@pytest.mark.parametrize(
    "text",
    [
        "Cog-Wheel had a rough night. Staff checked on him.",  # used once: not enough
        "Cog-Wheel had jammed. Cog-Wheel was oiled and it ran again.",  # no he or she after it
        "X-Ray was clear. Later X-Ray showed nothing new.",  # a one-letter half and a short word
        "The Cog-Wheel was rusty. Cog-Wheel had gone stiff in the cold.",  # after an article: a thing
        "Cog-Wheel had jammed again. The cog-wheel was replaced.",  # written in small letters too
        "Cog-Wheel: done. Cog-Wheel had been sorted, Cog-Wheel was oiled.",  # a label
    ],
)
def test_hyphenated_words_that_name_no_one_stay_words(detector, text: str) -> None:
    assert not [p for p in people(detector, text)[0] if "-" in p]
