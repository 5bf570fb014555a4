"""Presidio's card and national ID number recognizers, skipped on texts without a run of six digits.

Each of their patterns needs six digits in a row with at most one space, dot or hyphen between two of
them (a UK National Insurance number has the fewest: "QQ 12 34 56 C"), and most diary entries have no
such run. Where they run, they find exactly what Presidio's own do (a test compares them).
"""

from __future__ import annotations

import regex
from presidio_analyzer.predefined_recognizers import (
    AuMedicareRecognizer,
    AuTfnRecognizer,
    CreditCardRecognizer,
    NhsRecognizer,
    UkNinoRecognizer,
    UsSsnRecognizer,
)

from qualdeid.detect.recognizers.contact import TextPrefilter


class DigitRunPrefilter(TextPrefilter):
    """``may_match``: six digits with at most one whitespace, dot or hyphen between two of them. Matched
    by the ``regex`` module, as Presidio matches its patterns (``\\d`` and ``\\s`` as they read them)."""

    HINT = regex.compile(r"\d(?:[\s.\-]?\d){5}")

    def may_match(self, text: str) -> bool:
        return self.HINT.search(text) is not None


class PrefilteredCreditCardRecognizer(DigitRunPrefilter, CreditCardRecognizer):
    def __init__(self) -> None:
        super().__init__(name="CreditCardRecognizer")


class PrefilteredAuMedicareRecognizer(DigitRunPrefilter, AuMedicareRecognizer):
    def __init__(self) -> None:
        super().__init__(name="AuMedicareRecognizer")


class PrefilteredAuTfnRecognizer(DigitRunPrefilter, AuTfnRecognizer):
    def __init__(self) -> None:
        super().__init__(name="AuTfnRecognizer")


class PrefilteredNhsRecognizer(DigitRunPrefilter, NhsRecognizer):
    def __init__(self) -> None:
        super().__init__(name="NhsRecognizer")


class PrefilteredUkNinoRecognizer(DigitRunPrefilter, UkNinoRecognizer):
    def __init__(self) -> None:
        super().__init__(name="UkNinoRecognizer")


class PrefilteredUsSsnRecognizer(DigitRunPrefilter, UsSsnRecognizer):
    def __init__(self) -> None:
        super().__init__(name="UsSsnRecognizer")


def number_recognizers() -> list[DigitRunPrefilter]:
    """Drop-in replacements for Presidio's CreditCardRecognizer, AuMedicareRecognizer, AuTfnRecognizer,
    NhsRecognizer, UkNinoRecognizer and UsSsnRecognizer, in that order."""
    return [
        PrefilteredCreditCardRecognizer(),
        PrefilteredAuMedicareRecognizer(),
        PrefilteredAuTfnRecognizer(),
        PrefilteredNhsRecognizer(),
        PrefilteredUkNinoRecognizer(),
        PrefilteredUsSsnRecognizer(),
    ]
