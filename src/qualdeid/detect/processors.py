"""The extension point for corpus-aware detection (names propagated across documents, rare details).

Detection runs in two passes so that the corpus streams through memory:

1. ``first_pass`` — per document, may run in a worker process: sees the spaCy parse and returns
   candidate spans plus a small picklable *observation* (e.g. the confident names of this document,
   the content words it uses). It must not change the processor's state.
2. ``observe`` — in the main process, once per document: folds the observation into corpus-wide
   knowledge. Only non-identifying statistics and the names themselves are kept, never texts.
A processor may also have ``prepare(sdoc)``, called on each spaCy parse before the recognizers run,
to correct the parse in place (e.g. NER entity boundaries).

3. ``second_pass`` — per document, after every document was observed: returns this processor's final
   spans using the corpus-wide knowledge (without the spaCy parse, which is not kept).
"""

from __future__ import annotations

from typing import Any, Protocol

from spacy.tokens import Doc

from qualdeid.corpus.model import Document, Span


class CorpusProcessor(Protocol):
    name: str

    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        """Candidates for this document and an observation; ``spans`` are the recognizers' spans."""
        ...

    def observe(self, doc_id: str, observation: Any) -> None: ...

    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        """Final spans of this processor; ``spans`` are all other first-pass spans of the document."""
        ...
