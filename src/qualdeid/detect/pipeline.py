"""The detection pipeline: spaCy in batches, Presidio recognizers on the parsed docs, labels made canonical."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from qualdeid.corpus.model import Document, InputError, Span
from qualdeid.detect.engine import LANGUAGE, PRESIDIO_TO_CANONICAL, build_analyzer
from qualdeid.detect.model import DEFAULT_MODEL, load_model


@dataclass
class DetectConfig:
    model: str = DEFAULT_MODEL
    rules_dirs: list[Path] = field(default_factory=list)
    score_threshold: float = 0.3
    batch_size: int = 32
    jobs: int = 1


class Detector:
    """Finds identifying spans in documents.

    ``detect(corpus)`` streams documents through; items that are :class:`InputError` pass through
    unchanged so that a caller can report them and go on.
    """

    def __init__(self, config: DetectConfig | None = None) -> None:
        self.config = config or DetectConfig()
        self.nlp = load_model(self.config.model)
        self.analyzer = build_analyzer(self.nlp)

    def detect(self, corpus: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        pending: list[Document | InputError] = []
        for item in corpus:
            pending.append(item)
            if len(pending) >= self.config.batch_size:
                yield from self._detect_batch(pending)
                pending = []
        if pending:
            yield from self._detect_batch(pending)

    def detect_text(self, text: str, doc_id: str = "text") -> Document:
        out = next(iter(self.detect([Document(id=doc_id, text=text)])))
        assert isinstance(out, Document)
        return out

    def _detect_batch(self, items: list[Document | InputError]) -> Iterator[Document | InputError]:
        docs = [d for d in items if isinstance(d, Document)]
        parsed = iter(self.nlp.pipe(d.text for d in docs))
        for item in items:
            if isinstance(item, Document):
                item.spans = self._analyze(item, next(parsed))
            yield item

    def _analyze(self, doc: Document, sdoc) -> list[Span]:
        artifacts = self.analyzer.nlp_engine._doc_to_nlp_artifact(sdoc, LANGUAGE)
        results = self.analyzer.analyze(
            doc.text, language=LANGUAGE, nlp_artifacts=artifacts, score_threshold=self.config.score_threshold
        )
        spans = []
        for r in results:
            label = PRESIDIO_TO_CANONICAL.get(r.entity_type)
            if label is None or label == "NORP":
                continue
            spans.append(
                Span(
                    start=r.start,
                    end=r.end,
                    label=label,
                    text=doc.text[r.start : r.end],
                    score=r.score,
                    detector=(r.recognition_metadata or {}).get("recognizer_name", "presidio"),
                    subtype=r.entity_type if r.entity_type != label else None,
                )
            )
        return resolve_overlaps(spans)


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Keep non-overlapping spans, preferring higher score, then longer span."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (-s.score, -(s.end - s.start), s.start)):
        if not any(s.overlaps(k) for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s.start)
