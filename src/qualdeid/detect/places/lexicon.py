"""What detection knows about the names of places and organisations: the type words that close a name
("Street", "Centre", "Trust"), generic and not-a-place words, the words that break or extend a name,
read once from ``rules/lexicons/``; and the token tests the place recognizers share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.labels import LOCATION, ORGANIZATION
from qualdeid.rules import Rules

#: particles inside a place name ("Bank of Ireland", "Stratford-upon-Avon", "Rue de la Paix")
CONNECTORS = frozenset(["of", "and", "&", "upon", "de", "la", "le", "du", "van", "von", "der"])
POSSESSIVE = frozenset(["'s", "’s"])
#: the glottal stop of Hawaiian, Tongan and Samoan, as written (U+02BB) and as keyboards type it (U+2018)
OKINA = "ʻ‘"
APOSTROPHES = POSSESSIVE | frozenset(["'", "’"])
#: heads that abbreviate a title when a capitalised word follows ("St Kilda", "Dr Lee")
PREFIX_AMBIGUOUS = frozenset(["St", "Dr"])
#: "Kelby-11": a name and a district's number
_NUMBERED_NAME = re.compile(r"([^\W\d_]{3,})-\d{1,2}")
#: the name part of a numbered district is rarer than this in English (Zipf): "Sector-7" is no name
NUMBERED_NAME_ZIPF = 3.6
SENTENCE_BREAK = frozenset([".", "!", "?", ":", ";", "-", "–", "—", '"', "“", "(", "*", "•"])


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
    #: listed surnames, lower case (``names/surnames.txt``): "called in on Anjali Choudhury" visits a person
    surnames: frozenset[str] = frozenset()
    #: weekdays and months, capitalised ("Monday", "Tues", "Sept")
    calendar: frozenset[str] = frozenset()
    #: capitalised tokens that never begin or continue a place name (the calendar, "Mr", "Mum", "I")
    stop_words: frozenset[str] = frozenset()
    #: after a type word, still part of the name ("Harbour Road North", "Queen St W")
    compass: frozenset[str] = frozenset()
    #: the short ones ("W", "NE"): after "St" or "Dr" they make it a street type, not a title
    compass_short: frozenset[str] = frozenset()
    #: a unit before a house number ("Flat 3, 4 Orchard Road"), lower case
    unit_words: frozenset[str] = frozenset()
    #: type words that close a street name written in lower case ("dunmore st")
    lower_case_street_types: frozenset[str] = frozenset()
    #: type words that close an organisation's name written in lower case ("drumcarrow high")
    lower_case_org_types: frozenset[str] = frozenset()
    #: the words before an organisation's name in lower case ("the", "from")
    lower_case_org_after: frozenset[str] = frozenset()

    @classmethod
    def read(cls, rules: Rules) -> PlaceLexicon:
        words = rules.lists("lexicons/places.yaml")
        calendar_lists = rules.lists("lexicons/calendar.yaml")
        calendar = frozenset(
            w.capitalize() for k in ("weekdays", "weekdays_short", "months", "months_short") for w in calendar_lists[k]
        )
        return cls(
            street_types=rules.words("lexicons/street_types.txt"),
            common_street_types=rules.words("lexicons/street_types_common.txt"),
            venue_types=rules.words("lexicons/venue_types.txt"),
            org_types=rules.words("lexicons/org_types.txt"),
            generic_words=rules.words("lexicons/generic_name_words.txt", lower=True),
            not_places=rules.words("lexicons/not_places.txt"),
            site_words=rules.words("lexicons/site_words.txt"),
            first_names=rules.words("names/first_names.txt"),
            surnames=rules.words("names/surnames.txt", lower=True),
            calendar=calendar,
            stop_words=calendar | {_title(w) for w in words["person_words"]},
            compass=frozenset(w.capitalize() for w in words["compass_words"])
            | frozenset(w.upper() for w in words["compass_short"]),
            compass_short=frozenset(w.upper() for w in words["compass_short"]),
            unit_words=rules.lists("lexicons/layout.yaml")["address_units"],
            lower_case_street_types=words["lower_case_street_types"],
            lower_case_org_types=words["lower_case_org_types"],
            lower_case_org_after=words["lower_case_org_after"],
        )

    @cached_property
    def head_pattern(self) -> re.Pattern[str]:
        """Finds candidate type words in the raw text, so that only their tokens are examined."""
        words = sorted(
            self.street_types | self.common_street_types | self.venue_types | self.org_types, key=len, reverse=True
        )
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")

    @cached_property
    def lower_case_name(self) -> re.Pattern[str]:
        """ "dunmore st", "on old kelso road", "the clachan trust": one or two lower-case words, then a street
        type (group ``street``) or an organisation type (with a house number before a street, the patterns of
        rules/recognizers/places.yaml find it whatever the words)."""
        streets = "|".join(sorted(self.lower_case_street_types, key=len, reverse=True))
        orgs = "|".join(sorted(self.lower_case_org_types, key=len, reverse=True))
        return re.compile(
            rf"(?<![\w'’-])(?P<name>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?)[ \t]+"
            rf"(?:(?P<street>{streets})\.?|{orgs})(?![\w'’-])"
        )

    @cached_property
    def site_pattern(self) -> re.Pattern[str]:
        words = sorted(self.site_words, key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")

    def is_name_word(self, tok: Token) -> bool:
        """A capitalised word that may be part of a place name."""
        text = tok.text
        if not text or not text.lstrip(OKINA)[:1].isupper() or text in self.stop_words:
            return False  # an ʻokina may open a capitalised word of Hawaiian or Tongan: "ʻOhana", "ʻEua"
        return all(ch.isalpha() or ch in "-'’." for ch in text) and any(ch.isalpha() for ch in text)

    def is_numbered_name(self, tok: Token) -> bool:
        """A capitalised name with the number of one of its districts or sectors joined by a hyphen ("Kelby-11"),
        as cities of South Asia number theirs; the name part no everyday word ("Sector-7", "Phase-2")."""
        m = _NUMBERED_NAME.fullmatch(tok.text)
        if m is None or not m.group(1).istitle() or m.group(1) in self.stop_words or self.is_generic(m.group(1)):
            return False
        return zipf(m.group(1).lower()) < NUMBERED_NAME_ZIPF

    def is_possessive(self, doc: Doc, j: int) -> bool:
        """``doc[j]`` is the "'s" of "Mary's" or the "'" of "Boys'" right after a name word."""
        tok = doc[j]
        if j == 0 or doc[j - 1].whitespace_ or not self.is_name_word(doc[j - 1]):
            return False
        return tok.text in POSSESSIVE or (tok.text in APOSTROPHES and doc[j - 1].text.endswith("s"))

    def head_label(self, doc: Doc, i: int) -> str | None:
        text = doc[i].text
        if (
            text in PREFIX_AMBIGUOUS
            and i + 1 < len(doc)
            and self.is_name_word(doc[i + 1])
            and not (doc[i].whitespace_ and doc[i + 1].text.rstrip(".") in self.compass_short)
        ):
            return None  # "St Anne's", "Dr Okafor"; but "Queen St W" is a street
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


def _title(word: str) -> str:
    """A listed lower-case word as it stands capitalised: "mr" -> "Mr", "i" -> "I"."""
    return word[:1].upper() + word[1:]


def breaks_line(tok: Token) -> bool:
    return "\n" in tok.text or "\n" in tok.whitespace_ or tok.is_space


def starts_sentence(doc: Doc, i: int) -> bool:
    if i == 0 or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return prev.text in SENTENCE_BREAK or breaks_line(prev)


def token_indices(doc: Doc, char_offsets: Iterable[int]) -> list[int]:
    """Indices of the tokens that start at the given character offsets (others are skipped)."""
    out = []
    for offset in char_offsets:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is not None and span.start_char == offset:
            out.append(span.start)
    return out
