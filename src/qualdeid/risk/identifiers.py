"""Every identifier known from a corpus (and a key), findable in any text.

Used by ``risk`` (residual identifiers are a hard failure) and by ``compose`` (a name detected in one
document is removed from every fragment, even where detection missed it there). Values are indexed
with their variants: without a title ("Dr Okoro" -> "Okoro"), without a possessive, and, for names of
people, places and organisations, each distinctive word on its own ("Wrenfield Street" -> "Wrenfield").
A value that is also a common word ("Hope", "Will") is matched only with its capital letter.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from qualdeid.corpus.model import DIRECT_LABELS, Document
from qualdeid.decisions import DETECTOR as DECISION_DETECTOR
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.rules import Rules

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
#: English verbs and "not" contracted onto a word ("I'd", "she'll", "we've", "don't")
_CLITICS = ("'d", "'ll", "'re", "'ve", "'s", "'m", "n't")

_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)
_NAME_LABELS = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})
_PLURAL_ABBREVIATION = re.compile(r"[A-Z]{2,5}s")
#: detectors that stand for a researcher's word: a review decision, the deny list
_VOUCHING_DETECTORS = frozenset({DECISION_DETECTOR, "deny_list"})
#: titles before a name (rules/names/titles.txt)
DEFAULT_TITLES = Rules().titles.names


def plain(text: str) -> str:
    """Typographic apostrophes made plain; same length, so offsets stay valid."""
    return text.translate(_APOSTROPHES)


#: an inflected form of a dictionary word as frequent as this (Zipf) is that word, not a name
WORD_ZIPF = 3.0
#: regular endings of inflected forms ("anchors", "hoped", "waiting"); irregular forms come with the
#: dictionary (the lemmatizer's exceptions)
_INFLECTIONS = ("s", "es", "ed", "d", "ing")

#: the source of the values the key holds (``--key``)
KEY_SOURCE = "key"


@dataclass
class Identifier:
    value: str
    label: str
    sources: set[str] = field(default_factory=set)
    common: bool = False  # also a common word: matched case-sensitively, sentence-initial = uncertain
    short_form: bool = False  # inferred from a document that uses it beside the full name
    forms: set[str] = field(default_factory=set)  # exactly as written where it was found (case kept)
    #: found somewhere as a name standing on its own, not only as a word of a detail detection flagged
    #: ("drove the Glaciron", "won a national Brisca dancing title": a thing, taken for a name)
    alone: bool = True
    #: exactly as the key (``--key``) holds it: an original value, an identifier whatever word it is
    key_forms: set[str] = field(default_factory=set)
    #: a researcher said so: a review decision or the deny list put it there, whatever case it is in
    vouched: bool = False

    @property
    def lower_only(self) -> bool:
        """A name the corpus writes only in lower case ("on amitrolin"): a word detection took for a
        name as likely as a name written carelessly, so no identifier with confidence. Contacts and
        IDs ("jo@example.org") are written so."""
        if self.vouched or self.label not in _NAME_LABELS:
            return False
        return bool(self.forms) and not any(f[:1].isupper() for f in self.forms)


@dataclass(frozen=True, slots=True)
class IdentifierHit:
    start: int
    end: int
    label: str
    sources: tuple[str, ...]
    certain: bool
    lowercase: bool = False  # a name that is also a word, written in lower case: maybe just the word
    #: an identifier with confidence: not a common word, and written as it was found in the corpus
    confident: bool = False
    #: a value of the key that is also a word (a name-word, or a form the scrub replaced in lower case):
    #: an identifier only where the text uses it as a name
    key_word: bool = False
    #: a name the corpus writes only in lower case (:attr:`Identifier.lower_only`)
    lower_only: bool = False


class IdentifierIndex:
    def __init__(
        self,
        *,
        labels: Iterable[str] = DIRECT_LABELS,
        titles: Iterable[str] = DEFAULT_TITLES,
        common_zipf: float = 4.0,
        min_length: int = 3,
        nicknames: dict[str, set[str]] | None = None,
        word_names: set[str] | None = None,
        part_zipf: float | None = None,
        dictionary: frozenset[str] | None = None,
        capital_words: Iterable[str] = (),
        never_parts: Iterable[str] = (),
    ) -> None:
        #: words that never stand alone for the place or organisation they are part of (peoples, countries:
        #: "Kosovan" of "the Kosovan Community Centre")
        self.never_parts = {w.lower() for w in never_parts}
        #: words written with a capital wherever they stand ("June", "Friday"): their capital says nothing
        self.capital_words = {w.lower() for w in capital_words}
        self.labels = set(labels)
        #: a place's or organisation's word stands for it alone only when rarer than this
        self.part_zipf = common_zipf if part_zipf is None else part_zipf
        #: English words (a lemmatizer's index): a frequent name that is none ("Marcus") is no common word
        self.dictionary = dictionary
        self.titles = {t.lower().rstrip(".") for t in titles}
        self.common_zipf = common_zipf
        self.min_length = min_length
        self._by_key: dict[str, Identifier] = {}
        #: names that are also words ("Hope", "Will"); with a list, other names match in any case
        self.word_names = {w.lower() for w in word_names} if word_names is not None else None
        # short form -> formal names, and back ("josh" <-> "joshua")
        self._related: dict[str, set[str]] = {}
        for short, formals in (nicknames or {}).items():
            for formal in formals:
                self._related.setdefault(short, set()).add(formal)
                self._related.setdefault(formal, set()).add(short)
        self._regexes: tuple[re.Pattern[str] | None, ...] | None = None

    def __len__(self) -> int:
        return len(self._by_key)

    def values(self) -> Iterator[Identifier]:
        return iter(self._by_key.values())

    def add_document(self, doc: Document) -> None:
        details = sorted((s.start, s.end) for s in doc.spans if s.label == "RARE_DETAIL")
        for span in doc.spans:
            if span.label in self.labels:
                in_detail = _in_detail(doc.text, span.start, span.end, details)
                vouched = span.detector in _VOUCHING_DETECTORS
                self.add(doc.text[span.start : span.end], span.label, doc.id, alone=not in_detail, vouched=vouched)

    def add(self, value: str, label: str, source: str, *, alone: bool = True, vouched: bool = False) -> None:
        for variant in self.variants(value, label):
            # a word the scrub replaced in lower case ("faith" beside a Faith, "went" taken for a name), or
            # the key's lower-case index of a name that is a word ("anchor" of "The Anchor"), is no name to
            # look for, nor a case it was found in
            if source == KEY_SOURCE and variant.islower() and self.is_word(variant, label):
                continue
            key = variant.lower()
            ident = self._by_key.get(key)
            if ident is None:
                common = self._is_common(variant, label)
                ident = self._by_key[key] = Identifier(variant, label, common=common, alone=alone)
            ident.sources.add(source)
            ident.alone |= alone
            ident.vouched |= vouched
            if source == KEY_SOURCE:
                ident.key_forms.add(variant)  # not how the corpus writes it: "paloma" the drink, beside a Paloma
            else:
                ident.forms.add(variant)
        self._regexes = None

    def variants(self, value: str, label: str) -> set[str]:
        value = " ".join(plain(value).split()).strip(' .,;:!?"()[]')
        words = _WORD.findall(value)
        if not words:
            return set()
        out = {value}
        while words and words[0].lower().rstrip(".") in self.titles:
            words = words[1:]
        if words:
            out.add(" ".join(words))
            out.add(_POSSESSIVE.sub("", " ".join(words)))
        if label == "PERSON" and words:
            for other in self._related.get(words[0].lower(), ()):
                out.add(other.capitalize())
        if label in ("PERSON", "LOCATION", "ORGANIZATION") and len(words) > 1:
            for w in words:
                w = _POSSESSIVE.sub("", w)
                # a person's every name part; a place's or organisation's distinctive words only
                if label == "PERSON" or (
                    w[:1].isupper() and zipf(w.lower()) < self.part_zipf and w.lower() not in self.never_parts
                ):
                    out.add(w)
        return {v for v in out if self._usable(v)}

    def add_short_forms(self, doc: Document, max_zipf: float = 5.0, loose_zipf: float = 4.5) -> None:
        """Add the short forms of names that ``doc`` uses beside the full name ("dec" beside "Declan").

        Call after every document was added. A word of at least three letters that begins a first name
        of at least five letters found in the same document, at least two letters shorter than the
        name, and is not a very common word, is taken
        to be that name's short form (matched regardless of case unless it is a common word).
        """
        words = [(m.group(), m.group().lower()) for m in _WORD.finditer(plain(doc.text))]
        present = {low for _, low in words}
        prefixes: dict[str, Identifier] = {}
        for ident in self._by_key.values():
            low = ident.value.lower()
            if ident.label == "PERSON" and " " not in low and len(low) >= 5 and low in present:
                # one letter short is the word the name was made of ("vineyard" of "Vineyards"), no short form
                for n in range(3, len(low) - 1):
                    prefixes.setdefault(low[:n], ident)
        added = False
        for w, low in words:
            if low in prefixes and low not in self._by_key:
                z = zipf(low)
                if z < max_zipf:
                    sources = {doc.id} | prefixes[low].sources
                    common = low in self.word_names if self.word_names is not None else z >= loose_zipf
                    self._by_key[low] = Identifier(
                        w[:1].upper() + w[1:], "PERSON", sources, common=common, short_form=True, forms={w}
                    )
                    added = True
        if added:
            self._regexes = None

    def _usable(self, v: str) -> bool:
        if len(v) < self.min_length and not (len(v) == 2 and v[:1].isupper() and v.isalpha()):
            return False
        if v.lower() in self.titles or self.function_words_only(v):
            return False
        return not (v.isdigit() and len(v) < 4)

    def function_words_only(self, v: str) -> bool:
        """ "She", "The", "His": closed-class words of English (spaCy's stop words, as detection defines
        them) are no identifier even where NER took one for a name or scrub replaced it (the key holds
        it then); a listed word-name ("Will", "May") is exempt."""
        words = [_without_clitic(w.lower()) for w in _WORD.findall(v.translate(_APOSTROPHES))]
        names = self.word_names if self.word_names is not None else _shipped_word_names()
        return bool(words) and all(w in STOP_WORDS and w not in names for w in words)

    def is_common(self, v: str, label: str = "") -> bool:
        """Also an ordinary word: listed as a word-name, or every word as frequent as ``common_zipf``."""
        return self._is_common(v, label) or self._frequent(v)

    def is_word(self, v: str, label: str = "") -> bool:
        """An ordinary word of English: common (:meth:`is_common`), or every word of it a word of the
        dictionary, in any of its forms ("went", "anchors"), and not rare in general English (a town the
        noun index holds is)."""
        if self.is_common(v, label):
            return True
        words = [w.lower() for w in _WORD.findall(v)]
        if not words or self.dictionary is None:
            return False
        return all(zipf(w) >= WORD_ZIPF and self.in_dictionary(w) for w in words)

    def in_dictionary(self, word: str) -> bool:
        """The word, or the word it is an inflected form of, is in the dictionary."""
        if self.dictionary is None:
            return False
        w = word.lower()
        if w in self.dictionary or w in STOP_WORDS:
            return True
        stems = {w[: -len(end)] for end in _INFLECTIONS if w.endswith(end) and len(w) > len(end) + 2}
        stems |= {s + "e" for s in stems} | {s[:-1] for s in stems if len(s) > 3 and s[-1] == s[-2]}
        if w.endswith(("ies", "ied")) and len(w) > 5:
            stems.add(w[:-3] + "y")  # "hobbies", "worried"
        return bool(stems & self.dictionary)

    def _everyday_in_lower_case(self, v: str) -> bool:
        """Written in lower case, an everyday word of the dictionary that no list holds as a name ("the
        pantry", which the entity recogniser made a person of somewhere): no identifier with confidence."""
        words = [w.lower() for w in _WORD.findall(_POSSESSIVE.sub("", v))]
        if not words or not v[:1].islower() or self.dictionary is None:
            return False
        names = (self.word_names if self.word_names is not None else _shipped_word_names()) | _listed_names()
        return all(w not in names and zipf(w) >= WORD_ZIPF and self.in_dictionary(w) for w in words)

    def _word_of_a_capitalised_name(self, v: str, ident: Identifier) -> bool:
        """Written in lower case, an everyday word of the dictionary ("frost", "moor") that the corpus
        writes as a name with its capital, even a listed surname: the corpus's lower-case use ("mrs
        frost") was a name written carelessly, the text's may be the word ("frost on the grass"), so
        it is no identifier with confidence (it still warns)."""
        words = [w.lower() for w in _WORD.findall(_POSSESSIVE.sub("", v))]
        if not words or not v[:1].islower() or self.dictionary is None:
            return False
        if not any(f[:1].isupper() for f in ident.forms):
            return False
        return all(zipf(w) >= WORD_ZIPF and self.in_dictionary(w) for w in words)

    def _frequent(self, v: str) -> bool:
        """Every word (titles aside) an English word as frequent as ``common_zipf`` ("Fair", "Welsh";
        not "Marcus", frequent as a name only); an initial ("Mrs L") is never a frequent word."""
        words = [w.lower() for w in _WORD.findall(v) if w.lower().rstrip(".") not in self.titles]
        if not words or any(len(w) <= 2 for w in words):
            return False
        # function words ("the", "his") are in no lemmatizer index but are the most common words of all
        # a plural or other inflected form counts as its word ("Parents", "Mothers")
        if self.dictionary is not None and not all(self.in_dictionary(w) for w in words):
            return False
        return all(zipf(w) >= self.common_zipf for w in words)

    def _is_common(self, v: str, label: str = "") -> bool:
        """Also an ordinary word, so matched with its capital only. A person's name is, when it is
        listed as a word-name; without such a list (and for places) general-English frequency decides."""
        words = [w.lower() for w in _WORD.findall(v)]
        if not words:
            return False
        if label == "PERSON" and self.word_names is not None:
            return all(w in self.word_names for w in words)
        return all(zipf(w) >= self.common_zipf for w in words)

    def _compile(self) -> tuple[re.Pattern[str] | None, ...]:
        """Patterns for: names that are also words (their capital kept), other names (any case),
        and names that are also words in any case (their lower-case uses, asked for separately)."""
        if self._regexes is None:
            exact = sorted((i.value for i in self._by_key.values() if i.common), key=len, reverse=True)
            loose = sorted((i.value for i in self._by_key.values() if not i.common), key=len, reverse=True)

            def rx(values: list[str], flags: int, suffix: str = "'s") -> re.Pattern[str] | None:
                if not values:
                    return None
                alternation = "|".join(re.escape(v) for v in values)
                return re.compile(rf"(?<![^\W_])(?:{alternation})(?:{suffix})?(?![^\W_])", flags)

            # a name that is not also a word takes a plain "s" too ("the Pemberleys", "Declans mum")
            self._regexes = (rx(exact, 0), rx(loose, re.IGNORECASE, "'s|s"), rx(exact, re.IGNORECASE))
        return self._regexes

    def _matches(self, text: str, word_uses: bool = False) -> list[tuple[re.Match[str], Identifier, bool]]:
        """Non-overlapping (match, identifier, lower-case word use) triples, longest first, in text order."""
        t = plain(text)
        exact, loose, any_case = self._compile()
        candidates = [(m, False) for p in (exact, loose) if p is not None for m in p.finditer(t)]
        if word_uses and any_case is not None:
            candidates += [(m, True) for m in any_case.finditer(t) if not m.group()[:1].isupper()]
        taken = bytearray(len(t))
        out = []
        for m, lower in sorted(candidates, key=lambda c: (-(c[0].end() - c[0].start()), c[0].start(), c[1])):
            if any(taken[m.start() : m.end()]):
                continue
            ident = self._lookup(m.group())
            if ident is None or (_bare_plural(m.group(), ident) and not m.group()[:1].isupper()):
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            out.append((m, ident, lower))
        return sorted(out, key=lambda c: c[0].start())

    def _lookup(self, matched: str) -> Identifier | None:
        low = matched.lower()
        ident = self._by_key.get(_POSSESSIVE.sub("", low)) or self._by_key.get(low)
        if ident is None and low.endswith("s"):
            ident = self._by_key.get(low[:-1])
        return ident

    def find(self, text: str, *, word_uses: bool = False) -> list[IdentifierHit]:
        """Non-overlapping hits, longest first; offsets index ``text`` itself. With ``word_uses``, a
        name that is also a word ("grace", "will") written in lower case is a hit too, never certain."""
        t = plain(text)
        hits = []
        for m, ident, lower in self._matches(t, word_uses):
            certain = not lower and not (ident.common and sentence_initial(t, m.start()))
            confident = (
                certain
                and ident.alone
                and not ident.common
                and not ident.lower_only
                and not (
                    ident.label == "PERSON"
                    and not ident.vouched
                    and (self._everyday_in_lower_case(m.group()) or self._word_of_a_capitalised_name(m.group(), ident))
                )
                and not self._frequent(ident.value)
                and not plural_abbreviation(ident.value)
                and not plural_abbreviation(_POSSESSIVE.sub("", m.group()))
                and _as_found(m.group(), ident)
            )
            core = _POSSESSIVE.sub("", m.group())
            keyed = not confident and core in ident.key_forms
            key_word = keyed and (core.islower() or core.lower() in self.capital_words)
            confident = confident or (keyed and not key_word)
            certain = certain or confident
            sources = tuple(sorted(ident.sources))
            hit = IdentifierHit(
                m.start(), m.end(), ident.label, sources, certain, lower, confident, key_word, ident.lower_only
            )
            hits.append(hit)
        return hits

    def propagate(self, docs: Iterable[Document]) -> None:
        """Link every identifier to every document in which its string occurs, not only to those
        where detection found it (a corpus-wide string index, like the detector's name propagation).
        Uses that could be the ordinary word (a sentence-initial "Hope") do not count, nor short forms
        ("Dec") outside the documents that use them beside the full name."""
        for doc in docs:
            t = plain(doc.text)
            for m, ident, _ in self._matches(t):
                if ident.short_form or (ident.common and sentence_initial(t, m.start())):
                    continue
                frequent = zipf(ident.value.lower()) >= self.common_zipf
                if frequent and not m.group().startswith(ident.value):
                    continue  # a frequent word matched in another case ("day" for "Day"): no evidence
                ident.sources.add(doc.id)
                for variant in self.variants(m.group(), ident.label):
                    part = self._by_key.get(variant.lower())
                    if part is not None and part.label == ident.label:
                        part.sources.add(doc.id)


def _as_found(matched: str, ident: Identifier) -> bool:
    """Written in a case it was found in ("Brannock", not "BRANNOCK" or "brannock" unless found so)."""
    core = _POSSESSIVE.sub("", matched)
    return core in ident.forms or (core.endswith("s") and core[:-1] in ident.forms)


def plural_abbreviation(value: str) -> bool:
    """An abbreviation in the plural ("CVs", "MRIs"): things of a kind, which a recogniser took for a
    place or an organisation, not the name of one."""
    return bool(_PLURAL_ABBREVIATION.fullmatch(value))


def _bare_plural(matched: str, ident: Identifier) -> bool:
    """Matched with a plain "s" ("the Pemberleys"), which only a capitalised name is trusted with."""
    low = matched.lower()
    return low.endswith("s") and not low.endswith("'s") and low[:-1] == ident.value.lower()


def sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?:\n"


def load_word_names(rules_dirs: Iterable[Path] = ()) -> set[str]:
    """Names that are also ordinary words (``rules/names/word_names.txt``, shared with detection and scrub)."""
    rules = Rules(list(rules_dirs))
    return rules.words("names/word_names.txt", lower=True) | rules.words("names/surname_words.txt", lower=True)


def load_capital_words(rules_dirs: Iterable[Path] = ()) -> set[str]:
    """Month and weekday names (``rules/lexicons/calendar.yaml``): capitalised wherever they stand."""
    calendar = Rules(list(rules_dirs)).lists("lexicons/calendar.yaml")
    return set(calendar["months"]) | set(calendar["weekdays"])


@functools.cache
def _shipped_word_names() -> frozenset[str]:
    return frozenset(load_word_names())


@functools.cache
def _listed_names() -> frozenset[str]:
    """The given names and surnames of ``rules/names/`` ("merry", "wren" are someone's somewhere)."""
    rules = Rules()
    return frozenset(rules.words("names/first_names.txt", lower=True) | rules.words("names/surnames.txt", lower=True))


def _in_detail(text: str, start: int, end: int, details: list[tuple[int, int]]) -> bool:
    """Inside a detected rare detail, or the gap between two parts of one ("won a national | Brisca |
    dancing title")."""
    if any(s <= start and end <= e for s, e in details):
        return True
    before = any(e <= start and not text[e:start].strip() for _, e in details)
    after = any(end <= s and not text[end:s].strip() for s, _ in details)
    return before and after


def index_corpus(docs: Iterable[Document], *, short_form_zipf: float = 5.0, **kwargs) -> IdentifierIndex:
    """Every direct identifier of the (detected) documents, with short forms the documents use
    (words rarer than ``short_form_zipf``, see :meth:`IdentifierIndex.add_short_forms`)."""
    docs = list(docs)
    index = IdentifierIndex(**kwargs)
    for d in docs:
        index.add_document(d)
    for d in docs:
        index.add_short_forms(d, max_zipf=short_form_zipf)
    index.propagate(docs)
    return index


def _without_clitic(word: str) -> str:
    """ "i'd" -> "i", "don't" -> "do": the word a contraction is made on (a pronoun stays a pronoun)."""
    for end in _CLITICS:
        if word.endswith(end) and len(word) > len(end):
            return word[: -len(end)]
    return word
