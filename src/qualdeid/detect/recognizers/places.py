"""Named places and organisations that spaCy's NER misses, found by scanning the parsed tokens.

* :class:`NamedPlaceRecognizer` — capitalised words closed by a type word: "Smith Street",
  "12 Smith St", "Flat 3, 4 Orchard Road", "Larch Ward", "Harbour Rowing Club", "St Jude's Church",
  "University of Somewhere". Generic names ("Day Centre", "Community Mental Health Team") are not flagged:
  a venue or organisation name needs at least one word that is not in ``generic_name_words.txt``.

The recognizers that read a name from its context ("moved to Kelvinbrook", "works at Pellow's") are in
:mod:`.context`; they share this module's token helpers and :class:`PlaceLexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from qualdeid.labels import LOCATION, ORGANIZATION

CALENDAR_WORDS = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Tues",
        "Wed",
        "Thu",
        "Thur",
        "Thurs",
        "Fri",
        "Sat",
        "Sun",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ]
)
#: capitalised tokens that never begin or continue a place name
STOP_WORDS = CALENDAR_WORDS | frozenset(
    ["I", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Nurse", "Mum", "Dad", "Nan"]
)
CONNECTORS = frozenset(["of", "and", "&", "upon", "de", "la", "le", "du", "van", "von", "der"])
POSSESSIVE = frozenset(["'s", "’s"])
APOSTROPHES = POSSESSIVE | frozenset(["'", "’"])
COMPASS = frozenset(["North", "South", "East", "West", "Upper", "Lower"])
#: heads that abbreviate a title when a capitalised word follows ("St Kilda", "Dr Lee")
PREFIX_AMBIGUOUS = frozenset(["St", "Dr"])
ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")  # "5th Avenue", "West 125th Street"
HOUSE_NUMBER = re.compile(r"^\d{1,5}[A-Za-z]?(?:[/-]\d{1,5}[A-Za-z]?)?$")
UNIT_WORDS = frozenset(["flat", "unit", "apt", "apartment", "suite", "level", "lot", "shop"])
SENTENCE_BREAK = frozenset([".", "!", "?", ":", ";", "-", "–", "—", '"', "“", "(", "*", "•"])
SENTENCE_START_COMMON_ZIPF = 3.0
#: a sentence-initial name made only of words this common is taken for a heading or a generic phrase
COMMON_NAME_ZIPF = 4.0


@lru_cache(maxsize=65536)
def word_zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def breaks_line(tok: Token) -> bool:
    return "\n" in tok.text or "\n" in tok.whitespace_ or tok.is_space


def is_name_word(tok: Token) -> bool:
    text = tok.text
    if not text or not text[0].isupper() or text in STOP_WORDS:
        return False
    return all(ch.isalpha() or ch in "-'’." for ch in text) and any(ch.isalpha() for ch in text)


def is_possessive(doc: Doc, j: int) -> bool:
    """``doc[j]`` is the "'s" of "Mary's" or the "'" of "Boys'" right after a name word."""
    tok = doc[j]
    if j == 0 or doc[j - 1].whitespace_ or not is_name_word(doc[j - 1]):
        return False
    return tok.text in POSSESSIVE or (tok.text in APOSTROPHES and doc[j - 1].text.endswith("s"))


def starts_sentence(doc: Doc, i: int) -> bool:
    if i == 0 or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return prev.text in SENTENCE_BREAK or breaks_line(prev)


@dataclass(frozen=True)
class PlaceLexicon:
    street_types: frozenset[str]
    common_street_types: frozenset[str]
    venue_types: frozenset[str]
    org_types: frozenset[str]
    generic_words: frozenset[str]
    not_places: frozenset[str]
    #: lower-case words that close a named place after a capitalised name ("the Kelso site")
    site_words: frozenset[str] = frozenset()
    #: common first names (``names/first_names.txt``): "works for Maeve" names a person, not an employer
    first_names: frozenset[str] = frozenset()

    @cached_property
    def head_pattern(self) -> re.Pattern[str]:
        """Finds candidate type words in the raw text, so that only their tokens are examined."""
        words = sorted(
            self.street_types | self.common_street_types | self.venue_types | self.org_types, key=len, reverse=True
        )
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")

    @cached_property
    def site_pattern(self) -> re.Pattern[str]:
        words = sorted(self.site_words, key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")

    def head_label(self, doc: Doc, i: int) -> str | None:
        text = doc[i].text
        if text in PREFIX_AMBIGUOUS and i + 1 < len(doc) and is_name_word(doc[i + 1]):
            return None
        if text in self.org_types:
            return ORGANIZATION
        if text in self.street_types or text in self.common_street_types or text in self.venue_types:
            return LOCATION
        return None

    def is_unmarked_place(self, phrase: str) -> bool:
        """A country, state, language ... (``not_places.txt``) or a phrase of generic words only ("Groups",
        "OT", "Day Centre"): for filtering NER's LOCATION/ORGANIZATION spans the same way."""
        words = [w for w in re.findall(r"[\w'’&-]+", phrase) if w.lower() not in CONNECTORS]
        return phrase in self.not_places or (bool(words) and all(self.is_generic(w) for w in words))

    def is_generic(self, word: str) -> bool:
        low = word.lower()
        if low in self.generic_words or (low.endswith("s") and low[:-1] in self.generic_words):
            return True
        return word.isupper() and word in self.org_types


class NamedPlaceRecognizer(EntityRecognizer):
    """Capitalised words closed by a street, venue or organisation type word (see module docstring)."""

    ENTITIES = (LOCATION, ORGANIZATION)
    SCORE = 0.86  # just above spaCy NER (0.85): the longer, typed span should win an overlap

    def __init__(self, lexicon: PlaceLexicon) -> None:
        self.lexicon = lexicon
        super().__init__(supported_entities=list(self.ENTITIES), name="NamedPlaceRecognizer", supported_language="en")

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
        if doc is None:
            return []
        found: list[tuple[int, int, str]] = []
        for i in token_indices(doc, (m.start() for m in self.lexicon.head_pattern.finditer(text))):
            label = self.lexicon.head_label(doc, i) if i > 0 else None
            if label is not None:
                span = self._span_for_head(doc, i, label)
                if span is not None:
                    found.append(span)
        found += self._in_capitals(text)
        return results(self, [(a, b, label) for a, b, label in merge_chains(found) if label in entities], self.SCORE)

    def _in_capitals(self, text: str) -> list[tuple[int, int, str]]:
        """Names written in capitals, as in form titles and handover headers: "KELSO DAY CENTRE"."""
        found = []
        for m in _CAPITALS_RUN.finditer(text):
            start = m.start() + (4 if m.group().startswith("THE ") else 0)
            words = text[start : m.end()].split()
            head = words[-1].capitalize()
            if head in self.lexicon.org_types:
                label = ORGANIZATION
            elif head in self.lexicon.venue_types or head in self.lexicon.street_types:
                label = LOCATION
            else:
                continue
            names = [w.capitalize() for w in words[:-1] if w.lower() not in CONNECTORS]
            specific = [word_zipf(w.lower()) for w in names if not self.lexicon.is_generic(w)]
            if specific and max(specific) < 6.2 and min(specific) < 5.0:  # not shouting: "WE WENT TO THE CLUB"
                found.append((start, m.end(), label))
        return found

    def _span_for_head(self, doc: Doc, head: int, label: str) -> tuple[int, int, str] | None:
        if breaks_line(doc[head - 1]):
            return None
        first = self._trim_left(doc, self._walk_left(doc, head), head)
        last = self._walk_right(doc, head)
        if first is None:
            if last == head:
                return None
            first = head  # "the University of Somewhere": the name follows the type word
        words = [
            t.text
            for t in doc[first : last + 1]
            if t.i != head and t.lower_ not in CONNECTORS and t.text not in APOSTROPHES
        ]
        head_text = doc[head].text
        always_specific = head_text in self.lexicon.street_types and label == LOCATION  # "Gannet Street"
        if not words or (not always_specific and all(self.lexicon.is_generic(w) for w in words)):
            return None
        if starts_sentence(doc, first) and all(word_zipf(w.lower()) >= COMMON_NAME_ZIPF for w in words):
            return None  # "Morning Tea Group was on": a line or sentence opening in common words is a heading
        if always_specific or head_text in self.lexicon.common_street_types:
            first = self._house_number(doc, first)
        if " ".join(t.text for t in doc[first : last + 1]) in self.lexicon.not_places:
            return None
        return doc[first].idx, doc[last].idx + len(doc[last].text), label

    @staticmethod
    def _walk_left(doc: Doc, head: int) -> int:
        """Index of the leftmost token of the capitalised run that ends before ``head``."""
        j = head - 1
        first = head
        while j >= 0:
            tok = doc[j]
            if breaks_line(tok):
                break
            if (
                is_name_word(tok)
                or ORDINAL.match(tok.text)
                or is_possessive(doc, j)
                or (tok.lower_ in CONNECTORS and first < head and j > 0 and is_name_word(doc[j - 1]))
            ):
                first = j
            else:
                break
            j -= 1
        return first

    def _trim_left(self, doc: Doc, first: int, head: int) -> int | None:
        while first < head:
            tok = doc[first]
            if tok.lower_ in CONNECTORS or tok.text in APOSTROPHES or tok.lower_ == "the":
                first += 1
            elif (
                starts_sentence(doc, first)
                and tok.pos_ != "PROPN"
                and word_zipf(tok.lower_) >= SENTENCE_START_COMMON_ZIPF
            ):
                first += 1  # "Went Gannet Park"-style: a capitalised sentence opener is not part of a name
            else:
                return first
        return None

    def _walk_right(self, doc: Doc, head: int) -> int:
        last = head
        k = head + 1
        while k < len(doc) and not breaks_line(doc[k - 1]):
            tok = doc[k]
            if tok.text in COMPASS and tok.i == last + 1:
                last = k
                k += 1
            elif tok.lower_ == "of" and k + 1 < len(doc) and is_name_word(doc[k + 1]) and not breaks_line(tok):
                k += 1
                while k < len(doc) and is_name_word(doc[k]) and not breaks_line(doc[k - 1]):
                    last = k
                    k += 1
                break
            else:
                break
        return last

    @staticmethod
    def _house_number(doc: Doc, first: int) -> int:
        """Extend a street name left over a house number: "12", "4/22", "Flat 3, 4"."""
        j = first - 1
        if j < 0 or breaks_line(doc[j]) or not HOUSE_NUMBER.match(doc[j].text):
            return first
        first = j
        # "Flat 3, 4 Orchard Road" / "Unit 5, 12 ..."
        if j >= 3 and doc[j - 1].text == "," and HOUSE_NUMBER.match(doc[j - 2].text):
            if doc[j - 3].lower_ in UNIT_WORDS and not any(breaks_line(t) for t in doc[j - 3 : j]):
                first = j - 3
        elif j >= 1 and doc[j - 1].lower_ in UNIT_WORDS and not breaks_line(doc[j - 1]):
            first = j - 1
        return first


def token_indices(doc: Doc, char_offsets: Iterable[int]) -> list[int]:
    """Indices of the tokens that start at the given character offsets (others are skipped)."""
    out = []
    for offset in char_offsets:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is not None and span.start_char == offset:
            out.append(span.start)
    return out


#: Two to six words in capitals on one line ("KELSO DAY CENTRE", "ST ANN'S HOUSE").
_CAPITALS_RUN = re.compile(r"(?<![\w'’&-])[A-Z][A-Z'’&-]+(?:[ \t]+(?:OF|THE|AND|&|[A-Z][A-Z'’&-]+)){1,5}(?![\w'’&-])")


def results(
    recognizer: EntityRecognizer, offsets: Iterable[tuple[int, int, str]], score: float
) -> list[RecognizerResult]:
    """Presidio results, named after ``recognizer``, for (start, end, label) offsets."""
    return [
        RecognizerResult(
            label,
            start,
            end,
            score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            },
        )
        for start, end, label in offsets
    ]


def merge_chains(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping candidates ("Tarrow Gardens" inside "Tarrow Gardens Arena") become the longest one."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end, label)
            continue
        out.append((start, end, label))
    return out
