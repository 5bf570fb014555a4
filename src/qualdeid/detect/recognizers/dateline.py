"""The place of a letter's dateline: a town, a comma and the date, alone on a line ("Vårdal, 3. mars 2025",
"Ettlingen, den 14.06.2024", "Port Tavish, 9 May 2024", "Kerava, May 9, 2024").

Letters in many countries open with where and when they were written. The town may be too small for
any gazetteer and NER rarely reads one before a date; the line's shape is the evidence. A word that is a
calendar word or everyday English ("Today, 3 May 2024", "Monday, 3 June 2024") is no town.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import LOCATION
from qualdeid.rules import Rules, alternation

#: a word at least this common in English is no town here, unless the gazetteer knows it
TOWN_WORD_ZIPF = 4.5
#: what may stand between the comma and the date: "den", "le", "am", "the"
_DATE_LEADS = r"(?:(?:den|der|le|el|il|am|the|on|dnia|dne)[ \t]+)?"
_WORD = regex.compile(r"\p{L}[\p{L}'’.-]*")


class DatelineRecognizer(_TextRecognizer):
    """The town before the date of a letter's dateline (module docstring)."""

    LABELS = (LOCATION,)
    #: below NER (0.85): a person NER finds on such a line ("Ana Ruiz, 3 May 2024") keeps its reading
    SCORE = 0.6

    def __init__(self, rules: Rules) -> None:
        calendar = rules.lists("lexicons/calendar.yaml")
        months = calendar["months"] | calendar["months_short"] | rules.words("lexicons/months_world.txt", lower=True)
        weekdays = calendar["weekdays"] | calendar["weekdays_short"]
        self.not_towns = (
            months
            | weekdays
            | rules.words("lexicons/weekdays_world.txt", lower=True)
            | rules.words("lexicons/not_places.txt", lower=True)
        )
        self.towns = rules.words("lexicons/towns.txt", lower=True)
        month = rf"(?i:{alternation(months)})\.?"
        year = r"(?:19|20)\d\d"
        date = (
            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\.?[ \t]*(?:de[ \t]+)?{month}(?:[ \t]+de)?,?[ \t]+{year}"
            rf"|\d{{1,2}}[./-]\d{{1,2}}[./-](?:{year}|\d\d)"
            rf"|{month}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+{year})"
        )
        self.line = regex.compile(
            rf"^[ \t]*(?P<town>\p{{Lu}}[\p{{L}}'’.-]+(?:[ \t-]+\p{{Lu}}[\p{{L}}'’.-]+){{0,2}}),[ \t]*"
            rf"(?i:{_DATE_LEADS}){date}[ \t.]*$",
            regex.MULTILINE,
        )
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        if "," not in text:
            return
        for m in self.line.finditer(text):
            words = [w.lower() for w in _WORD.findall(m.group("town"))]
            if any(w in self.not_towns for w in words):
                continue
            if all(w not in self.towns and zipf(w) >= TOWN_WORD_ZIPF for w in words):
                continue
            yield m.start("town"), m.end("town"), LOCATION
