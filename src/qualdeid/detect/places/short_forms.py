"""Places and organisations named once in full, found again in their short forms across the corpus.

A diary names "Millbrook Day Centre" once and then writes "back at Millbrook", "Millbrook are cutting
the Friday group", "MILLBROOK"; a handover names "Quarrendon House" and later "moved to Quarrendon".
The recognizers find the full name by its type word; this processor remembers the distinctive part
before the type word (and the full name itself) and finds both everywhere in the corpus.

A place named without a type word (NER's, a frame's, the gazetteer's) is found again only as it was
written, never in capitals ("INTERP:" is a speaker's label), and never when it is a speaker's role, a
language, a people or a holiday.

Only names closed by a type word (``NamedPlaceRecognizer``) are remembered, and a short form only
when it is distinctive: capitalised words that are not common English words, not generic
("Community", "North"), and not first names or word-names (so "Hope House" does not make every
"Hope" a place).

A chat types the same names in lower case and without accents ("alderbrook lane", "kolbeinsvik"): those forms
are found too for streets and venues named in full, for towns of the gazetteer, and for short forms and the town
lines of postal addresses whose every word is no word of English or of another language their document is partly
written in ("quarrendon", "kelvinbrook"; ``LOOSE_WORD_ZIPF``, ``FOREIGN_WORD_ZIPF``); other short forms ("mill", "dale")
and words NER alone took for a place stay as written.

A writer who types everything in lower case (most sentences open in lower case) writes the places the rest of the
corpus names in capitals so too: "sat with her at corran view", "drove up to dunmore". In such a document a place or
an organisation found capitalised elsewhere (by its type word, as a short form, an address's town line or a town of
the gazetteer; not a word NER alone took for a place) is found in lower case as well, when its own words (those
before a type word) are no name, term or generic word and rarer than ``DISTINCTIVE_ZIPF``; a name with a word
commoner than ``LOOSE_WORD_ZIPF`` ("dunmore" that is also a word) only right after a place preposition ("to", "at",
"from").
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Set
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.names.lexicon import TERM_LEXICONS, without_marks
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.languages import OtherLanguages, zipf_in
from qualdeid.detect.processors import CorpusProcessor
from qualdeid.labels import LOCATION, ORGANIZATION
from qualdeid.rules import Rules

DETECTOR = "short_forms"
SCORE = 0.86  # above NER (0.85): a known place is not taken for a person
#: Recognizers whose LOCATION/ORGANIZATION spans are full names closed by a type word.
SOURCES = frozenset({"NamedPlaceRecognizer"})
#: Recognizers of places named without a type word ("near Kelvinbrook", NER's GPE): such a place, when its
#: name is distinctive, is found again wherever the corpus writes it ("past Kelvinbrook again", "Kelvinbrook and back")
BARE_PLACE_SOURCES = frozenset({"SpacyRecognizer", "PlaceContextRecognizer", "TownRecognizer"})
#: Recognizers of postal addresses: a line of theirs that is one distinctive name is a town or a district
ADDRESS_SOURCES = frozenset({"AddressBlockRecognizer", "AddressLinesRecognizer"})
_TITLE_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
#: A short form's words must all be rarer than this (wordfreq Zipf) to stand alone as a name.
DISTINCTIVE_ZIPF = 4.0
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: a one-word town is found in lower case only when rarer than this (wordfreq Zipf): "beaver" is the animal
LOOSE_WORD_ZIPF = 3.0
#: a word at least this common in another language the naming document is partly written in is a word there
FOREIGN_WORD_ZIPF = 2.0
#: the recognizer of sports teams by their plural name ("the Kestrels match")
TEAM_SOURCE = "SportsTeamRecognizer"
#: the recognizer of bus routes by their number ("the 47 bus"): in its document, "the 47" is the route
ROUTE_SOURCE = "BusRouteRecognizer"
_ROUTE_NUMBER = re.compile(r"\d{1,3}[A-Za-z]?\b")
#: a sentence's first letter (after a full stop, a line break or the text's start, past quotes, brackets and bullets)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][ \t]+|\n)[ \t\"'‘“(*•-]*([^\W\d_])")
#: the sentences that must open in lower case for a document to count as written in lower case (a share), and the
#: fewest sentences the judgement needs
LOWER_SENTENCE_SHARE = 0.6
MIN_SENTENCES = 5
#: a place preposition right before a lower-case name: "up to dunmore", "at corran view", "from the glen road"
_PLACE_PREPOSITION = re.compile(
    r"(?<![\w'’])(?:in|at|to|from|near|outside|round|around|past|into|by)[ \t]+(?:the[ \t]+)?$"
)
#: after "the 47": an amount, a time or a count, not the route ("the 47 minutes", "the 47th")
_NOT_ROUTE_AFTER = re.compile(
    r"[ \t]*(?:%|:|[.,]\d|(?:am|pm|minutes?|mins?|hours?|days?|weeks?|months?|years?|times|people|pounds|quid"
    r"|dollars|euros?|bucks|miles?|km|stops?|floors?|of|or|to[ \t]+\d)\b)",
    re.IGNORECASE,
)


class ShortFormProcessor(CorpusProcessor):
    """The corpus processor for short forms of places and organisations."""

    name = "short_forms"

    def __init__(self, rules: Rules, nlp: Any | None = None) -> None:
        lists = _lists_of(rules)
        self.type_words = lists.type_words
        #: street types that are also everyday words ("View", "Gate"), as written: a name's type word, not its own
        self.common_types = lists.common_types
        self.generic = lists.generic
        self.not_short = lists.not_short
        #: countries, states and provinces are not identifiers (the annotation guideline): never remembered
        self.regions = lists.regions
        #: "Thurs", "Xmas": a date, however NER reads it
        self.calendar = lists.calendar
        #: what NER alone may take for a place and the corpus must not spread: a transcript's speaker role
        #: ("Interp"), a language or a people ("Kurmanji"), a holiday ("Diwali")
        self.not_bare = lists.not_bare
        #: clinical and legal terms, te reo Māori and Pacific words ("talanoa", "marae") are no place names
        self.terms = lists.terms
        #: the gazetteer's towns, with and without their accents
        self.towns = lists.towns
        #: which other languages a document is partly written in (English text reads no other word list)
        self.other_languages = OtherLanguages(rules)
        self.known: dict[str, str] = {}
        #: the known names also found in lower case and without accents (see ``loose_forms``)
        self.loose: set[str] = set()
        #: the known places named without a type word (in capitals): found again only where nothing else is
        self.bare: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._labels: dict[str, str] = {}  # every form the pattern finds (as written, in capitals) -> label
        self._as_known: dict[str, str] = {}  # every form the pattern finds -> the name as it was found
        #: the lower-case forms of known names found in documents written in lower case: form -> (label, anywhere);
        #: ``anywhere`` False: only after a place preposition (see ``lower_case_form``)
        self._lower: dict[str, tuple[str, bool]] = {}
        self._lower_pattern: re.Pattern[str] | None = None

    # ------------------------------------------------------------------ pass 1

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        found: dict[str, str] = {}
        bare: set[str] = set()
        town_lines: set[str] = set()
        routes = _routes_again(doc.text, spans) + _teams_again(doc.text, spans)
        for s in spans:
            if s.detector in BARE_PLACE_SOURCES and s.label == LOCATION:
                full = doc.text[s.start : s.end]
                if self.distinctive_place(full):
                    bare.add(full)
                continue
            if s.detector in ADDRESS_SOURCES and s.label == LOCATION:
                full = doc.text[s.start : s.end]
                if self.distinctive_place(full):
                    town_lines.add(full)  # "Kelvinbrook" alone on a line of a postal address
                continue
            if s.detector not in SOURCES or s.label not in (LOCATION, ORGANIZATION):
                continue
            full = doc.text[s.start : s.end]
            if "\n" in full:
                continue
            if full.isupper():  # "MILLBROOK DAY CENTRE" in a form's title: remember it as it is written in prose
                full = " ".join(w.capitalize() for w in full.split())
            found.setdefault(full, s.label)
            short = self.short_form(full)
            if short:
                found.setdefault(short, s.label)
        languages = self.other_languages.of(doc.text) if found or town_lines else ()
        return routes, (
            sorted(found.items()),
            sorted(bare - found.keys()),
            sorted(town_lines - found.keys()),
            languages,
        )

    def short_form(self, full: str) -> str | None:
        """ "Millbrook" for "Millbrook Day Centre", "Calderwood Vale" for "Calderwood Vale Trust"."""
        words = _WORD.findall(full)
        while words and (words[-1].lower() in self.type_words or words[-1].lower() in self.generic):
            words.pop()
        if words and words[0].lower() == "the":
            words = words[1:]
        if not words or len(words) > 3 or len(words) == len(_WORD.findall(full)):
            return None
        if not all(w[0].isupper() for w in words):
            return None
        for w in words:
            low = w.lower()
            if low in self.generic or low in self.not_short or zipf(low) >= DISTINCTIVE_ZIPF:
                return None
        if " ".join(words).lower() in self.regions:
            return None  # "Alemanha" of "Alemanha Work Service": a country however written
        return " ".join(words)

    def distinctive_place(self, name: str) -> bool:
        """ "Kelvinbrook", "Port Aulder": one to three capitalised words, none an everyday English word, a
        name, a generic word or a region ("Ontario", "Guatemala")."""
        words = name.split()
        if not 1 <= len(words) <= 3 or name.lower() in self.regions:
            return False
        for w in words:
            low = w.lower()
            if not (_TITLE_WORD.fullmatch(w) and w[0].isupper() and w[1:].islower()):
                return False
            if low in self.generic or low in self.not_short or low in self.regions or zipf(low) >= DISTINCTIVE_ZIPF:
                return False
            if without_marks(low) in self.terms or low in self.calendar or without_marks(low) in self.not_bare:
                return False
        return without_marks(name.lower()) not in self.not_bare

    # ------------------------------------------------------------------ corpus knowledge

    def observe(self, doc_id: str, observation: Any) -> None:
        named, bare, town_lines, languages = observation
        for surface, label in named:
            if surface not in self.known:
                self.known[surface] = label
                self._pattern = None
                words = _TITLE_WORD.findall(surface)
                if label == LOCATION and len(words) > 1 and words[-1].lower() in self.type_words:
                    self.loose.add(surface)  # "Alderbrook Lane", not the short form "Alderbrook"
                elif self._no_word(words, languages):
                    self.loose.add(surface)  # "Quarrendon" of "Quarrendon Homes": no reading as a word
            self.bare.discard(surface.upper())
        for surface in [*bare, *town_lines]:
            if surface not in self.known:
                self.known[surface] = LOCATION
                self.bare.add(surface.upper())
                self._pattern = None
            if without_marks(surface.lower()) in self.towns:
                self.loose.add(surface)  # a town of the gazetteer, not any word NER took for a place
            elif surface in town_lines and self._no_word(_TITLE_WORD.findall(surface), languages):
                self.loose.add(surface)  # a postal address's town line that is no word

    @staticmethod
    def _no_word(words: list[str], languages: tuple[str, ...]) -> bool:
        """Every word of the name is rarer in English than a lower-case word could be ("Quarrendon",
        "Kelvinbrook") and no everyday word of another language its document is partly written in: typed in lower
        case in a chat it is still the name ("mill", "dale" stay words, and so does a German noun NER took for a
        place)."""
        return bool(words) and all(
            zipf(low) < LOOSE_WORD_ZIPF and all(zipf_in(low, code) < FOREIGN_WORD_ZIPF for code in languages)
            for low in (w.lower() for w in words)
        )

    def loose_forms(self, name: str) -> set[str]:
        """ "alderbrook lane" and "kolbeinsvik" for "Alderbrook Lane" and "Kolbeinsvík": the forms a chat types,
        in lower case and without accents, when every word of the name but its type word is rare in English and
        no name or term (a short form in lower case could be a word: "mill lane", "the commons" stay as written)."""
        words = _TITLE_WORD.findall(name)
        own = [w.lower() for w in words if w.lower() not in self.type_words]
        if not own or len(words) > 3 or len(name) < 4 or not all(w[0].isupper() for w in words):
            return set()
        for low in own:
            if low in self.generic or low in self.not_short or low in self.regions or low in self.calendar:
                return set()
            if without_marks(low) in self.terms or zipf(low) >= DISTINCTIVE_ZIPF:
                return set()
        if len(words) == 1 and zipf(own[0]) >= LOOSE_WORD_ZIPF:
            return {without_marks(name)} - {name}  # "beaver", "heron": a town's name in lower case is the word
        return {name.lower(), without_marks(name.lower()), without_marks(name)} - {name}

    def _known_pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.known:
            # a place NER or a frame named without a type word is found again only as it was written: "Kelvinbrook",
            # not "KELVINBROOK" (in capitals it may be a speaker's label or a heading)
            capitals = {k.upper(): k for k in self.known if k.upper() not in self.bare}
            self._labels = {c: self.known[k] for c, k in capitals.items()} | self.known
            self._as_known = capitals | {k: k for k in self.known}
            for known in sorted(self.loose):
                label = self.known[known]
                for form in self.loose_forms(known):
                    self._labels.setdefault(form, label)
                    self._as_known.setdefault(form, known)
            forms = sorted(self._labels, key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w'’-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
            self._lower_pattern = None
        return self._pattern

    def lower_case_form(self, name: str) -> tuple[str, bool] | None:
        """ "corran view" for "Corran View" and whether it stands for the place anywhere in a document written in lower
        case (True) or only after a place preposition (False: one of its own words is also an English word, "dunmore");
        None when the name in lower case could be words ("the hill", "mill lane", a first name)."""
        words = _TITLE_WORD.findall(name)
        if not 1 <= len(words) <= 3 or " ".join(words) != name or not all(w[0].isupper() for w in words):
            return None
        own = [w.lower() for w in words if w.lower() not in self.type_words and w not in self.common_types]
        if not own:
            return None
        rarest = 0.0
        for low in own:
            if low in self.generic or low in self.not_short or low in self.regions or low in self.calendar:
                return None
            if without_marks(low) in self.terms or without_marks(low) in self.not_bare or len(low) < 3:
                return None
            rarest = max(rarest, zipf(low))
        if rarest >= DISTINCTIVE_ZIPF or name.lower() in self.regions:
            return None
        return name.lower(), rarest < LOOSE_WORD_ZIPF

    def _lower_case_pattern(self) -> re.Pattern[str] | None:
        if self._known_pattern() is None:
            return None
        if self._lower_pattern is None:
            self._lower = {}
            for known, label in sorted(self.known.items()):
                if known.upper() in self.bare and without_marks(known.lower()) not in self.towns:
                    continue  # a word NER alone took for a place ("Neto, 19, from the east"): maybe a person's
                form = self.lower_case_form(known)
                if form is not None and form[0] != known:
                    low, anywhere = form
                    previous = self._lower.get(low)
                    self._lower[low] = (label, anywhere or (previous is not None and previous[1]))
            if not self._lower:
                return None
            forms = sorted(self._lower, key=len, reverse=True)
            self._lower_pattern = re.compile(r"(?<![\w'’-])(" + "|".join(map(re.escape, forms)) + r")(?![\w'’-])")
        return self._lower_pattern

    def _in_lower_case(self, text: str, spans: list[Span]) -> list[Span]:
        """The known names typed in lower case in a document written in lower case (module docstring)."""
        pattern = self._lower_case_pattern()
        if pattern is None or not written_in_lower_case(text):
            return []
        found = []
        for m in pattern.finditer(text):
            label, anywhere = self._lower[m.group()]
            if not anywhere and not _PLACE_PREPOSITION.search(text, max(0, m.start() - 16), m.start()):
                continue
            if any(s.start < m.end() and m.start() < s.end for s in spans):
                continue  # something else already reads these words
            found.append(Span(m.start(), m.end(), label, score=SCORE, detector=DETECTOR))
        return found

    # ------------------------------------------------------------------ pass 2

    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        found = list(candidates)  # the routes of this document
        pattern = self._known_pattern()
        if pattern is None:
            return found
        for m in pattern.finditer(doc.text):
            known = self._as_known[m.group()].upper()
            if known in self.bare and any(s.start < m.end() and m.start() < s.end for s in spans):
                continue  # "Dunmerrow Packing Shed" is the shed's name, wherever "Dunmerrow" alone is a place
            found.append(Span(m.start(), m.end(), self._labels[m.group()], score=SCORE, detector=DETECTOR))
        return found + self._in_lower_case(doc.text, spans + found)


def written_in_lower_case(text: str) -> bool:
    """Most of the document's sentences (at least ``MIN_SENTENCES``) open in lower case: "sat with jo at the lodge. she
    was quiet"."""
    openings = [m.group(1) for m in _SENTENCE_OPENING.finditer(text)]
    return len(openings) >= MIN_SENTENCES and sum(c.islower() for c in openings) >= LOWER_SENTENCE_SHARE * len(openings)


def _routes_again(text: str, spans: list[Span]) -> list[Span]:
    """Every "the 47" of a document in which "the 47" was found as a bus route ("got the 47 in from"), also where
    nothing around it says bus ("she knows every stop of the 47"); only in that document."""
    numbers = set()
    for s in spans:
        if s.detector == ROUTE_SOURCE and (m := _ROUTE_NUMBER.search(text, s.start, s.end)):
            numbers.add(m.group().upper())
    if not numbers:
        return []
    alternatives = "|".join(map(re.escape, sorted(numbers)))
    found = []
    for m in re.finditer(rf"(?<![\w-])(?i:the)[ \t]+(?i:{alternatives})(?![\w-])", text):
        if not _NOT_ROUTE_AFTER.match(text, m.end()):
            found.append(Span(m.start(), m.end(), LOCATION, score=SCORE, detector=DETECTOR))
    return found


def _teams_again(text: str, spans: list[Span]) -> list[Span]:
    """Every capitalised "Kestrels" of a document in which "a Kestrels fan" named the team ("Kestrels won at home");
    only in that document: elsewhere the word may be the animal, a band or a nickname."""
    names = {text[s.start : s.end] for s in spans if s.detector == TEAM_SOURCE}
    if not names:
        return []
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, sorted(names))) + r")(?![\w'’-])")
    return [Span(m.start(), m.end(), ORGANIZATION, score=SCORE, detector=DETECTOR) for m in pattern.finditer(text)]


#: Faker's locales whose address data names the countries in the locale's language, one country an entry
_COUNTRY_LOCALES = (
    "da_DK", "de", "es", "fr_FR", "hr_HR", "hu_HU", "id_ID", "it_IT", "nl_NL", "no_NO", "pl_PL", "pt_BR", "pt_PT",
    "ro_RO", "sl_SI", "sv_SE", "tl_PH", "cs_CZ",
)  # fmt: skip


@dataclass(frozen=True)
class _Lists:
    """What :class:`ShortFormProcessor` reads from the rules: the same for every processor built on one
    :class:`Rules`, never changed after reading."""

    type_words: set[str]
    generic: Set[str]
    not_short: Set[str]
    regions: set[str]
    calendar: set[str]
    not_bare: set[str]
    terms: set[str]
    towns: Set[str]
    common_types: Set[str]


def _lists_of(rules: Rules) -> _Lists:
    """The lists of ``rules``, read once per :class:`Rules` (a processor is built for every detection run: reading
    them again cost most of a short text's detection)."""
    lists = _LISTS.get(rules)
    if lists is None:
        lists = _LISTS[rules] = _read_lists(rules)
    return lists


def _read_lists(rules: Rules) -> _Lists:
    type_words = {
        w.lower()
        for name in ("lexicons/org_types.txt", "lexicons/venue_types.txt", "lexicons/street_types.txt")
        for w in rules.words(name)
    }
    generic = rules.words("lexicons/generic_name_words.txt", lower=True)
    not_short = (
        rules.words("names/first_names.txt", lower=True)
        | rules.words("names/word_names.txt", lower=True)
        | rules.words("names/surname_words.txt", lower=True)
        | rules.words("lexicons/not_places.txt", lower=True)
    )
    #: countries, states and provinces are not identifiers (the annotation guideline): never remembered
    regions = {w.lower() for w in rules.words("lexicons/not_places.txt")} | _regions()
    dates = rules.lists("lexicons/calendar.yaml")
    #: "Thurs", "Xmas": a date, however NER reads it
    calendar = {w.lower() for key in dates for w in dates[key]}
    #: what NER alone may take for a place and the corpus must not spread: a transcript's speaker role
    #: ("Interp"), a language or a people ("Kurmanji"), a holiday ("Diwali")
    not_bare = {
        without_marks(w)
        for name in ("lexicons/speaker_roles.txt", "lexicons/peoples.txt", "rare/language.txt")
        for w in rules.words(name, lower=True)
    } | {without_marks(w.lower()) for w in rules.words("lexicons/holidays.txt")}
    #: clinical and legal terms, te reo Māori and Pacific words ("talanoa", "marae") are no place names
    terms = {without_marks(w) for n in TERM_LEXICONS for w in rules.words(f"lexicons/{n}.txt", lower=True)}
    towns = rules.words("lexicons/towns.txt", lower=True) | rules.words("lexicons/towns_world.txt", lower=True)
    #: the gazetteer's towns, with and without their accents
    towns = towns | {without_marks(t) for t in towns}
    #: ... nor in the languages their texts are written in ("Brasil", "Alemanha"), where no town of the gazetteer
    #: and no name's word is spelt so
    regions |= {c for c in _countries_world() if c not in towns and c not in not_short}
    common_types = rules.words("lexicons/street_types_common.txt")
    return _Lists(type_words, generic, not_short, regions, calendar, not_bare, terms, towns, common_types)


#: :func:`_lists_of`'s lists per Rules object (dropped with it)
_LISTS: weakref.WeakKeyDictionary[Rules, _Lists] = weakref.WeakKeyDictionary()


def _countries_world() -> set[str]:
    """Countries as other languages write them ("Brasil", "Deutschland", "Marrocos"), lower case, from Faker's
    address data (a dependency already); entries shorter than four letters are left out (they are words too)."""
    from importlib import import_module

    names = [
        n for code in _COUNTRY_LOCALES for n in import_module(f"faker.providers.address.{code}").Provider.countries
    ]
    return {part.strip().lower() for n in names for part in re.split(r"[()]", n) if len(part.strip()) >= 4}


def _regions() -> set[str]:
    """Countries (in English) and the states and provinces of the English-speaking federations, lower case,
    from Faker's address data (a dependency already)."""
    from faker.providers.address import en, en_AU, en_CA, en_US

    names = [*en.Provider.countries, *en_US.Provider.states, *en_CA.Provider.provinces, *en_AU.Provider.states]
    # "Slovakia (Slovak Republic)": both names
    return {part.strip().lower() for n in names for part in re.split(r"[()]", n) if part.strip()}
