"""A name given with a phone number to reach that person (issue 13): "Questions: Ilarion +44 7700 900123",
"falar com Quiteria - 080-0000-0000", "liên hệ: anh Quorvel 0905 000 000".

Notices, appeals and chat messages in any language give whom to ring as a bare first name before the
number. A capitalised word (one or two, maybe after a title or a kinship word) counts as a person where it
stands right before a phone number the contact recognizers found, maybe after a dash or a comma (after a
colon the words are a form's label), and a
contact frame comes right before it: a line's start, a label's colon, or a word asking to get in touch
(``contact_before`` in rules/names/context.yaml: "call", "ring", "falar com", "liên hệ"). The words must be no
everyday English word (unless a listed first name), no calendar word, town, people or language, no
messaging app or phone label (``not_before_phone``: "WhatsApp", "Tel", "Freephone"), and not read by NER or the
other recognizers as a place or an organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from qualdeid.corpus.model import Span
from qualdeid.detect.names.evidence import NameEvidence
from qualdeid.labels import CONTACT, LOCATION, ORGANIZATION
from qualdeid.rules import Rules, alternation

#: a capitalised word of letters: "Ilarion", "Quorvel", "Hiltrud-Ann", "O'Dea"
_WORD = r"(?:(?![a-zà-ÿ])[^\W\d_])[^\W\d_]*(?:['’-][^\W\d_]+)*"
#: a phone number opens with a digit, a plus or a bracket
_PHONE_START = re.compile(r"[+(\d]")
#: NER's readings that make the words a place or an organisation
_NOT_PERSON = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})


@dataclass(frozen=True)
class ContactNames:
    ev: NameEvidence
    name_before: re.Pattern[str]
    not_names: frozenset[str]

    @classmethod
    def read(cls, rules: Rules, ev: NameEvidence) -> ContactNames:
        context = rules.lists("names/context.yaml")
        titles = alternation(frozenset(ev.lex.titles) | rules.words("lexicons/kin_terms.txt", lower=True))
        frames = context.pattern("contact_before")
        return cls(
            ev=ev,
            # the frame, maybe a title or a kinship word, the name's one or two words, then what separates the
            # number, up to the end of the text searched (the number's start); never a colon, which makes the
            # words a form's label ("Personnummer: 120620 00000")
            name_before=re.compile(
                rf"(?:^|[:(]|(?<![\w'’-])(?i:{frames}))[ \t]*(?P<title>(?i:{titles})\.?[ \t]+)?"
                rf"(?P<name>{_WORD}(?:[ \t]+{_WORD})?)[ \t]*(?:[,–—-][ \t]*)?$",
                re.MULTILINE,
            ),
            not_names=context["not_before_phone"],
        )

    def find(self, text: str, spans: list[Span], sdoc: Any) -> Iterator[tuple[int, int, list[str]]]:
        """(start, end, words) of each name right before a phone number in a contact frame, with its title."""
        others = [s for s in spans if s.label in (LOCATION, ORGANIZATION) and s.detector != "SpacyRecognizer"]
        for phone in spans:
            if phone.label != CONTACT or not _PHONE_START.match(text, phone.start):
                continue
            line = text.rfind("\n", 0, phone.start) + 1
            m = self.name_before.search(text, max(line, phone.start - 60), phone.start)
            if m is None:
                continue
            start, end = m.span("name")
            words = m.group("name").split()
            if not all(self._name(w) for w in words):
                continue
            if m.group("title") is not None:
                start = m.start("title")  # "anh Quorvel": the title is part of the name's span
            if any(o.start < end and start < o.end for o in others):
                continue
            ent = sdoc.char_span(start, end, alignment_mode="expand") if sdoc is not None else None
            if ent is not None and any(t.ent_type_ in _NOT_PERSON for t in ent):
                continue
            yield start, end, words

    def _name(self, word: str) -> bool:
        ev, lex = self.ev, self.ev.lex
        low = word.lower()
        if len(word) < 2 or word.isupper() or not lex.name_shaped(word) or low in self.not_names:
            return False
        if low in lex.titles or low in ev.relatives or ev.function_word(word) or ev.calendar_only(word):
            return False
        if low in ev.peoples or low in ev.towns or lex.is_term(low) or low in lex.place_heads:
            return False
        return lex.is_first_name(word) or not ev.common_word(word)
