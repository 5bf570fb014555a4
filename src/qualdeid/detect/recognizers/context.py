"""Names of places and organisations read from their context, where no type word says what they are.

* :class:`PlaceContextRecognizer` — a rare capitalised word after "in/from/to/at/on/near...", or after
  a climbing verb, that NER left untagged ("moved to Kelvinbrook", "a weekend on Inishcorr", "climbed the
  Bennan"); not a country, state, language, weekday, platform, medication or common word.
* :class:`OrgContextRecognizer` — the name after "works at", "a job with", "volunteers for"... ("works at
  Pellow's", "a placement with Brightwater"): an employer named without a type word.
* :class:`SiteRecognizer` — a rare capitalised name before a lower-case site word ("the Kelso site",
  "their Ardmore branch").
* :class:`OrgKindRecognizer` — a rare capitalised name before a lower-case kind of organisation ("the
  Tarnwick outpatient clinic", "Velmora seniors club"): the name and its kind, one organisation.
* :class:`VenueKindRecognizer` — the same before a lower-case kind of venue or stop ("the Harrowfield civic
  hall", "Quernby taxi rank"): one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.presidio import presidio_results
from qualdeid.detect.places.lexicon import (
    APOSTROPHES,
    POSSESSIVE,
    PlaceLexicon,
    breaks_line,
    starts_sentence,
    token_indices,
)
from qualdeid.labels import LOCATION, ORGANIZATION
from qualdeid.rules import Rules, alternation

#: a word this common in general English is not taken as a place on its own (Zipf scale)
COMMON_WORD_ZIPF = 3.6
#: before a place: "moved to Kelvinbrook", "a weekend on Inishcorr", "up Slievecarn"
PREPOSITIONS = frozenset(
    [
        *("in", "from", "to", "at", "near", "around", "past", "via", "outside", "towards", "toward", "into", "round"),
        *("on", "up", "off", "across", "over"),  # islands, mountains, roads: "on Inishcorr", "up Slievecarn"
    ]
)
#: NER says this capitalised word is a person, a nationality or a date, not a place
NER_NOT_PLACE = frozenset(["PERSON", "PER", "NORP", "DATE", "TIME"])
NER_NOT_NAMED_THING = frozenset(["NORP", "DATE", "TIME"])
NAME_JOINERS = frozenset(["&", "and", "of"])
#: the words that make a possessive name before a kind a saint's ("St Aelred's church hall")
SAINTS = frozenset(["St", "Saint", "Ste", "San", "Santa"])
#: a name in the possessive before a kind at least this common in English (Zipf) is a word ("the Women's clinic")
OWNER_ZIPF = 5.0


class ContextWords:
    """The words around a place or an employer's name, from ``rules/lexicons/places.yaml``."""

    def __init__(self, rules: Rules, lexicon: PlaceLexicon) -> None:
        words = rules.lists("lexicons/places.yaml")
        calendar = rules.lists("lexicons/calendar.yaml")
        #: place prepositions and the verbs of climbing and walking ("climbed the Bennan")
        self.place_words = PREPOSITIONS | words["climbing_verbs"]
        self.before_capital = re.compile(
            r"(?<!\w)(?i:" + "|".join(sorted(self.place_words)) + r")[ \t]+(?:the[ \t]+)?(?=[A-Z])"
        )
        #: parts of a building: a Title Case phrase ending in one names a room, not a venue
        self.room_words = words["room_words"]
        #: drug names ("on Quetiapine", "on Sertraline") share a few suffixes; they are not places
        self.medication = re.compile(rf"(?i:.*(?:{words.pattern('medication_endings')}))")
        self.employer = re.compile(
            rf"(?<!\w)(?i:(?:{words.pattern('employment_words')})"
            rf"(?:[ \t]+(?:{words.pattern('employment_modifiers')}))?"
            r"[ \t]+(?:at|for|with|by|from))[ \t]+(?=[A-Z])"
        )
        #: peoples, nationalities and languages: NER's NORP on any other word after "in" is a misreading
        #: of a place ("the fair in Trefath"), a demonym's ending aside ("in Mancunian")
        self.peoples = rules.words("lexicons/peoples.txt", lower=True) | rules.words("rare/language.txt", lower=True)
        self.demonym = re.compile(rf"(?i:.*(?:{words.pattern('demonym_endings')}))")
        #: capitalised words that end a place name as a date: "on Regatta Saturday", "at Harvest Festival"
        self.day_words = lexicon.calendar | {w.capitalize() for w in calendar["date_heads"]}
        #: listed holidays and every word of them, lower case: "at Eid" is a time, and NER's date on one of
        #: their words is a date ("in Ramadan")
        self.holidays = rules.words("lexicons/holidays.txt", lower=True)
        self.holiday_words = {w for h in self.holidays for w in h.split()}
        #: kinds of organisation written in lower case after the name ("Velmora seniors club")
        kinds = rules.words("lexicons/org_kinds_lower.txt", lower=True)
        self.org_kind = re.compile(rf"(?<![\w'’-])(?:{alternation(kinds)})(?![\w'’-])") if kinds else None
        #: kinds of venue and stop written in lower case after the name ("the Harrowfield civic hall")
        venues = rules.words("lexicons/venue_kinds_lower.txt", lower=True)
        self.venue_kind = re.compile(rf"(?<![\w'’-])(?:{alternation(venues)})(?![\w'’-])") if venues else None
        #: never the name of an organisation before its kind ("Warfarin clinic", "CBT group")
        self.not_org_names = rules.words("lexicons/medicines.txt", lower=True) | rules.words(
            "lexicons/clinical_terms.txt", lower=True
        )
        #: a town before a kind names where the place is ("the Tarnby library"): the town is found as a town
        self.towns = rules.words("lexicons/towns.txt", lower=True) | rules.words("lexicons/towns_world.txt", lower=True)


class _ContextRecognizer(EntityRecognizer):
    """Base: subclasses yield the (start, end) character offsets of what they find in a parsed text."""

    LABEL = LOCATION
    SCORE = 0.5

    def __init__(self, lexicon: PlaceLexicon, words: ContextWords) -> None:
        self.lexicon = lexicon
        self.words = words
        super().__init__(supported_entities=[self.LABEL], name=type(self).__name__, supported_language="en")

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
        if doc is None or self.LABEL not in entities:
            return []
        return presidio_results(self, ((a, b, self.LABEL) for a, b in self._find(text, doc)), self.SCORE)

    def _find(self, text: str, doc: Doc) -> Iterator[tuple[int, int]]:
        raise NotImplementedError


class PlaceContextRecognizer(_ContextRecognizer):
    """Rare capitalised words after a place preposition ("in Kelvinbrook", "at the Albion")."""

    def _find(self, text: str, doc: Doc) -> Iterator[tuple[int, int]]:
        n = len(doc)
        for i in token_indices(doc, (m.start() for m in self.words.before_capital.finditer(text))):
            if doc[i].lower_ not in self.words.place_words or breaks_line(doc[i]) or i + 1 >= n:
                continue
            after_the = doc[i + 1].lower_ == "the"
            first = i + 2 if after_the else i + 1  # "at the Albion"
            # NER's PERSON is no reason to doubt a name after "the" ("climbed the Bennan")
            not_place = NER_NOT_NAMED_THING if after_the else NER_NOT_PLACE
            j = first
            while (
                j < n
                and self.lexicon.is_name_word(doc[j])
                and (doc[j].ent_type_ not in not_place or self._misread_people(doc[j]) or self._misread_date(doc[j]))
                and not breaks_line(doc[j - 1])
            ):
                j += 1
            if j == first and j < n and self.lexicon.is_numbered_name(doc[j]):
                yield doc[j].idx, doc[j].idx + len(doc[j].text)  # "near Kelby-11": a district of a town
                continue
            if j == first or (j < n and (doc[j].text in POSSESSIVE or doc[j].text in self.words.day_words)):
                continue  # "at Dunleary's" is a business; "on Regatta Saturday" a date
            words = [t.text for t in doc[first:j]]
            if " ".join(words).lower() in self.words.holidays or self._calendar_word(doc[first]):
                continue  # "see him at Eid", "meets on Mondays": a time
            if not (self._is_place(words) or (after_the and self._is_named_venue(words))):
                continue
            if not after_the and self._person_named(doc[first:j]):
                continue  # "called in on Anjali Choudhury": a visit to a person, not a place
            if self.lexicon.head_label(doc, j - 1) is not None:
                continue  # NamedPlaceRecognizer's business
            yield doc[first].idx, doc[j - 1].idx + len(doc[j - 1].text)

    def _person_named(self, tokens: Any) -> bool:
        """Two capitalised words, the second a listed surname, neither a place for NER: a person's name."""
        return (
            len(tokens) == 2
            and tokens[1].lower_ in self.lexicon.surnames
            and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in tokens)
        )

    def _misread_people(self, token: Any) -> bool:
        """NER's nationality on a rare word that is no people, nationality or language ("in Trefath")."""
        low = token.lower_
        return (
            token.ent_type_ == "NORP"
            and low not in self.words.peoples
            and not self.words.demonym.fullmatch(low)
            and zipf(low) < COMMON_WORD_ZIPF
        )

    def _misread_date(self, token: Any) -> bool:
        """NER's date on a rare word that is no calendar word or holiday ("in Trefath. I see him at Eid" reads
        both as dates): the word names no time."""
        low = token.lower_
        return (
            token.ent_type_ in ("DATE", "TIME")
            and token.is_alpha
            and not self._calendar_word(token)
            and low not in self.words.holiday_words
            and zipf(low) < COMMON_WORD_ZIPF
        )

    def _calendar_word(self, token: Any) -> bool:
        """A weekday, a month or a word that ends a date, also in the plural ("on Mondays")."""
        return token.text in self.words.day_words or token.text.removesuffix("s") in self.words.day_words

    def _is_named_venue(self, words: list[str]) -> bool:
        """ "outside the Copper Lantern", "at the Lantern": everyday words in Title Case after "the" name a
        pub, a venue or a landmark — unless they are generic ("the Day Centre") or a calendar phrase."""
        if any(w.isupper() or w in self.lexicon.calendar for w in words):
            return False
        if len(words) == 1 and (zipf(words[0].lower()) >= 5.0 or self.lexicon.is_generic(words[0])):
            return False  # one everyday word in Title Case ("went to the Nest") names a venue; "the Unit" does not
        if words[-1].lower() in self.words.room_words:
            return False  # "the Sensory Room", "the Staff Office": rooms of a building, not named venues
        return not self.lexicon.is_unmarked_place(" ".join(words))

    def _is_place(self, words: list[str]) -> bool:
        if " ".join(words) in self.lexicon.not_places or any(w.isupper() for w in words):
            return False
        return not any(zipf(w.lower()) >= COMMON_WORD_ZIPF or self.words.medication.fullmatch(w) for w in words)


class OrgContextRecognizer(_ContextRecognizer):
    """The capitalised name after an employment phrase ("works at Pellow's", "a job with Brightwater")."""

    LABEL = ORGANIZATION
    SCORE = 0.55

    def _find(self, text: str, doc: Doc) -> Iterator[tuple[int, int]]:
        for first in token_indices(doc, (m.end() for m in self.words.employer.finditer(text))):
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
        if self.lexicon.is_possessive(doc, last):
            return False
        return doc[first].ent_type_ in NER_NOT_PLACE or doc[first].text in self.lexicon.first_names

    def _name_end(self, doc: Doc, first: int) -> int:
        """Index of the last token of the name starting at ``first`` (``first - 1`` if there is none)."""
        last = first - 1
        k = first
        n = len(doc)
        while k < n and (k == first or not breaks_line(doc[k - 1])):
            tok = doc[k]
            if self.lexicon.is_name_word(tok) or (k > first and self.lexicon.is_possessive(doc, k)):
                last = k
            elif tok.lower_ in NAME_JOINERS and k > first and k + 1 < n and self.lexicon.is_name_word(doc[k + 1]):
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
            while first > 0 and self.lexicon.is_name_word(doc[first - 1]) and not breaks_line(doc[first - 1]):
                first -= 1
            names = list(doc[first:head])
            if not names or any(t.ent_type_ in NER_NOT_PLACE for t in names):
                continue
            if doc[first:head].text in self.lexicon.not_places:
                continue
            if not any(zipf(t.lower_) < COMMON_WORD_ZIPF and not self.lexicon.is_generic(t.text) for t in names):
                continue
            yield doc[first].idx, doc[head - 1].idx + len(doc[head - 1].text)


class OrgKindRecognizer(_ContextRecognizer):
    """A rare capitalised name before a lower-case kind of organisation (see module docstring)."""

    LABEL = ORGANIZATION
    #: above the name lists (0.9), which take the name alone for a person's ("Selma care home")
    SCORE = 0.91
    #: a town before the kind says where it is and is found as a town ("the Tarnby library")
    TOWN_IS_TOWN = True
    MAX_NAME_WORDS = 3
    #: a name word rarer than this in English (Zipf) makes the phrase a name ("Fracture clinic" stays words)
    RARE_ZIPF = 3.0
    #: a name in the possessive before the kind names the place, not only a saint's ("Brannock's sports centre");
    #: before a kind of organisation it is more often whose it is ("Liesel's school": the school she goes to)
    OWNER_NAMES = False

    def _kinds(self) -> re.Pattern[str] | None:
        return self.words.org_kind

    def _find(self, text: str, doc: Doc) -> Iterator[tuple[int, int]]:
        kinds = self._kinds()
        if kinds is None:
            return
        for m in kinds.finditer(text):
            kind = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if kind is None or kind.start == 0 or kind.start_char != m.start() or breaks_line(doc[kind.start - 1]):
                continue
            first = kind.start
            while (
                first > 0
                and kind.start - first < self.MAX_NAME_WORDS
                and (self.lexicon.is_name_word(doc[first - 1]) or self.lexicon.is_numbered_name(doc[first - 1]))
                and not breaks_line(doc[first - 1])
            ):
                first -= 1
            if first == kind.start:
                owner = self._owner(doc, kind.start)
                if owner is not None:
                    yield doc[owner].idx, kind.end_char  # "Brannock's sports centre", "St Aelred's church hall"
                continue
            names = list(doc[first : kind.start])
            if any(t.ent_type_ in ("DATE", "TIME") or self._people(t) for t in names):
                continue
            if not any(self._rare(t.text) for t in names) or (
                self.TOWN_IS_TOWN and any(t.lower_ in self.words.towns for t in names)
            ):
                continue
            if len(names) == 1 and len(kind) == 1 and names[0].text in self.lexicon.first_names:
                continue  # "is Mele school today": her school
            yield doc[first].idx, kind.end_char

    def _owner(self, doc: Doc, kind: int) -> int | None:
        """The first token of a name in the possessive right before the kind, or None: a saint's ("St Aelred's
        church hall"), or before a venue's kind a capitalised word inside a sentence that is no listed first name
        and no everyday word ("Brannock's sports centre"; not "Liesel's school", her school, nor "the Women's
        clinic")."""
        j = kind - 1
        if j < 1 or doc[j].text not in POSSESSIVE or not self.lexicon.is_possessive(doc, j):
            return None
        first = j
        while (
            first > 0
            and j - first < self.MAX_NAME_WORDS
            and self.lexicon.is_name_word(doc[first - 1])
            and not breaks_line(doc[first - 1])
        ):
            first -= 1
        names = list(doc[first:j])
        if names[0].text.rstrip(".") in SAINTS and len(names) > 1:
            return first
        if not self.OWNER_NAMES or first == 0 or starts_sentence(doc, first):
            return None
        if any(t.ent_type_ in ("DATE", "TIME") for t in names):
            return None
        if any(t.text in self.lexicon.first_names or self._people(t) for t in names):
            return None
        if any(zipf(t.lower_) >= OWNER_ZIPF or self.lexicon.is_generic(t.text) for t in names):
            return None
        return first

    def _people(self, tok: Token) -> bool:
        """A people, nationality or language ("the Somali community centre"); NER's NORP on another word before
        a kind is a misreading of the name unless it ends as a people's name does."""
        if tok.lower_ in self.words.peoples:
            return True
        return tok.ent_type_ == "NORP" and bool(self.words.demonym.fullmatch(tok.text))

    def _rare(self, word: str) -> bool:
        low = word.lower()
        return (
            zipf(low) < self.RARE_ZIPF
            and not self.lexicon.is_generic(word)
            and low not in self.words.not_org_names
            and not self.words.medication.fullmatch(word)
        )


class VenueKindRecognizer(OrgKindRecognizer):
    """A rare capitalised name before a lower-case kind of venue or stop ("the Harrowfield civic hall",
    "Quernby taxi rank"): one place, the town's name included (its hall is one building of it)."""

    LABEL = LOCATION
    TOWN_IS_TOWN = False
    OWNER_NAMES = True

    def _kinds(self) -> re.Pattern[str] | None:
        return self.words.venue_kind
