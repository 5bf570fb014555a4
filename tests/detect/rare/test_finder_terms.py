"""Lexicon words and rare words judged in their frame (detect/rare/terms.py), one finder on its own: what it finds,
and the ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "terms"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("She used to race pigeons with her dad.", "used to race pigeons with her dad"),
        ("He speaks fluent Icelandic.", "speaks fluent Icelandic"),
        ("She keeps ferrets in the shed.", "keeps ferrets in the shed"),
        # after "used to" a word less rare still counts (used_to_zipf)
        ("He used to teach woodcarving at a technical college.", "used to teach woodcarving at a technical college"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "She used to cook for the family.",
        "He speaks English at home.",
        "She keeps biscuits in the shed.",
        "He used to go to the gym before his knee went.",
        "She used to live with her sister.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
