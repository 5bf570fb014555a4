"""Presidio's phone, URL, email and IP address recognizers, skipped on texts that cannot contain a match.

They are the slowest of Presidio's recognizers (per-region phone matching, a long TLD alternation), and
most diary entries hold no phone number, address or link, so a cheap search of the raw text decides
whether they run at all. Where they run, they find exactly what Presidio's own do (a test compares them).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

import regex
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
    """Presidio's URL recognizer, run only on texts that contain something like a host name: every
    match has a dot between two characters of Presidio's host-name class (``HINT``, case-insensitive
    like Presidio's patterns: "K" and "ſ" fold to ASCII letters).

    Where it runs, its patterns search only the stretches that can hold a match (:meth:`windows`), not
    the whole text: Presidio's patterns try their long alternation of domain endings at every letter,
    the slowest of all recognizers on a text with an address or a link in it. The matches are the
    same, found in the same order (a property test compares them with Presidio's own on generated text).
    """

    HINT = regex.compile(r"(?i)[a-z0-9.\-][.][a-z0-9\-]")
    #: a dot between two characters of a host name, as every address has ("mail.example", not "...so")
    HOST_DOT = regex.compile(r"(?i)[a-z0-9\-][.][a-z0-9\-]")
    #: A whole run of the characters of Presidio's host-name class in which a dot is followed by another
    #: of them (where a domain ending starts: not the full stop of "the end. Next"), and the path that
    #: may follow it (the class and the path as in ``UrlRecognizer.BASE_URL_REGEX``, case-insensitive).
    RUN = r"(?i)(?<![a-z0-9.\-])[a-z0-9.\-]*[.][a-z0-9\-][a-z0-9.\-]*(?:/[^\s()<>\"']*)?"
    #: How far a match can start before its run: a quote, "https://" and "www" with up to three digits
    #: that are not ASCII (``\d``), which end a run.
    BEFORE = 16
    #: How far a match can end after its run and path: a closing quote.
    AFTER = 1

    def __init__(self) -> None:
        super().__init__(name="UrlRecognizer")
        self._runs = regex.compile(self.RUN, flags=self.global_regex_flags)
        self._windows: list[tuple[int, int]] = []
        # copies: Presidio's class-level patterns stay as they are for any other UrlRecognizer
        self.patterns = [copy.copy(p) for p in self.patterns]
        for p in self.patterns:
            # Presidio compiled each pattern without flags when it was imported (compiling these long
            # patterns is a noticeable part of start-up); that compilation is reused, as the flags
            # change nothing here: each pattern opens with (?i) and has no ".", "^" or "$" outside a
            # character class, all that DOTALL and MULTILINE act on
            p.compiled_regex = _WindowedRegex(regex.compile(p.regex), self)
            p.compiled_with_flags = self.global_regex_flags

    def may_match(self, text: str) -> bool:
        return self.HINT.search(text) is not None

    def analyze(self, text: str, entities: list[str], *args: Any, **kwargs: Any) -> list[RecognizerResult]:
        if not self.may_match(text):
            return []
        self._windows = self.windows(text)
        try:
            found = UrlRecognizer.analyze(self, text, entities, *args, **kwargs) if self._windows else []
        finally:
            self._windows = []
        return [r for r in found if self.is_address(text, r.start, r.end)]

    @classmethod
    def is_address(cls, text: str, start: int, end: int) -> bool:
        """Not an ellipsis before a word: a transcript's "[inaudible] ...so" reads as the domain ".so"."""
        return text[start] != "." and cls.HOST_DOT.search(text, start, end) is not None

    def windows(self, text: str) -> list[tuple[int, int]]:
        """Disjoint (start, end) stretches of ``text``, in order, that hold every possible match.

        Every character of a match but its quotes, "https://" and a non-ASCII digit after "www" is of
        the host-name class, and the match holds a dot followed by the letters of a domain ending: so it
        lies in one such run (with its path), widened by ``BEFORE`` and ``AFTER``. The patterns have no
        anchors, lookarounds or word boundaries, so a search confined to the stretches finds what a
        search of the whole text finds.
        """
        out: list[tuple[int, int]] = []
        for m in self._runs.finditer(text):
            start, end = max(0, m.start() - self.BEFORE), min(len(text), m.end() + self.AFTER)
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out


class _WindowedRegex:
    """A compiled pattern whose ``finditer`` (as Presidio calls it) searches only the recognizer's windows."""

    def __init__(self, compiled: Any, owner: PrefilteredUrlRecognizer) -> None:
        self.compiled = compiled
        self.owner = owner

    def finditer(self, text: str, timeout: float | None = None) -> Iterator[Any]:
        for start, end in self.owner._windows:
            yield from self.compiled.finditer(text, start, end, timeout=timeout)


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
