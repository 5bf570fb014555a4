"""Names of places and organisations read from their context, where no type word says what they are.

* :class:`PlaceContextRecognizer` — a rare capitalised word after "in/from/to/at/on/near...", or after
  a climbing verb, that NER left untagged ("moved to Kelvinbrook", "a weekend on Inishcorr", "climbed the
  Bennan"); not a country, state, language, weekday, platform, medication or common word.
* :class:`OrgContextRecognizer` — the name after "works at", "a job with", "volunteers for"... ("works at
  Pellow's", "a placement with Brightwater"): an employer named without a type word.
* :class:`SiteRecognizer` — a rare capitalised name before a lower-case site word ("the Kelso site",
  "their Ardmore branch").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc

from qualdeid.detect.recognizers.places import (
    APOSTROPHES,
    CALENDAR_WORDS,
    POSSESSIVE,
    PlaceLexicon,
    breaks_line,
    is_name_word,
    is_possessive,
    results,
    token_indices,
    word_zipf,
)
from qualdeid.labels import LOCATION, ORGANIZATION

#: a word this common in general English is not taken as a place on its own (Zipf scale)
COMMON_WORD_ZIPF = 3.6
PLACE_PREPOSITIONS = frozenset(
    [
        *("in", "from", "to", "at", "near", "around", "past", "via", "outside", "towards", "toward", "into", "round"),
        *("on", "up", "off", "across", "over"),  # islands, mountains, roads: "on Inishcorr", "up Slievecarn"
        *("climb", "climbed", "climbing", "hiked", "hiking", "summited", "walked", "walking"),
    ]
)
PREPOSITION_BEFORE_CAPITAL = re.compile(
    r"(?<!\w)(?i:" + "|".join(sorted(PLACE_PREPOSITIONS)) + r")[ \t]+(?:the[ \t]+)?(?=[A-Z])"
)
#: parts of a building: a Title Case phrase ending in one names a room, not a venue
ROOM_WORDS = frozenset(
    [
        "room",
        "rooms",
        "office",
        "lounge",
        "kitchen",
        "area",
        "space",
        "bay",
        "corridor",
        "station",
        "desk",
        "garden",
        "yard",
        "courtyard",
        "gym",
        "hall",
        "canteen",
        "entrance",
        "foyer",
        "reception",
        "suite",
        "wing",
        "block",
        "floor",
        "toilets",
    ]
)
#: drug names ("on Quetiapine", "on Sertraline") share a few suffixes; they are not places
MEDICATION = re.compile(
    r"(?i:.*(?:apine|azepine|idone|oxetine|aline|pram|azepam|azolam|peridol|azine|tyline|faxine|fexine|prazole|"
    r"olol|pril|sartan|statin|formin|adone|oxone|orphine|amine|etine|ipine|lamide|trigine|proate|mazine|"
    r"barbital|codeine|profen|cillin|mycin|cycline|floxacin))"
)
#: NER says this capitalised word is a person, a nationality or a date, not a place
NER_NOT_PLACE = frozenset(["PERSON", "PER", "NORP", "DATE", "TIME"])
NER_NOT_NAMED_THING = frozenset(["NORP", "DATE", "TIME"])
EMPLOYER_CONTEXT = re.compile(
    r"(?<!\w)(?i:(?:works?|worked|working|jobs?|shifts?|employed|hired|volunteers?|volunteered|volunteering|"
    r"placement|apprenticeship|internship|traineeship|manager|boss|supervisor|colleagues?|staff|employee|"
    r"signed[ \t]+on|taken[ \t]+on|laid[ \t]+off|let[ \t]+go|sacked|fired)"
    r"(?:[ \t]+(?:part[ -]time|full[ -]time|casual|nights|days|weekends|now|still|there|again|also|just|back))?"
    r"[ \t]+(?:at|for|with|by|from))[ \t]+(?=[A-Z])"
)
NAME_JOINERS = frozenset(["&", "and", "of"])
DAY_WORDS = CALENDAR_WORDS | frozenset(["Day", "Night", "Eve", "Weekend", "Week", "Festival", "Holiday", "Holidays"])


class _ContextRecognizer(EntityRecognizer):
    """Base: subclasses yield the (start, end) character offsets of what they find in a parsed text."""

    LABEL = LOCATION
    SCORE = 0.5

    def __init__(self, lexicon: PlaceLexicon) -> None:
        self.lexicon = lexicon
        super().__init__(supported_entities=[self.LABEL], name=type(self).__name__, supported_language="en")

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
        if doc is None or self.LABEL not in entities:
            return []
        return results(self, ((a, b, self.LABEL) for a, b in self._find(text, doc)), self.SCORE)

    def _find(self, text: str, doc: Doc) -> Iterator[tuple[int, int]]:
        raise NotImplementedError


class PlaceContextRecognizer(_ContextRecognizer):
    """Rare capitalised words after a place preposition ("in Kelvinbrook", "at the Albion")."""

    def _find(self, text: str, doc: Doc) -> Iterator[tuple[int, int]]:
        n = len(doc)
        for i in token_indices(doc, (m.start() for m in PREPOSITION_BEFORE_CAPITAL.finditer(text))):
            if doc[i].lower_ not in PLACE_PREPOSITIONS or breaks_line(doc[i]) or i + 1 >= n:
                continue
            after_the = doc[i + 1].lower_ == "the"
            first = i + 2 if after_the else i + 1  # "at the Albion"
            # NER's PERSON is no reason to doubt a name after "the" ("climbed the Bennan")
            not_place = NER_NOT_NAMED_THING if after_the else NER_NOT_PLACE
            j = first
            while j < n and is_name_word(doc[j]) and doc[j].ent_type_ not in not_place and not breaks_line(doc[j - 1]):
                j += 1
            if j == first or (j < n and (doc[j].text in POSSESSIVE or doc[j].text in DAY_WORDS)):
                continue  # "at Dunleary's" is a business; "on Regatta Saturday" a date
            words = [t.text for t in doc[first:j]]
            if not (self._is_place(words) or (after_the and self._is_named_venue(words))):
                continue
            if self.lexicon.head_label(doc, j - 1) is not None:
                continue  # NamedPlaceRecognizer's business
            yield doc[first].idx, doc[j - 1].idx + len(doc[j - 1].text)

    def _is_named_venue(self, words: list[str]) -> bool:
        """ "outside the Copper Lantern", "at the Lantern": everyday words in Title Case after "the" name a
        pub, a venue or a landmark — unless they are generic ("the Day Centre") or a calendar phrase."""
        if any(w.isupper() or w in CALENDAR_WORDS for w in words):
            return False
        if len(words) == 1 and (word_zipf(words[0].lower()) >= 5.0 or self.lexicon.is_generic(words[0])):
            return False  # one everyday word in Title Case ("went to the Nest") names a venue; "the Unit" does not
        if words[-1].lower() in ROOM_WORDS:
            return False  # "the Sensory Room", "the Staff Office": rooms of a building, not named venues
        return not self.lexicon.is_unmarked_place(" ".join(words))

    def _is_place(self, words: list[str]) -> bool:
        if " ".join(words) in self.lexicon.not_places or any(w.isupper() for w in words):
            return False
        return not any(word_zipf(w.lower()) >= COMMON_WORD_ZIPF or MEDICATION.fullmatch(w) for w in words)


class OrgContextRecognizer(_ContextRecognizer):
    """The capitalised name after an employment phrase ("works at Pellow's", "a job with Brightwater")."""

    LABEL = ORGANIZATION
    SCORE = 0.55

    def _find(self, text: str, doc: Doc) -> Iterator[tuple[int, int]]:
        for first in token_indices(doc, (m.end() for m in EMPLOYER_CONTEXT.finditer(text))):
            last = self._name_end(doc, first)
            if last < first or self._is_person(doc, first, last):
                continue
            span = doc[first : last + 1]
            words = [t.text for t in span if t.lower_ not in NAME_JOINERS and t.text not in APOSTROPHES]
            if span.text in self.lexicon.not_places or all(self.lexicon.is_generic(w) for w in words):
                continue
            yield span.start_char, span.end_char

    def _is_person(self, doc: Doc, first: int, last: int) -> bool:
        """A person ("works for Maeve Rooney"), not a business ("works at Rooney's")."""
        if is_possessive(doc, last):
            return False
        return doc[first].ent_type_ in NER_NOT_PLACE or doc[first].text in self.lexicon.first_names

    @staticmethod
    def _name_end(doc: Doc, first: int) -> int:
        """Index of the last token of the name starting at ``first`` (``first - 1`` if there is none)."""
        last = first - 1
        k = first
        n = len(doc)
        while k < n and (k == first or not breaks_line(doc[k - 1])):
            tok = doc[k]
            if is_name_word(tok) or (k > first and is_possessive(doc, k)):
                last = k
            elif tok.lower_ in NAME_JOINERS and k > first and k + 1 < n and is_name_word(doc[k + 1]):
                pass
            else:
                break
            k += 1
        return last


class SiteRecognizer(_ContextRecognizer):
    """A rare capitalised name before a lower-case site word ("the Kelso site", "our Ardmore branch")."""

    def _find(self, text: str, doc: Doc) -> Iterator[tuple[int, int]]:
        if not self.lexicon.site_words:
            return
        for head in token_indices(doc, (m.start() for m in self.lexicon.site_pattern.finditer(text))):
            if head == 0 or breaks_line(doc[head - 1]):
                continue
            first = head  # the name words right before the site word ("Brookfield's Kelso site": "Kelso")
            while first > 0 and is_name_word(doc[first - 1]) and not breaks_line(doc[first - 1]):
                first -= 1
            names = list(doc[first:head])
            if not names or any(t.ent_type_ in NER_NOT_PLACE for t in names):
                continue
            if doc[first:head].text in self.lexicon.not_places:
                continue
            if not any(word_zipf(t.lower_) < COMMON_WORD_ZIPF and not self.lexicon.is_generic(t.text) for t in names):
                continue
            yield doc[first].idx, doc[head - 1].idx + len(doc[head - 1].text)
