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
        # a craft done for a client people know
        ("He carves marionettes for the town museum.", "carves marionettes for the town museum"),
        ("Back home she sewed gowns for a film studio.", "sewed gowns for a film studio"),
        ("In Daugavpils she sewed ghagras for a film studio.", "sewed ghagras for a film studio"),
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
        "He built the stage for the festival.",
        "He made a cake for the church picnic.",
        "She sewed it for the church.",
        "They made a big decision by themselves.",
        "She made the table herself.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Gerwyn brought one of the old brass barometers he restores.", "old brass barometers he restores"),
        ("Twelve of the soapstone owls she carves were on the table.", "soapstone owls she carves"),
    ],
)
def test_a_craft_told_by_the_thing_before_its_maker(detector, text: str, phrase: str) -> None:
    """A verb of a craft needs no sign of handwork where the thing made stands before "<pronoun> <verb>"."""
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "He showed me the old cars he restores.",  # everyday things restored
        "She brought the jumpers she knits for the market.",  # not a verb of a craft without a sign
        "They carve the turkey at noon.",  # no maker after the thing
    ],
)
def test_a_craft_before_its_maker_leaves_everyday_things(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
