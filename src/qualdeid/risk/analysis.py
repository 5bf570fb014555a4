"""What the risk checks need from a text: its words (for verbatim runs) and its content lemmas."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from wordfreq import zipf_frequency

from qualdeid.risk.identifiers import plain

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
#: tags before a noun that make it a word, not a name ("the", "her", "last", "two")
_WORD_USE_BEFORE = frozenset({"DT", "PDT", "PRP$", "WP$", "JJ", "JJR", "JJS", "CD", "POS"})


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str  # lowercase
    pos: str
    sentence: int
    content: bool
    #: could be a name where it stands: a bare noun, not modified ("the", "her", "last") nor modifying
    name_slot: bool = False


@dataclass
class Analysed:
    id: str
    text: str
    words: list[tuple[int, int, str]] = field(default_factory=list)  # lowercase words with offsets
    tokens: list[Token] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    # Lemmas depend on context ("fireworks" is sometimes left as it is), so the sets hold the
    # lowercase surface forms too, and a text's word matches a source by either.

    def content_lemmas(self) -> set[str]:
        return {w for t in self.tokens if t.content for w in (t.lemma, t.text.lower())}

    def lemma_set(self) -> set[str]:
        return {w for t in self.tokens for w in (t.lemma, t.text.lower())}

    def content_bigrams(self) -> set[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        content = [t for t in self.tokens if t.content]
        for a, b in itertools.pairwise(content):
            if a.sentence == b.sentence:
                out.add((a.lemma, b.lemma))
                out.add((a.text.lower(), b.text.lower()))
        return out

    def line_col(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col


def words_of(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(plain(text))]


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def analyse(nlp: Language, items: Sequence[tuple[str, str]]) -> list[Analysed]:
    """``items`` are (id, text) pairs. Uses the pipeline's tagger and lemmatizer (not its NER)."""
    disable = [p for p in ("ner",) if p in nlp.pipe_names]
    out = []
    texts: Iterable[str] = (plain(t) for _, t in items)
    for (doc_id, text), sdoc in zip(items, nlp.pipe(texts, disable=disable), strict=True):
        a = Analysed(doc_id, text, words_of(text))
        sents = list(sdoc.sents) if sdoc.has_annotation("SENT_START") else [sdoc[:]]
        for si, sent in enumerate(sents):
            a.sentences.append((sent.start_char, sent.end_char))
            for tok in sent:
                if tok.is_space or tok.is_punct:
                    continue
                lemma = (tok.lemma_ or tok.text).lower()
                content = tok.pos_ in CONTENT_POS and not tok.is_stop and tok.is_alpha
                a.tokens.append(
                    Token(tok.idx, tok.idx + len(tok), tok.text, lemma, tok.pos_, si, content, _name_slot(sent, tok))
                )
        out.append(a)
    return out


def _name_slot(sent, tok) -> bool:
    """A bare noun: no determiner, possessive, adjective or number before it, no noun after it.
    (Tags, not the parse: the detection pipeline runs without spaCy's parser.)"""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    i = tok.i - sent.start
    before = sent[i - 1] if i > 0 else None
    after = sent[i + 1] if i + 1 < len(sent) else None
    if before is not None and before.tag_ in _WORD_USE_BEFORE:
        return False
    return not (after is not None and after.pos_ in ("NOUN", "PROPN") and not after.text[:1].isupper())
