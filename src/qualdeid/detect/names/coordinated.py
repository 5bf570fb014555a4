"""Names joined to a person's name by "and" (issue 13, classes a and b): "Orlagh and Quill came", "then Treasure
and Journey", "Quill y Odrastik le mandan besos".

A capitalised word joined by a conjunction (``name_conjunctions`` in rules/names/context.yaml) to a person
the name rules found otherwise, or by a comma in a list that a conjunction or another comma goes on with
("çocukları Ilka, Quill ve Treasure"), and not part of a longer Title Case phrase, is a person too where it is a
listed first name, even one that is an everyday word ("Treasure"), or is no everyday word of English at all.
Titles, relatives, kinship words, calendar words, peoples and languages, towns and terms stay words ("Ilka
and Mum", "Ilka and Christmas", "Ilka and English").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualdeid.corpus.model import Span
from qualdeid.detect.names.evidence import NameEvidence
from qualdeid.labels import PERSON
from qualdeid.rules import Rules, alternation

#: a capitalised word of letters (a name that opens with a capital: "Treasure", "O'Leary", "Ilka-Lu")
_WORD = r"[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*"
#: the word right before: capitalised, the joined word ends a longer Title Case phrase ("Vale Treasure and Ilka")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)[ \t]+$")
#: where a sentence or a line starts, right before a word
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n\"“(][ \t]*|[.!?][\"”’'][ \t]*)$")


@dataclass(frozen=True)
class CoordinatedNames:
    ev: NameEvidence
    after: re.Pattern[str]
    before: re.Pattern[str]
    after_comma: re.Pattern[str]
    before_comma: re.Pattern[str]
    goes_on: re.Pattern[str]
    kin_terms: frozenset[str]
    towns: frozenset[str]

    @classmethod
    def read(cls, rules: Rules, ev: NameEvidence) -> CoordinatedNames:
        joins = alternation(rules.lists("names/context.yaml")["name_conjunctions"])
        return cls(
            ev=ev,
            # "Ilka and Treasure" after the person; not "Ilka and Treasure Vale Road" (a longer phrase)
            after=re.compile(rf"[ \t]+(?:{joins})[ \t]+({_WORD})(?![\w'’-]|[ \t]+[^\W\d_a-z])"),
            # "Treasure and Ilka" before the person; not "Vale Treasure and Ilka"
            before=re.compile(rf"(?<![\w'’-])({_WORD})[ \t]+(?:{joins})[ \t]+$"),
            # "Ilka, Treasure and Quill": a list's member after the person, where the list goes on after it
            after_comma=re.compile(
                rf"[ \t]*,[ \t]*({_WORD})(?=[ \t]*,[ \t]*{_WORD}|[ \t]+(?:{joins})[ \t]+{_WORD})(?![\w'’-])"
            ),
            # "Ilka, Treasure and Quill": a list's member before the person, where the list goes on after the person
            before_comma=re.compile(rf"(?<![\w'’-])({_WORD})[ \t]*,[ \t]*$"),
            goes_on=re.compile(rf"[ \t]*,[ \t]*{_WORD}|[ \t]+(?:{joins})[ \t]+{_WORD}"),
            kin_terms=rules.words("lexicons/kin_terms.txt", lower=True),
            towns=ev.towns | rules.words("lexicons/towns_world.txt", lower=True),
        )

    def find(self, text: str, people: list[Span], taken: list[Span]) -> list[Span]:
        out: list[Span] = []
        #: the people to join from: those found otherwise, then each joined one in turn ("Zerrin, Ilka and Quill":
        #: Ilka joined to Quill, Zerrin to Ilka)
        queue = [p for p in people if p.label == PERSON]
        seen = {(p.start, p.end) for p in queue}
        while queue:
            person = queue.pop()
            found: list[tuple[int, int]] = []
            m = self.after.match(text, person.end)
            if m is not None and self._name(m.group(1)):
                found.append(m.span(1))
            m = self.before.search(text, max(0, person.start - 40), person.start)
            if m is not None and self._name(m.group(1)) and not _capitalised_before(text, m.start(1)):
                found.append(m.span(1))
            m = self.after_comma.match(text, person.end)
            if m is not None and self._listed(text, m.start(1), m.group(1)):
                found.append(m.span(1))
            m = self.before_comma.search(text, max(0, person.start - 40), person.start)
            if (
                m is not None
                and self.goes_on.match(text, person.end) is not None
                and self._listed(text, m.start(1), m.group(1))
                and not _capitalised_before(text, m.start(1))
            ):
                found.append(m.span(1))
            for start, end in found:
                # another reading of the word alone ("Treasure Vale" a place) wins; one over both names ("Ilka
                # and Treasure" read as an organisation) is no other reading of it
                others = [t for t in [*people, *taken] if not (t.start <= person.start and person.end <= t.end)]
                if not any(t.start < end and start < t.end for t in others) and (start, end) not in seen:
                    joined = Span(start, end, PERSON, score=person.score, detector=person.detector)
                    out.append(joined)
                    seen.add((start, end))
                    queue.append(joined)
        return out

    def _listed(self, text: str, start: int, word: str) -> bool:
        """A member of a list joined by commas: a name as one joined by "and" is, and, unless a listed first name,
        not the first word of a sentence or a line ("Yesterday, Ilka and Quill"; "Oxfam, Ilka and Quill")."""
        if not self._name(word):
            return False
        return self.ev.lex.is_first_name(word) or _SENTENCE_START.search(text, 0, start) is None

    def _name(self, word: str) -> bool:
        ev, lex = self.ev, self.ev.lex
        low = word.lower()
        if len(word) < 2 or not word[1:].islower() or not lex.name_shaped(word):
            return False  # "I", "ILKA", "McX" in capitals: no reading as a name here
        if low in lex.titles or low in ev.relatives or low in self.kin_terms or ev.function_word(word):
            return False
        if low in ev.calendar or low in ev.peoples or lex.is_term(low) or low in lex.place_heads:
            return False
        if low in self.towns and not lex.is_name(word):
            return False
        return lex.is_first_name(word) or not ev.common_word(word)


def _capitalised_before(text: str, start: int) -> bool:
    """Whether a capitalised word stands right before ``start`` (in any script: "Çelik", not "çocukları")."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1)[0].isupper()
