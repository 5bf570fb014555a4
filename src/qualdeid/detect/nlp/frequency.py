"""How common a word is in general English: wordfreq's Zipf scale (7 = "the", 3 = once per million
words, 0 = unknown), asked once per word and process."""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The Zipf frequency of ``word`` as written (callers lower-case it where case should not count)."""
    return zipf_frequency(word, "en")


def frequency_text(z: float) -> str:
    """A Zipf value as a per-word probability, for a reviewer: ``2.0`` -> ``"1e-07"``."""
    return f"{10 ** (z - 9):.0e}"
