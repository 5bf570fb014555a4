"""Presidio's phone, URL, email and IP address recognizers, skipped on texts that cannot contain a match.

They are the slowest of Presidio's recognizers (per-region phone matching, a long TLD alternation), and
most diary entries hold no phone number, address or link, so a cheap search of the raw text decides
whether they run at all. Where they run, they find exactly what Presidio's own do (a test compares them).
"""

from __future__ import annotations

import re
from typing import Any

from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import EmailRecognizer, IpRecognizer, PhoneRecognizer, UrlRecognizer

#: Countries whose phone number formats are recognised (the US plan covers Canada).
PHONE_REGIONS = ("AU", "NZ", "GB", "IE", "US")


class TextPrefilter:
    """Mixin for a Presidio recognizer: ``analyze`` returns nothing at once when ``may_match`` says no."""

    def may_match(self, text: str) -> bool:
        raise NotImplementedError

    def analyze(self, text: str, entities: list[str], *args: Any, **kwargs: Any) -> list[RecognizerResult]:
        if not self.may_match(text):
            return []
        return super().analyze(text, entities, *args, **kwargs)  # type: ignore[misc]


class PrefilteredEmailRecognizer(TextPrefilter, EmailRecognizer):
    """Presidio's email recognizer, run only on texts with an "@"."""

    def __init__(self) -> None:
        super().__init__(name="EmailRecognizer")

    def may_match(self, text: str) -> bool:
        return "@" in text


class PrefilteredPhoneRecognizer(TextPrefilter, PhoneRecognizer):
    """Presidio's phone recognizer, run only on texts with a run of at least six digits (spaces,
    dots, dashes and brackets allowed between them)."""

    HINT = re.compile(r"\d(?:[ ().+-]{0,3}\d){5}")

    def __init__(self) -> None:
        super().__init__(supported_regions=PHONE_REGIONS, name="PhoneRecognizer")

    def may_match(self, text: str) -> bool:
        return self.HINT.search(text) is not None


class PrefilteredUrlRecognizer(TextPrefilter, UrlRecognizer):
    """Presidio's URL recognizer, run only on texts that contain something like a host name: a URL
    always contains "http", "www." or a dot directly between letters or digits."""

    HINT = re.compile(r"https?:|www\.|[A-Za-z0-9-]\.[A-Za-z]{2,}")

    def __init__(self) -> None:
        super().__init__(name="UrlRecognizer")

    def may_match(self, text: str) -> bool:
        return self.HINT.search(text) is not None


class PrefilteredIpRecognizer(TextPrefilter, IpRecognizer):
    """Presidio's IP address recognizer, run only on texts with a digit, a dot and a digit (IPv4) or a
    hexadecimal digit before a colon, or two colons (IPv6)."""

    HINT = re.compile(r"\d\.\d|[0-9A-Fa-f]:|::")

    def __init__(self) -> None:
        super().__init__(name="IpRecognizer")

    def may_match(self, text: str) -> bool:
        return self.HINT.search(text) is not None


def contact_recognizers() -> list[TextPrefilter]:
    """The drop-in replacements for Presidio's EmailRecognizer, PhoneRecognizer, UrlRecognizer and
    IpRecognizer, in that order."""
    return [
        PrefilteredEmailRecognizer(),
        PrefilteredPhoneRecognizer(),
        PrefilteredUrlRecognizer(),
        PrefilteredIpRecognizer(),
    ]
