"""Layout of a text: headings, labels before a colon, line breaks. None of these are entities.

Templates and transcripts put headings in ("Brief description:", "Case Vignette", "What helped"),
which NER happily takes for people or organisations. Spans never cross a blank line, and names,
places and organisations never cross a line break.

:class:`ChatSenderProcessor` reads a chat's layout the other way round: its senders, named again in
the messages in lower case, are people there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.names.introductions import SelfIntroductions
from qualdeid.detect.names.lexicon import without_marks
from qualdeid.detect.nlp.frequency import ZipfThresholds, zipf
from qualdeid.detect.processors import CorpusProcessor
from qualdeid.labels import AGE, CONTACT, ID, LOCATION, ORGANIZATION, PERSON
from qualdeid.rules import Rules

#: A short label at the start of a line, ended by a colon: "Brief description:", "What was helpful:".
_LABEL = re.compile(r"^[ \t>#*-]*([A-Z][A-Za-z'’ ()/&-]{0,60}?)[ \t]*:", re.MULTILINE)
#: A whole short line without sentence punctuation: "Case Vignette", "## Reflective Entry 3".
_LINE = re.compile(r"^[ \t>#*-]*([^\n.!?,;:]{1,60})[ \t]*$", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z'’]+")
#: a form's label in two or more languages, ended by a colon, at the start of a line or after two spaces:
#: "Adresse / Address:", "Data urodzenia / DOB:", "Nome / Nom / Name:"; any script
_PART = r"[^\W\d_][\w'’.,()-]*(?: [\w'’.,()-]+){0,3}"
_TRANSLATED_LABEL = re.compile(
    rf"(?:^|(?<=[ \t]{{2}})|(?<=\t))[ \t>#*•☐☑-]*({_PART}(?:[ \t]*/[ \t]*{_PART}){{1,3}})[ \t]*:", re.MULTILINE
)
_MAX_HEADING_WORDS = 6
#: a template's question heading alone on its line: "Helpful?", "WHAT HELPED?" (each word an everyday English word
#: of at least this Zipf frequency, so that "Ana?" stays what a chat's message says)
_QUESTION = re.compile(r"^[ \t>#*-]*([^\n.!?,;:]{1,60}?)[ \t]*\?[ \t]*$", re.MULTILINE)
_QUESTION_WORD_ZIPF = 4.0
#: a form's numbered section heading in capitals, any language: "2. NEXT OF KIN", "II. DATOS DEL SOLICITANTE"
_NUMBERED = re.compile(r"^[ \t]*((?:\d{1,2}|[IVX]{1,4}|[A-H])[.)][ \t]+([^\n]{3,80}?))[ \t]*:?[ \t]*$", re.MULTILINE)
#: the time stamp opening a line of notes, and the space after it: "11:40 ", "[0910] ", "9.30 - "
_LINE_STAMP = re.compile(r"(?:^|\n)[ \t]*\[?\d{1,2}[:.h]?\d{2}\]?(?:[ \t]*[-–])?[ \t]+$")
_SINGLE_LINE_LABELS = (PERSON, LOCATION, ORGANIZATION, CONTACT, ID, AGE)


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of headings and line labels (template parts, section titles)."""
    ranges = []
    for m in _LABEL.finditer(text):
        words = _WORD.findall(m.group(1))
        # "Brief description:" is a label; "Sarah:" or "Mary Jones:" may be a speaker, and stays.
        if 0 < len(words) <= _MAX_HEADING_WORDS and any(w[0].islower() for w in words):
            ranges.append((m.start(1), m.end(1)))
    ranges.extend(translated_label_ranges(text))
    for m in _LINE.finditer(text):
        words = _WORD.findall(m.group(1))
        if 0 < len(words) <= _MAX_HEADING_WORDS and all(w[0].isupper() or len(w) <= 3 for w in words):
            ranges.append((m.start(1), m.end(1)))
    for m in _QUESTION.finditer(text):
        words = _WORD.findall(m.group(1))
        if 0 < len(words) <= _MAX_HEADING_WORDS and all(
            w[0].isupper() and zipf(w.lower()) >= _QUESTION_WORD_ZIPF for w in words
        ):
            ranges.append((m.start(1), m.end(1)))
    return ranges


def section_heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of a form's numbered section headings written in capitals, number included ("2. NEXT OF
    KIN", "II. DATOS DEL SOLICITANTE"): what NER reads there as an organisation or a place is the section's title
    (a numbered list of people in capitals, "1. ANA RUIZ", is left to the name rules)."""
    ranges = []
    for m in _NUMBERED.finditer(text):
        heading = m.group(2)
        # capitals only, no lower case (a script without capitals may be anyone's sentence)
        if any(c.isupper() for c in heading) and not any(c.islower() for c in heading):
            ranges.append((m.start(1), m.end(1)))
    return ranges


def translated_label_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of form labels written in several languages ("Adresse / Address:"): their
    capitalised words are no names, though no label is all lower case as an English one is."""
    if "/" not in text:
        return []
    # "jo k / sam:" in a case note's lower case is two people, not a label
    return [(m.start(1), m.end(1)) for m in _TRANSLATED_LABEL.finditer(text) if not m.group(1)[0].islower()]


def after_line_stamp(text: str, start: int) -> bool:
    """Whether ``start`` follows the time stamp that opens a line of notes ("11:40 Marquee up", "07:55 Breakfast."):
    the word there says what happened then, as often as who came."""
    return _LINE_STAMP.search(text, max(0, start - 16), start) is not None


def inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in ranges)


def split_at_breaks(text: str, span: Span) -> Span | None:
    """The span cut back to one paragraph (one line for names and the like): its longest piece
    (``None`` when nothing is left)."""
    piece = text[span.start : span.end]
    breaker = "\n" if span.label in _SINGLE_LINE_LABELS else "\n\n"
    if breaker not in piece and "\r" not in piece:
        return span
    best: tuple[int, int] | None = None
    offset = span.start
    for part in re.split(r"\r?\n\s*\r?\n" if breaker == "\n\n" else r"\s*\r?\n\s*", piece):
        start = text.index(part, offset) if part else offset
        offset = start + len(part)
        if part.strip() and (best is None or len(part) > best[1] - best[0]):
            best = (start, start + len(part))
    if best is None:
        return None
    start, end = best
    return replace(span, start=start, end=end, text=text[start:end] if span.text else "")


#: the section of rules/frequency.yaml with how common a sender's name may be where messages write it: ``rare``
#: (the sender wherever written), ``everyday`` (only said to someone or opening the message: "thanks pepper",
#: "pepper is not coming"), ``common`` (only said to someone: "will", "wish", "trust")
ZIPF_SECTION = "chat_senders"
#: the word right before a position on its line
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")
#: above NER (0.85): the layout shows who the word is
SCORE = 0.87
#: a chat or a conversation: this many turns at least, by two senders at least
CONVERSATION_TURNS = 3
_LETTERS = re.compile(r"[^\W\d_]+")
#: a word of a message, where a sender's name may stand: not inside a handle, an address or a hashtag
_TEXT_WORD = re.compile(r"(?<![\w@#.])[^\W\d_]+(?![\w@])")
#: a chat line sent from a number the phone has not saved: the stamp, the number, a colon, the message
_NUMBER_TURN = re.compile(
    r"^[ \t]*\[?[\d/.,: \t-]*(?:[AaPp]\.?[Mm]\.?)?\]?[ \t]*[-–]?[ \t]*"
    r"\+?\(?\d[\d ()-]{5,}\d[ \t]*:[ \t]+(?P<message>[^\n]+)",
    re.MULTILINE,
)
#: how far into such a message the writer says who they are
_INTRODUCTION_REACH = 60
#: the end of a message after a name: punctuation, emoji, then the end of the line
_CLOSING = re.compile(r"[ \t]*[^\w\n]*[ \t]*(?:\n|\Z)")


class ChatSenderProcessor(CorpusProcessor):
    """The senders of a chat, named again in its messages as people write there: in lower case.

    A chat export or a conversation shows who writes ("3/4/24, 9:02 - Quillon B: ...", "Ysolde 🌻: ..."); the
    others answer them by their first name, typed in any case ("ok quillon", "tell ysolde"). Within one document
    whose senders were found as people, the first word of such a sender's name is that person wherever the
    messages write it; an everyday word ("Pepper", "Wish") only where the message speaks to them
    (after a greeting, a thanks, a relative's or a title word: ``rules/lexicons/layout.yaml``
    ``address_cues``, ``relatives.txt``, ``kin_terms.txt``, ``names/titles.txt``; before a comma) or, when
    less common, opens the message. A writer from a number the phone has not saved says who they are early
    in the message ("hi this is quillon from the garden group", "c'est Ysolde de Lyon": ``self_introductions``
    and ``introduction_follows`` of ``rules/names/context.yaml``, read through ``names/introductions.py``):
    that name is the writer's, and a sender's from then on. Document by document, no corpus knowledge.
    """

    name = "chat_senders"

    def __init__(self, rules: Rules, nlp: Any | None = None) -> None:
        from qualdeid.detect.recognizers.structure import CHAT_HEADER, LayoutWords

        self.turn = LayoutWords(rules).turn
        self.header = CHAT_HEADER
        words = rules.lists("lexicons/layout.yaml")
        self.cues = frozenset(words["address_cues"]) | frozenset(words["greetings"])
        self.kin = (
            rules.words("lexicons/relatives.txt", lower=True)
            | rules.words("lexicons/kin_terms.txt", lower=True)
            | rules.words("names/titles.txt", lower=True)
        )
        self.word_before = frozenset(words["word_before"])
        z = ZipfThresholds(rules, ZIPF_SECTION, ("rare", "everyday", "common"))
        self.rare_zipf, self.everyday_zipf, self.common_zipf = z["rare"], z["everyday"], z["common"]
        self.not_names = self.kin | rules.words("lexicons/speaker_roles.txt", lower=True) | STOP_WORDS
        self.introduction = SelfIntroductions.read(rules).named

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        return [], None

    def observe(self, doc_id: str, observation: Any) -> None:
        return None

    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        return self.mentions(doc.text, spans)

    def mentions(self, text: str, spans: list[Span]) -> list[Span]:
        """PERSON spans of the senders' first names written again in ``text`` where ``spans`` find nothing."""
        people = [s for s in spans if s.label == PERSON]
        # a turn ("Ana: ...", "3/4/24, 9:02 - Ana: ...") or a header line above the message ("Ana, [09:02]")
        turns = list(self.turn.finditer(text)) + list(self.header.finditer(text))
        senders: dict[str, int] = {}
        for m in turns:
            start = m.start("name")
            person = next((s for s in people if s.start <= start < s.end), None)
            if person is None:
                continue
            first = _LETTERS.match(text, person.start)
            if first is not None and first.start() == person.start:
                senders[first.group().lower()] = senders.get(first.group().lower(), 0) + 1
        introduced = list(self._introduced(text, people))
        if len(turns) + len(introduced) < CONVERSATION_TURNS or len(senders) + len(introduced) < 2:
            return []
        labels = [(m.start(), m.end()) for m in turns]
        found = [Span(m.start("name"), m.end("name"), PERSON, score=SCORE, detector=self.name) for m in introduced]
        for m in introduced:
            labels.append((m.start("name"), m.end("name")))
            senders.setdefault(m.group("name").lower(), 1)
        # each word of the text by its letters without marks: a sender saved as "Zerrin" is typed "Zêrrîn" too
        words: dict[str, list[re.Match[str]]] = {}
        for m in _TEXT_WORD.finditer(text):
            words.setdefault(without_marks(m.group().lower()), []).append(m)
        for word in senders:
            if len(word) < 2 or word in self.not_names:
                continue
            for m in words.get(without_marks(word), []):
                start, end = m.span()
                # another reading of the word (a town of the same name) yields to the sender by its score
                if any(a <= start < b for a, b in labels) or any(s.start < end and start < s.end for s in people):
                    continue
                if self._said_to(text, start, end, word):
                    found.append(Span(start, end, PERSON, text=m.group(), score=SCORE, detector=self.name))
        return sorted(found, key=lambda s: s.start)

    def _introduced(self, text: str, people: list[Span]) -> Iterator[re.Match[str]]:
        """The names of writers from numbers the phone has not saved, as they say who they are ("+44 7700
        900123: hi this is quillon from the garden group", "c'est Ysolde de Lyon")."""
        for line in _NUMBER_TURN.finditer(text):
            start = line.start("message")
            m = self.introduction.search(text, start, min(line.end("message"), start + _INTRODUCTION_REACH))
            if m is None or m.group("name").lower() in self.not_names:
                continue
            name = m.group("name")
            if m.group("end") is not None and zipf(name.lower()) >= (
                self.everyday_zipf if name[0].isupper() else self.rare_zipf
            ):
                continue  # "this is great!", "it's raining.": a word needs what follows a name ("this is wish from")
            if not any(s.start <= m.start("name") < s.end for s in people):
                yield m

    def _said_to(self, text: str, start: int, end: int, word: str) -> bool:
        """Whether the word at ``start:end`` is the sender's name by its frequency and the words around it."""
        z = zipf(word)
        if z < self.rare_zipf:
            return True
        if z < self.everyday_zipf:  # a word too ("bliss"): not where a determiner or an intensifier makes it one
            previous = _LAST_WORD.search(text, 0, start)
            return previous is None or previous.group(1).lower() not in self.word_before
        line_start = text.rfind("\n", 0, start) + 1
        turn = self.turn.match(text, line_start)
        message = turn.end() if turn is not None and turn.end() <= start else line_start
        before = text[message:start]
        opening = not before.strip()
        if opening and text[end : end + 1] in (",", "!", "?"):
            return True  # "pepper, can you ..."
        previous = " " + " ".join(before.lower().replace(",", " ").split())
        if any(previous.endswith(" " + cue) for cue in self.cues | self.kin):
            return True  # "thanks pepper", "aunty pepper"
        if before.rstrip(" \t").endswith(",") and _CLOSING.match(text, end) is not None:
            return True  # "ok, pepper" closing the message
        return opening and z < self.common_zipf and text[end : end + 1] in (" ", "\t")
