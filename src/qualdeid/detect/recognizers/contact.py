"""Phone numbers of the countries qualdeid is used in, via Presidio's PhoneRecognizer."""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

REGIONS = ("AU", "GB", "US", "NZ", "CA", "IE")
#: at least seven digits with phone-like separators: texts without one skip the (slow) per-region matcher
PHONE_CANDIDATE = regex.compile(r"\d(?:[ \t().+-]{0,3}\d){6,}")


class RegionalPhoneRecognizer(PhoneRecognizer):
    """Presidio's PhoneRecognizer for AU/GB/US/NZ/CA/IE numbers, skipped on texts with no digit run."""

    def __init__(self) -> None:
        super().__init__(supported_regions=REGIONS, name="RegionalPhoneRecognizer")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if not PHONE_CANDIDATE.search(text):
            return []
        return super().analyze(text, entities, nlp_artifacts)
