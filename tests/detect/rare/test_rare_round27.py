"""Round 27 classes of rare details, one finder at a time (invented texts): a body part lost with the accident
that took it after where it was lost, a body part someone was born without (with a possessive), a named race
done many times, a disaster survived that the text names, a journey told with an irregular past the small
tagger leaves as it is, being struck off, being trapped for hours or days, a skill learnt late, the only one
of a role in a scope, a rare thing kept in order for a group a community knows; and their look-alikes."""

from __future__ import annotations

import pytest

from helpers import finder_hits


@pytest.mark.parametrize(
    ("family", "text", "phrase"),
    [
        # what took the part, after where on the body it was lost
        (
            "verbs",
            "He lost his right arm below the elbow in a bandsaw accident years ago.",
            "lost his right arm below the elbow in a bandsaw accident",
        ),
        # born without a part, with a possessive before it
        ("body", "He was born without his right thumb.", "was born without his right thumb"),
        # a named race or contest done again and again
        ("biography", "He has run the Coldwater Marathon seven times.", "has run the Coldwater Marathon seven times"),
        (
            "biography",
            "She has done the Ridgeway Classic three times now.",
            "has done the Ridgeway Classic three times",
        ),
        # a disaster survived, named or told of what
        ("events", "She survived the Tarrant Mill fire as a girl.", "survived the Tarrant Mill fire"),
        ("events", "He survived the sinking of the Northern Gannet.", "survived the sinking of the Northern Gannet"),
        # put out of a profession
        ("events", "She was struck off the dental register last spring.", "was struck off the dental register"),
        ("events", "He was struck off as a vet in the nineties.", "was struck off as a vet"),
        # held trapped for hours or days
        ("events", "He was pinned under a tractor for six hours.", "was pinned under a tractor for six hours"),
        # a skill learnt late in life
        ("milestones", "She learned to swim in her sixties.", "learned to swim in her sixties"),
        ("milestones", "He learnt to sail at 66, after his wife died.", "learnt to sail at 66"),
        # a journey told with "swam", which the small tagger may leave as a present verb
        (
            "patterns",
            "She swam across Kelp Bay to Port Auden as a teenager.",
            "swam across Kelp Bay to Port Auden as a teenager",
        ),
        # the only one of a role in a scope, told of a person
        ("patterns", "She was the only pharmacist in the valley for years.", "was the only pharmacist in the valley"),
        # a rare thing repaired or tuned for a group a community knows
        ("handmade", "He tunes glockenspiels for every marching band in the valley.", "tunes glockenspiels for every"),
        ("handmade", "She repairs sitars for the temple orchestra.", "repairs sitars for the temple orchestra"),
    ],
)
def test_finds(detector, family: str, text: str, phrase: str) -> None:
    assert any(hit.startswith(phrase) for hit in finder_hits(detector, family, text)), finder_hits(
        detector, family, text
    )


@pytest.mark.parametrize(
    ("family", "text"),
    [
        ("verbs", "She lost her gloves in the park near the depot."),
        ("body", "She did it without her glasses."),
        ("biography", "We run the Tuesday Club three times a week."),
        ("biography", "She has been to the Harbour Regatta once."),
        ("events", "He survived the weekend at his sister's."),
        ("events", "She survived the fire drill at work."),
        ("patterns", "He ran across the car park to the shop."),
        ("milestones", "He learned to ride a bike at 9 like everyone."),
        ("milestones", "I learned to cook at 45 minutes past the hour."),
        ("events", "The ball struck off the post and went in."),
        ("events", "I was stuck in traffic for two hours."),
        ("events", "She was trapped in a bad marriage for years."),
        ("patterns", "It was the only cafe in the village."),
        ("patterns", "He was the only person in the village with a car."),
        ("handmade", "He fixed the sink for the church."),
        ("handmade", "She fixed the boiler herself last winter."),
        ("handmade", "He repairs cars for the council."),
    ],
)
def test_leaves_the_look_alikes(detector, family: str, text: str) -> None:
    assert finder_hits(detector, family, text) == []
