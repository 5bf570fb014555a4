"""The names a document gives its people win over the word reading elsewhere in that document (issue 13,
class a): "May Winslade came round ... May was quiet ... May's dad waited", "Opal Tranter ... later opal
rang".

Pass 2 finds the corpus' known names again, but a first name that joins a person only in pass 2 ("May"
before the surname "Fenwick" that the document gives elsewhere) is no known name, and a month that is
also a first name is never learned as one from NER. Here every name word of the document's people is
looked for again in the same document, in any letter case and with a possessive, and taken where the
grammar allows a person: the same decisions as for a known name that is also a word (``Acceptance``),
and for a month or weekday only where no date reading fits ("in May", "May 4", "3rd of June", "until
June" stay dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualdeid.corpus.model import Span
from qualdeid.detect.names.acceptance import Acceptance, KnownName, name_key
from qualdeid.detect.names.evidence import NameEvidence
from qualdeid.labels import LOCATION, ORGANIZATION, PERSON

#: a capitalised word of a person's name as the document writes it: "May", "O'Neill", "Rāwiri"
_NAME_PART = re.compile(r"(?<![\w'’-])[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")


#: the shortest ending of a given name taken as the person's short form ("Meet" of "Harmeet")
MIN_ENDING = 4

#: a capitalised word of letters
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?![\w-])")
#: "'s dad", "’s mum": a possessive, then who
_POSSESSIVE_NOUN = re.compile(r"['’]s[ \t]+([a-z]+)")


@dataclass(frozen=True)
class DocumentNames:
    """Finds the other occurrences of the name words of a document's people in that document."""

    ev: NameEvidence
    acceptance: Acceptance
    score: float
    detector: str

    def find(self, text: str, people: list[Span], spans: list[Span]) -> list[Span]:
        names = self._name_words(text, people)
        # a listed name in NER's person where this processor found another part of it: "May" of "May Winslade"
        # around "Fenwick" (on one line: NER's span may run over a heading)
        for s in spans:
            if (
                s.label == PERSON
                and "\n" not in text[s.start : s.end]
                and any(p.start < s.end and s.start < p.end for p in people)
            ):
                for key, word in self._name_words(text, [s]).items():
                    if self.ev.lex.is_name(word):
                        names.setdefault(key, word)
        names |= {k: w for k, w in self._acting_months(text).items() if k not in names}
        #: a short form that ends a given name of the document ("Meet" of "Harmeet"): taken only as written
        tails = {k: w for k, w in self._endings(text, names).items() if k not in names}
        names |= tails
        if not names:
            return []
        taken = [*people, *(s for s in spans if s.label in (LOCATION, ORGANIZATION))]
        alternatives = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w'’-])({alternatives})(?=['’]s\b|(?![\w'’-]))", re.IGNORECASE)
        out = []
        for m in pattern.finditer(text):
            start, end = m.span(1)
            if any(s.start < end and start < s.end for s in taken):
                continue
            word = m.group(1)
            if name_key(word) not in names or not (word.islower() or word[1:].islower()):
                continue  # "MAY" in capitals, "mAy": no reading of the name
            if name_key(word) in tails and word != tails[name_key(word)]:
                continue  # "deep" in lower case stays the word
            # a name that is no English word ("Tarek") is the person wherever a name may stand; a word-name
            # ("Hope") only where the grammar takes a person
            entry = KnownName(names[name_key(word)], wordlike=self.ev.wordlike(word))
            if self.acceptance.accept(text, start, end, entry) or self.acceptance.accept_again(text, start, end, entry):
                out.append(Span(start, end, PERSON, score=self.score, detector=self.detector))
        return out

    def _endings(self, text: str, names: dict[str, str]) -> dict[str, str]:
        """Capitalised words that end a one-word name of the document and are ordinary words: the short form
        people use ("Meet" of "Harmeet", "Preet" of "Simranpreet"), at least ``MIN_ENDING`` letters and two
        letters shorter than the name. Found only where the grammar takes a person, as any word-name."""
        ev, lex = self.ev, self.ev.lex
        longs = [w.lower() for w in names.values() if len(w) >= MIN_ENDING + 2]
        out: dict[str, str] = {}
        if not longs:
            return out
        for m in _CAPITALISED.finditer(text):
            word = m.group()
            low = word.lower()
            if len(low) < MIN_ENDING or name_key(word) in out or not ev.wordlike(word):
                continue
            if low in lex.titles or low in ev.relatives or low in ev.calendar or ev.function_word(word):
                continue
            if lex.is_term(low):
                continue
            if any(n.endswith(low) and len(n) >= len(low) + 2 for n in longs):
                out[name_key(word)] = word
        return out

    def _acting_months(self, text: str) -> dict[str, str]:
        """A month that is also a first name where it does what only a person does, somewhere in the document:
        "May cheered everyone up", "June said", "May's dad" (not "May was wet", "June brought rain")."""
        ev, lex = self.ev, self.ev.lex
        out: dict[str, str] = {}
        for m in _CAPITALISED.finditer(text):
            word = m.group()
            if word.lower() not in ev.calendar or not lex.is_first_name(word) or ev.dated(text, m.start(), m.end()):
                continue
            after = text[m.end() : m.end() + 40].split("\n", 1)[0]
            owner = _POSSESSIVE_NOUN.match(after)
            words = [w.lower().replace("’", "'") for w in re.findall(r"[A-Za-z'’]+", after)[:2]]
            first, second = [*words, "", ""][:2]
            verb = first in ev.past_verbs or (first.endswith("ed") and len(first) > 3)
            if (
                first in ev.strong_right
                or (verb and second in ev.person_objects)
                or (owner is not None and (owner.group(1) in ev.relatives or owner.group(1) in ev.person_nouns))
            ):
                out.setdefault(name_key(word), word)
        return out

    def _name_words(self, text: str, people: list[Span]) -> dict[str, str]:
        """The capitalised name words of the document's people (no titles, relatives or function words)."""
        ev, lex = self.ev, self.ev.lex
        names: dict[str, str] = {}
        for p in people:
            if p.label != PERSON:
                continue
            for m in _NAME_PART.finditer(text, p.start, p.end):
                word = m.group()
                low = word.lower()
                # a sender saved in lower case ("jirvo") is found again by its chat (layout.ChatSenderProcessor)
                if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
                    continue
                if low in lex.titles or low in ev.relatives or ev.function_word(word):
                    continue
                if lex.is_term(low) or (low in ev.calendar and not lex.is_first_name(word)):
                    continue
                if not lex.name_shaped(word):
                    continue
                names.setdefault(name_key(word), word)
        return names
