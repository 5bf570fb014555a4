"""Presidio recognizers for places, organisations, contacts, IDs, dates and ages beyond spaCy NER."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from spacy.language import Language

from qualdeid.detect.rules import Rules


def build_recognizers(rules: Rules, nlp: Language) -> list[EntityRecognizer]:
    """All qualdeid recognizers, configured from ``rules`` (to be added to a RecognizerRegistry)."""
    return []
