"""Unusual bodies told by counts and comparisons (detect/rare/body.py), one finder on its own: what it finds, and the
ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "body"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("She was born with six toes on her left foot.", "was born with six toes on her left foot"),
        ("He has one green eye and one grey eye.", "has one green eye and one grey eye"),
        # a contracted "has got": the contraction is the verb of the frame
        ("She's got one hazel eye and one pale grey eye.", "'s got one hazel eye and one pale grey eye"),
        ("He's got only four fingers on his right hand.", "'s got only four fingers on his right hand"),
        ("He stands six foot eight in his socks.", "stands six foot eight"),
        ("My neighbour has a hook instead of a hand.", "has a hook instead of a hand"),
        ("Her cousin donated a kidney to his sister last spring.", "donated a kidney to his sister last spring"),
        ("They had a three-legged greyhound called Pip.", "a three-legged greyhound"),
        ("Colin is missing his left thumb since the accident.", "is missing his left thumb"),
        ("He kept touching the swallow tattooed on his throat.", "swallow tattooed on his throat"),
        ("She has the map of her island tattooed across her forehead.", "her island tattooed across her forehead"),
        # a mark the small tagger reads as an adverb, "right across", a part a mark runs across, no "has"
        ("She has a swallow tattoo right across her neck.", "swallow tattoo right across her neck"),
        ("He has a compass tattoo across his knuckles.", "compass tattoo across his knuckles"),
        ("Then I saw the big anchor tattoo across his chest.", "big anchor tattoo across his chest"),
        # a made part said of someone's own part
        (
            "She told the group her right eye is a prosthetic from the crash.",
            "her right eye is a prosthetic from the crash",
        ),
        # counted or sided parts that no longer work
        ("On his right foot, three toes won't straighten, she says.", "three toes won't straighten"),
        ("Her right arm won't lift past her shoulder after the stroke.", "Her right arm won't lift"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "The chair has four legs and one of them wobbles.",
        "The shelf is six foot wide.",
        "She keeps one eye on the kettle.",
        "We ran the three-legged race at the fete.",
        "She was missing her mum a lot this week.",
        "He is missing his appointments again.",
        "His name was tattooed on a list somewhere.",
        "The table was marked on its top.",
        # a mark on a part that is no face and not across it is ordinary
        "She has a small scar on her knee.",
        "He has a tattoo on his arm from the navy.",
        "The coffee left a stain across the table.",
        "The doll's left eye is a glass bead.",
        "Her right eye is a bit sore today.",
        "My knees don't bend like they used to.",
        "The two doors don't close properly.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
