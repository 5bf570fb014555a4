"""Names and places read from the layout of a text: chat and transcript turns, sign-offs, @mentions,
letter address blocks.

* :class:`SpeakerRecognizer` — the speaker of a turn ("Maria Lopez: see you there", "[14:02] jo: u ok?",
  "Tully 09:14: any news", "Ana wrote:"), a by-line or sign-off ("— Ana", "Posted by Ana Ruiz",
  "Cheers,\\nAna") and a display-name mention ("@Tully Ferreira yes"). Structural labels (Interviewer, P3,
  Note, Subject...) are not people. The layout is the evidence: a lower-case or word-like speaker
  ("hope:", "Will:") counts in a document whose turns are clearly people talking (two or more turns by
  speakers with a name-list name or a transcript role).
* :class:`AddressBlockRecognizer` — the lines of a postal address in a letter: a number + street line,
  then town / state / postcode lines (LOCATION), and the organisation named on the line above
  (ORGANIZATION) or the addressee (PERSON).

Both work line by line on the raw text with a few compiled patterns, so they cost little on the many
documents that contain neither.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from qualdeid.detect.names.initials import UPPER
from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.labels import LOCATION, ORGANIZATION, PERSON
from qualdeid.rules import Rules

Found = tuple[int, int, str]

#: a word rarer than this in general English (wordfreq Zipf) may be a name nobody listed
RARE_WORD_ZIPF = 3.6
#: a word at least this common in general English is an everyday word (unless it is a listed first name)
WORDLIKE_ZIPF = 4.0
#: under a letter's closing, a name's words may be this common (romanised syllables: "Tan", "Min"), and one
#: of them as common as ``COMMON_ZIPF`` ("Hong")
SIGNED_NAME_ZIPF = 4.5
COMMON_ZIPF = 5.0

_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
_DATE = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}"
#: arrows and emoji that open a reply or a comment line of a post ("↳ Ana: thanks", "💬 Ana: lovely")
_MARKS = r"[\u2190-\u21ff\u25b6-\u25bf\U0001f4ac-\U0001f4ad][ \t]*"
_WORD = r"[^\W\d_][\w'’.-]*"
_NAME = rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}}?)"  # lazy: "Ana wrote:" is Ana + verb
#: a name alone on a line after a sentence, before a postscript or the end: "...welcome.\nPat\nPS ..."
LONE_NAME = re.compile(
    rf"(?:(?<=[.!?)x][ \t]\n)|(?<=[.!?)x]\n))[ \t]*{_NAME}[ \t]*(?:[ \t]+x+)?[ \t]*(?=\n(?:P\.?S\.?\b|\n|\Z)|\Z)"
)
#: the writer's initials alone on a line under a message or a note, maybe with a credential after them, before
#: the end, a blank line or a quoted or forwarded block ("...by Friday.\nK.T.\n> From:", "...on 3/5.\n\nRHW RN"),
#: or, two letters at least, above a signature's lines
INITIALS_SIGN_OFF = re.compile(
    r"(?:(?<=[.!?)][ \t]\n)|(?<=[.!?)]\n)|(?<=\n\n))[ \t]*"
    r"(?P<name>(?:[^\W\d_]\.){1,5}|[^\W\d_]{2,5}(?:['’][^\W\d_])?)(?:[ \t]+[A-Z]{2,4})?[ \t]*"
    r"(?P<closed>(?=\n[ \t]*(?:\n|>|-{2,}|_{2,})|\n?\Z))?(?=\n|\Z)"
)
#: initials signing an entry of case notes after a dash, at the end of its line: "Called back. -QV", "seen. — QV"
INITIALS_DASH_SIGN_OFF = re.compile(
    r"(?<=[.!?)\"”’][ \t][-–—~])[ \t]?(?P<name>[^\W\d_]{2,3})(?P<closed>)[ \t]*(?=\n|\Z)"
    r"|(?<=[.!?)\"”’][ \t][-–—~][ \t])(?P<spaced>[^\W\d_]{2,3})[ \t]*(?=\n|\Z)"
)
#: the writer's name alone on the last line of a post or letter ("Ana R", "Tully Ferreira x")
LAST_LINE = re.compile(rf"(?:\A|\n)[ \t]*{_NAME}[ \t]*(?:[,.!]|[ \t]+x+)*\s*\Z")
#: the author of a social media post, on the line above its date and audience ("Ana Ruiz\n3 March 2025 · Leeds · 🌐",
#: "Ana Ruiz ▸ Moorby Noticeboard\n2 h · 🌐")
POST_AUTHOR = re.compile(
    rf"^[ \t]*{_NAME}[ \t]*(?:[▸›][^\n]*)?\n[ \t]*(?:\d{{1,2}}[ \t]*[hmd]\b|[^\n·]{{0,24}}\d)[^\n·]{{0,24}}·",
    re.MULTILINE,
)
#: an abbreviated title with its full stop before a name of up to three more words ("Tr. Ka Paw Lwe", "Dr. Ama
#: Osei"): read as a title where ``names/titles.txt`` lists it
_DOTTED_TITLE = r"[A-Z][a-z]{0,4}\."
#: a chat export's line naming who writes, then the time, maybe in brackets, the message on the lines below
#: ("Ana Ruiz, 09:15", "Tully 🌻 11:20", "Jo (mum of two), 7:02 pm", "tavi, [08:40]", "Tr. Ka Paw Lwe, [08:02]")
CHAT_HEADER = re.compile(
    rf"^[ \t]*(?P<name>(?:{_DOTTED_TITLE}[ \t]+)?{_WORD}(?:[ \t]+{_WORD}){{0,2}}?)(?P<note>[ \t]*\([^()\n]{{1,30}}\))?"
    r"(?:[ \t]*[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]{1,6})?"
    rf"[ \t]*,?[ \t]+(?:{_TIME}|\[{_TIME}\])[ \t]*$",
    re.MULTILINE,
)
#: the lines of a chat export that name who writes: two at least
CHAT_HEADERS = 2
#: a chat export in columns split by tabs: the time, who writes (any script, maybe with emoji), the message
#: ("20:42\tAna Ruiz\tok see you", "07:58\tBeto 🇧🇷\t[Photo]")
TAB_CHAT_LINE = re.compile(
    rf"^[ \t]*(?:{_DATE}[ \t]+)?{_TIME}\t(?P<name>[^\W\d_][\w'’.-]*(?:[ \t][^\W\d_][\w'’.-]*){{0,3}}"
    r"(?:[ \t]*[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]{1,8})?)\t",
    re.MULTILINE,
)
#: a name before its e-mail address in angle brackets: "On Mon, 9 Mar, Ana Ruiz <ana@x.org> wrote:"
NAME_BEFORE_EMAIL = re.compile(
    r"(?:^|(?<=[,:;>])|(?<=[,:;>][ \t]))[ \t]*(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3})"
    r"[ \t]*<[^<>\s@]+@[^<>\s]+>",
    re.MULTILINE,
)
#: words before a signer's name under a closing that are no part of it: "little Seppo"
_AFFECTIONATE = frozenset(["little", "baby", "big", "wee"])
#: "@Tully Ferreira": a display name after an at sign (a handle with digits or _ stays a CONTACT)
MENTION = re.compile(r"(?<![\w.@])@(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)?)(?![\w@])")


def _noted_end(m: re.Match[str]) -> int:
    """The end of a chat sender's name, with the note in brackets the phone saved after it where the note is
    lower-case words about the contact ("Quintin (youth worker)", "Jo (mum of two)"): a contact's saved name is
    all of it. A capitalised note (a group, a place, another person: "Thu Lan (Sen Vang)") stays apart."""
    note = m.group("note")
    if note and re.fullmatch(r"[ \t]*\((?:[^\W\d_A-Z]+[ \t'’-]*)+\)", note) and not any(c.isupper() for c in note):
        return m.end("note")
    return m.end("name")


class LayoutWords:
    """The patterns of layout, built from ``rules/lexicons/layout.yaml`` once per rule set."""

    def __init__(self, rules: Rules) -> None:
        words = rules.lists("lexicons/layout.yaml")
        #: a chat export's date and time, maybe with a word between them ("4.5.2024 klo 9.02", "3/4/24 at 9:02"),
        #: or the time first in brackets ("[20:14, 14/05/2023]")
        stamp = rf"\[?(?:{_DATE},?[ \t]*(?:(?i:{words.pattern('time_words')})[ \t]+)?)?{_TIME}\]?|\[{_DATE}\]"
        stamp += rf"|\[{_TIME},?[ \t]*{_DATE}\]"
        #: a turn: optional bullet/quote and timestamp, the speaker, an optional time or "wrote", then a colon
        self.turn = re.compile(
            rf"^(?:[ \t>*•-]|{_MARKS})*(?P<stamp>(?:{stamp})[ \t]*(?:[-–—|:][ \t]*)?)?{_NAME}"
            r"(?P<note>(?<=[^\W\d_])[ \t]+\([^()\n:]{1,30}\))?"  # "Thu Lan (Sen Vang):" the sender's place or group
            rf"(?P<time>,?[ \t]+[(\[]?{_TIME}[)\]]?)?"  # "Tavo 09:40:", "Tavo (youth worker), 09:40:"
            r"(?P<emoji>[ \t]*[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]{1,6})?"
            rf"(?P<verb>[ \t]+(?:{words.pattern('turn_verbs')}))?"
            r"[ \t]*:(?![/\\\d])",
            re.MULTILINE,
        )
        #: "— Ana", "-- jo", "Posted by Ana Ruiz", "by Ana" alone on a line
        self.byline = re.compile(
            rf"^[ \t]*(?:[-–—~]+[ \t]*|(?i:(?:{words.pattern('byline_verbs')})[ \t]+by[ \t]*:?[ \t]*)){_NAME}"
            r"[ \t]*[.!,]?[ \t]*$",
            re.MULTILINE,
        )
        #: a closing word, then the writer's name on the same or the next line ("Cheers,\nAna", "Thanks Ana x")
        #: in a letter, a blank line may stand between the closing and the name, and the name may have four
        #: words and a title in brackets after it ("Yours sincerely,\n\nLau Wing Fook (Mrs)"); a
        #: second closing is no name ("Thank you.\n\nYours faithfully")
        self.sign_off = re.compile(
            rf"^[ \t>]*(?i:{words.pattern('sign_offs')}|xx+)[ \t]*[,.!]?[ \t]*(?:\r?\n[ \t>]*){{0,2}}"
            rf"(?!(?i:{words.pattern('sign_offs')})\b)"
            rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}}?)(?:[ \t]*\([^\W\d_]{{1,12}}\.?\))?"
            r"[ \t]*(?:[,.!]|[ \t]+x+)*[ \t]*$",
            re.MULTILINE,
        )
        #: a closing line that goes on after its closing word ("With love and prayers,", "Love you sis 💕",
        #: "Thanks again for everything!"), then a line of one to three signers' names and nothing more ("Oona &
        #: Marnix Vermaak", "Tavi, Hedda and Gijs"), the last line or before a blank line or a postscript
        signer = rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
        self.closing_signers = re.compile(
            rf"^[ \t>]*(?i:(?:with|all[ \t]+my|lots[ \t]+of|much)[ \t]+)?(?i:{words.pattern('sign_offs')})\b"
            r"[^\n.?:]{0,40}\n[ \t>]*"
            rf"(?P<names>{signer}(?:[ \t]*(?:,|&|\+|[ \t]and)[ \t]+{signer}){{0,2}})"
            r"[ \t]*(?:[ \t]x+)?[ \t]*(?=\n(?:P\.?S\.?\b|[ \t]*\n)|\Z|\n?\s*\Z)",
            re.MULTILINE,
        )
        #: a greeting line of a letter or e-mail: "Hi Pat,", "Dear Ms Byrne,", "Hello Dawn!"
        self.greeting = re.compile(
            rf"^[ \t]*(?i:{words.pattern('greetings')})[ \t]+{_NAME}[ \t]*[,!.]?[ \t]*$",
            re.MULTILINE,
        )
        #: e-mail headers that name people: "From: Ana Ruiz <ana@x.org>", "Cc: Pat Byrne"
        self.email_header = re.compile(
            rf"^(?i:{words.pattern('email_headers')})[ \t]*:[ \t]*(?P<value>[^\n]+)$", re.MULTILINE
        )
        #: numbered or role labels in transcripts and templates: "P3", "Participant 2", "Speaker B", "INT"; a
        #: letter only after a space, so that initials ("AM", "SK", "PB") stay initials
        self.numbered_label = re.compile(
            rf"(?i:(?:{words.pattern('numbered_labels')})(?:[ \t]*\d{{1,3}}|[ \t]+[a-z])?)"
        )
        units = "|".join(re.escape(w.capitalize()) for w in sorted(words["address_units"], key=lambda w: (-len(w), w)))
        #: "Level 1", "Unit 4/12", "Suite 300," on a line of their own or before the street
        self.unit = rf"(?:(?:{units})[ \t]+[\w/-]{{1,6}}[ \t]*,?[ \t]*)"
        #: a line opening a letter ends an address block above it
        self.letter_opener = re.compile(rf"(?i:{words.pattern('letter_openers')})\b")


_INITIAL = re.compile(r"[A-Z]\.?")
#: an unlisted word in capitals at least this common in English is a label or a role, not a speaker's name
SHOUTED_NAME_ZIPF = 2.5
#: a speaker named by initials in a transcript ("KD:", "RT:"); abbreviations (GP, DOB) are listed apart
_SPEAKER_INITIALS = re.compile(rf"{UPPER}{{2,3}}")
#: the speaker of a chat line that may be a name whatever word it is: one capitalised word
_SPEAKER = re.compile(r"[A-Z][a-z'’-]+")
#: the sender of a chat export's line, saved in any case ("jo", "mk", "Ευτυχία"), maybe with an initial ("BIG K",
#: "Tuesday R", "juno t"), or with the acronym of a group the contact was saved with ("Ana KCC")
_ANY_CASE_SPEAKER = re.compile(
    r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*(?:[ \t]+(?:[A-Za-z]\.?|[A-Z]{2,8}))?"
    r"|[A-Z][^\W\d_A-Z]+[ \t]+[A-Z][^\W\d_A-Z]+"  # two capitalised words, as a phone saves a contact: "Tita Bing"
)
#: a chat's sender without a time: a word in any case, maybe a second one and an initial ("ana r", "maria josé"),
#: or a handle of words joined by a dot or an underscore ("tavi.r", "mere_k")
_UNSTAMPED_SENDER = re.compile(
    r"[^\W\d_][^\W\d_'’-]*(?:[._][^\W\d_]+)*(?:[ \t]+[^\W\d_][^\W\d_'’-]+)?(?:[ \t]+[A-Za-z]\.?)?"
)
#: turns after a timestamp that make an everyday word a speaker's name in a chat
CHAT_SPEAKER_TURNS = 2
#: different senders, each taking turns, that make a chat without times ("ana r: ok", "josé: see u")
UNSTAMPED_SENDERS = 3
#: turns each of only two senders of a chat without times write, the one saved as a first name and a surname
UNSTAMPED_PAIR_TURNS = 3
#: pronouns and the like are this common in English (wordfreq Zipf): "Me:" is the writer, not a name
PRONOUN_ZIPF = 6.0


class LayoutNames:
    """How the layout recognizers read the words of a speaker label, a sign-off or an address line."""

    def __init__(self, names: NameLexicon, layout: LayoutWords) -> None:
        self.names = names
        self.layout = layout
        self.titles = names.titles

    def is_role(self, words: list[str]) -> bool:
        phrase = " ".join(words)
        return phrase.lower() in self.names.roles or self.layout.numbered_label.fullmatch(phrase) is not None

    def is_label(self, words: list[str]) -> bool:
        """A role or a field label: not a person's name."""
        phrase = " ".join(words).lower()
        return self.is_role(words) or phrase in self.names.fields or words[0].lower() in self.names.fields

    def is_first_name(self, word: str) -> bool:
        return self.names.is_first_name(word)

    def is_wordlike(self, word: str) -> bool:
        """An everyday word: a name that is also one (Will, Hope) needs the layout to count as a name."""
        low = word.lower()
        if low in self.names.word_names:
            return True
        return low not in self.names.first_names and zipf(low) >= WORDLIKE_ZIPF

    def is_namelike(self, word: str) -> bool:
        """A listed name, or a word rare enough in English to be one."""
        low = word.lower()
        if low in self.names.first_names or low in self.names.surnames:
            return True
        return low.replace("'", "").replace("’", "").replace("-", "").isalpha() and zipf(low) < RARE_WORD_ZIPF


class Strength(StrEnum):
    """How surely a speaker label or a sign-off is a person's name."""

    ROLE = "role"  # Interviewer, P3: a person talking, but no name
    STRONG = "strong"  # a person's name
    WEAK = "weak"  # a name only where the layout shows people talking
    NONE = "none"


ROLE, STRONG, WEAK, NONE = Strength.ROLE, Strength.STRONG, Strength.WEAK, Strength.NONE


@dataclass
class _Turn:
    start: int
    end: int
    words: list[str]
    strength: Strength
    #: the turn opens with a timestamp: a line of a chat export ("09:40 Mele:", "03/03/2026, 18:52 - Mele:")
    stamped: bool = False


class _TextRecognizer(EntityRecognizer):
    """Base: subclasses yield (start, end, label) found in the raw text."""

    LABELS: tuple[str, ...] = (PERSON,)
    SCORE = 0.7

    def __init__(self) -> None:
        super().__init__(supported_entities=list(self.LABELS), name=type(self).__name__, supported_language="en")

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list:
        metadata = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        return [
            RecognizerResult(label, start, end, self.SCORE, recognition_metadata=dict(metadata))
            for start, end, label in self.find(text)
            if label in entities and end > start
        ]

    def find(self, text: str) -> Iterator[Found]:
        raise NotImplementedError


class SpeakerRecognizer(_TextRecognizer):
    """Speakers of chat and transcript turns, by-lines, sign-offs and @mentions (see module docstring)."""

    #: above NER's 0.85: Presidio drops the lower-scored of two identical results, and a name confirmed
    #: by the layout must not fall with an NER reading that later checks reject
    SCORE = 0.87

    def __init__(self, rules: Rules) -> None:
        self.layout = LayoutWords(rules)
        self.lexicon = LayoutNames(NameLexicon.read(rules), self.layout)
        self.relatives = rules.words("lexicons/relatives.txt", lower=True)
        self.job_titles = rules.words("lexicons/job_titles.txt", lower=True)
        #: the letters a transcript uses for a role ("P:", "R:"); another letter taking turns is someone's initial
        self.role_letters = frozenset(w.upper() for w in rules.lists("names/initials.yaml")["role_letters"])
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        if ":" in text:
            yield from self._turns(text)
        if "by" in text or "-" in text or "—" in text or "–" in text or "~" in text:
            for m in self.layout.byline.finditer(text):
                yield from self._if_person(m)
        for m in self.layout.sign_off.finditer(text):
            yield from self._if_person(m, layout_names=True)
        for m in self.layout.greeting.finditer(text):
            yield from self._if_person(m, layout_names=True)
        if "\n" in text:
            yield from self._closing_signers(text)
        for m in LONE_NAME.finditer(text):
            yield from self._if_person(m, layout_names=True)
        if ":" in text:
            for m in self.layout.email_header.finditer(text):
                yield from self._header_people(text, m)
        if "\t" in text:
            yield from self._tab_chat(text)
        headers = list(CHAT_HEADER.finditer(text))
        if len(headers) >= CHAT_HEADERS:
            yield from self._header_senders(headers)
        if "<" in text:
            for m in NAME_BEFORE_EMAIL.finditer(text):
                yield from self._if_person(m, layout_names=True)
        if "·" in text:
            for m in POST_AUTHOR.finditer(text):
                yield from self._if_person(m, layout_names=True)
        if "\n" in text:
            yield from self._initials_sign_offs(text)
        last = LAST_LINE.search(text)
        if last is not None:
            yield from self._if_person(last)
        if "@" in text:
            for m in MENTION.finditer(text):
                words = m.group("name").split()
                if len(words) == 2 and not self._surname_like(words[1]):
                    words = words[:1]  # "@Tully Thanks"
                if self.lexicon.is_label(words) or (len(words) == 1 and self.lexicon.is_wordlike(words[0])):
                    continue
                start = m.start("name")
                yield start, start + len(" ".join(words)), PERSON

    def _initials_sign_offs(self, text: str) -> Iterator[Found]:
        """Initials signing a message or a note, in any script: capitals only, none of them an abbreviation
        or an everyday word ("OK", "PS", "TBC")."""
        dashed = [m for m in INITIALS_DASH_SIGN_OFF.finditer(text) if "\n" in text[: m.start()]]
        # the same initials closing two entries or more: someone signing their notes, however common the letters
        signing = {n for n, k in Counter(m.group("name") or m.group("spaced") for m in dashed).items() if k >= 2}
        for m in itertools.chain(INITIALS_SIGN_OFF.finditer(text), dashed):
            group = "name" if m.group("name") is not None else "spaced"
            name = m.group(group)
            letters = name.replace(".", "").replace("'", "").replace("’", "")
            if (
                not letters.isupper()
                or name in self.lexicon.names.not_initials
                or letters in self.lexicon.names.not_initials
            ):
                continue
            if (
                "." not in name
                and name not in signing
                and (len(letters) < 2 or zipf(letters.lower()) >= SHOUTED_NAME_ZIPF)
            ):
                continue
            if self.lexicon.is_label([name.rstrip(".")]) or (m.group("closed") is None and len(letters) < 2):
                continue
            yield m.start(group), m.end(group), PERSON

    def _header_senders(self, headers: list[re.Match[str]]) -> Iterator[Found]:
        """The senders of a chat export whose lines name who writes above the message: a name as the layout
        shows it; in a chat where someone so writes, also a contact saved in any case ("tavi", "JB") who
        writes twice or more (not a schedule's "Lunch, 12:30" once a day)."""
        named = [list(self._if_person(m, layout_names=True)) for m in headers]
        if not any(named):
            return
        turns = Counter(m.group("name") for m in headers)
        for m, found in zip(headers, named, strict=True):
            words = m.group("name").split()
            end = _noted_end(m)
            if found:
                yield from ((start, max(stop, end), label) for start, stop, label in found)
            elif turns[m.group("name")] >= CHAT_SPEAKER_TURNS and (
                self._titled_sender(words)
                or (
                    self._chat_name(words, any_case=True)
                    and not self.lexicon.is_label(words)
                    and words[0].lower() not in STOP_WORDS
                )
            ):
                yield m.start("name"), end, PERSON

    def _titled_sender(self, words: list[str]) -> bool:
        """A sender saved with a title and a name of capitalised words, however common they are as words ("Tr. Ka
        Paw Lwe", "Dr Say Moo"): the title says a person is named."""
        rest = words[1:]
        return (
            words[0].lower().rstrip(".") in self.lexicon.titles
            and bool(rest)
            and all(w[0].isupper() and w.replace("-", "").isalpha() for w in rest)
            and not self.lexicon.is_label(rest)
        )

    def _tab_chat(self, text: str) -> Iterator[Found]:
        """The senders of a chat export in tab-separated columns: where two lines at least are so laid
        out, the column between the time and the message holds who writes, in any script or case."""
        lines = list(TAB_CHAT_LINE.finditer(text))
        if len(lines) < CHAT_HEADERS:
            return
        for m in lines:
            if not self.lexicon.is_label(m.group("name").split()):
                yield m.start("name"), m.end("name"), PERSON

    def _turns(self, text: str) -> Iterator[Found]:
        turns = [self._classify(m) for m in self.layout.turn.finditer(text)]
        if not turns:
            return
        people = sum(1 for t in turns if t.strength in (STRONG, ROLE))
        # two speakers taking turns, one of them more than once: people talking, even if their names are words
        speakers = Counter(" ".join(t.words).lower() for t in turns if t.strength in (STRONG, WEAK, ROLE))
        talk = len(speakers) >= 2 and max(speakers.values(), default=0) >= 2
        conversation = len(turns) >= 3 and (people >= 2 or talk)
        # in a chat export, a word that speaks again and again after a timestamp is someone's name there,
        # however common a word it is ("09:40 Faith: ok", "10:58 Faith: running late")
        stamped = Counter(
            " ".join(t.words)
            for t in turns
            if t.stamped and t.strength == NONE and self._chat_name(t.words, any_case=True)
        )
        chat = any(t.stamped and t.strength in (STRONG, WEAK) for t in turns)
        # a name-like sender with a timestamp who writes again is a contact of the chat ("09:40 Inday Tessie:")
        weak_senders = Counter(" ".join(t.words) for t in turns if chat and t.stamped and t.strength == WEAK)
        # a contact saved as a name and a few words about them ("Rose next door:", "Jadzia z Radomia:")
        described = Counter(" ".join(t.words) for t in turns if chat and t.stamped and self._described(t))
        # answering an interviewer or other named speakers turn after turn, a one-word speaker is someone's
        # name (or nickname) there however common a word it is ("Biscuit:", "Sonny:", "Lucky:")
        others = sum(1 for t in turns if t.strength in (ROLE, STRONG, WEAK))
        answering = Counter(" ".join(t.words) for t in turns if self._word_speaker(t)) if others >= 2 else Counter()
        # a label in capitals that is an everyday word ("DAWN:", "BRISK:") is a speaker's name where the same
        # document writes the word capitalised inside a sentence, as only a name is ("I'm Dawn", "Same, Dawn.")
        shouted = {
            t.words[0]
            for t in turns
            if conversation and others >= 2 and self._shouted_speaker(t) and self._named_in_text(t.words[0], text)
        }
        # a contact saved by initials who writes twice or more after timestamps ("09:40 - TJ:"): in a
        # transcript, initials are a role; in a chat, the phone's name for someone
        initialled = Counter(" ".join(t.words) for t in turns if chat and t.stamped and self._initials_sender(t))
        # initials that are also a listed abbreviation ("AM:", "PS:"), answering a named speaker turn after
        # turn: someone's initials there, as a time or a postscript does not take turns in a conversation
        initialled += Counter(
            " ".join(t.words)
            for prev, t in itertools.pairwise(turns)
            if prev.strength in (STRONG, WEAK) and prev.words != t.words and self._abbreviation_speaker(t)
        )
        chatting = self._chat_without_stamps(turns)
        # a contact saved as one letter who writes twice or more after timestamps, answering another sender ("09:40
        # Y: ok" ... "09:52 CSS: ..."): the phone's initial for someone, where no role's letter is
        stamped_senders = {" ".join(t.words) for t in turns if t.stamped}
        lettered = Counter(
            t.words[0]
            for t in turns
            if t.stamped
            and len(stamped_senders) >= 2
            and len(t.words) == 1
            and len(t.words[0]) == 1
            and t.words[0].isupper()
            and t.words[0] not in self.role_letters
        )
        # a contact saved as a name and a role ("rohini volunteer:", "Sabitha coach:") who writes again in a
        # conversation: the name
        with_role = Counter(" ".join(t.words) for t in turns if conversation and self._name_and_role(t))
        for t in turns:
            if with_role[" ".join(t.words)] >= CHAT_SPEAKER_TURNS:
                yield t.start, t.start + len(t.words[0]), PERSON
                continue
            if initialled[" ".join(t.words)] >= CHAT_SPEAKER_TURNS or lettered[" ".join(t.words)] >= CHAT_SPEAKER_TURNS:
                yield t.start, t.end, PERSON
                continue
            if " ".join(t.words).lower() in chatting:
                yield t.start, t.end, PERSON
                continue
            # a capitalised name stands on its own; a lower-case or word-like one needs a conversation
            alone = t.strength == STRONG and t.words[0][0].isupper()
            chat_name = chat and t.stamped and stamped[" ".join(t.words)] >= CHAT_SPEAKER_TURNS
            answers = answering[" ".join(t.words)] >= CHAT_SPEAKER_TURNS
            named = t.strength in (NONE, ROLE) and t.words[0] in shouted  # "SEE:" read as initials too
            chat_name = chat_name or weak_senders[" ".join(t.words)] >= CHAT_SPEAKER_TURNS
            if alone or chat_name or answers or named or (conversation and t.strength in (STRONG, WEAK)):
                yield t.start, t.end, PERSON
            elif described[" ".join(t.words)] >= CHAT_SPEAKER_TURNS:
                capitalised = [m for m in re.finditer(r"\S+", text[t.start : t.end]) if m.group()[0].isupper()]
                yield t.start, t.start + capitalised[-1].end(), PERSON  # "Rose" of "Rose next door"

    def _chat_without_stamps(self, turns: list[_Turn]) -> set[str]:
        """The senders of a chat copied without its times ("ana r: see u at 6", "josé: ok", "grumbo: not me"): at
        least ``UNSTAMPED_SENDERS`` different senders, ``UNSTAMPED_SENDERS`` - 1 of them names in any case writing
        ``CHAT_SPEAKER_TURNS`` times or more, taking turns (the sender changes at most lines), and no label, role or
        pronoun among them; a form's labels stand once each, a transcript's roles are roles. A sender named by a
        relative's word ("auntie quorla:") is someone in the chat too, and found as a name: it counts as a sender
        and is not returned. In such a chat, a sender who writes once is a sender too."""
        # the export's heading above the messages, once ("group: Sunday helpers", "chat: ..."), opens no turn of it
        while turns and (turns[0].strength == ROLE or self.lexicon.is_label(turns[0].words)):
            heading, turns = turns[0], turns[1:]
            if any(t.words == heading.words for t in turns):
                return set()
        if len(turns) < UNSTAMPED_SENDERS * CHAT_SPEAKER_TURNS:
            return set()
        if any(t.strength == ROLE or self.lexicon.is_label(t.words) for t in turns):
            return set()
        kin = {" ".join(t.words).lower() for t in turns if t.words[0].lower() in self.relatives and len(t.words) > 1}
        keys = [" ".join(t.words).lower() for t in turns]
        if any(k not in kin and not self._unstamped_sender(t.words) for k, t in zip(keys, turns, strict=True)):
            return set()
        counts = Counter(keys)
        named = {k for k, n in counts.items() if k not in kin and n >= CHAT_SPEAKER_TURNS}
        if len(counts) == UNSTAMPED_SENDERS - 1 == len(named) and self._two_names_talking(turns, counts):
            return set(counts)
        if len(counts) < UNSTAMPED_SENDERS or len(named) < UNSTAMPED_SENDERS - 1:
            return set()
        changes = sum(1 for a, b in itertools.pairwise(keys) if a != b)
        if changes < (len(keys) - 1) / 2:
            return set()
        return set(counts) - kin

    def _two_names_talking(self, turns: list[_Turn], counts: Counter[str]) -> bool:
        """Two senders of a chat without times ("marta k: ok" / "ilse brandt: see you"): each writing
        ``UNSTAMPED_PAIR_TURNS`` times or more, the sender changing at most lines, and one of them saved as a
        listed first name and a second word (a surname or its initial)."""
        if min(counts.values()) < UNSTAMPED_PAIR_TURNS:
            return False
        keys = [" ".join(t.words).lower() for t in turns]
        if sum(1 for a, b in itertools.pairwise(keys) if a != b) < (len(keys) - 1) * 2 / 3:
            return False
        return any(
            len(t.words) == 2 and self.lexicon.is_first_name(t.words[0]) and t.words[0].lower() not in self.relatives
            for t in turns
        )

    def _unstamped_sender(self, words: list[str]) -> bool:
        """A sender as a phone saves a contact, in any case: a name, maybe a second and an initial ("ana r",
        "maria josé p"), not a pronoun nor a relative."""
        return (
            _UNSTAMPED_SENDER.fullmatch(" ".join(words)) is not None
            and zipf(words[0].lower()) < PRONOUN_ZIPF
            and words[0].lower() not in self.relatives
        )

    def _classify(self, m: re.Match[str]) -> _Turn:
        words = m.group("name").split()
        # a chat line's sender keeps the note it was saved with; a form's field its own words ("Ref (office use):")
        stamped = bool(m.group("stamp") or m.group("time"))
        start, end = m.start("name"), _noted_end(m) if stamped else m.end("name")
        has_layout = bool(m.group("time") or m.group("verb"))
        if self.lexicon.is_role(words):
            return _Turn(start, end, words, ROLE)
        if self.lexicon.is_label(words):
            # a field word after a chat line's timestamp may still be a sender's name ("09:40 - Memo:"): see _turns
            return _Turn(start, end, words, NONE, stamped=bool(m.group("stamp")))
        # the time may stand after the sender as well as before ("09:40 Mele:", "Mele 09:40:")
        if m.group("stamp") or m.group("time"):
            turn = self._classify_words(words, start, end, has_layout)
            turn.stamped = True
            return turn
        return self._classify_words(words, start, end, has_layout)

    def _initials_sender(self, turn: _Turn) -> bool:
        """A sender of two or three capitals, no role or abbreviation of the lists ("TJ", not "INT" or "GP")."""
        words = turn.words
        return (
            turn.strength == ROLE
            and len(words) == 1
            and _SPEAKER_INITIALS.fullmatch(words[0]) is not None
            and not self.lexicon.is_role(words)
            and words[0] not in self.lexicon.names.not_initials
        )

    def _abbreviation_speaker(self, turn: _Turn) -> bool:
        """A speaker label of two or three capitals that the lists hold as an abbreviation ("AM", "NB"),
        not a speaker role ("INT")."""
        words = turn.words
        return (
            len(words) == 1
            and _SPEAKER_INITIALS.fullmatch(words[0]) is not None
            and words[0] in self.lexicon.names.not_initials
            and not self.lexicon.is_role(words)
        )

    def _word_speaker(self, turn: _Turn) -> bool:
        """A turn whose speaker is one capitalised everyday word, no field label ("Biscuit:", not "Note:",
        "Sent:" or "Me:")."""
        words = turn.words
        return (
            turn.strength == NONE
            and len(words[0]) > 2
            and self._chat_name(words)
            and not self.lexicon.is_label(words)
            and words[0].lower() not in STOP_WORDS
        )

    def _described(self, turn: _Turn) -> bool:
        """A sender that is a name, then lower-case words, maybe a capitalised one among them: "Rose next door",
        "Jadzia z Radomia" (not "Brief description", "Next steps")."""
        words = turn.words
        first = words[0]
        return (
            turn.strength == NONE
            and len(words) >= 2
            and first[0].isupper()
            and first[1:].islower()
            and not self.lexicon.is_label(words[:1])
            and first.lower() not in self.relatives
            and (self.lexicon.is_first_name(first) or self.lexicon.is_namelike(first))
            and any(w.islower() for w in words[1:])
            and all(w.islower() or self.lexicon.is_namelike(w) for w in words[1:])
        )

    def _shouted_speaker(self, turn: _Turn) -> bool:
        """A speaker label of one word in capitals, no role, field label or relative ("DAWN:", not "NOTE:",
        "ALL:" or "MUM:")."""
        words = turn.words
        return (
            len(words) == 1
            and len(words[0]) > 1
            and words[0].isupper()
            and words[0].isalpha()
            and not self.lexicon.is_label(words)
            and words[0].lower() not in self.relatives
            and words[0].lower() not in self.job_titles
        )

    @staticmethod
    def _named_in_text(word: str, text: str) -> bool:
        """The word written capitalised after a word or a comma inside a sentence, where an everyday word
        is not capitalised: "I'm Dawn", "thanks, Dawn." (not at a sentence's or a turn's start)."""
        title = word[0] + word[1:].lower()
        return re.search(rf"(?<=[\w,][ \t]){re.escape(title)}(?![\w'’-])", text) is not None

    def _name_and_role(self, turn: _Turn) -> bool:
        """A sender of two words, a name in any case and then a job title ("rohini volunteer"); no label,
        role, stop word or relative first."""
        words = turn.words
        if turn.strength == ROLE or len(words) != 2 or words[1].lower() not in self.job_titles:
            return False
        first = words[:1]
        return (
            self._chat_name(first, any_case=True)
            and not self.lexicon.is_role(first)
            and not self.lexicon.is_label(first)
            and first[0].lower() not in STOP_WORDS
            and first[0].lower() not in self.job_titles
        )

    def _chat_name(self, words: list[str], any_case: bool = False) -> bool:
        """A speaker of a chat line that may be a name however common a word it is: one capitalised word
        (with ``any_case``, as a chat export saves its contacts, one word in any case, maybe with an initial:
        "jo", "mk", "BIG K"), not a
        pronoun ("Me:") nor a relative ("Mum:")."""
        return (
            (_ANY_CASE_SPEAKER if any_case else _SPEAKER).fullmatch(" ".join(words)) is not None
            and zipf(words[0].lower()) < PRONOUN_ZIPF
            and words[0].lower() not in self.relatives
        )

    def _classify_words(self, words: list[str], start: int, end: int, has_layout: bool) -> _Turn:
        if (
            len(words) == 1
            and _SPEAKER_INITIALS.fullmatch(words[0])
            and words[0] not in self.lexicon.names.not_initials
        ):
            return _Turn(start, end, words, ROLE)  # "KD:", "RT:": a speaker by initials, named or not
        strength = self._strength(words)
        if strength == WEAK and has_layout and words[0][0].isupper():
            strength = STRONG  # "Will 09:14:", "Hope wrote:"
        return _Turn(start, end, words, strength)

    def _strength(self, words: list[str]) -> Strength:
        lex = self.lexicon
        if (words[0].lower().rstrip(".") in lex.titles or words[0].lower() in self.relatives) and len(words) > 1:
            words = words[1:]  # "Dr Quennell:", "Pa Tevita:" (a relative's word used as a title)
            if all(w[0].isupper() and (lex.is_namelike(w) or not lex.is_wordlike(w)) for w in words):
                return STRONG
        first, rest = words[0], words[1:]
        if any(any(c.isdigit() for c in w) for w in words) or "." in first.rstrip("."):
            return NONE
        capitalised = first[0].isupper()
        for w in rest:
            if capitalised and not w[0].isupper():
                return NONE  # "Brief description:", "Next steps:"
            if not (_INITIAL.fullmatch(w) or lex.is_namelike(w) or (capitalised and self._surname_like(w))):
                return NONE
        if lex.is_first_name(first):
            if rest or not lex.is_wordlike(first):
                return STRONG  # a lower-case one is shown only in a conversation (see _turns)
            return WEAK  # "Will:", "hope:"
        if lex.is_namelike(first) and not (first.isupper() and zipf(first.lower()) >= SHOUTED_NAME_ZIPF):
            return WEAK  # an unlisted rare word: "Kez:" (in capitals, no English word: "TAMSIR:", not "ARCHIVIST:")
        return NONE

    def _surname_first(self, words: list[str]) -> bool:
        """Two capitalised words or more, each a name or no everyday word: a name the lists miss or written
        family name first ("Tan Mei Ling"), shown only where the layout says a name stands (a sign-off)."""
        if len(words) < 2 or not all(w.isalpha() and w[0].isupper() for w in words):
            return False
        if any(w.lower() in self.job_titles for w in words):
            return False  # "Youth Worker", "Senior Officer": a job under the closing
        common = [zipf(w.lower()) for w in words if not self.lexicon.is_namelike(w)]
        # one common syllable among rare ones ("Lau Wing Fook"), not a role of common words ("Youth Worker")
        return all(z < COMMON_ZIPF for z in common) and sum(z >= SIGNED_NAME_ZIPF for z in common) <= 1

    def _surname_like(self, word: str) -> bool:
        return word[0].isupper() and (self.lexicon.is_namelike(word) or zipf(word.lower()) < WORDLIKE_ZIPF)

    def _if_person(self, m: re.Match[str], layout_names: bool = False) -> Iterator[Found]:
        """The name of a by-line, when it is capitalised and clearly a name; with `layout_names`, any
        name-like words (a listed first name that is a word, an unlisted rare word), the layout being
        evidence enough: a sign-off ("Thanks,\nDawn"), a greeting ("Hi Pat,"), a post's author."""
        if self._is_person(m.group("name").split(), layout_names):
            yield m.start("name"), m.end("name"), PERSON

    def _is_person(self, words: list[str], layout_names: bool) -> bool:
        """Whether the words read as a person's name where the layout puts one (see `_if_person`)."""
        if self.lexicon.is_label(words) or not (words[0][0].isupper() or (layout_names and _unicase(words[0][0]))):
            return False
        if len(words) == 1 and self.lexicon.names.is_term(words[0]):
            return False  # "Whakapapa" alone on a line is a heading
        if all((w.islower() and not _unicase(w[0])) or w.lower().rstrip(".") in self.lexicon.titles for w in words):
            return False  # "Dear Sir or Madam"
        if layout_names and len(words) > 2:
            words = words[:1] + [w for w in words[1:-1] if not w.islower()] + words[-1:]  # "Pieter van der Walt"
        strength = self._strength(words)
        if strength == NONE and layout_names and self._surname_first(words):
            strength = WEAK
        return strength == STRONG or (strength == WEAK and layout_names)

    def _closing_signers(self, text: str) -> Iterator[Found]:
        """ "With love and prayers,\nOona & Marnix Vermaak": each name of a line of signers under a closing, where
        every one of them reads as a name (a line of words that are not all names is a sentence)."""
        for m in self.layout.closing_signers.finditer(text):
            start = m.start("names")
            pieces = [
                (start + p.start(), start + p.end(), p.group().split())
                for p in re.finditer(r"[^,&+ \t][^,&+]*?(?=[ \t]*(?:,|&|\+|[ \t]and[ \t]|$))", m.group("names"))
            ]
            people = []
            for a, b, words in pieces:
                if words and words[0] == "and":
                    words = words[1:]
                    a = text.index(words[0], a) if words else a
                if words and words[0].lower() in _AFFECTIONATE:
                    words = words[1:]  # "little Seppo"
                    a = text.index(words[0], a) if words else a
                while words and re.fullmatch(r"[xX]+", words[-1]):
                    words = words[:-1]  # "Teodric xxx": the kisses after the last name
                    b = text.rindex(words[-1], a, b) + len(words[-1]) if words else b
                if not words or not self._is_person(words, layout_names=True):
                    break
                people.append((a, b, PERSON))
            else:
                yield from people

    def _header_people(self, text: str, m: re.Match[str]) -> Iterator[Found]:
        """ "From: Ana Ruiz <ana@x.org>", "To: Pat Byrne; Jo Lee": the names of an e-mail header."""
        for item in re.finditer(r"[^,;<>\n]+(?:<[^>\n]*>)?", m.group("value")):
            name = re.match(r"[ \t]*\"?([^\"<@\n]*?)\"?[ \t]*(?:<|$)", item.group())
            if name is None or not name.group(1):
                continue
            words = name.group(1).split()
            if 1 <= len(words) <= 4 and words[0][0].isupper() and self._strength(words) in (STRONG, WEAK):
                start = m.start("value") + item.start() + name.start(1)
                yield start, start + len(name.group(1)), PERSON


# ---------------------------------------------------------------------------- address blocks

_POSTCODE = (
    r"(?:\d{4,5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"
    r"|[AC-FHKNPRTV-Y]\d{2}[ \t]?[0-9AC-FHKNPRTV-Y]{4})"
)
_CAP = r"[A-Z][\w'’-]*\.?"
#: a town line: capitalised words, maybe a state or county abbreviation, maybe a postcode
_TOWN_LINE = re.compile(
    rf"[ \t]*(?P<body>{_CAP}(?:[ \t]+(?:{_CAP}|of|upon|on|the)){{0,3}}"
    rf"(?P<region>,?[ \t]+(?:Co\.?[ \t]+{_CAP}|County[ \t]+{_CAP}|[A-Z]{{2,3}}))?(?P<code>,?[ \t]+{_POSTCODE})?"
    rf"|{_POSTCODE})"
    r"[ \t]*[,.]?[ \t]*"
)
_NEWLINE = re.compile(r"\n")


#: Pronouns after a name in a signature: "(she/her)", "(they/them)".
_PRONOUNS = re.compile(
    r"[ \t]*\((?:she|he|they|ze|xe)/(?:her|hers|him|his|them|theirs|zir|xem)(?:/\w+)?\)", re.IGNORECASE
)


class AddressBlockRecognizer(_TextRecognizer):
    """Postal address blocks of letters and referrals (see module docstring)."""

    LABELS = (LOCATION, ORGANIZATION, PERSON)
    #: above NER (0.85) and propagated names (0.9): in an address block, "Truro, NS" is a town line,
    #: not an organisation, and "Dunmarra NSW 2799" a town even where NER took the town for a person
    SCORE = 0.92

    def __init__(self, rules: Rules) -> None:
        layout = LayoutWords(rules)
        self.lexicon = LayoutNames(NameLexicon.read(rules), layout)
        self.generic_words = rules.words("lexicons/generic_name_words.txt", lower=True)
        self.letter_opener = layout.letter_opener
        street_types = rules.words("lexicons/street_types.txt") | rules.words("lexicons/street_types_common.txt")
        unit = layout.unit
        types = "|".join(sorted((re.escape(t) for t in street_types), key=len, reverse=True))
        self._street_line = re.compile(
            rf"^[ \t]*(?:{unit})?(?:\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,5}}[A-Za-z]?)?,?[ \t]+)"
            rf"(?:{_CAP}[ \t]+){{1,3}}(?:{types})\b\.?(?P<rest>[^\n]*)$",
            re.MULTILINE,
        )
        self._unit_line = re.compile(rf"[ \t]*{unit}[ \t]*|[ \t]*(?i:p\.?o\.?[ \t]+box)[ \t]+\d+[ \t]*,?[ \t]*")
        super().__init__()

    def find(self, text: str) -> Iterator[Found]:
        starts: list[int] = []
        lines: list[tuple[int, int]] = []
        done = -1
        for m in self._street_line.finditer(text):
            if not starts:  # the line table, built only for texts with a street line
                starts = [0, *(n.end() for n in _NEWLINE.finditer(text))]
                lines = [(s, e) for s, e in zip(starts, [*(n - 1 for n in starts[1:]), len(text)], strict=True)]
            rest = m.group("rest")
            if len(m.group().strip()) > 80 or (rest.strip(" \t,.") and not self._is_town(rest.lstrip(" \t,"))):
                continue
            idx = _line_index(starts, m.start())
            if idx <= done:
                continue
            yield _stripped(text, m.start(), m.end(), LOCATION)
            below = idx + 1
            while below < len(lines) and below <= idx + 3:
                s, e = lines[below]
                line = text[s:e]
                if not line.strip() or self.letter_opener.match(line.strip()) or not self._is_town(line):
                    break
                yield _stripped(text, s, e, LOCATION)
                below += 1
            done = below - 1
            yield from self._above(text, lines, idx)

    def _is_town(self, line: str) -> bool:
        m = _TOWN_LINE.fullmatch(line)
        if m is None:
            return False
        words = [w for w in re.findall(r"[A-Za-z'’]+", m.group("body")) if w[0].isupper()]
        if not words or m.group("region") or m.group("code"):
            return not words or not all(w.lower() in self.generic_words for w in words)
        # no state or postcode: a heading ("Background") is not a town
        return not all(w.lower() in self.generic_words or zipf(w.lower()) >= WORDLIKE_ZIPF for w in words)

    def _above(self, text: str, lines: list[tuple[int, int]], idx: int) -> Iterator[Found]:
        """The organisation or addressee lines right above the street line (at most three)."""
        above = idx - 1
        while above >= 0 and above >= idx - 4:
            s, e = lines[above]
            line = text[s:e].strip()
            if self._unit_line.fullmatch(text[s:e]):
                yield _stripped(text, s, e, LOCATION)
                above -= 1
                continue
            label = self._name_line(line)
            if label is None:
                return
            if label != "role":
                pronouns = _PRONOUNS.search(text, s, e)
                if pronouns:
                    e = pronouns.start()
                head, comma, _ = text[s:e].partition(",")
                if comma and label == ORGANIZATION and self._name_line(head.strip()) == "role":
                    s += len(head) + 1  # "Peer Support Worker, Kelso Peer Collective": the role is no name
                yield _stripped(text, s, e, label)
            above -= 1

    def _name_line(self, line: str) -> str | None:
        """PERSON for an addressee, ORGANIZATION for a named organisation, "role" for "The Manager"."""
        if (
            not line
            or len(line) > 60
            or ":" in line
            or line.endswith((".", "?", "!"))
            or self.letter_opener.match(line)
        ):
            return None
        line = _PRONOUNS.sub("", line).strip()  # "Ondine Marchetti (she/her)"
        words = re.findall(r"[A-Za-z'’&-]+", line)
        caps = [w for w in words if w[0].isupper()]
        if not caps or len(words) > 8 or len(caps) < len(words) - 2:
            return None
        lex = self.lexicon
        named = caps[0].lower().rstrip(".") in lex.titles or lex.is_first_name(caps[0])
        if (
            named
            and len(caps) <= 4
            and all(lex.is_namelike(w) or w.lower() in lex.titles or _INITIAL.fullmatch(w) for w in caps)
        ):
            return PERSON
        rare_words_only = len(caps) == len(words) and all(lex.is_namelike(w) for w in caps)
        if 2 <= len(words) <= 3 and rare_words_only and not any(w.lower() in self.generic_words for w in caps):
            return PERSON  # "Ondine Marchetti": two or three rare words, none a service word
        if all(w.lower() in self.generic_words or zipf(w.lower()) >= WORDLIKE_ZIPF for w in caps) and len(caps) < 3:
            return "role"  # "The Manager", "Intake Team"
        if all(w.lower() in self.generic_words or w.lower() in ("the", "of", "and") for w in words):
            return "role"
        return ORGANIZATION


def _unicase(c: str) -> bool:
    """A letter of a script whose names are not capitalised (Georgian, Chinese, Arabic ...)."""
    return c.isalpha() and not unicodedata.name(c, "LATIN").startswith(("LATIN", "GREEK", "CYRILLIC", "ARMENIAN"))


def _line_index(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def _stripped(text: str, start: int, end: int, label: str) -> Found:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" \t>*•-"))
    trail = len(piece) - len(piece.rstrip(" \t,.;"))
    return start + lead, end - trail, label
