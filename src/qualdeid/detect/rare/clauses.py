"""A trained judge of clauses: does this clause tell a recognisable fact of someone's life?

The rule finders see a detail through a rare word in a frame; a fact told in ordinary words ("was a
maths teacher in <town> for nine years", "broke his neck in a scrum") has no such word. This finder
cuts each sentence into clauses by the tagger's parts of speech (the parser is not loaded): at
punctuation, conjunctions, wh-words and after a verb of saying ("told him | I was ..."), a verbless
piece staying with the clause before it. A small network scores every clause from its tokens'
features (those of ``learned.py``: the parse's token vectors, frequency bands, parts of speech,
lexicon flags; their mean and maximum) and a few counts. A clause scoring ``clause_score`` becomes a
detail, cut down to the tokens the token network (``learned.py``'s weights) scores at least
``clause_token_score``: gold details are short phrases, and every word past them costs precision.

Both networks are trained by ``tools/train_rare_clauses.py`` and ``tools/train_rare.py`` on
helper-written gold sets (never the dev corpus) and shipped in ``model/``; ``rules/rare/clauses.yaml``
holds the thresholds and the word lists of the cutting. A clause overlapping another finder's detail
is left to that finder (see ``processor.py``), and the clause's rarest word is checked for
within-corpus rarity like the other finders' words.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from qualdeid.detect.nlp.blas import one_blas_thread
from qualdeid.detect.nlp.tokens import TokenTable, token_table
from qualdeid.detect.rare.context import NAME_ENTITIES, RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.learned import TokenModel, _zipf, read_weights, token_features, weights_path
from qualdeid.detect.rare.lexicon import RareRules

#: where the shipped clause weights are; ``clause_weights: default`` of ``rules/rare/clauses.yaml``
DEFAULT_CLAUSE_WEIGHTS = Path(__file__).parent / "model" / "rare_clauses.npz"
REASON = "a clause like the rare details of the training texts (trained clause judge)"
SUBTYPE = "clause"
_EXTRA = 6  # the counts after the pooled token features (see clause_features)
_EDGE = frozenset({"PUNCT", "CCONJ", "SCONJ", "SPACE"})
_END_EDGE = _EDGE | {"ADP", "DET", "PART"}
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


@dataclass(frozen=True)
class Cutting:
    """The word lists of ``clauses.yaml`` that cut a sentence into clauses."""

    marks: frozenset[str]  # punctuation between clauses
    report_verbs: frozenset[str]  # lemmas of verbs of saying: a clause starts after them
    report_objects: frozenset[str]  # who is told ("told him | ...")
    lead_subjects: frozenset[str]  # a clause's leading pronoun subject, left out of the detail
    openers: frozenset[str]  # words that open a clause whatever their tag ("before", "until")

    @classmethod
    def of(cls, rr: RareRules) -> Cutting:
        return cls(
            rr.words("clause_marks"),
            rr.words("report_verbs"),
            rr.words("report_objects"),
            rr.words("lead_subjects"),
            rr.words("clause_openers"),
        )


def clauses(sdoc: Doc, cut: Cutting) -> list[tuple[int, int]]:
    """The clauses of a document as token ranges, in order, without the punctuation, conjunctions and
    leading pronoun subject around them."""
    table = token_table(sdoc)
    out: list[tuple[int, int]] = []
    for sent in sdoc.sents:
        cuts = [sent.start]
        for i in range(sent.start + 1, sent.end):
            if (
                _after_report(table, i, sent.start, cut)
                or (table.pos[i] == "PUNCT" and table.texts[i] in cut.marks)
                or table.pos[i] in ("SCONJ", "CCONJ", "SPACE")
                or table.lowers[i] in cut.openers
                or table.tags[i] in _WH_TAGS
                or "\n" in table.texts[i]
            ):
                cuts.append(i)
        cuts.append(sent.end)
        pieces: list[tuple[int, int]] = []
        for s, e in itertools.pairwise(cuts):
            while s < e and (table.pos[s] in _EDGE or table.tags[s] in _WH_TAGS or table.lowers[s] in cut.openers):
                s += 1
            while e > s and table.pos[e - 1] in _EDGE:
                e -= 1
            if e <= s:
                continue
            if e - s > 3 and table.lowers[s] in cut.lead_subjects and table.pos[s + 1] in ("VERB", "AUX"):
                s += 1
            # a piece without a verb belongs to the clause before it (a place, a time, an apposition)
            verbless = not any(table.pos[i] in ("VERB", "AUX") for i in range(s, e))
            if pieces and (verbless or e - s < 3) and "\n" not in sdoc[pieces[-1][0] : s].text:
                pieces[-1] = (pieces[-1][0], e)
            else:
                pieces.append((s, e))
        out.extend(pieces)
    return out


def _after_report(table: TokenTable, i: int, sent_start: int, cut: Cutting) -> bool:
    """Token ``i`` opens the clause a verb of saying introduces ("told him | she was ...")."""
    if table.pos[i] not in ("PRON", "PROPN", "DET", "NOUN") or table.lowers[i] in cut.report_objects:
        return False
    j = i - 1
    if j >= sent_start and table.lowers[j] in cut.report_objects:
        j -= 1
    return j >= sent_start and table.pos[j] in ("VERB", "AUX") and table.lemmas[j].lower() in cut.report_verbs


def clause_features(sdoc: Doc, features: np.ndarray, start: int, end: int) -> np.ndarray:
    """A clause's features: the mean and maximum of its tokens' rows of ``token_features`` and the
    counts a mean hides (length, the rarest content word, words under Zipf 4 and 3, a number, the
    share of content words)."""
    x = features[start:end]
    table = token_table(sdoc)
    content = [i for i in range(start, end) if table.alpha[i] and not table.stop[i]]
    zipfs = [_zipf(table.lowers[i]) for i in content] or [7.0]
    extra = np.array(
        [
            np.log(end - start),
            min(zipfs) / 7,
            sum(z < 4 for z in zipfs),
            sum(z < 3 for z in zipfs),
            any(table.num[start:end]),
            len(content) / (end - start),
        ],
        np.float32,
    )
    return np.concatenate([x.mean(axis=0), x.max(axis=0), extra])


@dataclass(frozen=True)
class ClauseModel:
    """The trained clause judge: standardised features, one hidden layer, a logistic output."""

    mean: np.ndarray
    scale: np.ndarray
    hidden_w: np.ndarray
    hidden_b: np.ndarray
    out_w: np.ndarray
    out_b: float

    @classmethod
    def load(cls, path: Path) -> ClauseModel:
        return _load(str(path))

    def scores(self, features: np.ndarray) -> np.ndarray:
        x = (features - self.mean) / self.scale
        hidden = np.maximum(x @ self.hidden_w + self.hidden_b, 0.0)
        return 1.0 / (1.0 + np.exp(-(hidden @ self.out_w + self.out_b)))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            hidden_w=self.hidden_w.astype(np.float32),
            hidden_b=self.hidden_b.astype(np.float32),
            out_w=self.out_w.astype(np.float32),
            out_b=np.float32(self.out_b),
        )


@lru_cache(maxsize=4)
def _load(path: str) -> ClauseModel:
    z = read_weights(
        path,
        ("mean", "scale", "hidden_w", "hidden_b", "out_w", "out_b"),
        rules_file="clauses.yaml",
        what="the clause judge's weights",
        script="train_rare_clauses.py",
        switch="clauses",
    )
    return ClauseModel(**{**z, "out_b": float(z["out_b"])})


def clause_weights_path(value: str) -> Path:
    """The weights file that ``clause_weights:`` of ``rules/rare/clauses.yaml`` names."""
    return DEFAULT_CLAUSE_WEIGHTS if value in ("", "default") else Path(value).expanduser()


class ClauseFinder(RuleFinder):
    """Clauses the trained judge scores as telling a rare fact, cut to the tokens of the fact."""

    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.model = ClauseModel.load(clause_weights_path(rr.clause_weights))
        self.tokens = TokenModel.load(weights_path(rr.learned_weights))
        self.cut = Cutting.of(rr)
        self.threshold = rr.threshold("clause_score")
        self.token_threshold = rr.threshold("clause_token_score")
        self.min_content = int(rr.threshold("clause_min_content"))
        self.min_tokens = int(rr.threshold("clause_min_tokens"))

    def find(self, ctx: RareContext) -> list[Hit]:
        sdoc = ctx.sdoc
        if len(sdoc) == 0:
            return []
        features = token_features(sdoc, ctx.categories, self.tokens.width)
        spans = clauses(sdoc, self.cut)
        if not spans:
            return []
        pooled = np.stack([clause_features(sdoc, features, s, e) for s, e in spans])
        with one_blas_thread():  # products this small only lose time to more threads
            token_scores = self.tokens.scores(features)
            scores = self.model.scores(pooled)
        by_token = np.full(len(sdoc), -1.0, dtype=np.float32)
        for (start, end), score in zip(spans, scores, strict=True):
            by_token[start:end] = score
        ctx.clause_scores = by_token
        table = token_table(sdoc)
        hits = []
        for (start, end), score in zip(spans, scores, strict=True):
            if score < self.threshold:
                continue
            content = [
                i
                for i in range(start, end)
                if sdoc[i].is_alpha and not sdoc[i].is_stop and sdoc[i].ent_type_ not in NAME_ENTITIES
            ]
            if len(content) < self.min_content:
                continue
            inside = [i for i in range(start, end) if token_scores[i] >= self.token_threshold]
            if not inside:
                continue
            s, e = inside[0], inside[-1] + 1
            while s < e and table.pos[s] in _EDGE:
                s += 1
            while e > s and table.pos[e - 1] in _END_EDGE:
                e -= 1
            kept = [i for i in content if s <= i < e]
            if e - s < self.min_tokens or not kept:
                continue
            # the rarest word is the one the corpus is asked about: a fact many documents share is
            # the study's population, not a person
            rarest = min(kept, key=lambda i: _zipf(table.lowers[i]))
            hits.append(Hit(s, e, SUBTYPE, REASON, (table.lemmas[rarest].lower(),), Status.CORPUS_CHECK, core_end=e))
        return hits
