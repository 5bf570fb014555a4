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
independent of the others in its batch).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy import util
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
        ner._ensure_labels_are_added(docs)
        set_dropout_rate(ner.model, 0.0)
        batch = ner.moves.init_batch(docs)
        step_model = ner.model.predict(docs)
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
        step_model.clear_memory()
        return batch


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
