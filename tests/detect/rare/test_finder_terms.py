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
        ("He speaks fluent Basque.", "speaks fluent Basque"),
        ("She taught herself Latvian from old radio plays.", "taught herself Latvian from old radio plays"),
        ("He interprets in Auslan for his grandparents.", "interprets in Auslan for his grandparents"),
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
        # a negation says the opposite (speaking a language plainly is judged across the corpus: test_rare)
        "She doesn't speak Latvian at all.",
        "He can talk to the Greek volunteer on Fridays.",  # a people's adjective, not a language spoken
        # a thing of a lexicon named after "the" outside any frame is a later mention, not the fact
        "Nobody on the ward asks him about the theremin.",
        "She keeps biscuits in the shed.",
        "He used to go to the gym before his knee went.",
        "She used to live with her sister.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
