"""Per-document candidates for review: spans that could be wrong, text left that could identify.

Each finder reads one document's text and its finished spans and returns offsets only; whether a
candidate becomes a review item may depend on the whole corpus (a name "the corpus knows"), which
``uncertainty.py`` decides. The words and thresholds are in ``rules/review/review.yaml``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wordfreq import get_frequency_dict, zipf_frequency

from qualdeid.corpus.model import Span
from qualdeid.detect.allow_deny import normalise as _normalise
from qualdeid.detect.names.lexicon import TERM_LEXICONS, without_marks
from qualdeid.detect.nlp.languages import SETTINGS as LANGUAGE_SETTINGS
from qualdeid.detect.nlp.languages import zipf_in
from qualdeid.review import unspaced
from qualdeid.review.unspaced import UnspacedSettings
from qualdeid.rules import Rules, alternation

REPLACE, KEEP = "replace", "keep"
#: A word this frequent in English (wordfreq Zipf) is grammar ("the", "our"), never the start of a name.
GRAMMAR_WORD_ZIPF = 6.0
#: Detectors whose spans are certain: the deny list and the researcher's own decisions.
CERTAIN_DETECTORS = frozenset({"deny_list", "review"})

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
#: A word that is not part of a user name, an e-mail address or a web address ("mo.kaya", "x/mo").
_PLAIN_TOKEN = re.compile(r"(?<![\w'’.@/-])[^\W\d_][\w'’-]*(?![\w'’-]|[.@/_]\w)")
#: A word that may start with a capital (Latin with its extended letters, Greek, Cyrillic); ``isupper`` decides.
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-ɏΑ-ΩЀ-Я][\w'’-]*")
#: Between two capitalised words of one name: a space, "&", or small words ("Bank of the West").
_JOINED = re.compile(r" (?:& |(?:(?:of|the|and|&|for|on|at|de|la|le) )+)?")
_POSSESSIVE = re.compile(r"['’]s$")
#: What ends a sentence or opens a line's text: a capital after it says nothing.
_SENTENCE_END = '.!?:;\n"“”…*#>-•|'
#: Capital letters of the Latin alphabets (Polish, Romanian, Czech, ...): initials are "ŁK" and "AMȘ" too.
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
_CAPITALS = re.compile(rf"[{_UPPER}]{{2,3}}")
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.[ ]?){2,3}(?!\w)")
#: Initials in mixed case or with a hyphen (a whole word): "GvdM", "FbR", "JH-P".
_MIXED_INITIALS = re.compile(r"(?=\w*[a-z])[A-Z][a-z]{0,2}[A-Z](?:[a-z]{0,2}[A-Z])?|[A-Z]{1,3}-[A-Z]")
#: Between a title and its name: "Dr K", "Mrs. Tran".
_TITLE_GAP = re.compile(r"\.?[ \t]+")
_TITLED_NAME = re.compile(r"[A-Z][a-z'’-]+|[A-Z]")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)(?![\w'’-])")
#: Up to three lower-case words right before a type word: "the marlow" (trust).
_WORDS_BEFORE = re.compile(r"(?<![\w'’-])(?:[a-z][a-z'’-]+[ \t]+){1,3}\Z")
_DIGITS = re.compile(r"(?<![\w/.:-])\+?\(?\d[\d \t().-]*\d(?![\w/:-])")
#: A phone number joined by a hyphen to the word before it: Hebrew writes "to" so ("ל-050...").
_JOINED_PHONE = re.compile(r"(?<=[^\W\d_]-)\+?\d[\d \t().-]*\d(?![\w/:-])")
_YEAR_OR_TIME = re.compile(r"(?:19|20)\d\d|\d{1,2}[.:]\d\d|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?")
#: A user name: "@someone", "first_last99".
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,}[A-Za-z0-9_]|(?<![\w@.])[A-Za-z]+_[A-Za-z0-9_]+(?![\w@])")
_ANY_DIGIT = re.compile(r"\d")
#: A time written with "h" (French, Portuguese, ...): "17h45", "14h", "8h05".
_H_TIME = re.compile(r"(?:[01]?\d|2[0-3])h(?:[0-5]\d)?")
#: Around a digit, a word of letters, digits, hyphens and slashes: a code if it has letters and at
#: least three digits ("ABC-2291", "5582-419-KT", "8812345TA", "QX4471").
_CODE_AROUND = re.compile(r"[A-Za-z0-9/-]*\d[A-Za-z0-9/-]*")
#: ... or, with two digits only, five characters or more in capitals with a digit before a letter: a
#: registration or practitioner code ("38PLMX", "7K-4RT"), not "4WD" or "COVID19"
_SHORT_CODE = re.compile(r"(?=[A-Z0-9-]{5,}$)(?=.*\d-?[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*")
#: A short number after a word that numbers rooms and records: "room 7", "bed 4B", "flat 2.14".
_NUMBER = re.compile(r"(?<![\w.])(?:[A-Z]\.?)?\d{1,4}(?:\.\d{1,3})?[A-Za-z]?\b")
#: A name in brackets after another: 'William (Will)', 'Alexandra ("Sandy"'.
_ALIAS_BEFORE = re.compile(r"[A-Z][\w'’-]+[ \t]*\([ \t]*[\"“'‘]?$")
#: A short run of words in a writing system other than the Latin, Greek and Cyrillic ones: Arabic,
#: Hebrew, Armenian, Georgian, the Indic scripts, Thai, Ethiopic, Hangul, kana and Chinese characters.
_SCRIPT_LETTERS = (
    r"[\u0530-\u058f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u10a0-\u10ff\u1c90-\u1cbf\u1200-\u137f\u3005"
    r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+"
)
_OTHER_SCRIPT = re.compile(rf"{_SCRIPT_LETTERS}(?:[ \u200c\u200d]+{_SCRIPT_LETTERS}){{0,3}}")
#: The spaced writing systems whose words ``_script_words`` reads (Chinese, Japanese and Thai write no spaces).
_SCRIPTS = {
    "hebrew": "\u0590-\u05ff",
    "arabic": "\u0600-\u06ff\u0750-\u077f",
    "armenian": "\u0531-\u0587",
    "ethiopic": "\u1200-\u135f",  # not its punctuation ("።")
    "devanagari": "\u0900-\u097f",
    "bengali": "\u0980-\u09ff",
    "gurmukhi": "\u0a00-\u0a7f",
    "tamil": "\u0b80-\u0bff",
    "georgian": "\u10a0-\u10ff",
    "hangul": "\uac00-\ud7af",
}
#: A word of one of them (letters, their marks, and the joiners Persian writes inside words).
_SCRIPT_WORD = re.compile("|".join(rf"[{r}](?:[{r}\u200c\u200d]*[{r}])?" for r in _SCRIPTS.values()))
#: A digit close to a word: a date ("Sat 14", "3 May").
_NEAR_DIGIT = re.compile(r"\d")
#: A name spelled out letter by letter: "T-O-M-A-S".
_SPELLED = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ](?:-[A-ZÀ-ÖØ-Þ]){2,}(?![\w-])")
#: A motorway or an interstate by its number: "the M4", "I-90".
_MOTORWAY = re.compile(r"(?<![\w-])(?:I-\d{1,3}|(?<=the )[AM]\d{1,3})(?![\w-])")
#: One capital with a full stop standing for a person, the sentence going on after it ("thinks V. was
#: tired", "(V., 31)", '"V."'): group 1.
_LETTER_DOT = re.compile(r"(?<![\w.'’&/-])([A-ZÀ-ÖØ-ÞĀ-ſ])\.(?=[ \t]*(?:[a-z(,\"”’']|/|$))", re.MULTILINE)
#: Capitals in brackets after the words they are the initials of: "Orsolya B. (OB)" (group 2).
_INITIALS_AFTER = re.compile(r"((?:[A-ZÀ-ÖØ-Þ][\w'’-]*\.?[ \t]+){2,3})\(([A-Z]{2,3})\)")
#: A capitalised word opening a speaker's turn: "Oskarr: yes" (group 1).
_SPEAKER = re.compile(r"(?m)^[ \t>]*([A-ZÀ-ÖØ-Þ][\w'’-]+)[ \t]*:[ \t]")
#: A chat user name with dots before the colon of a message ("kay.b.r: see you there") or a forum's
#: quote mark ("Reply: kay.b.r » well done").
_DOTTED_SPEAKER = re.compile(r"(?<![\w.@/])[a-z][a-z0-9]*(?:\.[a-z0-9]+)+(?=:[ \t]|[ \t]+[»›])")


#: One capital letter standing for a person (the letter is group 1): a speaker's turn ("E: yes"), a
#: sign-off alone on its line ("- V.", "Cheers, K"), in brackets after a name ("Ilse (I)").
def _letter_person(sign_offs: str) -> re.Pattern[str]:
    return re.compile(
        r"(?m)^[ \t>]*([A-Z])[ \t]*:[ \t]"
        rf"|^[ \t>*]*(?:(?i:{sign_offs})[ \t,!]*)?[-–—~ \t]*([A-Z])\.?[ \t]*$"
        r"|[A-Z][a-z'’-]+[ \t]+\(([A-Z])\)"
    )


#: A transcript's legend: a letter and what it stands for, "D = Dolmetscherin" (groups 1, 2) or
#: "interpreter (F)" (groups 3, 4).
_LETTER_LEGEND = re.compile(
    r"(?<![\w'’-])([A-Z])[ \t]*[=–—][ \t]*([^\W\d_][\w'’-]+)|(?<![\w'’-])([^\W\d_][\w'’-]+)[ \t]+\(([A-Z])\)"
)
#: A name of mixed case, a prefix joined to a capitalised name: "MaNdlovu", "DeShawn", "McAllister".
_MIXED_CASE = re.compile(r"(?<![\w'’-])[A-Z][a-z]{1,3}[A-Z][a-z]{2,}(?![\w'’-])")
#: One capital letter standing for a person mid-sentence (group 1): "then K said", "told M about",
#: "J (Jo) rang".
_LETTER = re.compile(r"(?<![\w.'’&/-])([B-HJ-Z])(?![\w'’&/.-])")
#: A whole name in capitals (a list's heading, a form's field): "OKONJO", "VÄISÄNEN / LEE fam".
_CAPS_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſЀ-Я][A-ZÀ-ÖØ-ÞĀ-ſЀ-Я'’-]{3,}")
_VOWELS = frozenset("AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝАЕЁИІЇОУЫЭЮЯЄ")
#: An all-capital word of three letters or more: a neighbour that says capitals are shouted.
_CAPS_NEIGHBOUR = re.compile(r"\b[A-Z]{3,}\b.{0,4}\b[A-Z]{2,}\b|\b[A-Z]{2,}\b.{0,4}\b[A-Z]{3,}\b")
#: Initials as people in a document (speaker turns, actions and lists of them): "TV:", "- TV: print",
#: "(QB, YZ)", "QB (cook), YZ".
#: Initials alone at a line's end too: "Note taker: RB", a sign-off "JM".
_CAPS_PERSON = re.compile(
    rf"(?m)^[ \t>]*(?:[-*•][ \t]+)?([{_UPPER}]{{2,3}})[ \t]*:[ \t]|(?<=[(,])[ \t]*([{_UPPER}]{{2,3}})(?=[ \t]*[,)(])"
    rf"|(?:^|:)[ \t>]*([{_UPPER}]{{2,3}})[ \t]*$"
)
#: Initials before the name they stand for, in brackets: "-KT (Kit)", "RB (Rosa) to call"; group 1.
_INITIALS_BEFORE = re.compile(rf"(?<![\w'’&/.])([{_UPPER}]{{2,3}})[ \t]*\([ \t]*[{_UPPER}][a-z]+[ \t]*\)")
#: A chat export's message line: a date or a time, then who wrote it and a colon ("3.5.2024 um 9.12 - mo:",
#: "04/05/24, 10:02 - Tia Bel:", "[8:15 AM] Wen L:"); the writer is group 1.
_CHAT_WRITER = re.compile(
    r"(?m)^[ \t>]*\[?(?:[\d/.-]+,?[ \t]+)?(?:[^\W\d_]{1,4}\.?[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
    r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?\]?[ \t]*(?:[-–—][ \t]*)?"
    r"([^\W\d_][^\W\d_'’.-]*(?: [^\W\d_][^\W\d_'’.-]*){0,2})[ \t]*:[ \t]"
)
#: A short number after a form's field written in capitals and a colon: "RN: 7", "PIN: 0412" (the
#: field is group 1, the number group 2); not a time, a date or a count ("GP: 2 visits").
_CAPS_FIELD_NUMBER = re.compile(
    r"(?<![\w/.-])([A-Z]{2,4})[ \t]*:[ \t]*(\d{1,4}[A-Z]?)(?![\w/:-]|[.,]\d|[ \t]+[a-z])"  # not "GP: 2 visits"
)
#: A forum's or a chat's writer in lower case at a line's start: "jkwan: nice one" (group 1).
_LOWER_WRITER = re.compile(r"(?m)^[ \t>]*([a-z][a-z0-9]{2,})[ \t]*:[ \t]+\S")
#: A speaker's turn: "Mick:", "Mick 12:05:".
_SPEAKER_AFTER = re.compile(r"[ \t]*(?:\d{1,2}[:.]\d{2}(?:[ \t]*[ap]m)?[ \t]*)?[:>]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PHRASE_JOINERS = _words("of the and & for on at de la le")
# format: keys of lexicons/calendar.yaml
_CALENDAR_KEYS = ("weekdays", "weekdays_short", "months", "months_short", "feasts", "feasts_short")
_NOUN_BEFORE = _words("the a an this that my your his her our their some any no every last next")
_PRONOUNS_BEFORE = _words("i you we they he she it who that which there this")
#: Words before a name that stand before a single letter as often: "plan B and C", "for A"
_SMALL_WORDS = _words("and & for from via per re")
#: A word at least this frequent in English is an everyday one ("family", "service").
_EVERYDAY_ZIPF = 5.0
#: A chat's writer who is the exporting user, not a name: "Me:", "You:".
_SELF = _words("me you i we")
#: The colon after a form's field label: "Subject:", "Key worker :".
#: A field label and its colon right before a word: "Subject: " (the label is group 1).
_FIELD_BEFORE = re.compile(r"(?:^|(?<=\n))[ \t>]*([^\W\d_]+)[ \t]*:[ \t]*\Z")
_LETTERS = re.compile(r"[^\W\d_]+")
_LABEL_COLON = re.compile(r"[ \t]*(?:[a-z]+[ \t]*){0,2}:")


#: A word of the text: (start, end, text).
Token = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible review item, offsets only (it holds no text)."""

    start: int
    end: int
    kind: str  # a key of REASONS
    label: str
    action: str  # REPLACE: in the spans, could be wrong; KEEP: left, could be an identifier
    #: only an item if the corpus knows this word as a person's name
    needs_known: bool = False


normalise = lru_cache(maxsize=65536)(_normalise)


def _script_of(word: str) -> str | None:
    return next((name for name, r in _SCRIPTS.items() if re.match(f"[{r}]", word)), None)


@lru_cache(maxsize=16)
def _dictionary(language: str) -> frozenset[str]:
    """The words of wordfreq's large list of ``language``, read directly: its tokenizers would need
    MeCab for Korean."""
    return frozenset(get_frequency_dict(language, wordlist="best"))


def _in_dictionary(word: str, language: str) -> bool:
    return word in _dictionary(language) or word.lower() in _dictionary(language)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return zipf_frequency(word, "en")


@dataclass
class ReviewConfig:
    """``rules/review/review.yaml``, defaults first, then each project folder's keys."""

    name_before: frozenset[str]
    name_after: frozenset[str]
    place_before: frozenset[str]
    number_words: frozenset[str]
    biography_frames: tuple[str, ...]
    rare_word_zipf: float
    #: languages whose passages turn up in English texts, and how frequent a word of theirs is
    other_languages: tuple[str, ...]
    other_language_zipf: float
    #: a capitalised word opening a sentence is a word of such a language from this frequency on
    other_language_opening_zipf: float
    #: languages that write their nouns with a capital: there a capital mid-sentence says no name
    capitalised_nouns: frozenset[str]
    word_name_zipf: float
    lowercase_name_zipf: float
    lowercase_any_zipf: float
    lowercase_unknown_zipf: float
    number_window: int
    #: an everyday word left capitalised mid-sentence this often in the corpus is taken for a name
    capital_mid_sentence_times: int
    #: ... and less frequent than this as a word ("Meet", "Chirpy" as someone's nickname; not "She")
    capital_mid_sentence_zipf: float
    number_digits: int
    uncertainty: dict[str, float]
    #: a short number after a word that numbers rooms and records: "room 7", "bed 4B", "flat 2.14"
    numbered: re.Pattern[str]
    #: numbers with a unit or an ordinal are no codes: "3rd", "10am", "250mg", "24/7"
    unit: re.Pattern[str]
    past_after_name: frozenset[str]
    acts_after_initials: frozenset[str]
    contact_words: frozenset[str]
    #: relatives (``lexicons/relatives.txt``), animals and carers a name can follow: "my sister Wren"
    relatives: frozenset[str]
    #: words after a name that put it in a role: "Cass the OT"
    role_after_name: frozenset[str]
    group_after_name: frozenset[str]
    short_titles: frozenset[str]
    #: weekdays, months and feasts, written out and short (``lexicons/calendar.yaml``), and "I":
    #: a capital that says nothing
    calendar: frozenset[str]
    #: weekdays and feasts: no one's name here (a month can be: "April", "August")
    days_and_feasts: frozenset[str]
    #: endings and beginnings of English words: "Rewraps", "Unboxed", "Gardeners" are everyday words
    word_endings: frozenset[str]
    word_beginnings: frozenset[str]
    #: a person written as one letter: a speaker's turn "E:", a sign-off "Cheers, K", "Ilse (I)"
    letter_person: re.Pattern[str]
    #: words right before a name that introduce the person ("this is kemi"), ending at the name
    introduces: re.Pattern[str]
    #: a message signed off with a name before these words ("tobs out"), matched after the name
    sign_off_after: re.Pattern[str]
    #: a numbered road: "Hwy 9", "concession 3"
    roads: re.Pattern[str]
    #: a number written out after a word that numbers rooms and plots: "plot forty-one" (group 1)
    numbered_words: re.Pattern[str]
    #: a phone number written out, three number words or more: "nine-oh-two"
    spoken_digits: re.Pattern[str]
    #: a home's number after "in" at a clause's end: "we're in 27." (group 1)
    home_number: re.Pattern[str]
    #: a numbered road written with its code in capitals: "US 30", "SR 9"
    road_codes: re.Pattern[str]
    #: a bus or tram route by its number: "on the 47", "got the 12A" (the number, with "the")
    routes: re.Pattern[str]
    #: a name followed by who the person is to the writer: "Wren, my neighbour" (matched after the name)
    apposition: re.Pattern[str]
    #: a saint's name in lower case before a church or a school ("st aidans"): the name is group 1
    saints: re.Pattern[str]
    #: a capitalised name after a form of address of another language ("cô Mai"): the name is group 1
    addressed: re.Pattern[str]
    #: a capitalised name joined to a form of address of another language ("Emi-chan")
    addressed_after: re.Pattern[str]
    #: names and places inside Japanese text, which has no spaces between its words (``unspaced.py``)
    unspaced: UnspacedSettings
    #: a text written in another spaced script: per script, the wordfreq languages that know its
    #: everyday words, and the fewest letters of a word offered when no language is listed
    script_languages: dict[str, tuple[str, ...]]
    script_min_letters: dict[str, int]
    #: a word no dictionary of its script holds, in a text in that script, this often in the corpus
    script_word_times: int
    #: a joined noun of a language in ``capitalised_nouns``: its fewest letters, and the endings of a
    #: street's name, which is a place however everyday its parts
    compound_min_letters: int
    compound_place_endings: tuple[str, ...]

    @classmethod
    def load(cls, rules: Rules) -> ReviewConfig:
        merged: dict[str, Any] = {}
        for doc in rules.yaml("review/review.yaml"):
            for k, v in (doc or {}).items():
                if k == "uncertainty":
                    merged.setdefault(k, {}).update(v or {})
                else:
                    merged[k] = v

        lists = rules.lists("review/review.yaml")
        calendar = rules.lists("lexicons/calendar.yaml")

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in merged.get(key) or [])

        relatives = rules.words("lexicons/relatives.txt", lower=True) | lists["named_after_relative"]
        also_languages = merged.get("also_languages") or []

        return cls(
            name_before=words("name_before"),
            name_after=words("name_after"),
            place_before=words("place_before"),
            number_words=words("number_words"),
            biography_frames=tuple(str(w).lower() for w in merged.get("biography_frames") or []),
            rare_word_zipf=float(merged.get("rare_word_zipf", 3.2)),
            other_languages=tuple(
                dict.fromkeys(map(str, [*rules.settings(LANGUAGE_SETTINGS).get("languages", []), *also_languages]))
            ),
            other_language_zipf=float(merged.get("other_language_zipf", 4.0)),
            other_language_opening_zipf=float(merged.get("other_language_opening_zipf", 3.0)),
            capitalised_nouns=frozenset(str(w) for w in merged.get("capitalised_nouns") or []),
            word_name_zipf=float(merged.get("word_name_zipf", 4.0)),
            lowercase_name_zipf=float(merged.get("lowercase_name_zipf", 4.3)),
            lowercase_any_zipf=float(merged.get("lowercase_any_zipf", 3.5)),
            lowercase_unknown_zipf=float(merged.get("lowercase_unknown_zipf", 1.5)),
            number_window=int(merged.get("number_window", 40)),
            capital_mid_sentence_times=int(merged.get("capital_mid_sentence_times", 3)),
            capital_mid_sentence_zipf=float(merged.get("capital_mid_sentence_zipf", 5.0)),
            number_digits=int(merged.get("number_digits", 4)),
            uncertainty={str(k): float(v) for k, v in (merged.get("uncertainty") or {}).items()},
            past_after_name=lists["past_after_name"],
            acts_after_initials=lists["acts_after_initials"],
            contact_words=lists["contact_words"],
            relatives=relatives,
            role_after_name=lists["role_after_name"],
            group_after_name=lists["group_after_name"],
            short_titles=lists["short_titles"],
            calendar=frozenset().union(*(calendar[k] for k in _CALENDAR_KEYS)) | {"i"},
            days_and_feasts=calendar["weekdays"] | calendar["weekdays_short"] | calendar["feasts"],
            numbered=re.compile(rf"(?i:\b(?:{lists.pattern('numbered_before')}|no\.?|#)[ \t]*[#:]?[ \t]*)\Z"),
            unit=re.compile(
                rf"(?i)\d+(?:st|nd|rd|th|{lists.pattern('unit_suffixes')})|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
            ),
            word_endings=lists["word_endings"],
            word_beginnings=lists["word_beginnings"],
            letter_person=_letter_person(lists.pattern("sign_offs")),
            introduces=re.compile(rf"(?i:(?<![\w'’])(?:{lists.pattern('introduces')}))[ \t]+\Z"),
            sign_off_after=re.compile(rf"[ \t]+(?:{lists.pattern('sign_off_after')})[ \t.!]*(?:\n|\Z)"),
            roads=re.compile(
                rf"(?i)(?<![\w'’-])(?:{lists.pattern('numbered_roads')})\.?[ \t]+\d{{1,4}}[a-z]?(?![\w'’-])"
            ),
            numbered_words=re.compile(
                rf"(?i)(?<![\w'’-])(?:{lists.pattern('numbered_before')})[ \t]+"
                rf"((?:{lists.pattern('number_names')})(?:[ \t-](?:{lists.pattern('number_names')}))*)(?![\w'’-])"
            ),
            spoken_digits=re.compile(
                rf"(?i)(?<![\w'’-])(?:{lists.pattern('number_names')})(?:[ \t]*-[ \t]*|[ \t]+)"
                rf"(?:{lists.pattern('number_names')})(?:(?:[ \t]*-[ \t]*|[ \t]+)(?:{lists.pattern('number_names')}))+"
                rf"(?![\w'’-])"
            ),
            home_number=re.compile(
                rf"(?im)(?:(?<=\w)['’](?:s|re)|(?<![\w-])(?:{lists.pattern('home_in_before')}))"
                rf"[ \t]+in[ \t]+(\d{{1,4}}[a-z]?)(?=[ \t]*(?:[.,;!?]|$))"
            ),
            road_codes=re.compile(
                rf"(?<![\w'’-])(?:{alternation(w.upper() for w in lists['road_codes'])})"
                rf"[ \t-]\d{{1,4}}[A-Z]?(?![\w'’-])"
            ),
            routes=re.compile(
                rf"(?i)(?<![\w'’-])(?:{lists.pattern('route_before')}),?[ \t]+(the[ \t]+\d{{1,3}}[a-z]?)"
                rf"(?![\w'’%£$€/:-]|[.,]\d)(?![ \t]*(?:{lists.pattern('not_after_route')})(?![\w-]))"
            ),
            apposition=re.compile(
                rf"(?i:[ \t]*,[ \t]+(?:my|his|her|their|our|your)[ \t]+(?:(?:best|old|oldest|good|dear)[ \t]+)?"
                rf"(?:{'|'.join(sorted(map(re.escape, relatives), key=len, reverse=True))})(?![\w'’-]))"
            ),
            saints=re.compile(rf"(?<![\w'’-])(?:{lists.pattern('saints')})[ \t]+([a-z][a-z'’]+)(?![\w'’-])"),
            addressed=re.compile(
                rf"(?<![\w'’-])(?i:{lists.pattern('address_before')})[ \t]+([{_UPPER}][^\W\d_]+)(?![\w'’-])"
            ),
            addressed_after=re.compile(
                rf"(?<![\w'’-])[{_UPPER}][^\W\d_]+-(?:{lists.pattern('address_after')})(?![\w'’-])"
            ),
            unspaced=UnspacedSettings(
                address=tuple(str(w) for w in merged.get("joined_address") or []),
                place_suffixes="".join(str(w) for w in merged.get("joined_place_suffixes") or []),
                word_zipf=float(merged.get("joined_word_zipf", 2.5)),
            ),
            script_languages={
                str(k): tuple(str(w) for w in v or []) for k, v in (merged.get("script_languages") or {}).items()
            },
            script_min_letters={str(k): int(v) for k, v in (merged.get("script_min_letters") or {}).items()},
            script_word_times=int(merged.get("script_word_times", 2)),
            compound_min_letters=int(merged.get("compound_min_letters", 11)),
            compound_place_endings=tuple(str(w).lower() for w in merged.get("compound_place_endings") or []),
        )


class CandidateFinder:
    """The word lists and the per-document finders."""

    def __init__(self, rules: Rules) -> None:
        self.config = ReviewConfig.load(rules)
        nicknames = {w.strip().lower() for line in rules.words("names/nicknames.txt") for w in re.split("[:,]", line)}
        self.first_names = rules.words("names/first_names.txt", lower=True) | nicknames - {""}
        self.surnames = rules.words("names/surnames.txt", lower=True)
        #: names of many languages (``names/world_*.txt``): a name written in capitals or lower case
        self.world_names = rules.words("names/world_first_names.txt", lower=True) | rules.words(
            "names/world_surnames.txt", lower=True
        )
        self.word_names = rules.words("names/word_names.txt", lower=True) | rules.words(
            "names/surname_words.txt", lower=True
        )
        self.titles = rules.words("names/titles.txt", lower=True)
        self.towns = rules.words("lexicons/towns.txt", lower=True)
        self.not_initials = frozenset(rules.words("names/not_initials.txt")) | {
            w.upper() for w in rules.words("lexicons/speaker_roles.txt")
        }
        self.not_identifiers = {normalise(w) for w in rules.words("allow.txt")} | {
            normalise(w) for w in rules.words("lexicons/not_places.txt")
        }
        self.roles = frozenset(rules.words("lexicons/role_abbreviations.txt"))
        #: peoples, faiths, languages and job titles: what someone is or does, never who ("a Dinka
        #: speaker", "Assessor:"); also with an ending ("Estonians", "Tongan-speaking")
        self.kinds_of_people = frozenset(
            without_marks(w)
            for w in rules.words("lexicons/peoples.txt", lower=True)
            | rules.words("rare/language.txt", lower=True)
            | rules.words("rare/common_language.txt", lower=True)
            | rules.words("lexicons/job_titles.txt", lower=True)
        )
        self.field_labels = rules.words("lexicons/field_labels.txt", lower=True)
        self.speaker_roles = rules.words("lexicons/speaker_roles.txt", lower=True)
        closings = rules.lists("lexicons/layout.yaml").pattern("sign_offs")
        self._closing = re.compile(rf"(?i:{closings})[ \t]*[,.!]?")
        #: the line under a letter's closing, blank lines between (group 1: one to five words)
        self._signed = re.compile(
            rf"(?im)^[ \t]*(?:{closings})[ \t]*[,.!]?[ \t]*\n(?:[ \t]*\n){{0,3}}[ \t]*"
            r"((?:[^\W\d_][\w'’.-]*)(?:[ \t]+[^\W\d_][\w'’.-]*){0,4})[ \t]*$"
        )
        relatives = "|".join(sorted(map(re.escape, self.config.relatives), key=len, reverse=True))
        #: "my sister Wren", "their dog, moss": the word after a relative (group 1)
        self._after_relative = re.compile(
            rf"(?i:(?<![\w'’-])(?:my|his|her|their|our|your)[ \t]+(?:{relatives}))[ \t]*,?[ \t]+([^\W\d_][\w'’-]*)"
        )
        #: clinical and legal terms, te reo Māori and Pacific words: never identifiers on their own
        self.terms = frozenset(
            without_marks(t) for name in TERM_LEXICONS for t in rules.words(f"lexicons/{name}.txt", lower=True)
        )
        phrases = sorted((t for t in self.terms if " " in t), key=len, reverse=True)
        #: terms of several words ("tēnā koe", "kia kaha"): no word of them is a name
        self._term_phrases = re.compile(
            r"(?i)(?<![\w'’-])(?:" + "|".join(re.escape(t).replace(r"\ ", r"[ \t]+") for t in phrases) + r")(?![\w'’-])"
        )
        #: the words of countries, languages and nationalities: a run of them names no one ("Welsh and Tagalog")
        not_places = rules.words("lexicons/not_places.txt", lower=True)
        self.not_place_words = {w for phrase in not_places for w in phrase.split()}
        self._worth_a_look: dict[str, bool] = {}
        #: the other languages the document being read is partly written in (``languages``)
        self._languages: tuple[str, ...] = ()
        self.street_types = rules.words("lexicons/street_types.txt", lower=True)
        streets = "|".join(sorted((re.escape(t) for t in self.street_types if t.isalpha()), key=len, reverse=True))
        #: a house number and a street in any letter case: "7 kerrow rd", "12/5 ashgrove st", "62 Ave"
        self._address = re.compile(
            rf"(?i)(?<![\w/.:-])\d{{1,5}}[a-z]?(?:/\d{{1,5}}[a-z]?)?(?:st|nd|rd|th)?(?:[ \t]+[a-z][\w'’-]*){{0,3}}?"
            rf"[ \t]+(?:{streets})\b\.?"
        )
        types = (
            rules.words("lexicons/org_types.txt", lower=True)
            | rules.words("lexicons/venue_types.txt", lower=True)
            | self.street_types
        )
        self.type_words = frozenset(t for t in types if t.isalpha())
        frames = sorted(self.config.biography_frames, key=len, reverse=True)
        self._frames = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, frames)) + r")(?!\w)", re.IGNORECASE)

    def find(self, text: str, spans: list[Span]) -> list[Candidate]:
        covered = bytearray(len(text))
        for s in spans:
            covered[s.start : s.end] = b"\x01" * (s.end - s.start)
        # most words are lower-case everyday words: only capitalised words and the few lower-case
        # words worth a look are visited one by one
        caps = [(m.start(), m.end(), m.group()) for m in _CAPITALISED.finditer(text) if m.group()[0].isupper()]
        lower = {w for w in _TOKEN.findall(text) if w[0].islower()}
        self._languages = self.languages(lower)
        out = [c for s in spans if (c := self.doubtful_span(text, s)) is not None]
        # a word seen in lower case only inside a user name or an address ("mo.kaya@", "mo.kaya:") says
        # nothing of how the text writes it
        plain_lower = {w for w in _PLAIN_TOKEN.findall(text) if w[0].islower()}
        out += self.left_words(text, covered, caps + self._lowercase_tokens(text, lower), plain_lower)
        out += self.titled_and_initials(text, covered, caps, lower)
        if types := lower & self.type_words:
            out += self.typed_lowercase(text, covered, types)
        out += self.phrases(text, covered, caps)
        out += self.numbers(text, covered)
        out += self.details(text, spans)
        out += self.after_relatives(text, covered)
        out += self.people_as_letters(text, covered, spans)
        out += self.other_script(text, covered)
        out += self.roads_and_saints(text, covered)
        out += self.spelled_out(text, covered)
        out += self.addressed(text, covered)
        out += self.writers(text, covered)
        out += self.signed_and_shouted(text, covered)
        plain = without_marks(text)
        terms = [m.span() for m in self._term_phrases.finditer(plain if len(plain) == len(text) else text)]
        if terms:  # "Tēnā koe": a greeting's words are no names
            out = [c for c in out if c.action == REPLACE or not any(a <= c.start and c.end <= b for a, b in terms)]
        return out

    def handle_names(self, text: str) -> set[str]:
        """The listed names and non-words inside user names ("@wren.k", "tobs_88"): the corpus knows
        them as people, also where the same word stands alone in lower case."""
        out = set()
        if "." in text:  # a chat name with dots: its parts joined are a name too ("kay.li.b" -> "kayli")
            for m in _DOTTED_SPEAKER.finditer(text):
                joined = "".join(p for p in m.group().split(".") if len(p) > 1 and p.isalpha())
                if len(joined) > 3 and zipf(joined) < self.config.rare_word_zipf:
                    out.add(joined)
        if "@" not in text and "_" not in text:
            return out
        for m in _HANDLE.finditer(text):
            for part in re.findall(r"[a-z]{3,}", m.group().lower()):
                if part in self.first_names or part in self.world_names or zipf(part) < self.config.rare_word_zipf:
                    out.add(part)
        return out

    def name_words(self, name: str) -> list[str]:
        """The words of a detected name that say who it is (lower case): of a one-word name, the word; of
        a longer one, its words if one of them is a listed name or hardly a word ("Rush Pellow"), none if
        all are everyday words ("Housing Support Officer"): a wrong span does not make an everyday word a
        name corpus-wide. The commonest words no name list holds are left out either way ("Family", on
        its own or in "Okoro Family Circle")."""
        words = [w.lower() for w in re.findall(r"[^\W\d_][\w-]*", name)]
        listed = self.first_names, self.surnames, self.world_names
        named = [w for w in words if any(w in names for names in listed) or zipf(w) < self.config.rare_word_zipf]
        if len(words) > 1 and not named:
            return []
        return [w for w in words if w in named or w in self.word_names or zipf(w) < _EVERYDAY_ZIPF]

    def wordy(self, lower: str) -> bool:
        """A name that is also an everyday word (Hope, Will) — not just a common name (Jack, Phil)."""
        return lower in self.word_names or (zipf(lower) >= self.config.word_name_zipf and lower not in self.first_names)

    # ------------------------------------------------------------------ spans that could be wrong

    def doubtful_span(self, text: str, span: Span) -> Candidate | None:
        surface = _POSSESSIVE.sub("", text[span.start : span.end])
        if span.detector in CERTAIN_DETECTORS:
            return None
        if span.detector == "SpacyRecognizer" and span.label != "DATE_TIME" and surface.islower() and " " in surface:
            return Candidate(span.start, span.end, "language-model-only", span.label, REPLACE)  # "the rota board"
        if not surface.isalpha():
            return None
        if surface.isupper() and len(surface) <= 3 and surface not in self.not_initials and surface not in self.roles:
            return None  # capitals that are no abbreviation: someone's initials, rightly replaced
        lower = surface.lower()
        if span.label == "PERSON" and self.wordy(lower):
            if self._weak_evidence(text, span):
                return Candidate(span.start, span.end, "name-or-word", span.label, REPLACE)
            return None
        if (
            span.detector == "SpacyRecognizer"
            and span.label in ("PERSON", "LOCATION", "ORGANIZATION")
            and zipf(lower) >= self.config.rare_word_zipf
            and not (lower in self.first_names or lower in self.surnames or lower in self.towns)
        ):
            return Candidate(span.start, span.end, "language-model-only", span.label, REPLACE)
        return None

    def _weak_evidence(self, text: str, span: Span) -> bool:
        """A name that is also a word, replaced where little says it is a person: in lower case, or
        opening a sentence without a person's verb after it, or after a word that goes with nouns."""
        if text[span.start : span.end].islower():
            return True
        if opens_sentence(text, span.start):
            return word_after(text, span.end) not in self.config.name_after
        return word_before(text, span.start) in _NOUN_BEFORE

    # ------------------------------------------------------------------ text left that could identify

    def left_words(
        self, text: str, covered: bytearray, tokens: list[Token], lower_words: set[str] | frozenset[str] = frozenset()
    ) -> list[Candidate]:
        """Words no span covers that could be names: capitalised non-dictionary words, first names
        where a name could stand, capitals that could be initials, words the corpus knows as names
        (``lower_words``: the document's words in lower case)."""
        out: list[Candidate] = []
        for start, end, raw in tokens:
            word = _POSSESSIVE.sub("", raw)
            end = start + len(word)
            lower = word.lower()
            if covered.find(1, start, end) >= 0 or len(word) < 2 or lower in self.titles:
                continue
            if lower in self.config.calendar:
                prev = word_before(text, start)
                dated = prev in _NOUN_BEFORE or prev in self.config.place_before or prev in ("till", "until", "since")
                near_digit = _NEAR_DIGIT.search(text, max(0, start - 4), end + 4)
                if lower not in self.config.days_and_feasts and word.istitle() and not dated and not near_digit:
                    # a month that is someone's name in this corpus ("my aunt August ... August and I sat")
                    out.append(Candidate(start, end, "known-name-left", "PERSON", KEEP, needs_known=True))
                continue
            allowed = normalise(word) in self.not_identifiers or without_marks(lower) in self.terms
            as_name = word.istitle() or (word.islower() and len(word) < 3)  # "Ed", "ask ed if", not "ED"
            if allowed and not (as_name and (lower in self.first_names or lower in self.word_names)):
                continue  # an allowed word or a term, unless it is written as a name
            if (
                word[0].isupper()
                and text.startswith(":", end)
                and lower not in self.first_names
                and self._foreign(lower)
            ):
                continue  # a form's field in the document's other language: "Turno: noite", "Cidade: ..."
            frame = lower in self.config.name_before or (lower in self.field_labels and _LABEL_COLON.match(text, end))
            if frame and not word.isupper():
                continue  # a word that stands before a name ("Hi", "With") or a form's field ("Subject:")
            if self._kind_of_people(lower):
                continue
            if word.isupper() and _CAPITALS.fullmatch(word):
                candidate = self._capitals(text, start, end)
            elif word.isupper() and _CAPS_WORD.fullmatch(word):
                candidate = self._name_in_capitals(text, start, end)
            elif word[0].isupper():
                candidate = self._capitalised(text, start, end)
                if candidate and candidate.kind == "capitalised" and self._greets_or_labels(text, covered, start, end):
                    candidate = None
                seen_lower = lower in lower_words and lower not in self.first_names
                if candidate and candidate.kind == "capitalised" and seen_lower:
                    candidate = None  # "Quorvic notes ... a quorvic stance": the word, opening a sentence
            elif word.islower() and (len(word) > 2 or lower in self.first_names or lower in self.word_names):
                candidate = self._lowercase(text, start, end)
            else:
                candidate = None
            if candidate is not None:
                out.append(candidate)
        return out

    def _lowercase_tokens(self, text: str, words: set[str]) -> list[Token]:
        """Where the lower-case words worth a look are (whether a word is, is decided once)."""
        cache = self._worth_a_look
        worth = []
        for w in words:
            seen = cache.get(w)
            if seen is None:
                seen = cache[w] = self._lowercase_worth_a_look(w)
            if seen:
                worth.append(w)
        return [(i, i + len(w), w) for w in worth for i in positions(text, w)]

    def _lowercase_worth_a_look(self, raw: str) -> bool:
        """A lower-case word that ``_lowercase`` could make a candidate of (the rest are everyday words)."""
        word = _POSSESSIVE.sub("", raw)
        short = len(word) < 3 and word not in self.first_names and word not in self.word_names
        if len(word) < 2 or short or not word.islower() or "_" in word:
            return False  # a user name or a code with "_" is looked at as one (``numbers``)
        if word in self.first_names or word in self.word_names or word in self.surnames or "-" in word:
            return True
        return zipf(word) < self.config.rare_word_zipf

    def _capitals(self, text: str, start: int, end: int) -> Candidate | None:
        word = text[start:end]
        if text.startswith(":", end) and self._after_field_label(text, start):
            return None  # "Subject: RE: ...": a reply's mark in an e-mail's header, in any language
        if _shouting(text, start, end) or (len(word) > 2 and zipf(word.lower()) >= 4.5):
            return None  # "THE": a shouted word
        cfg = self.config
        acting = word_before(text, start) in cfg.name_before or word_after(text, end) in cfg.acts_after_initials
        if len(word) == 2 and zipf(word.lower()) >= 6.0 and not acting:
            return None  # "With son: NO": one of the commonest words, shouted ("AM said" is still asked)
        if zipf(word.lower()) >= 5.0 and _CAPS_NEIGHBOUR.search(text, max(0, start - 12), min(len(text), end + 12)):
            return None  # "END OF", "DO NOT": shouted words
        after = text[end : end + 16].lower()
        if re.match(r"[ \t]*(?:[a-z]+[ \t]+)?(?:no\b|#|ref\b|number\b|[:.]?[ \t]*\d{4})", after):
            return None  # the issuer of a number: "KRS 0000841", "PPS No.", "ASC ref:"
        if word in self.not_initials or word in self.roles:  # "GP", "CV": an abbreviation, unless a person's
            return Candidate(start, end, "initials", "PERSON", KEEP) if acting else None
        return Candidate(start, end, "initials", "PERSON", KEEP)

    def _after_field_label(self, text: str, start: int) -> bool:
        """The word follows a form's or a header's field label and its colon ("Subject: ", "Betreff: ")."""
        m = _FIELD_BEFORE.search(text, max(0, start - 24), start)
        return m is not None and m.group(1).lower() in self.field_labels

    def _kind_of_people(self, lower: str) -> bool:
        """A people, a language or a job, also in the plural or as "-speaking": "Estonians"."""
        kinds = self.kinds_of_people
        lower = without_marks(lower)
        return lower in kinds or lower.removesuffix("s") in kinds or lower.split("-")[0] in kinds

    def _greets_or_labels(self, text: str, covered: bytearray, start: int, end: int) -> bool:
        """A capitalised word the layout shows is no name: a greeting right before a detected name
        ("Hej Saga,"), a closing alone on its line above a detected name ("Groete" / "Tobs"), or a
        form's label ("Referrer name / role:", "Surname / Nachname:")."""
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        gap = re.match(r"[ \t]+", text[end : end + 3])
        if gap and end + gap.end() < len(text) and covered[end + gap.end()] and line_start(text, start):
            return True
        if alone_on_line(text, start, end):
            nxt = re.match(r"\n[ \t>]*(?:\n[ \t>]*)*", text[line_end : line_end + 12])
            below = line_end + nxt.end() if nxt else len(text)
            same = text[below : below + 3].lower() == text[start : start + 3].lower()  # "Tobs" above "Tobias Ng"
            return below < len(text) and bool(covered[below]) and not same
        label = re.match(r"[^:\n]{0,30}:", text[start:line_end])
        if label and line_start(text, start):
            words = re.findall(r"[a-z]+", label.group().lower())
            if "/" in label.group() or any(w in self.field_labels for w in words[1:]):
                return True
        return (
            self._translated(text, start, end)
            or self._in_bilingual_label(text, start, end)
            or self._in_other_language(text, start, end)
        )

    def _in_bilingual_label(self, text: str, start: int, end: int) -> bool:
        """A word of a form's label written in several languages, before its colon: "Nafn / Imię i
        nazwisko / Name:" (one of its parts is English: a field label or everyday words)."""
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        colon = text.find(":", end, len(text) if line_end < 0 else line_end)
        if colon < 0 or "/" not in text[line_start:colon] or not 0 < colon - line_start <= 80:
            return False
        for part in text[line_start:colon].split("/"):
            words = re.findall(r"[^\W\d_]+", part.lower())
            if words and (part.strip().lower() in self.field_labels or all(zipf(w) >= 4.0 for w in words)):
                return True
        return False

    def _translated(self, text: str, start: int, end: int) -> bool:
        """A word beside its English on the other side of a slash: a label, a role or a closing written
        in two languages ("Surname / Nachname:", "Voorzitter / Chair", "Best wishes / Pozdrawiam")."""
        before = re.search(r"(?<![\w'’-])([A-Za-z][A-Za-z ]{1,30}?)[ \t]*/[ \t]*\Z", text[max(0, start - 34) : start])
        # one more word in lower case may stand before the slash: "Serdecznie pozdrawiam / Best wishes"
        after = re.match(
            r"(?:[ \t]+[a-zß-ÿ][^\W\d_]*)?[ \t]*/[ \t]*([A-Za-z][A-Za-z ]{1,30})(?![\w'’-])", text[end : end + 48]
        )
        for m in (before, after):
            words = m.group(1).lower().split() if m else []
            if words and all(len(w) > 2 and zipf(w) >= 4.0 and w not in self.first_names for w in words):
                return True
        return False

    def _in_other_language(self, text: str, start: int, end: int) -> bool:
        """A word of a passage in another language: it and the word beside it are everyday words of
        one of ``other_languages`` and the neighbour is no English word ("Dzień dobry", "Minha mãe")."""
        cfg = self.config
        word = text[start:end].lower()
        if word in self.first_names or word in self.world_names:
            return False  # a listed name is asked in any language ("Bùi Đặng" among Vietnamese words)
        nxt = re.match(r"[ \t]+([^\W\d_]+)", text[end : end + 30])
        prev = re.search(r"([^\W\d_]+)[ \t]+\Z", text[max(0, start - 30) : start])
        neighbours = [m.group(1).lower() for m in (nxt, prev) if m and len(m.group(1)) > 2]
        neighbours = [n for n in neighbours if zipf(n) < 3.0]
        if not neighbours:
            return False  # among English words (the other languages' lists are not even loaded)
        opening = opens_sentence(text, start)
        for lang in cfg.other_languages:
            if zipf_in(word, lang) < cfg.other_language_zipf:
                continue
            if not opening and lang not in cfg.capitalised_nouns:
                continue  # mid-sentence, a capital there marks a name ("Bùi Thanh" among Vietnamese words)
            if any(zipf_in(n, lang) >= cfg.other_language_zipf for n in neighbours):
                return True
        return False

    def _name_in_capitals(self, text: str, start: int, end: int) -> Candidate | None:
        """A whole name in capitals where the line is not shouting ("OKONJO / LEE fam"): a listed name
        that is no everyday word, or a pronounceable word that is no word at all (not "NRPF")."""
        word = text[start:end]
        lower = word.lower()
        if word in self.not_initials or word in self.roles:
            return None
        z = zipf(lower)
        listed = lower in self.surnames or lower in self.first_names or lower in self.world_names
        if _shouting(text, start, end) and _shouted_words(text, start, end):
            return None  # a line of shouted everyday words, not a heading of names ("KADLEC / VOSS fam")
        if not listed and self._foreign(lower, capital=True, opening=True):
            return None  # a form's heading in the document's other language: "DADOS PESSOAIS"
        vowels = sum(c in _VOWELS for c in word)
        if (listed and z < 4.0) or (z < 2.0 and len(word) >= 5 and 0.3 <= vowels / len(word) <= 0.6):
            return Candidate(start, end, "capitalised", "PERSON", KEEP)
        return Candidate(start, end, "known-name-left", "PERSON", KEEP, needs_known=True)

    def _capitalised(self, text: str, start: int, end: int) -> Candidate | None:
        cfg = self.config
        lower = text[start:end].lower()
        z = zipf(lower)
        parts = lower.split("-")
        if len(parts) > 1 and all(p in self.first_names for p in parts) and text[start:end].istitle():
            return Candidate(start, end, "name-position", "PERSON", KEEP)  # a double first name: "Rose-Ann"
        if z < cfg.rare_word_zipf and (text[start + 1 : end].islower() or text[start:end].istitle()):
            place = word_before(text, start) in cfg.place_before or lower in self.towns
            unlisted = not (lower in self.first_names or lower in self.surnames or lower in self.towns)
            if unlisted and (self._inflected(lower) or any(c.isdigit() for c in lower)):
                return None  # an everyday word with an ending, or a code ("P07", numbers() looks at codes)
            opening = opens_sentence(text, start) or _after_symbol(text, start)  # "🙂 Potem poszłam"
            foreign = self._foreign(lower, capital=True, opening=opening) or self._compound_noun(lower)
            if unlisted and lower not in self.world_names and (self._everyday_parts(lower) or foreign):
                return None  # "Tue-Sat", "Friday-ish"; "Termin": no one's name
            return Candidate(start, end, "place" if place else "capitalised", "LOCATION" if place else "PERSON", KEEP)
        named = lower in self.first_names or lower in self.word_names or lower in self.surnames
        opening = opens_sentence(text, start)
        if lower in self.towns and z < 4.5 and not in_phrase(text, start, end) and (not opening or not named):
            return Candidate(start, end, "place", "LOCATION", KEEP)  # a town named on its own: "..., Ashby"
        nxt = word_after(text, end)
        past = nxt in cfg.past_after_name or (nxt.endswith("ed") and len(nxt) > 4)  # "Oskarr phoned ahead"
        if not named and self._named_group(text, start, end, opening):
            return Candidate(start, end, "capitalised", "ORGANIZATION", KEEP)  # "the Harriers lost"
        if not named:
            # a word no list holds as a name, not an everyday one, doing what people do ("Morwen came in"),
            # not a relative ("Nan said") nor a title
            if (
                opening
                and (nxt in cfg.name_after or past)
                and z < cfg.word_name_zipf
                and lower not in cfg.relatives
                and not self._kind_of_people(lower)
            ):
                return Candidate(start, end, "name-position", "PERSON", KEEP)
            return Candidate(start, end, "known-name-left", "PERSON", KEEP, needs_known=True)
        said_who = cfg.apposition.match(text, end)  # "Wren, my neighbour, says"
        acts = opening and (nxt in cfg.name_after or past or said_who or self._in_role(text, end))
        alias = _ALIAS_BEFORE.search(text, max(0, start - 40), start)  # 'Alexandra ("Sandy"'
        speaker = _SPEAKER_AFTER.match(text, end) and line_start(text, start)
        if (
            alias
            or speaker
            or alone_on_line(text, start, end)
            or (not in_phrase(text, start, end) and (not opening or acts))
        ):
            return Candidate(start, end, "name-position", "PERSON", KEEP)
        return Candidate(start, end, "known-name-left", "PERSON", KEEP, needs_known=True)

    def _named_group(self, text: str, start: int, end: int, opening: bool) -> bool:
        """A plural with a capital after "the" mid-sentence, on its own: a team, a band, a family or a
        party by its name ("the Harriers lost again", "the Okafors came")."""
        word = text[start:end]
        lower = word.lower()
        return (
            not opening
            and word_before(text, start) == "the"
            and lower.endswith("s")
            and word.istitle()
            and not in_phrase(text, start, end)
            and not self._kind_of_people(lower)
            and lower not in self.config.calendar
        )

    @staticmethod
    def _code_words(handle: str) -> bool:
        """Everyday words joined by "_": a code of an analysis ("peer_support", "GIVING_BACK"), no user name."""
        parts = [p for p in handle.lower().split("_") if p]
        return any(len(p) > 2 for p in parts) and all(zipf(p) >= 3.5 for p in parts)

    def _inflected(self, lower: str) -> bool:
        """An everyday word with an ending ("Rewraps", "Unboxed", "Gardeners"): no name."""
        for ending in self.config.word_endings:
            if lower.endswith(ending) and len(lower) - len(ending) >= 3:
                stem = lower[: -len(ending)]
                # "baked" is "bake" with "-d", "wisely" is not "wise" with "-ly": an "e" comes back
                # only before an ending that opens with a vowel
                if zipf(stem) >= 3.5 or (ending[0] in "aeiou" and zipf(stem + "e") >= 3.5):
                    return True
        beginnings = self.config.word_beginnings
        return any(lower.startswith(p) and zipf(lower[len(p) :]) >= 3.5 for p in beginnings if len(lower) - len(p) >= 4)

    def _everyday_parts(self, lower: str) -> bool:
        """A word of everyday words, days and peoples joined by hyphens: "mon-thu", "wales-based"."""
        parts = lower.split("-")
        return len(parts) > 1 and all(
            p in self.config.calendar or self._kind_of_people(p) or (zipf(p) >= 3.0 and p not in self.first_names)
            for p in parts
        )

    def _foreign(self, lower: str, *, capital: bool = False, opening: bool = False) -> bool:
        """An everyday word of a language the document is partly written in ("Termin" in a text
        with "danke, bis morgen"); a name of that language alone among English words is still asked.

        Written with a ``capital`` (``opening``: it opens a sentence): opening one, any word
        of the language's list ("Choveu muito"); mid-sentence, only in a language that capitalises its
        nouns, since elsewhere a capital there marks a name, and the lists hold names and places as
        often as words ("w Poznaniu")."""
        cfg = self.config
        if capital and opening:
            return any(zipf_in(lower, lang) >= cfg.other_language_opening_zipf for lang in self._languages)
        return any(
            zipf_in(lower, lang) >= cfg.other_language_zipf
            for lang in self._languages
            if not capital or lang in cfg.capitalised_nouns
        )

    def _compound_noun(self, lower: str) -> bool:
        """A long noun of a language that joins its nouns and writes them with a capital, made of a word
        of it and an everyday noun of it ("Mietvertrag", "Wohnungsamt"), in a document partly written in
        it: a word, where the dictionary knows its parts only. A street's name ("...straße") is a place."""
        cfg = self.config
        langs = [lang for lang in self._languages if lang in cfg.capitalised_nouns]
        if not langs or len(lower) < cfg.compound_min_letters or lower.endswith(cfg.compound_place_endings):
            return False
        for lang in langs:
            for i in range(3, len(lower) - 4):
                head, tail = lower[:i], lower[i:]
                if zipf_in(tail, lang) < cfg.other_language_zipf:
                    continue
                stem = head[:-1] if head.endswith("s") else head
                if head in self.first_names or head in self.towns or stem in self.first_names:
                    continue
                if max(zipf_in(head, lang), zipf_in(stem, lang)) >= cfg.other_language_opening_zipf:
                    return True
        return False

    def languages(self, lower_words: set[str]) -> tuple[str, ...]:
        """The ``other_languages`` the document is partly written in: three or more of its lower-case
        words (names are capitalised) are everyday words of that language and no English ones."""
        cfg = self.config
        foreign = [w for w in lower_words if len(w) > 2 and zipf(w) < 2.5]
        if len(foreign) < 3:
            return ()
        least = cfg.other_language_zipf
        return tuple(lang for lang in cfg.other_languages if sum(zipf_in(w, lang) >= least for w in foreign) >= 3)

    def _in_role(self, text: str, end: int) -> bool:
        """A role in capitals right after a name: "Cass the OT", "Bea from HR"."""
        m = re.match(r"[ \t]*,?[ \t]+([a-z]+)[ \t]+([A-Z]{2,4})\b", text[end : end + 20])
        return m is not None and m.group(1) in self.config.role_after_name

    def _lowercase(self, text: str, start: int, end: int) -> Candidate | None:
        cfg = self.config
        lower = text[start:end]
        z = zipf(lower)
        if word_before(text, start) in cfg.place_before and self._lowercase_place(lower, z):
            return Candidate(start, end, "place", "LOCATION", KEEP)  # "the bus from ashby", "on tarrow"
        named = lower in self.first_names or lower in self.word_names
        if named and self._named_here(text, start, end, z):
            return Candidate(start, end, "name-position", "PERSON", KEEP)  # "this is wren", "ok kit out"
        parts = lower.split("-")
        if len(parts) > 1 and all(p in self.first_names or p in self.surnames or p in self.world_names for p in parts):
            return Candidate(start, end, "name-position", "PERSON", KEEP)  # a double name: "mary-jo", "ann-leigh"
        if self._foreign(lower):
            # an everyday word of the language the document is partly written in ("tak, jutro", "ainda não"):
            # a name only where the corpus knows it as one
            if named or lower in self.world_names:
                return Candidate(start, end, "known-name-left", "PERSON", KEEP, needs_known=True)
            return None
        prev, nxt = word_before(text, start), word_after(text, end)
        nounish = prev in _NOUN_BEFORE
        acts = not nounish and (
            (prev not in _PRONOUNS_BEFORE and nxt in cfg.name_after)
            or nxt in cfg.past_after_name  # "then sandy found"
            or (nxt.endswith("ed") and len(nxt) > 4)
        )
        if not (named or lower in self.surnames or z < cfg.rare_word_zipf):
            # an everyday word acting as a person: a name only where the corpus knows it ("merry said")
            return Candidate(start, end, "known-name-left", "PERSON", KEEP, needs_known=True) if acts else None
        if len(lower) < 3:  # a short name ("ed", "jo") only where a person stands: "ask jo if", "jo wants"
            strong = prev in cfg.name_before or acts
            return Candidate(start, end, "name-position", "PERSON", KEEP) if strong else None
        ends = not nounish and prev not in _PRONOUNS_BEFORE and clause_ends(text, end)
        framed = prev in cfg.name_before or acts or ends or _opens_message(text, start)  # "Tam: jo u coming
        if named and ((z < cfg.lowercase_any_zipf and not nounish) or (z < cfg.lowercase_name_zipf and framed)):
            return Candidate(start, end, "name-position", "PERSON", KEEP)
        # no word at all ("with tamsk"), where a person stands: a word of another language at a clause's
        # end ("tea and pirozhki.") is no name
        if (prev in cfg.name_before or acts) and z < cfg.lowercase_unknown_zipf and len(lower) > 3:
            return Candidate(start, end, "name-position", "PERSON", KEEP)
        if z < cfg.lowercase_name_zipf or framed:  # a lower-case name the corpus knows
            return Candidate(start, end, "known-name-left", "PERSON", KEEP, needs_known=True)
        return None

    def _lowercase_place(self, lower: str, z: float) -> bool:
        """A lower-case word after "in", "on", ... that could be a place: a town, a surname that is no
        everyday word ("on harlow"), or hardly a word at all."""
        if without_marks(lower) in self.terms or normalise(lower) in self.not_identifiers:
            return False
        listed = lower in self.towns or (lower in self.surnames and lower not in self.word_names)
        return (listed and z < 4.6) or (z < 2.8 and not self._inflected(lower))  # not "to tastings"

    def _named_here(self, text: str, start: int, end: int, z: float) -> bool:
        """A lower-case first name (or name-word) where only a person stands: introduced ("this is
        wren", "it's tobs"; not an everyday word: "this is long"), signing off ("ok tobs out"), alone
        on its line (a signature), or said twice before the full name ("then wren wren ashby")."""
        word = text[start:end]
        return bool(
            (z < 5.0 and self.config.introduces.search(text, max(0, start - 12), start))
            or self.config.sign_off_after.match(text, end)
            or alone_on_line(text, start, end)
            or re.match(rf"[ \t]+{re.escape(word)}[ \t]+[a-z]", text[end : end + len(word) + 8])
        )

    def titled_and_initials(self, text: str, covered: bytearray, caps: list[Token], lower: set[str]) -> list[Candidate]:
        """A title with a name or an initial ("Dr K", "Mrs Tran", "dr okoro") and initials written with
        dots or in mixed case ("F.A.", "GvdM", "JH-P") left (``caps``: the capitalised words,
        ``lower``: the lower-case ones)."""
        out = []
        for (start, end, title), (next_start, next_end, name) in itertools.pairwise(caps):
            if title.lower() not in self.titles or title != title.capitalize() or not _TITLED_NAME.fullmatch(name):
                continue
            if _TITLE_GAP.fullmatch(text, end, next_start) and covered.find(1, start, next_end) < 0:
                stop = next_end + (len(name) == 1 and text.startswith(".", next_end))  # "Dr K."
                out.append(Candidate(start, stop, "name-position", "PERSON", KEEP))
        for title in lower & self.titles:
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(title)}\.?[ \t]+([a-z][a-z'’-]+)(?![\w'’-])", text):
                name = m.group(1)
                listed = name in self.surnames or name in self.first_names
                # after "mrs", "dr" a word less common than an everyday one is a surname ("mrs vellacott")
                rare = self.config.word_name_zipf if title in self.config.short_titles else self.config.rare_word_zipf
                if covered.find(1, m.start(), m.end()) < 0 and (listed or zipf(name) < rare):
                    out.append(Candidate(m.start(), m.end(), "name-position", "PERSON", KEEP))
        for start, end, word in caps:
            if _MIXED_INITIALS.fullmatch(word) and covered.find(1, start, end) < 0:
                letters = word.replace("-", "")
                if letters not in self.not_initials and zipf(letters.lower()) < self.config.rare_word_zipf:
                    out.append(Candidate(start, end, "initials", "PERSON", KEEP))  # not "PhD", "McD"
        if "." in text:
            for m in _DOTTED.finditer(text):
                letters = re.sub(r"[.\s]", "", m.group())
                if covered.find(1, m.start(), m.end()) < 0 and letters not in self.not_initials:
                    out.append(Candidate(m.start(), m.end(), "initials", "PERSON", KEEP))
        return out

    def phrases(self, text: str, covered: bytearray, caps: list[Token]) -> list[Candidate]:
        """Runs of two or more capitalised words mid-sentence that nothing detected ("Larkfield Carers
        West", "Eastvale TAFE"), joined by spaces, "&" or small words ("of", "the")."""
        out: list[Candidate] = []
        run: list[Token] = []

        def close() -> None:
            if len(run) > 2 and opens_sentence(text, run[0][0]) and zipf(run[0][2].lower()) >= 4.0:
                run.pop(0)  # "And Larkfield Carers ...": the sentence's first word is no part of the name
            while run and (run[-1][2] == "I" or run[-1][2].startswith(("I'", "I’"))):
                run.pop()  # "... Welsh and I", "Later I'm": a pronoun ends no name
            while run and (
                run[-1][2].lower().rstrip(".") in self.config.number_words or run[-1][2].lower() in self.config.calendar
            ):
                run.pop()  # "Card No", "Case Ref", "Tam on Thurs": a number's label or a day ends no name
            while run and run[-1][2].lower() in _PHRASE_JOINERS:
                run.pop()
            caps = [t for t in run if t[2][0].isupper()]
            titled = any(not t[2].isupper() for t in caps)  # not a row of acronyms
            if len(caps) >= 2 and titled and not opens_sentence(text, run[0][0]):
                start, end = run[0][0], run[-1][1]
                if "\n" not in text[start:end] and not self._generic_phrase(text[start:end], caps):
                    out.append(Candidate(start, end, "capitalised-phrase", "ORGANIZATION", KEEP))
            run.clear()

        for token in caps:
            start, end, word = token
            capital = not word.isupper() or len(word) <= 5
            if run and capital and covered.find(1, run[-1][1], end) < 0 and _JOINED.fullmatch(text, run[-1][1], start):
                run.append(token)
                continue
            if run:
                close()
            if capital and covered.find(1, start, end) < 0:
                run.append(token)
        if run:
            close()
        return out

    def _generic_phrase(self, phrase: str, caps: list[Token]) -> bool:
        """Allowed ("Peer Support Worker"), or only weekdays and months, or only countries, languages
        and nationalities ("Welsh and Tagalog")."""
        if normalise(phrase) in self.not_identifiers:
            return True
        words = [_POSSESSIVE.sub("", t[2]).lower() for t in caps]
        if all(w in self.config.calendar for w in words) or all(w in self.not_place_words for w in words):
            return True
        # peoples, languages and jobs with everyday words: "North Sami", "Georgian and Russian", "Staff Attorney"
        if not any(self._kind_of_people(w) for w in words) or any(w in self.type_words for w in words):
            return False
        return all(
            self._kind_of_people(w)
            or w in self.not_place_words
            or (zipf(w) >= 4.5 and w not in self.first_names and w not in self.surnames)
            for w in words
        )

    def typed_lowercase(self, text: str, covered: bytearray, types: set[str]) -> list[Candidate]:
        """A service, venue or street written in lower case ("the marlow trust", "kells road surgery"):
        up to three words before a type word, the first of them a name or no word at all."""
        out: list[Candidate] = []
        for kind in types:
            for i in positions(text, kind):
                if out and out[-1].start <= i < out[-1].end:
                    continue
                candidate = self._typed_at(text, covered, i, i + len(kind))
                if candidate is not None:
                    out.append(candidate)
        return out

    def _typed_at(self, text: str, covered: bytearray, start: int, end: int) -> Candidate | None:
        """The name before the type word at ``start:end`` and the type words after it ("drive medical")."""
        kind = text[start:end]
        while (m := _NEXT_WORD.match(text, end)) is not None and m.group(1) in self.type_words:
            end = m.end()
        before = _WORDS_BEFORE.search(text, max(0, start - 80), start)
        if before is None:
            return None
        words = list(re.finditer(r"\S+", before.group()))
        while words and (not self._name_like(words[0].group()) or covered[before.start() + words[0].start()]):
            named = covered[before.start() + words[0].start()]
            words.pop(0)  # "the", "at", "phoned", a name detected: the name starts with a name
            if (
                named
                and len(words) > 1
                and words[0].group() in self.config.group_after_name
                and zipf(words[1].group()) < GRAMMAR_WORD_ZIPF  # not "piotr at the lodge": a kind of place
            ):
                words.pop(0)  # "ask piotr from harbour point": after a person and "from", the group's name
                break
        if not words:
            return None
        begin = before.start() + words[0].start()
        if covered.find(1, begin, end) >= 0:
            return None
        label = "LOCATION" if kind in self.street_types else "ORGANIZATION"
        return Candidate(begin, end, "capitalised-phrase", label, KEEP)

    def _name_like(self, word: str) -> bool:
        """A word that could start a name: a listed name or town that is no everyday word, or hardly a word."""
        z = zipf(word)
        listed = word in self.surnames or word in self.towns or word in self.first_names
        return (listed and z < 4.0 and not self._inflected(word)) or z < 2.0  # not "cousins", "helper"

    def numbers(self, text: str, covered: bytearray) -> list[Candidate]:
        """User names, codes with digits, numbered rooms and beds, and digit runs next to a contact or
        ID word, that no span covers."""
        cfg = self.config
        out: list[Candidate] = []
        if "@" in text or "_" in text:
            for m in _HANDLE.finditer(text):
                if covered.find(1, m.start(), m.end()) < 0 and not self._code_words(m.group()):
                    out.append(Candidate(m.start(), m.end(), "number", "CONTACT", KEEP))
        if "." in text:
            for m in _DOTTED_SPEAKER.finditer(text):
                if covered.find(1, m.start(), m.end()) < 0:
                    out.append(Candidate(m.start(), m.end(), "number", "CONTACT", KEEP))
        out += self._numbers_in_words(text, covered)
        if not _ANY_DIGIT.search(text):
            return out
        for m in self._address.finditer(text):
            if covered.find(1, m.start(), m.end()) < 0 and _street_words(m.group()):
                out.append(Candidate(m.start(), m.end(), "address", "LOCATION", KEEP))
        for start, end in _codes(text):
            if self._dated(text[start:end]) or _H_TIME.fullmatch(text, start, end):
                continue  # "17-Oct-1962", "Mar2024": a date, its letters a month's; "17h45": a time
            if covered.find(1, start, end) < 0 and not cfg.unit.fullmatch(text, start, end):
                out.append(Candidate(start, end, "number", "ID", KEEP))
        for m in _NUMBER.finditer(text):
            start, end = m.span()
            if not cfg.numbered.search(text, max(0, start - 16), start):
                continue
            taken = covered.find(1, start, end) >= 0 or any(c.start < end and start < c.end for c in out)
            if not taken and not cfg.unit.fullmatch(text, start, end):
                out.append(Candidate(start, end, "number", "ID", KEEP))
        for m in _CAPS_FIELD_NUMBER.finditer(text):
            start, end = m.span(2)
            if covered.find(1, start, end) >= 0:
                continue
            if not any(c.start < end and start < c.end for c in out):
                out.append(Candidate(start, end, "number", "ID", KEEP))  # "RN: 7", "PIN: 0412"
        for m in cfg.home_number.finditer(text):
            start, end = m.span(1)
            if _YEAR_OR_TIME.fullmatch(m.group(1)) or covered.find(1, start, end) >= 0:
                continue  # "we were in 2019."
            if not any(c.start < end and start < c.end for c in out):
                out.append(Candidate(start, end, "number", "ID", KEEP))
        for m in _DIGITS.finditer(text):
            start, end = m.span()
            if sum(c.isdigit() for c in m.group()) < cfg.number_digits or covered.find(1, start, end) >= 0:
                continue
            if _YEAR_OR_TIME.fullmatch(m.group().strip()) or any(c.start < end and start < c.end for c in out):
                continue
            words = set(  # letters of any alphabet: "n.º", "Nr."
                _LETTERS.findall(text[max(0, start - cfg.number_window) : end + cfg.number_window].lower())
            )
            if words & cfg.number_words or sum(c.isdigit() for c in m.group()) >= 7:  # a phone number's length
                out.append(Candidate(start, end, "number", "CONTACT" if words & cfg.contact_words else "ID", KEEP))
        for m in _JOINED_PHONE.finditer(text):
            start, end = m.span()
            if sum(c.isdigit() for c in m.group()) < 7 or covered.find(1, start, end) >= 0:
                continue
            if not any(c.start < end and start < c.end for c in out):
                out.append(Candidate(start, end, "number", "CONTACT", KEEP))
        return out

    def _numbers_in_words(self, text: str, covered: bytearray) -> list[Candidate]:
        """Numbers written out, as transcripts write them: after a word that numbers a room or a plot
        ("plot forty-one"), or three number words or more near a contact word ("nine-oh-two")."""
        cfg = self.config
        out: list[Candidate] = []
        for m in cfg.numbered_words.finditer(text):
            if covered.find(1, m.start(1), m.end(1)) < 0:
                out.append(Candidate(m.start(1), m.end(1), "number", "ID", KEEP))
        for m in cfg.spoken_digits.finditer(text):
            start, end = m.span()
            if covered.find(1, start, end) >= 0 or any(c.start < end and start < c.end for c in out):
                continue
            near = set(_LETTERS.findall(text[max(0, start - cfg.number_window) : end + cfg.number_window].lower()))
            if near & cfg.contact_words or "number" in near:
                out.append(Candidate(start, end, "number", "CONTACT", KEEP))
        return out

    def _dated(self, code: str) -> bool:
        letters = _LETTERS.findall(code)
        return bool(letters) and all(w.lower() in self.config.calendar for w in letters)

    def after_relatives(self, text: str, covered: bytearray) -> list[Candidate]:
        """The word after "my sister", "his dog", "our keyworker" ... that could be a name: capitalised
        (a weekday's short form too: a name "Thu"), or a lower-case listed name or hardly a word."""
        out: list[Candidate] = []
        for m in self._after_relative.finditer(text):
            if covered.find(1, m.start(1), m.end(1)) >= 0:
                continue
            word = _POSSESSIVE.sub("", m.group(1))
            lower = word.lower()
            if word[0].isupper():
                ok = word.istitle() and lower not in _PRONOUNS_BEFORE and zipf(lower) < 6.0
            else:
                listed = lower in self.first_names or lower in self.word_names or lower in self.surnames
                acts = word_after(text, m.end(1)) in self.config.name_after
                ok = (listed and zipf(lower) < 4.5) or zipf(lower) < 2.0 or (acts and zipf(lower) < 4.5)
            if ok and len(word) > 1 and lower not in self.titles:
                out.append(Candidate(m.start(1), m.start(1) + len(word), "relative-name", "PERSON", KEEP))
        return out

    def _letters_for_roles(self, text: str) -> set[str]:
        """Letters a transcript's legend defines as roles, in any language ("D = Dolmetscherin",
        "interpreter (F)"): their turns are no one's initials. A letter defined by a listed name ("Ilse
        (I)", "T = Tomas") or a full name ("Ilse Brandt (I)") stays a person."""
        roles: set[str] = set()
        for m in _LETTER_LEGEND.finditer(text):
            letter = m.group(1) or m.group(4)
            word = (m.group(2) or m.group(3)).lower()
            full_name = m.group(3) and re.search(r"[A-Z][\w'’-]+[ \t]+\Z", text[max(0, m.start() - 30) : m.start()])
            if not (full_name or word in self.first_names or word in self.surnames or word in self.world_names):
                roles.add(letter)
        return roles

    def people_as_letters(self, text: str, covered: bytearray, spans: list[Span]) -> list[Candidate]:
        """People written as one letter (a speaker's turn "E:", a sign-off "- V.", "Ilse (I)"), and, in a
        text that writes people as initials, capitals in a speaker's turn or a list of initials that
        are also words or abbreviations ("OK:", "(AM, RD)")."""
        out: list[Candidate] = []
        roles = self._letters_for_roles(text)
        for m in self.config.letter_person.finditer(text):
            g = next(i for i in (1, 2, 3) if m.group(i) is not None)
            start, end = m.span(g)
            letter = m.group(g)
            if letter in roles:
                continue
            # "I:" is the interviewer, "A" a word or the answer
            if g == 1 and re.match(r":[ \t]*[+(]?\d", text[end : end + 6]):
                continue  # "T: 0161 ...": a phone number's label
            if letter.isupper() and covered.find(1, start, end) < 0 and letter != "I" and (letter != "A" or g == 3):
                out.append(Candidate(start, end, "initials", "PERSON", KEEP))
        out += self._letters_acting(text, covered, {c.start for c in out})
        out += self._letters_dotted(text, covered, {c.start for c in out})
        out += self._initials_of_name(text, covered)
        initials = {s.text or text[s.start : s.end] for s in spans if s.label == "PERSON"}
        if sum(bool(_CAPITALS.fullmatch(w)) for w in initials) >= 2:
            for m in _CAPS_PERSON.finditer(text):
                g = next(i for i in (1, 2, 3) if m.group(i) is not None)
                start, end = m.span(g)
                if covered.find(1, start, end) >= 0:
                    continue
                # a role in a list of people's initials is one more person ("WH, GP, BT")
                if m.group(g) not in self.roles or (g == 2 and _between_people(text, covered, start, end)):
                    out.append(Candidate(start, end, "initials", "PERSON", KEEP))
        return out + self._same_letters(text, covered, out, spans)

    def _letters_acting(self, text: str, covered: bytearray, taken: set[int]) -> list[Candidate]:
        """One capital letter for a person mid-sentence: a person's verb after it ("then K said"), a
        word that stands before a name ("told K"), or the name in brackets ("J (Jo)")."""
        cfg = self.config
        out: list[Candidate] = []
        for m in _LETTER.finditer(text):
            start, end = m.span(1)
            if start in taken or covered.find(1, start, end) >= 0:
                continue
            nxt = word_after(text, end)
            before = word_before(text, start)
            person = re.match(r"[ \t]+\([A-Z][a-z]+\)", text[end : end + 30]) is not None or (
                not opens_sentence(text, start)
                and (
                    nxt in cfg.acts_after_initials
                    or nxt in cfg.past_after_name
                    or (before in cfg.name_before and before not in _SMALL_WORDS)
                    or before in ("her", "him")
                )
            )
            if person:
                out.append(Candidate(start, end, "initials", "PERSON", KEEP))
        return out

    def _letters_dotted(self, text: str, covered: bytearray, taken: set[int]) -> list[Candidate]:
        """One capital with a full stop for a person, the sentence going on after it ("thinks V. was
        tired", "(V., 31)"); not a name's initial ("Orsolya B.") nor a list's letter ("A.", "I.")."""
        out: list[Candidate] = []
        if "." not in text:
            return out
        for m in _LETTER_DOT.finditer(text):
            start = m.start(1)
            if start in taken or m.group(1) in "AI" or covered.find(1, start, m.end()) >= 0:
                continue
            if re.search(r"[A-ZÀ-ÖØ-Þ][\w'’-]*[ \t]+\Z", text[max(0, start - 30) : start]):
                continue  # the initial of the name before it
            out.append(Candidate(start, m.end(), "initials", "PERSON", KEEP))
        return out

    def _same_letters(
        self, text: str, covered: bytearray, found: list[Candidate], spans: list[Span]
    ) -> list[Candidate]:
        """The document's own evidence: a letter or initials it writes for a person somewhere ("so Z
        rang", "QB (cook)", or detected) are that person wherever else they stand alone ("Z cross",
        "a card for Z", "QB left")."""
        letters = {text[c.start : c.end].rstrip(".") for c in found if c.kind == "initials" and c.end - c.start <= 3}
        letters |= {text[s.start] for s in spans if s.label == "PERSON" and s.end - s.start == 1}
        letters -= {"A", "I", ""}
        out: list[Candidate] = []
        taken = {c.start for c in found}
        for letter in letters:
            for m in re.finditer(rf"(?<![\w.'’&/-]){re.escape(letter)}(?![\w'’&/-])", text):
                if m.start() not in taken and covered.find(1, m.start(), m.end()) < 0:
                    out.append(Candidate(m.start(), m.end(), "initials", "PERSON", KEEP))
        return out

    def _initials_of_name(self, text: str, covered: bytearray) -> list[Candidate]:
        """Capitals in brackets after the words they are the initials of: "Orsolya B. (OB)"."""
        out: list[Candidate] = []
        if "(" not in text:
            return out
        for m in _INITIALS_AFTER.finditer(text):
            first_letters = "".join(w[0] for w in m.group(1).split())
            if first_letters.endswith(m.group(2)) and covered.find(1, m.start(2), m.end(2)) < 0:
                out.append(Candidate(m.start(2), m.end(2), "initials", "PERSON", KEEP))
        for m in _INITIALS_BEFORE.finditer(text):
            name = text[m.end(1) : m.end()].strip(" \t()")
            if name[0] == m.group(1)[0] and covered.find(1, m.start(1), m.end(1)) < 0:
                out.append(Candidate(m.start(1), m.end(1), "initials", "PERSON", KEEP))  # "-KT (Kit)"
        return out

    def other_script(self, text: str, covered: bytearray) -> list[Candidate]:
        """A short run of another writing system in a text mostly in Latin letters: often a name as its
        owner writes it ("Ana (آنا)"). Japanese text writes no spaces, so only the pieces of its runs
        that could be a name or a place are offered (``unspaced.py``)."""
        out: list[Candidate] = []
        runs = list(_OTHER_SCRIPT.finditer(text))
        japanese = [m.span() for m in runs if unspaced.is_japanese(m.group())]
        for start, end, label in unspaced.candidates(text, japanese, self.config.unspaced):
            if covered.find(1, start, end) < 0:
                out.append(Candidate(start, end, "other-script", label, KEEP))
        runs = [m for m in runs if not unspaced.is_japanese(m.group())]
        if not runs:
            return out
        if sum(m.end() - m.start() for m in runs) > 0.3 * len(text):
            return out + self._script_words(text, covered)
        for m in runs:
            if covered.find(1, m.start(), m.end()) < 0:
                out.append(Candidate(m.start(), m.end(), "other-script", "PERSON", KEEP))
        return out

    def _script_words(self, text: str, covered: bytearray) -> list[Candidate]:
        """A text written mostly in another spaced script (Hebrew, Arabic, Amharic, Hangul, ...): each of its
        words that no dictionary of the script's languages holds, an item only where the corpus writes it
        ``script_word_times`` times or more (``uncertainty.py``): names recur, a rare word seldom does."""
        cfg = self.config
        out: list[Candidate] = []
        for m in _SCRIPT_WORD.finditer(text):
            word = m.group()
            script = _script_of(word)
            if script is None or covered.find(1, m.start(), m.end()) >= 0:
                continue
            languages = cfg.script_languages.get(script, ())
            if len(word) < cfg.script_min_letters.get(script if not languages else "listed", 3):
                continue
            if any(_in_dictionary(word, lang) for lang in languages):
                continue
            out.append(Candidate(m.start(), m.end(), "other-script", "PERSON", KEEP, needs_known=True))
        return out

    def roads_and_saints(self, text: str, covered: bytearray) -> list[Candidate]:
        """A numbered road ("Hwy 9", "the M4", "I-90") and a saint's name in lower case ("st aidans":
        a church, a school, a hospital) that no span covers."""
        out: list[Candidate] = []
        if _ANY_DIGIT.search(text):
            roads = (self.config.roads, _MOTORWAY, self.config.road_codes, self.config.routes)
            for m in itertools.chain.from_iterable(r.finditer(text) for r in roads):
                start, end = m.span(m.lastindex or 0)
                if covered.find(1, start, end) < 0:
                    out.append(Candidate(start, end, "road", "LOCATION", KEEP))
        for m in self.config.saints.finditer(text):
            name = _POSSESSIVE.sub("", m.group(1))
            if name not in self.first_names and name.removesuffix("s") not in self.first_names:
                continue
            if covered.find(1, m.start(), m.end()) < 0:
                out.append(Candidate(m.start(), m.end(), "capitalised-phrase", "ORGANIZATION", KEEP))
        return out

    def addressed(self, text: str, covered: bytearray) -> list[Candidate]:
        """A name with a form of address of another language before it or joined to it ("cô Mai",
        "Emi-chan"): the form says a person is named, whatever the name means in English ("anh Phuc")."""
        out = []
        for m in self.config.addressed.finditer(text):
            if covered.find(1, m.start(1), m.end(1)) < 0 and m.group(1).lower() not in self.titles:
                out.append(Candidate(m.start(1), m.end(1), "name-position", "PERSON", KEEP))
        for m in self.config.addressed_after.finditer(text):
            if covered.find(1, m.start(), m.end()) < 0:
                out.append(Candidate(m.start(), m.end(), "name-position", "PERSON", KEEP))
        return out

    def spelled_out(self, text: str, covered: bytearray) -> list[Candidate]:
        """A word spelled out letter by letter ("T-O-M-A-S"): a name given to be written down."""
        return [
            Candidate(m.start(), m.end(), "spelled", "PERSON", KEEP)
            for m in _SPELLED.finditer(text)
            if covered.find(1, m.start(), m.end()) < 0
        ]

    def writers(self, text: str, covered: bytearray) -> list[Candidate]:
        """Who wrote a message of a chat export or a forum thread, left: a name or a user name in any
        letter case ("3.5.2024 um 9.12 - mo: ok", "jkwan: nice one"), not a role ("Me", "Staff")."""
        out: list[Candidate] = []
        if ":" not in text:
            return out
        for m in itertools.chain(_CHAT_WRITER.finditer(text), _LOWER_WRITER.finditer(text)):
            start, end = m.span(1)
            writer = m.group(1)
            lower = writer.lower()
            if covered.find(1, start, end) >= 0 or any(c.start == start for c in out):
                continue
            if m.re is _LOWER_WRITER and zipf(lower) >= self.config.lowercase_unknown_zipf:
                continue  # "note: ...", "edit: ...": a word, not a user name
            words = lower.split()
            if self._role_word(words[0]) or all(self._role_word(w) or w in self.titles for w in words):
                continue  # "Staff:", "Next steps:", "Mum:" (not "Rose next door:", a name and where she lives)
            if lower in _SELF or normalise(writer) in self.not_identifiers or lower in self.config.calendar:
                continue
            out.append(Candidate(start, end, "writer", "PERSON", KEEP))
        return out

    def _role_word(self, word: str) -> bool:
        return word in self.speaker_roles or word in self.field_labels

    def signed_and_shouted(self, text: str, covered: bytearray) -> list[Candidate]:
        """Names that the writing itself hides from the other finders: the signature under a letter's
        closing, across blank lines ("Yours faithfully,\n\nSurname Given"), a name of mixed case
        ("MaNdlovu"), and, in a text shouted in capitals, every capital word that is no everyday word."""
        out: list[Candidate] = []
        for m in self._signed.finditer(text):
            start, end = m.span(1)
            words = m.group(1).split()
            if covered.find(1, start, end) >= 0 or self._closing.fullmatch(m.group(1)) or not words[0][0].isupper():
                continue
            if not all(zipf(w.lower()) >= 4.0 for w in words):
                out.append(Candidate(start, end, "writer", "PERSON", KEEP))
        for m in _MIXED_CASE.finditer(text):
            if covered.find(1, m.start(), m.end()) < 0 and zipf(m.group().lower()) < self.config.rare_word_zipf:
                out.append(Candidate(m.start(), m.end(), "capitalised", "PERSON", KEEP))
        words = _TOKEN.findall(text)
        shouted = [w for w in words if len(w) > 1 and w.isupper()]
        if len(words) >= 20 and len(shouted) >= 0.6 * len(words):
            for m in _CAPS_WORD.finditer(text):
                low = m.group().lower()
                if covered.find(1, m.start(), m.end()) >= 0 or zipf(low) >= self.config.rare_word_zipf:
                    continue
                if not (set(m.group()) & _VOWELS) or low in self.kinds_of_people or low in self.not_place_words:
                    continue  # an abbreviation ("NDIS"), a people or a language ("GREEK")
                out.append(Candidate(m.start(), m.end(), "capitalised", "PERSON", KEEP))
        return out

    def speaker_names(self, text: str) -> set[str]:
        """Capitalised words that open two turns or more of a dialogue ("Oskarr: ..."), in lower case,
        that are no role ("Interviewer"), no form's label and no everyday small word: the corpus knows
        them as people, wherever else they stand."""
        if ":" not in text:
            return set()
        turns: Counter[str] = Counter(m.group(1) for m in _SPEAKER.finditer(text))
        if len(turns) < 2:
            return set()  # one kind of line: a form's labels or a list, no dialogue
        out = set()
        for word, n in turns.items():
            lower = word.lower()
            if n < 2 or len(word) < 3 or word.isupper() or zipf(lower) >= 5.0:
                continue
            if lower in self.speaker_roles or lower in self.field_labels or lower in self.config.calendar:
                continue
            if normalise(word) in self.not_identifiers or self._kind_of_people(lower) or lower in self.titles:
                continue
            out.add(lower)
        return out

    def details(self, text: str, spans: list[Span]) -> list[Candidate]:
        """An unusual word right after a biographical frame ("used to shoe horses") that no rare
        detail covers."""
        out: list[Candidate] = []
        rare_spans = [s for s in spans if s.label == "RARE_DETAIL"]
        for m in self._frames.finditer(text):
            clause = re.match(r"[^.!?;:\n,()]{1,60}", text[m.end() :])
            if clause is None:
                continue
            words = list(_TOKEN.finditer(text, m.end(), m.end() + len(clause.group())))[:6]
            unusual = [
                w.group()
                for w in words
                if w.group().islower()
                and len(w.group()) > 3
                and zipf(w.group()) < self.config.rare_word_zipf
                and w.group() not in self.first_names
            ]
            if not unusual:
                continue
            end = words[-1].end()
            if not any(s.start < end and m.start() < s.end for s in rare_spans):
                out.append(Candidate(m.start(), end, "rare-detail", "RARE_DETAIL", KEEP))
        return out


# ---------------------------------------------------------------------- reading around a word


def _codes(text: str) -> Iterator[tuple[int, int]]:
    """Where the codes of letters and digits are (see ``_CODE_AROUND``), found from their digits."""
    seen = -1
    for m in _ANY_DIGIT.finditer(text):
        if m.start() < seen:
            continue
        word = _CODE_AROUND.match(text, _word_start(text, m.start()))
        if word is None:
            continue
        start, end = word.span()
        seen = end
        piece = text[start:end].strip("/-")
        start = text.index(piece, start) if piece else start
        end = start + len(piece)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before in "@." or after == "@" or (before.isalnum() or after.isalnum()):
            continue
        digits = sum(c.isdigit() for c in piece)
        if (digits >= 3 and any(c.isalpha() for c in piece)) or (digits == 2 and _SHORT_CODE.fullmatch(piece)):
            yield start, end


def _between_people(text: str, covered: bytearray, start: int, end: int) -> bool:
    """Initials in a comma list whose neighbours are detected: "TN, GP, BT"."""
    base = max(0, start - 8)
    before = re.search(r"([A-Z]{2,3})\.?[ \t]*,[ \t]*\Z", text[base:start])
    after = re.match(r"[ \t]*,[ \t]*([A-Z]{2,3})\b", text[end : end + 8])
    return bool(before and after and covered[base + before.start(1)] and covered[end + after.start(1)])


def _street_words(address: str) -> bool:
    """The words of a street after its number: no everyday small words ("2 days off the road"); a type
    right after the number only after an ordinal or capitalised ("9th st", "62 Ave", not "5 green")."""
    words = address.rstrip(".").split()
    number, middle, kind = words[0], words[1:-1], words[-1]
    if not middle:
        return number[-2:].lower() in ("st", "nd", "rd", "th") or kind[0].isupper()
    return all(zipf(w.lower()) < 5.0 and not w.isdigit() for w in middle)


def positions(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text`` as a whole word."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not _in_word(text[i - 1])) and (j == len(text) or not _in_word(text[j])):
            yield i
        i = text.find(word, i + 1)


def _in_word(c: str) -> bool:
    return c.isalnum() or c in "_'’-"


def _word_start(text: str, i: int) -> int:
    while i > 0 and ((text[i - 1].isalnum() and text[i - 1].isascii()) or text[i - 1] in "/-"):
        i -= 1
    return i


def word_before(text: str, start: int) -> str:
    m = re.search(r"([\w'’&-]+)[^\w\n]{0,3}$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def word_after(text: str, end: int) -> str:
    m = re.match(r"(['’]s\b|[ \t,]{0,3}([\w'’-]+))", text[end : end + 30])
    if not m:
        return ""
    return (m.group(2) or m.group(1)).lower()


def opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _opens_message(text: str, start: int) -> bool:
    """The word opens a message of a chat export, right after its writer ("[9:02] Tam: jo u coming"):
    where the one written to is often named."""
    line = text.rfind("\n", 0, start) + 1
    m = _CHAT_WRITER.match(text, line)
    return m is not None and m.end() == start


def _after_symbol(text: str, start: int) -> bool:
    """The word follows an emoji or another symbol, which in a chat ends a sentence ("so tired 😴 Then")."""
    i = start - 1
    while i >= 0 and (text[i] in " \t\ufe0f\u200d" or unicodedata.category(text[i]) == "Sk"):
        i -= 1
    return i >= 0 and unicodedata.category(text[i]) == "So"


def in_phrase(text: str, start: int, end: int) -> bool:
    """Next to another capitalised word: part of a longer name ("Grace Street", "Hope Lodge")."""
    before = re.search(r"([A-Z][\w'’-]*) $", text[max(0, start - 30) : start])
    after = re.match(r" ([A-Z][\w'’-]*)", text[end : end + 30])
    return bool(after) or bool(before and not opens_sentence(text, start - len(before.group())))


def clause_ends(text: str, end: int) -> bool:
    """Punctuation, a line end, an emoji or the end of the text right after (spaces allowed)."""
    m = re.match(r"[ \t]*(.?)", text[end : end + 8])
    nxt = m.group(1) if m else ""
    return nxt == "" or nxt in ".!?,;:)\n" or not (nxt.isalnum() or nxt in "'’\"(-")


def line_start(text: str, start: int) -> bool:
    first = text.rfind("\n", 0, start) + 1
    return not text[first:start].strip(" \t>*-•")


def alone_on_line(text: str, start: int, end: int) -> bool:
    """A word alone on its line, punctuation aside: a sign-off or a speaker's name."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first : last if last >= 0 else len(text)].strip(" \t,.!:-–—x") == text[start:end]


def _shouted_words(text: str, start: int, end: int) -> bool:
    """Everyday words in capitals on the line (two or more): "PLEASE DO NOT", not "KADLEC / VOSS"."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    line = text[first : last if last >= 0 else len(text)]
    return sum(zipf(w.lower()) >= 4.0 for w in re.findall(r"\b[A-Z]{3,}\b", line)) >= 2


def _shouting(text: str, start: int, end: int) -> bool:
    """Capitals in a line written in capitals are no initials."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    letters = [c for c in text[first : last if last >= 0 else len(text)] if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)
