"""Presidio's phone, URL and email recognizers, skipped on texts that cannot contain a match.

They are the slowest of Presidio's recognizers (per-region phone matching, a long TLD alternation), and
most diary entries hold no phone number, address or link, so a cheap search of the raw text decides
whether they run at all.
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import EmailRecognizer, PhoneRecognizer, UrlRecognizer

#: Countries whose phone number formats are recognised.
PHONE_REGIONS = ("AU", "NZ", "GB", "IE", "US", "CA")
#: seven or more digits with phone-like separators
PHONE_CANDIDATE = re.compile(r"\d(?:[ \t().+-]{0,3}\d){6,}")
#: a dot between letters/digits with no space after it ("example.org", "www.")
URL_CANDIDATE = re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2}|://")


class TextPrefilter:
    """Mixin for a Presidio recognizer: ``analyze`` returns nothing at once when ``may_match`` says no."""

    def may_match(self, text: str) -> bool:
        raise NotImplementedError

    def analyze(self, text: str, entities: list[str], *args: Any, **kwargs: Any) -> list[RecognizerResult]:
        if not self.may_match(text):
            return []
        return super().analyze(text, entities, *args, **kwargs)  # type: ignore[misc]


class RegionalPhoneRecognizer(TextPrefilter, PhoneRecognizer):
    """Presidio's PhoneRecognizer for AU/NZ/GB/IE/US/CA numbers."""

    def __init__(self) -> None:
        super().__init__(supported_regions=PHONE_REGIONS, name="PhoneRecognizer")

    def may_match(self, text: str) -> bool:
        return PHONE_CANDIDATE.search(text) is not None


class PrefilteredUrlRecognizer(TextPrefilter, UrlRecognizer):
    def __init__(self) -> None:
        super().__init__(name="UrlRecognizer")

    def may_match(self, text: str) -> bool:
        return URL_CANDIDATE.search(text) is not None


class PrefilteredEmailRecognizer(TextPrefilter, EmailRecognizer):
    def __init__(self) -> None:
        super().__init__(name="EmailRecognizer")

    def may_match(self, text: str) -> bool:
        return "@" in text


def contact_recognizers() -> list[PhoneRecognizer | UrlRecognizer | EmailRecognizer]:
    """Drop-in replacements for Presidio's PhoneRecognizer, UrlRecognizer and EmailRecognizer."""
    return [RegionalPhoneRecognizer(), PrefilteredUrlRecognizer(), PrefilteredEmailRecognizer()]
