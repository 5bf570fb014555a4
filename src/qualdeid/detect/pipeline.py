"""The detection pipeline: two passes over the corpus (see ``processors.py``).

Pass 1 streams documents through spaCy (``nlp.pipe`` in batches), runs Presidio's recognizers on the
parsed docs and each corpus processor's ``first_pass``; with ``jobs > 1`` this happens in worker
processes, each loading the model once. Its results (offsets, labels, scores — never text) go to a
private spool file, and the observations are folded into the processors' corpus-wide knowledge.
Pass 2 reads the corpus again, lets the processors decide with that knowledge, applies the allow and
deny lists, drops layout artefacts and resolves overlaps.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from qualdeid.corpus.model import Document, InputError, Span
from qualdeid.detect.engine import LANGUAGE, build_analyzer, canonical_label
from qualdeid.detect.lists import Lists
from qualdeid.detect.merge import finalise
from qualdeid.detect.model import DEFAULT_MODEL, load_model
from qualdeid.detect.processors import CorpusProcessor
from qualdeid.detect.rules import Rules
from qualdeid.detect.spool import Spool

#: A span without its text, as kept in the spool: (start, end, label, score, detector, subtype, reason).
SpanRow = tuple[int, int, str, float, str, str | None, str | None]
#: Documents handed to a worker process at once.
CHUNK_DOCS = 64


@dataclass
class DetectConfig:
    model: str = DEFAULT_MODEL
    rules_dirs: list[Path] = field(default_factory=list)
    score_threshold: float = 0.3
    batch_size: int = 32
    jobs: int = 1
    #: Where the private pass-1 spool file goes (default: the system's temporary folder).
    spool_dir: Path | None = None


@dataclass
class Pass1Result:
    doc_id: str
    spans: list[SpanRow]
    candidates: list[list[SpanRow]]  # one list per processor
    observations: list[Any]  # one per processor


def build_processors(rules: Rules, nlp: Any | None) -> list[CorpusProcessor]:
    """Fresh corpus processors (their corpus-wide knowledge starts empty)."""
    from qualdeid.detect.names import NameProcessor
    from qualdeid.detect.rare import RareDetailProcessor

    return [NameProcessor(rules, nlp), RareDetailProcessor(rules)]


def _row(s: Span) -> SpanRow:
    return (s.start, s.end, s.label, s.score, s.detector, s.subtype, s.reason)


def _span(r: SpanRow) -> Span:
    return Span(r[0], r[1], r[2], "", r[3], r[4], r[5], r[6])


class FirstPass:
    """spaCy + Presidio + the processors' first pass; one per process."""

    def __init__(self, config: DetectConfig) -> None:
        self.config = config
        self.rules = Rules(config.rules_dirs)
        self.nlp = load_model(config.model)
        self.analyzer = build_analyzer(self.nlp, self.rules)
        self.processors = build_processors(self.rules, self.nlp)

    def run(self, docs: Iterable[Document]) -> Iterator[Pass1Result]:
        pairs = ((d.text, d) for d in docs)
        preparers = [p.prepare for p in self.processors if hasattr(p, "prepare")]
        for sdoc, doc in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.config.batch_size):
            for prepare in preparers:
                prepare(sdoc)
            spans = self.recognize(doc.text, sdoc)
            candidates, observations = [], []
            for p in self.processors:
                found, observation = p.first_pass(doc, sdoc, spans)
                candidates.append([_row(s) for s in found])
                observations.append(observation)
            yield Pass1Result(doc.id, [_row(s) for s in spans], candidates, observations)

    def recognize(self, text: str, sdoc: Any) -> list[Span]:
        artifacts = self.analyzer.nlp_engine._doc_to_nlp_artifact(sdoc, LANGUAGE)
        results = self.analyzer.analyze(
            text, language=LANGUAGE, nlp_artifacts=artifacts, score_threshold=self.config.score_threshold
        )
        spans = []
        for r in results:
            label = canonical_label(r.entity_type)
            if label is None or label == "NORP":
                continue
            detector = (r.recognition_metadata or {}).get("recognizer_name", "presidio")
            subtype = r.entity_type if r.entity_type != label else None
            spans.append(Span(r.start, r.end, label, "", r.score, detector, subtype))
        return spans


#: Worker processes start by "fork" where it is safe and cheap (Linux: workers inherit the loaded
#: model), else by "spawn" (each worker loads the model once). Tests may force one.
START_METHOD: str | None = None

_worker: FirstPass | None = None


def _start_method() -> str:
    if START_METHOD:
        return START_METHOD
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _init_worker(config: DetectConfig) -> None:
    global _worker
    if _worker is None or _worker.config != config:  # not inherited from the parent by fork
        _worker = FirstPass(config)


def _run_chunk(chunk: list[tuple[str, str]]) -> list[Pass1Result]:
    assert _worker is not None
    return list(_worker.run(Document(id=i, text=t) for i, t in chunk))


class Detector:
    """Finds identifying spans in documents.

    ``detect(corpus)`` reads the corpus twice (a one-shot iterator is buffered in a private temporary
    file); items that are :class:`InputError` pass through unchanged so that a caller can report them
    and go on. Names found anywhere in the corpus are found everywhere in it.
    """

    def __init__(self, config: DetectConfig | None = None) -> None:
        self.config = config or DetectConfig()
        self.rules = Rules(self.config.rules_dirs)
        self.lists = Lists(self.rules)
        self._first: FirstPass | None = None if self.config.jobs > 1 else FirstPass(self.config)

    @property
    def nlp(self) -> Any:
        return self._first_pass().nlp

    def _first_pass(self) -> FirstPass:
        if self._first is None:
            self._first = FirstPass(self.config)
        return self._first

    def detect(
        self,
        corpus: Iterable[Document | InputError],
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[Document | InputError]:
        """Detect spans in every document of ``corpus``; ``progress(n)`` is called as pass 1 advances."""
        buffer: Spool | None = None
        spool = Spool(self.config.spool_dir)
        try:
            if iter(corpus) is corpus:  # a one-shot iterator: keep it for the second pass
                buffer = Spool(self.config.spool_dir)
                for item in corpus:
                    buffer.write(item)
                corpus = buffer.read
            else:
                corpus = corpus.__iter__
            processors = build_processors(self.rules, self._first.nlp if self._first else None)
            docs = (d for d in corpus() if isinstance(d, Document))
            for n, result in enumerate(self._pass1(docs), 1):
                for p, observation in zip(processors, result.observations, strict=True):
                    p.observe(result.doc_id, observation)
                spool.write(result)
                if progress:
                    progress(n)
            records = spool.read()
            for item in corpus():
                if isinstance(item, Document):
                    record = next(records, None)
                    if record is None or record.doc_id != item.id:
                        raise RuntimeError("the input changed while it was being scanned; run the scan again")
                    item.spans = self._pass2(item, record, processors)
                yield item
        finally:
            spool.close()
            if buffer is not None:
                buffer.close()

    def detect_text(self, text: str, doc_id: str = "text") -> Document:
        out = next(iter(self.detect([Document(id=doc_id, text=text)])))
        assert isinstance(out, Document)
        return out

    def _pass1(self, docs: Iterator[Document]) -> Iterator[Pass1Result]:
        if self.config.jobs <= 1:
            yield from self._first_pass().run(docs)
            return
        head = list(islice(docs, CHUNK_DOCS * self.config.jobs))
        if len(head) < CHUNK_DOCS * self.config.jobs:  # too few documents to be worth starting workers
            yield from self._first_pass().run(head)
            return
        global _worker
        rest = chain(head, docs)
        chunks = iter(lambda: [(d.id, d.text) for d in islice(rest, CHUNK_DOCS)], [])
        method = _start_method()
        if method == "fork":
            _worker = self._first_pass()  # loaded once here, shared with the workers
        ctx = multiprocessing.get_context(method)
        with ctx.Pool(self.config.jobs, initializer=_init_worker, initargs=(self.config,)) as pool:
            for results in pool.imap(_run_chunk, chunks):
                yield from results

    def _pass2(self, doc: Document, record: Pass1Result, processors: list[CorpusProcessor]) -> list[Span]:
        base = [_span(r) for r in record.spans]
        candidates = [[_span(r) for r in c] for c in record.candidates]
        spans = list(base)
        for i, p in enumerate(processors):
            others = base + [s for j, c in enumerate(candidates) if j != i for s in c]
            spans.extend(p.second_pass(doc, candidates[i], others))
        return finalise(doc.text, spans, self.lists)
