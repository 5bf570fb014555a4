"""Roles and occupations in their frames (detect/rare/roles.py), one finder on its own: what it finds, and the
ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "roles"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He used to be a lighthouse keeper on the north coast.", "used to be a lighthouse keeper on the north coast"),
        ("She worked as a child actor in adverts.", "worked as a child actor in adverts"),
        ("He is a former jockey.", "is a former jockey"),
        ("She is the daughter of a famous boxer.", "the daughter of a famous boxer"),
        # a role held for a stretch of time is judged more loosely
        ("He was a bicycle messenger in Leeds for nine years.", "was a bicycle messenger in Leeds"),
        ("He spent twenty-odd winters as a trawler mechanic.", "spent twenty-odd winters as a trawler mechanic"),
        ("She spent nine summers as a cannery cook.", "spent nine summers as a cannery cook"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "He used to be a teacher in town.",
        "She worked as a cleaner at the hospital.",
        "He is a former student of mine.",
        "She is the daughter of a neighbour.",
        "She was a nurse for ten years before she got ill.",
        "He was a support worker for years.",
        "She was a school nurse for ten years.",
        "He was a hospital porter for years.",
        "He was a messenger of hope that day.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
