"""spaCy's entity recogniser with its greedy decoding loop stepped from Python: the same entities, faster.

spaCy decodes a transition-based component in a C loop that runs without the GIL, calling small state
methods (next token, open entity, ...) several times per candidate action and token. In spaCy's
builds for CPython 3.11 each of those calls takes the GIL back and releases it again (seen with perf:
``PyGILState_Ensure`` from ``StateC::B``, ``safe_get``, ``entity_is_open``), which is most of the
entity recogniser's time. Stepped from Python the loop holds the GIL, so those calls cost next to
nothing. Each step is computed as spaCy's loop computes it: the state features summed by spaCy's
own C function, the hidden layer's maxout, the hidden-to-output product through BLIS (the library
spaCy's loop uses), unseen actions set to the lowest score, and spaCy's own transition function.
Documents are decoded in batches sorted by length, as spaCy does (each document's decoding is
independent of the others in its batch). Outside entities a step's scores depend on its token alone:
they are computed for all tokens at once, and the steps whose choice is "O" are taken without a call
to the transition function (``_decode_skipping_outside``), most of the steps of ordinary text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy import util
from spacy.attrs import ENT_TYPE
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc
from thinc.api import NumpyOps, set_dropout_rate

#: spaCy's loop multiplies matrices with BLIS through thinc's C BLAS table; the same library here.
_BLIS = NumpyOps(use_blis=True)


class SteppedEntityRecognizer:
    """Wraps a spaCy :class:`EntityRecognizer`; other attributes are the wrapped component's."""

    def __init__(self, ner: EntityRecognizer) -> None:
        self.ner = ner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ner, name)

    def __call__(self, doc: Doc) -> Doc:
        self.ner.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """As spaCy's ``Parser.pipe``, with each batch decoded at once (sorted by length)."""
        error_handler = self.ner.get_error_handler()
        for batch in util.minibatch(stream, size=batch_size):
            in_order = list(batch)
            try:
                by_length = sorted(in_order, key=len)
                self.ner.set_annotations(by_length, self.predict(by_length))
                yield from in_order
            except Exception as e:
                error_handler(self.ner.name, self.ner, in_order, e)

    def predict(self, docs: list[Doc]) -> list[Any]:
        """The final parse states of ``docs`` (what ``EntityRecognizer.predict`` returns)."""
        ner = self.ner
        if ner.cfg.get("beam_width", 1) != 1 or not isinstance(ner.model.ops, NumpyOps):
            return ner.predict(docs)
        if not any(len(doc) for doc in docs):
            return ner.moves.init_batch(docs)
        _ensure_labels_are_added(ner, docs)
        set_dropout_rate(ner.model, 0.0)
        batch = ner.moves.init_batch(docs)
        step_model = ner.model.predict(docs)
        if not _decode_skipping_outside(ner, step_model, batch, docs):
            _decode(ner, step_model, batch)
        step_model.clear_memory()
        return batch


def _ensure_labels_are_added(ner: EntityRecognizer, docs: list[Doc]) -> None:
    """spaCy's ``Parser._ensure_labels_are_added``: the entity labels already on ``docs`` (a second
    recogniser sees the first one's) become actions of ``ner``; read with one ``Doc.to_array`` per
    document instead of a Token object per token (``get_doc_labels``)."""
    labels: set[str] = set()
    for doc in docs:
        if len(doc):
            labels.update(doc.vocab.strings[t] for t in numpy.unique(doc.to_array(ENT_TYPE)).tolist() if t)
    resized = False
    for label in labels:
        for action in ner.moves.action_types:
            if ner.moves.add_action(action, label):
                ner.vocab.strings.add(label)
                resized = True
    if resized:
        ner._resize()


def _decode(ner: EntityRecognizer, step_model: Any, batch: list[Any]) -> None:
    """spaCy's greedy loop: every live state takes one step at a time."""
    upper = step_model.vec2scores
    unseen = step_model._class_mask == 0
    states = [state for state in batch if not state.is_final()]
    while states:
        hidden = step_model.state2vec.predict(step_model.get_token_ids(states))
        if upper is None:
            scores = _BLIS.as_contig(hidden)
        else:
            scores = _BLIS.gemm(hidden, upper.get_param("W"), trans2=True)
            scores += upper.get_param("b")
        if unseen.any():
            scores[:, unseen] = scores.min()
        states = ner.transition_states(states, scores)


def _decode_skipping_outside(ner: EntityRecognizer, step_model: Any, batch: list[Any], docs: list[Doc]) -> bool:
    """The same greedy decoding, with the steps outside entities taken in bulk; False where it does not
    apply (then nothing was decoded).

    With no entity open, a state's features are its next token alone (spaCy's ``set_context_tokens``:
    the entity's first and last words are -1), so the scores of that step depend on the token only:
    they are computed for every token at once, row for row the numbers of a step (the products are
    row by row, whatever the number of rows). Where their best action is "O" and "O" is allowed (no
    preset entity on the token), the step is "O" whatever else is allowed, and it is taken here as
    spaCy's "O" takes it (push, pop). Every other step (an entity open, another best action) goes
    through spaCy's own transition function with the scores it would get in spaCy's loop. Unseen
    classes take the lowest score of all the states of a step, which ties the steps of a batch
    together: such models go through :func:`_decode`.
    """
    upper = step_model.vec2scores
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    if upper is None or (step_model._class_mask == 0).any() or step_model.state2vec.nF != 3 or "O" not in names:
        return False
    weights, bias = upper.get_param("W"), upper.get_param("b")

    def scores_of(ids: Any) -> Any:
        scores = _BLIS.gemm(step_model.state2vec.predict(ids), weights, trans2=True)
        scores += bias
        return scores

    lengths = [len(doc) for doc in docs]
    alone = numpy.full((sum(lengths), 3), -1, dtype="i")
    alone[:, 0] = numpy.arange(len(alone))
    closed = scores_of(alone)
    if not numpy.isfinite(closed).all():
        return False
    preset = numpy.concatenate([doc.to_array("ENT_IOB").astype("i") for doc in docs])
    outside = ((closed.argmax(axis=1) == names.index("O")) & (preset != 1) & (preset != 3)).tolist()
    ends = numpy.cumsum(lengths).tolist()
    live = [(state, end - n, end) for state, n, end in zip(batch, lengths, ends, strict=True) if not state.is_final()]
    while live:
        waiting = []
        for state, offset, end in live:
            if not state.entity_is_open():
                at = offset + state.B(0)
                while at < end and outside[at]:
                    state.push()
                    state.pop()
                    at += 1
                if at == end and state.is_final():
                    continue
            waiting.append((state, offset, end))
        if not waiting:
            break
        states = [state for state, _, _ in waiting]
        ids = step_model.get_token_ids(states)
        open_ = ids[:, 1] >= 0
        scores = closed[ids[:, 0]]
        if open_.any():
            scores[open_] = scores_of(numpy.ascontiguousarray(ids[open_]))
        ner.transition_states(states, scores)
        live = [entry for entry in waiting if not entry[0].is_final()]
    return True


@Language.factory("qualdeid_stepped_ner")
def _make(nlp: Language, name: str) -> SteppedEntityRecognizer:
    return SteppedEntityRecognizer(nlp.get_pipe("ner"))


def step_entity_recognizer(nlp: Language) -> None:
    """Replace the pipeline's spaCy entity recogniser with :class:`SteppedEntityRecognizer` (in place)."""
    if "ner" not in nlp.pipe_names or type(nlp.get_pipe("ner")) is not EntityRecognizer:
        return
    nlp.add_pipe("qualdeid_stepped_ner", name="stepped_ner", after="ner")
    nlp.rename_pipe("ner", "spacy_ner")
    nlp.remove_pipe("spacy_ner")
    nlp.rename_pipe("stepped_ner", "ner")
