"""What in a fragment is an identifier to replace, and of which kind; and nothing else.

Detected spans are taken with their kind checked against their own text: a holiday is a date, an ID
number is an ID, whatever the entity recogniser said; a "person" right after "outside" or "opposite"
is a building. Not replaced, because they identify no one: a lower-case dictionary word that is no
first name ("the next day", "fair enough"), a lone common word taken for a name, a place or
organisation written only with generic words ("the café", "ER", "carers"), dates without anything
specific (weekdays, "last week", "2pm", a holiday without a year). Identifiers known elsewhere in
the corpus (or in the key) but missed here are added where they stand written as names are
(capitalised, not at a sentence start when they are also words), and so are ages in the usual
shapes ("(34)", "aged 34").

A published composite must not keep a name that detection missed, so a fragment is also swept for
capitalised words that stand where only a person does: after a kinship or role word ("her brother
Caspian", "the OT Fen"), before one ("Fen the OT"), before "said", "rang", "'s mum" ..., after
"told", "asked", "met" ..., or as a known first name followed by a capitalised surname.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from qualdeid.compose.placeholders import Placeholders
from qualdeid.corpus.model import Document
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.processors import PLAN
from qualdeid.pseudonymise.identity import TITLES
from qualdeid.pseudonymise.people import RoleWords, age_of
from qualdeid.pseudonymise.surrogates import gender_table, nickname_table
from qualdeid.risk.identifiers import IdentifierHit, IdentifierIndex
from qualdeid.risk.wordplace import SENTENCE_START, SPEECH_OF_SOMEONE_IS, word_places, written_inside_sentence
from qualdeid.rules import Rules, alternation

_NAMED = ("PERSON", "LOCATION", "ORGANIZATION")
REPLACED = ("PERSON", "LOCATION", "ORGANIZATION", "CONTACT", "ID", "DATE_TIME", "AGE", "RARE_DETAIL")
#: An age below this is a childhood memory ("when I was ten"), not who someone is now.
CHILDHOOD = 13
#: The detector name of spaCy's entity recogniser, and how common a word it alone takes for a person
#: must be to be a thing rather than a name.
NER = "SpacyRecognizer"
THING_ZIPF = 3.5
#: A word opening a sentence before a name this common is an adverb ("Then", "Now"), not a title.
HONORIFIC_ZIPF = 5.0
#: A lone word this common in general English is a word, unless it is a known first name.
COMMON_ZIPF = 4.0
#: a word in lower case at least this frequent in English is a name only where a list says it can be one
LOWER_CASE_NAME_ZIPF = 3.0
#: A word this common, in no list of names or towns, opening a sentence is a word of the dictionary.
DICTIONARY_ZIPF = 2.5
#: ... and this common, even where a person's verb follows it ("Chaplain came"), if never capitalised elsewhere
ACTING_WORD_ZIPF = 3.0
#: A pronoun or function word ("She", "The", "Then"): never a short form of a longer name it begins.
FUNCTION_ZIPF = 6.0
#: A word after a name this common (function words, "got", "went") does not make the name its modifier
#: ("the Belling was on"; "the Kowalski house" is a family's house).
PHRASE_END_ZIPF = 5.9
#: a speaker's label opening a line of a chat or a transcript, maybe a handle ("mira.k: omg", "- tobiah: ok")
_SPEAKER = re.compile(r"(?m)^[ \t>*•-]*(?P<name>[^\W\d_][\w'’]*)(?:[._-][^\W_]+)*(?=[ \t]*:)")
#: a capital letter alone, as a person's initial can be ("told me about T when he was little"); not "A", "I", "O"
_LONE_CAPITAL = re.compile(r"(?<![\w.&/’'-])[B-HJ-NP-Z](?=['’]s\b|[ \t,;!?)]|\.(?:\s|$)|$)")
#: what follows a person written as one letter: a pronoun's clause, a possessive
_PERSON_CLAUSE_AFTER = re.compile(r"['’]s\s|\s+(?:when|who|and|because)\s+(?:he|she|they|i|we)\b", re.IGNORECASE)
_ABOUT_BEFORE = re.compile(r"\b(?:about|of|by)\s+$", re.IGNORECASE)
#: a capitalised form of address or title and the capitalised word after it, any letters ("Mama Oréla")
_ADDRESSED = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)\.?[ \t]+(?=([A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*)(?![\w-]))")
#: a word in lower case joined to the narrator: "me and wrenna", "wrenna and I", "wrenna and me"
_WITH_NARRATOR = re.compile(
    r"\b(?i:me|us)\s+and\s+([a-z][a-z'’-]*[a-z])(?![\w'’-])|(?<![\w'’-])([a-z][a-z'’-]*[a-z])\s+and\s+(?:I|me|myself)\b"
)
#: titles written only before a name: the one capital letter after them is the person's initial ("Dr. Q")
_NAME_ONLY_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof"}
#: ... a word after it this common in English, in no list of names, is a thing ("Nurse Practitioner")
ADDRESSED_ZIPF = 3.5
_AGE = re.compile(r"\(\s*(\d{1,3})\s*\)|\baged?\s+(?=\d)(\d{1,3})\b|\b(\d{1,3})(?=\s*(?:years?|yrs?)[ -]old\b)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: the end of a short phrase after a lower-case name: punctuation that ends it (not a handle's or address's dot),
#: a line break, or the end of the text
_PHRASE_END = r"[ \t]*(?:[.,;:!?)](?![\w@.-])|\n|$)"
_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
#: the initials of a surname right after a first name ("Tobiah Q.", "Tobiah Q-R", "Tobiah O'B", "Tobiah B came");
#: never the pronoun "I" or the article "A" alone
_SURNAME_INITIALS = re.compile(r" (?:[A-Z][-'’][A-Z]{1,2}(?![\w'’-])|[A-Z](?=\.(?!\w))|[B-HJ-Z](?= [a-z]))")
_CAPITALISED = re.compile(rf"(?<![\w'’-]){_NAME_WORD}(?:\s+{_NAME_WORD})?(?![\w-])")


_PLACE_BEFORE = re.compile(
    r"\b(?:from|to|in|into|near|towards|outside|around|back to|over to|up to)\s+$", re.IGNORECASE
)
#: a word in lower case, and one after it: a town written so ("from quenby", "to port quenby")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")
_NEXT_LOWER_WORD = re.compile(r"[ -][a-z]{3,}(?![\w'’-])")
#: what joins a second place to a first ("from quenby and even tarrowby")
_JOINED_BEFORE = re.compile(r"\s*(?:,|\s+(?:and|or))\s+(?:even\s+|also\s+)?$")
#: a word in lower case right after a person's name, rarer than this in English and in no dictionary: their
#: surname written carelessly ("kestra vollund")
SURNAME_AFTER_ZIPF = 1.5
_LOWER_SURNAME_AFTER = re.compile(r"[ \t]+([a-z][a-z'’-]{2,}[a-z])(?![\w'’-])")
#: a capitalised word this common in English, before what supporters wear, is the thing ("an Army blanket")
CLUB_WORD_ZIPF = 4.5
#: a word of a place's name written in lower case is that place's, not an everyday word, when rarer than this
#: (and in no dictionary)
LOWER_PLACE_WORD_ZIPF = 3.0
#: before a word, a determiner or a possessive makes it a noun ("the phone bill", "her text")
_NOUN_BEFORE = re.compile(r"(?:\b(?i:the|a|an|my|his|her|their|our|your|its)|\w['’]s)[ \t]+$")
_PLACE_OR_ON_BEFORE = re.compile(r"\b(?:on|from|to|in|into|near|off|at)\s+$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) $")
_NAME_AFTER = re.compile(r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-]*\.\s+[A-Z])(?=[\s,.;:!?)'’]|$)")
#: "is", "wasn't", "wasnt" (written without its apostrophe)
_AUXILIARY_AFTER = re.compile(r"\s+(?:is|was|has|had|does|did|will|would|can|could)(?:n['’]?t)?\b")
_KIND_AFTER = re.compile(r" ([a-z]{4,})(?![\w'’-])")
#: The number of a road after its name ("County Line Road 12"), not a count ("Mill Road 3 times").
_NUMBER_AFTER = re.compile(r" \d{1,4}(?![\w.,]\d|\w)(?!\s+(?:times|days|weeks|months|years|hours|minutes|am|pm)\b)")
_SUBJECT_BEFORE = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Tt]hey|[Hh]e|[Ss]he)\s+$")
#: a possessive right before a word: what follows is had by someone
_POSSESSED_BEFORE = re.compile(r"(?:[^\W\d_]['’]s|\b(?:my|his|her|their|our|your|its))\s+$", re.IGNORECASE)
#: "her mam Nan", "my brother, Petroc": a relative, then their name
_KIN_NAME = re.compile(r"\b(?:my|his|her|their|our|your)\s+([a-z]+),?\s+([A-Z][a-z]+)(?![\w'’-])")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)  # "drive a Snowcat": a thing
#: "a Snorkelmatic", "a small Brackwater Saint on the shelf": one of many things, no one's place or body
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
#: "the Belling on": a thing by its maker's name; "at the Belling": a venue
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_VENUE_BEFORE = re.compile(
    r"\b(?:at|to|in|into|inside|outside|near|opposite|from|behind|past|towards)\s+the\s+$", re.IGNORECASE
)
#: "left the keys in his Corolla", "on her Fitbit": nobody is in or on a person
_OWNED_BEFORE = re.compile(r"\b(?:in|into|inside|on|onto|under|off)\s+(?:his|her|my|their|our|your)\s+$", re.IGNORECASE)
#: "when he was nineteen", "until she was fifty-two", "she was seventeen when ...": an age of the past, not
#: who someone is now
_PAST_AGE_BEFORE = re.compile(
    r"\b(?:[Ww]hen|[Tt]ill|[Uu]ntil|[Bb]efore|by the time)\s+(?:I|you|he|she|they|we|[A-Z][a-z]+)\s+(?:was|were)\s+$"
)
#: "the under-9s", "the over-60s": an age group (a team, a class), however detection read it
_AGE_GROUP = re.compile(r"(?:the\s+)?(?:under|over)[- ]?\d{1,2}['’]?s", re.IGNORECASE)
#: "the 41", "43": a number alone, with nothing that says what it numbers
_NUMBER_ALONE = re.compile(r"(?:the\s+)?\d{1,4}", re.IGNORECASE)
#: "ATMs", "DVDs": the plural of an abbreviation, many of a thing
_PLURAL_ABBREVIATION = re.compile(r"[A-Z]{2,5}['’]?s")
#: "seventies", "late 70s", "the mid-eighties": a decade, an age only after a possessive ("in her seventies")
#: how long something lasts: a number or a range of numbers and a unit of time ("4-5 hrs", "eleven days")
_DURATION = re.compile(
    r"(?:about\s+|around\s+|over\s+|under\s+)?\d{1,3}(?:\s*(?:-|–|to)\s*\d{1,3})?\s*"
    r"(?:hours?|hrs?|minutes?|mins?|days?|nights?|weeks?|wks?|months?)",
    re.IGNORECASE,
)
#: a quantity before a word ("some", "any more"): a thing counted or measured, never a person
_QUANTITY_BEFORE = re.compile(r"\b(?:some|any|any\s+more|no\s+more|more|enough|plenty\s+of)\s+$", re.IGNORECASE)
#: the devotional names of a religion's figures ("Our Lady of ...", "Our Lord", "Saint ...")
_DEVOTIONAL = re.compile(r"(?:Our\s+(?:Lady|Lord|Saviour|Savior|Mother)|Saint|St\.?)\s", re.IGNORECASE)
#: a title and one letter ("dr q", "Mr. Q"), the letter no word of its own ("a", "I")
_TITLED_INITIAL = re.compile(r"(?<![\w'’])(?i:dr|mr|mrs|ms|mx)\.?[ \t]+(?![aAI]\b)[A-Za-z]\.?(?![\w'’-])")
_DECADE = re.compile(r"(?:(?:early|mid|late)[- ]?)?(?:[a-z]+ties|teens|\d0['’]?s)", re.IGNORECASE)
#: "3 Calle de Quillan", "14b Tarrow Row": a house number, then capitalised words (short joining words of
#: street names in other languages between them: "y", "de", "la")
_HOUSE_NUMBER = re.compile(
    r"(?<![\w.,:/])\d{1,4}[A-Za-z]?,?\s+[A-Z][\w'’-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’-]+){0,3}(?![\w'’-])"
)
_TOWN_AFTER = re.compile(r",\s+([A-Z][a-z]+(?:[-'’][A-Za-z]+)*(?:\s+[A-Z][a-z]+)?)(?![\w'’-])")
_TOWN_IN = re.compile(r"\s+in\s+([A-Z][a-z]+(?:[-'’][A-Za-z]+)*(?:\s+[A-Z][a-z]+)?)(?![\w'’-])")
_ALIAS_AFTER = re.compile(
    r"\s*\(\s*(?:(?:née|nee|aka|formerly)\s+)?([A-Z][a-z]+(?:[-'’][A-Za-z]+)*(?:\s+[A-Z][a-z]+)?)(?![\w'’-])"
)
#: the rest of a place's or body's name that the entity recogniser cut after its first word ("Port" of
#: "Port of Quillan"): "of", then one or two capitalised words
_OF_NAME_AFTER = re.compile(r" of (?:the )?[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*)?(?![\w'’-])")
#: a title in quotation marks that opens with an article: '"The Tarrow Teapot"', '‘A Wet Morning’'
_QUOTED_TITLE = re.compile(r"[\"“‘](?:The|A|An)(?: (?:of |the |and |in )*[A-Z][\w'’-]*){1,6}[\"”’](?![\w])")
#: capitalised words in quotation marks, the last of them taken apart: '"Tarrow Quill Polka"' is a tune
_QUOTED = re.compile(r"[\"“][^\"“”\n]{1,60}[\"”]")
#: 'when "Tarrow Bells" came on': a song that plays
_PLAYS_AFTER = re.compile(r"\s+(?:came|comes|come)\s+on\b|\s+(?:was|is)\s+playing\b|\s+started\s+playing\b")
_QUOTED_RUN = re.compile(r"[\"“‘]((?:[A-Z][\w'’-]* (?:(?:of|the|and|in) )*){0,5})([A-Z][a-z]+)[\"”’](?![\w])")
_PAST_AGE_FRAME = re.compile(r"\b(?:was|were)\s+$"), re.compile(r"\s+when\b")


@dataclass(frozen=True, slots=True)
class Target:
    """An identifier of a fragment: document offsets, kind, and how it was found."""

    start: int
    end: int
    label: str
    found: str  # "detected", "corpus", "key", "age shape", "person frame", "lower-case name" ...
    reason: str = ""  # the detector's reason (rare details)


class Targets:
    def __init__(self, rules_dirs: Iterable[Path], placeholders: Placeholders, role_words: RoleWords) -> None:
        self.rules_dirs = list(rules_dirs)
        self.placeholders = placeholders
        self.role_words = role_words
        self.first_names = set(gender_table()) | set(nickname_table(tuple(self.rules_dirs)))
        self.first_names |= {f for forms in nickname_table(tuple(self.rules_dirs)).values() for f in forms}
        rules = Rules(self.rules_dirs)
        words = rules.lists("compose/context.yaml")
        self.calendar = rules.lists("lexicons/calendar.yaml")
        self.word_places = word_places(tuple(self.rules_dirs))
        #: "Highway 417", "Route 9", "State Highway 2": a road by its number.
        roads = alternation(rules.words("lexicons/numbered_roads.txt"))
        self._numbered_road = re.compile(rf"\b(?:State\s+)?(?:{roads})\s+\d{{1,4}}\b")
        #: "the 7th Battalion", "2/9th Field Regiment", "Third Squadron": a unit of the armed forces by its number
        units = "|".join(
            r"[ \t]+".join(w.capitalize() for w in u.split())
            for u in sorted(words["military_units"], key=len, reverse=True)
        )
        self._military_unit = re.compile(
            r"(?<![\w/])(?:\d{1,3}/)?(?:\d{1,3}(?:st|nd|rd|th)?|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|"
            r"Eighth|Ninth|Tenth|Eleventh|Twelfth))"
            rf"(?:[ \t]+[A-Z][a-z]+){{0,2}}?[ \t]+(?:{units})(?![\w'’-])"
        )
        #: "a Quillmoor scarf", "an old Tarrowby Rovers jersey": a club or team, by what its supporters wear
        self.club_things = re.compile(rf"[ \t]+(?i:{_literal(words['club_things'])})\b")
        self._club_before = re.compile(
            rf"(?<![\w'’-])((?:[A-Z][a-z]+[ \t]){{0,2}}[A-Z][a-z]+)(?={self.club_things.pattern})"
        )
        #: "lives in Site D", "back to Zone 4", "Mill Road, Block F": a part of a town named by a letter or a
        #: number, after a word of place or a comma (not "Section B of the form")
        self._lettered_area = re.compile(
            r"(?:\b(?i:in|into|from|to|at|near|off|outside|around)\s+(?:the\s+)?|,\s+)"
            rf"((?:{_literal(w.capitalize() for w in words['lettered_areas'])})\s+(?:[A-Z]|\d{{1,3}}[A-Z]?))"
            r"(?![\w'’-])(?!\s+of\b)"
        )
        months = self.calendar.pattern("months", "months_short")
        self.specific_date = re.compile(rf"\d|\b(?:{months})\b\.?\s+\d|birthday", re.IGNORECASE)
        #: "1200 acres", "slept 13 hrs": a number before a unit is a quantity, no one's number
        self.quantity_after = re.compile(rf"\s+(?:{_literal(words['quantity_units'])})\b", re.IGNORECASE)
        self.building_before = re.compile(
            rf"\b(?:{_literal(words['building_before'])}|(?:{_literal(words['staying_verbs'])})\s+(?:at|to|into|in))\s+$",
            re.IGNORECASE,
        )
        #: "Quill Street Walkers, the peer group that meets ...": the name is a group's
        self.group_after = re.compile(
            rf",\s+(?:the|a|an|our|their)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_literal(words['group_after'])})"
            r"(?=\s*(?:[,.;:)!?]|$|\s+(?:that|which|where|who|for|at|in|on|of|run|we|she|he|they|i)\b))",
            re.IGNORECASE,
        )
        #: "out by Quellow", "north of Quellow"; "farmed near Quellow": a town or area
        self.area_before = re.compile(rf"\b(?:{_literal(words['area_before'])})\s+$", re.IGNORECASE)
        self.near_living = re.compile(
            rf"\b(?:{_literal(words['near_living_words'])})\b[^.!?;\n]*\bnear\s+$", re.IGNORECASE
        )
        #: "Dot said", "Dot's mum": a person speaks, acts or has
        self.speaks_after = re.compile(
            rf"(?:['’]s\s+(?:{_literal(words['possessed_after'])})\b|\s+(?:{_literal(words['speaks_after'])})\b)",
            re.IGNORECASE,
        )
        #: A verb right after a word: "Win turned 59", "Dot said".
        self.acts_after = re.compile(
            rf"(?:['’]s\s|\s+(?:[a-z]+ed|{_literal(words['past_after'])}|(?!is\b|was\b|has\b|does\b)[a-z]{{3,}}s)\b)"
        )
        #: a verb in the past tense: "was", "had", "-ed", or an irregular past of context.yaml past_after
        self._past_verb = re.compile(
            rf"\b(?:was|were|had|did|[a-z]{{3,}}ed|{_literal(words['past_after'])})\b", re.IGNORECASE
        )
        self.person_before = re.compile(rf"\b(?:{_literal(words['person_before'])})\s+$", re.IGNORECASE)
        self.person_only_before = re.compile(rf"\b(?:{_literal(words['person_only_before'])})\s+$", re.IGNORECASE)
        #: "a trainer at X", "works at X", "works for X": a person's name there is an employer's.
        self.employer_before = re.compile(
            rf"(?:\b(?:a|an|the|some|my|his|her|their|our)\s+[a-z]+\s+at|\b(?:{_literal(words['employment_before'])})\s+at"
            r"|\b(?:work|works|worked|working)\s+for)"
            r"\s+$",
            re.IGNORECASE,
        )
        #: Words after a name at the start of a sentence that make it a person, not a word ("Hope said ...").
        next_words = alternation(words["person_next"], space=r"\s+")  # "and I"
        self.person_next = re.compile(rf"\s+(?:{next_words})\b", re.IGNORECASE)
        self.not_name_words = words["not_names"]
        self._people_suffix = re.compile(rf"[A-Z][a-z]{{3,}}(?:{_literal(words['people_suffixes'])})")
        #: after a lower-case name that is also a word, it is a person present ("having honor there helped")
        self.present_after = set(words["present_after"])
        #: before a lower-case name as its object, a person is reached ("texted sorrel after")
        self.contact_verbs = set(words["contact_verbs"])
        #: "met ondine at the gate", "texted oswin again.": a word in lower case right after a contact verb,
        #: then the end of the phrase
        self._reached_lower = re.compile(
            rf"\b(?i:{_literal(words['contact_verbs'])})[ \t]+([a-z][a-z'’-]*[a-z])"
            rf"(?={_PHRASE_END}|[ \t]+(?i:{_literal(words['name_end_after_contact'])})\b)"
        )
        #: "showed thaddeus the garden", "gave oswin a lift": the person given something, before what is given
        self._given_lower = re.compile(
            rf"\b(?i:{_literal(words['giving_verbs'])})[ \t]+([a-z][a-z'’-]*[a-z])"
            r"(?=[ \t]+(?:the|a|an|his|her|their|my|our|some|this|that|your)\b)"
        )
        #: "(Rain on his passport", "(Rain, on the lease": a name as a document has it, whatever word it is
        self._alias_document_after = re.compile(
            rf",?[ \t]+(?:on|in)[ \t]+(?:the|his|her|their|its|my|our|a|an)[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?"
            rf"(?i:{_literal(words['alias_documents'])})\b"
        )
        #: "ysolde and the other carer went": a word in lower case joined to a role (checked by role_of)
        self._with_role_lower = re.compile(
            r"(?<![\w'’-])([a-z][a-z'’-]*[a-z])[ \t]+and[ \t]+(?:the|his|her|my|our|their)[ \t]+(?:other[ \t]+)?"
            r"([a-z]+)\b"
        )
        #: "mentioned to ondine after", "suggest to oswin we try": a word in lower case spoken to
        self._spoken_to_lower = re.compile(
            rf"\b(?i:{_literal(words['speaking_to_verbs'])})[ \t]+to[ \t]+([a-z][a-z'’-]*[a-z])"
            rf"(?={_PHRASE_END}|[ \t]+(?i:{_literal(words['name_end_after_speaking'])})\b"
            r"|[ \t]+(?:i|we|you|he|she|they|that)\b)"
        )
        #: "ysolde said she would": a word in lower case right before a verb of speaking
        self._speaking_lower = re.compile(
            rf"(?<![\w'’-])([a-z][a-z'’-]*[a-z])(?=[ \t]+(?:{_literal(words['lower_case_speech'])})\b)"
        )
        #: "Wee Quorra", "Young Pellam": a word that is part of the name it stands before, however written
        self._nickname_prefix = re.compile(rf"\b(?:{_literal(words['nickname_prefixes'])})\s$", re.IGNORECASE)
        #: titles and kin words ("Aunty", "Nanna", "Ma"): a form of address, not a name, when alone
        self.forms_of_address = (
            rules.words("names/titles.txt", lower=True)
            | rules.words("lexicons/relatives.txt", lower=True)
            | rules.words("lexicons/kin_terms.txt", lower=True)  # what relatives are called in other languages
        )
        self.sentence_openers = words["sentence_openers"]
        self.event_heads = words["event_heads"]
        self.body_heads = rules.words("lexicons/body_types.txt", lower=True)  # detection drops the same bodies
        self.programme_words = words["programme_after"]
        self.compass = rules.lists("lexicons/places.yaml")["compass_words"]
        self.compass_heads = words["compass_heads"]
        self.place_heads = words["place_heads"]
        self._programme_after = re.compile(rf"\s+(?:{_literal(self.programme_words)})\b", re.IGNORECASE)
        self.work_heads = words["work_heads"]
        self.entitlement_heads = set(words["entitlement_heads"])
        #: "explained to her in Quenyan", "leaflets in Quenyan": a language after "in", in a sentence about words
        self._language_in_before = re.compile(
            rf"\b(?:{_literal(words['language_in_words'])})(?:\s+[\w'’]+){{0,2}}\s+in\s+$", re.IGNORECASE
        )
        self._language_before = re.compile(
            rf"\b(?:{_literal(words['language_verbs'])})\s+(?:(?:a\s+)?(?:bit|little|lot|word)\s+(?:of\s+)?|some\s+|"
            r"fluent\s+|in\s+)?$",
            re.IGNORECASE,
        )
        #: "played the Tarrow Rovers" is a team; "sang the Quillan Psalm" a song
        sung = [w for w in words["work_verbs"] if w not in words["team_verbs"]]
        self._work_verb_before = re.compile(
            rf"\b(?:(?:{_literal(words['work_verbs'])})|(?:{_literal(sung)})\s+the)\s+$", re.IGNORECASE
        )
        #: "she's playing GK for the school": capitals right after a verb of playing are a position or a game
        self._position_before = re.compile(rf"\b(?:{_literal(words['team_verbs'])})\s+$", re.IGNORECASE)
        #: "her UK passport", "his NZ licence": capitals before what a country or agency issues are the issuer
        self._issued_after = re.compile(rf"\s+(?:{_literal(words['issued_things'])})\b", re.IGNORECASE)
        self._person_after_work_verb = re.compile(rf"\s+(?:{_literal(words['work_verb_person_after'])})\b")
        #: 'sang "Tarrow Bells"', 'hummed a little of "Quill, Quill"': the quotation right after the verb is a title
        self._sung_quote_before = re.compile(
            rf"\b(?:{_literal(sung)})(?:\s+(?:a\s+(?:little|bit|verse|line)\s+of|some\s+of|along\s+to))?\s+[\"“]$",
            re.IGNORECASE,
        )
        self._address_before = re.compile(
            rf"\b(?:(?:{_literal(words['staying_verbs'])})\s+(?:at|to|into|in)|address(?:\s+is)?:?)\s+$", re.IGNORECASE
        )
        self.venue_after = set(words["venue_after"])
        #: "the plane from Tarrowby", "flew back to Tarrowby": where a journey starts or ends is a place
        self._journey_before = re.compile(
            rf"\b(?:{_literal(words['journey_words'])})\s+(?:\w+\s+)?(?:from|to|into|out of)\s+$", re.IGNORECASE
        )
        self._own_story = re.compile(rf"\b(?:{_literal(words['own_story'])})\b(?:\s+[\w'’-]+){{0,3}}", re.IGNORECASE)
        #: "the one Quarrie basket", "Quarrie's syndrome": a thing or condition named after someone
        self._eponym_after = re.compile(rf"(?:['’]s)?\s+(?:{_literal(words['eponym_heads'])})\b")
        #: "the QUOLL family day", "Tarrow week": a public event named after its day or week
        events = _literal(words["event_after"])
        self._event_after = re.compile(rf"\s+(?:{events})\b")
        self._acronym_event_after = re.compile(rf"(?:\s+[a-z]+){{0,2}}\s+(?:{events})\b")
        self.family_places = set(words["family_places"])
        #: "a small statue of", "a prayer to": what follows is who the image shows
        self._depicted_before = re.compile(rf"\b(?:{_literal(words['depiction_words'])})s?\s+(?:of|to)\s+$", re.I)
        heads = [v for w in words["history_heads"] for v in (w, w.capitalize())]
        self._history_after = re.compile(rf"\s+(?:{_literal(heads)})\b")
        #: "Black men", "Deaf people": what people are, before a plural noun of people
        self._people_noun_after = re.compile(rf"\s+(?:{_literal(words['people_nouns'])})\b")

    @cached_property
    def generic(self) -> set[str]:
        rules = Rules(self.rules_dirs)
        words = rules.words("lexicons/generic_places.txt", lower=True)
        for name in ("pseudonymise/place_words.txt", "lexicons/venue_types.txt", "lexicons/org_types.txt"):
            words |= rules.words(name, lower=True)
        return words | rules.words("lexicons/role_abbreviations.txt", lower=True) | {"the"}

    @cached_property
    def generic_of_names(self) -> set[str]:
        """``generic``, with the words that make no venue or organisation name specific on their own
        (lexicons/generic_name_words.txt, as detection reads it: "the Deaf club", "Halfway House"),
        but for those that are also people's names ("Foster")."""
        words = Rules(self.rules_dirs).words("lexicons/generic_name_words.txt", lower=True)
        return self.generic | (words - self.listed_names - self.surnames - self.word_names)

    @cached_property
    def venue_types(self) -> set[str]:
        """Kinds of building or service that can follow a name in lower case ("the Tamar River ward")."""
        rules = Rules(self.rules_dirs)
        words = rules.words("lexicons/venue_types.txt", lower=True) | rules.words("lexicons/org_types.txt", lower=True)
        return {w for w in words if len(w) >= 4} - set(self.programme_words)  # "the Quillan Trust group": a group of it

    @cached_property
    def surnames(self) -> set[str]:
        rules = Rules(self.rules_dirs)
        return rules.words("names/surnames.txt", lower=True) | rules.words("names/surname_words.txt", lower=True)

    @cached_property
    def street_types(self) -> set[str]:
        return Rules(self.rules_dirs).words("lexicons/street_types.txt", lower=True)

    @cached_property
    def not_initials(self) -> set[str]:
        """Upper-case abbreviations that are never a person's initials ("GP", "ID"), as detection reads them."""
        schemes = {w.upper() for w in self.placeholders.id_schemes}
        return Rules(self.rules_dirs).words("names/not_initials.txt") | schemes

    @cached_property
    def word_names(self) -> set[str]:
        return Rules(self.rules_dirs).words("names/word_names.txt", lower=True)

    @cached_property
    def listed_names(self) -> set[str]:
        rules = Rules(self.rules_dirs)
        return self.first_names | rules.words("names/first_names.txt", lower=True)

    @cached_property
    def name_words(self) -> set[str]:
        """Words that are names somewhere outside this corpus: listed given names, word-names, surnames."""
        return self.listed_names | self.word_names | self.surnames

    def lower_case_name(self, word: str) -> bool:
        """A word written in lower case may be someone's name: a listed name ("wren", "honor"), or a word
        everyday English does not have ("kasha"). An everyday word no list holds as a name ("kettle",
        "pantry") is the word, though the entity recogniser once took it for a person in the corpus."""
        low = word.lower()
        return low in self.name_words or zipf(low) < LOWER_CASE_NAME_ZIPF

    @cached_property
    def languages(self) -> set[str]:
        return Rules(self.rules_dirs).words("rare/language.txt", lower=True)

    @cached_property
    def not_names(self) -> set[str]:
        """Capitalised words that are never a person's name here: places above a town, holidays, months."""
        rules = Rules(self.rules_dirs)
        words = rules.words("lexicons/not_places.txt", lower=True) | self.placeholders.holidays | self.generic
        peoples = rules.words("lexicons/peoples.txt", lower=True)
        words |= self.languages | peoples | {p + "s" for p in peoples}  # "in Mohawk": a language; "other Fijians"
        words |= {w for w in self.placeholders.id_schemes if len(w) > 4}  # "Medicare"; "Chi" is also a name
        words |= self.not_name_words | set().union(
            # format: keys of lexicons/calendar.yaml
            *(self.calendar[k] for k in ("months", "months_short", "weekdays", "feasts"))
        )
        words |= {d.lower() + "s" for d in self.calendar["weekdays"]}  # "on Thursdays": every week, no one's name
        # "let the Anglicans in", "two Veterans": the members of a faith or a kind of service, many people, no body
        plural = {w + "s" for w in rules.words("lexicons/generic_name_words.txt", lower=True) if w.isalpha()}
        words |= plural - self.listed_names - self.surnames
        return words | rules.words("lexicons/role_abbreviations.txt", lower=True) | self.negative_auxiliaries

    @cached_property
    def never_words(self) -> frozenset[str]:
        """What detection never takes for an identifier on its own (rules/detect.yaml ``never_identifiers``:
        kinship words of other languages, dialect spellings, praise said in passing, clinical and legal
        terms ...), lower case and without accents: "Ubaba rang at noon", "Subhanallah the bus was on time"."""
        rules = Rules(self.rules_dirs)
        return frozenset(
            _plain(w) for name in rules.lists(PLAN)["never_identifiers"] for w in rules.words(f"lexicons/{name}")
        )

    def form_of_address(self, value: str) -> bool:
        """What someone is called rather than their name, a title or what a relative is called in any language
        ("auntie", "ouma", "sis"): never a person's name on its own in lower case, though a person of the
        account is named with it ("Auntie Quill")."""
        low = re.sub(r"['’]s?$", "", value.strip()).lower()
        return low in self.forms_of_address or low in TITLES or self.never_word(low)

    def never_word(self, value: str) -> bool:
        """``value`` (a possessive allowed) is wholly one of :attr:`never_words`."""
        return _plain(re.sub(r"['’]s?$", "", value.strip())) in self.never_words

    @cached_property
    def negative_auxiliaries(self) -> set[str]:
        """An auxiliary verb with a negative ending as dialect or haste writes it ("shouldnae", "wouldna",
        "mustna"), less any that a list holds as a name."""
        words = Rules(self.rules_dirs).lists("compose/context.yaml")
        made = {a + e for a in words["negative_auxiliaries"] for e in words["negative_endings"]}
        return made - self.name_words - self.placeholders.towns

    def _role_phrase_before(self, text: str, start: int) -> bool:
        """A role word right before ``start``, in the same sentence ("her brother Caspian"; not
        "... since admission. Caspian")."""
        window = re.split(r"[.!?;:\n…]", text[max(0, start - 40) : start])[-1]
        before = [w.lower() for w in _WORD.findall(window)][-3:]
        return any(self.role_words.role_of(" ".join(before[-n:])) for n in (1, 2, 3) if len(before) >= n)

    def _role_phrase_after(self, text: str, end: int) -> bool:
        m = re.match(
            r"\s*(?:,|\()?\s*(?:the|our|my|his|her|their)\s+([a-z]+(?:\s+[a-z]+)?)", text[end : end + 40], re.IGNORECASE
        )
        if not m:
            return False
        words = m.group(1).lower().split()
        return any(self.role_words.role_of(" ".join(words[:n])) for n in (2, 1) if len(words) >= n)

    def sweep(self, text: str, start: int, end: int, taken: list[Target], known: Iterable[str] = ()) -> list[Target]:
        """Names detection missed in ``text[start:end]``, found where only a person stands; ``known``
        are the first names of the document's people, whose short forms ("Win" for "Winnie") are
        names wherever a verb follows them ("Win turned 59")."""
        out: list[Target] = []
        known = {k.lower() for k in known}
        for m in _CAPITALISED.finditer(text, start, end):
            a, b = m.start(), m.end()
            words = m.group().split()
            if any(t.start < b and a < t.end for t in taken):
                continue
            if _ARTICLE_BEFORE.search(text[max(0, a - 4) : a]):
                continue  # "got a Quorvo Fizz": one of many things, a drink or a car, not a person
            if self.product_at(text, a, b):
                continue  # "a packet of Quorvo Crisps": a product by its brand, not a person's full name
            if len(words) == 1 and words[0].endswith("s") and _COUNTED_BEFORE.search(text[max(0, a - 30) : a]):
                continue  # "two old Quillhorns came over": many of a kind, not one person
            if (
                len(words) == 2
                and words[1].lower() in self.place_heads
                and _PLACE_OR_ON_BEFORE.search(text[max(0, a - 12) : a])
            ):
                out.append(Target(a, b, "LOCATION", "place frame"))  # "grew up on Friday Island"
                continue
            if len(words) == 2 and zipf(words[0].lower()) >= 4.5:  # "Then Ysolde"
                a, words = b - len(words[1]), words[1:]
            if any(t.start < b and a < t.end for t in taken):
                continue
            # "She'd", "We'll": a pronoun with its verb, never a short form of "Sheila" or "Wellesley"
            lows = [re.sub(r"['’](?:s|d|ll|ve|re|m)?$", "", w).lower() for w in words]
            if (  # "Oct came out at six" in the account of an Octavia: her short form, though it is a month's too
                len(lows) == 1
                and lows[0] in self.calendar["months_short"]
                and any(k != lows[0] and k.startswith(lows[0]) for k in known)
                and self.acts_after.match(text, b)
            ):
                out.append(Target(a, b, "PERSON", "person frame"))
                continue
            if any(w in self.not_names or w in TITLES for w in lows) or " ".join(lows) in self.not_names:
                continue
            if self.never_word(" ".join(words)):
                continue  # "Ubaba rang at noon": a kinship word before what a person does, no one's name
            title = re.search(r"\b([A-Z][a-z]+)\.?[ \t]+$", text[max(0, a - 16) : a])
            if title and (title.group(1).lower() in TITLES or title.group(1).lower() in self.forms_of_address):
                continue  # "the Nurse Practitioner", "Mama Oréla": the name after a title is addressed()'s to judge
            quoted = text[a - 1 : a] in ('"', "“", "‘")
            if (quoted or _THE_BEFORE.search(text[max(0, a - 5) : a])) and self.title_of_work(text, a, b):
                continue  # "sang the Quillan Psalm": a song's title ("played Tobiah Quennell" stays a person)
            if self.entitlement(_capitalised_run(text, a, b)):
                continue  # "the Study Support Bursary": a benefit, not a person's name
            if _PLACE_BEFORE.search(text[max(0, a - 12) : a]) and " ".join(lows) in self.placeholders.towns:
                out.append(Target(a, b, "LOCATION", "place frame"))  # "drove in from Brackenfold"
                continue
            short_form = (
                len(lows) == 1
                and (lows[0] in self.listed_names or zipf(lows[0]) < FUNCTION_ZIPF)  # not "She" of "Sheldon"
                # two letters only when a list of names has them ("Jo" of "Jolyon"; not "Ha" of "Hamish")
                and (len(lows[0]) >= 3 or lows[0] in self.listed_names)
                and any(k != lows[0] and k.startswith(lows[0]) for k in known)
                and bool(self.acts_after.match(text, b))
            )
            if short_form:
                out.append(Target(a, b, "PERSON", "person frame"))
                continue
            first_known = lows[0] in self.listed_names
            rare = all(zipf(w) < COMMON_ZIPF + 0.3 for w in lows)
            initial = bool(SENTENCE_START.search(text[max(0, a - 3) : a]))
            if not initial and self._role_phrase_before(text, a) and self._acts(text, b):
                # "her sister Bonny rang": a capital inside a sentence, between a role and what a person
                # does, is a name however common the word
                out.append(Target(a, b, "PERSON", "person frame"))
                continue
            if not rare and not first_known:
                continue
            if initial and not first_known and self._dictionary_word_opening(text, a, b, lows, towns=False):
                continue  # "Chaplain came by at ten", "Heron sat on the rail" (a word some town is named too): a word
                # of the dictionary, never a capital inside a sentence, and no person
            surname = len(words) == 2 and zipf(lows[1]) < COMMON_ZIPF
            full_name = surname and (first_known or zipf(lows[0]) < 3.5)
            framed = (
                self._role_phrase_before(text, a)
                or self._role_phrase_after(text, b)
                or bool(self.speaks_after.match(text, b))
                or (not initial and bool(self.person_before.search(text[max(0, a - 12) : a])) and first_known)
            )
            if full_name or (framed and (rare or first_known)):
                out.append(Target(a, b, "PERSON", "person frame"))
        return out

    @cached_property
    def everyday_spellings(self) -> set[str]:
        """Words of chats and other languages the dictionary lacks ("arvo", "whanau"): never a name's part."""
        rules = Rules(self.rules_dirs)
        return rules.words("lexicons/text_speak.txt", lower=True) | rules.words("lexicons/te_reo_maori.txt", lower=True)

    def lower_case_towns(
        self,
        text: str,
        start: int,
        end: int,
        taken: list[Target],
        known_places: set[str],
        is_word: Callable[[str], bool],
    ) -> list[Target]:
        """Towns written in lower case where a place stands, after "from", "in", "to" ...: a town of the
        lists (``lexicons/towns.txt``) that the corpus or the key holds as a place ("drove up from quenby",
        beside a Quenby detected elsewhere), and one joined to it by "and" or "or" that no word of the
        dictionary spells ("from quenby and even tarrowby"). "from bath", "to reading" stay the words they are
        unless the corpus names such a town."""
        out: list[Target] = []
        for m in _LOWER_WORD.finditer(text, start, end):
            a = m.start()
            if (out and a < out[-1].end) or any(t.start < m.end() and a < t.end for t in taken):
                continue
            before = text[max(0, a - 16) : a]
            joined = _JOINED_BEFORE.search(before)
            follows = bool(joined and out and out[-1].end == a - len(joined.group()))
            if not (follows or _PLACE_BEFORE.search(before)):
                continue
            two = _NEXT_LOWER_WORD.match(text, m.end(), end)
            for b in (two.end(), m.end()) if two else (m.end(),):  # two words, then one
                value = text[a:b]
                if value not in self.placeholders.towns or value in self.listed_names:
                    continue
                if value in known_places or (follows and not is_word(value)):
                    out.append(Target(a, b, "LOCATION", "lower-case town"))
                    break
        return out

    def lower_case_coordinated(
        self, text: str, start: int, end: int, taken: list[Target], in_dictionary: Callable[[str], bool]
    ) -> list[Target]:
        """A word in lower case joined to the narrator by "and" ("sat with me and wrenna", "wrenna and I went")
        is a person written carelessly, when no dictionary, list of everyday spellings or form of address
        knows it ("me and nan", "me and the kids" stay)."""
        out: list[Target] = []
        for m in _WITH_NARRATOR.finditer(text, start, end):
            g = 1 if m.group(1) else 2
            a, b = m.start(g), m.end(g)
            low = m.group(g)
            if any(t.start < b and a < t.end for t in taken + out) or (len(low) < 3 and low not in self.listed_names):
                continue  # "me and bf": two letters only when a list of names has them ("jo")
            if low in STOP_WORDS or low in self.forms_of_address or low in TITLES or low in self.everyday_spellings:
                continue
            if low in self.not_names or low in self.not_name_words or in_dictionary(low) or self.people_word(low):
                continue
            out.append(Target(a, b, "PERSON", "lower-case name"))
        return out

    def clubs(self, text: str, start: int, end: int, taken: list[Target]) -> list[Target]:
        """A club or team named before what its supporters wear ("a Quillmoor scarf", "an old Tarrowby Rovers
        jersey"), not a people, country, holiday or everyday word ("a Scottish scarf", "a Christmas jersey",
        "an Army blanket"), nor a word opening its sentence."""
        out: list[Target] = []
        for m in self._club_before.finditer(text, start, end):
            a, b = m.span(1)
            words = m.group(1).split()
            if any(t.start < b and a < t.end for t in taken + out) or SENTENCE_START.search(text[max(0, a - 3) : a]):
                continue
            if any(w.lower() in self.not_names or self.people_word(w) for w in words):
                continue
            if all(zipf(w.lower()) >= CLUB_WORD_ZIPF for w in words):
                continue  # "an Army blanket", "a Police jersey": the thing itself, not a club's name
            out.append(Target(a, b, "ORGANIZATION", "club frame"))
        return out

    def lower_case_reached(self, text: str, start: int, end: int, taken: list[Target]) -> list[Target]:
        """A listed first name written in lower case right after a verb of reaching someone, where the
        phrase ends ("met thaddeus at the gate", "texted ximena again."), right before a verb of speaking
        ("ximena said she would"), spoken to ("mentioned to ximena after"), given something ("showed ximena the
        garden") or joined to a role ("ximena and the other carer went"): the person met, speaking, spoken to,
        given to or with others, however written,
        though no account spells the name with a capital ("met friends there", "rang back later" stay)."""
        out: list[Target] = []
        found = [
            *self._reached_lower.finditer(text, start, end),
            # "gave hope a chance", "showed grace the door": an everyday word given, so only a rare one is a name
            *(m for m in self._given_lower.finditer(text, start, end) if zipf(m.group(1)) < GIVEN_NAME_ZIPF),
            *self._speaking_lower.finditer(text, start, end),
            *self._spoken_to_lower.finditer(text, start, end),
            *(m for m in self._with_role_lower.finditer(text, start, end) if self.role_words.role_of(m.group(2))),
        ]
        for m in sorted(found, key=lambda m: m.start(1)):
            a, b = m.span(1)
            low = m.group(1)
            if b > end or any(t.start < b and a < t.end for t in taken + out) or low not in self.listed_names:
                continue
            if _NOUN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "the phone bill.", "her grace said": a noun here
            if low in self.forms_of_address or low in TITLES or low in self.everyday_spellings:
                continue  # "rang nan today", "texted bro again" ("will" of the stop words is a listed name)
            if low in self.not_names or low in self.not_name_words or self.people_word(low):
                continue  # "visited june", "met sunday": a month, a day, a people
            out.append(Target(a, b, "PERSON", "lower-case name"))
        return out

    def lower_case_surname(self, text: str, t: Target, stop: int, in_dictionary: Callable[[str], bool]) -> Target:
        """A person's target with the surname written in lower case after it ("met kestra vollund", "Kestra
        vollund is 30"): a word no dictionary, word list or chat spelling has, and rare in English."""
        m = _LOWER_SURNAME_AFTER.match(text, t.end, stop)
        if not m:
            return t
        word = m.group(1)
        if in_dictionary(word) or word in self.everyday_spellings or zipf(word) >= SURNAME_AFTER_ZIPF:
            return t
        return Target(t.start, m.end(), t.label, t.found)

    @staticmethod
    def speakers(text: str, start: int, end: int, known: Iterable[str], taken: list[Target]) -> list[Target]:
        """Speakers' labels of a chat or a transcript in ``text[start:end]`` that are a name of the account's
        people (``known``) however written: "mira: she is here!!", "mira.k: omg" (a handle), whole."""
        known = {k.lower() for k in known}
        out = []
        for m in _SPEAKER.finditer(text, start, end):
            a, b = m.start("name"), m.end()
            if m.group("name").lower() in known and not any(t.start < b and a < t.end for t in taken):
                out.append(Target(a, b, "PERSON", "speaker label"))
        return out

    def addressed(self, text: str, start: int, end: int, taken: list[Target]) -> list[Target]:
        """The name after a capitalised form of address or title that detection missed ("Mama Oréla came",
        "sat with Aunty Quillimena"): a name as "Mr" makes one, unless the word is a common one no list of
        names holds ("Nurse Practitioner", "Mother Nature") or never a name (a holiday: "Father Christmas")."""
        out = []
        for m in _ADDRESSED.finditer(text, start, end):
            title, name = m.group(1).lower(), m.group(2)
            a, b = m.start(2), m.end(2)
            if title not in TITLES and title not in self.forms_of_address:
                continue
            low = re.sub(r"['’]s$", "", name).lower()
            initial = len(low) == 1 and title in _NAME_ONLY_TITLES  # "Dr. Q says the dose is fine": an initial
            if not initial and (low in self.not_names or low in TITLES or low in self.forms_of_address):
                continue
            listed = low in self.listed_names or low in self.surnames
            if not initial and not listed and zipf(low) >= ADDRESSED_ZIPF:
                continue
            b -= 2 if name.endswith(("'s", "’s")) else 0
            if not any(t.start < b and a < t.end for t in taken + out):
                out.append(Target(a, b, "PERSON", "person frame"))
        return out

    def lone_initials(self, text: str, start: int, end: int, known: Iterable[str], taken: list[Target]) -> list[Target]:
        """A capital letter alone that stands for a person of the account (``known``: their first names, one of
        which it begins) where only a person stands: "told me about T when he was little", "rang T",
        "T said", "T's mum"."""
        letters = {k[:1].upper() for k in known if k[:1].isalpha()}
        out = []
        for m in _LONE_CAPITAL.finditer(text, start, end):
            a, b = m.start(), m.end()
            if m.group() not in letters or any(t.start < b and a < t.end for t in taken):
                continue
            before = text[max(0, a - 12) : a]
            framed = (
                (bool(self.person_before.search(before)) or bool(_ABOUT_BEFORE.search(before)))
                and bool(_PERSON_CLAUSE_AFTER.match(text, b) or re.match(r"\s*[,.;!?]", text[b : b + 2]))
            ) or bool(self.person_next.match(text, b) or self.speaks_after.match(text, b))
            if framed:
                out.append(Target(a, b, "PERSON", "person frame"))
        return out

    def in_window(
        self,
        doc: Document,
        start: int,
        end: int,
        index: IdentifierIndex | None,
        key_index: IdentifierIndex | None,
        known: Iterable[str] = (),
        defined: Iterable[str] = (),
        in_dictionary: Callable[[str], bool] | None = None,
    ) -> list[Target]:
        """The identifiers to replace in ``doc.text[start:end]`` in text order (``known``: first names of
        the document's people; ``defined``: short names the corpus defines by a full name in brackets,
        see :func:`defined_short_forms`; ``in_dictionary``: the words of English, for a place's name
        written in lower case, see :meth:`lower_case_place`). They do not overlap, but for rare details: the identifiers
        inside one are listed too, for when the detail is kept."""
        text = doc.text
        known_names = {k.lower() for k in known}
        dated = self.dated_days(text)
        out: list[Target] = []
        for s in doc.spans:
            if s.label not in REPLACED or s.end <= start or s.start >= end:
                continue
            if s.label in ("LOCATION", "ORGANIZATION") and text[s.start : s.end] in dated:
                continue  # "a day pass for Quillfest ... Quillfest is on 10 April": a day the text dates
            a, b = _snap(text, max(s.start, start), min(s.end, end))
            broken = re.match(r"[a-z][^.!?\n]*[.!?]\s+(?=[A-Z])", text[a:b])
            if broken and s.label in ("PERSON", "LOCATION", "ORGANIZATION"):
                a += broken.end()  # "uncle. Tobiah Quennell": the name is after the sentence's end
            if s.label == "PERSON":
                b = self._without_word_after_name(text, a, b)
            if s.label in ("LOCATION", "ORGANIZATION") and s.detector == NER:
                lead = re.match(r"(?:[a-z][\w'’-]*\s+)+(?=[A-Z0-9])", text[a:b])  # "food bank Facebook"
                a += lead.end() if lead else 0
                tail = _OF_NAME_AFTER.match(text, b)  # "Port" of "Port of Quillan": the name goes on
                if tail and " " not in text[a:b] and tail.end() <= end:
                    b = tail.end()
            own = (
                s.label == "PERSON"
                and s.detector != NER
                and self._known_person_here(text, a, b, known_names)
                and not self.id_scheme(text[a:b])
            )
            if s.label == "PERSON" and self.word_written_lower_elsewhere(text, a, b):
                continue  # "Lacrosse was the key. ... learnt lacrosse": the word, though detection made a person of it
            if s.label == "PERSON" and self.word_as_sentence(text, a, b):
                continue  # "What helped? Honor. Letting her talk.": a word that answers, nobody's name
            bare = re.sub(r"['’]s?$", "", text[a:b]).lower()
            addressed = bare in TITLES or bare in self.forms_of_address or bare in self.not_name_words | self.not_names
            thing = (
                own
                and (  # "the Belling on", "QUOLL family day", though detection made a person of it
                    self._named_thing(text, a, b)
                    or self._eponym_or_event(text, b, _WORD.findall(text[a:b]), text[b : b + 1] in ("'", "’"))
                    or self.language_or_people(text, a, b)
                )
            )
            if own and text[a:b][:1].isupper() and not addressed and not thing:  # "Cliff's faith": this account's Cliff
                out.append(Target(a, b, "PERSON", "detected", s.reason or ""))
                continue
            if self.word_not_name(text[a:b], s.label, s.detector == NER):
                continue
            if self.kind_of_thing(text, a, b, s.label):
                continue  # "her QRB", "a QRB card": a kind of thing, though detection read a body's name
            if s.detector == NER and self.sung_title(text, a, b):
                continue  # 'she sang "Quill Bells"': the entity recogniser's reading of a song's title
            if s.label == "PERSON" and s.detector == NER and self.word_opening_sentence(text, a, b):
                continue  # "Patience is the main thing": the entity recogniser's reading of a capital
            if (s.detector == NER or s.label != "PERSON") and self.unlisted_word_opening_sentence(text, a, b):
                continue  # "Sleet, then sun.": a word of the dictionary, in no list of names or towns
            label = self.kind(text, a, b, s.label, own=own and s.label == "PERSON" and not addressed and not thing)
            if label == "LOCATION" and self._known_person_here(text, a, b, known_names):
                label = "PERSON"  # "talked with Tawa": a person of this account whose name is also a town's
            if label is not None:
                out.append(Target(a, b, label, "detected", s.reason or ""))
        for idx, found in ((index, "corpus"), (key_index, "key")):
            if idx is None:
                continue
            for h in idx.find(text[start:end]):
                a, b = start + h.start, start + h.end
                if h.label in ("LOCATION", "ORGANIZATION") and text[a:b] in dated:
                    continue  # a day the text dates, though another account's place or body is so called
                if h.label == "PERSON" and not h.lowercase and self.word_written_lower_elsewhere(text, a, b):
                    continue  # "Lacrosse was the key. ... learnt lacrosse": the word, though the corpus holds a person
                speaks = (
                    h.label == "PERSON"
                    and not h.lowercase
                    and text[a:b][:1].isupper()  # "the marsh steps": a word, whatever follows it
                    and (self.person_next.match(text, b) or self.acts_after.match(text, b))
                )
                own = (
                    self._own_name(text, a, b, h, known_names)
                    and not self._named_thing(text, a, b)
                    and not self.language_or_people(text, a, b)
                )
                if own:  # "Copper was on the phone": this account's Copper, though copper is also a word
                    out.append(Target(a, b, "PERSON", found))
                    continue
                named_here = (
                    not h.certain
                    and h.label == "PERSON"
                    and self._subject_at(text, b)
                    and self._named_elsewhere(doc, idx, a, b)
                )
                addressed = (  # "a word with May, gently": a month or a word after "with" is that person
                    h.certain
                    and h.label == "PERSON"
                    and bool(self.person_only_before.search(text[max(0, a - 12) : a]))
                    and not re.match(r"\s*\d", text[b : b + 4])
                )
                # the account itself says a person stands here: a name even where it is also a word ("Dale")
                certain_subject = (  # "Lift was out again": a common word opening its sentence is no subject's name
                    h.certain
                    and h.label == "PERSON"
                    and self._subject_at(text, b)
                    and not self.word_opening_sentence(text, a, b)
                )
                # "had a yarn with tavito": a word the corpus took for a place, in lower case and in no dictionary,
                # where only a person is reached, is a person detection read as a place
                reached = (
                    h.certain
                    and h.label == "LOCATION"
                    and text[a:b].islower()
                    and zipf(text[a:b]) < COMMON_ZIPF
                    and bool(self.person_only_before.search(text[max(0, a - 12) : a]))
                    and not re.search(r"\b(?:met|visited)\s+$", text[max(0, a - 9) : a])
                )
                if reached:
                    out.append(Target(a, b, "PERSON", found))
                    continue
                # "sat in the kitchen at quarrowmere court": a place or body the corpus writes with its capitals,
                # written here in lower case, with a word no dictionary holds: that place, written carelessly
                lower_place = (
                    h.certain
                    and h.label in ("LOCATION", "ORGANIZATION")
                    and self.lower_case_place(text[a:b], in_dictionary)
                )
                evidence = speaks or named_here or certain_subject
                written = lower_place or self.written_as_name(text[a:b], h.label)
                if not (evidence or addressed or (h.certain and written)):
                    continue
                if not evidence and self.word_not_name(text[a:b], h.label, ner_only=False):
                    continue
                if self.kind_of_thing(text, a, b, h.label):
                    continue  # "a QRB card": a kind of thing, though the corpus holds a body of that name
                if not evidence and h.label != "PERSON" and self.unlisted_word_opening_sentence(text, a, b):
                    continue  # "Gardening isn't one way": a word opening its sentence, though a body's name has it
                label = self.kind(text, a, b, h.label, named=evidence or lower_place)
                if label == "LOCATION" and h.label == "PERSON" and self._known_person_here(text, a, b, known_names):
                    label = "PERSON"  # "Tawa's 68": a person of this account named like a town, as detected
                if label is not None:
                    out.append(Target(a, b, label, found))
        out += self.defined_names(text, start, end, defined, out)
        for i, t in enumerate(out):  # "St Brigid" of "St Brigid's Day": the holiday, a date only with a year
            holiday_end = self.placeholders.holiday_at(text, t.start, end)
            if holiday_end and holiday_end >= t.end:
                dated = self.specific_date.search(text[t.start : holiday_end])
                out[i] = Target(t.start, holiday_end, "DATE_TIME" if dated else "", t.found, t.reason)
        out = [t for t in out if t.label]
        for m in _AGE.finditer(text, start, end):
            g = next(i for i in (1, 2, 3) if m.group(i))
            out.append(Target(m.start(g), m.end(g), "AGE", "age shape"))
        rare = [t for t in out if t.label == "RARE_DETAIL"]
        out = _trim_sentence_openers(
            text, _non_overlapping([t for t in out if t.label != "RARE_DETAIL"]), lambda at: self._subject_at(text, at)
        )
        out += self.sweep(text, start, end, out, known_names)
        out += self.addressed(text, start, end, out)
        out += self.kin_names(text, start, end, out, index)
        out += self.addresses(text, start, end, out)
        out += self.aliases(text, end, out)
        out += [  # "dr q", "Mr. Q": a title and one letter, in any case, are a person
            Target(m.start(), m.end(), "PERSON", "person frame")
            for m in _TITLED_INITIAL.finditer(text, start, end)
            if not any(t.start < m.end() and m.start() < t.end for t in out)
        ]
        out += [
            Target(m.start(1), m.end(1), "LOCATION", "place frame")
            for m in self._lettered_area.finditer(text, start, end)
            if not any(t.start < m.end(1) and m.start(1) < t.end for t in out)
        ]
        for road in (self._numbered_road, self.placeholders.road_code):
            out += [
                Target(m.start(), m.end(), "LOCATION", "place frame")
                for m in road.finditer(text, start, end)
                if not any(t.start < m.end() and m.start() < t.end for t in out)
            ]
        units = [
            Target(m.start(), m.end(), "ORGANIZATION", "unit frame")
            for m in self._military_unit.finditer(text, start, end)
        ]
        for frame in units + self.clubs(text, start, end, []):  # "7th" a date, "Rovers" a person: the frame's reading
            out = [t for t in out if not (frame.start <= t.start and t.end <= frame.end)]
            if not any(t.start < frame.end and frame.start < t.end for t in out):
                out.append(frame)
        out = self._with_first_names(text, start, end, _join_names(text, out))
        out = [self._with_nickname_prefix(text, _with_initials(text, t, end), start) for t in out]
        out = _with_particle_surnames(text, out, end) + rare
        for i, t in enumerate(out):  # "Quen" of "Quen-iti Road": the rest of the hyphened name, and its road
            if t.label in ("LOCATION", "ORGANIZATION"):
                joined = _HYPHENED_REST.match(text, t.end, end)
                if joined and not any(o is not t and o.start < joined.end() and t.start < o.end for o in out):
                    stop = joined.end()
                    road = re.match(r"[ \t]+([A-Z][a-z]+)\b", text[stop:end])
                    road = road if road and road.group(1).lower() in self.street_types else None
                    parts = joined.group().strip("-").split("-")
                    if road or all(w[:1].isupper() or zipf(w.lower()) < 3.0 for w in parts):  # not "-based", "-born"
                        out[i] = Target(t.start, stop + (road.end() if road else 0), t.label, t.found, t.reason)
        for i, t in enumerate(out):  # "the 8th" + "and 9th": the second day of the same dates goes with it
            if t.label == "DATE_TIME":
                m = _SECOND_DAY_AFTER.match(text[t.end : end])
                if m and not any(o.start < t.end + m.end() and t.end < o.end for o in out if o is not t):
                    out[i] = t = Target(t.start, t.end + m.end(), t.label, t.found, t.reason)
        for i, t in enumerate(out):  # "her 60th" + "birthday": the placeholder says birthday
            if t.label == "DATE_TIME":
                m = re.match(r"\s+birthday\b", text[t.end : end], re.IGNORECASE)
                if m:
                    out[i] = Target(t.start, t.end + m.end(), t.label, t.found, t.reason)
        rare = [t for t in out if t.label == "RARE_DETAIL"]
        listed = [m.span() for m in self._listed_phrase.finditer(text, start, end)]
        others = _non_overlapping(
            [
                t
                for t in out
                if t.label != "RARE_DETAIL"
                and not (t.label in _NAMED and any(a <= t.start and t.end <= b for a, b in listed))
            ]
        )
        return sorted(others + rare, key=lambda t: t.start)

    def _without_word_after_name(self, text: str, start: int, end: int) -> int:
        """The end of a person's name that detection read on into the word in lower case after it ("Orvell telt
        us", "Brisa tellt them": a verb as dialect spells it): a capitalised name ends before words in lower case
        that no list of names holds ("Ana de la Quorra" and "Ana ruiz" stay whole)."""
        words = list(_WORD.finditer(text, start, end))
        if len(words) < 2 or not words[0].group()[:1].isupper():
            return end
        while len(words) > 1:
            w = words[-1].group()
            if not w.islower() or w in self.name_words or w in _NAME_PARTICLES:
                break
            words.pop()
        return words[-1].end()

    @cached_property
    def _listed_phrase(self) -> re.Pattern[str]:
        """Phrases of several words that are never a name here (a people, a country: "Pacific Islander",
        "Costa Rica"), as written with capitals: detection may have split one into a person and a place."""
        phrases = sorted((w for w in self.not_names if " " in w), key=len, reverse=True)
        alternatives = "|".join(r"[ \t]+".join(re.escape(x) for x in w.split()) for w in phrases)
        return re.compile(rf"(?<![\w'’-])(?i:{alternatives})(?:['’]?s)?(?![\w'’-])")

    def defined_names(
        self, text: str, start: int, end: int, defined: Iterable[str], taken: list[Target]
    ) -> list[Target]:
        """A short name the corpus defines by a full name in brackets ("Hold (Holdric ...)"), written with
        its capital where a name stands: inside a sentence, or opening one as the subject of what follows
        ("Hold agreed"; not the verb of "Hold the door"), even where it is also a common word."""
        out: list[Target] = []
        for name in defined:
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?:['’]s)?(?![\w'’-])", text[start:end]):
                a, b = start + m.start(), start + m.end()
                if any(t.start < b and a < t.end for t in taken + out):
                    continue
                hit = IdentifierHit(a, b, "PERSON", ("defined",), True)
                stands = self._own_name(text, a, b, hit, {name.lower()}) or self._acts(text, b)
                if stands and not self._named_thing(text, a, b):
                    out.append(Target(a, b, "PERSON", "corpus"))
        return out

    def _with_nickname_prefix(self, text: str, t: Target, start: int) -> Target:
        """A person's name with the capitalised word before it that makes a nickname of it ("Wee Quorra"
        as a whole: not "Wee" and an invented name)."""
        return _capitalised_prefix(text, t, start, self._nickname_prefix)

    def with_lower_nickname_prefix(self, text: str, t: Target, start: int) -> Target:
        """A name written in lower case with the word before it that makes a nickname ("her ma big quorra"): the
        nickname as a whole, as for a capitalised one."""
        if t.label != "PERSON" or not text[t.start : t.end][:1].islower():
            return t
        m = self._nickname_prefix.search(text, max(start, t.start - 12), t.start)
        if m is None or not text[m.start()].islower():
            return t
        return Target(m.start(), t.end, t.label, t.found, t.reason)

    def without_nickname_prefix(self, written: str) -> str:
        """A name as written less the word before it that makes a nickname ("Wee Quorra" -> "Quorra", "big
        quorra" -> "quorra")."""
        words = written.split(" ", 1)
        if len(words) == 2 and self._nickname_prefix.search(words[0] + " ") and words[1][:1].isupper():
            return words[1]
        if len(words) == 2 and written.islower() and self._nickname_prefix.search(words[0] + " "):
            return words[1]
        return written

    def _named_elsewhere(self, doc: Document, index: IdentifierIndex, start: int, end: int) -> bool:
        """The person's name at ``start`` (also a common word, opening a sentence: "Dale was there") stands
        elsewhere in the same account where only a name does: inside a sentence, or before what a person
        does ("... and Dale didn't care", "Dale rang")."""
        value = doc.text[start:end]
        for h in index.find(doc.text):
            if h.start == start or h.label != "PERSON" or doc.text[h.start : h.end] != value:
                continue
            if h.certain or self.person_next.match(doc.text, h.end) or self.acts_after.match(doc.text, h.end):
                return True
        return False

    def _own_name(self, text: str, start: int, end: int, hit: IdentifierHit, known: set[str]) -> bool:
        """A capitalised first name of a person of this very account, also a word ("May", "Honor"): that
        person, inside a sentence, when a comma follows it ('"May, eat up."') or as the subject of what
        follows ("Copper was on the phone"); a modal verb opening a sentence ("May need to ring her") is told
        apart later, by the parse."""
        value = re.sub(r"['’]s?$", "", text[start:end])
        if hit.label != "PERSON" or not value[:1].isupper() or " " in value or value.lower() not in known:
            return False
        low = value.lower()
        if self.id_scheme(value) or (low in self.not_names and low not in self.listed_names | self.word_names):
            return False  # "her Medicare number": detection made a person of it in this account; no name
        return (
            not SENTENCE_START.search(text[max(0, start - 3) : start])
            or text[end : end + 1] == ","
            or self._subject_at(text, end)
            # "Dov (Dovrin Aske) was": the name the brackets explain
            or bool(re.match(r"[ \t]*\([ \t]*[A-Z]", text[end : end + 4]))
        )

    def sung_title(self, text: str, start: int, end: int) -> bool:
        """Inside a quotation right after a verb of singing or playing, or before "came on": a title, whatever
        its words ('sang "Tarrow Bells"', 'hummed a little of "Quill, Quill"', 'when "Tarrow Bells" came on')."""
        return any(
            m.start() < start
            and end <= m.end()
            and (
                bool(self._sung_quote_before.search(text[max(0, m.start() - 40) : m.start() + 1]))
                or bool(_PLAYS_AFTER.match(text, m.end()))
            )
            for m in _QUOTED.finditer(text, max(0, start - 80), min(len(text), end + 80))
        )

    def title_of_work(self, text: str, start: int, end: int) -> bool:
        """A word right after a verb of playing or singing that no one is played with or against: a song's,
        a tune's or a game's title ("the band played Quillbarrow twice"; not "played Quillbarrow at pool");
        or a word of a title in quotation marks that opens with an article ('she sang "The Tarrow Teapot"')."""
        if any(
            m.start() < start and end <= m.end()
            for m in _QUOTED_TITLE.finditer(text, max(0, start - 80), min(len(text), end + 80))
        ):
            return True
        if any(  # '"Tarrow Quill Polka"': in quotation marks, ending in a kind of tune or song
            m.start() < start and end <= m.end() and m.group(2).lower() in self.work_heads
            for m in _QUOTED_RUN.finditer(text, max(0, start - 80), min(len(text), end + 80))
        ):
            return True
        if self.sung_title(text, start, end):
            return True
        return bool(self._work_verb_before.search(text[max(0, start - 20) : start])) and not (
            self._person_after_work_verb.match(text, end)
        )

    def _has_town(self, words: list[str]) -> bool:
        lows = [w.lower() for w in words]
        runs = {" ".join(lows[i:j]) for i in range(len(lows)) for j in range(i + 1, len(lows) + 1)}
        return bool(runs & self.placeholders.towns)

    def common_phrase(self, value: str) -> bool:
        """Capitalised words that are all common English and in no name list, the last of them no kind
        of place, street or service ("Slow Cooking", "Housing Together"; not "Green Park" or "Mill Lane")."""
        lows = [re.sub(r"['’]s?$", "", w).lower() for w in _WORD.findall(value)]
        if len(lows) < 2:
            return False
        named = self.listed_names | self.surnames | self.placeholders.towns
        heads = set(self.placeholders.heads) | self.street_types | self.venue_types | self.generic
        return all(zipf(w) >= COMMON_ZIPF and w not in named for w in lows) and lows[-1] not in heads

    def _known_person_here(self, text: str, start: int, end: int, known: set[str]) -> bool:
        """A one-word name of a person of the document, not after a place's preposition ("from", "in")."""
        value = re.sub(r"['’]s?$", "", text[start:end])
        return (
            " " not in value.strip()
            and value.lower() in known
            and not _PLACE_BEFORE.search(text[max(0, start - 12) : start])
        )

    def id_scheme(self, value: str) -> bool:
        """The one-word name of a numbering scheme ("Medicare", "NHI"); written in capitals it is one even
        where it is also a first name ("CHI"; not "Chi")."""
        low = re.sub(r"['’]s?$", "", value.strip()).lower()
        if low not in self.placeholders.id_schemes:
            return False
        # an abbreviation is a scheme in capitals only ("CHI"; "Chi" is a name)
        return value.strip().isupper() or (len(low) > 4 and low not in self.listed_names | self.word_names)

    def opens_sentence_as_word(self, text: str, start: int, end: int, names: set[str]) -> bool:
        """One common English word opening a sentence ("Faith is a big word"), no name of the corpus or
        not acting as a person there ("Faith rang" of a Faith of the corpus does): its capital says where
        the sentence starts, nothing more (the corpus search has the names it can tell)."""
        value = text[start:end]
        low = re.sub(r"['’]s?$", "", value).lower()
        return (
            " " not in value.strip()
            and bool(SENTENCE_START.search(text[max(0, start - 3) : start]))
            and zipf(low) >= COMMON_ZIPF
            and (low not in names or not self._acts(text, end))
        )

    def word_opening_sentence(self, text: str, start: int, end: int) -> bool:
        """One common English word opening a sentence, not acting as a person there, that the text never
        writes with its capital inside a sentence: a word ("Patience is the main thing for him"), however the
        entity recogniser read it; "Grace is better" of a Grace named elsewhere in the text stays a name."""
        value = re.sub(r"['’]s?$", "", text[start:end])
        if " " in value.strip() or not self.opens_sentence_as_word(text, start, end, set()):
            return False
        if self._acts(text, end):
            return False
        return not written_inside_sentence(text, value)

    def word_as_sentence(self, text: str, start: int, end: int) -> bool:
        """One common English word that is a sentence of its own ("Honor." after a prompt), never written
        with its capital inside a sentence of the text: a word, even where it is also a first name."""
        if not re.match(r"[.!]", text[end : end + 1]) or not SENTENCE_START.search(text[max(0, start - 3) : start]):
            return False
        return self.word_opening_sentence(text, start, end) or self.unlisted_word_opening_sentence(text, start, end)

    def dated_days(self, text: str) -> set[str]:
        """The single capitalised words ``text`` says fall on a date or weekday ("Quillfest is on 10 April"):
        a feast or an occasion, wherever the text writes it; not a month or weekday itself."""
        return self.word_places.dated_days(text)

    def word_written_lower_elsewhere(self, text: str, start: int, end: int) -> bool:
        """A word of the dictionary in no list of names or towns, capitalised in ``text`` only where a sentence
        opens and doing nothing a person does there, that ``text`` also writes in lower case: the word."""
        value = re.sub(r"['’]s?$", "", text[start:end])
        if not self.unlisted_word_opening_sentence(text, start, end):
            return False
        return re.search(rf"(?<![\w'’-]){re.escape(value.lower())}(?![\w-])", text) is not None

    def meeting_by_day(self, value: str) -> bool:
        """A day or month with its possessive before abbreviations that are nobody's initials ("Monday's
        MDT", "Friday's GP"): a meeting by when it is, no organisation of the study."""
        m = re.fullmatch(r"([A-Z][a-z]+)['’]s\s+([A-Z]{2,6}(?:\s+[A-Z]{2,6})?)", value.strip())
        if not m:
            return False
        days = {w for k in ("weekdays", "weekdays_short", "months", "months_short") for w in self.calendar[k]}
        return m.group(1).lower() in days and all(w in self.not_initials for w in m.group(2).split())

    def unlisted_word_opening_sentence(self, text: str, start: int, end: int) -> bool:
        """One word of the dictionary (``DICTIONARY_ZIPF``, rarer than ``word_opening_sentence`` needs) opening
        a sentence, in no list of first names, surnames or towns, not acting as a person there and never
        written with its capital inside a sentence of the text ("Sleet, then sun."; "Pastimes tell you a lot")."""
        value = re.sub(r"['’]s?$", "", text[start:end])
        low = value.lower()
        if " " in value.strip() or not SENTENCE_START.search(text[max(0, start - 3) : start]):
            return False
        if zipf(low) < DICTIONARY_ZIPF or low in self.listed_names | self.surnames | self.word_names:
            return False
        if low in self.placeholders.towns or self._acts(text, end):
            return False
        return not written_inside_sentence(text, value)

    def _dictionary_word_opening(self, text: str, start: int, end: int, lows: list[str], towns: bool = True) -> bool:
        """One word of the dictionary (``ACTING_WORD_ZIPF``) opening its sentence, in no list of names or
        (``towns``) towns, that the text never writes with its capital inside a sentence: a role or a thing
        that acts ("Chaplain came", "Rain came"), not a name, though a person's verb follows it."""
        if len(lows) != 1 or zipf(lows[0]) < ACTING_WORD_ZIPF or lows[0] in self.name_words:
            return False
        if towns and lows[0] in self.placeholders.towns:
            return False
        value = text[start:end]
        return not written_inside_sentence(text, value)

    def person_stands(self, text: str, start: int, end: int) -> bool:
        """A person stands at ``text[start:end]``: what follows is what a person does ("... said", "... rang"),
        or a word that comes before a person precedes it ("told ...") ("... from" is not enough here:
        "heather from the market")."""
        return (
            bool(self.speaks_after.match(text, end))
            or bool(self.acts_after.match(text, end))
            or bool(self.person_before.search(text[max(0, start - 12) : start]))
        )

    def _person_here(self, text: str, start: int, end: int) -> bool:
        """Only a person stands at ``text[start:end]``: what follows is what a person does, or what precedes
        is how one reaches a person ("rang Ilvania", "Ilvania said")."""
        return self._acts(text, end) or bool(self.person_only_before.search(text[max(0, start - 12) : start]))

    def _acts(self, text: str, end: int) -> bool:
        """What follows a word at ``end`` is what a person does ("... said", "... rang", "... went")."""
        return any(rx.match(text, end) for rx in (self.person_next, self.speaks_after, self.acts_after))

    def _subject_at(self, text: str, end: int) -> bool:
        """What follows a name at ``end`` makes it the subject of a clause ("... is lovely", "... said")."""
        return bool(
            _AUXILIARY_AFTER.match(text, end) or self.speaks_after.match(text, end) or self.person_next.match(text, end)
        )

    def _honorific(self, text: str, start: int, name_end: int) -> bool:
        """A capitalised word opening a sentence right before a name that is the subject of what follows
        is a title of another language, not a verb ("Tía Rosa is lovely"; "Took Rosa home" stays)."""
        word = text[start : text.index(" ", start)].lower()
        return (
            bool(SENTENCE_START.search(text[max(0, start - 3) : start]))
            and self._subject_at(text, name_end)
            and not word.endswith("ly")
            and zipf(word) < HONORIFIC_ZIPF
            and word not in self.not_names | self.sentence_openers
        )

    def public_name(self, text: str, start: int, end: int) -> str | None:
        """ "event", "body" or "programme" when ``text[start:end]`` names one that no one of the study can
        be found by: a name of common words only that ends in an event's or a public body's word ("the
        Winter Games", "the Release Panel") or stands before a programme's ("the Open Doors group"); "local
        event" for an event named with a town or a rare word; None for anything else."""
        lows = [re.sub(r"['’]s?$", "", w).lower() for w in _WORD.findall(text[start:end])]
        lows = lows[1:] if lows[:1] == ["the"] else lows
        if not lows:
            return None
        run = [re.sub(r"['’]s?$", "", w).lower() for w in _WORD.findall(_capitalised_run(text, start, end))]
        run = run[1:] if run[:1] == ["the"] else run
        if run and run[-1] in self.work_heads and not self._distinctive(run[:-1]):
            return "work"  # "The Cold Morning Reel", even where detection split it
        kind = None
        for heads, name in ((self.event_heads, "event"), (self.body_heads, "body")):
            for n in (2, 1):
                if len(lows) >= n and " ".join(lows[-n:]) in heads:
                    kind, lows = name, lows[:-n]
                    break
            if kind:
                break
        if kind is None and len(lows) > 1 and lows[-1] in self.programme_words:  # "the Open Doors morning"
            kind, lows = "programme", lows[:-1]
        if kind is None and self._programme_after.match(text, end):
            kind = "programme"
        if kind is None:
            return None
        if not self._distinctive(lows):
            return kind
        return "local event" if kind == "event" else None

    def entitlement(self, value: str) -> bool:
        """A public benefit or payment named by what it is for: words of the dictionary (as rare as
        "bursary" or "jobseeker") that are no town, first name or surname, then a word of
        ``entitlement_heads`` (rules/compose/context.yaml)."""
        lows = [re.sub(r"['’]s?$", "", w).lower() for w in _WORD.findall(value)]
        lows = lows[1:] if lows[:1] == ["the"] else lows
        if len(lows) < 2 or lows[-1] not in self.entitlement_heads:
            return False
        named = self.listed_names | self.surnames | self.placeholders.towns
        return all(zipf(w) >= 2.0 and w not in named for w in lows[:-1])

    def _distinctive(self, lows: list[str]) -> bool:
        """Words of a name that could point to a place: a town, or a word rarer than common English. A
        town of one word counts unless it is also a word of everyday English ("the Nelson group"; not
        "the Hope group")."""
        runs = {" ".join(lows[i:j]) for i in range(len(lows)) for j in range(i + 2, len(lows) + 1)}
        towns = self.placeholders.towns
        return (
            bool(runs & towns)
            or any(zipf(w) < COMMON_ZIPF for w in lows)
            or any(w in towns and zipf(w) < COMMON_ZIPF + 0.5 for w in lows)
        )

    def kind(self, text: str, start: int, end: int, label: str, named: bool = False, own: bool = False) -> str | None:
        """The kind of identifier ``text[start:end]`` is, or None when it identifies no one (``named``: the
        account itself shows a person there, so a person's name that is also a common word stays one;
        ``own``: detection found there a first name of this account's own people)."""
        value = text[start:end]
        label = self.placeholders.kind_of(label, value)
        holiday_end = self.placeholders.holiday_at(text, start, len(text))
        if holiday_end and holiday_end >= end:  # "St Columba's" of "St Columba's weekend": the holiday
            label, value = "DATE_TIME", text[start:holiday_end]
        words = _WORD.findall(value)
        if label in ("LOCATION", "ORGANIZATION") and self.placeholders.agency(value):
            return "ORGANIZATION"  # "the Home Office": a national agency, replaced by what it is (placeholders.yaml)
        if _AGE_GROUP.fullmatch(value.strip()):
            return None  # "the under-9s", "over-60s": an age group, nobody's age, team or number
        if label in ("PERSON", "LOCATION", "ORGANIZATION") and _PLURAL_ABBREVIATION.fullmatch(value.strip()):
            return None  # "went into the ATMs", "copying DVDs": many of a thing, no one's name
        if label in ("PERSON", "LOCATION", "ORGANIZATION") and self.id_scheme(value):
            return None  # "her CHI 1234", "the CRN on it": what the number is, not whose
        if label in ("PERSON", "LOCATION", "ORGANIZATION") and self.public_name(text, start, end) in (
            "event",
            "body",
            "programme",
            "work",
        ):
            return None  # "the Winter Games", "the Open Doors group": nobody of the study is found by it
        if label in ("LOCATION", "ORGANIZATION") and self.title_of_work(text, start, end) and not self._has_town(words):
            return None  # "she made me listen to her practise the Quillan Psalm": a song's title
        if (
            label in ("LOCATION", "ORGANIZATION")
            and not self._has_town(words)
            and self._eponym_or_event(text, end, words, text[end : end + 1] in ("'", "’"))
        ):
            return None  # "our stall at the Open Hearts day": a public event, not where anyone lives
        if label in ("PERSON", "LOCATION", "ORGANIZATION") and self.product_at(text, start, end):
            return None  # "a can of Zestorade", "his '83 Quillmobile": a product by its brand or model
        if (
            label == "ORGANIZATION"
            and len(words) == 1
            and _MASS_BEFORE.search(text[max(0, start - 16) : start])
            and not _modifies_word_after(text, end)
            and not self._has_town(words)
            and text[end : end + 1] not in ("'", "’")
        ):
            return None  # "a lot of Quorvo and a bit of jazz": a kind of music or food, no body anyone works for
        if (
            label in ("LOCATION", "ORGANIZATION")
            and re.fullmatch(r"[A-Z][a-z]+s", value)
            and _COUNTED_BEFORE.search(text[max(0, start - 30) : start])
        ):
            return None  # "two old Quillhorns came over": many of a kind (a breed, a make), no one's place
        if label in ("PERSON", "LOCATION", "ORGANIZATION") and self.entitlement(value):
            return None  # "the Heating Support Payment": a benefit many people draw
        if label in ("PERSON", "LOCATION", "ORGANIZATION") and self._language_here(text, start, words):
            return None  # "she speaks a little Frisian": a language
        if (
            label == "PERSON"
            and _QUANTITY_BEFORE.search(text[max(0, start - 12) : start])
            and text[end : end + 1] not in ("'", "’")
        ):
            return None  # "found some Quorvo Rub in the box": a quantity of a thing, never a person
        if (
            label in ("LOCATION", "ORGANIZATION")
            and _DEVOTIONAL.match(value)
            and self._depicted_before.search(text[max(0, start - 40) : start])
            and text[end : end + 1] not in ("'", "’")
        ):
            return None  # "a small statue of Our Lady of Quenmere": who the statue shows, no church or place
        in_language = re.match(r"\s+in\s+([A-Z][\w'’-]+)", text[end : end + 40])
        if (
            label in ("LOCATION", "ORGANIZATION")
            and in_language
            and in_language.group(1).lower() in self.languages
            and not self._distinctive([w.lower() for w in words if w.lower() != "the"])
        ):
            return None  # "she started Quiet Harbour in Tongan": a song or prayer said in a language, of common words
        if label in ("PERSON", "LOCATION", "ORGANIZATION") and self._history_after.match(text, end):
            return None  # "the Crimean War", "the Quillhaven generation": history, no one's name or place
        if label == "PERSON":
            return self._person(text, start, end, words, named, own)
        if label in ("LOCATION", "ORGANIZATION"):
            if not any(c.isupper() or c.isdigit() for c in value) and not (named and self.lower_case_place(value)):
                return None  # "the café", "carers"; not a name the corpus writes with capitals ("quarrowmere"
            if _NUMBER_ALONE.fullmatch(value.strip()):
                return None  # "used to drive the 41": a route's or a bay's number alone is no one's place
            if len(words) == 1 and re.sub(r"['’]s?$", "", words[0]).lower() in self.forms_of_address:
                return None  # "the Detective came": a rank or a form of address, not a body or a place
            if _INDEFINITE_BEFORE.search(text[max(0, start - 20) : start]) and self._heads_phrase(text, end):
                return None  # "a Snorkelmatic", "a small Brackwater Saint on the shelf": no one's place
            if self._history_after.match(text, end):
                return None  # "the Crimean War": history, no one's place
            if (
                len(words) == 1
                and words[0].lower() in self.place_heads
                and _THE_BEFORE.search(text[max(0, start - 5) : start])
            ):
                return None  # "down by the Creek", "over the River": a kind of place, no name
            if re.sub(r"^the\s+", "", value.strip().lower()) in self.not_names:
                return None  # a country, region or language: "Welsh", "the Midlands"
            if label == "LOCATION" and len(words) > 1 and words[-1].lower() in self.languages:
                return None  # a language of a region: "Orkney Norn", "Munster Irish"
            named_street = len(words) >= 2 and words[-1].lower() in self.street_types
            # "the West Parade": a compass word before a street's or a public place's word names one place
            compass_named = (
                len(words) == 2
                and words[0].lower() in self.compass
                and words[1].lower() in self.street_types | self.compass_heads
            )
            # "lives in Mill Point": generic words after "in" with no article are a place's name
            bare_name = len(words) >= 2 and bool(_PLACE_BEFORE.search(text[max(0, start - 12) : start]))
            # "Ward 12": a number makes a kind of place one place; "Creek Beach": two kinds of place name one
            numbered = label == "LOCATION" and any(c.isdigit() for c in value)
            two_kinds = len({w.lower() for w in words} & set(self.place_heads)) >= 2
            if all(w.lower() in self.generic_of_names for w in words) and not (
                named_street or bare_name or compass_named or numbered or two_kinds
            ):
                return None  # "ER", "Day Centre", "the Hospital", "the Deaf club"; "Pier Lane" is a street's name
            return label
        if label == "DATE_TIME":  # a holiday alone dates nothing ("at Christmas"); with a year or a birthday it does
            if _DURATION.fullmatch(value.strip()):
                return None  # "dozed 4-5 hrs", "for eleven days": how long, no date
            return label if self.specific_date.search(value) else None
        if label == "AGE":
            decade = _DECADE.fullmatch(value.strip())
            if decade and re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I):
                return None  # "in the late forties": a decade of the calendar, nobody's age
            if decade and not re.match(r"(?:early|mid|late)", value.strip(), re.I):
                return None  # "in my forties": already the age band a placeholder would give
            if decade and self._narrators_past_decade(text, start):
                return None  # "sectioned in my early thirties": the narrator's age then
            if _LIKE_AGE_BEFORE.search(text[max(0, start - 40) : start]):
                return None  # "talks like a woman of sixty": a comparison, nobody's age
            age = age_of(value)
            if age is not None and age < CHILDHOOD:
                return None  # "when she was ten": long ago
            past_before, past_after = _PAST_AGE_FRAME
            before = text[max(0, start - 40) : start]
            if _PAST_AGE_BEFORE.search(before) or (past_before.search(before) and past_after.match(text, end)):
                return None  # "when he was nineteen", "she was seventeen when ...": then, not now
            if self._past_at(text, start):
                return None  # "left school at fifteen", "was junior champion at fourteen": then, not now
            return label
        return label

    def initials_of_no_one(self, text: str, start: int, end: int) -> bool:
        """Capitals that are a position played ("playing GK for the school") or the issuer of a document ("her UK
        passport", "the NZ ID"), not a person's initials."""
        return bool(self._position_before.search(text, max(0, start - 12), start)) or bool(
            self._issued_after.match(text, end)
        )

    def product_at(self, text: str, start: int, end: int) -> bool:
        """A product by its brand or model after a measure ("a can of Zestorade", "a packet Quorvo Crisps" where the
        name ends the clause, "his '83 Quillmobile"); a name with a possessive stays a person's ("a bag of Dot's")."""
        return self.word_places.product_at(text, start, end)

    def _past_at(self, text: str, start: int) -> bool:
        """An age after "at" in a clause told in the past ("ran away at twenty", "he was the youngest to
        win the cup at the county show, at fourteen"): an age of then."""
        if not re.search(r"\bat\s+$", text[max(0, start - 4) : start]):
            return False
        return bool(self._past_verb.search(self._clause_before(text, start)))

    def _narrators_past_decade(self, text: str, start: int) -> bool:
        """A decade after "my" in a clause told in the past ("after I was unwell in my early thirties"):
        the narrator's age then, a band already, not who the character is now."""
        if not re.search(r"\bmy\s+$", text[max(0, start - 4) : start], re.IGNORECASE):
            return False
        return bool(self._past_verb.search(self._clause_before(text, start)))

    @staticmethod
    def _clause_before(text: str, start: int) -> str:
        """The clause before ``start``: back to the sentence's start or a joining word, at most 160 characters."""
        return re.split(r"[.!?;\n]|\b(?:and|but|so|now)\b", text[max(0, start - 160) : start])[-1]

    def _person(
        self, text: str, start: int, end: int, words: list[str], named: bool = False, own: bool = False
    ) -> str | None:
        shown = named  # the account shows a person there
        if not words or _ARTICLE_BEFORE.search(text[max(0, start - 4) : start]):
            return None
        if len(words) > 1 and re.sub(r"['’]s?$", "", " ".join(words)).lower() in self.not_names:
            return None  # "played for Costa Rica", "flew to Costa Rica": a country, nobody's name nor place
        possessive = text[end : end + 2].startswith(("'", "’"))
        if self.building_before.search(text[max(0, start - 20) : start]) and not possessive:
            return "LOCATION"
        if self.employer_before.search(text[max(0, start - 30) : start]) and not possessive:
            return "ORGANIZATION"
        if not possessive and self.group_after.match(text, end):
            return "ORGANIZATION"  # "Quill Street Walkers, the peer group that meets on Fridays": a group's name
        acts = not text.startswith(",", end) and self._acts(text, end)  # "out by Quellow, and I ran": a new clause
        if not (possessive or shown or acts) and self._in_area(text, start):
            return "LOCATION"  # "farmed near Quellow", "a farm out by Quellow": a place, whatever detection said
        if not possessive and self._journey_before.search(text[max(0, start - 40) : start]):
            return "LOCATION"  # "born on the plane from Tarrowby": a place, whatever detection said
        if not possessive and self._names_venue(text, start, end, words):
            return "LOCATION"  # "at the Quillan Vale drop-in": a place named before its kind
        if words[0].islower() and words[0] in TITLES and _SUBJECT_BEFORE.search(text[max(0, start - 8) : start]):
            return None  # "I miss quorvish stew": a verb after its subject, not a title
        named = self.listed_names | self.surnames | self.word_names
        if len(words) > 1 and all(w.islower() and w not in named for w in words):
            return None  # "brought rimo tasa": words of a language, nobody's name written in lower case
        if self._eponym_or_event(text, end, words, possessive):
            return None  # "in the one Quarrie basket", "the QUOLL family day": no one of the study
        if len(words) == 1:
            w = re.sub(r"['’]s?$", "", words[0])
            low = w.lower()
            if low in TITLES or low in self.forms_of_address or low in self.not_name_words:
                return None  # "sat with Aunty": how she is called, not her name
            if w.islower() and low.endswith("s") and low[:-1] in self.forms_of_address:
                return None  # "uncles never listen": many of them, nobody's name
            if self._named_thing(text, start, end):
                # "on her Fitbit", "the Belling on": a thing; "at the Belling": a venue
                return "LOCATION" if _VENUE_BEFORE.search(text[max(0, start - 20) : start]) else None
            if self._coordinated_with_not_name(text, start, end):
                return None  # "French and Tagalog and English": a language among languages
            known_name = low in self.first_names or low in self.word_names
            if low in self.not_names and not known_name:
                return None  # "sings in Basque": a language, a country, a month
            if low in self.not_names and not shown and not possessive and not self._person_here(text, start, end):
                return None  # "talked about Ilvania", "moved from Ilvania": the country, though also a first name
            town = not known_name and w[:1].isupper() and low in self.placeholders.towns
            place_frame = _PLACE_BEFORE.search(text[max(0, start - 12) : start])
            # "drove over from Brackenfold": a place reading beats a person; "Greer came past": a surname acting
            if town and (place_frame or low not in self.surnames):
                return "LOCATION"
            if not known_name and not named and zipf(low) >= COMMON_ZIPF:
                return None  # "day", "Fair" (enough): a word, whatever propagation said
            if w.islower() and _POSSESSED_BEFORE.search(text[max(0, start - 30) : start]):
                return None  # "his aunt's kettle", "her trampoline": a thing someone has, in lower case no name
            person_stands = self._acts(text, end) or bool(self.person_before.search(text[max(0, start - 12) : start]))
            # "agreed tamsa would go", "tamsa was quiet": detection found a first name of this account's own
            # people, in lower case, where a person stands or is the subject: that person, listed or not
            own_stands = own and (person_stands or self.person_stands(text, start, end) or self._subject_at(text, end))
            if w.islower() and zipf(low) >= 3.0 and not own_stands and (not known_name or not person_stands):
                return None  # "ice was the word she used"; "then will said no", "passed it to will": Will
        return "PERSON"

    def _in_area(self, text: str, start: int) -> bool:
        """What stands at ``start`` is where something is: after "out by", "north of", or "near" in a clause
        about where someone lives or farms."""
        before = text[max(0, start - 80) : start]
        clause = re.split(r"[.!?;\n]", before)[-1]
        return bool(self.area_before.search(before[-24:]) or self.near_living.search(clause))

    def _eponym_or_event(self, text: str, end: int, words: list[str], possessive: bool) -> bool:
        """A thing named after someone ("the one Quarrie basket") or a public event by its day or week ("the
        QUOLL family day", "Tarrow week"): nobody of the study, however detection read it."""
        if len(words) == 1 and self._eponym_after.match(text, end):
            return True
        named = self.listed_names | self.surnames | self.word_names
        acronym = all(len(w) >= 3 and w.isupper() for w in words)
        event = self._event_after.match(text, end) or (acronym and self._acronym_event_after.match(text, end))
        return bool(not possessive and all(w.lower() not in named for w in words) and event)

    def _names_venue(self, text: str, start: int, end: int, words: list[str]) -> bool:
        """Capitalised words of no listed first name or surname between "the" and a kind of place ("the
        Quillan Vale drop-in", "the Tarrow clinic"): the place's name, not a person's."""
        if not _THE_BEFORE.search(text[max(0, start - 5) : start]):
            return False
        kind = re.match(r" ([a-z][a-z-]{2,})(?![\w'’-])", text[end : end + 30])
        if not kind or kind.group(1) not in (self.venue_types | self.venue_after) - self.family_places:
            return False
        named = self.listed_names | self.surnames | self.word_names
        return all(w[:1].isupper() and w.lower() not in named for w in words)

    def addresses(self, text: str, start: int, end: int, taken: list[Target]) -> list[Target]:
        """A house number and the capitalised words after it where someone lives ("lives at 3 Calle de
        Quillan", "moved into 14 Tarrow Row"): one address, whatever its street's word and language; and a
        rare capitalised word after a street and a comma ("Quenby Street, Tarrowby") or after a place and "in"
        ("the Quillan Hall in Tarrowby"): the town it is in."""
        out: list[Target] = []
        for m in _HOUSE_NUMBER.finditer(text, start, end):
            if not self._address_before.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            if not any(t.start <= m.start() and m.end() <= t.end for t in taken):
                out.append(Target(m.start(), m.end(), "LOCATION", "place frame"))
        for t in [*taken, *out]:
            if t.label not in ("LOCATION", "ORGANIZATION"):
                continue
            words = text[t.start : t.end].split()
            street = (
                t.label == "LOCATION"
                and bool(words)
                and (words[-1].lower() in self.street_types or words[0][:1].isdigit())
            )
            # "Quenby Street, Tarrowby"; "the Quillan Hall in Tarrowby": the town the place is in
            m = (_TOWN_AFTER.match(text, t.end, end) if street else None) or _TOWN_IN.match(text, t.end, end)
            if not m or any(o.start < m.end(1) and m.start(1) < o.end for o in [*taken, *out]):
                continue
            lows = [w.lower() for w in m.group(1).split()]
            if any(w in self.not_names or zipf(w) >= COMMON_ZIPF for w in lows):
                continue
            out.append(Target(m.start(1), m.end(1), "LOCATION", "place frame"))
        return out

    def aliases(self, text: str, end: int, taken: list[Target]) -> list[Target]:
        """A name in brackets right after a person's ("Bo Tran (Thanh on his passport)", "(née Quarrie)"):
        another name of the same person."""
        out: list[Target] = []
        for t in taken:
            if t.label != "PERSON":
                continue
            m = _ALIAS_AFTER.match(text, t.end, end)
            if not m or any(o.start < m.end(1) and m.start(1) < o.end for o in taken):
                continue
            lows = [re.sub(r"['’]s?$", "", w).lower() for w in m.group(1).split()]
            if any(w in self.not_names or w in TITLES for w in lows):
                continue
            close = text.find(")", m.end(1), end)
            if all(w in self.listed_names or zipf(w) < COMMON_ZIPF for w in lows):
                out.append(Target(m.start(1), m.end(1), "PERSON", "person frame"))  # "Bo Tran (Thanh on his passport)"
            elif (
                self._alias_document_after.match(text, m.end(1), end) and close > 0 and "\n" not in text[t.end : close]
            ):
                # "Tobin (Rain, on the lease, which he hated)": an everyday word as a document spells the person's
                # name, in an aside that goes whole with it (a pseudonym of its own would read as someone else)
                out.append(Target(t.end, close + 1, "PERSON", "alias aside"))
        return out

    def _named_thing(self, text: str, start: int, end: int) -> bool:
        """One capitalised word, no common first name, that stands where no person does: what someone
        is in or on ("left the keys in his Corolla"), one of many ("a young Ranger"), or after "the" ending its
        phrase ("the Belling on"; not "the Quarrington kids", "the Sarah I knew")."""
        value = text[start:end]
        if " " in value.strip() or value.endswith(("'s", "’s")) or not value[:1].isupper():
            return False
        if text[end : end + 1] in ("'", "’"):
            return False  # "the Belling's door": someone's
        low = value.lower()
        if low in self.first_names:
            return False
        if _OWNED_BEFORE.search(text[max(0, start - 20) : start]):
            return True
        if _INDEFINITE_BEFORE.search(text[max(0, start - 20) : start]):
            return True  # "a young Ranger", "a Snorkelmatic": one of many, nobody's name
        the = _THE_BEFORE.search(text[max(0, start - 5) : start])
        return bool(the) and not low.endswith("s") and self._heads_phrase(text, end)

    def _heads_phrase(self, text: str, end: int) -> bool:
        """The name at ``end`` ends its noun phrase: punctuation or a function word follows ("a Snorkelmatic
        was", "the Belling on,"), not a noun it describes ("a Dublin accent", "the Kowalski kids")."""
        m = re.match(r"\s*([^\W\d_]+|\S)?", text[end : end + 30])
        nxt = m.group(1) if m else None
        return not nxt or not nxt.isalpha() or (nxt.islower() and zipf(nxt) >= PHRASE_END_ZIPF)

    def _language_here(self, text: str, start: int, words: list[str]) -> bool:
        """One capitalised word right after a verb of speaking ("speaks a little Frisian") or after "in" close
        behind a word about language ("explained to her in Quenyan"), no town: a language."""
        before = text[max(0, start - 40) : start]
        if len(words) != 1 or not words[0][:1].isupper() or text[start + len(words[0]) :].startswith(("'", "’")):
            return False
        if self._language_before.search(before):
            return True
        spoken = SPEECH_OF_SOMEONE_IS.search(before)  # "my Frisian is Klaaifrysk": the variety of a language spoken
        if spoken and spoken.group(1).lower() in self.languages:
            return True
        return words[0].lower() not in self.placeholders.towns and bool(self._language_in_before.search(before))

    def language_or_people(self, text: str, start: int, end: int) -> bool:
        """Where it stands, the word is a language or a people, though a person of the account bears it
        as a name: listed with languages or peoples ("the Quenyan and Welsh women"), or after "in" in a
        sentence about words ("explained to her in Quenyan")."""
        words = _WORD.findall(text[start:end])
        return self._language_here(text, start, words) or (
            len(words) == 1 and self._coordinated_with_not_name(text, start, end)
        )

    def _coordinated_with_not_name(self, text: str, start: int, end: int) -> bool:
        """The word is listed with a language, nationality or country ("Spanish and X", "X, Greek")."""
        before = re.search(r"([A-Z][a-z]+)(?:,\s*|\s+(?:and|or)\s+)$", text[max(0, start - 30) : start])
        after = re.match(r"(?:,\s*|\s+(?:and|or)\s+)([A-Z][a-z]+)\b", text[end : end + 30])
        return any(m is not None and m.group(1).lower() in self.not_names for m in (before, after))

    @staticmethod
    def kind_of_thing(text: str, start: int, end: int, label: str) -> bool:
        """An abbreviation in capitals read as an organisation or place where it names a kind of thing: after a
        possessive or an indefinite article ("her QRB", "a QRB card"), as no one body or place is written."""
        if label not in ("LOCATION", "ORGANIZATION") or not _ACRONYM.fullmatch(text[start:end]):
            return False
        return _KIND_BEFORE.search(text, max(0, start - 8), start) is not None

    def word_not_name(self, value: str, label: str, ner_only: bool) -> bool:
        """One word taken for a name that is in no list of first names, surnames or towns and is a word of
        general English: a thing ("Lego", "Doc" as a person; "Walking" as an organisation, when only the
        entity recogniser said so)."""
        words = _WORD.findall(value)
        if len(words) != 1 or label not in ("PERSON", "LOCATION", "ORGANIZATION"):
            return False
        if (label != "PERSON" and not ner_only) or words[0].isupper():  # initials ("GR") are a person's
            return False
        low = re.sub(r"['’]s?$", "", words[0]).lower()
        if low in self.listed_names or low in self.word_names or low in self.surnames or low in self.placeholders.towns:
            return False
        return zipf(low) >= (THING_ZIPF if label == "PERSON" else COMMON_ZIPF + 0.5)

    def own_story(self, text: str) -> list[str]:
        """What the narrator says of their own life ("when I was using", "my boy is a marine engineer"),
        the phrase and the few words after it, once each."""
        return list(dict.fromkeys(m.group().strip() for m in self._own_story.finditer(text)))

    def kin_names(
        self, text: str, start: int, end: int, taken: list[Target], index: IdentifierIndex | None
    ) -> list[Target]:
        """A capitalised name right after someone's relative that nothing detected ("staying with her mam
        Nan"), when it is a listed first name or the first word of a person the corpus knows, even where
        it is also a form of address."""
        corpus = {
            w.lower()
            for i in (index.values() if index is not None else ())
            if i.label == "PERSON"
            for w in _WORD.findall(i.value)[:1]
        }
        out = []
        for m in _KIN_NAME.finditer(text, start, end):
            a, b = m.start(2), m.end(2)
            if any(t.start < b and a < t.end for t in taken):
                continue
            if self.role_words.role_of(m.group(1).lower()) != "relative":
                continue
            if m.group(2).lower() in corpus or m.group(2).lower() in self.listed_names:
                out.append(Target(a, b, "PERSON", "person frame"))
        return out

    def person_word(self, word: str) -> bool:
        """A lower-case word for a person's role or relation ("nurse", "friend", "nan")."""
        return word in self.forms_of_address or self.role_words.role_of(word) is not None

    def people_described(self, text: str, end: int) -> bool:
        """A plural noun of people right after ``text[:end]`` ("... men", "... people"): the word before it
        says what they are."""
        return bool(self._people_noun_after.match(text, end))

    def people_word(self, value: str) -> bool:
        """A capitalised word with the ending of a people or nationality ("Burmese" of Burma), in no list
        of first names or surnames: what someone is, not who."""
        low = value.lower()
        return bool(self._people_suffix.fullmatch(value)) and low not in self.listed_names | self.surnames

    def _with_first_names(self, text: str, start: int, end: int, targets: list[Target]) -> list[Target]:
        """ "William" before a detected "Okonjo" is part of the name, and so is "Bell" after a detected
        "Marcus": a known first name right before a name, a capitalised word right after a first name."""
        out = []
        for t in targets:
            if t.label in ("LOCATION", "ORGANIZATION"):  # "Cedar" + " House": the kind of place is part of it
                head = _NAME_AFTER.match(text, t.end, end)
                if head and head.group(1).lower() in self.placeholders.heads:
                    t = Target(t.start, head.end(1), t.label, t.found, t.reason)
                kind = _KIND_AFTER.match(text, t.end, end)
                if kind and kind.group(1) in self.venue_types:  # "the Tamar River ward": a ward, not a river
                    t = Target(t.start, kind.end(1), t.label, t.found, t.reason)
                last = text[t.start : t.end].split()[-1].lower()
                number = _NUMBER_AFTER.match(text, t.end, end)
                if number and (last == "road" or last in self.placeholders.road_numbers):  # "Farm Road 418"
                    t = Target(t.start, number.end(), t.label, t.found, t.reason)
            if t.label == "PERSON" and t.found != "alias aside":
                m = _NAME_BEFORE.search(text, start, t.start)
                if (
                    m is not None
                    and not any(o.end == t.start - 1 for o in targets)
                    and (m.group(1).lower() in self.listed_names or self._honorific(text, m.start(1), t.end))
                ):
                    t = Target(m.start(1), t.end, t.label, t.found, t.reason)
                after = _NAME_AFTER.match(text, t.end, end)
                value = text[t.start : t.end]
                if (
                    after
                    and " " not in value
                    and value.lower() in self.listed_names
                    and after.group(1).lower() not in self.not_names | self.generic
                    and not any(o.start == after.start(1) for o in targets)
                ):
                    t = Target(t.start, after.end(1), t.label, t.found, t.reason)
            out.append(t)
        return out

    def lower_case_place(self, value: str, in_dictionary: Callable[[str], bool] | None = None) -> bool:
        """A place or organisation's name written all in lower case that still reads as a name: one of its words
        is rare in general English, in no dictionary and no everyday spelling ("quarrowmere court", not "the
        court", "reading", "the marina"). Only for a name the corpus index holds (found there in another case)."""
        words = [w.lower() for w in _WORD.findall(value)]
        if not words or not value.islower():
            return False
        return any(
            zipf(w) < LOWER_PLACE_WORD_ZIPF
            and not (in_dictionary and in_dictionary(w))
            and len(w) > 3
            and w not in STOP_WORDS
            and w not in self.everyday_spellings
            and w not in self.forms_of_address
            for w in words
        )

    def written_as_name(self, value: str, label: str) -> bool:
        """A corpus identifier found where detection did not: only where it is written as one."""
        if label not in ("PERSON", "LOCATION", "ORGANIZATION"):
            return True
        if not value[:1].isupper():
            return False
        words = _WORD.findall(value)
        return not (len(words) == 1 and zipf(words[0].lower()) >= COMMON_ZIPF + 0.5)


#: an abbreviation in capitals, maybe plural ("QRB", "QRBs")
_ACRONYM = re.compile(r"[A-Z]{2,6}s?")
#: an age in a comparison ("acts like a man of ninety", "dances like someone of twenty"): nobody's age
_LIKE_AGE_BEFORE = re.compile(
    r"\b(?:like|as)\s+(?:(?:a|an|some)\s+)?(?:[a-z]+\s+)?(?:woman|man|person|lady|fella|fellow|bloke|girl|boy|kid|child|"
    r"someone|somebody|one|people|folk)\s+of\s+$",
    re.IGNORECASE,
)
#: a possessive or an indefinite article right before a word
_KIND_BEFORE = re.compile(r"\b(?:my|his|her|their|our|your|a|an)\s+$", re.IGNORECASE)


def _capitalised_prefix(text: str, t: Target, start: int, prefix: re.Pattern[str]) -> Target:
    m = prefix.search(text, max(start, t.start - 12), t.start) if t.label == "PERSON" else None
    if m is None or not text[m.start()].isupper():
        return t
    return Target(m.start(), t.end, t.label, t.found, t.reason)


def _with_initials(text: str, t: Target, end: int) -> Target:
    """A person's name with the initials of their surname that follow it, which detection left out: the
    initials are part of the name ("Tobiah Q." is replaced whole but for its full stop, not "[name] Q.")."""
    m = _SURNAME_INITIALS.match(text, t.end, end) if t.label == "PERSON" else None
    return Target(t.start, m.end(), t.label, t.found, t.reason) if m else t


#: a surname that opens with "d'" right after a first name ("Tobiah d'Quennell"), which detection left out; not the
#: particles of other languages written apart, which as often say where someone is from ("Ana de Quillan", "von der
#: Hausverwaltung"): those stay for detection to read
#: a word in lower case after a verb of giving and before what is given is a name only when rarer than this (Zipf)
GIVEN_NAME_ZIPF = 4.0
_PARTICLE_SURNAME = re.compile(r" [dD]['’](?-i:[A-Z])[\w'’-]*(?![\w'’-])")


def _with_particle_surnames(text: str, targets: list[Target], end: int) -> list[Target]:
    """Each person's name with the surname after it that opens with "d'" ("Luc d'Quennell"), which detection left
    out or found on its own: the whole name goes as one person, not "[name] d'Quennell". Not over a target of
    another kind ("Ana d'Quillan" where "Quillan" is a place: from there)."""
    out: list[Target] = []
    absorbed: set[int] = set()
    for t in sorted(targets, key=lambda t: t.start):
        if id(t) in absorbed:
            continue
        m = _PARTICLE_SURNAME.match(text, t.end, end) if t.label == "PERSON" else None
        inside = [o for o in targets if o is not t and t.end <= o.start < (m.end() if m else 0)]
        if m is None or any(o.label != "PERSON" or o.end > m.end() for o in inside):
            out.append(t)
            continue
        absorbed |= {id(o) for o in inside}
        out.append(Target(t.start, m.end(), t.label, t.found, t.reason))
    return out


def _capitalised_run(text: str, start: int, end: int) -> str:
    """``text[start:end]`` widened over the capitalised words right before and after it, one space
    apart ("Cold Morning" of "The Cold Morning Reel")."""
    while m := re.search(r"(?<![\w'’-])[A-Z][\w'’-]* $", text[max(0, start - 40) : start]):
        start -= len(m.group())
    while m := re.match(r" [A-Z][\w'’-]*(?![\w'’-])", text[end : end + 40]):
        end += len(m.group())
    return text[start:end]


#: a number in lower case, or any number and a word in lower case, right before a plural: a count of things
#: "a lot of", "lots of", "a bit of": an amount of something, not one of a kind or a body
_MASS_BEFORE = re.compile(r"\b(?:a\s+lot|lots|a\s+bit|a\s+little\s+bit|plenty)\s+of\s+$", re.IGNORECASE)
#: the words of a full name written in lower case between its capitalised parts ("Ana de la Quorra", "Jan van Dijk")
_NAME_PARTICLES = frozenset(
    {"al", "bin", "binti", "bint", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "la", "le"}
    | {"ten", "ter", "van", "von", "y", "ibn", "ap", "ben", "bat", "mac", "st"}
)
#: a second day after a date, of the same month ("the 21st and 22nd", "21st to 23rd")
_SECOND_DAY_AFTER = re.compile(r"\s*(?:and|&|or|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)\b(?![ \t]*(?:time|place|floor)\b)")
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")


def _modifies_word_after(text: str, end: int) -> bool:
    """A word in lower case right after a name, that the name is the modifier of ("Quillby folk"); not a
    function word ("and", "after", "on")."""
    m = _WORD_AFTER.match(text, end)
    return bool(m) and m.group(1) not in STOP_WORDS


_COUNTED_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?:two|three|four|five|six|seven|eight|nine|ten|dozen|\d+)\s+(?:[a-z]+\s+)?"
    r"|(?<![\w'’-])(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\s+[a-z]+\s+)$"
)
#: the rest of a hyphened name after the part detection found ("-iti" of "Quen-iti"), not a number or a range
_HYPHENED_REST = re.compile(r"(?:-[^\W\d_]['’\w]*)+(?![\w'’-])")


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that starts or ends inside a word to the whole word; one that starts with the tail
    of a contraction ("she'[d won a title]") starts after it."""
    tail = re.match(r"(?:d|s|ll|ve|re|m)\s+", text[start:end], re.IGNORECASE)
    if tail and start > 1 and text[start - 1] in "'’" and text[start - 2].isalpha():
        start += tail.end()
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _non_overlapping(targets: list[Target]) -> list[Target]:
    """Longer ones first ("Birch Coulee" known from the corpus over a detected "Birch"), then detected
    spans; each character belongs to at most one target."""
    # format: target reason codes
    rank = {"detected": 0, "key": 1, "corpus": 2, "age shape": 3, "person frame": 4, "place frame": 4}
    rank |= {"club frame": 4, "unit frame": 4, "alias aside": 4}
    kept: list[Target] = []
    for t in sorted(targets, key=lambda t: (-(t.end - t.start), rank[t.found], t.start)):
        if not any(k.start < t.end and t.start < k.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)


def _trim_sentence_openers(text: str, targets: list[Target], acts_at: Callable[[int], bool]) -> list[Target]:
    """ "Took Tobiah" read as one name: a common word opening a sentence is not part of it, unless the
    name is the subject of what follows ("Ate Tobiah is lovely": a title before the name)."""
    out = []
    for t in targets:
        value = text[t.start : t.end]
        first = re.match(r"([A-Z][a-z]+)\s+(?=[A-Z])", value)
        if (
            first
            and not acts_at(t.end)
            and first.group(1).lower() not in TITLES
            and t.label in ("PERSON", "LOCATION", "ORGANIZATION")
            and zipf(first.group(1).lower()) >= 4.5
            and SENTENCE_START.search(text[max(0, t.start - 3) : t.start])
        ):
            t = Target(t.start + first.end(), t.end, "PERSON" if t.label == "ORGANIZATION" else t.label, t.found)
        out.append(t)
    return out


def _join_names(text: str, targets: list[Target]) -> list[Target]:
    """ "Tobiah" + " " + "Quennell": two names side by side are one person's."""
    out: list[Target] = []
    for t in sorted(targets, key=lambda t: t.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and "PERSON" in (prev.label, t.label)
            and prev.label in ("PERSON", "ORGANIZATION", "LOCATION")
            and t.label in ("PERSON", "ORGANIZATION", "LOCATION")
            and re.fullmatch(r" ", text[prev.end : t.start])
            and not re.search(r"['’]s?$", text[prev.start : prev.end])
            and text[t.start : t.start + 1].isupper()
        ):
            out[-1] = Target(prev.start, t.end, "PERSON", prev.found, prev.reason)
            continue
        out.append(t)
    return out


def _literal(words: Iterable[str]) -> str:
    """Words as a regex alternation, the spaces of a phrase as one space ("turned up", "in front of")."""
    return alternation(words, space=" ")


#: a short name and, in brackets right after it, the full name it stands for ("Dov (Dovrin Aske)"), or the
#: other way round ("Dovrin Aske (Dov)"); a word such as "née" may open the brackets
_NAME_WORDS = r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)*"
_SHORT_THEN_FULL = re.compile(rf"(?<![\w'’-])([A-Z][a-z]+)[ \t]*\((?:[a-z]+[ \t]+)?({_NAME_WORDS})\)")
_FULL_THEN_SHORT = re.compile(rf"(?<![\w'’-])({_NAME_WORDS})[ \t]*\(([A-Z][a-z]+)\)")


def defined_short_forms(text: str, full_names: set[str], nicknames: dict[str, set[str]]) -> set[str]:
    """The short names ``text`` defines by a person's full name in brackets ("Dov (Dovrin Aske)"), as
    written: the short name is the start of the first name ("Dov" of "Dovrin") or a nickname of it.
    ``full_names``: the people's names the corpus holds, in lower case. A short name so defined is that
    person wherever it stands as a name, even where it is also a common word."""
    out: set[str] = set()
    pairs = [(m.group(1), m.group(2)) for m in _SHORT_THEN_FULL.finditer(text)]
    pairs += [(m.group(2), m.group(1)) for m in _FULL_THEN_SHORT.finditer(text)]
    for short, written in pairs:
        words = written.split()
        # "Then Dovrin Aske (Dov)": the name is the longest run of the last words the corpus holds
        full = next((" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]).lower() in full_names), "")
        low = short.lower()
        first = full.split()[0].lower() if full else ""
        if not full or low == first or len(low) < 2:
            continue
        if first.startswith(low) or first in nicknames.get(low, set()):
            out.add(short)
    return out


def _plain(text: str) -> str:
    """Lower case, without accents or macrons ("Bà Nội" is "ba noi"), as detection matches its lists."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
