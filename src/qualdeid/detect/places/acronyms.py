"""Places and organisations named once in full, found again by their initials across the corpus.

A letterhead names the "Brackenmoor Tenants Advice Line" and the case notes write "rang BTAL"; a form names
"Quellwater Bay" and a chat says "no chair in QB". The recognizers find the full name; this processor remembers
the capitals of its words ("Brackenmoor Tenants Advice Line" -> "BTAL", small words such as "of" and "&" left
out) and finds them, written in capitals as a word of their own, in every document.

An acronym the text itself defines beside the name ("Brackwater Tenants Network (BTN)", "BTN = Brackwater Tenants
Network", "BTN (Brackwater ...)") is remembered however short and whatever the name's words, when its letters are the
initials of the name's capitalised words (or of all its words but the small ones acronyms skip) and neither it nor
the name is a term, a role, a service, a region or a name made only of what it is ("Accident and Emergency (A&E)",
"United Kingdom (UK)", "Intensive Care Unit (ICU)").

Without such a definition, only names with a distinctive word are remembered (one rarer in English than
``DISTINCTIVE_ZIPF`` and not generic: "Social Services" makes no "SS"), never a country or a region ("United
Kingdom"), a term ("Cognitive Behavioural Therapy") or a name whose initials are a small word, an abbreviation
that is never a name ("GP", "CPN") or a role's. Initials that are also an English word ("SPARK") count only on a
line with lower case on it, never in a heading written in capitals.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.names.lexicon import TERM_LEXICONS, without_marks
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.places.short_forms import _TITLE_WORD, _regions
from qualdeid.detect.processors import CorpusProcessor
from qualdeid.labels import LOCATION, ORGANIZATION
from qualdeid.rules import Rules

DETECTOR = "acronyms"
#: spaCy's entities, which read initials as anything: no reason to leave them alone
NER = "SpacyRecognizer"
#: above NER (0.85) as a short form's: the corpus named the place in full
SCORE = 0.86
#: a full name counts when one of its words is rarer than this in English (wordfreq Zipf)
DISTINCTIVE_ZIPF = 3.7
#: initials at least this common as a lower-case English word are that word in a heading in capitals
WORD_ZIPF = 3.0
#: the fewest and the most words (and so letters) of a full name
MIN_WORDS, MAX_WORDS = 2, 7
#: an acronym after the name it stands for, in brackets: "Brackwater Tenants Network (BTN)"
_ACRONYM_AFTER = re.compile(r"[ \t]*\((?P<acronym>[A-Z][A-Z&]{1,7})\)")
#: an acronym before the name it stands for: "BTN = Brackwater Tenants Network", "BTN (Brackwater ...)", "BTN: ..."
_ACRONYM_BEFORE = re.compile(r"(?<![\w&])(?P<acronym>[A-Z][A-Z&]{1,7})[ \t]*(?:=|:|\(|[-–—][ \t])[ \t]*$")
#: the small words an acronym may skip: "Department for Work and Pensions (DWP)"
_ACRONYM_SKIPS = frozenset({"of", "for", "and", "the", "&", "de", "du", "des", "la", "le", "di", "del", "van", "von"})
#: the words of a name; a hyphenated word is one ("Tallow-Reive"), an apostrophe inside a word too
_WORD = re.compile(r"[^\W\d_][\w'’ʻ-]*")


class AcronymProcessor(CorpusProcessor):
    """The corpus processor for the initials of places and organisations (module docstring)."""

    name = "acronyms"

    def __init__(self, rules: Rules, nlp: Any | None = None) -> None:
        self.generic = rules.words("lexicons/generic_name_words.txt", lower=True)
        self.regions = rules.words("lexicons/not_places.txt", lower=True) | _regions()
        self.terms = {without_marks(w) for n in TERM_LEXICONS for w in rules.words(f"lexicons/{n}.txt", lower=True)}
        #: what a name's initials must not be: abbreviations that are never a name, roles, small words
        self.not_acronyms = (
            rules.words("names/not_initials.txt")
            | rules.words("lexicons/role_abbreviations.txt")
            | {w.upper() for w in rules.words("lexicons/not_places.txt")}
            | {w.upper() for w in rules.words("lexicons/speaker_roles.txt")}
            | {w.upper() for w in STOP_WORDS}
        )
        self.type_words = {
            w.lower()
            for name in ("lexicons/org_types.txt", "lexicons/venue_types.txt", "lexicons/street_types.txt")
            for w in rules.words(name)
        }
        #: roles, record fields, services and places named by what they are ("CPN", "DOB", "CMHT", "ICU"), first names,
        #: word-names and regions: never the acronym a text defines for one organisation or place
        self.not_defined = {
            w
            for name in ("lexicons/role_abbreviations", "lexicons/service_types", "lexicons/generic_places")
            for w in rules.words(f"{name}.txt", lower=True)
        } | {
            w
            for name in ("names/first_names", "names/word_names", "names/surname_words", "lexicons/not_places")
            for w in rules.words(f"{name}.txt", lower=True)
        }
        self.known: dict[str, str] = {}
        #: the acronyms a text defined: no one's initials, so they do not yield to another reading
        self.defined_known: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    # ------------------------------------------------------------------ pass 1

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        defined = self.defined(doc.text, spans)
        found = {acronym: (label, True) for acronym, label in defined.items()}
        for s in spans:
            if s.label not in (LOCATION, ORGANIZATION):
                continue
            acronym = self.acronym(doc.text[s.start : s.end], s.label)
            if acronym is not None:
                found.setdefault(acronym, (s.label, False))
        return [], sorted((acronym, label, by_text) for acronym, (label, by_text) in found.items())

    def defined(self, text: str, spans: list[Span]) -> dict[str, str]:
        """The acronyms the text defines for the organisations and places it found ("Brackwater Tenants Network
        (BTN)", "BTN = Brackwater Tenants Network"), with their label."""
        out: dict[str, str] = {}
        for s in spans:
            if s.label not in (LOCATION, ORGANIZATION) or "\n" in text[s.start : s.end]:
                continue
            name = text[s.start : s.end]
            after = _ACRONYM_AFTER.match(text, s.end)
            before = _ACRONYM_BEFORE.search(text, max(0, s.start - 12), s.start)
            for m in (after, before):
                if m is not None and self.defined_for(m.group("acronym"), name):
                    out.setdefault(m.group("acronym"), s.label)
        return out

    def defined_for(self, acronym: str, name: str) -> bool:
        """``acronym`` is made of the initials of ``name``'s capitalised words, or of all its words but the small
        ones an acronym skips; neither is a term, a role, a service, a region or a name made of generic words
        ("A&E", "CPN", "CMHT", "UK")."""
        low = acronym.lower()
        if low in self.not_defined or low in self.generic or low in self.type_words:
            return False
        if without_marks(low) in self.terms or low in self.regions or name.lower() in self.regions:
            return False
        words = _TITLE_WORD.findall(name)
        if words and words[0].lower() == "the":
            words = words[1:]
        if all(w.lower() in self.generic or w.lower() in self.type_words for w in words):
            return False  # "Intensive Care Unit (ICU)", "Community Mental Health Team (CMHT)": named by what it is
        letters = acronym.replace("&", "")
        capitalised = "".join(w[0] for w in words if w[0].isupper())
        every = "".join(w[0].upper() for w in words if w.lower() not in _ACRONYM_SKIPS)
        return len(letters) >= 2 and letters in (capitalised, every)

    def acronym(self, full: str, label: str) -> str | None:
        """ "BTAL" for "Brackenmoor Tenants Advice Line", "QB" for the place "Quellwater Bay"; ``None`` for a name
        without a distinctive word, a region, a term, or initials that read otherwise (two letters stand for a place
        only: an organisation's "TC" is more often a telephone call or someone's initials)."""
        if "\n" in full or without_marks(full.lower()) in self.terms or full.lower() in self.regions:
            return None
        words = [w for w in _WORD.findall(full) if _first_letter(w).isupper()]
        if not MIN_WORDS <= len(words) <= MAX_WORDS:
            return None
        lows = [w.lower() for w in words]
        if not any(low not in self.generic and zipf(low) < DISTINCTIVE_ZIPF for low in lows):
            return None
        acronym = without_marks("".join(_first_letter(w) for w in words)).upper()
        if not acronym.isalpha() or not acronym.isascii() or acronym in self.not_acronyms:
            return None
        return acronym if len(acronym) > 2 or label == LOCATION else None

    # ------------------------------------------------------------------ corpus knowledge

    def observe(self, doc_id: str, observation: Any) -> None:
        for acronym, label, by_text in observation:
            if by_text:
                self.defined_known.add(acronym)
            if acronym not in self.known:
                self.known[acronym] = label
                self._pattern = None

    def _known_pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.known:
            forms = sorted(self.known, key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w&.'’/-])(" + "|".join(forms) + r")(?![\w&-]|\.\w)")
        return self._pattern

    # ------------------------------------------------------------------ pass 2

    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        pattern = self._known_pattern()
        if pattern is None:
            return []
        text = doc.text
        found = []
        for m in pattern.finditer(text):
            start, end = m.span()
            if m.group() not in self.defined_known and any(
                s.start < end and start < s.end and s.detector != NER for s in spans
            ):
                continue  # read otherwise already: a person's initials, inside a longer name (NER's guess yields)
            if zipf(m.group().lower()) >= WORD_ZIPF and not _has_lower(_line(text, start)):
                continue  # "SPARK" in a heading in capitals is the word
            found.append(Span(start, end, self.known[m.group()], score=SCORE, detector=DETECTOR))
        return found


def _first_letter(word: str) -> str:
    """The first cased letter of a word ("A" of "ʻAkau"); the first character when none is."""
    return next((c for c in word if c.lower() != c.upper()), word[0])


def _line(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start : end if end >= 0 else len(text)]


def _has_lower(line: str) -> bool:
    return any(c.islower() for c in line)
