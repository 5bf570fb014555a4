"""A form label or answer word that says what did not help ("Not helpful:", "No:" under a "Helpful?" prompt) is
not dropped silently: the words after it would read as what helped. The draft says so in prose instead."""

from __future__ import annotations

import pytest

from helpers import compose_each_part

PARTS = [
    "What helped:\nYes: sitting with Orlenna by the window. No: the long wait for the bus.",
    "What helped:\nWalking beside her to the shop. Not helpful: I rushed the goodbye at the end.",
    "What helped:\nNot helpful: the noise from the lounge. Orlenna laughed at the end anyway.",
]


@pytest.fixture(scope="module")
def paragraphs(detector) -> list[str]:
    return [p.text for p in compose_each_part(detector, PARTS, "visits")]


def test_what_did_not_help_is_said_so(paragraphs: list[str]) -> None:
    first, second, third = paragraphs
    assert "Yes:" not in first and "No:" not in first
    assert "Not everything helped, though: the long wait" in first
    assert "Not everything helped, though: I rushed the goodbye" in second
    assert third.startswith("Not everything helped, though: the noise")  # no "What helped was" before it
    assert "Not helpful" not in second + third
