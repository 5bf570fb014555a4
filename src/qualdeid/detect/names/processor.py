"""PERSON names, propagated across the corpus.

Pass 1 collects *confident* names per document: names in NER PERSON spans, title + surname
("Dr Okafor"), first-name-list words used as names, unknown capitalised words in a name context
("told Kez"), first name + surname pairs, initials ("J.T."). Pass 2 finds every occurrence of every
confident name (and its nickname variants) in every document: any letter case, possessives,
sentence-initial. Names that are also words (Hope, Will, Dawn) and lowercase forms of common words
need name evidence where they occur (``acceptance.py``), so "I hope" and "at dawn" stay unflagged.
What counts as evidence is in ``evidence.py``; the words it reads are in ``rules/names/``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.allow_deny import normalise
from qualdeid.detect.layout import heading_ranges, inside
from qualdeid.detect.names.acceptance import (
    ALLOWED_NAME,
    WORD_NAME,
    Acceptance,
    KnownName,
    KnownNames,
    name_key,
    sloppy_possessive,
)
from qualdeid.detect.names.bracketed import BracketedShortForms
from qualdeid.detect.names.contacted import ContactNames
from qualdeid.detect.names.coordinated import CoordinatedNames
from qualdeid.detect.names.document import DocumentNames
from qualdeid.detect.names.evidence import (
    ARTICLES,
    COMMON_WORD_ZIPF,
    NOT_PERSON_ENTS,
    POSSESSIVES,
    SENTENCE_END,
    SURNAME_ZIPF,
    NameEvidence,
    first_word,
    is_capitalised,
    last_word,
)
from qualdeid.detect.names.family import FamilyHeadings
from qualdeid.detect.names.hangul import HangulNames
from qualdeid.detect.names.initials import UPPER, Initials
from qualdeid.detect.names.insistent import InsistentNames
from qualdeid.detect.names.lexicon import without_marks
from qualdeid.detect.names.lowercase_writer import LowercaseWriterNames
from qualdeid.detect.names.repeated import RepeatedWordNames
from qualdeid.detect.names.surnames import Surnames
from qualdeid.detect.names.variants import NameVariants, near_form
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.languages import OtherLanguages, zipf_in
from qualdeid.detect.nlp.numbers import UNITS
from qualdeid.detect.nlp.tokens import token_table
from qualdeid.detect.processors import CorpusProcessor
from qualdeid.labels import AGE, LOCATION, ORGANIZATION, PERSON
from qualdeid.rules import Rules, alternation

DETECTOR = "names"
ARTICLES_AND_POSSESSIVES = ARTICLES | POSSESSIVES

#: Scores: a little above NER's 0.85, so a name beats NER's "organisation" reading of it.
SCORE_KNOWN = 0.9
SCORE_LOCAL = 0.88

#: The recognizer of pet names given in a frame ('called me "Tata"', 'Bertil ("Zietta")'; recognizers/nicknames.yaml)
PET_NAMES = "PetNameRecognizer"
#: Recognizers whose PERSON spans are names by document structure (speaker turns, address blocks, an honorific,
#: a pet name given in its frame).
STRUCTURAL_DETECTORS = frozenset({"SpeakerRecognizer", "AddressBlockRecognizer", "HonorificNameRecognizer", PET_NAMES})
#: A capital letter of any Latin or Greek alphabet ("Đ", "Ó", "Σ"): a letter that is no ASCII small letter
#: and changes when lower-cased is checked where it matters; here, a letter not in a-z.
#: small letters of the cased scripts a name is written in here (Latin with its extensions and Vietnamese
#: letters, Greek, Cyrillic): "đây" and "ơi" open with no capital
_SMALL = "".join(
    c
    for lo, hi in ((0x61, 0x24F), (0x370, 0x52F), (0x1E00, 0x1FFF))
    for c in map(chr, range(lo, hi + 1))
    if c.islower()
)
#: a capital letter, or a letter of a script without capitals ("李", "محمد")
CAPITAL = rf"(?:(?![{_SMALL}])[^\W\d_])"
#: a word's characters with the combining accents that Yoruba or Vietnamese names may be typed with ("Abíọ́nà")
_LETTERS = r"\w\u0300-\u036f"
CAPITALS = re.compile(rf"(?<![\w&/.'’-]){UPPER}{{2,3}}(?![\w&/'-]|\.{UPPER})")
_NAME_WORD = re.compile(rf"(?<![\w'’-]){UPPER}[\w'’-]+")
#: a word of letters, for the joined and prefixed forms of a name
_ONE_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{4,}(?![\w'’-])")
#: a title in lower case with a full stop this rare in English is an abbreviation ("sig.", "dhr."), not a word
#: ending a sentence ("with her aunt. Rang")
ABBREVIATED_TITLE_ZIPF = 3.5
#: a first name in capitals this common a word of another language is that word ("DES", "DELLE")
FOREIGN_FUNCTION_WORD_ZIPF = 5.0
#: a lower-case word after a lower-case title this common in another language is a word of it ("arriva")
FOREIGN_WORD_ZIPF = 4.0
#: ... and a person's first word that common in it, opening a sentence, is that language's word where the text
#: writes it in lower case this often ("Mae Bethan yn ...", Welsh "is"; not "Maria disse")
FOREIGN_OPENER_LOWER_USES = 2
#: a word of a person's span, in any case
_SPAN_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: ... and this much commoner there than in English (wordfreq Zipf), for a word NER read as a person
FOREIGN_OVER_ENGLISH = 1.0
#: two words in capitals or more, one space apart: "IN LOVING MEMORY OF ...", "MZEE OKWENNA"
_CAPITALS_RUN = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+(?:[ \t][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+)+(?![\w'’-])")
_CAPITALS_WORD = re.compile(r"[^ \t]+")
#: a capitalised word of a name, a syllable of a joined given name
_SYLLABLE = re.compile(rf"{UPPER}[a-z]+")
#: "MaNdlovu": the prefix of a married woman's name, then a surname
_PREFIXED_SURNAME = re.compile(r"(?:Ma|Ka)([A-Z][a-z]{2,})")
#: a given name joined from two syllables, or a prefixed surname, this common as an English word stays a word
#: ("Sun" + "Day", "KaBoom")
JOINED_NAME_ZIPF = 3.0
#: initials with a particle's small letters: "JvdM", "NdlC"
_PARTICLE_INITIALS = re.compile(r"(?<![\w&/.'’-])[A-Z](?:[a-z]{1,3}[A-Z]){1,2}(?![\w&/'-])")
#: initials of a double surname: "JH-P", "T-OB"
_HYPHENED_INITIALS = re.compile(rf"(?<![\w&/.'’-]){UPPER}{{1,3}}-{UPPER}{{1,3}}(?![\w&/'-])")
#: two or three name-shaped halves joined by hyphens: "Marta-Liisa", "Hyun-woo", "Jean-Marc-Olivier"
_HYPHENATED = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*){1,2}(?![\w'’-])")
#: a half of a hyphenated nickname: a capitalised word ("Cog-Wheel"), or a single capital ("Q-Ball")
_NICK_PART = re.compile(r"[A-Z][a-z]{2,}|[A-Z]")
#: how often a hyphenated nickname ("Cog-Wheel") is used alone in a document (acting as a person once at
#: least) before it is a name there
NICKNAME_USES = 2
#: ... and a personal pronoun follows one of its uses within this many characters ("Cog-Wheel had ... him")
NICKNAME_PRONOUN_WINDOW = 120
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.IGNORECASE)
#: the lower-case second half of a double first name ("Soo-jin") is a syllable, rarely an English word
COMPOUND_SYLLABLE_ZIPF = 4.5
#: " K. Berg" after a first name: a middle initial, then the surname
_MIDDLE_INITIAL = re.compile(r" [A-Z]\.? ([A-Z][\w'’-]+)(?![\w'’-]|[ \t]*:)")
#: a word after a middle initial this common in English is no surname ("Tomas A. Then we left")
MIDDLE_INITIAL_WORD_ZIPF = 5.0
#: the initial of a surname after a name: " F", " K.", " O-L" (not the words "I" and "A")
_INITIAL_AFTER = re.compile(r" (?![IA]\b)[A-Z](?:-[A-Z])?\b\.?(?![\w'’-]|\.?[ \t]?[A-Z]\b)")
#: a capitalised word and the initial of a surname: "Will D", "Bo K."
_SURNAME_INITIAL = re.compile(rf"(?<![\w'’-])([A-Z][a-z]+){_INITIAL_AFTER.pattern}")
#: an item of lower-case notes labelled by a first name and a surname's initials: "- marta k:", "ewa p.:"
#: an item of a line of people, a word before its bracket: "Present: XQ (mum), Wiktorka (Y4)"
_ROLL_WORD = re.compile(r"(?:^|(?<=[,;:&+])|(?<=\band))[ \t]*([^\W\d_][^\W\d_'’-]+)(?=[ \t]*\()")
_LOWER_ITEM = re.compile(r"^[ \t]*(?:[-*•>][ \t]*)?([^\W\d_]{3,})[ \t]+([^\W\d_]{1,2})\.?[ \t]*:", re.MULTILINE)
#: a token of a clock time ("12:40", "9.15", "PM")
_CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}|[AaPp]\.?[Mm]\.?")
#: one name with an age in brackets after it or with it, as case notes list a household: "Vortek (10) at school",
#: "Orsik (age 6)", "her mother (Okwudili, 71)"
_BRACKETED_AGE = re.compile(
    rf"(?<![\w'’-])({CAPITAL}[\w'’-]+)[ \t]*\((?:ag?e?d?[ \t]*)?\d{{1,2}}[ \t]*(?:y|yo|yrs?|years?)?\)"
    rf"|\(({CAPITAL}[\w'’-]+),[ \t]*\d{{1,2}}\)"
)
#: a full name with an age in commas after it: "Keely Varnum, 31, moved in", "R: Nora Quillan, 58, retired"
_NAME_AGE = re.compile(rf"(?<![\w'’-])({CAPITAL}[\w'’-]+(?:[ \t]+{CAPITAL}[\w'’-]+){{1,2}}),[ \t]*\d{{1,2}},[ \t]")
#: a capitalised word of a name: "Jade", "Rāwiri", "O'Neill"
_NAME_WORD = re.compile(rf"(?<![\w'’-]){CAPITAL}[^\W\d_]['’\w]*[^\W\d_](?![\w'’-])")
#: initials and a full name joined by "and": "KT and Dana Whitlock", "Dana Whitlock & KT"
_FULL_NAME = rf"{CAPITAL}[\w'’-]+[ \t]+{CAPITAL}[\w'’-]+"
_INITIALS_AND_NAME = re.compile(
    rf"(?<![\w&/.'’-])({UPPER}{{2,3}})[ \t]+(?:and|&)[ \t]+({_FULL_NAME})"
    rf"|({_FULL_NAME})[ \t]+(?:and|&)[ \t]+({UPPER}{{2,3}})(?![\w&/'’-])"
)
#: a short capitalised word: "Ro", "Ab", "Dot", "Tam"
_SHORT_WORD = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{1,3}(?![\w'’-]|\.\w)")
#: a short form leaves at least this many letters of the name off ("Ro" of "Rosalind" but not "Ros" of "Rosa")
MIN_CLIPPED_REST = 2
#: a short form this common in English is left to the lists and the context ("Art", "Al")
CLIPPED_WORD_ZIPF = 4.5
#: a kinship word or title given as someone's nickname this common in English is a relative's word ("Papa")
KIN_ALIAS_ZIPF = 3.5
#: how far before such a nickname a relative's word makes it the relation ("my grandmother ... call her Chachu")
KIN_ALIAS_REACH = 120
#: the capitalised word right before a span, one space away: "Ivy" in "Ivy Rook"
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z'’]+) $")
#: "J.W.", "P.Q.R.", and double-barrelled ones: "S.L.-K.", "D.E.F.-N."
DOTTED_INITIALS = re.compile(rf"(?<![\w.])(?:{UPPER}\.\s?){{2,3}}(?:-{UPPER}\.(?:{UPPER}\.)?)?(?![\w])")
#: the initial of a first name before a surname: "T. Okonkwo", "S. Haque-Lind"
_INITIAL_SURNAME = re.compile(r"(?<![\w.])[A-Z]\. ?([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\b(?![\w'’-]|[ \t]+[A-Z])")


class NameProcessor(CorpusProcessor):
    """The corpus processor for people's names."""

    name = "names"

    def __init__(self, rules: Rules, nlp: Any | None = None) -> None:
        self.ev = NameEvidence(rules, nlp)
        self.variants = NameVariants(rules)
        self.initials = Initials(rules, self.ev.lex.not_initials, self.ev.lex.is_first_name)
        self.repeated = RepeatedWordNames(rules, self.ev)
        self.families = FamilyHeadings(rules, self.ev)
        self.hangul = HangulNames(rules)
        self.coordinated = CoordinatedNames.read(rules, self.ev)
        self.contacted = ContactNames.read(rules, self.ev)
        self.surnames = Surnames(self.ev)
        self.insistent = InsistentNames(self.ev)
        self.lowercase_writer = LowercaseWriterNames(self.ev)
        self.known = KnownNames()
        self.acceptance = Acceptance(self.ev, self.known)
        self.document_names = DocumentNames(self.ev, self.acceptance, score=SCORE_KNOWN, detector=DETECTOR)
        self.bracketed = BracketedShortForms(self.ev, self.variants)
        #: initials of full names found in the corpus, and initials that act as a person somewhere in it
        self.known_initials: set[str] = set()
        #: initials a document of the corpus spells out as someone's full name ("RPN (Rolan P. Nook)")
        self.defined_initials: set[str] = set()
        #: abbreviations of roles ("RPN", "CPN") that finalising drops unless they are known to be someone's
        self.role_abbreviations = frozenset(rules.words("lexicons/role_abbreviations.txt"))
        #: the languages of ../lexicons/other_languages.yaml a document holds, whose everyday words a name in
        #: capitals or after a title in lower case is not ("DES", "DELLE"; "sig.ra arriva")
        self._other_languages = OtherLanguages(rules)
        self._languages: tuple[str, ...] = ()
        self._pattern: re.Pattern[str] | None = None
        lex = self.ev.lex
        #: a title in either case before a capitalised name: "Dr Okafor", "cô Lien", "aunty Mere"
        titles = "|".join(_either_case(t.capitalize()) for t in sorted(lex.titles, key=len, reverse=True))
        self._title_name = re.compile(
            # not before another title, which takes the name itself: "her nan Granny Coral"
            rf"(?<![\w])(?:{titles})\.?[ \t]+(?!(?:{titles})\.?[ \t]+{CAPITAL})"
            rf"(?:{CAPITAL}[{_LETTERS}'’-]+(?:[ \t]+{CAPITAL}[{_LETTERS}'’-]+)?|[A-Z]\b\.?)"
        )
        lower_titles = "|".join(sorted((re.escape(t.lower()) for t in lex.titles), key=len, reverse=True))
        #: "dr okoro", "dr v" in hurried lower-case writing (the name is checked to be no common word)
        self._lower_title_name = re.compile(
            rf"(?<![\w])(?:{lower_titles})\.?[ \t]+([a-z][a-z'’-]+|[a-z])\b(?!['’]?[\w-])"
        )
        particles = f"(?i:{alternation(self.ev.particles)})"
        self._particle_tail = re.compile(rf"(?:[ \t]+(?:{particles})){{1,3}}[ \t]+([^\W\d_])[\w'’-]*")
        self._particle_head = re.compile(rf"(?<![\w'’-])(?:(?:{particles})[ \t]+){{1,3}}$")
        #: "Thenmozhi d/o Kuppusamy": the particles written with a slash say whose child someone is; the
        #: capitalised words on both sides are a person's name, whatever the lists know
        lineage = alternation(frozenset(p for p in self.ev.particles if "/" in p))
        self._lineage = re.compile(rf"(?<![\w'’-])([A-Z][\w'’-]+)[ \t]+(?i:{lineage})[ \t]+([A-Z][\w'’-]+)")
        after = rules.words("names/titles_after.txt", lower=True)
        hyphened = alternation(frozenset(w[1:] for w in after if w.startswith("-")))
        spaced = alternation(frozenset(w for w in after if not w.startswith("-")))
        #: the end of an honorific: no more of a word, or a possessive ("at Parveen aunty's flat")
        ends = r"(?![\w'’-])|(?=['’]s(?![\w'’-]))"
        #: "Keiko-san", "Selin abla": a capitalised name with an honorific after it
        self._honorific_after = re.compile(
            rf"(?<![\w'’-])({CAPITAL}[\w'’]*(?:-{CAPITAL}?[\w'’]+)?)(?:-(?i:{hyphened})|[ \t]+(?i:{spaced}))(?:{ends})"
        )
        #: the same honorific right after a name found otherwise, in any case: "arun bhai", "Juci-muoŧŧá"
        self._honorific_tail = re.compile(rf"(?:-(?i:{hyphened})|[ \t]+(?i:{spaced}))(?:{ends})")
        self._title_before = re.compile(rf"(?<![\w])(?:{titles})\.?[ \t]+$")
        self._kin = _kin_words(rules)
        kin = "|".join(sorted((re.escape(k.capitalize()) for k in self._kin), key=len, reverse=True))
        #: a capitalised kinship word of any language before a name is part of how the person is called:
        #: "Babcia Zofia", "Abuela Rosa" (found only before a name found otherwise; never a name alone)
        self._kin_before = re.compile(rf"(?<![\w'’-])(?:{kin})[ \t]+$")
        lower_kin = "|".join(sorted((re.escape(k) for k in self._kin), key=len, reverse=True))
        #: the same word in lower case: "tell nonno Elvio", "com a tia Neusa" (see ``_owned``: "my nonno Elvio")
        self._lower_kin_before = re.compile(rf"(?<![\w'’-])(?:{lower_kin})[ \t]+$")
        self._kin_owners = rules.lists("names/context.yaml")["kin_owners"]
        prefixes = "|".join(sorted((re.escape(k.capitalize()) for k in lex.prefixes), key=len, reverse=True))
        #: so is an honorific or a nickname's word of ``names/name_prefixes.txt`` right before the name itself:
        #: "Daw Nilar", "Big Tadhg" (not before a title or a relative: "Big sister Nilar")
        self._prefix_before = re.compile(rf"(?<![\w'’-])(?:{prefixes})[ \t]+$")
        scripts = rules.lists("names/context.yaml").pattern("script_names")
        #: "in katakana ユキ", "(Cyrillic) Іван": the words right after name the script of a name that follows
        self._script_before = re.compile(
            rf"(?:\bin[ \t]+|\([ \t]*)(?i:{scripts})(?:[ \t]+(?:script|letters|writing|characters))?"
            r"[ \t]*\)?[ \t]*[:,]?[ \t]*"
        )
        #: "ユキ in katakana": the words right after a name name its script
        self._script_after = re.compile(rf"[ \t]*,?[ \t]+in[ \t]+(?i:{scripts})\b")
        ages = "|".join(sorted(self.ev.age_words, key=len, reverse=True))
        units = "|".join(w for w, v in UNITS.items() if 1 <= v <= 9)
        age_verbs = "|".join(sorted(self.ev.age_verbs))
        self._age_after = re.compile(
            rf"[ \t]+(?:is|was|{age_verbs}|just[ \t]+turned)[ \t]+(\d{{1,2}}|(?:{ages})(?:-(?:{units}))?)"
            r"(?=[ \t]*(?:[.!?,;:)\n]|$|and\b|now\b))",
            re.IGNORECASE,
        )

    # ------------------------------------------------------------------ pass 1

    def prepare(self, sdoc: Doc) -> None:
        """Trim NER's PERSON entities before the recognizers see them: "Took Sandy" -> "Sandy"."""
        ev = self.ev
        ents = list(sdoc.ents)
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ != "PERSON" or len(ent) < 2 or ent[-1].lower_ in ev.lex.place_heads:
                continue  # "Mill Lane" stays whole: no "Lane" cut out of it as a person
            start, end = ent.start, ent.end
            while start < end - 1 and ev.not_part_of_name(sdoc[start]):
                start += 1
            while end - 1 > start and sdoc[end - 1].text[0].islower() and not sdoc[end - 1].text.isalpha():
                end -= 1  # "Ty w/": NER's span runs on into an abbreviation
            while end - 1 > start and _CLOCK_TIME.fullmatch(sdoc[end - 1].text):
                end -= 1  # "Ngaio T-R 12:40 PM": a chat's speaker and the time of the message
            if (start, end) != (ent.start, ent.end):
                ents[i] = SpacySpan(sdoc, start, end, label=ent.label)
                changed = True
        if changed:
            sdoc.ents = ents

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        ev, lex = self.ev, self.ev.lex
        text = doc.text
        names: dict[str, bool] = {}
        local: list[Span] = []
        blocked = [s for s in spans if s.label in (LOCATION, ORGANIZATION) and s.detector != "SpacyRecognizer"]

        def confident(word: str, structural: bool = False) -> None:
            if not ev.confident(word):
                return
            if not structural and word.lower() in lex.titles and not lex.is_name(word):
                return  # "Ông says", "Title: Mrs": a title alone names nobody (a speaker's "Aunty:" may)
            names[word] = ev.wordlike(word)

        allowed_names: set[str] = set()
        headings = heading_ranges(text)
        self._languages = self._other_languages.of(text)
        for span in spans:
            if inside(span, headings):
                continue
            if span.label == PERSON and span.detector in STRUCTURAL_DETECTORS:
                # a speaker turn or an addressee is a name by its position, whatever its case
                words = re.findall(r"[^\W\d_][\w'’-]*", text[span.start : span.end])
                for word in words:
                    if word.lower() in ev.relatives and word.lower() not in lex.titles:
                        continue  # "Pa" of "Pa Tevita:": a relative's word used as a title, no name of its own
                    if len(words) > 1 and word is words[0] and text[span.start : span.end].startswith(word + "."):
                        continue  # "Tr" of "Tr. Ka Paw:": an abbreviated title, no name of its own
                    if span.detector == PET_NAMES and len(words) > 1 and self._title_or_kin(word):
                        continue  # "Uncle", "Nonna" of the pet name "Uncle Bertil": its title (alone it is the name)
                    # "TIGRIS:" in a transcript's capitals is the name Tigris
                    confident(
                        word.capitalize() if word.isupper() and len(word) > 2 else word[0].upper() + word[1:],
                        structural=True,
                    )
                continue
            if span.detector != "SpacyRecognizer":
                continue
            ent = sdoc.char_span(span.start, span.end, alignment_mode="expand")
            if span.label == PERSON:
                words = ev.ner_person_words(ent)
                if words and all(self._everyday_foreign(w) for w in words):
                    # "Doğum Tarihi", "Medeni Durumu": English NER reads a form's labels and nouns of another
                    # language as a person; nothing of them is learned and looked for again
                    continue
            elif span.label == ORGANIZATION:
                words = ev.person_read_as_org(ent)
            else:
                continue
            for word in words:
                confident(word)
        for m in self._title_name.finditer(text):
            if ev.head_follows(text, m.end()):
                continue  # "St Enda's Day", "Dr Ward Memorial Hall"
            parts = m.group().split()
            words = [p.strip(".") for p in parts[1:]]
            if text.startswith(":", m.end()) and words[-1].lower() in lex.fields:
                continue  # "Title: Mrs   Surname: ...": a form's next label, no name
            if parts[0][0].islower() and (
                (parts[0].endswith(".") and zipf(parts[0].rstrip(".")) >= ABBREVIATED_TITLE_ZIPF)
                or (ev.common_word(words[0]) and not lex.is_name(words[0]))
            ):
                # "the nurse Practitioner", "with her aunt. Rang": a title in lower case needs a name, and its
                # full stop ends a sentence unless the title is an abbreviation English hardly writes ("sig. Ruffo")
                continue
            if all(len(w) == 1 for w in words):
                local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                continue
            after_article = last_word(text[max(0, m.start() - 20) : m.start()]) in ARTICLES
            if len(words) == 1 and (
                (ev.calendar_only(words[0]) and not lex.is_first_name(words[0]))
                or (words[0].lower() in lex.place_heads and after_article)
            ):
                continue  # "Col Thursday", "the Gunner Inn": a weekday, a thing named after a rank or a title
            end = m.end()
            if len(words) == 2 and (words[1].lower() in lex.place_heads or ev.common_word(words[1])):
                words = words[:1]  # "Dr Patel Street" is a street; "Mrs Tran Saturday" -> Tran
                end = m.start() + m.group().index(parts[1]) + len(parts[1])
            # after a title even an everyday word is a surname: "Dr Ward", "Mr Park"
            local.append(Span(m.start(), end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            for w in words:
                confident(w)
        for start, end, words in self._shouted_names(text):
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            for w in words:
                confident(w)
        for m in self._honorific_after.finditer(text):
            name = m.group(1)
            if ev.function_word(name) or ev.calendar_only(name) or name.lower() in lex.titles:
                continue
            if name.endswith(("'s", "’s")):
                continue  # "Obinna's didi": whose relative, no honorific
            if ev.common_word(name) and not lex.is_name(name):
                continue  # "See-ya", "Thanks abi": an everyday word
            local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            confident(name)
        for m in self._lower_title_name.finditer(text):
            name = m.group(1)
            if not m.group().split()[0].isascii() and not lex.is_name(name):
                continue  # "cô đây", "chị ơi": a title in another language's letters, in running text of it
            if not lex.is_name(name) and self._word_of_other_language(name, FOREIGN_WORD_ZIPF):
                continue  # "la sig.ra arriva alle 9": a verb of the language the title is written in
            if len(name) == 1 or (zipf(name) < SURNAME_ZIPF and name not in lex.titles):
                local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            elif m.group().split()[0].rstrip(".") in ev.surname_titles and self._lower_surname_word(name):
                # "mrs thorn", "mr bird": after a title that is no word, an everyday word is a surname too
                local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
        for m in self._lineage.finditer(text):
            if not any(self._not_lineage_name(w) for w in m.group(1, 2)):
                local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                confident(m.group(1))
                confident(m.group(2))
        for m in _SURNAME_INITIAL.finditer(text):
            low = m.group(1).lower()
            if (low in lex.first_names or low in lex.word_names) and low not in lex.surname_words:
                # "Will D", "Bo K.": a first name with the initial of a surname is a person, even a word-name
                local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                confident(m.group(1))
        for m in _LOWER_ITEM.finditer(text):
            first = m.group(1)
            if first.islower() and lex.is_first_name(first) and first not in lex.word_names and zipf(first) < 4.0:
                # "- marta k: better, new mtg booked": a listed first name and a surname's initial label a
                # client's item in lower-case case notes
                local.append(Span(m.start(1), m.end(2), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                confident(first.title())
        acting_initials: set[str] = set()
        on_roll = self.initials.roll_call(text)
        found_initials = list(self.initials.find(text))
        #: initials the document spells out as someone's full name ("RPN (Rolan P. Nook)"): a person wherever they
        #: act in it, even where they read as a role's abbreviation
        defined = {text[s:e] for s, e in found_initials if e - s > 1 and self.initials.defined_at(text, s, e)}
        for start, end in found_initials:
            # an abbreviation on a roll of people ("Present: ZV, GP"; then "GP to fix it") stays a person
            token = text[start:end]
            listed = token in defined or (
                token in on_roll and (token in lex.not_initials or normalise(token) in ev.allow)
            )
            reason = ALLOWED_NAME if listed else None
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR, reason=reason))
            if end - start > 1:
                acting_initials.add(text[start:end])
        for start, end in self._described_on_roll(text):
            # "Present: XQ (mum), Wiktorka (Y4, home early)": a word described in brackets on a line of people
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            confident(text[start:end])
        persons = [s for s in spans if s.label == PERSON] + local
        for start, end in self._initials_paired(text, persons):
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            acting_initials.add(text[start:end])
        for m in DOTTED_INITIALS.finditer(text):
            if m.group().replace(" ", "") not in lex.not_initials:
                local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
        for m in _INITIAL_SURNAME.finditer(text):
            if self._surname_after_initial(m.group(1)) and not any(
                b.start < m.end() and m.start() < b.end for b in blocked
            ):
                local.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                confident(m.group(1))
        for m in _NAME_AGE.finditer(text):
            if self._aged_name(m.group(1)) and not any(b.start < m.end(1) and m.start(1) < b.end for b in blocked):
                local.append(Span(m.start(1), m.end(1), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                for w in m.group(1).split():
                    if not ev.common_word(w) or lex.is_first_name(w):
                        confident(w)
        for start, end, words in self.contacted.find(text, spans, sdoc):
            # "Questions: Ilarion +44 7700 900123": whom to ring, named before the number
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            for w in words:
                confident(w)
        for m in _BRACKETED_AGE.finditer(text):
            group = 1 if m.group(1) else 2
            if self._bracket_aged_name(m.group(group)) and not any(
                b.start < m.end(group) and m.start(group) < b.end for b in blocked
            ):
                local.append(Span(m.start(group), m.end(group), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                confident(m.group(group))
        for m in ev.quoted_alias.finditer(text):
            low = m.group(1).lower()
            if low not in ev.relatives and low not in lex.titles and not ev.calendar_only(m.group(1)):
                local.append(Span(m.start(1), m.end(1), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                confident(m.group(1))
        #: short forms the document defines in brackets ("Nan (Nanette Quarrington)"): learned as written
        short_forms = self.bracketed.defined(text)
        for short, start in short_forms.items():
            local.append(
                Span(start, start + len(short), PERSON, score=SCORE_LOCAL, detector=DETECTOR, reason=ALLOWED_NAME)
            )
        for start, end, nickname in self._nicknames(text, names):
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            confident(nickname)
        #: kinship words and titles of other languages the document gives someone as their name
        aliases: set[str] = set()
        for m in ev.alias.finditer(text):
            if m.group(1) is None and self._kin_as_alias(text, m.start(2), m.group(2)):
                # "everybody calls him Chachu": a kinship word or title of another language given as a nickname
                alias = Span(m.start(2), m.end(2), PERSON, score=SCORE_LOCAL, detector=DETECTOR, reason=ALLOWED_NAME)
                local.append(alias)
                aliases.add(m.group(2))
                continue
            if m.group(1) is None and self._called_alias(text, m.start(), m.start(2), m.group(2)):
                # "the nurses call her Sprocket", "Known as: Flint": what people call someone, whatever word it is
                local.append(Span(m.start(2), m.end(2), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            if m.group(1) is None or lex.is_name(m.group(1)) or m.group(1) in names:
                confident(m.group(2))
            elif text.startswith(")", m.end()) and self._named_in_brackets(m.group(1), m.group(2)):
                confident(m.group(1))  # "Nel (Eluned)": a short or family name with the given name in brackets
        for word in self.lowercase_writer.find(sdoc):
            confident(word.capitalize())  # "sat with kestrin ... kestrin went": a lower-case writer's name
        for token in sdoc:
            word = token.text
            if word.islower() and ev.lowercase_name(sdoc, token):
                confident(word.capitalize())
            if word.islower() and (surname := ev.lowercase_full_name(sdoc, token)):
                end = token.idx + len(word) + 1 + len(surname)
                local.append(Span(token.idx, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                confident(word.capitalize())
                confident(surname.capitalize())
            if not is_capitalised(word) or any(b.start <= token.idx < b.end for b in blocked):
                continue
            if ev.followed_by_place_head(sdoc, token.i):
                continue
            given = ev.surname_before(sdoc, token)
            if given:  # "Nguyễn Văn Nam": NER often reads a surname written first as a verb or a place
                confident(word)
                confident(given)
                continue
            surname = ev.unlisted_before_surname(sdoc, token) or ev.word_name_before_rare_surname(sdoc, token)
            if surname:  # NER's reading of an unknown first name is no reason to doubt it here
                confident(word)
                confident(surname)
                continue
            # NER reads "River", "Sky" as a place or a thing; a word-name still counts where it acts
            word_name_read_as_thing = token.ent_type_ != "GPE" and word.lower() in lex.word_names
            # "her son Dawit (9)": after a relative and a possessive, NER's nationality or place is a misreading
            named_as_kin = ev.after_kin(sdoc, token) and not ev.common_word(word)
            if token.ent_type_ in NOT_PERSON_ENTS and not (
                lex.is_name(word) or word_name_read_as_thing or named_as_kin or ev.person_ent(token)
            ):
                continue
            if (
                ev.calendar_only(word)
                and word.isalpha()
                and (ev.after_kin(sdoc, token) or ev.kin_in_brackets(sdoc, token))
            ):
                # "my sister Thu": a name spelled like a weekday, named here only (never "see you Thu")
                local.append(Span(token.idx, token.idx + len(word), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            if self._word_named_as_kin(sdoc, token):
                # "his wife Merit", "my grandson Bay": an everyday word, capitalised right after a relative
                end = token.idx + len(word)
                local.append(Span(token.idx, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR, reason=ALLOWED_NAME))
            elif self._named_after_kin_term(sdoc, token):
                # "tia Ondina", "(strýc Vratislav)": a kinship word of another language in lower case calls the next
                # capitalised word, here only (the title pass adds the kin word where no possessive owns it)
                local.append(Span(token.idx, token.idx + len(word), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            if ev.allowed_name_acting(sdoc, token):
                allowed_names.add(word)  # "Ed said": a name on the allow list ("ed", the department) acting
            if (ev.kin_in_brackets(sdoc, token) or ev.kin_apposed(sdoc, token)) and not ev.calendar_only(word):
                local.append(Span(token.idx, token.idx + len(word), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
                confident(word)
            elif ev.name_by_evidence(sdoc, token) or ev.listed_with_names(sdoc, token):
                confident(word)
            surname = ev.surname_after(sdoc, token)
            if surname:
                confident(word)
                confident(surname)
        for start, end in self.hangul.find(text):  # "김도윤", "도윤이": Korean names in Hangul
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR, reason=ALLOWED_NAME))
        for start, end in self.families.find(text):  # "TARVOLD fam": a case heading in handover notes
            # named by the grammar: no bilingual form label ("Varnelu/Odrastik family:") nor everyday word
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR, reason=ALLOWED_NAME))
            confident(text[start:end].capitalize())
        for word, places in self.repeated.find(sdoc).items():
            if ev.confident(word):  # "Treasure is singing ... consent for Treasure": the document's name
                names[word] = True
                local += [Span(a, b, PERSON, score=SCORE_LOCAL, detector=DETECTOR, reason=WORD_NAME) for a, b in places]
        for compound in self._hyphen_compounds(text, names):
            confident(compound)
        others = [s for s in [*spans, *local] if s.detector != "SpacyRecognizer"]  # spaCy reads these as an ORG
        for start, end in self._hyphenated_nicknames(sdoc, others):
            # "Cog-Wheel had a rough night": a nickname of two capitalised words, acting as a person
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR, reason=WORD_NAME))
            confident(text[start:end])
        for word in self._near_forms(sdoc, names, blocked):
            confident(word)
        for start, end in self._joined_and_prefixed(text, [*spans, *local], names):
            local.append(Span(start, end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
            confident(text[start:end][0].upper() + text[start + 1 : end])
        for word in allowed_names:
            names.setdefault(word, True)
        observation = {w: wl for w, wl in names.items()}
        for w in list(names):
            for v in self.variants.of(w):
                observation.setdefault(v, ev.wordlike(v))
        # an abbreviation is known as initials only where it acted as a person ("Interviewer CD"), not because a
        # full name has those initials ("Gina Price" and the GP)
        initials = (self._full_name_initials(text, spans, local, names) - lex.not_initials) | acting_initials
        #: the pet names the document gives its people ('Bertil ("Zietta")'), kinship words or titles among them
        given = {
            text[s.start : s.end]
            for s in spans
            if s.detector == PET_NAMES and s.label == PERSON and " " not in text[s.start : s.end]
        } | aliases
        # (initials the document spells out go with the allowed names: "RPN", as written, in other documents too)
        allowed = sorted(allowed_names | defined)
        return local, (observation, sorted(names), sorted(initials), allowed, sorted(given), sorted(short_forms))

    def _described_on_roll(self, text: str) -> Iterator[tuple[int, int]]:
        """A capitalised word on a line of people after its label ("Present:", "Attendees:", "Families:"),
        described in brackets as a person is ("Wiktorka (Y4, home early)", "Ottla (volunteer)", "Bruno (dad)",
        "Ysolde (F, 40s)"): a person, though no list holds the name; no everyday word, title, role or day."""
        ev, lex = self.ev, self.ev.lex
        for line in self.initials.roll_line.finditer(text):
            rest = line.group("rest")
            for m in _ROLL_WORD.finditer(rest):
                name = m.group(1)
                if not name[0].isupper() or name.isupper() or self.initials.described.match(rest, m.end(1)) is None:
                    continue
                low = name.lower()
                if ev.function_word(name) or ev.calendar_only(name) or low in lex.titles or low in lex.roles:
                    continue
                if ev.common_word(name) and not lex.is_name(name):
                    continue
                yield line.start("rest") + m.start(1), line.start("rest") + m.end(1)

    def _initials_paired(self, text: str, persons: list[Span]) -> list[tuple[int, int]]:
        """ "Took KT and Dana Whitlock to the fair", "Dana Whitlock and KT": initials joined by "and" to a
        person's full name stand for a person too (not a listed abbreviation nor a word in capitals)."""
        out = []
        for m in _INITIALS_AND_NAME.finditer(text):
            token, a, b = (m.group(1), m.start(1), m.end(1)) if m.group(1) else (m.group(4), m.start(4), m.end(4))
            name_start, name_end = (m.start(2), m.end(2)) if m.group(1) else (m.start(3), m.end(3))
            if token in self.ev.lex.not_initials or self.initials.shouted(token):
                continue
            if any(p.start <= name_start and name_end <= p.end for p in persons) or self._full_name(
                text[name_start:name_end]
            ):
                out.append((a, b))
        return out

    def _surname_after_initial(self, word: str) -> bool:
        """ "T. Okonkwo": after the initial of a first name, a listed surname or a word English does not use
        (not "N. Ireland", "S. Africa", "B. Then", a town or a place head)."""
        ev, lex = self.ev, self.ev.lex
        low = word.lower()
        if low in lex.place_heads or low in ev.towns or low in ev.calendar or low in lex.titles or lex.is_term(low):
            return False
        if ev.common_word(word) or low in ev.relatives:
            return False
        return all(part in lex.surnames or zipf(part) < SURNAME_ZIPF for part in low.split("-"))

    def _named_in_brackets(self, word: str, name: str) -> bool:
        """A word English hardly uses, no town or place word, before a listed first name alone in brackets."""
        ev, low = self.ev, word.lower()
        if not self.ev.lex.is_first_name(name) or ev.common_word(word):
            return False
        return zipf(low) < SURNAME_ZIPF and low not in ev.towns and low not in ev.lex.place_heads

    def _shouted_names(self, text: str) -> Iterator[tuple[int, int, list[str]]]:
        """A name written in capitals inside an ordinary text (a death notice's heading, an appeal's line, a
        group's title): in a run of words in capitals, a listed first name that is no English word, with the
        rare words or listed names around it ("IN LOVING MEMORY OF ORSOLYA VENDEL HAKKARAINEN"), or a title
        and a rare word ("MZEE OKWENNA"). (start, end, the words written with a capital)."""
        ev, lex = self.ev, self.ev.lex
        for run in _CAPITALS_RUN.finditer(text):
            tokens = [(m.start(), m.end(), _recase(m.group())) for m in _CAPITALS_WORD.finditer(run.group())]
            used = -1
            for i, (_, _, word) in enumerate(tokens):
                if i <= used:
                    continue
                titled = word.lower().rstrip(".") in lex.titles and i + 1 < len(tokens)
                if not titled and not (
                    lex.is_first_name(word)
                    and not ev.wordlike(word)
                    and ev.confident(word)
                    and not self._word_of_other_language(word.lower(), FOREIGN_FUNCTION_WORD_ZIPF)
                ):
                    continue  # "FESTA DELLE FAMIGLIE": "Delle" is a name, "delle" Italian's "of the"
                first = i + 1 if titled else i
                last = first
                while last + 1 < len(tokens) and self._shouted_name_word(tokens[last + 1][2]):
                    last += 1
                if titled and not (last > first or self._shouted_name_word(tokens[first][2])):
                    continue
                if not titled:
                    if last == first:
                        continue  # a first name alone in capitals: a heading's word as often as a name
                    while first > used + 1 and self._shouted_name_word(tokens[first - 1][2]):
                        first -= 1
                        i = first
                if last + 1 < len(tokens) and tokens[last + 1][2].lower() in lex.place_heads:
                    continue  # "ORSOLYA VENDEL HOSPICE"
                used = last
                yield (
                    run.start() + tokens[i][0],
                    run.start() + tokens[last][1],
                    [w for _, _, w in tokens[first : last + 1]],
                )

    def _word_of_other_language(self, low: str, at_least: float) -> bool:
        """Whether ``low`` is at least this common a word in one of the languages of other_languages.yaml."""
        return any(zipf_in(low, language) >= at_least for language in self._languages)

    def _everyday_foreign(self, word: str) -> bool:
        """A word no name list holds that is an everyday word of one of the document's other languages, written
        with or without its accents ("Tarihi", "Bekâr"), and far commoner there than in English."""
        if self.ev.lex.is_name(word):
            return False
        low = word.lower()
        plain = without_marks(low)
        english = zipf(low) + FOREIGN_OVER_ENGLISH
        return any(
            max(zipf_in(low, language), zipf_in(plain, language)) >= max(FOREIGN_WORD_ZIPF, english)
            for language in self._languages
        )

    def _shouted_name_word(self, word: str) -> bool:
        """A word of a name in capitals beside a first name: a listed name or a word English hardly uses."""
        ev, lex = self.ev, self.ev.lex
        low = word.lower()
        if low in lex.titles or low in ev.relatives or low in lex.place_heads or ev.calendar_only(word):
            return False
        if not ev.confident(word) or lex.is_term(low):
            return False
        return (lex.is_name(word) and not ev.wordlike(word)) or zipf(low) < SURNAME_ZIPF

    def _lower_surname_word(self, word: str) -> bool:
        """An everyday word that may be a surname after a title: no function word ("mr who"), title, relative,
        calendar or place word."""
        ev, lex = self.ev, self.ev.lex
        return not (
            ev.function_word(word)
            or word in lex.titles
            or word in ev.relatives
            or word in ev.calendar
            or word in lex.place_heads
            or lex.is_term(word)
        )

    def _full_name(self, name: str) -> bool:
        """ "Renata Okafor": a listed first name, then a listed surname or a word English hardly uses."""
        lex = self.ev.lex
        first, last = name.split()
        low = last.lower()
        return (
            lex.is_first_name(first)
            and not self.ev.common_word(first)
            and lex.name_shaped(last)
            and (low in lex.surnames or zipf(low) < SURNAME_ZIPF)
            and low not in lex.place_heads
        )

    def _aged_name(self, name: str) -> bool:
        """Two or three name-shaped words before an age, the first a listed first name, the last rare in
        English or a listed surname; none a title, a place or calendar word ("Keely Varnum", not "Main
        Street" or "Monday Club")."""
        ev, lex = self.ev, self.ev.lex
        words = name.split()
        if not all(lex.name_shaped(w) for w in words):
            return False
        low = [w.lower() for w in words]
        if any(w in lex.titles or w in lex.place_heads or w in ev.calendar for w in low):
            return False
        return lex.is_first_name(words[0]) and (low[-1] in lex.surnames or zipf(low[-1]) < SURNAME_ZIPF + 0.5)

    def _not_lineage_name(self, word: str) -> bool:
        """No name on either side of "d/o": a title, a relative, a calendar word or an everyday word no list
        holds as a name ("Fees d/o Monday")."""
        ev = self.ev
        if self._title_or_kin(word) or ev.function_word(word) or word.lower() in ev.calendar:
            return True
        return ev.common_word(word) and not ev.lex.is_name(word)

    def _kin_as_alias(self, text: str, start: int, word: str) -> bool:
        """A kinship word or title of another language that English hardly writes ("Chachu", "Lolo"), not an
        English relative's word ("Nana", "Aunty") nor an everyday one ("Papa", "Doctor"): given as what people call
        someone ("everybody calls him Chachu"), the person's name; not where the sentence names the relation
        ("my grandmother Ines Quarrow (we call her Chachu)": the relative's word in the family's language)."""
        low = word.lower()
        if low not in self.ev.lex.titles and low not in self._kin:
            return False
        if low in self.ev.relatives or zipf(low) >= KIN_ALIAS_ZIPF:
            return False
        sentence = re.split(r"[.!?\n]", text[max(0, start - KIN_ALIAS_REACH) : start])[-1]
        words = re.findall(r"[a-z]+", sentence.lower())
        # "my grandchildren call me Chachu": the relatives who use the word, in the plural too
        return not any(_relative_form(w) in self.ev.relatives for w in words)

    def _called_alias(self, text: str, start: int, at: int, word: str) -> bool:
        """``word`` at ``at``, after an alias phrase at ``start``, is what people call someone there: after "call(s)
        her/him/me/them" or "goes by", or as the value of a "Known as:" line; not a title, a relative's word, a
        weekday or a word of grammar ("calls him Sir", "known as The Hub" is no one)."""
        ev = self.ev
        low = word.lower()
        if low in ev.lex.titles or low in ev.relatives or ev.calendar_only(word) or ev.function_word(word):
            return False
        phrase = text[start:at].lower()
        if phrase.startswith("known as"):
            line_start = text.rfind("\n", 0, start) + 1
            return not text[line_start:start].strip() and text.startswith(":", start + len("known as"))
        return phrase.startswith(("call", "goes by"))

    def _title_or_kin(self, word: str) -> bool:
        low = word.lower()
        return low in self.ev.lex.titles or low in self.ev.relatives or low in self._kin

    def _bracket_aged_name(self, word: str) -> bool:
        """One name-shaped word before or with an age in brackets that is a listed first name or no everyday
        word, title, relative, calendar word, people or town ("Vortek (10)", not "Room (10)", "Ballarat (3)")."""
        ev, lex = self.ev, self.ev.lex
        low = word.lower()
        if not lex.name_shaped(word) or not word[1:].islower():
            return False
        if low in lex.titles or low in ev.relatives or low in lex.place_heads or low in ev.calendar:
            return False
        if low in ev.peoples or (low in ev.towns and not lex.is_name(word)) or lex.is_term(low):
            return False
        return lex.is_first_name(word) or not ev.common_word(word)

    def _near_forms(self, sdoc: Doc, names: dict[str, bool], blocked: list[Span]) -> set[str]:
        """Unlisted capitalised words that are another form of a name the document gives a person: "Jadey"
        beside "Jade Okoro", "Preet" beside "Harpreet", "Shanise" beside "Shanice"."""
        people = [n for n in names if len(n) >= 3 and n[1:].islower()]
        if not people:
            return set()
        found: set[str] = set()
        table = token_table(sdoc)
        for i, word in enumerate(table.texts):  # a Token object only for the capitalised words
            if word in names or word in found or not is_capitalised(word):
                continue
            if any(b.start <= table.starts[i] < b.end for b in blocked) or not self.ev.unlisted_name_word(sdoc[i]):
                continue
            if self.ev.followed_by_place_head(sdoc, i):
                continue
            if any(near_form(word, name) for name in people):
                found.add(word)
        return found

    def _near_forms_of_people(self, text: str, people: list[Span], spans: list[Span]) -> list[Span]:
        """What :meth:`_near_forms` does, after the corpus' names are known: "Jadey" where "Jade Okoro" was
        found only through the surname known elsewhere."""
        words = {w for p in people for w in _NAME_WORD.findall(text[p.start : p.end])}
        if not words:
            return []
        taken = [*people, *(s for s in spans if s.label in (LOCATION, ORGANIZATION))]
        found = []
        for m in _NAME_WORD.finditer(text):
            word = m.group()
            if word in words or any(s.start < m.end() and m.start() < s.end for s in taken):
                continue
            if self.ev.unlisted_name_text(word) and any(near_form(word, name) for name in words):
                found.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
        return found

    def _clipped_forms(self, text: str, people: list[Span], spans: list[Span]) -> list[Span]:
        """ "Ro" and "Rosalind", "Ab" beside "Abdirahman": a capitalised word of two to four letters that
        opens the first name of a person of the document, as people shorten names, even where the short form
        is also a word ("Dot"); not a function word ("Is" of "Isabel"), a word this common ("Art", "Al"), an
        abbreviation, a title or a calendar word, nor before a place head."""
        ev, lex = self.ev, self.ev.lex
        names = {w.lower() for p in people for w in _NAME_WORD.findall(text[p.start : p.end]) if lex.is_first_name(w)}
        if not names:
            return []
        taken = [*people, *(s for s in spans if s.label in (LOCATION, ORGANIZATION))]
        found = []
        for m in _SHORT_WORD.finditer(text):
            form, low = m.group(), m.group().lower()
            if not any(len(n) >= len(low) + MIN_CLIPPED_REST and n.startswith(low) for n in names):
                continue
            if ev.function_word(form) or zipf(low) >= CLIPPED_WORD_ZIPF or form.upper() in lex.not_initials:
                continue
            if low in lex.titles or low in ev.calendar or low in ev.relatives or lex.is_term(low):
                continue
            if any(s.start < m.end() and m.start() < s.end for s in taken):
                continue
            before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 30]
            if last_word(before) in ARTICLES_AND_POSSESSIVES or first_word(after) in lex.place_heads:
                continue
            found.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
        return found

    def _hyphen_compounds(self, text: str, names: dict[str, bool]) -> set[str]:
        """Double first names written with a hyphen, of which NER or a list saw one half: "Marta-Liisa",
        "Hyun-woo", "Soo-jin" (not "Sam-like": an English ending makes a word of it); and, known or not, two
        syllables of given names of one language joined by a hyphen, capitalised: "Min-jun", "CHIA-HAO"."""
        if "-" not in text:
            return set()
        ev = self.ev
        out = set()
        for m in _HYPHENATED.finditer(text):
            if m.group()[0].isupper() and ev.lex.first_names.syllabic(m.group()):
                out.add(m.group())
                continue
            parts = m.group().split("-")
            if not any(p in names for p in parts) or not ev.lex.name_shaped(m.group()):
                continue
            others = [p for p in parts if p not in names]
            if all(self._compound_part(p) for p in others):
                out.add(m.group())
        return out

    def _hyphenated_nicknames(self, sdoc: Doc, taken: list[Span]) -> list[tuple[int, int]]:
        """A nickname of two capitalised words joined by a hyphen, used alone as a person: "Cog-Wheel had a
        rough night. Staff checked on him ... Cog-Wheel is the youngest here" (issue 13, class b). Both halves
        are capitalised (not "Self-care was"), neither is a title, relative, calendar word or term; the
        document writes the word only so (never "x-ray" in small letters), never after an article or a
        possessive ("the X-Ray was"), in a run of capitalised words, in a place spaCy reads or before a colon
        (a label); it is used twice, acts as a person once at least, and "he" or "she" follows a use (spaCy
        often reads such a word as an organisation: "Coca-Cola had ... it" stays). Other documents' uses
        follow as a known name."""
        text = sdoc.text
        if "-" not in text:
            return []
        ev, lex = self.ev, self.ev.lex
        places = [e for e in sdoc.ents if e.label_ in ("GPE", "LOC", "FAC")]
        uses: dict[str, list[tuple[int, int, bool]]] = {}
        spoilt: set[str] = set()
        for m in _HYPHENATED.finditer(text):
            key = m.group().lower()
            parts = m.group().split("-")
            if len(parts) != 2 or not all(_NICK_PART.fullmatch(p) for p in parts) or max(map(len, parts)) < 3:
                spoilt.add(key)
                continue
            lows = [p.lower() for p in parts]
            if any(w in lex.titles or w in ev.calendar or w in ev.relatives or lex.is_term(w) for w in lows):
                spoilt.add(key)
                continue
            if any(e.start_char < m.end() and m.start() < e.end_char for e in places):
                spoilt.add(key)
                continue
            before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 30]
            prev = last_word(before)
            # a capitalised word before it mid-sentence makes a run ("New Cog-Wheel"); "Later Cog-Wheel" opens one
            run = prev[:1].isupper() and not re.search(r"(?:^|[.!?\n])\s*\S+\s*$", before)
            if prev in ARTICLES_AND_POSSESSIVES or run:
                spoilt.add(key)
                continue
            if after.lstrip(" ").startswith(":"):
                spoilt.add(key)
                continue
            uses.setdefault(key, []).append((m.start(), m.end(), ev.acts_next(after)))
        found = []
        for key, at in uses.items():
            if key in spoilt or len(at) < NICKNAME_USES or not any(acts for _, _, acts in at):
                continue
            if not any(_PERSONAL_PRONOUN.search(text, b, b + NICKNAME_PRONOUN_WINDOW) for _, b, _ in at):
                continue  # "Coca-Cola had ... it": no "he" or "she" after any use
            found += [(a, b) for a, b, _ in at if not any(s.start < b and a < s.end for s in taken)]
        return found

    def _compound_part(self, part: str) -> bool:
        low = part.lower()
        if low in self.ev.hyphen_endings:
            return False
        if is_capitalised(part):
            return self.ev.lex.is_name(part) or zipf(low) < COMMON_WORD_ZIPF
        return len(part) <= 4 and zipf(low) < COMPOUND_SYLLABLE_ZIPF

    def _joined_and_prefixed(self, text: str, spans: list[Span], names: dict[str, bool]) -> Iterator[tuple[int, int]]:
        """Other written forms of a person's name in the document: a two-syllable given name written as one word
        ("Lim Mei Xin", then "meixin" or "MeiXin"), and a surname with the prefix that makes it a married
        woman's name in Nguni languages ("Mrs Ndlovu", "MaNdlovu")."""
        joined: set[str] = set()
        for s in spans:
            if s.label != PERSON:
                continue
            words = [w for w in text[s.start : s.end].split() if _SYLLABLE.fullmatch(w)]
            for a, b in itertools.pairwise(words):
                if len(a) <= 5 and len(b) <= 5 and zipf((a + b).lower()) < JOINED_NAME_ZIPF:
                    joined.add((a + b).lower())
        # "Ji-ho", then "jiho": a hyphenated given name of two syllables written joined
        joined |= {w.replace("-", "").lower() for w in names if self.ev.lex.first_names.syllabic(w)}
        for m in _ONE_WORD.finditer(text):
            word = m.group()
            if word.lower() in joined or (
                (p := _PREFIXED_SURNAME.fullmatch(word))
                and (p.group(1) in names or p.group(1).lower() in self.ev.lex.surnames)
                and zipf(p.group(1).lower()) < JOINED_NAME_ZIPF
            ):
                yield m.start(), m.end()

    def _nicknames(self, text: str, names: dict[str, bool]) -> Iterator[tuple[int, int, str]]:
        """Nicknames given in quotes: inside a full name ('Tomasz "Tommo" Wiśniewski', the whole span), after
        "known to ... as" or "called her" ('known to all as "Sunny" or "MaSunny"'), given to some people ('"Nan" to
        her friends'; unquoted after a comma: "Badger to his mates,"; "known to everyone as Sprocket"), or explained
        after it ("Bluey, as the lads call him"); (start, end, nickname) of each."""
        ev, lex = self.ev, self.ev.lex

        def usable(word: str) -> bool:
            low = word.lower()
            return low not in ev.relatives and low not in lex.titles and not ev.calendar_only(word)

        for m in ev.nickname_inside.finditer(text):
            first, surname = m.group(1), m.group(3)
            if (lex.is_name(first) or first in names or lex.is_name(surname)) and usable(m.group(2)):
                yield m.start(), m.end(), m.group(2)
        for m in ev.quoted_nicknames.finditer(text):
            if usable(m.group(1)):
                yield m.start(1), m.end(1), m.group(1)
            end = m.end()
            while (n := ev.nickname_next.match(text, end)) is not None:
                if usable(n.group(1)):
                    yield n.start(1), n.end(1), n.group(1)
                end = n.end()
        for m in ev.nickname_to_people.finditer(text):
            if usable(m.group(1)):
                yield m.start(1), m.end(1), m.group(1)
        for pattern in (ev.unquoted_nickname, ev.unquoted_nickname_to_people):
            for m in pattern.finditer(text):
                word = m.group(1)
                low = word.lower()
                if low in lex.roles or low in lex.place_heads or lex.is_term(low) or ev.function_word(word):
                    continue
                if usable(word):
                    yield m.start(1), m.end(1), word
        for m in ev.alias_after.finditer(text):
            if usable(m.group(1)) and not ev.function_word(m.group(1)):
                yield m.start(1), m.end(1), m.group(1)
        for m in ev.called_is_full_name.finditer(text):
            called, full = m.group(1), m.group(2).split()
            low = called.lower()
            if (
                (lex.is_name(full[0]) or full[0] in names)
                and called not in full
                and usable(called)
                and not ev.function_word(called)
                and low not in lex.roles
                and not lex.is_term(low)
            ):
                yield m.start(1), m.end(1), called

    def _full_name_initials(self, text: str, spans: list[Span], local: list[Span], names: dict[str, bool]) -> set[str]:
        lex = self.ev.lex
        """ "OV" for "Ottilie Vasquez-Reyes": handover notes name people by the initials of a full name."""
        out: set[str] = set()
        for s in [*spans, *local]:
            if s.label != PERSON:
                continue
            words = [w for w in re.findall(rf"{UPPER}[\w'’-]*", text[s.start : s.end]) if w.lower() not in lex.titles]
            if 2 <= len(words) <= 3 and words[0] in names:
                out.add("".join(w[0] for w in words))
                # "OVR" and "OV-R" too: the initials of a double surname's every part
                parts = [[p[0] for p in w.split("-") if p[:1].isupper()] for w in words]
                if any(len(p) > 1 for p in parts):
                    out.add("".join("".join(p) for p in parts))
                    out.add("".join("-".join(p) for p in parts))
            lower = [w for w in text[s.start : s.end].split() if w.lower() not in lex.titles]
            if 2 <= len(lower) <= 3 and all(w.islower() and w.isalpha() for w in lower) and lower[0].title() in names:
                out.add("".join(w[0] for w in lower).upper())  # "ŁW" for "łucja w" in lower-case notes
        # "JvdM" for "Johanna van der Merwe": papers keep the particles' small letters
        for m in _NAME_WORD.finditer(text):
            tail = self._particle_tail.match(text, m.end())
            if tail is not None and m.group() in names:
                out.add(m.group()[0] + "".join(w[0] for w in text[m.end() : tail.end()].split()))
        return out

    # ------------------------------------------------------------------ corpus knowledge

    def observe(self, doc_id: str, observation: Any) -> None:
        found, evidence, initials, allowed, given, short_forms = observation
        self.known_initials.update(initials)
        self.defined_initials.update(w for w in allowed if w.isupper())
        for word in short_forms:
            # a short form defined in brackets ("Rook (Rookford ...)"): the person where written so, never the word
            # in lower case
            if name_key(word) not in self.known:
                self.known[name_key(word)] = KnownName(word, wordlike=True, exact_case=True, given=True)
        for word in given:
            # a kinship word or a title given as a pet name is no name the lists know: learned here
            entry = self.known.setdefault(name_key(word), KnownName(word, self.ev.wordlike(word)))
            entry.given = True
        for word, wordlike in found.items():
            key = name_key(word)
            entry = self.known.get(key)
            if entry is None:
                # a name the allow list holds as a word ("Ed"; "ed", "ED" the department) is found only as written
                exact_case = word in allowed or normalise(word) in self.ev.allow
                entry = self.known[key] = KnownName(word, wordlike or exact_case, exact_case=exact_case)
            if word in evidence:
                entry.evidence += 1
        self._pattern = None

    def _known_pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.known:
            alternatives = "|".join(re.escape(k) for k in sorted(self.known, key=len, reverse=True))
            self._pattern = re.compile(rf"(?<![\w'’-])({alternatives})(s?)(?![\w-]|['’][a-rt-z])", re.IGNORECASE)
        return self._pattern

    # ------------------------------------------------------------------ pass 2

    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        text = doc.text
        found = list(candidates)
        pattern = self._known_pattern()
        if pattern is not None:
            #: names that act as a person somewhere in this document, and their other capitalised uses
            acting = {name_key(w) for c in candidates if c.label == PERSON for w in text[c.start : c.end].split()}
            doubtful: list[tuple[int, int, KnownName]] = []
            for m in pattern.finditer(text):
                if m.group(2) and not sloppy_possessive(m.group(1), m.group()):
                    continue
                entry = self.known.find(m.group(1))
                if entry is None:
                    continue
                if self.acceptance.accept(text, m.start(), m.end(1), entry):
                    # a kinship word the corpus gives as a pet name stays the person ("Zietta rang")
                    reason = ALLOWED_NAME if entry.exact_case or entry.given else None
                    found.append(Span(m.start(), m.end(1), PERSON, score=SCORE_KNOWN, detector=DETECTOR, reason=reason))
                    acting.add(name_key(m.group(1)))
                else:
                    doubtful.append((m.start(), m.end(1), entry))
            uses = _uses(text, found)
            for start, end, entry in doubtful:
                key = name_key(text[start:end])
                if key in acting and (
                    self.acceptance.accept_again(text, start, end, entry)
                    or self.insistent.accept(text, start, end, len(uses.get(key, ())))
                ):
                    found.append(Span(start, end, PERSON, score=SCORE_KNOWN, detector=DETECTOR))
        initials = self._initials_of_known(text)
        # initials a document spelled out as someone's full name ("RPN (Rolan P. Nook)") stay that person where
        # they act here, though they read as a role's abbreviation
        defined = {(i.start, i.end) for i in initials if i.reason and text[i.start : i.end] in self.defined_initials}
        found = [replace(f, reason=ALLOWED_NAME) if (f.start, f.end) in defined else f for f in found] + initials
        # particles first: "Mr van den Heuvel" takes its title once the surname has taken "van den"
        people = self._with_titles(text, self._with_particles(text, _join_adjacent(text, found)))
        people = self._with_first_names(text, people)
        people = self._with_surname_initials(text, self._with_middle_initials(text, people))
        people = self.surnames.extend(text, people, spans)
        people = _join_adjacent(
            text, people + self._near_forms_of_people(text, people, spans) + self._clipped_forms(text, people, spans)
        )
        people = self._without_foreign_openers(text, people)
        people = _join_adjacent(text, people + self.document_names.find(text, people, spans))
        people = _join_adjacent(text, people + self.coordinated.find(text, people, spans))
        people = _join_adjacent(text, people + _initialled_surnames(text, people))
        # the other-script form beside a person found by this processor or by the layout; beside NER's
        # person, place or organisation only in brackets or after a slash ("Hwang Min-ho (황민호)")
        others = [s for s in spans if s.label == PERSON and s.detector != "SpacyRecognizer"]
        named = [s for s in spans if s.label in (PERSON, ORGANIZATION, LOCATION)]
        forms = _other_script_forms(text, people + others) + _bracketed_other_script(text, named)
        forms += self._script_named_forms(text)
        people = _join_adjacent(text, people + [f for f in forms if f.label == PERSON])
        places = [f for f in forms if f.label != PERSON]
        people = self._without_foreign_openers(text, people)
        return people + places + self._ages_of_lowercase_names(text, people)

    def _without_foreign_openers(self, text: str, people: list[Span]) -> list[Span]:
        """People's spans without a first word that is one of the commonest words of the text's other language
        and that the text also writes in lower case (Welsh "Mae" of "Mae Bethan yn ...", "mae" learned from it):
        opening a sentence or a line, or in lower case, it is that language's word, not a name; the rest of
        the span stays ("Bethan"). A given name that the text never writes in lower case stays ("Maria disse")."""
        languages = self._other_languages.of(text)
        if not languages:
            return people
        ev, lex = self.ev, self.ev.lex
        out = []
        for span in people:
            words = list(_SPAN_WORD.finditer(text, span.start, span.end)) if span.label == PERSON else []
            if not words or span.reason == ALLOWED_NAME or words[0].start() != span.start:
                out.append(span)
                continue
            first = words[0].group()
            low = first.lower()
            common = max(zipf_in(low, language) for language in languages)
            opens = first.islower() or re.search(r"(?:^|[.!?:\n])[ \t\"“'‘]*$", text[: span.start]) is not None
            if (
                not opens
                or low in lex.titles
                or low in ev.relatives
                or common < FOREIGN_FUNCTION_WORD_ZIPF
                or common < zipf(low) + FOREIGN_OVER_ENGLISH
                or len(re.findall(rf"(?<![\w'’-]){re.escape(low)}(?![\w'’-])", text)) < FOREIGN_OPENER_LOWER_USES
            ):
                out.append(span)
            elif len(words) > 1:
                out.append(replace(span, start=words[1].start()))
        return out

    def _script_named_forms(self, text: str) -> list[Span]:
        """A name spelled in another script where the text names that script: "in syllabics ᐊᓂ",
        "(Cyrillic) Іван Петренко", "ユキ in katakana"."""
        if text.isascii():
            return []
        out = []
        for m in self._script_before.finditer(text):
            end = _other_script_run(text, m.end(), 1)
            if end > m.end():
                out.append(Span(m.end(), end, PERSON, score=SCORE_LOCAL, detector=DETECTOR))
        for m in self._script_after.finditer(text):
            start = _other_script_run(text, m.start(), -1)
            if start < m.start():
                out.append(Span(start, m.start(), PERSON, score=SCORE_LOCAL, detector=DETECTOR))
        return out

    def _initials_of_known(self, text: str) -> list[Span]:
        ev, lex = self.ev, self.ev.lex
        out = []
        found = [*CAPITALS.finditer(text), *_PARTICLE_INITIALS.finditer(text), *_HYPHENED_INITIALS.finditer(text)]
        for m in sorted(found, key=lambda m: m.start()):
            token = m.group()
            if token not in self.known_initials:
                continue
            if self.initials.shouted(token) and token not in self.defined_initials:
                continue  # a word in capitals ("DO"), unless a document gave it as someone's ("translated by DO")
            # someone's initials elsewhere, an abbreviation or a word here unless it acts: "PA came", "the PA"
            abbreviation = token in lex.not_initials or token in self.role_abbreviations or zipf(token.lower()) >= 4.0
            if abbreviation and not self.initials.acts_at(text, m.start()):
                continue
            if last_word(text[max(0, m.start() - 20) : m.start()]) in ev.word_left:
                continue  # "the OV"
            reason = ALLOWED_NAME if abbreviation else None
            out.append(Span(m.start(), m.end(), PERSON, score=SCORE_LOCAL, detector=DETECTOR, reason=reason))
        return out

    def _with_titles(self, text: str, spans: list[Span]) -> list[Span]:
        """Each name with the title right before it and the honorific right after it: "Dr Okafor", "Aunty
        Mere", "Abuela Rosa", "arun bhai", "Juci-muoŧŧá"."""
        out = []
        for s in spans:
            m = (
                self._title_before.search(text, max(0, s.start - 16), s.start)
                or self._kin_before.search(text, max(0, s.start - 24), s.start)
                or self._lower_kin_before.search(text, max(0, s.start - 24), s.start)
            )
            if m and m.group()[:1].islower() and self._owned(text, m.start(), s.end):
                m = None  # "my nonno Elvio", "his uncle Wendel": whose relative, not what the person is called
            if m is None and self._names_itself(text[s.start : s.end]):
                m = self._prefix_before.search(text, max(0, s.start - 16), s.start)
            if m:
                s = replace(s, start=m.start())
            owner = text[s.start : s.end].endswith(("'s", "’s"))  # "Kalani's uncle": whose, not a title
            if s.label == PERSON and not owner and (tail := self._honorific_tail.match(text, s.end)) is not None:
                s = replace(s, end=tail.end())
            out.append(s)
        return out

    def _word_named_as_kin(self, sdoc: Any, token: Any) -> bool:
        """A capitalised everyday word, field word or term right after a possessive and a relative ("his wife
        Merit", "my niece Tern"; no comma between): a name, here only. What the lists hold is found otherwise."""
        ev, word = self.ev, token.text
        low = word.lower()
        return (
            token.i >= 2
            and sdoc[token.i - 1].lower_ in ev.relatives
            and ev.after_kin(sdoc, token)
            and word.isalpha()
            and is_capitalised(word)
            and word[1:].islower()
            and token.tag_ not in _VERB_FORMS  # "my dad Googled it"
            and not ev.function_word(word)
            and not ev.calendar_only(word)
            and low not in ev.lex.titles
            and low not in ev.relatives
            and low not in self._kin
        )

    def _named_after_kin_term(self, sdoc: Any, token: Any) -> bool:
        """A capitalised word that is no everyday English word, written right after a kinship word of
        ``lexicons/kin_terms.txt`` in lower case ("tio Quelé", "teta Bohdana"; not "abuela Sunday")."""
        ev, word = self.ev, token.text
        if token.i < 1 or not word.isalpha() or not is_capitalised(word) or not word[1:].islower():
            return False
        kin = sdoc[token.i - 1]
        if not kin.text.islower() or kin.lower_ not in self._kin or kin.whitespace_ != " ":
            return False
        low = word.lower()
        return (
            not ev.function_word(word)
            and not ev.calendar_only(word)
            and (self.ev.lex.is_name(word) or not ev.common_word(word))
            and low not in ev.lex.titles
            and low not in ev.relatives
            and low not in self._kin
        )

    def _owned(self, text: str, start: int, end: int) -> bool:
        """A possessive right before ``start`` ("my", "Ana's", ``kin_owners`` of ``names/context.yaml``), or a bracket
        closed before a sender's colon ("Tovild (papa Ode):": a parent named by the child); a bracket alone gives
        what someone is called ("my aunt (tia Ondina)")."""
        before = text[max(0, start - 24) : start]
        if before.rstrip(" \t").endswith("("):
            return re.match(r"[ \t]*\)[ \t]*:", text[end : end + 8]) is not None
        m = _OWNER_WORDS.search(before)
        words = [w.lower() for w in m.groups() if w] if m else []
        return any(w in self._kin_owners or w.endswith(("'s", "’s")) for w in words)  # "my little brother Ode"

    def _names_itself(self, piece: str) -> bool:
        """A span that opens with a name, not with a title or a relative's word ("sister Nilar")."""
        first = piece.split()[0].lower() if piece.split() else ""
        return first not in self.ev.lex.titles and first not in self.ev.relatives and first not in self._kin

    def _with_first_names(self, text: str, spans: list[Span]) -> list[Span]:
        """ "Ivy Rook had her birthday": a listed first name, even one that is a word, right before a person's
        surname found in the document ("Mrs Rook" elsewhere) is that person's first name — not after a
        determiner or a word that keeps it a word ("the Ivy Rook pub" stays out)."""
        lex, out = self.ev.lex, []
        for s in spans:
            m = _WORD_BEFORE.search(text, max(0, s.start - 30), s.start)
            head = text[s.start : s.end].split()[0]
            if (
                m
                and is_capitalised(head)
                and head.lower() not in lex.titles
                and (head.lower() in lex.surnames or not lex.is_first_name(head))
                and self._first_name_before(text, m)
            ):
                s = replace(s, start=m.start(1))
            out.append(s)
        return out

    def _first_name_before(self, text: str, m: re.Match[str]) -> bool:
        """A listed first name not kept a word by what precedes it; a name-shaped word no list holds only
        after a verb that takes a person ("went to meet Bodhi Varnum")."""
        ev, word = self.ev, m.group(1)
        low = word.lower()
        if low in ev.calendar and (not ev.lex.is_first_name(word) or ev.dated(text, m.start(1), m.end(1))):
            return False  # "Tuesday Fenwick", "in May Winslade" — but "May Winslade came round"
        if low in ev.lex.titles or low in ev.lex.place_heads or low in ev.relatives:
            return False
        before = text[max(0, m.start(1) - 30) : m.start(1)]
        prev = last_word(before)
        if not ev.lex.is_first_name(word):
            return prev in ev.person_left and not SENTENCE_END.search(before)
        return not (prev in ARTICLES_AND_POSSESSIVES or prev in ev.word_left) or bool(SENTENCE_END.search(before))

    def _with_particles(self, text: str, spans: list[Span]) -> list[Span]:
        """ "Anouk van der Wal": a name runs on through lower-case particles to the capitalised word after
        them, and a surname takes the particles right before it ("van der Wal said")."""
        out: list[Span] = []
        for s in spans:
            tail = self._particle_tail.match(text, s.end)
            if tail and not tail.group(1).isupper():
                tail = None
            head = self._particle_head.search(text, max(0, s.start - 24), s.start)
            start = head.start() if head and text[s.start].isupper() else s.start
            span = replace(s, start=start, end=tail.end() if tail else s.end)
            if out and span.start <= out[-1].end:
                out[-1] = replace(out[-1], end=max(out[-1].end, span.end))
            else:
                out.append(span)
        return out

    def _with_middle_initials(self, text: str, spans: list[Span]) -> list[Span]:
        """ "Lucía M Ferreira", "Tomas K. Berg": a name runs on through a middle initial to the surname after
        it (not to a common word: "saw Tomas A. Then ...")."""
        out = []
        for s in spans:
            m = _MIDDLE_INITIAL.match(text, s.end)
            surname = m.group(1) if m else ""
            if m and self.ev.lex.name_shaped(surname) and not self._common_after_initial(surname):
                s = replace(s, end=m.end())
            out.append(s)
        return out

    def _with_surname_initials(self, text: str, spans: list[Span]) -> list[Span]:
        """ "Faith N", "Cal W.": a name with the initial of a surname after it is one name."""
        out = []
        for s in spans:
            m = _INITIAL_AFTER.match(text, s.end)
            out.append(replace(s, end=m.end()) if m else s)
        return out

    def _common_after_initial(self, word: str) -> bool:
        low = word.lower()
        if self.ev.lex.is_name(low):
            return False
        return zipf(low) >= MIDDLE_INITIAL_WORD_ZIPF or low in self.ev.lex.place_heads or low in self.ev.calendar

    def _ages_of_lowercase_names(self, text: str, people: list[Span]) -> list[Span]:
        """ "grace is 38,": the age recognizers read capitalised names only; a lower-case one is known here."""
        ages = []
        for p in people:
            if text[p.start : p.end].islower():
                m = self._age_after.match(text, p.end)
                if m:
                    ages.append(Span(m.start(1), m.end(1), AGE, score=SCORE_LOCAL, detector=DETECTOR))
        return ages


#: A nickname in quotes between a first name and a surname: 'Tomasz "Tomek" Wierzbicki' (the
#: nickname itself found or not).
_QUOTED_NICKNAME = re.compile(r"[ \t]+[\"“‘'][^\W\d_][\w'’ .-]{0,20}[\"”’'][ \t]+")
_OPENING_QUOTE = re.compile(r"[ \t]+[\"“‘']")
_CLOSING_QUOTE = re.compile(r"[\"”’'][ \t]+")
_NICKNAME_THEN_CLOSE = re.compile(r"[^\W\d_][\w'’.-]{0,20}[\"”’'][ \t]+[^\W\d_]")
_OPEN_THEN_NICKNAME = re.compile(r"[^\W\d_][ \t]+[\"“‘'][^\W\d_][\w'’.-]{0,20}$")


#: A name's other written form beside it: "Name (…)", "Name / …", "Name …" (a signature's "Wen Li 李文"),
#: "Name. ….", "… / Name", "… (Name)", a transcriber's note between them: "Name — [writes] …".
_JOINED_AFTER = (
    r"[ \t]*(?:\(|/)[ \t]*|\.[ \t]+(?=[^\W\d_][^.\n]{0,40}\.)"
    r"|[ \t]*(?:[.,:—–-][ \t]*)?\[[^\]\n]{1,50}\][ \t]*"
)
#: (spaces, not a tab: a tab separates a chat export's sender from the message, "さくら\t了解です")
_BESIDE_AFTER = re.compile(rf"{_JOINED_AFTER}| +")
_BESIDE_BEFORE = re.compile(r"[ \t]*(?:/|\()[ \t]*$")
#: the same, where brackets, a slash or full stops set the other form apart: "Name (…)", "Name / …", "Name. …."
_BRACKETED_AFTER = re.compile(_JOINED_AFTER)


#: spaCy's tags of a verb in the past, a participle or the third person: no name after a relative ("my dad Googled")
_VERB_FORMS = frozenset({"VBD", "VBN", "VBG", "VBZ", "MD"})
#: the two words right before a relative's word, on its line and with no punctuation between ("my little")
_OWNER_WORDS = re.compile(r"(?:([^\W\d_][\w'’]*)[ \t]+)?([^\W\d_][\w'’]*)[ \t]+$")


def _initialled_surnames(text: str, people: list[Span]) -> list[Span]:
    """ "K. Barrow" where the document names "Kit Barrow": the initial of a person's first name before their
    surname is that person, even where the surname is a word or a town."""
    initials = set()
    for p in people:
        words = text[p.start : p.end].split()
        if len(words) >= 2 and is_capitalised(words[0]) and is_capitalised(words[-1]) and len(words[0]) > 1:
            initials.add((words[0][0], words[-1]))
    if not initials:
        return []
    out = []
    for m in _INITIAL_SURNAME.finditer(text):
        if (m.group()[0], m.group(1)) in initials:
            out.append(Span(m.start(), m.end(), PERSON, score=SCORE_KNOWN, detector=DETECTOR))
    return out


def _relative_form(word: str) -> str:
    """The relative's word as ``lexicons/relatives.txt`` lists it, where the text writes it in the plural or with
    "grand": "grandchildren" -> "child", "nieces" -> "niece"; other words as written."""
    word = word.removeprefix("grand") if word.startswith("grandchild") or word.startswith("grandkid") else word
    if word.endswith("ren"):
        return word[:-3]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _kin_words(rules: Rules) -> frozenset[str]:
    """The one-word kinship terms of ``lexicons/kin_terms.txt`` ("babcia", "abuela")."""
    return frozenset(k for k in rules.words("lexicons/kin_terms.txt", lower=True) if k.isalpha())


def _recase(word: str) -> str:
    """A word in capitals written as a name: "ORSOLYA" -> "Orsolya", "ANNE-SOPHIE" -> "Anne-Sophie"."""
    return "-".join(part.capitalize() for part in word.split("-"))


def _either_case(title: str) -> str:
    """A title's pattern with its first letter in either case: "Cô" -> "[Cc]ô"."""
    first = title[0]
    if first.lower() == first.upper():
        return re.escape(title)
    return f"[{first.upper()}{first.lower()}]{re.escape(title[1:])}"


def _other_script_forms(text: str, people: list[Span]) -> list[Span]:
    """ "Kavya Raman (காவ்யா)", "Ahmad Nouri / احمد نوری", "Wen Li 李文", "김영숙 (Kim Young-sook)": a run of
    letters of a script other than Latin or Greek in brackets, after a slash or a space beside a name is the
    same person's name; beside a name itself in such a script ("김도윤 학생": a word after it) only in brackets or
    after a slash."""
    return [
        form
        for p in people
        for form in _forms_beside(
            text, p, _BRACKETED_AFTER if any(map(_other_script, text[p.start : p.end])) else _BESIDE_AFTER, PERSON
        )
    ]


def _bracketed_other_script(text: str, named: list[Span]) -> list[Span]:
    """ "LEUNG Wai-man (梁偉文)", "Lantern Hall / 灯笼会堂", "My husband Hwang Min-ho. 황민호.", "박정란 (Park
    Jeong-ran)": the other-script form set apart beside a name, whoever found the name (NER too); it takes
    the name's label."""
    latin = [s for s in named if not any(_other_script(c) for c in text[s.start : s.end])]
    return [form for s in latin for form in _forms_beside(text, s, _BRACKETED_AFTER, s.label)]


def _forms_beside(text: str, span: Span, after: re.Pattern[str], label: str) -> list[Span]:
    """The runs of another script joined to ``span`` by ``after`` or standing before it ("… / Name", "… (Name")."""
    out = []
    m = after.match(text, span.end)
    if m:
        end = _other_script_run(text, m.end(), 1)
        if end > m.end():
            out.append(Span(m.end(), end, label, score=SCORE_LOCAL, detector=DETECTOR))
    m = _BESIDE_BEFORE.search(text, max(0, span.start - 6), span.start)
    if m:
        start = _other_script_run(text, m.start(), -1)
        if start < m.start():
            out.append(Span(start, m.start(), label, score=SCORE_LOCAL, detector=DETECTOR))
    return out


def _other_script_run(text: str, at: int, step: int) -> int:
    """Where a run of words in another script than Latin or Greek, read from ``at`` in direction
    ``step``, ends (``at`` itself when there is none); at most 40 characters, within one line."""
    i, limit, last = at, 40, at
    while 0 <= (i if step > 0 else i - 1) < len(text) and limit:
        c = text[i] if step > 0 else text[i - 1]
        if _other_script(c) or unicodedata.category(c).startswith("M"):
            i += step  # a letter, a vowel sign, a virama
            last = i
        elif c in " \u200c\u200d":
            i += step  # a space between words, a joiner
        else:
            break
        limit -= 1
    return last


def _other_script(c: str) -> bool:
    return c.isalpha() and not unicodedata.name(c, "LATIN").startswith(("LATIN", "GREEK", "MODIFIER"))


def _nickname_between(text: str, first: Span, second: Span) -> bool:
    """'Tomasz "Tomek" Wierzbicki': a one-word nickname in quotes between two parts of a name, found as
    a name itself or not."""
    if _QUOTED_NICKNAME.fullmatch(text, first.end, second.start):
        return True
    if _OPENING_QUOTE.fullmatch(text, first.end, second.start):  # the nickname opens the second part
        return _NICKNAME_THEN_CLOSE.match(text, second.start) is not None
    if _CLOSING_QUOTE.fullmatch(text, first.end, second.start):  # the nickname ends the first part
        return _OPEN_THEN_NICKNAME.search(text, max(0, first.end - 24), first.end) is not None
    return False


def _uses(text: str, people: list[Span]) -> dict[str, set[int]]:
    """Where each word of the document's people stands (by ``name_key``): how often the document uses it."""
    out: dict[str, set[int]] = {}
    for s in people:
        if s.label == PERSON:
            for m in re.finditer(r"\S+", text[s.start : s.end]):
                out.setdefault(name_key(m.group()), set()).add(s.start + m.start())
    return out


def _join_adjacent(text: str, spans: list[Span]) -> list[Span]:
    """Join name parts separated by one space ("Ines" + "Vuković") or by a quoted nickname; drop duplicates."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        last = out[-1] if out else None
        if last and (
            s.start < last.end
            or (s.start - last.end == 1 and text[last.end] == " ")
            or _nickname_between(text, last, s)
        ):
            out[-1] = replace(last, end=max(last.end, s.end), score=max(last.score, s.score))
        else:
            out.append(Span(s.start, s.end, PERSON, score=s.score, detector=s.detector, reason=s.reason))
    return out
