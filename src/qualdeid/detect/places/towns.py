"""Towns from a gazetteer (``rules/lexicons/towns.txt``, ``towns_world.txt``) after a place preposition:
"texted from timaru", "come see her in kirkcaldy", "back home in Dubbo", "a week in kolding", "the bbq at
dunmore on sat".

NER misses towns written in lower case, and capitalised ones it takes for a person or an organisation.
A town named after "in", "from", "to", "near"... is a place whatever its case, unless the name is
also an everyday word ("in bath", "to reading", "from hope"): then only its Title Case form counts,
and a first name never does ("gave it to Grant"). A town's numbered district is found wherever it is written
("Harbin-12", "Nantes 3e", "Szeged IV"): the number makes it a district, not a person or a word.

:class:`StandaloneTownRecognizer` finds a town with nothing before it ("raining like kolding", a table's
column, "Flat 2, Kelso House, Tarbolton"), only when its name is no word at all: rare in English
(``ALONE_TITLE_ZIPF``, stricter in lower case), no dictionary word, name or surname, at least
``ALONE_MIN_LETTERS`` long, and no everyday word of another language its document is partly written in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.language import Language

from qualdeid.detect.names.lexicon import NameLexicon, without_marks
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.languages import OtherLanguages, zipf_in
from qualdeid.detect.nlp.loading import dictionary_words
from qualdeid.detect.nlp.presidio import presidio_results
from qualdeid.labels import LOCATION
from qualdeid.rules import Rules

#: before a town: "in", "at", "from", "back to", "out near", ... (a line break ends the phrase); the words after
#: it are looked at, not consumed, so that "at the homes in Kolding" still finds "in Kolding"
_PREPOSITIONS = ("in", "at", "from", "to", "near", "outside", "around", "into", "towards", "via", "round", "past")


def _before(prepositions: Iterable[str] = ()) -> re.Pattern[str]:
    """The place prepositions, English and ``prepositions`` of other languages ("en", "în", "nach")."""
    words = "|".join(re.escape(w) for w in sorted({*_PREPOSITIONS, *prepositions}, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'’])(?P<prep>(?i:{words}))[ \t]+(?=(?P<name>[A-Za-zÀ-ɏ'’.-]+(?:[ \t]+[A-Za-zÀ-ɏ'’.-]+){{0,2}}))"
    )


_BEFORE = _before()
#: "half of Timaru", "the people of Bramwell": a Title Case town after "of" (letters with macrons too: "Ōtaki")
_AFTER_OF = re.compile(
    r"(?<![\w'’])of[ \t]+(?P<name>[A-ZÀ-ÖØ-ÞĀ-ɏ][A-Za-zÀ-ɏ'’.-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ɏ][A-Za-zÀ-ɏ'’.-]+){0,2})"
)
#: a town as a modifier: "the Dunedin flat", "our Leeds team", "the Port Ellis lot"
_MODIFIER = re.compile(
    r"(?<![\w'’])(?i:the|our|their|his|her|my|your)[ \t]+"
    r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-ɏ][A-Za-zÀ-ɏ'’.-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ɏ][A-Za-zÀ-ɏ'’.-]+){0,2})(?=[ \t]+[a-z])"
)
#: a numbered district of a town, the number joined by a hyphen ("Harbin-12"), an arrondissement's ordinal ("Nantes
#: 3e", "Lille 5ème") or a Roman numeral ("Szeged IV"; not "I": "in Szeged I
#: worked"); the span is the town and its number
_NUMBERED = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-ZÀ-ÖØ-ÞĀ-ɏ][A-Za-zÀ-ɏ'’]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ɏ][A-Za-zÀ-ɏ'’]+)?)"
    r"(?P<number>-\d{1,2}|[ \t]+\d{1,2}(?:e|er|ème|eme)|[ \t]+(?!I(?![IVX]))[IVX]{1,5})(?![\w'’-]|[.,:/]\d)"
)
#: the Title Case words right after a place preposition ("in Malta", "from Port Ellis")
_TITLE_RUN = re.compile(r"[A-Z][A-Za-zÀ-ÿ'’.-]*(?:[ \t]+[A-Z][A-Za-zÀ-ÿ'’.-]*){0,2}")
#: the next place of a list after a place preposition: "in Malta and then Leeds", "to Leeds, Hull or York"
_LIST_NEXT = re.compile(
    r"(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?(?:then[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+(?:then[ \t]+)?|[ \t]+then[ \t]+)"
    r"(?P<name>[A-Z][A-Za-zÀ-ÿ'’.-]+(?:[ \t]+[A-Z][A-Za-zÀ-ÿ'’.-]+){0,2})"
)
#: a capitalised word right after a town: the town is part of a longer name ("Reading Festival")
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z]")
#: a lower-case word at least this common in English (Zipf) is taken as the word, not the town
WORD_ZIPF = 4.0
#: a capitalised one-word town this common is more often something else ("to Florence", "in Mobile")
TITLE_ZIPF = 5.5
#: a town with no preposition before it: its distinctive word is rarer than this in English (Zipf) in Title
#: Case, and than ``ALONE_LOWER_ZIPF`` in lower case, where chats also type rare English words ("papaya")
ALONE_TITLE_ZIPF = 3.0
ALONE_LOWER_ZIPF = 2.0
#: and at least this long (in lower case ``ALONE_LOWER_MIN_LETTERS``): short rare words are often another
#: language's ("chú", "oka", "rota", "kesan")
ALONE_MIN_LETTERS = 5
ALONE_LOWER_MIN_LETTERS = 6
#: a very large city is found alone only with at least this many letters ("Aba", "Ufa" are other words too)
LARGE_MIN_LETTERS = 4
#: an everyday word (Zipf) of another language the document is partly written in is that word ("fiche", "obra")
ALONE_FOREIGN_ZIPF = 2.0
#: the words of a text, with the characters that glue them to an address, a handle or a file name
_ALONE_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
#: joined to an e-mail address, a web address, a handle, a file or a code: no town ("maria.lins@", "@kolding")
_GLUED_BEFORE = re.compile(r"[@./#_\w-]$")
_GLUED_AFTER = re.compile(r"(?:[@_#/\w]|[.-][^\W_])")
#: a capitalised word just before or after, on the same line: the town is part of a longer name ("Lagos Pidgin")
_CAPITAL_BEFORE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ɏ][\w'’.-]*[ \t]+$")


class TownRecognizer(EntityRecognizer):
    LABEL = LOCATION
    SCORE = 0.86  # above NER (0.85): a town after "to" that is no first name is not NER's person

    def __init__(
        self,
        towns: Iterable[str],
        not_towns: frozenset[str],
        dictionary: frozenset[str],
        regions: tuple[Iterable[str], Iterable[str]] = ((), ()),
        word_towns: frozenset[str] = frozenset(),
        connectors: frozenset[str] = frozenset(),
        prepositions: Iterable[str] = (),
    ) -> None:
        """``regions``: the Canadian provinces and the Australian states written before a postcode;
        ``word_towns``: words of ``not_towns`` that are towns in Title Case mid-sentence ("moving to
        Reading"), not first names ("gave it to Grant"); ``connectors``: small words inside a listed
        town's name ("Bridge of Allan"); ``prepositions``: place prepositions of other languages ("lucra în
        Tarvo", "vive en tarvo")."""
        self.before = _before(prepositions) if prepositions else _BEFORE
        lower = {t.lower() for t in towns}
        #: and as a chat types them, without their accents ("jonkoping" for "Jönköping")
        self.towns = frozenset(lower | {without_marks(t) for t in lower})
        self.not_towns = not_towns  # first names, word-names, calendar words, countries (lower case)
        self.word_towns = word_towns
        self.connectors = connectors
        self.dictionary = dictionary
        provinces, states = ("|".join(sorted(w.upper() for w in ws)) for ws in regions)
        #: before a postcode: "..., Kirkcaldy KY1 1XX", "Truro NS B2N 5B5", "Dubbo NSW 2830"
        self.before_postcode = re.compile(
            r"(?P<name>[A-Z][A-Za-zÀ-ÿ'’.-]+(?:[ \t]+[A-Z][A-Za-zÀ-ÿ'’.-]+){0,2})(?=,?[ \t]+(?:"
            r"[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b"  # UK
            rf"|(?:{provinces}),?[ \t]+[A-Z]\d[A-Z][ \t]?\d[A-Z]\d\b"  # Canada
            rf"|(?:{states}),?[ \t]+\d{{4}}\b))"  # Australia
        )
        super().__init__(supported_entities=[self.LABEL], name="TownRecognizer", supported_language="en")

    @classmethod
    def read(cls, rules: Rules, names: NameLexicon, nlp: Language | None) -> TownRecognizer:
        """Towns of ``lexicons/towns.txt``; names, everyday words, calendar words and holidays are not towns."""
        calendar = rules.lists("lexicons/calendar.yaml")
        never = (
            names.first_names
            | rules.words("lexicons/not_places.txt", lower=True)
            | frozenset().union(*(calendar[k] for k in ("weekdays", "weekdays_short", "months", "months_short")))
            | rules.words("lexicons/holidays.txt", lower=True)  # "at Christmas", whatever island shares the name
        )
        words = (names.word_names | rules.words("lexicons/generic_name_words.txt", lower=True)) - never
        dictionary = dictionary_words(nlp, nouns=False)
        places = rules.lists("lexicons/places.yaml")
        regions = (places["provinces_ca"], places["states_au"])
        #: a city of another country that is also a surname is left to NER ("a letter from Mendoza")
        surnames = frozenset(names.surnames)  # as listed: a NameSet's accent check reads every language's word list
        # (and the names big cities go by in their own language: "Firenze", "Praha")
        world = {
            t
            for t in rules.words("lexicons/towns_world.txt") | rules.words("lexicons/towns_local.txt")
            if t.lower() not in surnames
        }
        towns = rules.words("lexicons/towns.txt") | world
        connectors = frozenset(places["town_connectors"])
        return cls(
            towns,
            never | words,
            dictionary,
            regions,
            word_towns=words,
            connectors=connectors,
            prepositions=places["town_prepositions_world"],
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        if self.LABEL not in entities or not self.towns:
            return []
        return presidio_results(self, ((a, b, self.LABEL) for a, b in self.find(text)), self.SCORE)

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        for pattern in (self.before, _AFTER_OF):
            yield from self._towns(text, pattern, from_end=False)
        yield from self._towns(text, self.before_postcode, from_end=True)
        yield from self._towns(text, _MODIFIER, from_end=False, whole=True)
        yield from self._listed(text)
        yield from self._numbered(text)

    def _numbered(self, text: str) -> Iterator[tuple[int, int]]:
        """A town's numbered district, anywhere: "lives in Harbin-12", "a flat in Nantes 3e" (module docstring)."""
        for m in _NUMBERED.finditer(text):
            name = m.group("name")
            if self._listed_town(name) and self._is_town(name, name.split(), named_on=False):
                yield m.start("name"), m.end("number")

    def _listed(self, text: str) -> Iterator[tuple[int, int]]:
        """Towns listed after the first place of a place preposition: "nursed in Malta and then
        Leeds", "moved from Hull to Leeds, then York" (Title Case only; the list ends at a non-town)."""
        for m in self.before.finditer(text):
            first = _TITLE_RUN.match(text, m.start("name"))
            pos = first.end() if first else -1
            while pos > 0 and (nxt := _LIST_NEXT.match(text, pos)) is not None:
                found = self._town_at(text, nxt, from_end=False)
                if found is None:
                    break
                yield found
                pos = found[1]

    def _towns(
        self, text: str, pattern: re.Pattern[str], from_end: bool, whole: bool = False
    ) -> Iterator[tuple[int, int]]:
        """The longest town that opens the matched words ("port hope" before "port"), or that ends
        them when the town comes right before a postcode ("... Peer Network Kirkcaldy KY1 1XX");
        with ``whole``, only all the words, and no town that is also a word ("the Reading group")."""
        for m in pattern.finditer(text):
            found = self._town_at(text, m, from_end, whole)
            if found is not None:
                yield found

    def _town_at(self, text: str, m: re.Match[str], from_end: bool, whole: bool = False) -> tuple[int, int] | None:
        name = m.group("name")
        words = list(re.finditer(r"\S+", name))
        for n in range(len(words), 0 if not whole else len(words) - 1, -1):
            part = words[-n:] if from_end else words[:n]
            start, end = part[0].start(), part[-1].end()
            while end > start and name[end - 1] in ".'’":
                end -= 1
            phrase = " ".join(name[start:end].split())
            named_on = whole or _CAPITALISED_NEXT.match(text, m.start("name") + end) is not None
            if (m.groupdict().get("prep") or "").lower() == "at" and (
                (named_on and not whole) or phrase.lower() in self.not_towns
            ):
                continue  # "at Kolding Bus Depot", "at Home": after "at", a venue's name or a word
            prep = (m.groupdict().get("prep") or "").lower()
            if prep and prep not in _PREPOSITIONS and not phrase[:1].isupper():
                continue  # "desde ayer": after another language's preposition, its own words; a town is capitalised
            if self._listed_town(phrase) and self._is_town(phrase, phrase.split(), named_on):
                return m.start("name") + start, m.start("name") + end
        return None

    def _listed_town(self, phrase: str) -> bool:
        """In the gazetteer, as written or with the macrons and accents the gazetteer leaves out ("Ōtaki")."""
        low = phrase.lower()
        return low in self.towns or (not low.isascii() and without_marks(low) in self.towns)

    def _is_town(self, phrase: str, words: list[str], named_on: bool = False) -> bool:
        """``named_on``: a capitalised word follows ("to Reading Festival": the town is not the name)."""
        low = phrase.lower()
        if phrase.isupper() and len(phrase) <= 3:
            return False  # "the KEP at ...": an abbreviation, whatever town shares its letters
        if low in self.not_towns:
            # "moving to Reading", "the trip from Wells": a word-town in Title Case, on its own
            return low in self.word_towns and phrase.istitle() and not named_on and len(words) == 1
        if phrase.islower():
            return all(w not in self.dictionary and zipf(w) < WORD_ZIPF for w in low.split())
        inner = words[1:-1]
        if not (words[0][:1].isupper() and words[-1][:1].isupper()) or not all(
            w[:1].isupper() or w in self.connectors for w in inner
        ):
            return False  # "in Port of ..." mixed case: leave it to the other recognizers
        return len(words) > 1 or zipf(low) < TITLE_ZIPF


class StandaloneTownRecognizer(EntityRecognizer):
    """A town of the gazetteer with no preposition before it, when its name is no word (module docstring)."""

    LABEL = LOCATION
    SCORE = 0.6  # below NER (0.85): where NER reads the same word as a person, it is more often the person

    def __init__(
        self,
        towns: TownRecognizer,
        surnames: frozenset[str],
        languages: OtherLanguages,
        large_places: frozenset[str] = frozenset(),
    ) -> None:
        """``large_places``: very large cities as written (``rules/lexicons/large_places.txt``), found in Title Case
        however common their name ("PI, Chongqing."), unless it is a word, a first
        name or a country."""
        self.towns = towns
        self.surnames = surnames
        self.languages = languages
        self.large_places = large_places
        super().__init__(supported_entities=[self.LABEL], name="StandaloneTownRecognizer", supported_language="en")

    @classmethod
    def read(cls, rules: Rules, names: NameLexicon, towns: TownRecognizer) -> StandaloneTownRecognizer:
        large = frozenset(p for p in rules.words("lexicons/large_places.txt") if len(p) >= LARGE_MIN_LETTERS)
        return cls(towns, frozenset(names.surnames), OtherLanguages(rules), large)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        if self.LABEL not in entities or not self.towns.towns:
            return []
        return presidio_results(self, ((a, b, self.LABEL) for a, b in self.find(text)), self.SCORE)

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        words = [m.span() for m in _ALONE_WORD.finditer(text)]
        # a phrase of several words: one space or tab between each word and the next
        joined = [text[end:start] in (" ", "\t") for (_, end), (start, _) in pairwise(words)]
        languages: tuple[str, ...] | None = None  # read once, when the first candidate is found
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                if i + n > len(words) or not all(joined[i : i + n - 1]):
                    continue
                start, end = words[i][0], words[i + n - 1][1]
                phrase = text[start:end]
                if not self.towns._listed_town(phrase) or not self._word_free(phrase) or self._glued(text, start, end):
                    continue
                if languages is None:
                    languages = self.languages.of(text)
                if any(zipf_in(w.lower(), code) >= ALONE_FOREIGN_ZIPF for w in phrase.split() for code in languages):
                    continue
                yield start, end
                i += n - 1
                break
            i += 1

    def _word_free(self, phrase: str) -> bool:
        """No reading of ``phrase`` as words or a name: "Tarbolton", "kolding", "Kirkby Lonsdale", not "Wells",
        "Grant", "Salvatierra", "Salvatierra Heights", "PSKOV" (capitals: a heading, a speaker's label)."""
        low = phrase.lower()
        words = phrase.split()
        if low in self.towns.not_towns or phrase.isupper():
            return False
        if phrase in self.large_places and not any(w.lower() in self.towns.dictionary for w in words):
            return True  # "Chongqing": a city that size in Title Case is the city
        if len(words) == 1 and low in self.surnames:
            return False
        if phrase.islower():
            limit, letters = ALONE_LOWER_ZIPF, ALONE_LOWER_MIN_LETTERS
        elif all(w[:1].isupper() for w in words):
            limit, letters = ALONE_TITLE_ZIPF, ALONE_MIN_LETTERS
        else:
            return False
        if any(w.lower() in self.towns.dictionary for w in words):
            return False
        return any(
            len(w) >= letters and zipf(w.lower()) < limit and w.lower() not in self.towns.not_towns for w in words
        )

    @staticmethod
    def _glued(text: str, start: int, end: int) -> bool:
        """Part of an address, a handle or a longer capitalised name ("kolding@...", "Lagos Pidgin")."""
        if _GLUED_BEFORE.search(text, max(0, start - 1), start) or _GLUED_AFTER.match(text, end):
            return True
        if text[start].isupper():
            return bool(_CAPITAL_BEFORE.search(text, max(0, start - 40), start) or _CAPITALISED_NEXT.match(text, end))
        return False
