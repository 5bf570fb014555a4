"""Pass 2 of names: whether an occurrence of a name known in the corpus is the person where it stands.

A name that is no word ("Tarquin") is a person wherever it is written; a name that is also a word
("Hope", "Will") is one where its context says so ("Hope said", "told will", "thanks sandy!", "Amber
Tolliver"), and stays a word in "I hope", "at dawn", "the will".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qualdeid.detect.names.evidence import (
    ARTICLES,
    BRACKETED,
    CLAUSE_END,
    COMMON_WORD_ZIPF,
    NEGATED_AUXILIARIES,
    OBJECT_PRONOUNS,
    POSSESSIVES,
    SENTENCE_END,
    SUBJECT_PRONOUNS,
    TO_VERB,
    NameEvidence,
    first_token,
    first_word,
    is_capitalised,
    last_token,
    last_word,
)
from qualdeid.detect.nlp.frequency import zipf

#: the reason of a name that the allow list or a term list holds as a word ("ed", "ED" the emergency
#: department), found where it is written as the name and acts as a person ("Ed said"): the lists do not
#: drop it (detect/finalise.py)
ALLOWED_NAME = "a listed word acting as a person's name"
#: the reason on an everyday word a document capitalises mid-sentence and uses as a person (names/repeated.py):
#: finalise keeps it even where the word is a form's field label
WORD_NAME = "an everyday word the document uses as a person's name"


@dataclass
class KnownName:
    """A name found with evidence somewhere in the corpus, as first seen."""

    display: str
    wordlike: bool
    evidence: int = 0
    variant_of: set[str] = field(default_factory=set)
    #: a name that the allow list holds as a word ("Ed", "ed" the department): found only as written
    exact_case: bool = False
    #: a pet name the corpus gives someone ('Bertil ("Zietta")'): that person wherever it is accepted, though it
    #: is a kinship word or a title
    given: bool = False


#: "me and will sorted it": a name paired with the writer, then what they did
WITH_ME_BEFORE = re.compile(r"(?i:\b(?:me|i)[ \t]*(?:[ \t](?:and|n)|&|\+)[ \t]*)$")
#: "will and I went": the name first, at the start of a clause
WITH_ME_AFTER = re.compile(r"[ \t]+(?:and|&|n)[ \t]+(?:me|I)\b")
#: an opening quotation mark right before a word
QUOTE_OPENS = re.compile(r"(?:^|[\s(])[\"“‘'][ \t]*$")
#: the speaker label that opens a turn of a transcript or a chat, right before a word: "ABENA: "
TURN_OPENS = re.compile(r"(?:^|\n)[ \t]*(?P<speaker>[^\W\d_][\w'’ .-]{0,40}?)[ \t]*:[ \t]*$")
#: the opening of a chat or transcript message, right before a word: "12/05, 20:40 - Kalani T: ", "RINA: "
MESSAGE_OPENS = re.compile(r"(?:^|\n)[^\n]{0,60}?[^\W\d_][^\n.!?:]{0,40}:[ \t]*$")
SENTENCE_OR_CLAUSE_START = re.compile(r"(?:^|[.!?:;,\n\"“”]|\b(?:and|but|so|then|when|cos|coz|because))[ \t]*$")


#: before an adjective used as a predicate or with a degree, never before a person: "was sorrel", "so sunny"
LINKING_WORDS = frozenset(
    {"is", "was", "are", "were", "be", "been", "being", "s", "looks", "looked", "seems", "seemed", "got", "get"}
    | {"gets", "getting", "feels", "felt", "stays", "stayed", "very", "so", "too", "really", "quite", "bit", "more"}
    | {"most", "less", "pretty", "all", "as", "how", "and", "it's", "that's", "getting", "went", "gone"}
)
#: words that open a clause whose subject a name can be: "ask if sorrel wants", "then will rang"
CLAUSE_LINKS = frozenset({"if", "when", "whether", "then", "because", "cos", "that", "until", "unless", "while"})
#: adverbs that open a sentence before its subject: "today sorrel ran the stall"
#: what follows a name where its clause goes on or ends: "for Mauri because", "sat with Mauri next", "met Mauri."
CLAUSE_GOES_ON = re.compile(r"[ \t]*(?:[.,;!?)]|\n|$|(?:because|cos|when|next|too|again|home)\b)")
#: a verb and how it went, said of an event or a thing: "went well", "ran late", "got going"
THING_OUTCOME = re.compile(r"[ \t]+[a-z]+[ \t]+(?:well|badly|fine|ok|okay|smoothly|ahead|late|over|going)\b")
OPENING_ADVERBS = frozenset({"today", "tonight", "yesterday", "later", "now", "but", "and", "so"})


def name_key(word: str) -> str:
    """Lower case letter by letter, so that a key is as long as the text it stands for ("İ" stays)."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in word)


#: Letters a case-insensitive search takes for one letter where ``str.lower()`` keeps two: Turkish
#: dotless and dotted i, Greek final sigma, the long s, the Kelvin sign.
_LOOSE = str.maketrans({"ı": "i", "İ": "i", "ς": "σ", "ſ": "s", "\u212a": "k"})


class KnownNames(dict[str, KnownName]):
    """The corpus' known names by ``name_key``, found again from any letter case the search matched
    ("YILDIZ" and "yıldız", "ΣΟΦΊΑΣ" and "Σοφίας")."""

    _loose: dict[str, str]
    _loose_size = -1

    def find(self, surface: str) -> KnownName | None:
        entry = self.get(name_key(surface))
        if entry is not None:
            return entry
        if self._loose_size != len(self):
            self._loose = {name_key(k).translate(_LOOSE): k for k in self}
            self._loose_size = len(self)
        key = self._loose.get(name_key(surface).translate(_LOOSE))
        return None if key is None else self[key]


class Acceptance:
    """Decides on the occurrences of the corpus' known names (``known`` grows as documents are observed)."""

    def __init__(self, evidence: NameEvidence, known: KnownNames) -> None:
        self.ev = evidence
        self.known = known

    def accept(self, text: str, start: int, end: int, entry: KnownName) -> bool:
        ev, lex = self.ev, self.ev.lex
        surface = text[start:end]
        if entry.exact_case and surface != entry.display:
            return False  # "ED", "ed": the department, where "Ed" is a person
        if ev.dated(text, start, end):
            return False  # "mid June", "4 May": the month, whoever is called June
        before = text[max(0, start - 40) : start]
        after = text[end : end + 40]
        prev_word = last_word(before)
        next_word = first_word(after)
        sentence_start = bool(SENTENCE_END.search(before))
        if next_word in lex.place_heads and is_capitalised(first_token(after)):
            return False
        if lex.is_term(surface) and not entry.exact_case:
            # "Kai was lovely", "the Hui": a term of the lexicons is a person only where one acts
            if prev_word in ev.strong_left or next_word in ev.strong_right or self.before_surname(after):
                return True
            # a term that is also a given name, capitalised ("Mauri"): a name where a person stands and acts
            return self.term_name_acts(surface, before, after, prev_word, sentence_start)
        if surface.islower():
            if (ev.intro.before.search(before) or ev.alias_before.search(before)) and CLAUSE_END.match(after):
                return True  # "hi all its hope,", "everyone calls her joy."
            if ev.intro.before.search(before) and next_word in ev.intro_followers:
                return True  # "its chinonso lol"
            if prev_word == "our" and not entry.wordlike and (next_word in ev.right_context or ev.acts_next(after)):
                return True  # "our kerry says": a relative
            if sentence_start:
                prev_word = ""  # "Amy Fisher was in. fisher said": the word before ends another sentence
            if prev_word in POSSESSIVES or prev_word in ARTICLES:
                return False  # "my kokum", "the will"
            if prev_word in ev.word_left and (entry.wordlike or surface.lower() not in lex.first_names):
                return False  # "at dawn", "back at clubhouse" (but "worried about tarquin")
            if entry.wordlike and last_token(before).lower() in SUBJECT_PRONOUNS:
                return False  # "I will"
            lower = surface.lower()
            if not entry.wordlike and (lower in lex.first_names or zipf(lower) < COMMON_WORD_ZIPF):
                return True
            if (
                prev_word in ev.strong_left
                or next_word in ev.strong_right
                or (ev.acts_next(after) and next_word != "and")
            ):
                return True
            return self.person_slot(before, after, prev_word, next_word)
        if not entry.wordlike:
            return True
        if BRACKETED.search(before) or self.before_surname(after):
            return True
        if sentence_start:
            turn = TURN_OPENS.search(before)
            if (QUOTE_OPENS.search(before) or turn) and after.startswith(","):
                return True  # '"Rose, sit down."', "ANA: Rose, you too!": a name addressed as someone speaks
            if turn and turn.group("speaker").lower() == surface.lower() and CLAUSE_END.match(after):
                return True  # "ROSE: Rose. From the east side.": speakers giving their names in turn
            return ev.acts_next(after) or ev.acts_after_role(surface, after)
        if next_word == "'s" and prev_word not in ARTICLES:
            return True  # "sat in Dawn's kitchen": capitalised mid-sentence and owning something
        if prev_word in ev.word_left:
            return False
        prev_token = last_token(before)
        if not is_capitalised(prev_token) or self.known_name(prev_token):
            return True
        return bool(SENTENCE_END.search(before.rstrip()[: -len(prev_token)]))  # "Asking Summer what ..."

    def term_name_acts(self, surface: str, before: str, after: str, prev_word: str, sentence_start: bool) -> bool:
        """A term of the lexicons that the name lists hold as a given name too ("Mauri"), capitalised: a person
        in the middle of a sentence before what a person does or where a clause goes on ("took Mauri home",
        "a quiet week for Mauri because"), or opening a sentence and doing something that is no mere "was" or "is"
        ("Mauri bought chips", "Mauri is 30", "Mauri and Rewi sang") — never after a determiner ("the Hui"), nor
        "Kai was lovely"."""
        ev, lex = self.ev, self.ev.lex
        if not (is_capitalised(surface) and surface[1:].islower() and surface.lower() in lex.first_names):
            return False
        if not sentence_start and (prev_word in POSSESSIVES or prev_word in ARTICLES or prev_word in ev.word_left):
            return (
                False  # "the Hui", "at Kai" (the word before a sentence's first is no part of it: "by the gate. Mauri")
            )
        if is_capitalised(first_token(after)) or first_word(after) in lex.place_heads:
            return False
        if first_word(after) in ("was", "is", "'s", "has", "had"):
            # "Kai was lovely": only a person's predicate or an age makes the word someone
            rest = " " + after.lstrip(" \t")
            return bool(ev.person_predicate.match(rest) or ev.age_next.match(rest))
        if THING_OUTCOME.match(after):
            return False  # "Hui went well": how an event went, not what someone did
        return ev.acts_next(after) or (not sentence_start and bool(CLAUSE_GOES_ON.match(after)))

    def accept_again(self, text: str, start: int, end: int, entry: KnownName) -> bool:
        """A capitalised word-name that ``accept`` left a word, where the same document uses it for a person:
        the person wherever the grammar allows a name ("Sky paints at night", "kept Dawn company") — not
        after a determiner ("the Dawn"), nor before the words that keep it a word ("Will you", "Hope so")."""
        surface, lex = text[start:end], self.ev.lex
        if self.ev.dated(text, start, end):
            return False
        if not entry.exact_case and not lex.is_term(surface) and self.addressed(text, start, end):
            return True
        if surface.islower() and not entry.exact_case and not lex.is_term(surface):
            return self.lowercase_again(text, start, end)
        if entry.exact_case or not (is_capitalised(surface) and surface[1:].islower()):
            return False
        if lex.is_term(surface) and surface.lower() not in lex.first_names:
            return False  # a term that is no given name ("Hui") stays a term; "Mauri" is someone's name here
        before, after = text[max(0, start - 40) : start], text[end : end + 40]
        opens_and_acts = bool(SENTENCE_END.search(before)) and self.subject_of(after)
        if not lex.is_first_name(surface) and not (entry.evidence and opens_and_acts):
            # a listed name that is also a word ("Sky", "Will"); a word the corpus has shown as a name with
            # evidence ("meet Hawk Redcloud") only where it opens a sentence and acts ("Hawk was there")
            return False
        if last_word(before) in self.ev.word_left or last_token(before).lower() in SUBJECT_PRONOUNS:
            return False
        next_word = first_word(after)
        if next_word in lex.place_heads or is_capitalised(first_token(after)):
            return False
        # "Sky was there too": what keeps "Will you" a word does not where the name opens a sentence and acts
        return next_word not in self.ev.word_followers or opens_and_acts

    def addressed(self, text: str, start: int, end: int) -> bool:
        """A name opening a chat message, then the words of someone spoken to: "Kalani: grace can u bring the
        chairs", "Rina: Joy I can come thursday" — not a modal or a verb that takes a clause ("will you",
        "hope u are ok")."""
        surface = text[start:end]
        if not (surface.islower() or (is_capitalised(surface) and surface[1:].islower())):
            return False
        if surface.lower() in self.ev.not_addressed:
            return False
        return bool(MESSAGE_OPENS.search(text, max(0, start - 120), start)) and bool(
            self.ev.address_next.match(text, end)
        )

    def lowercase_again(self, text: str, start: int, end: int) -> bool:
        """A word-name written in lower case where the same document uses it capitalised for a person, in a
        slot only a noun phrase fills: after a word that takes a person and before the end of the clause
        ("we left it with sorrel."), or as the subject of what follows ("ask if sorrel wants a hand") — not
        after a determiner or a linking verb ("the sorrel gate", "it was sorrel.")."""
        ev = self.ev
        before, after = text[max(0, start - 40) : start], text[end : end + 40]
        prev_word, next_word = last_word(before), first_word(after)
        if WITH_ME_BEFORE.search(before) and (CLAUSE_END.match(after) or self.subject_of(after)):
            return True  # "me + sorrel.", "me and sorrel went"
        if (prev_word in ev.lex.titles or prev_word in ev.relatives) and next_word not in ev.word_followers:
            return True  # "ok aunty sorrel", "my grandma sorrel says": a title or a relative's word names them
        if prev_word in ev.strong_left:
            return True  # "told sorrel", "may sakit si sorrel"
        if not prev_word or prev_word in ev.word_left or prev_word in POSSESSIVES or prev_word in ARTICLES:
            return False
        if prev_word in LINKING_WORDS or last_token(before).lower() in SUBJECT_PRONOUNS:
            return False
        if (SENTENCE_END.search(before) or prev_word in CLAUSE_LINKS or prev_word in OPENING_ADVERBS) and (
            self.subject_of(after)
        ):
            return True  # "… at the shop. sorrel has started early", "today sorrel ran the stall"
        if CLAUSE_END.match(after):
            return prev_word in ev.left_context or prev_word in ev.vocative_left
        return prev_word in CLAUSE_LINKS and (next_word in ev.right_context or next_word in ev.strong_right)

    def subject_of(self, after: str) -> bool:
        """The words after a name make it the subject of a finite verb that a person does: "said", "has
        started", "was a help", "keeps to her room" (not "pads were", "was thick" — a linking verb needs
        what follows to be no bare adjective)."""
        ev = self.ev
        words = re.findall(r"[A-Za-z'’]+", after[:40].split("\n", 1)[0])
        if not words:
            return False
        first, second = words[0].lower().replace("’", "'"), words[1].lower() if len(words) > 1 else ""
        if first in ev.strong_right or first in ev.past_verbs or first in NEGATED_AUXILIARIES:
            return True
        if first in ("has", "had"):
            return (
                second.endswith(("ed", "en"))
                or second in ev.past_verbs
                or second in ("been", "gone", "got")
                or second in ARTICLES  # "sorrel has the keys"
            )
        if first in ("dont", "don't"):
            return True  # "sorrel dont have one": a chat's subject with a plain negation
        if first in ("was", "is"):
            return second in ARTICLES or second.endswith("ing") or second in ("there", "here", "not")
        return (
            first.endswith("s")
            and not first.endswith("ss")
            and len(first) > 3
            and (second in ARTICLES or second in POSSESSIVES or second in OBJECT_PRONOUNS or second == "to")
        )

    def person_slot(self, before: str, after: str, prev_word: str, next_word: str) -> bool:
        """Frames that only a person fills, for a known name written in lower case: "thanks sandy!",
        "oh will thats brilliant", "hi all its hope.", "pat here,", "let len get his bag",
        "passed it to faith", "wants sky to come home", "sky is scared"."""
        ev = self.ev
        ends = bool(CLAUSE_END.match(after))
        if next_word == "here" and SENTENCE_END.search(before) and CLAUSE_END.match(after[5:]):
            return True
        if ev.to_you.search(before) and ends:
            return True  # "thank you sandy", "proud of you marc x"
        if prev_word in ev.vocative_left:
            return ends or (next_word not in ev.word_followers and next_word not in ev.dictionary)
        if prev_word == "let":
            return next_word not in ev.word_followers and next_word not in ev.let_idioms
        if ev.control_verb.search(before) and TO_VERB.match(after):
            return True  # "she wants sky to come home"
        if ev.message_from.search(before) and (ends or ev.when_next.match(after)):
            return True
        if self.in_name_list(before, after):
            return True
        if WITH_ME_BEFORE.search(before):
            return next_word in ev.past_verbs or next_word in ev.strong_right or next_word.endswith("ed")
        if WITH_ME_AFTER.match(after) and SENTENCE_OR_CLAUSE_START.search(before):
            return True  # "then will and I went"
        return bool(ev.transfer_to.search(before) or ev.person_state.match(after))

    def in_name_list(self, before: str, after: str) -> bool:
        """ "the quiz team was Idris, Tamsin, bo and Kit": between list separators, next to a known name."""
        left = re.search(r"([A-Za-z'’-]+)[ \t]*(?:,|[ \t]and|[ \t]&)[ \t]*$", before)
        right = re.match(r"[ \t]*(?:,|and\b|&)[ \t]*([A-Za-z'’-]+)", after)
        left_known = left is not None and self.known_name(left.group(1))
        right_known = right is not None and self.known_name(right.group(1))
        return (left_known and (right_known or bool(CLAUSE_END.match(after)))) or (right_known and left is not None)

    def before_surname(self, after: str) -> bool:
        """ "Amber Tolliver": a word-name right before a known name that is not a word is a first name."""
        m = re.match(r"[ \t]([A-Z][\w'’-]+)", after)
        if m is None:
            return False
        entry = self.known.find(m.group(1))
        return entry is not None and not entry.wordlike

    def known_name(self, word: str) -> bool:
        return self.known.find(word) is not None or word.lower() in self.ev.lex.titles


def sloppy_possessive(name: str, with_s: str) -> bool:
    """ "gareths place": a possessive written without its apostrophe (not "Ross" for a known "Ros")."""
    return len(name) >= 4 and not name.lower().endswith("s") and zipf(with_s.lower()) < 2.5
