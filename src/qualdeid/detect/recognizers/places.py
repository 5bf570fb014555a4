"""Named places and organisations that spaCy's NER misses, found by scanning the parsed tokens.

* :class:`NamedPlaceRecognizer` — capitalised words closed by a type word: "Smith Street",
  "12 Smith St", "Flat 3, 4 Orchard Road", "Alder Ward", "Harbour Rowing Club", "St Jude's Church",
  "University of Somewhere". Generic names ("Day Centre", "Community Mental Health Team") are not flagged:
  a venue or organisation name needs at least one word that is not in ``generic_name_words.txt``.
  Streets and organisations written all in lower case ("parking on dunmore st", "the clachan trust") are found
  when their name is a rare word.

The recognizers that read a name from its context ("moved to Kelvinbrook", "works at Pellow's") are in
:mod:`.context`; both read :class:`~qualdeid.detect.places.lexicon.PlaceLexicon`.
"""

from __future__ import annotations

import re

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.presidio import presidio_results
from qualdeid.detect.places.lexicon import (
    APOSTROPHES,
    CONNECTORS,
    PlaceLexicon,
    breaks_line,
    starts_sentence,
    token_indices,
)
from qualdeid.labels import LOCATION, ORGANIZATION

ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")  # "5th Avenue", "West 125th Street"
HOUSE_NUMBER = re.compile(r"^\d{1,5}[A-Za-z]?(?:[/-]\d{1,5}[A-Za-z]?)?$")
#: a street named by its number without an ordinal's ending, after a house number ("12840 66A Ave", "4410 104 Street")
NUMBERED_STREET = re.compile(r"^\d{1,3}[A-Z]?$")
#: the house number before it, two digits or more ("scored 3 4 Street points" is no address)
_LONG_HOUSE_NUMBER = re.compile(r"^\d{2,6}[A-Za-z]?$")
SENTENCE_START_COMMON_ZIPF = 3.0
#: a sentence-initial name made only of words this common is taken for a heading or a generic phrase
COMMON_NAME_ZIPF = 4.0
#: each word of a street's or an organisation's name written in lower case is rarer than this in English
#: ("dunmore st", not "main st")
LOWER_CASE_NAME_ZIPF = 4.2
_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]+")


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
        found += self._in_lower_case(text)
        found = [(a, b, label) for a, b, label in merge_chains(found) if label in entities]
        return presidio_results(self, found, self.SCORE)

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
            elif _org_type_before_of(words, self.lexicon.org_types):
                label, words = ORGANIZATION, [*words, "OF"]  # "HARBOUR INSTITUTE OF MARINE STUDIES"
                words = [w for w in words if w.capitalize() not in self.lexicon.org_types]
            else:
                continue
            names = [w.capitalize() for w in words[:-1] if w.lower() not in CONNECTORS]
            specific = [zipf(w.lower()) for w in names if not self.lexicon.is_generic(w)]
            if specific and max(specific) < 6.2 and min(specific) < 5.0:  # not shouting: "WE WENT TO THE CLUB"
                found.append((start, m.end(), label))
        return found

    def _in_lower_case(self, text: str) -> list[tuple[int, int, str]]:
        """Streets and organisations in hurried lower-case writing: "parking on dunmore st", "the report for
        the clachan trust". Each word of the name is rare in English and no generic word, so "the high
        street", "a side road" and "a family trust" stay words."""
        found = []
        for m in self.lexicon.lower_case_name.finditer(text):
            label = LOCATION if m.group("street") else ORGANIZATION
            start, words = m.start(), m.group("name").split()
            if label == ORGANIZATION:
                after = self.lexicon.lower_case_org_after
                if words[0] in after and len(words) > 1:
                    start, words = (
                        m.start("name") + m.group("name").rindex(words[-1]),
                        words[1:],
                    )  # "at drumcarrow high"
                else:
                    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
                    if before is None or before.group(1).lower() not in after:
                        continue  # "i didnt trust him"
            rare = [zipf(w) < LOWER_CASE_NAME_ZIPF and not self.lexicon.is_generic(w) for w in words]
            if all(rare):
                found.append((start, m.end(), label))
            elif rare[-1]:
                found.append((m.start("name") + m.group("name").rindex(words[-1]), m.end(), label))  # "old kelso rd"
        return found

    def _span_for_head(self, doc: Doc, head: int, label: str) -> tuple[int, int, str] | None:
        if breaks_line(doc[head - 1]):
            return None
        leftmost = self._walk_left(doc, head)
        last = self._walk_right(doc, head)
        street = label == LOCATION and (
            doc[head].text in self.lexicon.street_types or doc[head].text in self.lexicon.common_street_types
        )
        # a street's name that fills its brackets or an address's line keeps its opening word, and is no heading
        # ("(Mill Field Avenue)", "Orchard Road" above "Kittering KT4 7QT")
        address_line = street and _address_line(doc, leftmost, last)
        first = self._trim_left(doc, leftmost, head, keep_opener=address_line)
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
        if not address_line and starts_sentence(doc, first) and all(zipf(w.lower()) >= COMMON_NAME_ZIPF for w in words):
            return None  # "Morning Tea Group was on": a line or sentence opening in common words is a heading
        if always_specific or head_text in self.lexicon.common_street_types:
            first = self._house_number(doc, first)
        if " ".join(t.text for t in doc[first : last + 1]) in self.lexicon.not_places:
            return None
        return doc[first].idx, doc[last].idx + len(doc[last].text), label

    def _walk_left(self, doc: Doc, head: int) -> int:
        """Index of the leftmost token of the capitalised run that ends before ``head``."""
        j = head - 1
        first = head
        while j >= 0:
            tok = doc[j]
            if breaks_line(tok):
                break
            if (
                self.lexicon.is_name_word(tok)
                or ORDINAL.match(tok.text)
                or self._numbered_street(doc, j, head)
                or self.lexicon.is_possessive(doc, j)
                or (tok.lower_ in CONNECTORS and first < head and j > 0 and self.lexicon.is_name_word(doc[j - 1]))
            ):
                first = j
            else:
                break
            j -= 1
        return first

    def _numbered_street(self, doc: Doc, j: int, head: int) -> bool:
        """The number that names a street right before its type, a house number before it ("12840 66A Ave")."""
        return (
            j == head - 1
            and j > 0
            and NUMBERED_STREET.match(doc[j].text) is not None
            and _LONG_HOUSE_NUMBER.match(doc[j - 1].text) is not None
            and not breaks_line(doc[j - 1])
            and doc[head].text in self.lexicon.street_types
        )

    def _trim_left(self, doc: Doc, first: int, head: int, keep_opener: bool = False) -> int | None:
        while first < head:
            tok = doc[first]
            if tok.lower_ in CONNECTORS or tok.text in APOSTROPHES or tok.lower_ == "the":
                first += 1
            elif (
                not keep_opener
                and starts_sentence(doc, first)
                and tok.pos_ != "PROPN"
                and zipf(tok.lower_) >= SENTENCE_START_COMMON_ZIPF
            ):
                first += 1  # "Went Gannet Park"-style: a capitalised sentence opener is not part of a name
            else:
                return first
        return None

    def _walk_right(self, doc: Doc, head: int) -> int:
        lex = self.lexicon
        last = head
        k = head + 1
        while k < len(doc) and not breaks_line(doc[k - 1]):
            tok = doc[k]
            if tok.text in self.lexicon.compass and tok.i == last + 1:
                last = k
                k += 1
            elif tok.lower_ == "of" and k + 1 < len(doc) and lex.is_name_word(doc[k + 1]) and not breaks_line(tok):
                k += 1
                while k < len(doc) and self.lexicon.is_name_word(doc[k]) and not breaks_line(doc[k - 1]):
                    last = k
                    k += 1
                break
            else:
                break
        return last

    def _house_number(self, doc: Doc, first: int) -> int:
        """Extend a street name left over a house number: "12", "4/22", "Flat 3, 4"."""
        j = first - 1
        if j < 0 or breaks_line(doc[j]) or not HOUSE_NUMBER.match(doc[j].text):
            return first
        first = j
        # "Flat 3, 4 Orchard Road" / "Unit 5, 12 ..."
        if j >= 3 and doc[j - 1].text == "," and HOUSE_NUMBER.match(doc[j - 2].text):
            if doc[j - 3].lower_ in self.lexicon.unit_words and not any(breaks_line(t) for t in doc[j - 3 : j]):
                first = j - 3
        elif j >= 1 and doc[j - 1].lower_ in self.lexicon.unit_words and not breaks_line(doc[j - 1]):
            first = j - 1
        return first


#: Two to six words in capitals on one line ("KELSO DAY CENTRE", "ST ANN'S HOUSE", with the letters of other
#: languages and an ʻokina: "ÅSVIK SKOLE", "KAʻULA ʻOHANA TRUST").
_CAPITALS_RUN = regex.compile(
    r"(?<![\w'’&ʻ‘-])[ʻ‘]?\p{Lu}[\p{Lu}'’&ʻ‘-]+(?:[ \t]+(?:OF|THE|AND|&|[ʻ‘]?\p{Lu}[\p{Lu}'’&ʻ‘-]+)){1,5}(?![\w'’&ʻ‘-])"
)


def _org_type_before_of(words: list[str], org_types: frozenset[str] | set[str]) -> bool:
    """An organisation type word followed by "OF" and a name: "INSTITUTE OF SOCIAL RESEARCH"."""
    return any(
        w.capitalize() in org_types and words[i + 1] == "OF" and i + 2 < len(words) for i, w in enumerate(words[:-1])
    )


def _address_line(doc: Doc, first: int, last: int) -> bool:
    """``doc[first : last + 1]`` is all its brackets hold, or all its line holds (up to a comma) with a number on
    the line before or after it, as an address block's lines have (a postcode, a house number)."""
    before = doc[first - 1] if first > 0 else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if before is not None and before.text == "(" and after is not None and after.text == ")":
        return True
    opens = before is None or breaks_line(before)
    closes = after is None or breaks_line(doc[last]) or breaks_line(after) or after.text == ","
    if not (opens and closes):
        return False
    text = doc.text
    lines_before = text[: doc[first].idx].split("\n")[-2:]  # the line before, and this one's start
    lines_after = text[doc[last].idx + len(doc[last].text) :].split("\n")[:2]  # this line's end, the next
    return any(_address_piece(line) for line in lines_before + lines_after)


def _address_piece(line: str) -> bool:
    """A number in it (a postcode, a house number) and at most one lower-case word: "Kittering KT4 7QT", not a
    sentence ("We met on 12 May")."""
    return any(ch.isdigit() for ch in line) and len(_LOWER_WORD.findall(line)) <= 1


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
