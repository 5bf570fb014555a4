"""Life events told with the age or year they happened (detect/rare/milestones.py), one finder on its own:
what it finds, and the ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "milestones"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Tomasz told me he was sectioned at nineteen after a bad year.", "was sectioned"),
        ("My cousin had a kidney transplant at forty-one.", "had a kidney transplant"),
        ("She lost her sister in a flood when she was nine.", "lost her sister in a flood"),
        ("I got sober at thirty and never looked back.", "got sober"),
        ("His uncle took his own life in 1998.", "took his own life"),
        ("Priya became a mum at seventeen.", "became a mum"),
        ("He fell off a grain silo at sixteen.", "fell off a grain silo"),
        ("Marta was diagnosed bipolar at forty.", "was diagnosed bipolar"),
        ("His dad died by suicide in 2011.", "died by suicide"),
        ("I was kicked out at 18.", "was kicked out"),
        (
            "Oskar won a regional chess title when he was ten.",
            "won a regional chess title",
        ),
        ("She lost a baby at twenty weeks.", "lost a baby"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "We met at 5 pm by the river.",
        "I broke my phone in 2020.",
        "She started school at five.",
        "He fell at one point but got up.",
        "He fell asleep at ten.",
        "Kofi lost his job in 2020.",
        "We lost the match at 4.",
        "The shop was sold in 2012.",
        "She had a baby at 6 this morning.",
        "The council lost the vote in 2018.",
        "She moved to the coast in 2015, she said.",
        "I had a coffee at ten with the team.",
        "He wants to get married in 2027.",
        "They got married in June 2009.",
        "My gran died in 2015, peacefully.",
        "Mum was diagnosed at forty-six.",
        "She died of cancer in 2019.",
        "He had a stroke at seventy-two.",
        "I have to get my son from the station at 3.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []


def test_the_age_is_cut_out_and_the_event_kept(detector) -> None:
    """Detection marks the age; the detail is the event's words before it."""
    text = "Later Ines told me she had her first son at fifteen and left home soon after."
    spans = detector.detect_text(text).spans
    rare = [s.text for s in spans if s.label == "RARE_DETAIL"]
    assert any(s.text == "fifteen" and s.label == "AGE" for s in spans), [(s.text, s.label) for s in spans]
    assert any(r.startswith("had her first son") for r in rare), rare
    assert not any("fifteen" in r for r in rare), rare
