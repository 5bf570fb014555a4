"""One sentence of a text that says what one sentence of a person's accounts says, in other words.

A paraphrase that generalises each detail of a story ("a boat" for their "ferry", "struck by a train at a
station in her late teens" for "hit by a train at <station> when she was seventeen") keeps few words that
are rare on their own, but keeps several of the words of one sentence of the accounts together. Each
sentence of the corpus is a set of word classes (content lemmas read through the synonym table); a word
of the text matches a word of a sentence when they are the same class, or, at ``related_weight``, when
one is related in meaning to the other (``rules/risk/related.txt``, both ways: narrower and broader). A
shared word weighs by how few sentences of the corpus hold it (inverse sentence frequency), so the
service's everyday wording ("group", "tea", "today") weighs little.

The score of a sentence pair is the weight of the words they share. Whether a score is more than
chance is decided on the corpus itself: every sentence of the corpus is scored against the sentences
of the documents that are not about the same people (their best match), and the threshold is the
``quantile`` of those best scores. Because it compares one sentence with one sentence, it does not
depend on how many accounts a person has: a person with one short account is found as readily as one
with twenty.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.risk.analysis import Analysed, Token
from qualdeid.risk.biography import LifeFrames
from qualdeid.risk.corpus import CorpusProfile, Trace, inside
from qualdeid.risk.lexicon import Related

#: parts of speech of the words that carry what a sentence tells (things, people, places and their
#: qualities): two sentences that share only verbs ("missed", "fixing") tell different things
THINGS = frozenset({"NOUN", "PROPN", "ADJ"})

#: a time span's unit in years: "four decades" and "forty years" say one span
DURATION_UNITS = {"year": 1, "decade": 10, "century": 100}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_NUMBERS = {**_UNITS, **_TEENS, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, **_TENS}
_NUMBERS |= {"ninety": 90, "hundred": 100}
#: the shortest span that is told as a detail of a life: "two years" is everyone's
MIN_DURATION_YEARS = 10


def number_value(word: str) -> int | None:
    """The value of a number written in figures or as one English word ("40", "forty")."""
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    return _NUMBERS.get(w)


def durations(tokens: Sequence[Token]) -> dict[str, Token]:
    """Word classes for the time spans of one sentence's tokens, in years ("duration:40y" for "four
    decades" and for "forty years"), each with the number's token. Numbers are otherwise left out of
    sentence matching, so a span said in other units would match nothing; spans shorter than
    ``MIN_DURATION_YEARS`` are left out (ordinary)."""
    out: dict[str, Token] = {}
    for t, nxt in pairwise(tokens):
        unit = DURATION_UNITS.get(nxt.lemma)
        if unit is None or t.pos != "NUM":
            continue
        n = number_value(t.text)
        if n is None or n * unit < MIN_DURATION_YEARS:
            continue
        out.setdefault(f"duration:{n * unit}y", t)
    return out


@dataclass
class SentenceMatch:
    """The best match of one sentence of the text with sentences of one person's accounts."""

    person: str
    score: float
    threshold: float
    tokens: list[Token] = field(default_factory=list)  # the text's words the two sentences share
    document: str = ""  # the document of their sentence
    life: bool = False  # their sentence tells their past
    sentence: int = -1  # the index of the text's sentence


class SentenceIndex:
    """Sentences of the corpus as word classes, with the chance level of a sentence-to-sentence match."""

    def __init__(
        self,
        profile: CorpusProfile,
        doc_people: dict[str, set[str]],
        *,
        max_zipf: float = 5.5,
        related: Related | None = None,
        related_weight: float = 0.5,
        quantile: float = 0.9,
        near_best: float = 0.0,
        max_queries: int = 2000,
        min_words: int = 3,
        frames: LifeFrames | None = None,
    ) -> None:
        self.profile, self.max_zipf = profile, max_zipf
        self.related = related or Related()
        self.related_weight, self.quantile, self.min_words = related_weight, quantile, min_words
        #: the sentences that match a sentence of the text "that well" score at least this share of its best
        #: match: a retelling that matches one sentence far better than the wording other lives share
        self.near_best = near_best
        self.doc_people, self.max_queries = doc_people, max_queries
        #: nouns for the people a sentence names ("mother", "parent", "woman"): everyone has them
        self.person_nouns = frames.person_nouns if frames is not None else frozenset()
        #: (document, owners, classes) of every sentence of the corpus
        self.sentences: list[tuple[str, set[str], frozenset[str]]] = []
        self.by_class: dict[str, list[int]] = defaultdict(list)
        #: the sentences (indices of ``sentences``) that tell one person's past
        self.life: set[int] = set()
        for doc_id, a in profile.analysed.items():
            life = frames.sentences(a) if frames is not None else set()
            owned = profile.sentence_owners.get(doc_id, [])
            by_sentence: dict[int, list[Token]] = defaultdict(list)
            for t in a.tokens:
                by_sentence[t.sentence].append(t)
            for si in range(len(a.sentences)):
                toks = by_sentence.get(si, [])
                classes = frozenset(c for t in toks if (c := self.word_class(t))) | frozenset(durations(toks))
                owners = owned[si][1] if si < len(owned) else set()
                if si in life:
                    self.life.add(len(self.sentences))
                for c in classes:
                    self.by_class[c].append(len(self.sentences))
                self.sentences.append((doc_id, set(owners), classes))
        #: a word -> the corpus's word classes whose related words hold it (the other way round)
        self.broader_of: dict[str, set[str]] = defaultdict(set)
        for c in self.by_class:
            for r in self.related.of(c):
                self.broader_of[self.profile.synonyms.of(r)].add(c)
        n = max(1, len(self.sentences))
        df = Counter({c: len(ids) for c, ids in self.by_class.items()})
        self.weights = {c: math.log(n / df[c]) for c in df}
        self.threshold = self._calibrate()

    def word_class(self, t: Token) -> str:
        if not t.content or t.pos == "NUM":
            return ""
        # a variant of several words ("came back" for "return") is as common as its class, not as its verb
        phrase = bool(t.norm) and t.norm_end > t.end
        z = zipf(t.norm) if phrase else max(zipf(t.lemma), zipf(t.form or t.text.lower()))
        return "" if z >= self.max_zipf else t.norm or t.lemma

    def _near(self, cls: str, word: Token | None = None) -> set[str]:
        """The corpus's word classes related in meaning to a word (either way round)."""
        words = {cls} | ({word.lemma, word.form} if word is not None else set())
        out = {self.profile.synonyms.of(r) for w in words for r in self.related.of(w)}
        out |= {c for w in words for c in self.broader_of.get(w, ())}
        return {c for c in out if c in self.by_class and c != cls}

    def _score(self, query: dict[str, Token | None], exclude: set[str] | None = None) -> dict[int, dict[str, float]]:
        """Per corpus sentence, the query's classes it shares (exactly or through a related word) and
        their weights."""
        shared: dict[int, dict[str, float]] = defaultdict(dict)
        for cls, tok in query.items():
            for j in self.by_class.get(cls, ()):
                if exclude is None or self.sentences[j][0] not in exclude:
                    shared[j][cls] = self.weights[cls]
            for near in self._near(cls, tok):
                w = self.related_weight * min(self.weights[near], self.weights.get(cls, self.weights[near]))
                for j in self.by_class[near]:
                    if (exclude is None or self.sentences[j][0] not in exclude) and shared[j].get(cls, 0.0) < w:
                        shared[j][cls] = w
        return shared

    def _calibrate(self) -> float:
        """The ``quantile`` of the best score each corpus sentence reaches against the sentences of the
        documents about other people."""
        best: list[float] = []
        about: dict[str, set[str]] = defaultdict(set)
        for doc_id, people in self.doc_people.items():
            for p in people:
                about[p].add(doc_id)
        queries = [(d, classes) for d, _, classes in self.sentences if len(classes) >= self.min_words]
        if len(queries) > self.max_queries:  # thinned evenly: a large corpus needs no more to know chance
            step = len(queries) / self.max_queries
            queries = [queries[int(i * step)] for i in range(self.max_queries)]
        for doc_id, classes in queries:
            related_docs = {d for p in self.doc_people.get(doc_id, ()) for d in about[p]} | {doc_id}
            shared = self._score(dict.fromkeys(classes), related_docs)
            scores = [sum(ws.values()) for ws in shared.values() if len(ws) >= self.min_words]
            best.append(max(scores, default=0.0))
        best.sort()
        self.null_scores = best
        if not best:
            return math.inf
        i = min(len(best) - 1, max(0, math.ceil(self.quantile * len(best)) - 1))
        return best[i]

    def things(self, tokens: Iterable[Token]) -> int:
        """How many of the tokens name things, places or qualities, or people by what sets them apart:
        not verbs ("missed", "fixing"), and not the people every life has ("her mother and father",
        "a woman": ``person_nouns`` of ``rules/risk/life.yaml``). Two sentences that share "mother",
        "parents" and a verb tell two different lives."""
        return sum(
            1
            for t in tokens
            if t.pos in THINGS and t.lemma not in self.person_nouns and (t.norm or t.lemma) not in self.person_nouns
        )

    def people_k(self, sentences: Iterable[int], among: frozenset[str] | None = None) -> int:
        """The fewest people (of ``among``, when given) the given corpus ``sentences`` are about: several
        sentences about one person in several of their accounts are one person, whoever else each names."""
        by_doc: dict[str, set[str]] = defaultdict(set)
        for j in sentences:
            doc_id, owners, _ = self.sentences[j]
            by_doc[doc_id] |= owners if among is None else owners & among
        return Trace.of(by_doc).k

    def match(
        self,
        a: Analysed,
        skip: Sequence[tuple[int, int]] = (),
        k: int = 3,
        among: frozenset[str] | None = None,
    ) -> list[SentenceMatch]:
        """Per person, the best match above the threshold of a sentence of the text with a sentence of
        their accounts, when the sentences that match it above the threshold are about fewer than ``k``
        people (a sentence many people's accounts could have said names no one; several accounts of
        one person are one person). With ``among`` (the writers of the corpus, for a text that tells a
        writer's past), only those people's sentences count: what residents' accounts also say can
        still be one worker's own story among their colleagues."""
        out: dict[str, SentenceMatch] = {}
        by_sentence: dict[int, list[Token]] = defaultdict(list)
        for t in a.tokens:
            if not inside(t.start, t.end, skip):
                by_sentence[t.sentence].append(t)
        for si, tokens in by_sentence.items():
            query: dict[str, Token | None] = {}
            for t in tokens:
                c = self.word_class(t)
                if c and c not in query:
                    query[c] = t
            for c, t in durations(tokens).items():
                query.setdefault(c, t)
            if len(query) < self.min_words:
                continue
            threshold = self.threshold
            above = [
                (sum(ws.values()), j, ws)
                for j, ws in self._score(query).items()
                if len(ws) >= self.min_words
                and self.things(t for c in ws if (t := query[c]) is not None) >= 2
                and sum(ws.values()) >= threshold
                and (among is None or self.sentences[j][1] & among)
            ]
            if above:
                best = max(score for score, _, _ in above)
                above = [x for x in above if x[0] >= self.near_best * best]
            if not above or self.people_k((j for _, j, _ in above), among) >= k:
                continue
            for score, j, ws in sorted(above, key=lambda x: -x[0]):
                doc_id, owners, _ = self.sentences[j]
                for p in owners if among is None else owners & among:
                    if p not in out or out[p].score < score:
                        toks = sorted((query[c] for c in ws if query[c] is not None), key=lambda t: t.start)
                        out[p] = SentenceMatch(p, score, threshold, toks, doc_id, j in self.life, si)
        return sorted(out.values(), key=lambda m: (-m.score, m.person))
