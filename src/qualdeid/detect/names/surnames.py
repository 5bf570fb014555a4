"""The surname after a first name that the document shows to be a person: "Sat with Corin Talaweyu ...
Corin is 41", "Met Niamh O'Kelleher at the drop-in", "Ilse Tzak Umul".

Pass 1 reads a surname after a listed first name only (``NameEvidence.surname_after``); a first name that
is also a word ("Brook", "Sky") or one no list holds is found as a person from other evidence in the
document, and then its surname was left behind: a half-covered name leaks the part that identifies most.
In pass 2 a one-word person runs on through up to two capitalised, name-shaped words right after it that
are rare in English and no place, calendar, title or term word ("Brook Street", "Sam Monday" stay as
they were).
"""

from __future__ import annotations

import re
from dataclasses import replace

from qualdeid.corpus.model import Span
from qualdeid.detect.names.evidence import COMMON_WORD_ZIPF, SURNAME_ZIPF, NameEvidence
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.labels import LOCATION, ORGANIZATION

#: A capitalised word right after a name on the same line: "Talaweyu", "O'Kelleher", "ʻAholelei", "El-Amin".
_NEXT_WORD = re.compile(r"[ \t]+(\u02bb?[^\W\d_][\w'’-]*)(?![\w'’-])")
#: A capitalised word right before a name on the same line: "Nguyễn" of "Nguyễn Thị Hoa".
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)[ \t]+$")
#: What the word before a name may be made of, up to the name: a word's characters, then spaces.
_WORD_RUN = re.compile(r"[\w'’-]*[ \t]+\n?")  # "$" matches before a last newline too
#: How far before a name ``word_before`` looks first.
_LOOK_BACK = 64
#: At most this many surname words after a first name ("Ilse Tzak Umul").
MAX_SURNAMES = 2


def word_before(text: str, start: int) -> re.Match[str] | None:
    """``_WORD_BEFORE`` searched in ``text[:start]``, but from a little before ``start`` only: searched from
    the beginning it tried every position of the text for every name, slow on long documents. The match
    is the same: it is the one word run before ``start``, which starts in the window unless the window
    holds nothing but that run and spaces (then the whole text is searched)."""
    lo = max(0, start - _LOOK_BACK)
    m = _WORD_BEFORE.search(text, lo, start)
    if m is None and lo > 0 and _WORD_RUN.fullmatch(text, lo, start):
        m = _WORD_BEFORE.search(text, 0, start)
    return m


class Surnames:
    """Runs a one-word person on through the surname after it."""

    def __init__(self, ev: NameEvidence) -> None:
        self.ev = ev

    def extend(self, text: str, people: list[Span], spans: list[Span]) -> list[Span]:
        """``people`` with each one-word name running on through its surname; ``spans`` are the document's
        other first-pass spans (a place or an organisation a recognizer found is never a surname)."""
        blocked = [s for s in spans if s.label in (LOCATION, ORGANIZATION) and s.detector != "SpacyRecognizer"]
        out = []
        for person in people:
            name = text[person.start : person.end]
            start = person.start
            m = word_before(text, start)
            if (
                m is not None
                and self.ev.surname_first(m.group(1))
                and not any(b.start < m.end(1) and m.start(1) < b.end for b in blocked)
            ):
                start = m.start(1)  # "Later Nguyễn Thị Lan": the surname written before the given names
            if start != person.start:
                person = replace(person, start=start)
            if " " in name or not name[:1].isupper() or self.ev.head_follows(text, person.end):
                out.append(person)
                continue
            end = person.end
            for _ in range(MAX_SURNAMES):
                m = _NEXT_WORD.match(text, end)
                if m is None or not self._surname(m.group(1)):
                    break
                if any(b.start < m.end(1) and m.start(1) < b.end for b in blocked):
                    break
                end = m.end(1)
            out.append(replace(person, end=end) if end != person.end else person)
        return out

    def _surname(self, word: str) -> bool:
        ev, lex = self.ev, self.ev.lex
        low = word.lower()
        if not lex.name_shaped(word) or word.isupper():
            return False
        if low in ev.calendar or low in lex.titles or low in lex.place_heads or low in ev.relatives:
            return False
        if low in lex.fields or lex.is_term(low) or low in ev.towns:
            return False
        if low in lex.surnames and low not in lex.surname_words:
            return zipf(low) < COMMON_WORD_ZIPF
        return zipf(low) < SURNAME_ZIPF and not ev.wordlike(word)
