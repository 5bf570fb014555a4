"""Pass 2's last step: clean every span, drop what is not an identifier, resolve overlaps, fill text.

Final spans never overlap. Spans of the same label that overlap are joined; otherwise the deny list
wins, then the higher score, then the longer span. A rare detail that contains a direct identifier
is split around it, so that the identifier keeps its own label (it is always replaced; the detail
is the user's choice).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from qualdeid.corpus.model import Span
from qualdeid.detect.allow_deny import Lists, normalise
from qualdeid.detect.layout import (
    after_line_stamp,
    heading_ranges,
    inside,
    section_heading_ranges,
    split_at_breaks,
    translated_label_ranges,
)
from qualdeid.detect.names.acceptance import ALLOWED_NAME, WORD_NAME
from qualdeid.detect.names.lexicon import POSSESSIVE_ENDING, NameLexicon
from qualdeid.detect.names.scripts import mostly_uncased
from qualdeid.detect.nlp.frequency import ZipfThresholds, zipf, zipf_any_spelling
from qualdeid.detect.nlp.languages import OtherLanguages
from qualdeid.detect.processors import PLAN
from qualdeid.detect.recognizers.dates import holiday_pattern
from qualdeid.detect.transcript_roles import TranscriptRoles
from qualdeid.labels import AGE, CONTACT, DATE_TIME, DIRECT_LABELS, ID, LOCATION, ORGANIZATION, PERSON, RARE_DETAIL
from qualdeid.rules import Rules, alternation

NER_DETECTOR = "SpacyRecognizer"
#: the section of rules/frequency.yaml that holds the finaliser's Zipf thresholds, and its names
ZIPF_SECTION = "finalise"
_ZIPF_NAMES = (
    "common_word", "sentence_word", "opening_word", "everyday_opening", "repeat_word", "town_word", "town_piece",
    "body_piece", "body_word", "org_last_word", "study_code_word", "job_title_word", "people_word", "plural_word",
    "listed_word", "feast_word", "grammar", "detail_word", "rare_capitalised", "name_word_lower", "no_name_lower",
    "everyday_lowercase", "after_determiner", "meaningful_piece", "lower_title", "detail_alone",
    "opening_verb", "stamped_word", "cut_detail_word",
)  # fmt: skip
#: what finds a place or an organisation again where its document writes it once more
REPEATED_DETECTOR = "written_again"
#: an acronym this short is not found again (NER reads many a role or a unit so: "PI", "QA", "REB")
_SHORT_ACRONYM = 4
#: What follows a capitalised word used as the word: "Grace and patience are", "Bill for the taxi".
_USED_AS_WORD = re.compile(
    r"[ \t]+(?:(?:for|of|in|on|at|to|from|under|over|into|like|than|are|my|your|you|me|us|it|be)\b"
    r"|and[ \t]+(?!i\b|me\b|my\b)[a-z])"
)
#: a participant's or a session's code: "P14", "B-12", "KT-P07" (a study's prefix before it)
_CODE = re.compile(r"(?:[A-Z]{2,4}-)?[A-Z]{1,3}-?\d{1,4}")
#: What joins two dates in one NER span ("March 2022 to May 2023") or separates a name from a note
#: ("Ana Ruiz - Catalan"); what the annotation leaves out of a date ("between", "the", a time of day)
_DASH = re.compile(r"\s+[-–—]\s+")
_DATE_JOINS = re.compile(r"\s+(?:to|and|or|until|till|through|[-–—])\s+", re.IGNORECASE)
#: where a name ends: a dash between spaces, a bracket, an e-mail address in angle brackets ("Ana R. <ana@x.org>")
_NAME_BREAKS = re.compile(r"\s+[-–—|]\s+|\s*[(\[<]")
#: a lower-case note in brackets closing a chat sender's saved name ("Quintin (youth worker)"), see
#: ``recognizers/structure.py``
_SAVED_NOTE = re.compile(r"[^\W\d_][ \t]*\((?:[^\W\d_A-Z]+[ \t'’-]*)+\)$")
#: the gap between the columns of a form or a table row, which no name spans
_COLUMN_GAP = re.compile(r"[ \t]*\t[ \t]*| {2,}")
#: a form's field before a value that fills the rest of its line or column ("Preferred name: ...")
_FIELD_BEFORE = re.compile(r"[^\W\d_][^\n:]*:[ \t]*$")
_VALUE_ENDS = re.compile(r"[ \t]*(?:\n|$|\t| {2,})")
_INITIAL = re.compile(r"[A-Z]\.?")
_DATE_LEAD = re.compile(
    r"(?:between|from|since|until|till|by|on|of|the|about|around|approximately|roughly|circa)\s+", re.IGNORECASE
)
#: What puts a language before or beside a word (read with the language list)
_SPEAK = r"speaks?|spoke|speaking|spoken"
_SPEAKING = re.compile(
    rf"\b(?:{_SPEAK}|fluent(?:ly)?)"
    r"(?:[ \t]+(?:in|some|fluent|a[ \t]+little|mostly|only|both))*[ \t]+$",
    re.IGNORECASE,
)
#: a language field, also after another field of its line ("DOB: ... Home language(s): [x] Ewenki"); a
#: place in brackets or after a preposition in its value is none ("Swedish (grandmother from Vantby)")
_LANGUAGE_FIELD = re.compile(
    r"\blanguages?(?:\(s\))?(?:[ \t]+[^\W\d_]+){0,3}[ \t]*:(?:(?!\b(?:from|in|at|near|of|to)\b)[^\n:(])*\Z",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?\b")
#: "answers in Ewenki", "write to me, in Ewenki": a verb of talking or writing, then "in"
_IN_LANGUAGE = re.compile(
    r"\b(?:answer(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|write|writes|wrote|writing|written|talk(?:s|ed|ing)?)"
    r"(?:[ \t]+(?:to|with|back)(?:[ \t]+[^\W\d_]+)?)?[ \t]*,?[ \t]+in[ \t]+$"
    # "translated from Ewenki", "explained orally in Ewenki", "a translation of the Ewenki parts"
    r"|\b(?:translat|transcrib|interpret|explain)[^\W\d_]*(?:[ \t]+[^\W\d_]+ly)?[ \t]+(?:in|from|into)[ \t]+$"
    r"|\btranslations?[ \t]+(?:of|from)(?:[ \t]+the)?[ \t]+$",
    re.IGNORECASE,
)
#: a word after a language that opens a variety's name ("Afaan Oromo"), and the items of a list of
#: languages around a word ("North Sámi, Ewenki and Swedish", "Ewenki/Finnish")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_LIST_BEFORE = re.compile(r"(?:([^\W\d_]+)[ \t])?([^\W\d_]+)[ \t]*(/|,|[ \t]and|[ \t]or)[ \t]*$")
_LIST_CLOSED = re.compile(r"[ \t]*(?:[.;:)\]]|$)", re.MULTILINE)
_LIST_AFTER = re.compile(r"[ \t]*(/|,|and[ \t]|or[ \t])[ \t]*([^\W\d_]+)(?:[ \t]([^\W\d_]+))?")
#: The detectors that read a word as a name or an organisation without a frame of their own
_READERS = frozenset({NER_DETECTOR, "names"})
#: ... and the short forms that carry their readings through the corpus
_WORD_READERS = _READERS | {"short_forms"}
#: who reads a person from words: a form's label or a chat's sender may be a word too ("Kinder: Adam, Lena")
_PERSON_READERS = _WORD_READERS | {"SpeakerRecognizer", "chat_senders"}
#: who reads an organisation from words alone, NER and the forms it propagates ("Kontakt", "Notfall" in German notes)
_BODY_READERS = frozenset({NER_DETECTOR, "short_forms", "written_again"})
#: who reads a body by its own evidence, a type word closing its name ("Meadow Brook Primary School"): a piece of
#: NER's longer span it found is that body, whatever its words
_BODY_EVIDENCE = frozenset({"NamedPlaceRecognizer"})
#: what finds a nickname by the words that give it ('called me "Tata"', '("Dede" to all of us)'): a kinship word,
#: a role or another language's word in its frame is the person's name (rules/recognizers/nicknames.yaml)
_NICKNAMES = "PetNameRecognizer"
#: a form's or a header's label just before a value, on its line or after another field ("Venue: ",
#: "Date: 3 May. Place: ")
_FIELD_VALUE = re.compile(r"(?:^|[\n.;|])[ \t]*[^\W\d_][\w /()-]{0,30}:[ \t]*$")
_NEXT_WORDS = re.compile(r"(?:[ \t]+[^\W\d_]+){1,2}")
_SMALL_RANGE = re.compile(r"\d{1,2}[-–]\d{1,2}")
_FEAST_WORDS = re.compile(r"[a-z]+(?:'s)?")
#: after a chat line's date and time, the sender and the colon of the message ("8:20 pm - Ana R:")
_CHAT_SENDER = re.compile(r"[ \t]+[-–—][ \t]+[^\W\d_][^\n:]{0,40}:")
#: or the sender's phone number, where the chat export holds no name for it ("8:20 pm - +44 7700 900123:"; a text
#: messages export writes no dash: "3/4/24 8:12 AM  +1 (317) 555-0117:")
_CHAT_PHONE_SENDER = re.compile(r"[ \t]+(?:[-–—][ \t]+)?\+\d[\d \t().-]{5,22}:")
#: how far past NER's date such a phone number's colon can be (NER reads the first digits into the date)
_PHONE_SENDER_REACH = 24
_TIME_TAIL = re.compile(r",?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?(?:\s*[ap]\.?\s?m\b\.?)?$", re.IGNORECASE)
_LAST_WORD = re.compile(r"\s+([A-Za-z]+)$")
#: a time of day opening a date's span, as a chat's stamp writes it: "[05:40, 27/11/2023]", "7:25 am 4 May"
_TIME_LEAD = re.compile(r"(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?\s?m\b\.?)?,?\s+", re.IGNORECASE)
_LAST_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
#: a time of day: "14:00", "2.40 pm", "10.30" (not "10.11", which may be a day and a month)
_CLOCK = r"\d{1,2}(?:[:.]\d\d\s*[ap]\.?\s?m\b\.?|[:.](?:00|1[3-9]|[2-5]\d)(?![.:/]?\d)|:\d\d(?![.:/]?\d))"
#: only times of day, alone or as a range: "14:00-17:30", "10:30", "2.40 pm", "9:15 to 10:45 am"
_CLOCK_TIMES = re.compile(
    rf"(?:(?:approx\.?|about|around|at)\s+)?{_CLOCK}(?:\s*(?:[-–—]|to|until|till)\s*{_CLOCK})?", re.IGNORECASE
)
_AGE_UNIT = re.compile(r"[\s-]*(?:years?|yrs?)[\s-]*old|\s*y\.?/?o\b\.?", re.IGNORECASE)
#: an article right before an age in years: "a 23 year old", "an 83-year-old", "the 6-year-old" name someone by the
#: compound, which the annotation marks with its unit (where "she is 23 years old" marks the number): the span keeps
#: "23 year", not "old" (the compound's unit is singular: "a 61 years old man" stays "61")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:an?|the)[ \t]+$", re.IGNORECASE)
#: the singular unit of such a compound and the "old" closing it ("-year-old" of "44-year-old", " yr old")
_ATTRIBUTIVE_UNIT = re.compile(r"[\s-]*(?:year|yr)(?P<old>[\s-]*old)", re.IGNORECASE)
#: an age said with its plural unit and "old", no article before: "she is 6 years old", "Ana, 11 yrs old,": the
#: annotation marks the number with "years" as often as the number alone, and the span keeps the unit, not "old"
#: (half of "6 years old" is then found either way, where "6" alone is a sixth of it)
_PREDICATIVE_UNIT = re.compile(r"[ \t]+(?:years|yrs)(?P<old>[ \t]+old)", re.IGNORECASE)
#: the particles of "whose" between a relative and a name in Romance and Germanic languages: "mamá de Tiano",
#: "o filho da Quitéria", "la figlia di Ornello"; and the articles that may open such a phrase
_OF = r"(?:de|del|da|do|das|dos|di|della|dello|du|des|von|van)"
_ARTICLE = r"(?:(?:la|el|le|il|lo|los|las|o|a|der|die|das|een|une?|una?|uno)[ \t]+)?"
#: a height in feet and inches after a number: "is 5'4", "about 6’1"" (no age)
_FEET_AND_INCHES = re.compile(r"[ \t]*['’′][ \t]*\d")
#: What a rare detail's phrase is said with, not the fact: "his racing pigeons", "she's a stilt-walker" (its "s"),
#: "a circus stilt-walker back (then)"
#: what a detail is said with, and the tail of a contraction the apostrophe was stripped from ("I'm a
#: qualified farrier", "I've a hearing dog" must not become "m a qualified farrier", "ve a hearing dog"), and the
#: conjunction that joined it to the clause before ("... and was the first woman ferry skipper")
_RARE_LEAD = re.compile(r"(?:s|m|ve|d|re|ll|her|his|my|their|our|your|and|but|or|so|then)\s+", re.IGNORECASE)
_RARE_TAIL = re.compile(
    r"\s+(?:back|in|on|at|to|for|with|of|the|a|an|and|as|her|his|my|their|our|your)$", re.IGNORECASE
)
#: A word opening a list or a field, not a name: "Puzzles, snacks and ...", "Raffle: ..."
_LISTED = re.compile(r"[ \t]*[,:]")
#: what follows the abbreviation that labels a field of a code or a number: a colon, maybe after a bracket or "no.",
#: then a handle or a code of four digits or more, alone up to the line's end or a column's gap ("NHX: 4471093",
#: "QRN (West): T-55190", "IG: @ana.r"); a speaker's turn goes on after its number ("JT: 1975. We came")
_CODE_FIELD = re.compile(
    r"[ \t]*(?:\([^)\n]{1,12}\))?[ \t]*(?:no\.?|nr\.?|#)?[ \t]*:[ \t]*"
    r"(?:@[\w.]+|\+?(?=(?:[^\d\s]*\d){4})[\w./-]+(?:[ -]\d+)*)(?=[ \t]*(?:$|\t| {2,}|\())",
    re.MULTILINE,
)
_ABBREVIATION = re.compile(r"[A-Z]{2,5}")
#: the time stamp opening a line of notes at a span's start: "17:50 ", "[09:10] ", "0910 - "
_OPENING_STAMP = re.compile(r"\[?\d{1,2}[:.h]?\d{2}\]?(?:[ \t]*[-–])?[ \t]+")
#: a colon after a word: it labels a field ("Eta: 14:20")
_LABEL_AFTER = re.compile(r"[ \t]*:")
#: a title alone is a form's choice or a letter's courtesy, not a name: "Ana Ruiz (Mrs)", "[ ] Mr  [x] Mrs"
_TITLE_BEFORE = re.compile(r"(?:\(|\[[ \txX✓✔]?\])[ \t]*$")
_TITLE_AFTER = re.compile(r"[ \t]*(?:\)|\[[ \txX✓✔]?\])")
#: a form's field of the title alone: "Title: Mrs   First name: Ana"
_TITLE_FIELD = re.compile(r"\btitle[ \t]*:[ \t]*$", re.IGNORECASE)
_FIELD_END = re.compile(r"[ \t]*(?:$|\t| {2,})", re.MULTILINE)
_PEOPLE_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_JOINED_WORDS = re.compile(r"[-–/]")

_WORDS = re.compile(r"[^\s,.;:!?()\"“”]+")
#: where an organisation's span runs on into a heading's or a form's next words: a dash between spaces or
#: a column's gap ("HARBOUR CARE TRUST - ADMISSION NOTE", "Harbour Care Trust      Ward")
_BODY_BREAKS = re.compile(r"\s+[-–—]\s+|[ \t]*\t[ \t]*| {2,}")
#: what comes before a town written in lower case ("back to dunmarra"): an unconfirmed NER place or
#: organisation written all in lower case anywhere else is words ("the ice road", "las gallinas")
_PLACE_PREPOSITION_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:in|at|to|from|near|into|via|around|outside|past|towards?)[ \t]+$", re.IGNORECASE
)
#: where a sentence ends inside a name's span: "her sister. Ana said", "Registered Nurse. The manager" (a
#: lower-case ending of three letters or more, so that no initial or "St." ends a sentence)
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3})\.[ \t\n]+(?=[^\W\d_])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][\"'”’)]*)[ \t]*$")
_SPEAK_WORD = re.compile(_SPEAK, re.IGNORECASE)
#: What the rare finders add to the reason of a detail found only because the same detail is framed
#: elsewhere in the corpus (a bare "the accordion", "mules"): such an echo is a mention, not the fact
ECHO_REASON = "the same detail is flagged elsewhere in the corpus"
_DETAIL_WORDS = re.compile(r"[^\W\d_]{4,}")

#: a reference's code as NER reads it for a body, a place or a person: letters and digits ("KX-20931", "QT4417",
#: "HB-2210-7"), or digit groups of three ("31.552.804"); never digits alone, which may be a number of a name
_CODE_WORDS = re.compile(r"[^\s,;:()\"“”]+")
_REFERENCE_CODE = re.compile(r"[A-Z]{1,6}[-/]?\d{3,}[A-Z]?(?:-\d+)*|[A-Z]{1,6}-\d{2,}(?:-\d+)+|\d{1,3}(?:\.\d{3}){2,}")

#: What a span split around another may be left with at its edges: "88 Larkspur Street, "
_PIECE_EDGES = " \t\r\n,;"
_TRAILING_WORD = re.compile(r"\s+(?:on|in|at|to|of|and|the|a|with|for)$")
_EDGE_JUNK = " \t\r\n.,;:!?\"'()[]{}“”‘’-–—│┃|*_~•·<>="
_LEADING_WORDS = {
    # a bus route keeps its article: "the 47" is the name of the route
    LOCATION: re.compile(r"^(?:the|a|an|at|in|to|from|on)\s+(?!\d{1,3}[A-Z]?$)", re.IGNORECASE),
    ORGANIZATION: re.compile(r"^(?:the|a|an|at|in|to|from|on)\s+", re.IGNORECASE),
    PERSON: re.compile(r"^(?:[a-z]+\s+)+(?=[A-Z])"),
}


_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
#: a day and a month in digits, either way round ("3/6", "24.12", "12-18"); a range that is neither ("aged 14-24",
#: "45-90 minutes") dates nothing
_DAY_AND_MONTH = rf"\b(?:{_DAY}[/.-]{_MONTH}|{_MONTH}[/.-]{_DAY})\b"


def specific_date_pattern(rules: Rules) -> re.Pattern[str]:
    """What makes a date specific enough to identify: a month (of another language too, named in full: "27 avril";
    its short forms are English words: "ago", "set"), a year, a day of the month, a holiday. NER's dates without
    one ("for ten years", "most evenings") are dropped."""
    calendar = rules.lists("lexicons/calendar.yaml")
    world = sorted(map(re.escape, rules.words("lexicons/months_world.txt", lower=True)), key=len, reverse=True)
    months = "|".join([calendar.pattern("months", "months_short"), *world])
    named_days = "|".join(sorted(w.capitalize() for w in calendar["named_day_heads"]))
    occasions = "|".join(
        [
            calendar.pattern("feasts"),
            *map(holiday_pattern, sorted(rules.words("lexicons/holidays.txt"))),
            calendar.pattern("occasions"),
        ]
    )
    return re.compile(
        rf"\b(?:{months})\b|\b(?:19|20)\d\d\b|\b\d{{1,2}}(?:st|nd|rd|th)\b|{_DAY_AND_MONTH}"
        rf"|\b(?:{occasions})\b"
        rf"|(?-i:\b[A-Z][a-z]+ (?:{named_days})\b)",
        re.IGNORECASE,
    )


class LoneFeast:
    """A worldwide feast named alone, with only everyday words around it ("over Christmas", "Eid this
    year"): it dates nothing that identifies anyone. The finaliser drops such a date, and a rare detail is
    not cut around one ("was drum major in a Christmas band")."""

    def __init__(self, rules: Rules) -> None:
        calendar = rules.lists("lexicons/calendar.yaml")
        self.feasts = re.compile(rf"\b(?:{calendar.pattern('worldwide_feasts')})\b", re.IGNORECASE)
        self.everyday = ZipfThresholds(rules, ZIPF_SECTION, ("feast_word",))["feast_word"]

    def __call__(self, piece: str) -> bool:
        if any(c.isdigit() for c in piece) or not (m := self.feasts.search(piece)):
            return False
        rest = piece[: m.start()] + " " + piece[m.end() :]
        return all(zipf(w) >= self.everyday for w in _FEAST_WORDS.findall(rest.lower()))


class Finaliser:
    """Pass 2's last step for one rule set: the allow and deny lists, the name lexicon (what a name
    looks like), the calendar words and the occasions that make a date specific."""

    def __init__(self, rules: Rules) -> None:
        self.lists = Lists(rules)
        self.names = NameLexicon.read(rules)
        self.transcript_roles = TranscriptRoles(rules)
        self.other_languages = OtherLanguages(rules)
        #: how common in English a word must be to count as an everyday word (rules/frequency.yaml)
        self.z = ZipfThresholds(rules, ZIPF_SECTION, _ZIPF_NAMES)
        #: very large cities as written ("Chongqing"): NER's place there is the city, however common the word
        #: (rules/lexicons/large_places.txt; not a country or a region the annotation leaves alone)
        self.large_places = frozenset(
            p for p in rules.words("lexicons/large_places.txt") if not self.lists.not_a_place(p)
        )
        #: what people call their relatives ("abuela", "yiayia"): capitalised before a name, a title of it
        self.kin_terms = rules.words("lexicons/kin_terms.txt", lower=True)
        #: a title or relative's word in lower case, kept before a name it opens ("tia Neusa") unless after a
        #: possessive (``kin_owners`` of names/context.yaml: "my nonno Elvio")
        context = rules.lists("names/context.yaml")
        self.name_titles = TitleWords(
            frozenset(
                w
                for w in self.names.titles | self.kin_terms
                if zipf(w) < self.z["lower_title"] or w in context["surname_titles"]
            ),
            context["kin_owners"],
            frozenset(self.kin_terms) | frozenset(rules.words("lexicons/relatives.txt", lower=True)),
        )
        #: what closes the name of an event ("Kindness Week", "Harvest Fair"): an event is no place
        self.event_heads: frozenset[str] = frozenset(context["event_heads"])
        #: "rang", "spoke": verbs in the past whose form has no ending to tell them by
        self.past_verbs: frozenset[str] = frozenset(context["past_verbs"])
        calendar = rules.lists("lexicons/calendar.yaml")
        #: "See you Tues": a short weekday or month NER took for a person
        self.calendar_short = calendar["weekdays_short"] | calendar["months_short"] | calendar["feasts_short"]
        #: places named only by what they are: "the ER", "ICU"
        self.generic_places = frozenset(normalise(w) for w in rules.words("lexicons/generic_places.txt"))
        plan = rules.lists(PLAN)
        #: clinical and legal terms, kinds of service, greetings and sign-offs: never a name on their own
        sign_offs = rules.lists("lexicons/layout.yaml")["sign_offs"]
        self.terms = _plain_words(rules, plan["never_identifiers"]) | {_plain(w) for w in sign_offs}
        #: greetings and thanks of one word in other languages ("Hola", "Grazie"): not part of the name they open
        self.greeting_words = frozenset(_plain(w) for w in rules.words("lexicons/greetings.txt") if " " not in w)
        #: sign-offs that are no term besides ("ta", "thx"): in capitals, where the name rules took them for
        #: someone's initials ("Teodor Aumanu (TA)" ... "TA: forms to parents"), a person
        self.sign_offs_only = {_plain(w) for w in sign_offs} - _plain_words(rules, plan["never_identifiers"])
        #: chat and dialect spellings of everyday words ("yer", "dem"), some of them given names too: a name where
        #: the document's transcript labels a speaker with it
        self.spellings = _plain_words(rules, frozenset({"text_speak.txt"}))
        #: te reo Māori and Pacific words, some of them given names too
        self.words_also_names = _plain_words(rules, plan["words_also_names"])
        #: what a relative is called that the name lists also hold as a name ("Amma", "Oma"): alone, the relation
        lone_kin = plan["lone_kin_words"] if "lone_kin_words" in plan else frozenset()  # noqa: SIM401 (no .get)
        self.lone_kin = _plain_words(rules, lone_kin)
        self.specific_date = specific_date_pattern(rules)
        self.holidays = frozenset(normalise(w) for w in rules.words("lexicons/holidays.txt"))
        #: languages, peoples and faiths: what someone speaks or is, never who ("speaks Kinyarwanda")
        self.peoples = frozenset(_plain(w) for name in plan["languages_and_peoples"] for w in rules.words(name))
        #: languages too common to be listed as a detail ("English"): still items of a list of languages
        self.common_languages = frozenset(_plain(w) for w in rules.words("rare/common_language.txt"))
        #: "Northern Sotho", "Old Norse": the words that open a language's variety
        self.language_qualifiers = frozenset(_plain(w) for w in plan["language_qualifiers"])
        #: ... in the plural, as written without accents ("the Samoans", "Navajos"; not the name "Thaís")
        self.people_plurals = frozenset(f"{w}s" for w in self.peoples if not w.endswith("s"))
        self.weekdays = calendar["weekdays"] | calendar["weekdays_short"]
        self.label_endings = rules.lists("lexicons/form_fields.yaml")["label_endings"]
        self.feast_alone = LoneFeast(rules)
        #: roles and fields, never a name alone: "Supervisor", "Tel" (titles and kin are: "Aunty can ...")
        self.not_names_alone = self.names.roles | self.names.fields
        self.job_titles = rules.words("lexicons/job_titles.txt", lower=True)
        self.relatives = rules.words("lexicons/relatives.txt", lower=True)
        #: what a relative is called in English and the languages of rules/languages/ ("mamá", "filho"), before
        #: "de" and a name: "mamá de Tiano" is the name's person's relative
        kin = set(self.kin_terms | self.relatives)
        for path in rules.files("languages/*.yaml"):
            lists = rules.lists(f"languages/{path.stem}.yaml")
            kin |= lists["kin"] if "kin" in lists else frozenset()  # noqa: SIM401 (no .get)
        self.relative_of = re.compile(
            rf"{_ARTICLE}(?:{alternation(sorted(kin, key=len, reverse=True))})[ \t]+{_OF}[ \t]+(?=[^\W\d_])",
            re.IGNORECASE,
        )
        self.body_types = rules.words("lexicons/body_types.txt", lower=True)
        self.document_kinds = rules.words("lexicons/document_kinds.txt", lower=True)
        self.towns = rules.words("lexicons/towns.txt", lower=True) | rules.words("lexicons/towns_world.txt", lower=True)
        #: countries, languages, apps ... (as written) and the generic words of a place's name: what ends no place's
        #: name NER reads over another's ("Tarbolton English") and makes no organisation over a name ("Day Care
        #: Service")
        self.not_places = rules.words("lexicons/not_places.txt")
        self.generic_name_words = rules.words("lexicons/generic_name_words.txt", lower=True)
        #: the type words of organisations, venues and streets ("trust", "clinic", "road")
        self.type_words = frozenset(
            w
            for name in ("org_types.txt", "venue_types.txt", "street_types.txt")
            for w in rules.words(f"lexicons/{name}", lower=True)
        )
        #: jobs, relatives and words of te reo or a Pacific language: an echo of a rare detail made only of
        #: them is the service's interpreter or someone's aunty, no rare fact
        self.everyday_people = (
            self.job_titles | rules.words("lexicons/relatives.txt", lower=True) | self.words_also_names
        )

    def _organisations_over_a_name(self, text: str, spans: list[Span]) -> frozenset[tuple[int, int]]:
        """NER's organisations of three or more capitalised words whose first word alone the name rules read as
        a person's name ("Tarrow Stars Youth Football", "Velmo Precision Parts"): the organisation, kept whole.
        Not where its last word is a name or a rare word ("Ana Ortiz Balagtas": a person NER misread), nor
        where a calendar word or a holiday is in it, nor where all its words are generic ("Day Care Service")."""
        out = set()
        persons = [s for s in spans if s.label == PERSON and s.detector == _NAME_RULES]
        for span in spans:
            if span.detector != NER_DETECTOR or span.label != ORGANIZATION:
                continue
            words = text[span.start : span.end].split(" ")
            if len(words) < 3 or not all(_ORG_WORD.fullmatch(w) for w in words):
                continue
            inside = [p for p in persons if p.overlaps(span)]
            if [(p.start, p.end) for p in inside] != [(span.start, span.start + len(words[0]))]:
                continue
            last = _plain(POSSESSIVE_ENDING.sub("", words[-1]))
            if last in self.names.surnames or last in self.names.first_names or zipf(last) < self.z["org_last_word"]:
                continue
            if all(w.lower() in self.generic_name_words for w in words):
                continue
            phrase = f" {_plain(' '.join(words))} "
            if any(f" {w} " in phrase for w in self.weekdays | self.holidays):
                continue
            out.add((span.start, span.end))
        return frozenset(out)

    def _places_over_places(self, text: str, spans: list[Span]) -> frozenset[tuple[int, int]]:
        """NER's place or organisation of capitalised words on one line that holds a shorter place or organisation
        another detector read ("Tarrow Talking Therapies" over the town, "Kelso Valley Coaches" over "Kelso
        Valley"): the longer reading, kept whole. Not where a person is read in it, nor a language's variety
        ("Tarbolton English")."""
        out = set()
        places = [s for s in spans if s.label in (LOCATION, ORGANIZATION) and s.detector != NER_DETECTOR]
        persons = [s for s in spans if s.label == PERSON]
        for span in spans:
            if span.detector != NER_DETECTOR or span.label not in (LOCATION, ORGANIZATION):
                continue
            words = text[span.start : span.end].split()
            if len(words) < 2 or not all(_PLACE_WORD.fullmatch(w) for w in words) or words[0] == "The":
                continue
            if not any(_within(p, span) for p in places) or any(p.overlaps(span) for p in persons):
                continue
            if _plain(words[-1]) in self.peoples or words[-1] in self.not_places:
                continue
            out.add((span.start, span.end))
        return frozenset(out)

    def _names_a_town(self, span: Span, piece: str) -> bool:
        """A place or an organisation NER read with a town of the gazetteer in it, capitalised, that is no
        listed name nor a very common word ("Hope", "Reading")."""
        if span.label not in (LOCATION, ORGANIZATION):
            return False
        return any(
            w[:1].isupper()
            and w.lower() in self.towns
            and zipf(w.lower()) < self.z["town_word"]
            and not self.names.is_name(w)
            for w in _WORDS.findall(piece)
        )

    def _no_place(self, piece: str) -> bool:
        return self.lists.not_a_place(piece) or normalise(piece) in self.generic_places

    def _event(self, piece: str) -> bool:
        words = piece.split()
        return len(words) > 1 and words[-1][:1].isupper() and words[-1].lower() in self.event_heads

    def _name_or_title(self, word: str) -> bool:
        low = word.lower()
        return (
            self.names.is_name(word)
            or low.rstrip(".") in self.names.titles
            or low in self.names.honorifics
            or (word[:1].isupper() and low in self.kin_terms)  # "Abuela Rosa": a kin term as the name's title
        )

    def _lower_title_end(self, text: str, span: Span) -> int:
        """Where a title or relative's word in lower case ("pani", "nonno") that opens a longer span ends, or 0."""
        m = _FIRST_PIECE.match(text, span.start, span.end)
        if m is None or m.end() >= span.end or not m.group(1).islower():
            return 0
        low = m.group(1).rstrip(".")
        return m.end() if low in self.name_titles.words else 0

    def _is_term(self, text: str, span: Span) -> bool:
        """A clinical or legal term or a kind of service; a word of te reo or a Pacific language found by
        NER or written in lower case ("Aroha" capitalised, found by the name lists, stays a name)."""
        if span.detector == "deny_list":
            return False
        piece = text[span.start : span.end]
        plain = _plain(piece)
        if plain in self.terms:
            return not (span.detector == "names" and piece.isupper() and plain in self.sign_offs_only)
        if self._only_peoples(plain) or normalise(piece) in self.people_plurals:
            # "Tatar" is a language and a surname: the name lists' capitalised one stands, as the lists write
            # it ("Rōma" is the people, where only "Roma" is listed as a name)
            return span.detector == NER_DETECTOR or not (piece.istitle() and self._listed_as_written(piece))
        if plain not in self.words_also_names:
            return False
        return span.detector == NER_DETECTOR or not any(c.isupper() for c in piece) or piece.isupper()

    def _named_again(self, text: str, span: Span) -> bool:
        """The name rules' person that is a feast, a country or a language (:meth:`_named_thing`)."""
        return (
            span.label == PERSON
            and span.detector in _WORD_READERS - {NER_DETECTOR}
            and span.reason != ALLOWED_NAME
            and self._named_thing(text[span.start : span.end])
        )

    def _named_thing(self, word: str) -> bool:
        """A feast, a country or a language the name lists do not hold as a name ("Hanukkah", "Mongolia", "English"),
        written as a word (capitals may be someone's initials: "MD")."""
        if " " in word or word.isupper() or self.names.is_name(word):
            return False
        return normalise(word) in self.holidays or self.lists.not_a_place(word) or self._a_language(word)

    def _opens_a_term(self, text: str, span: Span) -> bool:
        if span.detector == "deny_list":
            return False
        following = _NEXT_WORDS.match(text, span.end)
        if following is None:
            return False
        piece = text[span.start : span.end]
        words = following.group().split()
        phrases = (_plain(" ".join([piece, *words[:n]])) for n in (1, 2))
        return any(p in self.terms or p in self.words_also_names for p in phrases)

    def _spoken(self, text: str, span: Span) -> bool:
        """A language by its frame: after a verb of speaking ("speaks Ewenki"), as the value of a language
        field ("Languages: Russian, Chukchi", "Home language(s): [x] Ewenki") or, for a
        word the name lists lack, after "answers in", "write to me in" or in a list of languages (see
        `_among_languages`). A variety of a listed language counts ("Skolt Sámi", "Afaan Oromo"). Beside a
        listed language is no frame: "Shona, Tegan's sister", "Somali, Farhiya (interpreter)"."""
        piece = text[span.start : span.end]
        words = piece.split()
        if not words or not piece[:1].isupper():
            return False
        # "Skolt Sámi": a variety of a listed language, in a list or a field only ("speaks <a region's> Welsh"
        # may be a rare detail the annotation keeps whole)
        variety = len(words) > 1
        if variety and not self._only_peoples(_plain(words[-1])):
            return False
        end = span.end
        following = _NEXT_WORD.match(text, end)
        if not variety and following is not None and _plain(following.group(1)) in self.peoples:
            end, variety = following.end(), True  # "Afaan" of "Afaan Oromo": the language's own word for language
        before = text[max(0, span.start - 60) : span.start]
        if not variety and _SPEAKING.search(before):
            return True
        if _LANGUAGE_FIELD.search(before):
            return True
        # a name the lists know stays one beside a language ("Somali and Tegan came")
        if self.names.is_name(words[0]):
            return False
        # "answers in" before a place is where ("talked in <town>"): a name's frame only
        in_language = span.label != LOCATION and _IN_LANGUAGE.search(before) and not _POSSESSIVE.match(text, end)
        return bool(in_language) or self._among_languages(text, span.start, end)

    def _among_languages(self, text: str, start: int, end: int) -> bool:
        """One item of a list of languages: beside a listed one after a slash ("Ewenki/Finnish"), with two
        listed ones in the list ("North Sámi, Ewenki, Norwegian"), or joined to one by "and"/"or" in a list
        that a verb of speaking or "in" opens or that ends there ("speaks Ewenki and Finnish at home", "in
        Finnish or Ewenki."); never before a listed one that is an adjective ("Ewenki and Somali women")."""
        listed, joined_before, joined_after, opening = 0, False, False, start
        pos = start
        for _ in range(3):  # the items before: one word or two ("North Sámi")
            m = _LIST_BEFORE.search(text, max(0, pos - 40), pos)
            if m is None:
                break
            if m.group(1) and self._a_language(f"{m.group(1)} {m.group(2)}"):
                item = m.start(1)
            elif self._a_language(m.group(2)):
                item = m.start(2)
            else:
                break
            if m.group(3) == "/" and pos == start:
                return True
            joined_before = joined_before or (pos == start and m.group(3) != ",")
            listed += 1
            pos = opening = item
        pos = end
        for _ in range(3):  # the items after
            m = _LIST_AFTER.match(text, pos)
            if m is None:
                break
            if m.group(3) and self._a_language(f"{m.group(2)} {m.group(3)}"):
                item_end = m.end(3)
            elif self._a_language(m.group(2)):
                item_end = m.end(2)
            else:
                break
            nxt = _NEXT_WORD.match(text, item_end)
            if nxt is not None and nxt.group(1)[:1].islower() and nxt.group(1) not in ("and", "or"):
                break  # "Somali women": a people as an adjective
            if m.group(1) == "/" and pos == end:
                return True
            joined_after = joined_after or (pos == end and m.group(1) != ",")
            listed += 1
            pos = item_end
        if listed >= 2:
            return True
        before = text[max(0, opening - 40) : opening]
        opened = bool(_SPEAKING.search(before) or re.search(r"\bin[ \t]+$", before, re.IGNORECASE))
        # after "<a language> and", the word must close the list: "in Sinhala and Xiomara taught him" is a name
        if joined_before and _LIST_CLOSED.match(text, end):
            return True
        return joined_after and (opened or bool(_LIST_CLOSED.match(text, pos)))

    def _a_language(self, words: str) -> bool:
        plain = _plain(words)
        return self._only_peoples(plain) or plain in self.common_languages

    def _only_peoples(self, plain: str) -> bool:
        """ "Samoan", "Uzbek/Tajik", "Bolivian Quechua", "Northern Sotho": languages and peoples only (a
        compass or period word may open them)."""
        words = _PEOPLE_WORDS.findall(plain)
        if len(words) > 1 and words[0] in self.language_qualifiers:
            words = words[1:]
        return plain in self.peoples or (bool(words) and all(w in self.peoples for w in words))

    def _listed_as_written(self, word: str) -> bool:
        """A listed name with the marks it is written with, not only through the list's plain letters."""
        low = word.lower()
        return any(frozenset.__contains__(names, low) for names in (self.names.first_names, self.names.surnames))

    def _study_code(self, piece: str) -> bool:
        words = _WORDS.findall(piece)
        codes = [w for w in words if _CODE.fullmatch(w)]
        others = [w.lower() for w in words if w not in codes]
        return bool(codes) and all(w in self.not_names_alone or zipf(w) >= self.z["study_code_word"] for w in others)

    def _job_title(self, text: str, span: Span) -> bool:
        """ "Senior Housing Officer", "Tenancy Support Worker": a job, not who holds it."""
        words = [w.lower() for w in _PEOPLE_WORDS.findall(text, span.start, span.end)]
        if not words or words[-1] not in self.job_titles:
            return False
        known = self.job_titles | self.not_names_alone | self.names.titles
        return all(
            w in known or (zipf(w) >= self.z["job_title_word"] and not self.names.is_name(w)) for w in words[:-1]
        )

    def _opens_job_title(self, text: str, span: Span) -> bool:
        """ "Social" of "(Social Worker)", "Service" of "Service Manager": an everyday word that opens a job's
        title, read alone as a name."""
        piece = text[span.start : span.end]
        following = _NEXT_WORDS.match(text, span.end)
        if (
            following is None
            or not piece.isalpha()
            or self.names.is_name(piece)
            or zipf(piece.lower()) < self.z["job_title_word"]
        ):
            return False
        title = following.group().split()[0]
        return title[:1].isupper() and title.lower() in self.job_titles

    def _body_pieces(
        self, text: str, span: Span, read: frozenset[tuple[int, int]] = frozenset()
    ) -> tuple[list[Span], list[Span]]:
        """An organisation's span (NER's place's too) cut where it runs on over a spaced dash or a column's gap
        into a heading's or a form's words: "Tarnby Health Service - Admission Note" is "Tarnby Health Service",
        "Harbour Care Trust      Occupation" is "Harbour Care Trust". The pieces made only of everyday words go
        while a piece with a name, a town, a rare word or a digit is left; if none is, the first piece stays
        (the name comes first) for the other rules to judge ("VISIT LOG - ..." is a document's kind). A piece
        another recognizer read as a body by its own evidence (``read``: "Meadow Brook Primary School - Pastoral
        / FSW notes", a name in everyday words closed by its type word) is that body, never words run on into.
        Returns the pieces kept and those it ran on into."""
        if span.detector == "deny_list" or not (
            span.label == ORGANIZATION or (span.label == LOCATION and span.detector == NER_DETECTOR)
        ):
            return [span], []
        pieces = _pieces(text, span, _BODY_BREAKS)
        bodies = [p for p in pieces if (p.start, p.end) in read]
        named = [p for p in pieces if p in bodies or not self._everyday_piece(text[p.start : p.end])]
        if len(named) == len(pieces) and not bodies:
            return [span], []  # "Ana Ruiz - Tarnby Trust": nothing runs on
        kept = named or pieces[:1]
        return kept, [p for p in pieces if p not in kept]

    def _everyday_piece(self, piece: str) -> bool:
        """Only English words this frequent, none a name or an initial, no digit, and not a town of the
        gazetteer as a whole (as written in a name's case, or rare in English: "Hope" and "Welcome" are towns
        somewhere too, and a heading in capitals writes "WELCOME")."""
        words = _PEOPLE_WORDS.findall(piece)
        plain = piece.strip().lower()
        town = plain in self.towns and (not piece.isupper() or zipf(plain) < self.z["town_piece"])
        return (
            bool(words)
            and not town
            and not any(c.isdigit() for c in piece)
            and all(len(w) > 1 and zipf(w.lower()) >= self.z["body_piece"] and not self.names.is_name(w) for w in words)
        )

    def _lowercase_words(self, text: str, span: Span) -> bool:
        """A span written all in lower case in a script with capitals ("the ice road", "las gallinas"),
        that is neither right after a place's preposition ("back to dunmarra", "up in port quill" may be a
        town) nor a word rare in English before a type word ("the zenfield trust")."""
        piece = text[span.start : span.end]
        if piece.lower() != piece or piece.upper() == piece:
            return False  # a capital, or no cased letter (a script without capitals, digits)
        words = _PEOPLE_WORDS.findall(piece)
        if len(words) <= 3 and _PLACE_PREPOSITION_BEFORE.search(text, max(0, span.start - 12), span.start):
            return False
        return not (
            len(words) > 1 and words[-1] in self.type_words and any(zipf(w) < self.z["body_piece"] for w in words[:-1])
        )

    def _document_kind(self, piece: str) -> bool:
        """ "PARENT CONSENT FORM", "Handover": a document's kind, with only everyday words before it."""
        words = _PEOPLE_WORDS.findall(piece)
        if not words or words[-1].lower() not in self.document_kinds:
            return False
        return all(zipf(w.lower()) >= self.z["body_word"] - 1 and not self.names.is_name(w) for w in words[:-1])

    def _two_language_heading(self, piece: str) -> bool:
        """A heading given in two languages ("Protokoll / Minutes", "Vereinbarungen / Agreements"): one side of it, no
        digit in it, is a document's kind or one or two everyday English words naming no body (a name in two
        languages stays: "Ak Vista / Ak Vista Family Centre")."""
        if " / " not in piece or any(c.isdigit() for c in piece):
            return False
        return any(self._translated_heading(side) for side in piece.split(" / "))

    def _translated_heading(self, side: str) -> bool:
        """One side of a heading in two languages that is a document's kind or one or two everyday English words
        naming no body ("Minutes", "Agreements", "Voicemail")."""
        words = _PEOPLE_WORDS.findall(side)
        if not words or len(words) > 3:
            return False
        if self._document_kind(side):
            return True
        return len(words) <= 2 and all(
            zipf(w.lower()) >= self.z["body_word"] and w.lower() not in self.body_types and not self.names.is_name(w)
            for w in words
        )

    def _body_by_function(self, piece: str) -> bool:
        """ "Research Ethics Committee", "Review Board": a body named only by what it does."""
        words = _PEOPLE_WORDS.findall(piece)
        if len(words) < 2 or words[-1].lower() not in self.body_types:
            return False
        return all(zipf(w.lower()) >= self.z["body_word"] and not w.isupper() for w in words[:-1])

    def _role_or_field(self, text: str, span: Span) -> bool:
        """ "Coordinator", "Tel", "MRN", "Ward Manager": a role, a field or a record's name alone."""
        piece = text[span.start : span.end]
        words = _WORDS.findall(piece)
        by_names = span.detector != NER_DETECTOR
        if (piece in self.lists.roles and not (by_names and len(piece) < 3)) or self._job_title(text, span):
            return True
        if self._opens_job_title(text, span):
            return True
        if len(piece) >= 3 and piece.isupper() and piece.lower() in self.names.roles:
            return True  # "FAC:", "INTERP:": a speaker's role in capitals, too long for initials
        return not piece.isupper() and all(w.lower() in self.not_names_alone for w in words)

    def _sender_after(self, text: str, span: Span, others: list[Span]) -> int | None:
        """Where NER's date runs over a dash into a name another detector found, every word after the dash
        inside it: a chat line's time and sender."""
        m = _DASH.search(text, span.start, span.end)
        if m is None:
            return None
        names = [o for o in others if o.label == PERSON and o.end > m.end() and o.start < span.end]
        words = list(_PEOPLE_WORDS.finditer(text, m.end(), span.end))
        if words and all(any(n.start <= w.start() and w.end() <= n.end for n in names) for w in words):
            return m.start()
        return None

    def _title_in_form(self, text: str, span: Span) -> bool:
        """A title alone in brackets after a name, beside a form's tick box or as a title field's value: "Ana Ruiz
        (Mrs)", "[x] Ms", "Title: Mr" (a kin word stays: "(Aunty)" may be what someone is called)."""
        title = text[span.start : span.end].lower().rstrip(".")
        if title not in self.names.titles or title in self.relatives:
            return False
        before = _TITLE_BEFORE.search(text, max(0, span.start - 6), span.start)
        after = _TITLE_AFTER.match(text, span.end)
        bracketed = before is not None and after is not None and "(" in before.group() and ")" in after.group()
        ticked = (before is not None and "[" in before.group()) or (after is not None and "[" in after.group())
        field = _TITLE_FIELD.search(text, max(0, span.start - 12), span.start) is not None
        fielded = field and _FIELD_END.match(text, span.end) is not None
        return bracketed or ticked or fielded

    def _ner_word_use(self, text: str, span: Span) -> bool:
        """NER's span read from ordinary words: a weekday ("Tues & Weds", "Busy Sat", "Fri-Sun"), a language or
        people with everyday words ("Spoke Wolof"), a field's label ("Member ID"), an everyday word
        listed or in the plural ("Puzzles, snacks", "Nightmares")."""
        words = [w.lower() for w in _PEOPLE_WORDS.findall(text, span.start, span.end)]
        if not words:
            return False
        parts = (part for w in words for part in _JOINED_WORDS.split(w))  # "Mon-Thu"
        if any(part in self.weekdays for part in parts) or words[-1] in self.label_endings:
            return True
        plain = [_plain(w) for w in words]
        if any(w in self.peoples for w in plain) and all(
            w in self.peoples or zipf(w) >= self.z["people_word"] for w in plain
        ):
            return True
        if span.label != PERSON or len(words) > 1 or text[span.start : span.end].lower() != words[0]:
            return False
        word = words[0]
        if self.names.is_name(word):
            return False
        plural = word.endswith("s") and zipf(word[:-1]) >= self.z["plural_word"]
        return plural or (zipf(word) >= self.z["listed_word"] and bool(_LISTED.match(text, span.end)))

    def _says_nothing_rare(self, text: str, span: Span) -> bool:
        """ "spoke to him in Welsh", "speaks Arabic", "with": no word of the detail is rare (a language is
        a detail with more to it: "taught himself Esperanto", "speaks fluent Faroese"); "died", "worked",
        "for 40 years": two words at most, one of them besides grammar words, and a common one."""
        words = _PEOPLE_WORDS.findall(text, span.start, span.end)
        said = [w.lower() for w in words if zipf(w.lower()) < self.z["grammar"]]
        if len(words) <= 2 and len(said) == 1 and zipf_any_spelling(said[0]) >= self.z["detail_alone"]:
            return True  # (not "had her first son" of "... at fifteen": the age cut out of it made it rare)
        return bool(words) and all(
            _SPEAK_WORD.fullmatch(w) or _plain(w) in self.peoples or zipf(w.lower()) >= self.z["grammar"] for w in words
        )

    def _mere_echoes(self, text: str, spans: list[Span]) -> set[int]:
        """The ids of rare-detail echoes (found only because the same detail is framed elsewhere) that say
        nothing of their own: a repeat of a detail already mentioned earlier in the document ("plays the
        hurdy-gurdy in a folk band ... the hurdy-gurdy"; the first mention carries the detail), or a job
        the service provides or a relative ("Interpreter: booked", "no interpreter", "the aunties"). An
        echo with a capitalised rare word stays (that word may be a name no other detector found)."""
        seen: set[str] = set()
        mere: set[int] = set()
        for span in sorted((s for s in spans if s.label == RARE_DETAIL), key=lambda s: s.start):
            piece = text[span.start : span.end]
            words = _detail_words(piece, self.z["detail_word"])
            echo = ECHO_REASON in (span.reason or "") and not _capitalised_rare_word(piece, self.z["rare_capitalised"])
            if echo and (words & seen or (words and words <= self.everyday_people)):
                mere.add(id(span))
            seen |= words
        return mere

    def _tidy(self, text: str, span: Span) -> list[Span]:
        """A date, a name or an age without the words around it that the annotation leaves out: "between 4 May",
        "2 May 2024 5:10 PM", "Ana Ruiz - Catalan", "Hi Ana", "Ana Ruiz RN", "58 years old"."""
        if span.label == DATE_TIME and self.feast_alone(text[span.start : span.end]):
            return []  # "over Christmas", "Eid this year"
        if span.label == DATE_TIME and (
            (sender := _CHAT_SENDER.search(text, span.start, span.end + 2))
            or (sender := _CHAT_PHONE_SENDER.search(text, span.start, span.end + _PHONE_SENDER_REACH))
        ):
            if sender.start() == span.start:
                return []
            # "27/02/26 8:20 pm - Ana R: and", "8:20 pm - +44 7700": the chat line's time only
            span = replace(span, end=min(span.end, sender.start()))
        if span.label == DATE_TIME:
            pieces = _pieces(text, span, _DATE_JOINS)
            if not all(self.specific_date.search(text, p.start, p.end) for p in pieces):
                pieces = [span]  # "Jun 3 2024 - Pim Vos": not two dates
            return [self._date_piece(text, p) for p in pieces]
        if (named := self._relative_of_a_name(text, span)) is not None:
            return [named]  # "mamá de Tiano": the name, not a body
        if (code := self._reference_code(text, span)) is not None:
            return [code]  # "ref KX-20931", "MRN QT4417": the reference, not a body
        if (
            span.label == PERSON
            and span.detector == "SpeakerRecognizer"
            and _SAVED_NOTE.search(text, span.start, span.end)
        ):
            return [span]  # "Quintin (youth worker)": the name a phone saved a chat's sender under, with its note
        if span.label == PERSON and span.detector != "deny_list":
            sentences = self._sentences(text, span)
            if len(sentences) > 1:
                # "her sister. Ana said": a sentence's piece made only of words that are no name goes
                named = [p for p in sentences if not all(map(self._no_name, _WORDS.findall(text, p.start, p.end)))]
                return [piece for p in named for piece in self._tidy(text, p)]
            pieces = [c for p in _pieces(text, span, _NAME_BREAKS) for c in self._name_columns(text, p)]
            kept = [self._name_piece(text, p) for p in pieces if self._has_name(text, p)]
            return kept or [span]
        if span.label == RARE_DETAIL:
            return [_trim_detail(text, span)]
        if span.label == AGE and _FEET_AND_INCHES.match(text, span.end):
            return []  # "he is 5'4": a height
        if span.label == AGE and (m := _AGE_UNIT.search(text, span.start, span.end)) and m.end() == span.end:
            if (unit := _ATTRIBUTIVE_UNIT.fullmatch(m.group())) and _ARTICLE_BEFORE.search(
                text, max(0, span.start - 8), span.start
            ):
                return [replace(span, end=m.start() + unit.start("old"))]  # "a 58 yr old bloke": the age with its unit
            if (unit := _PREDICATIVE_UNIT.fullmatch(m.group())) and not _ARTICLE_BEFORE.search(
                text, max(0, span.start - 8), span.start
            ):
                return [replace(span, end=m.start() + unit.start("old"))]  # "she is 6 years old": "6 years"
            return [replace(span, end=m.start())] if m.start() > span.start else [span]
        return [span]

    def _relative_of_a_name(self, text: str, span: Span) -> Span | None:
        """NER's body, place or person that is a relative of someone named: "mamá de Tiano", "o filho da
        Quitéria" is no body: a person span of the capitalised words after "de" (none a word of the name
        lists' roles or fields)."""
        if span.detector != NER_DETECTOR or span.label not in (PERSON, ORGANIZATION, LOCATION):
            return None
        m = self.relative_of.match(text, span.start, span.end)
        if m is None:
            return None
        words = _WORDS.findall(text, m.end(), span.end)
        if not words or not all(w[:1].isupper() and w.lower() not in self.not_names_alone for w in words):
            return None
        return replace(span, start=m.end(), label=PERSON)

    def _reference_code(self, text: str, span: Span) -> Span | None:
        """NER's body, place or person that is a reference's code, perhaps after its label ("ref KX-20931",
        "MRN QT4417", "Client KX-2093"): an ID span of the code alone. The label's words are abbreviations in
        capitals, a role or a field's label, or lower case; a capitalised word of a name keeps the span as it is."""
        if span.detector != NER_DETECTOR or span.label not in (PERSON, ORGANIZATION, LOCATION):
            return None
        words = list(_CODE_WORDS.finditer(text, span.start, span.end))
        if not words or not _REFERENCE_CODE.fullmatch(words[-1].group()):
            return None
        for w in words[:-1]:
            word = w.group().replace(".", "")
            if not (word.islower() or (word.isupper() and word.isalpha()) or word.lower() in self.not_names_alone):
                return None
        return replace(span, start=words[-1].start(), end=words[-1].end(), label=ID)

    def _name_columns(self, text: str, span: Span) -> list[Span]:
        """A name without the next columns of its form or table row: "J. Okoro    Signed", "Ana Ruiz\tConsent".
        Of several columns, those holding a listed name or an initial stay (the first if none does)."""
        columns = _pieces(text, span, _COLUMN_GAP)
        if len(columns) == 1:
            return columns
        named = [
            c
            for c in columns
            if any(self.names.is_name(w) or _INITIAL.fullmatch(w) for w in _WORDS.findall(text, c.start, c.end))
        ]
        return named or columns[:1]

    def _date_piece(self, text: str, span: Span) -> Span:
        start, end = span.start, span.end
        if (bracket := text.find("]", start, end)) > start and self.specific_date.search(text, start, bracket):
            end = bracket  # "27/11/2023] Ana R": a chat stamp's date, then its sender
        if (m := _TIME_LEAD.match(text, start, end)) and self.specific_date.search(text, m.end(), end):
            start = m.end()  # "05:40, 27/11/2023": the date without the time of day
        while (m := _DATE_LEAD.match(text, start, end)) and self.specific_date.search(text, m.end(), end):
            start = m.end()
        while True:
            m = _TIME_TAIL.search(text, start, end) or _LAST_WORD.search(text, start, end)
            if m is None or not self.specific_date.search(text, start, m.start()):
                break
            if m.re is _LAST_WORD and m.group(1).lower() not in self.names.fields:
                break
            end = m.start()
        return replace(span, start=start, end=end)

    def _name_word(self, word: str) -> bool:
        """Not a time, a field, a role or an abbreviation ("RN", "Date", "12:47"), a language or people,
        or an everyday word in lower case ("Ana Ruiz - prefers ...")."""
        low = word.lower()
        if low in self.names.fields or low in self.names.roles:
            return False
        if word in self.names.not_initials or (_plain(word) in self.peoples and not self.names.is_name(word)):
            return False
        if len(word) > 2 and word in self.lists.roles:
            return False  # "Ana Ruiz MRCGP": a credential after the name (two letters may be initials)
        return (
            not word.islower()
            or self.names.is_first_name(word)
            or self.names.is_name(word)
            or zipf(low) < self.z["name_word_lower"]
        )

    def _has_name(self, text: str, span: Span) -> bool:
        return any(self._name_word(w) for w in _WORDS.findall(text, span.start, span.end))

    def _sentences(self, text: str, span: Span) -> list[Span]:
        """``span`` cut where a sentence ends inside it (not after a title's abbreviation: "Prof. Ana Ruiz")."""
        pieces, start = [], span.start
        for m in _SENTENCE_BREAK.finditer(text, span.start, span.end):
            word = _LAST_WORD_BEFORE.search(text, span.start, m.start())
            if word is None or (len(word.group()) <= 4 and word.group().lower() in self.names.titles):
                continue  # "Prof.", "Capt.": a title's abbreviation
            pieces.append(replace(span, start=start, end=m.start()))
            start = m.end()
        pieces.append(replace(span, start=start, end=span.end))
        return [p for p in pieces if p.end > p.start]

    def _no_name(self, word: str) -> bool:
        """A word that is no name on its own: a title or a relative, an everyday word no name list holds
        ("sister", "Nurse", "The")."""
        low = word.lower()
        if low in self.names.titles or low in self.relatives:
            return True
        return not self.names.is_name(word) and zipf(low) >= (
            self.z["no_name_lower"] if word.islower() else self.z["opening_word"]
        )

    def _opening_word(self, text: str, word: re.Match[str]) -> bool:
        """ "Took" of "Took Ana to ...": an everyday word opening a sentence before a name; a verb less common
        ("Phoned Ana", "Texted Ana": case notes without their subject)."""
        w = word.group()
        low = w.lower()
        return (
            w[:1].isupper()
            and w[1:].islower()
            and zipf(low) >= (self.z["opening_verb"] if self._verb_form(low) else self.z["opening_word"])
            and w.lower() not in self.names.titles
            and w.lower() not in self.names.prefixes  # "Big Tadhg": a nickname's word, joined to the name
            and self._only_as_a_word(text, w, word.start())
        )

    def _verb_form(self, low: str) -> bool:
        """A verb by its form: in the past ("rang", "phoned"), a participle ("bringing"), the third person of
        a common word ("brings"). Not three letters: "Ate" and "Saw" are also titles before a name."""
        return (
            (low in self.past_verbs and len(low) > 3)
            or (low.endswith("ed") and len(low) > 4)
            or (low.endswith("ing") and len(low) > 5)
            or (low.endswith("s") and not low.endswith("ss") and zipf(low[:-1]) >= self.z["opening_word"] - 1)
        )

    def _only_as_a_word(self, text: str, word: str, start: int) -> bool:
        """``word`` at ``start`` opens a sentence, no name list holds it, and the text never writes it with a
        capital inside a sentence ("Charity set two alarms ... told Charity" makes it a name)."""
        if self.names.is_name(word) or self.names.is_first_name(word):
            return False
        if not _SENTENCE_START.search(text, max(0, start - 8), start):
            return False
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text):
            if m.start() != start and not _SENTENCE_START.search(text, max(0, m.start() - 8), m.start()):
                return False
        return True

    def _everyday_opening(self, text: str, span: Span) -> bool:
        """One capitalised everyday word opening a sentence, which no name list holds and no town is (NER's
        "Lift was out")."""
        piece = text[span.start : span.end]
        if span.label == DATE_TIME or (span.label != PERSON and piece.lower() in self.towns):
            return False  # "Reading was packed": a town of the gazetteer
        return (
            piece.isalpha()
            and piece[1:].islower()
            and zipf(piece.lower()) >= self.z["everyday_opening"]
            and self._only_as_a_word(text, piece, span.start)
        )

    def _stamped_words(self, text: str, span: Span) -> bool:
        """NER's organisation or place that opens with the time stamp opening a line of notes, the words after it
        everyday ones, none a listed first name ("17:50 Supper", "09:10 Minibus late"): what happened then."""
        stamp = _OPENING_STAMP.match(text, span.start, span.end)
        if stamp is None or not after_line_stamp(text, stamp.end()):
            return False
        words = _WORDS.findall(text, stamp.end(), span.end)
        if not words or not words[0][1:].islower() or not all(w.islower() or len(w) == 1 for w in words[1:]):
            return False  # "10:30 Red Cross": capitalised words after the first name a body
        return all(
            w.isalpha()
            and w.lower() not in self.names.first_names
            and (len(w) == 1 or zipf(w.lower()) >= self.z["stamped_word"])
            for w in words
        )

    def _stamped_word(self, text: str, span: Span) -> bool:
        """One everyday word after the time stamp opening a line of notes, no listed first name, never written
        with a capital mid-sentence in the text ("11:40 Marquee up"; not where the notes also write "told Marquee")."""
        piece = text[span.start : span.end]
        if not (piece.isalpha() and piece[1:].islower() and after_line_stamp(text, span.start)):
            return False
        if piece.lower() in self.names.first_names or zipf(piece.lower()) < self.z["stamped_word"]:
            return False
        return not any(
            m.start() != span.start
            and not _SENTENCE_START.search(text, max(0, m.start() - 8), m.start())
            and not after_line_stamp(text, m.start())
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(piece)}(?![\w'’-])", text)
        )

    def _name_piece(self, text: str, span: Span) -> Span:
        end = span.end
        if (m := _TIME_TAIL.search(text, span.start, end)) and m.start() > span.start:
            end = m.start()  # "Ana Ruiz 12:47"
        words = list(_WORDS.finditer(text, span.start, end))
        while len(words) > 1 and (
            words[0].group().lower() in self.names.fields or _plain(words[0].group()) in self.greeting_words
        ):
            words.pop(0)  # "Hi Ana", "Morning Ana", "Hola Ana", "Grazie Ana"
        if len(words) > 1 and self._opening_word(text, words[0]):
            words.pop(0)  # "Took Ana to the ...", "Both Mrs Ruiz and ..."
        while (
            len(words) > 1
            and not self._name_word(words[-1].group())
            and words[-1].group().lower() not in self.names.honorifics  # "Ayşe hanım"
            and not _dotted_initial(text, words[-1])  # "Q.A.": the initial "A", no article
        ):
            words.pop()  # "Ana Ruiz RN", "Ana Ruiz Date"
        end = words[-1].end() + _dotted_initial(text, words[-1])  # "Ana R.": the initial keeps its full stop
        return replace(span, start=words[0].start(), end=end)

    def spans(self, text: str, spans: list[Span]) -> list[Span]:
        """The final spans of a document: cleaned, filtered, without overlaps, with their text."""
        # the English NER model reads no Thai, Chinese, Arabic...: its spans there would grow the names read there
        spans = [s for s in spans if s.detector != NER_DETECTOR or not mostly_uncased(text[s.start : s.end])]
        headings = heading_ranges(text)
        sections = section_heading_ranges(text)
        labels = translated_label_ranges(text)
        # (a feast, a country or a language the name rules found again, as NER once read it, confirms no person)
        by_others = [s for s in spans if s.detector != NER_DETECTOR and not self._named_again(text, s)]
        echoes = self._mere_echoes(text, spans)
        spans = [s for s in spans if id(s) not in echoes]
        roles = self.transcript_roles.abbreviations(
            text, [s for s in spans if s.label in (PERSON, ORGANIZATION, LOCATION)]
        )
        #: names that speak in this document's chat or transcript turns, field words too ("09:40 - Memo: ok")
        senders = {text[s.start : s.end] for s in spans if s.detector == "SpeakerRecognizer" and s.label == PERSON}
        # and the everyday words the document uses as a person's name (field words too: "I told Update")
        senders |= {text[s.start : s.end] for s in spans if s.reason == WORD_NAME and s.label == PERSON}
        # and the one-word pet names it gives someone ('Odile Varnel ("Nonnina")'): that person wherever the document
        # uses them (of "Nonna Orsi" the kinship word alone stays a word)
        senders |= {
            text[s.start : s.end]
            for s in spans
            if s.detector == _NICKNAMES and s.label == PERSON and " " not in text[s.start : s.end]
        }
        spoken_names = {_plain(w) for w in senders} & self.spellings
        # the first word of who writes a chat's lines ("Zofia K:"), which the names pass finds again in the
        # messages ("tell zofia"): the person, whatever the word is in a language or a list of terms
        sender_words = {_plain(s.split()[0]) for s in senders if s.split() and s.split()[0][:1].isupper()}
        #: listed first names that are also field words ("Eta"), written as a name mid-sentence in this document
        field_names = {
            _plain(text[s.start : s.end])
            for s in spans
            if s.detector == "names"
            and s.label == PERSON
            and self.names.is_first_name(text[s.start : s.end])
            and _written_as_a_name(text, s)
        }
        languages = self.other_languages.of(text)
        #: the words the document uses as a language somewhere ("speaks Ewenki"): a language wherever it stands
        #: there ("Ewenki only, no English"), unless the name lists hold them
        spoken = {
            text[s.start : s.end]
            for s in spans
            if s.label in (PERSON, ORGANIZATION, LOCATION) and s.detector in _READERS and self._spoken(text, s)
        }
        bodies = [s for s in spans if s.label in (ORGANIZATION, LOCATION)]
        named = [s for s in spans if s.label == PERSON and s.detector == "names"]
        cleaned: list[Span] = []
        pieces: list[Span] = []
        run_on: list[Span] = []  # what a body's span ran on into ("- ADMISSION NOTE"): no body of its own either
        #: the bodies recognizers read by their own evidence (a type word closing the name, a letterhead)
        read = frozenset(
            (s.start, s.end) for s in spans if s.label in (ORGANIZATION, LOCATION) and s.detector in _BODY_EVIDENCE
        )
        for span in [*spans, *self.lists.deny_spans(text)]:
            kept, dropped = self._body_pieces(text, span, read)
            pieces += kept
            run_on += dropped
        for span in pieces:
            if span.label in (ORGANIZATION, LOCATION) and any(
                r.start <= span.start and span.end <= r.end for r in run_on
            ):
                continue
            span = _clean(text, span, self.name_titles)
            if span is None or (
                span.detector != "deny_list"
                and self.lists.allowed(text[span.start : span.end])
                and span.reason != ALLOWED_NAME
            ):
                continue
            span_text = text[span.start : span.end]
            if span.label == RARE_DETAIL and self._says_nothing_rare(text, span):
                continue
            if span.label == RARE_DETAIL and self.other_languages.says_it_in(text, span.start, span.end, languages):
                continue  # "sozinha num apartamento": everyday words of the text's other language, rare in English
            if span.label in (PERSON, ORGANIZATION, LOCATION) and span.detector != "deny_list" and span_text in roles:
                continue  # "P: yes", "via the KW": an abbreviation the text defines as a role or a thing
            if span.label == AGE and text.startswith("+", span.end):
                continue  # "(ages 9+)", "for 18+ only": a limit of age, no one's age
            if span.label == ID and span.detector == "CodeRecognizer" and _SMALL_RANGE.fullmatch(span_text):
                continue  # "Thursdays 9-11", "ages 14-21": hours or ages, not a code
            if (
                span.label in (PERSON, ORGANIZATION, LOCATION)
                and span.reason != ALLOWED_NAME
                and _plain(span_text) not in spoken_names  # "DEM (son): ... I'm Dem": a speaker's name
                and not (span.detector in ("names", "chat_senders") and _plain(span_text) in sender_words)
                and span.detector != _NICKNAMES
                and self._is_term(text, span)
            ):
                continue  # "ECG", "the Mental Health Act", "her whānau", "talanoa", "Kinyarwanda"
            if (
                span.label in (PERSON, ORGANIZATION)
                and _plain(span_text) in self.lone_kin
                and span.reason != ALLOWED_NAME
                and span.detector not in ("chat_senders", "SpeakerRecognizer", _NICKNAMES)
                and _plain(span_text) not in sender_words
                and not _field_value(text, span)
            ):
                continue  # "sat with Amma", "oma says hi", NER's org "Oma came": a relative's word alone is no one
            if span_text not in senders and self._named_again(text, span):
                continue  # "after Hanukkah", "Ulaanbaatar, Mongolia", "English lessons": NER's person once, found again
            if span.label in (PERSON, ORGANIZATION, LOCATION) and self._opens_a_term(text, span):
                continue  # "Kia" of "Kia ora", "Ka" of "Ka pai": a greeting, not a name
            if span.label == LOCATION and span.detector != "deny_list" and self._event(span_text):
                continue  # "at World Kindness Day", "at the Harvest Fair": an event, not a place
            if (
                (span.label in (PERSON, ORGANIZATION) and span.detector in _READERS)
                or (span.label == LOCATION and span.detector == NER_DETECTOR)
            ) and (self._spoken(text, span) or (span_text in spoken and not self.names.is_name(span_text))):
                continue  # "speaks Ewenki", "in Ewenki, English or German": a language the lists lack
            if (
                span.label in (PERSON, ORGANIZATION, LOCATION)
                and span.detector in _WORD_READERS
                and span.reason != ALLOWED_NAME
                and span_text not in senders
                and self.other_languages.everyday_words(text, span.start, span.end, languages, self.names.is_name)
            ):
                continue  # "Ontem", "essa", "Dzisiaj": another language's everyday word in a text partly in it
            if (
                span.label == PERSON
                and span.detector in _WORD_READERS
                and span.reason != ALLOWED_NAME
                and span_text not in senders
                and not {span_text.lower(), _plain(span_text)} & self.towns  # "À Montréal": NER's person, the town
                and not self.lists.not_a_place(span_text)
                and self.other_languages.person_word(text, span.start, span.end, languages, self.names.is_name)
            ):
                continue  # "Werkstatt", "Kirjasto": one word of the text's other language, common there, no name
            if (
                span.label == PERSON
                # NER's own "Casa Mar" may be a place it read as a person: only where the name rules saw a name
                and (span.detector == "names" or any(span.overlaps(n) for n in named))
                and span.reason != ALLOWED_NAME
                and span_text not in senders  # who writes a chat's lines, whatever the name means in a language
                and span.detector != _NICKNAMES
                and not any(span.overlaps(p) for p in bodies)  # "Casa Mar": a name inside a place's stays whole
                and not _FIELD_VALUE.search(text, max(0, span.start - 40), span.start)  # "Venue: Casa Mar"
            ):
                # "Liebe Ana Reyes", "Einfach Ana", "ana meldet": that language's words beside the name
                # a title or relative's word in lower case opening the name stays its title: "pani Ilona", "tia Neusa"
                titled = self._lower_title_end(text, span)
                start, end = self.other_languages.trimmed(
                    text, titled or span.start, span.end, languages, self._name_or_title
                )
                span = replace(span, start=span.start if start == titled else start, end=end)
                span_text = text[start:end]
            if (
                (
                    (span.label == PERSON and span.detector in _PERSON_READERS and span.detector != _NICKNAMES)
                    or (span.label == ORGANIZATION and span.detector in _BODY_READERS)
                )
                and span.reason != ALLOWED_NAME
                and not {span_text.lower(), _plain(span_text)} & self.towns
                and self.other_languages.capitalised_words(text, span.start, span.end, languages, self._name_or_title)
            ):
                continue  # "Nama Pasien:", "Kinder:", "Nachtdienst": the text's own words where it capitalises them
            if span.detector in _WORD_READERS and span.reason != ALLOWED_NAME and inside(span, labels):
                continue  # "Anschrift / Address:": a form's label in two languages
            if (
                span.label in (PERSON, ORGANIZATION, LOCATION)
                and span.detector in _WORD_READERS
                and span.reason != ALLOWED_NAME
                and _ABBREVIATION.fullmatch(span_text)
                and _CODE_FIELD.match(text, span.end)
            ):
                continue  # "NHX: 4471093", "IG: @ana.r": the abbreviation labels the field of a code or a handle
            if span.label == PERSON and span.detector != "deny_list" and self._title_in_form(text, span):
                continue  # "Ana Ruiz (Mrs)", "Title: [ ] Mr  [x] Mrs": a title alone, no name
            if span.detector == NER_DETECTOR:
                if span.label == DATE_TIME and (sender := self._sender_after(text, span, by_others)) is not None:
                    span = replace(span, end=sender)  # "11/12/24, 10:15 AM - Ana": a chat line's sender
                    span_text = text[span.start : span.end]
                if span.label == DATE_TIME and not self.specific_date.search(text, span.start, span.end):
                    continue
                if span.label == DATE_TIME and _CLOCK_TIMES.fullmatch(span_text):
                    continue  # "14:00-17:30", "2.40 pm": a time of day, whose digits look like a day and a month
                if span.label != DATE_TIME and normalise(span_text) in self.holidays:
                    continue  # "Easter", "Eid al-Adha": NER's person or place is the holiday the lists name
                confirmed = any(span.overlaps(o) for o in by_others)
                if span.label == PERSON and not confirmed and self.lists.not_a_place(span_text):
                    continue  # "dreams in Welsh": a language or a region, not a person
                if (
                    span.label in (PERSON, ORGANIZATION, LOCATION)
                    and not confirmed
                    and span_text.islower()
                    and not any(c.isdigit() for c in span_text)
                    and self.other_languages.in_paragraph_of(text, span.start, span.end, languages)
                ):
                    continue  # "usa bastón", "los trenes": NER on lower-case words of a paragraph in another language
                if (
                    span.label != PERSON
                    and not confirmed
                    and _common_word(text[span.start : span.end], self.z["common_word"])
                    and span_text not in self.large_places
                ):
                    continue  # "SHE", "Groups": NER on a shouted or capitalised everyday word (not a very large city)
                if inside(span, headings) and not confirmed and not self._names_a_town(span, span_text):
                    continue  # a short Title Case line is a heading; "Tarnby Community Housing" names a town
                if span.label in (ORGANIZATION, LOCATION) and not confirmed and inside(span, sections):
                    continue  # "2. NEXT OF KIN", "II. DATOS DEL SOLICITANTE": a form's numbered section, no body
                if not confirmed and self._study_code(span_text):
                    continue  # "P14", "R2", "Session R4", "Interview B-07": a participant's or a session's study code
                if span.label in (LOCATION, ORGANIZATION) and not confirmed and self._no_place(span_text):
                    continue  # "Germany", "WhatsApp", "CPN", "the ER"
                if span.label in (LOCATION, ORGANIZATION) and not confirmed and self._body_by_function(span_text):
                    continue  # "the Research Ethics Committee", "the Review Board"
                if not confirmed and self._document_kind(span_text):
                    continue  # "NIGHT SHIFT HANDOVER", "Consent & Medical Form": what the document is
                if span.label in (LOCATION, ORGANIZATION) and not confirmed and self._two_language_heading(span_text):
                    continue  # "Protokoll / Minutes": a heading in two languages
                if (
                    span.label == ORGANIZATION
                    and not confirmed
                    and _everyday_lowercase(span_text, self.z["everyday_lowercase"])
                ):
                    continue  # "in the navy", "at the tea room" (but lower-case towns stay: "back to dunmarra")
                if span.label in (LOCATION, ORGANIZATION) and not confirmed and self._lowercase_words(text, span):
                    continue  # "out to the ice road", "trajo las gallinas": words, not a town written in lower case
                if (
                    span.label == LOCATION
                    and not confirmed
                    and _everyday_after_determiner(text, span, self.z["after_determiner"])
                ):
                    continue  # "folded it into a heron", "past my shed": no town takes "a" or "my"
                if (
                    span.label in (PERSON, ORGANIZATION)
                    and not confirmed
                    and _word_opening_sentence(text, span, self.z["sentence_word"])
                ):
                    continue  # "Grace and patience are ...", "Bill for the taxi ...": NER on a capitalised word
                if (
                    span.label == PERSON
                    and not confirmed
                    and not all(map(self.names.name_shaped, _WORDS.findall(span_text)))
                ):
                    continue  # "RARE_DETAIL", "AgeRecognizer": code and labels, not names
                if span.label == PERSON and not confirmed and not _has_capital(text, span):
                    continue  # "rang halfway": lowercase names are the name detector's job
                if (
                    span.label == PERSON
                    and span_text.lower().rstrip(".") in self.calendar_short
                    and not any(span.overlaps(o) for o in by_others if o.label != DATE_TIME)
                ):
                    continue  # "See you Tues", "Tues 14/3": a weekday, not a person (a date over it only confirms that)
                if not confirmed and span_text.lower().rstrip(".") in self.names.titles:
                    continue  # "Dear Sir or Madam", "Sergeant's orders": a title alone, no person nor a body
                if not confirmed and self._everyday_opening(text, span):
                    continue  # "Lift was out again", "Helpful was that ...": NER on the word opening a sentence
                if span.label == PERSON and not confirmed and self._stamped_word(text, span):
                    continue  # "11:40 Marquee up", "07:55 Breakfast.": what field notes did at that time
                if span.label in (ORGANIZATION, LOCATION) and not confirmed and self._stamped_words(text, span):
                    continue  # "17:50 Supper", "09:10 Minibus late": NER's body over a line's time and what happened
                if span.label != DATE_TIME and not confirmed and self._ner_word_use(text, span):
                    continue
                if span.label != DATE_TIME and (self._role_or_field(text, span) or _no_word(span_text)):
                    continue  # "Principal Lecturer", "RN", "n=9", "01:12:05"
            elif (
                span.label == PERSON
                and span.detector != _NICKNAMES
                and span.reason != ALLOWED_NAME  # "his wife Merit": a word the grammar makes a name
                and span_text not in senders
                and _plain(span_text) not in field_names
                and self._role_or_field(text, span)
            ):
                continue  # "Coordinator", "Tel", "MRN": a role or a field, not a name (unless a chat's sender)
            cleaned.append(span)
        cleaned = [piece for span in cleaned for piece in self._tidy(text, span)]
        final = []
        whole = self._organisations_over_a_name(text, cleaned) | self._places_over_places(text, cleaned)
        cut = (self.z["cut_detail_word"], self.z["grammar"])
        for span in _resolve(text, cleaned, self.z["meaningful_piece"], whole, cut):
            piece = text[span.start : span.end]
            start = span.start + len(piece) - len(piece.lstrip(_PIECE_EDGES))
            end = span.end - (len(piece) - len(piece.rstrip(_PIECE_EDGES)))
            leading = _LEADING_WORDS.get(span.label) if span.label != PERSON else None
            if leading and (m := leading.match(text[start:end])) and start + m.end() < end:
                start += m.end()  # a piece of a split span: "at Quillfeather Housing Help"
            if leading and (m := _TRAILING_WORD.search(text, start, end)) and m.start() > start:
                end = m.start()  # "Larkspur Boxing on"
            if span.label == RARE_DETAIL:
                # a piece of a detail split around a name or a place: "used to tune pipe organs at"
                trimmed = _trim_detail(text, replace(span, start=start, end=end))
                start, end = trimmed.start, trimmed.end
            piece_span = replace(span, start=start, end=end, text=text[start:end])
            if end <= start or (span.label in (LOCATION, ORGANIZATION) and self._is_term(text, piece_span)):
                continue  # "Kia ora" left of NER's "Kia ora Leanne" once the name is cut out
            final.append(piece_span)
        final = [_with_section(text, s) if s.label == LOCATION else s for s in final]
        return sorted([*final, *self._written_again(text, final)], key=lambda s: (s.start, s.end))

    def _written_again(self, text: str, final: list[Span]) -> list[Span]:
        """A place or an organisation found once is the same one where its document writes it again with the
        same letters and nothing else found there: "moved from Harwick ... the Harwick bus", "QuellTech said"."""
        names: dict[str, str] = {}
        for span in final:
            if span.label in (LOCATION, ORGANIZATION) and self._repeatable(span):
                names.setdefault(span.text, span.label)
        again = []
        for name, label in names.items():
            for m in re.finditer(rf"(?<![\w@#/.-]){re.escape(name)}(?![\w@#]|-(?!\d)|[./]\w)", text):
                if not any(m.start() < s.end and s.start < m.end() for s in final):
                    found = Span(m.start(), m.end(), label, text=name, score=0.8, detector=REPEATED_DETECTOR)
                    again.append(_with_section(text, found) if label == LOCATION else found)
        return again

    def _repeatable(self, span: Span) -> bool:
        """A found name worth finding again: capitalised, on one line, no short acronym (NER's "PI", "QA") and,
        found by NER alone as one word, no acronym and no common word ("Groups")."""
        name = span.text
        if len(name) < 3 or not name[:1].isupper() or "\n" in name or self._no_place(name):
            return False
        one_word = not re.search(r"\s", name)
        if one_word and name.isupper() and (len(name) <= _SHORT_ACRONYM or span.detector == NER_DETECTOR):
            return False  # NER reads many an exam, a scale or a unit in capitals as an organisation
        return not (span.detector == NER_DETECTOR and one_word and zipf(name.lower()) >= self.z["repeat_word"])


#: a numbered section of a town or a district, before or after its name: "Sector 4, Karvel", "Karvel-9"
_SECTION_BEFORE = re.compile(r"\b(?:Section|Sector|Block|Phase|Zone)[ \t]+\d{1,3}[A-Z]?,[ \t]*$")
_SECTION_AFTER = re.compile(r"-\d{1,2}(?![\w-]|[.,/]\d)")


def _field_value(text: str, span: Span) -> bool:
    """The span fills a form's field: a label and a colon before it on its line, nothing after it but the end of
    the line or a column's gap ("Known as: Nanna", not "ok nanna")."""
    line_start = text.rfind("\n", 0, span.start) + 1
    return bool(_FIELD_BEFORE.search(text, line_start, span.start)) and bool(_VALUE_ENDS.match(text, span.end))


def _with_section(text: str, span: Span) -> Span:
    """A place with the numbered section its text names with it: "Sector 4, Karvel", "Karvel-9"."""
    start, end = span.start, span.end
    if before := _SECTION_BEFORE.search(text, max(0, start - 20), start):
        start = before.start()
    if after := _SECTION_AFTER.match(text, end):
        end = after.end()
    return span if (start, end) == (span.start, span.end) else replace(span, start=start, end=end, text=text[start:end])


#: the first word of a span and the blanks after it
_FIRST_PIECE = re.compile(r"(\S+)[ \t]+")


def _trim_detail(text: str, span: Span) -> Span:
    """A rare detail without what it is said with: "his racing pigeons", "a stilt-walker back (then)"."""
    start, end = span.start, span.end
    while (m := _RARE_LEAD.match(text, start, end)) and m.end() < end:
        start = m.end()
    while (m := _RARE_TAIL.search(text, start, end)) and m.start() > start:
        end = m.start()
    return replace(span, start=start, end=end)


def _pieces(text: str, span: Span, breaks: re.Pattern[str]) -> list[Span]:
    """``span`` cut at every match of ``breaks``."""
    pieces, start = [], span.start
    for m in breaks.finditer(text, span.start, span.end):
        pieces.append(replace(span, start=start, end=m.start()))
        start = m.end()
    pieces.append(replace(span, start=start, end=span.end))
    return [p for p in pieces if p.end > p.start]


def _written_as_a_name(text: str, span: Span) -> bool:
    """A capitalised word in the middle of a sentence, no label: "I told Eta", not "Eta: 14:20", "Eta later."""
    piece = text[span.start : span.end]
    if not piece[:1].isupper() or _LABEL_AFTER.match(text, span.end):
        return False
    return _SENTENCE_START.search(text, max(0, span.start - 40), span.start) is None


def _plain_words(rules: Rules, lists: frozenset[str]) -> frozenset[str]:
    return frozenset(_plain(w) for name in lists for w in rules.words(f"lexicons/{name}"))


@lru_cache(maxsize=65536)
def _plain(text: str) -> str:
    """Lower case, without macrons or accents, article or possessive: "Whānau" and "whanau" are one word."""
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _detail_words(piece: str, rarer_than: float) -> set[str]:
    """The rare words of a detail, singular: "Accordions" and "the accordion" share "accordion"."""
    words = (w.lower() for w in _DETAIL_WORDS.findall(piece))
    return {w.removesuffix("s") for w in words if zipf(w) < rarer_than}


def _capitalised_rare_word(piece: str, rarer_than: float) -> bool:
    return any(
        w[0].isupper() and w[1:].islower() and zipf(w.lower()) < rarer_than for w in _DETAIL_WORDS.findall(piece)
    )


def _no_word(piece: str) -> bool:
    """ "n=9", "01:12:05": no word, no initial."""
    return piece.lower() == piece and not any(len(w) > 1 for w in _PEOPLE_WORDS.findall(piece))


def _common_word(piece: str, at_least: float) -> bool:
    return piece.isalpha() and zipf(piece.lower()) >= at_least


def _word_opening_sentence(text: str, span: Span, at_least: float) -> bool:
    piece = text[span.start : span.end]
    if not piece.isalpha() or zipf(piece.lower()) < at_least:
        return False
    if not _SENTENCE_START.search(text, max(0, span.start - 8), span.start):
        return False
    return bool(_USED_AS_WORD.match(text, span.end))


def _everyday_lowercase(piece: str, at_least: float) -> bool:
    words = piece.split()
    return bool(words) and all(w.isalpha() and w.islower() and zipf(w) >= at_least for w in words)


_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|my|your|his|her|our|their|its|this|that|these|those|some|every|each|another)\s+$", re.IGNORECASE
)


def _everyday_after_determiner(text: str, span: Span, at_least: float) -> bool:
    """A lower-case everyday word after a determiner that never comes before a place's name."""
    piece = text[span.start : span.end]
    words = piece.split()
    return (
        piece.islower()
        and all(w.isalpha() and zipf(w) >= at_least for w in words)
        and _DETERMINER_BEFORE.search(text, max(0, span.start - 12), span.start) is not None
    )


def _has_capital(text: str, span: Span) -> bool:
    return any(c.isupper() for c in text[span.start : span.end])


#: the fewest digits of a phone number a person's name runs on into ("Tue 14/06", "Kelverton NT 0999" stay)
PHONE_DIGITS = 7
#: from the first word with a digit in a person's span on, with the lower-case words before it ("al", "on")
_RUN_ON_NUMBER = re.compile(r"(?<=\S)(?:[ \t]+[^\W\d_A-ZÀ-ÖØ-Þ]+)*[ \t]+[^ \t]*\d")


@dataclass(frozen=True)
class TitleWords:
    """Titles and relative's words that a name written after them keeps in lower case ("tia Neusa", "pani
    Ilona"), and the possessives after which such a word says whose relative the person is ("my nonno Elvio")."""

    words: frozenset[str]
    owners: frozenset[str]
    #: the relatives' words among ``words``: owned by a possessive one word further back too ("my little nonna")
    kin: frozenset[str] = frozenset()

    def kept(self, text: str, start: int, lead: str) -> int:
        """How many characters of ``lead``, the lower-case words a person's span at ``start`` opens with, to
        strip: all of them but a last one that is a title not owned."""
        words = list(re.finditer(r"\S+", lead))
        last = words[-1] if words else None
        if last is None or last.group().rstrip(".") not in self.words:
            return len(lead)
        before = [w.group().lower() for w in words[:-1]] or _words_before(text, start)
        # a title proper is owned only by the word right before it: "her neighbour signora Pia" keeps "signora"
        reach = 2 if last.group().rstrip(".").lower() in self.kin else 1
        if any(w in self.owners or w.endswith(("'s", "’s")) for w in before[-reach:]):
            return len(lead)  # "my nonno Elvio", "my little brother Ode"
        return last.start()


def _words_before(text: str, start: int) -> list[str]:
    m = _OWNER_WORDS.search(text, max(0, start - 40), start)
    return [w.lower() for w in m.groups() if w] if m else []


_DIGIT = re.compile(r"\d")

#: the two words right before a position, on its line and with no punctuation between ("my little")
_OWNER_WORDS = re.compile(r"(?:([^\W\d_][\w'’]*)[ \t]+)?([^\W\d_][\w'’]*)[ \t]+$")


#: the rest of a word cut at a combining accent: the accent and the letters and accents after it
_ACCENTED_REST = re.compile(r"[\u0300-\u036f][\w\u0300-\u036f]*")


def _clean(text: str, span: Span, titles: TitleWords | None = None) -> Span | None:
    span = split_at_breaks(text, replace(span, text=""))
    if span is None:
        return None
    if span.detector == NER_DETECTOR and "\n" in text[span.start : span.end]:
        # NER reads across the lines of an address or a form: "Dublin 9\n9th April" is no one date
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[span.start : span.end])]
        if span.label == DATE_TIME and any(_DIGIT.search(text, span.start + a, span.start + b) for a, b in lines):
            # "6/14\nAttendees": a date's line is the one with its digits, however long the next line is
            lines = [(a, b) for a, b in lines if _DIGIT.search(text, span.start + a, span.start + b)]
        a, b = max(lines, key=lambda ab: ab[1] - ab[0])
        span = replace(span, start=span.start + a, end=span.start + b)
    piece = text[span.start : span.end]
    lead = len(piece) - len(piece.lstrip(_EDGE_JUNK))
    piece = piece.strip(_EDGE_JUNK)
    if "(" in text[span.start + lead - 1 : span.start + lead] and ")" in piece and "(" not in piece:
        lead -= 1  # keep the bracket of "(03) 9876 5432"
        piece = "(" + piece
    if (
        span.detector == "SpeakerRecognizer"
        and piece.count("(") > piece.count(")")
        and piece + ")" == text[span.start + lead : span.start + lead + len(piece) + 1]
    ):
        piece += ")"  # "Quintin (youth worker)": the note a chat's sender was saved with keeps its bracket
    if (
        span.detector == NER_DETECTOR
        and span.label == PERSON
        and (m := _RUN_ON_NUMBER.search(piece))
        and sum(c.isdigit() for c in piece[m.start() :]) >= PHONE_DIGITS
    ):
        piece = piece[: m.start()]  # "Efrén al 555 0199": NER's person runs on into a phone number after the name
    if span.label != RARE_DETAIL:
        piece = POSSESSIVE_ENDING.sub("", piece)
    start = span.start + lead
    leading = _LEADING_WORDS.get(span.label)
    if leading and (m := leading.match(piece)) and m.end() < len(piece):
        cut = m.end() if span.label != PERSON or titles is None else titles.kept(text, start, m.group())
        start += cut
        piece = piece[cut:]
    if not any(c.isalnum() for c in piece):
        return None
    end = start + len(piece)
    if span.label == PERSON and (accents := _ACCENTED_REST.match(text, end)) is not None:
        end = accents.end()  # "Abíọ́nà" cut after "Abíọ" by a pattern that took no combining accent
    if span.label == PERSON and _LAST_INITIAL.search(piece) and text.startswith(".", end):
        end += 1  # "Q.V.", "Ana R.": an initial keeps its full stop
    return replace(span, start=start, end=end)


def _dotted_initial(text: str, word: re.Match[str]) -> bool:
    """A single capital letter with its full stop: an initial."""
    return len(word.group()) == 1 and word.group().isupper() and text.startswith(".", word.end())


#: a name's last word is a single capital letter, an initial: "Q.V", "Ana R", "M"
_LAST_INITIAL = re.compile(r"(?:^|[\s.-])[^\W\d_a-zß-ÿ]$")


def _resolve(
    text: str,
    spans: list[Span],
    meaningful_zipf: float,
    ner_whole: frozenset[tuple[int, int]] = frozenset(),
    cut: tuple[float, float] = (0.0, 6.0),
) -> list[Span]:
    """Overlaps resolved (module docstring); ``meaningful_zipf``: what a piece split around another keeps
    (:func:`_meaningful`); ``ner_whole``: NER's spans kept whole over what other detectors read in
    them (:meth:`Finaliser._organisations_over_a_name`, :meth:`Finaliser._places_over_places`);
    ``cut``: how rare one word, and how common at most two words, must be for a piece of a rare detail cut around a
    name to be kept (:func:`worth_flagging`)."""
    direct = _join_same_label([s for s in spans if s.label != RARE_DETAIL])
    kept: list[Span] = []
    # a contact that holds what another detector read in it is kept whole: "instagram.com/ana.ruiz.art" with
    # "ruiz" a name, a phone number with a date read in its digits
    holders = {id(s) for s in direct if s.label == CONTACT and any(_within(o, s) for o in direct if o.label != CONTACT)}
    # and so is one a name runs into by its digits only: "Ibu Rukmini 0413 286 507" read as a person up to "0413"
    holders |= {
        id(s)
        for s in direct
        if s.label == CONTACT
        and any(o.label in _NAMED and o.overlaps(s) and _digits_only_in(text, o, s) for o in direct)
    }
    # a date of the recognizers, with its digits, whose month word the name lists know as a first name is kept
    # whole: "10. Juni 2024", "13 Agustus 2024"
    holders |= {
        id(s)
        for s in direct
        if s.label == DATE_TIME
        and s.detector != NER_DETECTOR
        and _DIGIT.search(text, s.start, s.end)
        and any(o.label in _NAMED and _within(o, s) and not _DIGIT.search(text, o.start, o.end) for o in direct)
    }
    # so is an ID of whose letters NER or the name lists read a name, a place or an organisation ("QT 41 77 92 C" with
    # "QT" a person, "NI QT" an organisation), where no date or age runs out of it (a date read over its
    # digits and on keeps its words)
    holders |= {
        id(s)
        for s in direct
        if s.label == ID
        and any(o.overlaps(s) and not o.start <= s.start < s.end <= o.end for o in direct if o.label in _NAMED)
        and not any(o.overlaps(s) and not _within(o, s) for o in direct if o is not s and o.label not in _NAMED)
    }
    # so is a place or an organisation the type-word recognizer read whole, in capitalised words only, with a name the
    # name rules read in it: "Garvey Family Hub", "Dunmore Magistrates' Court" (the name lists know "Garvey" and
    # "Dunmore" as people); not "Coach Ana Ruiz of Kelso Rovers FC", where the person stands beside the club
    typed_whole = {(s.start, s.end) for s in spans if s.detector == _TYPED_NAME}
    # and one the head-first recognizer read whole ("Clínica Dental Ribera", "Hôpital Saint-Aubin du Lac"), whose
    # pattern admits no lower-case word but the particles of a name, so no person stands beside it
    head_first = {(s.start, s.end) for s in spans if s.detector in _HEAD_FIRST}
    # and a town of the gazetteer of two or more words ("Port Alfred", "Mount Barker"), whose words are no one's name
    towns = {(s.start, s.end) for s in spans if s.detector == _TOWNS and " " in text[s.start : s.end]}
    holders |= {id(s) for s in direct if s.detector == NER_DETECTOR and (s.start, s.end) in ner_whole}
    holders |= {
        id(s)
        for s in direct
        if ((s.start, s.end) in typed_whole and not _LOWER_WORD.search(text, s.start, s.end))
        or (s.start, s.end) in head_first
        or (s.start, s.end) in towns
        if "\n" not in text[s.start : s.end]
        and any(o.label == PERSON and o.detector == _NAME_RULES and _within(o, s) for o in direct)
    }
    # and one of another language's heads, whatever person runs into it: "w kościele pw. św. Brata Kazimierza w Lesznie"
    # with NER's person from "Brata" to the town keeps the organisation and the town
    holders |= {
        id(s)
        for s in direct
        if s.detector == _IN_LANGUAGE_ORG and any(o.label == PERSON and o.overlaps(s) for o in direct)
    }
    for s in sorted(
        direct, key=lambda s: (s.detector != "deny_list", id(s) not in holders, -s.score, -(s.end - s.start), s.start)
    ):
        inside = [k for k in kept if s.overlaps(k)]
        if not inside:
            kept.append(s)
        elif id(s) not in holders and all(id(k) in holders for k in inside):
            # a span running into such a contact keeps its part outside it: "J. Okoro 07700 900231"
            kept.extend(
                p for p in _split_around(s, inside) if _meaningful(text, p, s.detector in _SPLITTABLE, meaningful_zipf)
            )
        elif s.label in (LOCATION, ORGANIZATION) and _mostly_free(s, inside):
            # "88 Larkspur Street, Dunmarra NSW 2799" with "Dunmarra" taken by another span keeps its other parts
            typed = s.detector in _SPLITTABLE
            kept.extend(p for p in _split_around(s, inside) if _meaningful(text, p, typed, meaningful_zipf))
    blockers = [k for k in kept if k.label in DIRECT_LABELS]
    rare = _join_same_label([s for s in spans if s.label == RARE_DETAIL])
    for r in rare:
        kept.extend(worth_flagging(text, _split_around(r, blockers), *cut))
    others = [k for k in kept if k.label != RARE_DETAIL]
    final = [k for k in kept if k.label != RARE_DETAIL or not any(k.overlaps(o) for o in others)]
    return sorted(final, key=lambda s: (s.start, s.end))


#: a word of an organisation's name NER read over a name: capitalised, letters, an apostrophe or a hyphen, or "&"
_ORG_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+|&")

#: a word of a place's or an organisation's name on one line: capitalised (an abbreviation's full stop too), "&" or
#: a particle
_PLACE_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*|&|of|de|la|du|des|del|and")

#: what NER and the name lists read in an ID's letters
_NAMED = (PERSON, ORGANIZATION, LOCATION)
#: the recognizer of places and organisations closed by their type word, and the name rules' detector
_TYPED_NAME = "NamedPlaceRecognizer"
#: the recognizers of organisations opened by a head word of another language ("Fundación", "Klinik"; "w kościele
#: pw. św. ..." in a text partly in Polish)
_IN_LANGUAGE_ORG = "OtherLanguageOrgRecognizer"
_HEAD_FIRST = frozenset({"OrgHeadRecognizer", _IN_LANGUAGE_ORG})
#: the gazetteer's towns after a place preposition
_TOWNS = "TownRecognizer"
_NAME_RULES = "names"
#: a lower-case word (not a possessive's "s"): a typed name holding one may run over a person's name and a connector
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]\w*")

#: Recognizers whose spans are whole addresses and typed names, worth keeping in part: NER's long
#: spans that overlap another detector's are more often run-ons than names.
_SPLITTABLE = frozenset(
    {
        *("AddressBlockRecognizer", "AddressLinesRecognizer", "AddressFieldRecognizer"),
        *("FormFieldRecognizer", "NamedPlaceRecognizer", "LetterheadRecognizer"),
    }
)


def worth_flagging(text: str, pieces: list[Span], rarer_than: float, grammar: float) -> list[Span]:
    """The pieces of one rare detail cut apart around a name, a place or an organisation that are worth
    flagging: the first, where the fact opens, and every other of two words or more or with a word rarer than
    ``rarer_than`` ("mended kites on <place> | whistling all day" keeps both, "jogged up to <place> | daily" only
    the first); a word at least ``grammar`` common is never the rare one."""
    kept = []
    for i, p in enumerate(pieces):
        words = [w.lower() for w in _PEOPLE_WORDS.findall(text, p.start, p.end)]
        if i == 0 or len(words) >= 2 or any(zipf_any_spelling(w) < min(rarer_than, grammar) for w in words):
            kept.append(p)
    return kept


def _within(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner.end - inner.start < outer.end - outer.start


def _digits_only_in(text: str, named: Span, contact: Span) -> bool:
    """Whether ``named`` shares with ``contact`` only digits and spaces, and has letters of its own outside it."""
    start, end = max(named.start, contact.start), min(named.end, contact.end)
    shared = text[start:end]
    return bool(shared.strip()) and not re.search(r"[^\d \t]", shared) and not named.start >= contact.start


def _mostly_free(span: Span, others: list[Span]) -> bool:
    taken = sum(min(span.end, o.end) - max(span.start, o.start) for o in others)
    return taken * 2 <= span.end - span.start


def _meaningful(text: str, piece: Span, typed: bool, rarer_than: float) -> bool:
    """A piece worth keeping: any of a typed name or an address, a rare capitalised word of NER's."""
    if piece.end - piece.start < 3:
        return False
    words = _WORDS.findall(text[piece.start : piece.end])
    return typed or any(w[0].isupper() and zipf(w.lower()) < rarer_than for w in words)


def _join_same_label(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.label, s.start, -s.end)):
        last = out[-1] if out else None
        if last is not None and last.label == s.label and s.start < last.end:
            joined = replace(last, end=max(last.end, s.end))
            # at equal scores a typed name's detector stands for the whole: its pieces are kept when a name
            # inside it is cut out ("Mbali" of "MBALI WELFARE ASSOCIATION OF GREATER TULSA")
            if s.score > last.score or (
                s.score == last.score and s.detector in _SPLITTABLE and last.detector not in _SPLITTABLE
            ):
                joined = replace(joined, score=s.score, detector=s.detector, subtype=s.subtype, reason=s.reason)
            out[-1] = joined
        else:
            out.append(s)
    return out


def _split_around(span: Span, blockers: list[Span]) -> list[Span]:
    pieces = [(span.start, span.end)]
    for b in blockers:
        nxt = []
        for start, end in pieces:
            if b.end <= start or b.start >= end:
                nxt.append((start, end))
                continue
            if b.start > start:
                nxt.append((start, b.start))
            if b.end < end:
                nxt.append((b.end, end))
        pieces = nxt
    return [
        Span(a, b, span.label, "", span.score, span.detector, span.subtype, span.reason) for a, b in pieces if b - a > 1
    ]
