"""Given names in a document its writer types in lower case (issue 13): a rare word that no name list
holds, written only in lower case, standing in a person's place twice or more ("took bo and kestrin to the
pool ... kestrin was quick ... sat with kestrin after"), is a person of that document.

``NameEvidence.lowercase_name`` takes a lower-case word that no list holds only where it speaks and is very
rare, since most lower-case words of ordinary text are words. A writer who types everything in lower case
writes every name so: there a word that English's dictionary lacks and that is still rarer than an everyday
word, found twice in a person's place (after "with", "told", "met"; before "said", "was", "went" or a
possessive), is the person, and the name's other uses follow from the corpus pass. A document counts as
written in lower case where most of its sentences open in lower case.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.attrs import SENT_START

from qualdeid.detect.names.evidence import RARE_WORD_ZIPF, NameEvidence
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.tokens import token_table

#: sentences that must open in lower case for the document to count as written in lower case (a share), and the
#: fewest sentences a judgement needs
LOWER_SENTENCE_SHARE = 0.6
MIN_SENTENCES = 5
#: the uses in a person's place that make the word a person
MIN_PERSON_PLACES = 2
#: words after a name that also follow a thing often: no person's place on their own here
WEAK_RIGHT = frozenset({"and", "who", "will", "would", "is", "could", "does", "did", "had", "has", "got", "gets"})


class LowercaseWriterNames:
    """The lower-case given names of a document written in lower case."""

    def __init__(self, ev: NameEvidence) -> None:
        self.ev = ev

    def find(self, sdoc: Any) -> set[str]:
        """The rare words (as written, in lower case) the document uses twice or more in a person's place."""
        table = token_table(sdoc)  # the tokens as plain lists: no spaCy Token is made per token
        texts, alpha, lowers = table.texts, table.alpha, table.lowers
        sent_starts = sdoc.to_array([SENT_START]).tolist() if len(sdoc) else []
        starts = [texts[i] for i, first in enumerate(sent_starts) if first == 1 and alpha[i]]
        if len(starts) < MIN_SENTENCES or sum(t.islower() for t in starts) < LOWER_SENTENCE_SHARE * len(starts):
            return set()
        written = {w for w, a in zip(texts, alpha, strict=True) if a}
        places: Counter[str] = Counter()
        for i, word in enumerate(texts):
            if len(word) < 3 or not (word.isalpha() and word.islower()) or word.capitalize() in written:
                continue
            if not self._rare_word(word):
                continue
            prev = lowers[i - 1] if i > 0 else ""
            nxt = lowers[i + 1] if i + 1 < len(texts) else ""
            if (
                prev in self.ev.person_left
                or (nxt in self.ev.right_context and nxt not in WEAK_RIGHT)
                or nxt in ("'s", "’s")
            ):
                places[word] += 1
        return {w for w, n in places.items() if n >= MIN_PERSON_PLACES}

    def _rare_word(self, word: str) -> bool:
        ev = self.ev
        return (
            zipf(word) < RARE_WORD_ZIPF
            and word not in ev.dictionary
            and word not in ev.relatives
            and word not in ev.calendar
            and word not in ev.towns
            and word not in ev.text_speak
            and not ev.function_word(word)
            and not ev.lex.is_term(word)
            and word not in ev.lex.place_heads
        )
