"""Presidio AnalyzerEngine on a preloaded spaCy pipeline (see ``model.py``: never a download)."""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from spacy.language import Language

import qualdeid.detect.offline  # noqa: F401  (must run before Presidio's email/URL recognizers are used)

LANGUAGE = "en"

#: Presidio entity types -> (canonical label, subtype kept for reports).
PRESIDIO_TO_CANONICAL: dict[str, str] = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "GPE": "LOCATION",
    "ORGANIZATION": "ORGANIZATION",
    "NRP": "NORP",
    "DATE_TIME": "DATE_TIME",
    "AGE": "AGE",
    "EMAIL_ADDRESS": "CONTACT",
    "PHONE_NUMBER": "CONTACT",
    "URL": "CONTACT",
    "IP_ADDRESS": "CONTACT",
    "CREDIT_CARD": "ID",
    "IBAN_CODE": "ID",
    "CRYPTO": "ID",
    "MEDICAL_LICENSE": "ID",
    "US_SSN": "ID",
    "US_PASSPORT": "ID",
    "US_DRIVER_LICENSE": "ID",
    "US_ITIN": "ID",
    "US_BANK_NUMBER": "ID",
    "UK_NHS": "ID",
    "UK_NINO": "ID",
    "AU_MEDICARE": "ID",
    "AU_TFN": "ID",
    "AU_ABN": "ID",
    "AU_ACN": "ID",
}


class PreloadedSpacyNlpEngine(SpacyNlpEngine):
    """A SpacyNlpEngine around an already-loaded pipeline: ``load()`` never calls spacy.cli.download."""

    def __init__(self, nlp: Language) -> None:
        super().__init__(
            models=[{"lang_code": LANGUAGE, "model_name": nlp.meta.get("name", "custom")}],
            ner_model_configuration=NerModelConfiguration(),
        )
        self.nlp = {LANGUAGE: nlp}

    def load(self) -> None:  # already loaded
        return None


def build_analyzer(nlp: Language) -> AnalyzerEngine:
    nlp_engine = PreloadedSpacyNlpEngine(nlp)
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    registry.load_predefined_recognizers(languages=[LANGUAGE], nlp_engine=nlp_engine)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE])
