"""The extension point for corpus-aware detection (names propagated across documents, rare details),
and which processors run: ``rules/detect.yaml``.

Detection runs in two passes so that the corpus streams through memory:

0. ``prepare`` — on each spaCy parse, before the recognizers run: may correct the parse in place
   (e.g. NER entity boundaries). Most processors leave it as it is.
1. ``first_pass`` — per document, may run in a worker process: sees the spaCy parse and returns
   candidate spans plus a small picklable *observation* (e.g. the confident names of this document,
   the content words it uses). It must not change the processor's state. Candidates travel to the
   second pass as they are (a processor may use a span subclass that carries what it needs).
2. ``observe`` — in the main process, once per document: folds the observation into corpus-wide
   knowledge. Only non-identifying statistics and the names themselves are kept, never texts.
3. ``second_pass`` — per document, after every document was observed: returns this processor's final
   spans using the corpus-wide knowledge (without the spaCy parse, which is not kept).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from spacy.tokens import Doc

from qualdeid.corpus.model import Document, Span
from qualdeid.rules import Rules, RulesError

#: What detection runs, in order: ``processors`` and ``rare_finders``, each a name with true or false.
PLAN = "detect.yaml"
T = TypeVar("T")


class CorpusProcessor(ABC):
    name: str
    #: the second pass is also given the final spans of the processors that ran before it (``decided=``)
    reads_decided: bool = False

    def prepare(self, sdoc: Doc) -> None:  # noqa: B027  (most processors do not change the parse)
        """Correct the spaCy parse in place before the recognizers see it."""

    @abstractmethod
    def first_pass(self, doc: Document, sdoc: Doc, spans: list[Span]) -> tuple[list[Span], Any]:
        """Candidates for this document and an observation; ``spans`` are the recognizers' spans."""

    @abstractmethod
    def observe(self, doc_id: str, observation: Any) -> None: ...

    @abstractmethod
    def second_pass(self, doc: Document, candidates: list[Span], spans: list[Span]) -> list[Span]:
        """Final spans of this processor; ``spans`` are all other first-pass spans of the document."""


def switched_on(rules: Rules, section: str) -> list[str]:
    """The names of ``section`` of ``rules/detect.yaml`` that are switched on, in their order there.

    A project's ``detect.yaml`` lists only what it changes (``animals: false``); names keep the
    defaults' order.
    """
    entries = rules.settings(PLAN).get(section)
    if not isinstance(entries, dict) or not all(isinstance(v, bool) for v in entries.values()):
        raise RulesError(
            f"{PLAN}: '{section}' must be names with true or false, one a line ('animals: false' switches one off)"
        )
    return [name for name, on in entries.items() if on]


def chosen(registry: Mapping[str, T], rules: Rules, section: str) -> list[T]:
    """The entries of ``registry`` that ``section`` of ``rules/detect.yaml`` switches on, in its order."""
    out = []
    for name in switched_on(rules, section):
        if name not in registry:
            known = ", ".join(registry)
            raise RulesError(f"{PLAN}: '{section}' has no '{name}'; the names are: {known}")
        out.append(registry[name])
    return out


def processor_registry() -> dict[str, Callable[[Rules, Any], CorpusProcessor]]:
    """Every corpus processor by its name in ``rules/detect.yaml``."""
    from qualdeid.detect.layout import ChatSenderProcessor
    from qualdeid.detect.names.processor import NameProcessor
    from qualdeid.detect.names.scripts import ScriptProcessor
    from qualdeid.detect.places.acronyms import AcronymProcessor
    from qualdeid.detect.places.short_forms import ShortFormProcessor
    from qualdeid.detect.rare.processor import RareDetailProcessor

    return {
        "names": NameProcessor,
        "rare": RareDetailProcessor,
        "short_forms": ShortFormProcessor,
        "chat_senders": ChatSenderProcessor,
        "acronyms": AcronymProcessor,
        "scripts": ScriptProcessor,
    }


def build_processors(rules: Rules, nlp: Any | None) -> list[CorpusProcessor]:
    """Fresh corpus processors, as ``rules/detect.yaml`` switches them on (their knowledge starts empty)."""
    return [make(rules, nlp) for make in chosen(processor_registry(), rules, "processors")]
