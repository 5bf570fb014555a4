"""What the finaliser keeps of one span English NER read in a text, for the tests of other languages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import NER_DETECTOR, Finaliser
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def final() -> Callable[[str, str, str], list[str]]:
    """``final(text, surface, label)``: the texts of the spans left of NER's ``surface`` read as ``label``."""
    finaliser = Finaliser(Rules())

    def kept(text: str, surface: str, label: str) -> list[str]:
        start = text.index(surface)
        span = Span(start, start + len(surface), label, score=0.85, detector=NER_DETECTOR)
        return [s.text for s in finaliser.spans(text, [span])]

    return kept
