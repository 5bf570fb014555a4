"""spaCy's token embeddings computed once per distinct token: the same vectors up to rounding, less work.

A spaCy CNN ``tok2vec`` (the pipeline's own, and the one inside each entity recogniser) starts with an
embedding step: each token's lexical attributes (its normalised form, prefix, suffix, shape, ...) are
hashed into tables, the rows are summed and mixed by a maxout layer and normalised. That step reads
nothing but the token's own attributes, so a word gets the same vector every time it occurs; ordinary
text repeats its words, and a corpus repeats them across documents. :func:`cache_embeddings` wraps the
step so that each distinct row of attributes is embedded once and its vector reused (a bounded memo per
model); the context-dependent layers after it run as before. The rows are computed by the model's own
layers. They agree with spaCy's to float32 rounding, not always to the last bit: a BLAS product rounds a
row slightly differently with the number of rows beside it, so spaCy's own vectors already change at
that level with how documents are batched (about 1e-6). What detection finds was checked unchanged
(``benchmarks/same_scan.sh`` on the development and opened sets).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy
from spacy.language import Language
from thinc.api import Model

#: the most distinct attribute rows kept per embedding (96 floats each: about 11 MB); when it is full the
#: memo starts again empty
MAX_ROWS = 30_000
#: the layers of spaCy's embedding step, as ``MultiHashEmbed`` and ``HashEmbedCNN`` build it
_SHAPE = ("extract_features", "list2ragged", "ragged2list")


class EmbeddingMemo:
    """The vectors of the attribute rows seen so far, for one embedding model."""

    def __init__(self, embed: Model, forward: Callable[..., Any], max_rows: int = MAX_ROWS) -> None:
        self.embed = embed
        self.forward = forward  # the model's own forward, for training
        self.max_rows = max_rows
        self.index: dict[bytes, int] = {}
        self.vectors: Any = None

    def __call__(self, model: Model, docs: Any, is_train: bool) -> tuple[Any, Callable[..., Any]]:
        if is_train:
            return self.forward(model, docs, is_train)
        features = model.layers[0].predict(docs)
        lengths = [len(f) for f in features]
        if not sum(lengths):
            return self.forward(model, docs, is_train)
        rows = numpy.ascontiguousarray(numpy.concatenate(features))
        keys = rows.view(numpy.dtype((numpy.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
        distinct, first, inverse = numpy.unique(keys, return_index=True, return_inverse=True)
        found = [self.index.get(k.tobytes(), -1) for k in distinct]
        missing = [i for i, at in enumerate(found) if at < 0]
        if len(distinct) > self.max_rows:  # more than the memo holds: embedded as spaCy does, not kept
            out = self._embed(rows[first])[inverse.ravel()]
        else:
            if missing and len(self.index) + len(missing) > self.max_rows:
                self.index.clear()  # full: start again
                found, missing = [-1] * len(distinct), list(range(len(distinct)))
            if missing:
                fresh = self._embed(rows[first[missing]])
                if self.vectors is None:
                    self.vectors = numpy.empty((self.max_rows, fresh.shape[1]), dtype=fresh.dtype)
                start = len(self.index)
                self.vectors[start : start + len(missing)] = fresh
                for offset, i in enumerate(missing):
                    self.index[distinct[i].tobytes()] = found[i] = start + offset
            out = self.vectors[numpy.asarray(found, dtype="i")[inverse.ravel()]]
        ends = numpy.cumsum(lengths)[:-1]
        return list(numpy.split(out, ends)), _no_backprop

    def _embed(self, rows: Any) -> Any:
        """The embedding of ``rows`` (attribute rows) by the model's own layers after feature extraction."""
        X = rows
        for layer in self.embed.layers[2:-1]:
            X = layer.predict(X)
        return X


def _no_backprop(d_output: Any) -> list[Any]:
    return []


def cache_embeddings(nlp: Language) -> None:
    """Memoise the embedding step of every spaCy CNN tok2vec of the pipeline's models, in place."""
    from qualdeid.detect.nlp.blas import _models

    for _, component in nlp.pipeline:
        for model in _models(component):
            for node in model.walk():
                if _is_embedding(node) and not isinstance(node._func, EmbeddingMemo):
                    node._func = EmbeddingMemo(node, node._func)


def _is_embedding(node: Model) -> bool:
    names = [layer.name for layer in node.layers]
    return len(names) >= 4 and (names[0], names[1], names[-1]) == _SHAPE and node.name.startswith("extract_features>>")
