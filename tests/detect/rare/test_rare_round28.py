"""Round 28 classes of rare details, one finder at a time (invented texts): an activity kept up into old age,
the first or only woman of a kind told in another language, a deed no other woman or man did, a birth told
without "born" or "birth"; and their look-alikes."""

from __future__ import annotations

import pytest

from helpers import finder_hits


@pytest.mark.parametrize(
    ("family", "text", "phrase"),
    [
        # an activity kept up into old age, with a word rare in English
        (
            "milestones",
            "She still paddles with the canoe polo team at 83.",
            "still paddles with the canoe polo team at 83",
        ),
        (
            "milestones",
            "He swam in the reservoir every New Year until he was 88.",
            "swam in the reservoir every New Year until he was 88",
        ),
        # the first or only woman of a kind, in other languages
        ("firsts", "Mi abuela fue la primera mujer bombera del pueblo, y nunca lo olvidó.", "la primera mujer bombera"),
        ("firsts", "Elle était la seule femme forgeronne de la vallée.", "la seule femme forgeronne de la vallée"),
        ("firsts", "Siya ang unang babaeng piloto sa aming bayan.", "ang unang babaeng piloto sa aming bayan"),
        # a deed no other woman or man did
        (
            "firsts",
            "She drove a snowplough in Brackenvale when no other woman would.",
            "drove a snowplough in Brackenvale",
        ),
        # a birth told without "born" or "birth"
        ("patterns", "She had the baby in the back of a minibus.", "had the baby in the back of a minibus"),
        ("patterns", "Mum says the twins came in the lift.", "the twins came in the lift"),
        ("patterns", "She told me about having the baby in a helicopter.", "having the baby in a helicopter"),
    ],
)
def test_finds(detector, family: str, text: str, phrase: str) -> None:
    hits = finder_hits(detector, family, text)
    assert any(hit.startswith(phrase) for hit in hits), hits


@pytest.mark.parametrize(
    ("family", "text"),
    [
        # an ordinary life kept up, a young age, or no "still" / "until"
        ("milestones", "She still lives alone at 91."),
        ("milestones", "He still paddles with the canoe polo team at 45."),
        ("milestones", "She paddles with the canoe polo team at 83 most weeks."),
        # an everyday skill kept up: no word rare enough
        ("milestones", "She still threads a needle without glasses at 88."),
        # everyday words only
        ("milestones", "He played cards with his mates until he was 90."),
        # a first wife, a woman who is merely a woman, a first time
        ("firsts", "Mi abuelo se casó dos veces; su primera mujer murió joven."),
        ("firsts", "Había una mujer en la puerta."),
        ("firsts", "Fue la primera vez que la vi."),
        # "no other" of no person's deed
        ("firsts", "It rained when no other town had a drop."),
        # a child someone had with them, a child in a seat, a baby arriving on a day
        ("patterns", "He had his daughter on the bus with him every morning."),
        ("patterns", "They had a baby in the car seat, so we moved it."),
        ("patterns", "The baby came on Tuesday."),
    ],
)
def test_leaves(detector, family: str, text: str) -> None:
    assert finder_hits(detector, family, text) == []


def test_first_stops_at_its_clause(detector) -> None:
    """A first runs on to an "and" of its language, not over the next clause."""
    text = "Fue la primera mujer bombera del pueblo y nunca lo olvidó, decía mi madre."
    assert finder_hits(detector, "firsts", text) == ["la primera mujer bombera del pueblo"]
