"""How closely a text's words match one person's accounts, against what chance gives on this corpus.

Each person's accounts (the sentences the corpus profile attributes to them) form one bag of word
classes: content lemmas read through the synonym table, so "mum" and "mother" are one. A text is
scored against every person with BM25: a word counts by how few people's accounts hold it (inverse
document frequency, people as documents) and by how uncommon it is in general English (wordfreq),
so a paraphrase that keeps a person's distinctive words in other forms still scores high, and a
passage made of words everyone uses does not. A person's accounts also hold, at ``related_weight`` of
the weight, the words related in meaning to theirs (``rules/risk/related.txt``, from WordNet: "pianist"
for their "piano", "jewellery" for their "earrings"), so a paraphrase in other words still points at them,
and a sentence that uses two or more words of the definition of a word their accounts hold
(``rules/risk/definitions.txt``: "horse" and "shoe" for "farrier") names that word.

Raw scores are not comparable across people (a worker with twenty diaries shares words with
anything), so each is calibrated on the corpus itself: windows of the corpus's own documents, as
long as the checked text, are scored against every person the document is not about. Those windows
are the null — text that does *not* come from that person — and give each person's mean and spread
(a z-score). The text points at a person when its z-score exceeds the ``quantile`` of the largest
z-score each window reaches over all the people it could be scored against (leave-one-person-out:
the same maximum over people that the checked text gets), so a generic passage stays quiet however
many people there are.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.risk.analysis import Analysed, Token
from qualdeid.risk.corpus import LINKABLE_ROLES, CorpusProfile, Trace, inside
from qualdeid.risk.lexicon import Definitions, Related

K1, B = 1.2, 0.75


@dataclass
class Match:
    """The text's similarity to one person's accounts."""

    person: str
    score: float
    z: float
    threshold: float
    tokens: list[Token] = field(default_factory=list)  # the text's words their accounts hold, heaviest first
    #: the ``strong_quantile`` of the same null: text from other people's accounts seldom gets this close
    strong: float = math.inf

    @property
    def linked(self) -> bool:
        return self.z >= self.threshold


@dataclass
class _Null:
    mean: dict[str, float]
    sd: dict[str, float]
    threshold: float
    windows: int
    strong: float = math.inf


class AccountIndex:
    """BM25 over word classes with people as documents, and its calibration on the corpus."""

    def __init__(
        self,
        profile: CorpusProfile,
        *,
        max_zipf: float = 5.5,
        base_zipf: float = 5.5,
        max_weight: float = 2.0,
        quantile: float = 0.25,
        strong_quantile: float = 0.95,
        margin: float = 0.0,
        max_windows: int = 400,
        related: Related | None = None,
        related_weight: float = 0.5,
        definitions: Definitions | None = None,
        min_defining: int = 2,
    ) -> None:
        self.profile, self.max_zipf, self.base_zipf, self.max_weight = profile, max_zipf, base_zipf, max_weight
        self.quantile, self.margin, self.max_windows = quantile, margin, max_windows
        self.strong_quantile = strong_quantile
        self.related = related or Related()
        self.min_defining = min_defining
        bags: dict[str, Counter[str]] = defaultdict(Counter)
        #: per person, the word classes related in meaning to those of their accounts (and not in them)
        related_bags: dict[str, Counter[str]] = defaultdict(Counter)
        #: a word class their accounts hold only through a related word -> document -> its people
        self.related_docs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        doc_related: dict[str, set[str]] = defaultdict(set)
        #: a word class the accounts hold only through related words -> those words of the accounts
        self.related_from: dict[str, set[str]] = defaultdict(set)
        #: per document, its sentences as the word classes they hold (for the null windows)
        self.doc_sentences: dict[str, list[list[str]]] = {}
        #: per document, everyone it is about or by: never scored against its own windows
        self.doc_people: dict[str, set[str]] = defaultdict(set)
        for doc_id, a in profile.analysed.items():
            owned = profile.sentence_owners.get(doc_id, [])
            by_sentence = _by_sentence(a)
            sentences = []
            for si in range(len(a.sentences)):
                classes = [self._class(t) for t in by_sentence.get(si, ())]
                classes = [c for c in classes if c]
                owners = owned[si][1] if si < len(owned) else set()
                near = {c: ws for c, ws in self._related(by_sentence.get(si, ())).items() if c not in classes}
                doc_related[doc_id] |= set(near)
                for c, ws in near.items():
                    self.related_from[c] |= ws
                    self.related_docs[c][doc_id] |= owners
                for p in owners:
                    bags[p].update(classes)
                    related_bags[p].update(near.keys())
                self.doc_people[doc_id] |= owners
                sentences.append(classes)
            self.doc_sentences[doc_id] = sentences
            narrator = profile.people.narrator_of(doc_id)
            if narrator:
                self.doc_people[doc_id].add(narrator)
            self.doc_people[doc_id] |= set(profile.people.subjects_of(doc_id))
        #: a word of a definition -> the word classes of the accounts it defines
        self.defining: dict[str, set[str]] = defaultdict(set)
        for c in {c for bag in bags.values() for c in bag}:
            for w in (definitions or Definitions()).of(c):
                self.defining[w].add(c)
        for doc_id, a in profile.analysed.items():  # the null windows describe things too
            for si, tokens in _by_sentence(a).items():
                if si < len(self.doc_sentences[doc_id]):
                    self.doc_sentences[doc_id][si] += list(self._described(tokens))
        self.people = sorted(p for p in bags if p in profile.sources and profile.sources[p].role in LINKABLE_ROLES)
        n = len(self.people)
        lengths = {p: sum(bags[p].values()) for p in self.people}
        avg = sum(lengths.values()) / n if n else 1.0
        # Rarity within the corpus is counted in documents, not people: attributing sentences to people
        # is uncertain, and a word many diaries use ("peer", "discharge") is the corpus's common wording
        # whoever it is attributed to.
        # A word that related words bring into many documents ("musician" beside every instrument) is
        # common there too.
        df: Counter[str] = Counter(
            c for doc_id, sentences in self.doc_sentences.items() for c in set().union(*sentences) | doc_related[doc_id]
        )
        n = len(self.doc_sentences)
        #: word class -> [(person, the class's weight for them)]
        self.postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for p in self.people:
            norm = K1 * (1 - B + B * lengths[p] / avg) if avg else K1
            weights: dict[str, float] = {}
            for bag, factor in ((related_bags[p], related_weight), (bags[p], 1.0)):
                for c, tf in bag.items():
                    idf = math.log(1 + (n - df[c] + 0.5) / (df[c] + 0.5))
                    weights[c] = factor * idf * self.rarity(c) * tf * (K1 + 1) / (tf + norm)
            for c, w in weights.items():
                self.postings[c].append((p, w))
        self._nulls: dict[int, _Null] = {}

    def rarity(self, word: str) -> float:
        """How uncommon a word is in general English: ``base_zipf`` minus its Zipf, at most ``max_weight``."""
        return min(self.max_weight, max(0.0, self.base_zipf - zipf(word)))

    def _class(self, t: Token) -> str:
        if not t.content or max(zipf(t.lemma), zipf(t.form or t.text.lower())) >= self.max_zipf:
            return ""
        return t.norm or t.lemma

    def _related(self, tokens: Iterable[Token]) -> dict[str, set[str]]:
        """The word classes related in meaning to the tokens' words (as uncommon as a class may be),
        each with the tokens' words it is related to."""
        out: dict[str, set[str]] = defaultdict(set)
        for t in tokens:
            if not t.content:
                continue
            for w in self.related.of(t.lemma) | self.related.of(t.form):
                c = self.profile.synonyms.of(w)
                if zipf(c) < self.max_zipf:
                    out[c].add(t.lemma)
        return out

    def _described(self, tokens: Iterable[Token], min_defining: int = 0) -> dict[str, Token]:
        """The accounts' word classes that one sentence (its ``tokens``) describes without naming:
        ``min_defining`` words of the definition (the index's own when 0), each with the first of the
        sentence's words that defines it."""
        min_defining = min_defining or self.min_defining
        tokens = [t for t in tokens if t.content]
        named = {self._class(t) for t in tokens}
        hits: dict[str, dict[str, Token]] = defaultdict(dict)
        for t in tokens:
            for w in {t.lemma, t.form}:
                for c in self.defining.get(w, ()):
                    hits[c].setdefault(w, t)
        out = {}
        for c, words in hits.items():
            if len(words) >= min_defining and c not in named:
                first = min(words.values(), key=lambda t: t.start)
                out[c] = replace(first, lemma=c, norm=c, form=c)
        return out

    def described(self, a: Analysed, skip: Sequence[tuple[int, int]] = (), min_defining: int = 0) -> dict[str, Token]:
        """The accounts' word classes the text describes without naming, sentence by sentence (with
        ``min_defining`` words of their definition, the index's own when 0): each stands at the first
        word that defines it (a token whose lemma is the class)."""
        out: dict[str, Token] = {}
        for tokens in _by_sentence(a).values():
            kept = [t for t in tokens if not inside(t.start, t.end, skip)]
            for c, t in self._described(kept, min_defining).items():
                out.setdefault(c, t)
        return out

    def accounts_words(self, t: Token) -> set[str]:
        """The accounts' own words for the token: its lemma when they hold its word class, otherwise
        their words that are related to it."""
        c = self._class(t)
        if not c or self.profile.class_trace(c).k:
            return {t.lemma}
        return set(self.related_from.get(c, ()))

    def holds(self, t: Token) -> bool:
        """Whether the corpus's accounts hold the token's own word class (not only words related to it)."""
        return bool(self.profile.class_trace(self._class(t)).k)

    def trace(self, cls: str) -> Trace:
        """Whose accounts hold a word class: by the word itself where the corpus has it, otherwise
        through the words related to it."""
        found = self.profile.class_trace(cls)
        if found.k or cls not in self.related_docs:
            return found
        return Trace.of(self.related_docs[cls], self.profile.config.sources)

    def scores(self, classes: Iterable[str]) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for c in set(classes):
            for p, w in self.postings.get(c, ()):
                out[p] += w
        return out

    def specific(self, tokens: Iterable[Token], k: int) -> list[Token]:
        """The tokens whose word class the accounts of fewer than ``k`` people hold."""
        return [t for t in tokens if 0 < self.trace(self._class(t)).k < k]

    def specific_among(self, tokens: Iterable[Token], k: int, people: frozenset[str]) -> list[Token]:
        """The tokens whose word class the accounts of fewer than ``k`` of ``people`` hold (the writers
        of the corpus, for a text that tells a writer's past: what many residents' accounts say can
        still be one worker's own story among their colleagues). A word of half the corpus's documents or
        more is the corpus's everyday wording ("a cup of tea"), whoever wrote it."""
        out = []
        for t in tokens:
            c = self._class(t)
            by_doc = self.profile.class_docs.get(c) or self.related_docs.get(c) or {}
            if 2 * len(by_doc) >= len(self.doc_sentences):
                continue
            among = {d: owners & people for d, owners in by_doc.items() if owners & people}
            if 0 < Trace.of(among, k).k < k:
                out.append(t)
        return out

    # ------------------------------------------------------------------ calibration

    def _windows(self, size: int) -> list[tuple[str, set[str]]]:
        """Runs of consecutive sentences of each document holding ``size`` distinct word classes,
        one starting at every sentence (thinned evenly to ``max_windows``)."""
        out: list[tuple[str, set[str]]] = []
        for doc_id, sentences in self.doc_sentences.items():
            for i in range(len(sentences)):
                window: set[str] = set()
                for s in sentences[i:]:
                    window.update(s)
                    if len(window) >= size:
                        break
                if len(window) >= size:
                    out.append((doc_id, window))
        if len(out) > self.max_windows:
            step = len(out) / self.max_windows
            out = [out[int(i * step)] for i in range(self.max_windows)]
        return out

    def null(self, size: int) -> _Null:
        """Per person, the mean and spread of the scores that text not about them gets; and the
        threshold on the largest z-score, from the same windows."""
        size = max(1, size)
        if size in self._nulls:
            return self._nulls[size]
        windows = self._windows(size)
        per_person: dict[str, list[float]] = defaultdict(list)
        scored = []
        for doc_id, classes in windows:
            s = self.scores(classes)
            others = [p for p in self.people if p not in self.doc_people[doc_id]]
            for p in others:
                per_person[p].append(s.get(p, 0.0))
            scored.append((s, others))
        mean = {p: statistics.fmean(v) for p, v in per_person.items() if v}
        sd = {p: statistics.pstdev(v) for p, v in per_person.items() if len(v) > 1}
        floor = 0.5 * statistics.median(sd.values()) if sd else 1.0
        sd = {p: max(v, floor, 1e-6) for p, v in sd.items()}
        maxima = sorted(
            max(((s.get(p, 0.0) - mean[p]) / sd[p] for p in others if p in sd), default=0.0) for s, others in scored
        )
        threshold = _quantile(maxima, self.quantile) + self.margin if maxima else math.inf
        strong = max(threshold, _quantile(maxima, self.strong_quantile)) if maxima else math.inf
        result = _Null(mean, sd, threshold, len(windows), strong)
        self._nulls[size] = result
        return result

    # ------------------------------------------------------------------ a text

    def match(self, a: Analysed, skip: Sequence[tuple[int, int]] = ()) -> list[Match]:
        """The people the text's words match above chance, strongest first (each with the words that
        carry the score)."""
        tokens: dict[str, list[Token]] = defaultdict(list)
        for t in a.tokens:
            c = self._class(t)
            if c and not inside(t.start, t.end, skip):
                tokens[c].append(t)
        for c, t in self.described(a, skip).items():
            tokens.setdefault(c, [t])
        for c, found in list(tokens.items()):
            # an uncommon compound the accounts lack stands for the words it is made of that they hold
            # ("a hayloft" for their "hay")
            if c not in self.postings:
                for part in self.related.parts(c):
                    pc = self.profile.synonyms.of(part)
                    if pc in self.postings:
                        tokens.setdefault(pc, [replace(found[0], lemma=pc, norm=pc, form=pc)])
        if not tokens:
            return []
        null = self.null(len(tokens))
        out = []
        for p, score in self.scores(tokens).items():
            if p not in null.sd:
                continue
            z = (score - null.mean[p]) / null.sd[p]
            if z < null.threshold:
                continue
            weights = {c: w for c in tokens for q, w in self.postings.get(c, ()) if q == p}
            carried = sorted(weights, key=lambda c: -weights[c])
            out.append(Match(p, score, z, null.threshold, [tokens[c][0] for c in carried], null.strong))
        return sorted(out, key=lambda m: (-(m.z - m.threshold), m.person))


def _by_sentence(a: Analysed) -> dict[int, list[Token]]:
    out: dict[int, list[Token]] = defaultdict(list)
    for t in a.tokens:
        out[t.sentence].append(t)
    return out


def _quantile(values: list[float], q: float) -> float:
    """The ``q`` quantile of sorted ``values`` (nearest rank, upwards)."""
    i = min(len(values) - 1, max(0, math.ceil(q * len(values)) - 1))
    return values[i]
