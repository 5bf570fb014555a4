"""The word before a name is found from a window before it exactly as from the start of the text."""

from __future__ import annotations

import random

import pytest

from qualdeid.detect.names.surnames import _WORD_BEFORE, word_before

#: pieces that make the word runs, spaces, newlines and punctuation the pattern cares about
PIECES = ["Tavi", "ʻo", "x", "9", "_", "'", "’", "-", " ", "  ", "\t", "\n", ".", ",", "Ørsted", "é"]


def full_search(text: str, start: int) -> tuple[int, int] | None:
    m = _WORD_BEFORE.search(text, 0, start)
    return None if m is None else m.span(1)


def windowed(text: str, start: int) -> tuple[int, int] | None:
    m = word_before(text, start)
    return None if m is None else m.span(1)


@pytest.mark.parametrize("seed", range(40))
def test_the_window_finds_what_the_whole_text_finds(seed):
    rng = random.Random(seed)
    # long runs too: a word, or spaces, longer than the window
    text = "".join(rng.choice(PIECES) * rng.choice([1, 1, 1, 30]) for _ in range(rng.randint(5, 120)))
    for start in range(len(text) + 1):
        assert windowed(text, start) == full_search(text, start), (text, start)


def test_a_word_longer_than_the_window_before_a_name():
    word = "Abcdefghij" * 10
    text = f"met {word}  \nRuiha"
    start = text.index("Ruiha")
    assert windowed(text, start) == full_search(text, start) == (4, 4 + len(word))
    assert windowed("Sefa Tupou", 5) == (0, 4)
    assert windowed("said, Tupou", 6) is None
