"""Everyday words that a document uses as someone's name: capitalised in the middle of its sentences,
again and again, and acting as a person at least once ("consent for Treasure ... Treasure is singing two
songs ... Treasure mentioned she won"). English writes a common adjective or noun in small letters mid-
sentence; one written with a capital there, more than once, and doing what people do, is a name in that
document, whatever the name lists say.

What keeps things and places out: the word is never part of a run of capitalised words ("Home Office",
"Good Shepherd"), never after an article ("the Bridge"), never in an entity spaCy reads as a place, an
organisation, a product or an event anywhere in the document, and never a listed calendar word,
relative, title, language or people, or a word that is capitalised for other reasons (rules/lexicons/
not_places.txt: "God", "Bible"). A form's field word ("Update", "Quote") is a name only where the document
never writes it as a label ("Update:", a line opening with it) and it acts as a person twice.

A nickname that is an everyday word (a colour, an animal, a weather word) may stand capitalised at the
start of chat lines and in brackets only, never twice mid-sentence: where the document gives the word a
relative ("Gravel's mum", "Ladle's big sister") and it acts as a person once more ("Gravel broke his
wrist"), it is a name there too (issue 13, class a). A thing has no mum: "the Bank's mum" stays out by the
article, a company by spaCy's entity anywhere in the document.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from qualdeid.detect.names.evidence import ARTICLES, RARE_WORD_ZIPF, NameEvidence, is_capitalised
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.tokens import doc_text, token_table
from qualdeid.rules import Rules

#: capitalised in the middle of a sentence at least this often in the document
MID_SENTENCE_USES = 2
#: a form's field word ("Update", "Summary", "Outcome": rules/lexicons/field_labels.txt) is a name only where
#: the document never writes it as a label and it acts as a person at least this often
LABEL_ACTS = 2
#: how often a word that owns a relative ("Gravel's mum") acts as a person in the document, the relative
#: included, before it is a name without the mid-sentence uses
KIN_OWNER_ACTS = 2
#: pronouns after a verb that make the word before it someone ("Gravel broke his wrist")
PERSON_PRONOUNS = frozenset({"his", "her", "him"})
#: spaCy entity types that make a capitalised word a thing, wherever in the document they fall on it
THING_ENTS = frozenset(
    {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME"}
)


class RepeatedWordNames:
    """Finds the everyday words a document uses as names (module docstring)."""

    def __init__(self, rules: Rules, evidence: NameEvidence) -> None:
        self.ev = evidence
        lex = evidence.lex
        self.excluded = (
            evidence.calendar
            | evidence.relatives
            | lex.titles
            | lex.place_heads
            | lex.roles
            | rules.words("lexicons/not_places.txt", lower=True)
            | rules.words("lexicons/peoples.txt", lower=True)
            | rules.words("rare/language.txt", lower=True)
        )
        self.labels = lex.fields - self.excluded

    def find(self, sdoc: Doc) -> dict[str, list[tuple[int, int]]]:
        """Each word the document uses as a name, with where it stands capitalised outside a run of them."""
        lex = self.ev.lex
        places: dict[str, list[tuple[int, int]]] = {}
        mid: Counter[str] = Counter()
        acting: Counter[str] = Counter()
        things: set[str] = set()
        labelled: set[str] = set()
        kin_owned: Counter[str] = Counter()
        for i, word in enumerate(token_table(sdoc).texts):  # a Token object only for the capitalised words
            if not (len(word) >= 3 and word.isalpha() and is_capitalised(word) and word[1:].islower()):
                continue
            token = sdoc[i]
            low = word.lower()
            if token.ent_type_ in THING_ENTS and not self._owns_relative(sdoc, token):
                things.add(low)  # (spaCy may read an owner of a relative as a company: "Gravel's mum")
                continue
            if low in lex.first_names or low in lex.word_names or zipf(low) < RARE_WORD_ZIPF:
                continue  # listed names and rare words have their own evidence (evidence.py)
            if low in STOP_WORDS or low in self.excluded or lex.is_term(low):
                continue
            if self._in_capitalised_run(sdoc, token.i):
                continue
            if low in self.labels and self._labels_something(sdoc, token):
                labelled.add(low)
            places.setdefault(word, []).append((token.idx, token.idx + len(word)))
            if not self._sentence_start(sdoc, token):
                mid[word] += 1
            if self._acts(sdoc, token):
                acting[word] += 1
            if self._owns_relative(sdoc, token):
                kin_owned[word] += 1
        return {
            w: places[w]
            for w in acting
            if (mid[w] >= MID_SENTENCE_USES or (kin_owned[w] and acting[w] >= KIN_OWNER_ACTS))
            and w.lower() not in things
            and (w.lower() not in self.labels or (acting[w] >= LABEL_ACTS and w.lower() not in labelled))
        }

    def _owns_relative(self, sdoc: Doc, token: Any) -> bool:
        """ "Gravel's mum", "Ladle's big sister": the word owns a relative, which only a person has."""
        nxt = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
        if nxt is None or nxt.lower_ not in ("'s", "’s"):
            return False
        for follower in sdoc[token.i + 2 : token.i + 4]:
            if follower.lower_ in self.ev.relatives:
                return True
            if not follower.is_alpha or follower.pos_ != "ADJ":
                return False
        return False

    def _labels_something(self, sdoc: Doc, token: Any) -> bool:
        """ "Outcome:", "Update -", a line that opens with the word: the word heads a field or a section."""
        nxt = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
        if nxt is not None and nxt.text in (":", "-", "\u2013", "\u2014"):
            return True
        return token.i == 0 or "\n" in sdoc[token.i - 1].text or doc_text(sdoc).endswith("\n", 0, token.idx)

    def _sentence_start(self, sdoc: Doc, token: Any) -> bool:
        if token.i == 0 or token.is_sent_start:
            return True
        prev = sdoc[token.i - 1].text
        return prev in (":", "\n", "-", "\u2013", '"', "“", "(") or "\n" in prev or prev in (".", "!", "?")

    def _in_capitalised_run(self, sdoc: Doc, i: int) -> bool:
        """ "Home Office", "Good Shepherd House", "the Bridge": part of a title or a thing's name."""
        prev = sdoc[i - 1] if i > 0 else None
        nxt = sdoc[i + 1] if i + 1 < len(sdoc) else None
        if prev is not None and prev.lower_ in ARTICLES:
            return True
        if nxt is not None and is_capitalised(nxt.text) and nxt.text.isalpha() and nxt.lower_ != "i":
            return True
        return prev is not None and is_capitalised(prev.text) and prev.text.isalpha() and not prev.is_sent_start

    def _acts(self, sdoc: Doc, token: Any) -> bool:
        """ "Treasure mentioned", "Treasure's youth worker", "Treasure is singing": what a person does."""
        after = sdoc[token.i + 1 : token.i + 6].text
        if self.ev.acts_next(after):
            return True
        nxt = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
        following = sdoc[token.i + 2] if token.i + 2 < len(sdoc) else None
        if nxt is None or following is None:
            return False
        if nxt.lower_ in ("'s", "’s") and following.pos_ == "NOUN":
            return True  # "Treasure's youth worker", not "Treasure's a lovely word"
        if nxt.lower_ in ("is", "was") and following.tag_ == "VBG":
            return True  # "Treasure is singing"
        # "Gravel broke his wrist", "Gravel told her": a verb in the past whose object or owner is a person's pronoun
        return nxt.tag_ == "VBD" and following.lower_ in PERSON_PRONOUNS
