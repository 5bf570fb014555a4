"""The organisation after a job title in a signature line: "Ana Ruiz, family support worker, Brightwater
Housing Trust", "> youth mentor, Solbakken ungdomsskole", "Coordinator, Lakeshore Tenants' Union".

A signature names the writer, the job and the employer, one after the other between commas. The job
title (``rules/lexicons/job_titles.txt``) is the evidence; the item after it is the organisation when it
opens with a capital, holds no digit and no everyday English word other than the joining ones ("of",
"and"), and has at least one word rarer than an everyday word (not "Manager, Day Services").
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import regex

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.recognizers.structure import Found, _TextRecognizer
from qualdeid.labels import ORGANIZATION
from qualdeid.rules import Rules

#: a line longer than this is prose, not a signature's line
MAX_LINE = 120
#: an organisation's own words: at least one rarer than this (wordfreq Zipf)
RARE_WORD_ZIPF = 3.5
#: a lower-case word this common makes the item a sentence ("Nurse, Mary said")
PROSE_WORD_ZIPF = 5.0
#: the most words of a job title's item and of an organisation's
MAX_ROLE_WORDS = 5
MAX_ORG_WORDS = 7
#: lower-case words an organisation's name may hold in English
_JOINERS = frozenset({"of", "and", "for", "the", "&", "in", "on"})
#: words that make a job's item a sentence ("I am a nurse, ...")
_NOT_ROLE = frozenset({"i", "am", "is", "was", "a", "an", "my", "as", "he", "she", "we", "they", "you", "be"})
_LINE = regex.compile(r"^[ \t>]*(?P<body>[^\n]+?)[ \t]*$", regex.MULTILINE)
_WORD = regex.compile(r"[\p{L}&][\p{L}'’.-]*")


class RoleOrgRecognizer(_TextRecognizer):
    """The organisation named after a job title in a signature line (module docstring)."""

    LABELS = (ORGANIZATION,)
    #: below NER (0.85): a place or a person NER reads in the item keeps its reading
    SCORE = 0.6

    def __init__(self, rules: Rules) -> None:
        self.titles = rules.words("lexicons/job_titles.txt", lower=True)
        self.not_places = rules.words("lexicons/not_places.txt", lower=True)
        #: credentials and roles in capitals ("RN", "MSW", "PhD"): no organisation
        self.abbreviations = rules.words("lexicons/role_abbreviations.txt", lower=True) | rules.words(
            "names/not_initials.txt", lower=True
        )
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        if "," not in text:
            return
        for line in _LINE.finditer(text):
            body = line.group("body")
            if len(body) > MAX_LINE or body.count(",") < 1 or body.endswith((".", "?", "!", ":")):
                continue
            items = list(regex.finditer(r"[^,]+", body))
            for role, org in pairwise(items):
                if self._is_role(role.group()) and self._is_org(org.group()):
                    lead = len(org.group()) - len(org.group().lstrip())
                    trail = len(org.group().rstrip())
                    start = line.start("body") + org.start()
                    yield start + lead, start + trail, ORGANIZATION

    def _is_role(self, item: str) -> bool:
        words = [w.lower() for w in _WORD.findall(item)]
        return (
            0 < len(words) <= MAX_ROLE_WORDS
            and words[-1] in self.titles
            and not any(w in _NOT_ROLE for w in words)
            and not regex.search(r"\d", item)
        )

    def _is_org(self, item: str) -> bool:
        stripped = item.strip()
        words = _WORD.findall(stripped)
        if not words or len(words) > MAX_ORG_WORDS or not stripped[:1].isupper() or regex.search(r"\d|@", stripped):
            return False
        low = [w.lower() for w in words]
        if stripped.lower() in self.not_places or stripped.lower() in self.abbreviations or low[-1] in self.titles:
            return False  # "Nurse, Australia"; "Social Worker, MSW"; "Nurse, Senior Coordinator"
        for w, lw in zip(words, low, strict=True):
            if w[:1].islower() and lw not in _JOINERS and zipf(lw) >= PROSE_WORD_ZIPF:
                return False
        own = [lw for lw in low if lw not in _JOINERS]
        return any(zipf(lw) < RARE_WORD_ZIPF for lw in own) or (len(words) == 1 and words[0].isupper())
