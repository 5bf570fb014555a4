"""What the risk checks need from a text: its words (for verbatim runs), its content lemmas with their
part of speech and dependency relations, and each lemma's synonym class (``rules/synonyms.txt``)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.language import Language

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.risk.identifiers import plain
from qualdeid.risk.lexicon import Synonyms, fold

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
#: tags before a noun that make it a word, not a name ("the", "her", "last", "two")
_WORD_USE_BEFORE = frozenset({"DT", "PDT", "PRP$", "WP$", "JJ", "JJR", "JJS", "CD", "POS"})
_NEGATIONS = frozenset({"not", "never", "no", "n't", "nor"})
#: a one-syllable stem ending in one vowel and one consonant that doubles before "-ed" and "-ing" ("star",
#: "starred"): such a stem written with one consonant before the ending is the stem with a silent "e"
_DOUBLING_STEM = re.compile(r"[^aeiouy]*[aeiou][bdfgklmnprstvz]")
_VERB_ENDINGS = ("ed", "ing")
_VERB_TAGS = frozenset({"VBD", "VBN", "VBG"})
#: the stem with "e" must be a word at least this common (Zipf) to replace the lemmatizer's stem
_E_STEM_ZIPF = 2.5
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
THIRD_PERSON = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str  # lowercase, folded
    pos: str
    sentence: int
    content: bool
    #: could be a name where it stands: a bare noun, not modified ("the", "her", "last") nor modifying
    name_slot: bool = False
    tag: str = ""
    dep: str = ""
    head: int = -1  # index in ``Analysed.tokens`` of the syntactic head; -1 for a root
    negated: bool = False  # under a negation: "not her lawyer", "never a nurse"
    norm: str = ""  # synonym class of the lemma, or of the several-word variant that starts here
    norm_end: int = 0  # end offset of the words ``norm`` stands for
    form: str = ""  # the word as written, folded (lower case, no diacritics)


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

    def sentence_tokens(self, i: int) -> list[Token]:
        return [t for t in self.tokens if t.sentence == i]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col


def words_of(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(plain(text))]


@contextmanager
def parsing(nlp: Language) -> Iterator[None]:
    """The pipeline with its dependency parser on (detection runs it with the cheaper sentence
    recogniser instead), put back as it was afterwards."""
    switched = "parser" in nlp.component_names and "parser" not in nlp.pipe_names
    senter = switched and "senter" in nlp.pipe_names
    if switched:
        nlp.enable_pipe("parser")
        if senter:
            nlp.disable_pipe("senter")
    try:
        yield
    finally:
        if switched:
            nlp.disable_pipe("parser")
            if senter:
                nlp.enable_pipe("senter")


def analyse(nlp: Language, items: Sequence[tuple[str, str]], synonyms: Synonyms | None = None) -> list[Analysed]:
    """``items`` are (id, text) pairs. Uses the pipeline's tagger, parser and lemmatizer (not its NER)."""
    disable = [p for p in ("ner",) if p in nlp.pipe_names]
    synonyms = synonyms or Synonyms()
    out = []
    texts: Iterable[str] = (plain(t) for _, t in items)
    with parsing(nlp):
        for (doc_id, text), sdoc in zip(items, nlp.pipe(texts, disable=disable), strict=True):
            out.append(_analysed(doc_id, text, sdoc, synonyms))
    return out


def _analysed(doc_id: str, text: str, sdoc, synonyms: Synonyms) -> Analysed:
    a = Analysed(doc_id, text, words_of(text))
    sents = list(sdoc.sents) if sdoc.has_annotation("SENT_START") or sdoc.has_annotation("DEP") else [sdoc[:]]
    kept = [tok for tok in sdoc if not (tok.is_space or tok.is_punct)]
    index = {tok.i: n for n, tok in enumerate(kept)}
    sentence_of = {}
    for si, sent in enumerate(sents):
        a.sentences.append((sent.start_char, sent.end_char))
        for tok in sent:
            sentence_of[tok.i] = si
    forms = [fold(tok.text) for tok in kept]
    lemmas = [verb_lemma(fold(tok.lemma_ or tok.text), form, tok.tag_) for tok, form in zip(kept, forms, strict=True)]
    # a variant listed as written ("inked") is matched on the form when the lemma ("ink") has no group
    norms = [
        synonyms.canonical.get(lemma) or synonyms.canonical.get(form) or lemma
        for lemma, form in zip(lemmas, forms, strict=True)
    ]
    ends = [tok.idx + len(tok) for tok in kept]
    for first, end, canon in synonyms.phrases(lemmas) + synonyms.phrases(forms):
        norms[first], ends[first] = canon, kept[end - 1].idx + len(kept[end - 1])
    for n, tok in enumerate(kept):
        content = tok.pos_ in CONTENT_POS and not tok.is_stop and tok.is_alpha
        head = index.get(tok.head.i, -1) if tok.head.i != tok.i else -1
        a.tokens.append(
            Token(
                tok.idx,
                tok.idx + len(tok),
                tok.text,
                lemmas[n],
                tok.pos_,
                sentence_of.get(tok.i, 0),
                content,
                _name_slot(tok),
                tok.tag_,
                tok.dep_,
                head,
                _negated(tok),
                norms[n],
                ends[n],
                forms[n],
            )
        )
    return a


def verb_lemma(lemma: str, form: str, tag: str) -> str:
    """The lemma of a past or -ing form whose stem lost its silent "e" ("stared", "hoped", "taped"): the
    lemmatizer gives the stem without it ("star", "hop", "tap"), but English doubles the last consonant of
    such a stem before the ending ("starred", "hopped", "tapped"), so a single one means the "e" stem
    ("stare", "hope", "tape") wherever that is a word."""
    if tag not in _VERB_TAGS or not _DOUBLING_STEM.fullmatch(lemma) or form not in {lemma + e for e in _VERB_ENDINGS}:
        return lemma
    return lemma + "e" if zipf(lemma + "e") >= _E_STEM_ZIPF else lemma


def _negated(tok) -> bool:
    """Under a negation: the token, its head or the head's head has a ``neg`` child, or "not"/"no"
    stands right before its phrase ("a peer worker, not her lawyer")."""
    for node in (tok, tok.head, tok.head.head):
        if any(c.dep_ == "neg" for c in node.children):
            return True
    left = tok.left_edge
    before = tok.doc[left.i - 1] if left.i > 0 else None
    return left.lower_ in _NEGATIONS or (before is not None and before.lower_ in _NEGATIONS)


def _name_slot(tok) -> bool:
    """A bare noun: no determiner, possessive, adjective or number before it, no noun after it."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    sent = tok.sent
    i = tok.i - sent.start
    before = sent[i - 1] if i > 0 else None
    after = sent[i + 1] if i + 1 < len(sent) else None
    if before is not None and before.tag_ in _WORD_USE_BEFORE:
        return False
    return not (after is not None and after.pos_ in ("NOUN", "PROPN") and not after.text[:1].isupper())
