"""Rare personal details (RARE_DETAIL): unusual jobs, hobbies, life events, traits, family situations.

Work in progress: this first version finds nothing; the trigger patterns and lexicons follow.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.rules import Rules


class RareDetailProcessor:
    """A :class:`~qualdeid.detect.processors.CorpusProcessor` for rare personal details."""

    name = "rare"

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        return [], ()

    def observe(self, doc_id: str, observation: Any) -> None:
        return None

    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        return candidates
