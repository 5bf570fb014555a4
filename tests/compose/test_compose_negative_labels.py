"""A form label or answer word that says what did not help ("Not helpful:", "No:" under a "Helpful?" prompt) is
not dropped silently: the words after it would read as what helped. The draft says so in prose instead."""

from __future__ import annotations

import pytest

from qualdeid.compose import Composer, load_compose_config
from qualdeid.compose.cast import Cast
from qualdeid.compose.names import NamePicker
from qualdeid.compose.select import Cut
from qualdeid.corpus.model import Document, Segment

PARTS = [
    "What helped:\nYes: sitting with Orlenna by the window. No: the long wait for the bus.",
    "What helped:\nWalking beside her to the shop. Not helpful: I rushed the goodbye at the end.",
    "What helped:\nNot helpful: the noise from the lounge. Orlenna laughed at the end anyway.",
]


@pytest.fixture(scope="module")
def paragraphs(detector) -> list[str]:
    docs = []
    for i, part in enumerate(PARTS):
        text = f"Entry {i + 1}\n{part}\n"
        start = text.index(part)
        docs.append(Document(f"d{i}", text, segments=[Segment(start, start + len(part), ["visits"])]))
    composer = Composer(detector, load_compose_config())
    corpus = composer.prepare(docs)
    out = []
    for frag in sorted(corpus.every, key=lambda f: f.doc_id):
        cast = Cast(NamePicker("en_AU", composer.config, seed=1, exclude=corpus.names), "she", None)
        out.append(composer.paragraph(corpus, Cut(frag, 0, len(frag.sentences) - 1, 0), cast, "she").text)
    return out


def test_what_did_not_help_is_said_so(paragraphs: list[str]) -> None:
    first, second, third = paragraphs
    assert "Yes:" not in first and "No:" not in first
    assert "Not everything helped, though: the long wait" in first
    assert "Not everything helped, though: I rushed the goodbye" in second
    assert third.startswith("Not everything helped, though: the noise")  # no "What helped was" before it
    assert "Not helpful" not in second + third
