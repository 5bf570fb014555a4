"""A trained finder of rare details: a small network scores every token as inside a detail or not, from
what the parse already holds (the spaCy model's contextual token vectors, parts of speech, entities),
general-language frequency and the rare-detail lexicons; runs of high-scoring tokens become details.

The weights are trained by ``tools/train_rare.py`` on helper-written gold sets (never on the dev
corpus) and shipped with the package (``model/``): nothing is downloaded. ``rules/rare/learned.yaml``
says which weights are read and the score a token needs; ``rules/detect.yaml`` switches the finder
on or off (``rare_finders: learned``). Its details are checked for within-corpus rarity like the
finders' unusual words: a phrase many documents share describes the study's population, not a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import ENT_TYPE, IS_TITLE
from spacy.tokens import Doc

from qualdeid.detect.nlp.frequency import zipf
from qualdeid.detect.nlp.tokens import token_table
from qualdeid.detect.rare.context import NAME_ENTITIES, RareContext
from qualdeid.detect.rare.finder import Hit, RuleFinder, Status
from qualdeid.detect.rare.lexicon import COMMON, RareRules
from qualdeid.rules import RulesError

#: where the shipped weights are; ``weights: default`` of ``rules/rare/learned.yaml`` means this file
DEFAULT_WEIGHTS = Path(__file__).parent / "model" / "rare_tokens.npz"
REASON = "a phrase like the rare details of the training texts (trained finder)"
SUBTYPE = "learned"

#: universal parts of speech, in a fixed order (the features' layout)
_POS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ")
_POS += ("SYM", "VERB", "X", "SPACE")
_ZIPF_BUCKETS = 8
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "our", "us"})  # format: closed class (pronouns)
_SHIFTS = (-2, -1, 1, 2)  # neighbours whose vectors a token sees


def feature_size(width: int) -> int:
    """The length of a token's feature vector for a model whose token vectors are ``width`` wide."""
    return width * (2 + len(_SHIFTS)) + _ZIPF_BUCKETS + len(_POS) + 7


def token_features(sdoc: Doc, categories: dict[int, str], width: int) -> np.ndarray:
    """One row per token: its vector, its neighbours' and its sentence's mean vector, its frequency
    band, part of speech and flags (a name or number entity, a lexicon word, a common word, a stop
    word, capitalised, in a sentence that speaks of "I" or "we")."""
    n = len(sdoc)
    out = np.zeros((n, feature_size(width)), dtype=np.float32)
    if n == 0:
        return out
    tensor = sdoc.tensor
    vectors = (
        np.asarray(tensor, dtype=np.float32)
        if getattr(tensor, "shape", (0,))[0] == n and tensor.shape[1] == width
        else np.zeros((n, width), np.float32)
    )
    col = 0
    out[:, :width] = vectors
    col = width
    for shift in _SHIFTS:
        if shift < 0:
            out[-shift:, col : col + width] = vectors[:shift]
        else:
            out[:-shift, col : col + width] = vectors[shift:]
        col += width
    table = token_table(sdoc)
    sentences = _sentence_starts(sdoc)
    first_person = np.zeros(n, dtype=bool)
    for start, end in zip(sentences, [*sentences[1:], n], strict=True):
        out[start:end, col : col + width] = vectors[start:end].mean(axis=0)
        first_person[start:end] = any(w in _FIRST_PERSON for w in table.lowers[start:end])
    col += width
    rows = np.arange(n)
    out[rows, col + np.array([min(_ZIPF_BUCKETS - 1, int(_zipf(low))) for low in table.lowers])] = 1.0
    col += _ZIPF_BUCKETS
    pos_index = {p: k for k, p in enumerate(_POS)}
    tagged = [(i, k) for i, k in enumerate(map(pos_index.get, table.pos)) if k is not None]
    if tagged:
        at, k = np.array(tagged).T
        out[at, col + k] = 1.0
    col += len(_POS)
    # the flags read once per document as arrays (a Token object per token was most of this function's time)
    ent_types, titles = sdoc.to_array([ENT_TYPE, IS_TITLE]).T
    names = [e for e in np.unique(ent_types).tolist() if e and sdoc.vocab.strings[e] in NAME_ENTITIES]
    out[:, col] = np.isin(ent_types, names)
    for i, category in categories.items():
        if 0 <= i < n:
            out[i, col + 1 if category != COMMON else col + 2] = 1.0
    out[:, col + 3] = table.stop
    out[:, col + 4] = titles != 0
    out[:, col + 5] = first_person
    out[:, col + 6] = table.alpha
    return out


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return zipf(word)


def _sentence_starts(sdoc: Doc) -> list[int]:
    try:
        return [s.start for s in sdoc.sents] or [0]
    except ValueError:  # no sentence boundaries set
        return [0]


@dataclass(frozen=True)
class TokenModel:
    """The trained network: one hidden layer, a logistic output per token."""

    hidden_w: np.ndarray
    hidden_b: np.ndarray
    out_w: np.ndarray
    out_b: float
    width: int

    @classmethod
    def load(cls, path: Path) -> TokenModel:
        return _load(str(path))

    def scores(self, features: np.ndarray) -> np.ndarray:
        hidden = np.maximum(features @ self.hidden_w + self.hidden_b, 0.0)
        return 1.0 / (1.0 + np.exp(-(hidden @ self.out_w + self.out_b)))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            hidden_w=self.hidden_w.astype(np.float32),
            hidden_b=self.hidden_b.astype(np.float32),
            out_w=self.out_w.astype(np.float32),
            out_b=np.float32(self.out_b),
            width=np.int32(self.width),
        )


def read_weights(path: str, fields: tuple[str, ...], *, rules_file: str, what: str, script: str, switch: str) -> dict:
    """The arrays ``fields`` of a trained finder's ``.npz`` file, or a RulesError that says how to mend it."""
    try:
        with np.load(path) as z:
            return {name: z[name] for name in fields}
    except (OSError, KeyError, ValueError) as e:
        raise RulesError(
            f"rules/rare/{rules_file}: cannot read {what} {path} ({e}); "
            f"retrain them with tools/{script} or switch the finder off (rare_finders: {switch}: false)"
        ) from None


@lru_cache(maxsize=4)
def _load(path: str) -> TokenModel:
    z = read_weights(
        path,
        ("hidden_w", "hidden_b", "out_w", "out_b", "width"),
        rules_file="learned.yaml",
        what="the trained finder's weights",
        script="train_rare.py",
        switch="learned",
    )
    return TokenModel(
        hidden_w=z["hidden_w"], hidden_b=z["hidden_b"], out_w=z["out_w"], out_b=float(z["out_b"]), width=int(z["width"])
    )


def weights_path(value: str) -> Path:
    """The weights file that ``weights:`` of ``rules/rare/learned.yaml`` names."""
    return DEFAULT_WEIGHTS if value in ("", "default") else Path(value).expanduser()


class LearnedFinder(RuleFinder):
    """Runs of tokens the trained network scores as inside a rare detail."""

    def __init__(self, rr: RareRules) -> None:
        super().__init__(rr)
        self.model = TokenModel.load(weights_path(rr.learned_weights))
        self.threshold = rr.threshold("learned_score")
        self.min_tokens = int(rr.threshold("learned_min_tokens"))
        self.key_zipf = rr.threshold("learned_key_zipf")

    def find(self, ctx: RareContext) -> list[Hit]:
        sdoc = ctx.sdoc
        if len(sdoc) == 0:
            return []
        scores = ctx.token_scores = self.model.scores(token_features(sdoc, ctx.categories, self.model.width))
        inside = scores >= self.threshold
        table = token_table(sdoc)
        hits = []
        for start, end in _runs(inside, ctx.bounds):
            while start < end and (table.pos[start] in _EDGE_POS or sdoc[start].is_stop):
                start += 1
            while end > start and table.pos[end - 1] in _EDGE_POS:
                end -= 1
            end = min(end, start + self.max_tokens)
            content = [
                i
                for i in range(start, end)
                if sdoc[i].is_alpha and not sdoc[i].is_stop and sdoc[i].ent_type_ not in NAME_ENTITIES
            ]
            # a detail needs a word rarer than everyday English that is no clinical or everyday term
            # ("postnatal depression", "stopped riding" are no one's detail)
            rare = [
                table.lemmas[i].lower()
                for i in content
                if _zipf(table.lowers[i]) < self.key_zipf and not self._ordinary(table.lowers[i], table.lemmas[i])
            ]
            if end - start < self.min_tokens or not rare:
                continue
            keys = tuple(dict.fromkeys(rare))
            hits.append(Hit(start, end, SUBTYPE, REASON, keys, Status.CORPUS_CHECK, core_end=end))
        return hits

    def _ordinary(self, lower: str, lemma: str) -> bool:
        words = {lower, lemma.lower()}
        return bool(words & self.rr.clinical or words & self.rr.common_words or words & self.rr.everyday_words)


_EDGE_POS = frozenset({"PUNCT", "CCONJ", "SCONJ", "ADP", "DET", "SPACE", "PART"})


def _runs(inside: np.ndarray, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of tokens inside, within one sentence, bridging a single token left out between two runs."""
    out: list[tuple[int, int]] = []
    n = len(inside)
    i = 0
    while i < n:
        if not inside[i]:
            i += 1
            continue
        sent_end = bounds[i][1]
        end = i + 1
        while end < sent_end and (inside[end] or (end + 1 < sent_end and inside[end + 1])):
            end += 1
        out.append((i, end))
        i = end
    return out
