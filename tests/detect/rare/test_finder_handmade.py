"""Things made by hand (detect/rare/handmade.py), one finder on its own: what it finds, and the ordinary
look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "handmade"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He played us a tune on the mandolin he made himself.", "mandolin he made himself"),
        ("She builds bird feeders out of old cricket bats.", "builds bird feeders out of old cricket bats"),
        ("He showed me the model trams he builds in his garage.", "model trams he builds in his garage"),
        (
            "A quilt of her old village stitched entirely from memory hangs in the hall.",
            "stitched entirely from memory",
        ),
        ("I built it myself, by hand, out of driftwood.", "built it myself, by hand, out of driftwood"),
        ("They wore helmets they made by hand for the parade.", "helmets they made by hand"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert any(phrase in hit for hit in finder_hits(detector, FAMILY, text))


@pytest.mark.parametrize(
    "text",
    [
        "She made the tea herself before anyone was up.",
        "He made a mess out of the kitchen.",
        "We made a plan out of what she said.",
        "I made it myself.",
        "She made a list in her room.",
        "He built the shelves and then went home.",
        "They made a big decision by themselves.",
        "She made the table herself.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
