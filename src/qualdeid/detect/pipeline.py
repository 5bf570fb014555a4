"""The detection pipeline: two passes over the corpus (see ``processors.py``).

Pass 1 streams documents through spaCy (``nlp.pipe`` in batches), runs Presidio's recognizers on the
parsed docs and each corpus processor's ``first_pass``; with ``jobs > 1`` this happens in worker
processes, each loading the model once. Its results (offsets, labels, scores — never text) go to a
private spool file, and the observations are folded into the processors' corpus-wide knowledge.
Pass 2 reads the corpus again, lets the processors decide with that knowledge, applies the allow and
deny lists, drops layout artefacts and resolves overlaps; with ``jobs > 1`` this too happens in
worker processes, started after pass 1 so that they hold the corpus-wide knowledge.

A document that detection fails on (any exception in either pass) comes out as a
:class:`DocumentError` in its place: one line naming its file and what failed in qualdeid's code,
never its text. No later stage sees the document, and the rest of the corpus goes on.

The main process only reads, hands out chunks of documents and puts results back in order, with a
bounded number of chunks in flight, so that memory stays flat and both passes keep every core busy.

Each pass's worker processes (``workers.py``) live inside that pass: a run that ends early (an
exception, or its consumer stops reading) closes the generator of the pass it was in, which stops
and reaps its workers before it returns (no handler thread is there to start others behind them).
``Detector.close()`` so ends every unfinished run: the command line calls it when a command ends,
Ctrl-C included, so that no worker outlives the command. A worker that dies or stalls stops the run
with a :class:`~qualdeid.detect.workers.WorkerError` that says so, never a hang.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import sys
import threading
import weakref
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar

from qualdeid.corpus.model import Document, DocumentError, InputError, Span
from qualdeid.corpus.split import PART, join_parts, split_corpus
from qualdeid.decisions import Decisions
from qualdeid.detect.finalise import Finaliser
from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.nlp.loading import DEFAULT_MODEL, load_model, resolve_model_name
from qualdeid.detect.nlp.malloc import reuse_freed_memory
from qualdeid.detect.nlp.presidio import LANGUAGE, build_analyzer, canonical_label
from qualdeid.detect.nlp.spool import Spool
from qualdeid.detect.nlp.tokens import keep_text
from qualdeid.detect.processors import CorpusProcessor, build_processors
from qualdeid.detect.rare import doubts as rare_doubts
from qualdeid.detect.shouted import Shouting, as_written, recased_corpus
from qualdeid.detect.workers import Workers, where_it_failed
from qualdeid.rules import Rules

#: A span without its text, as kept in the spool: (start, end, label, score, detector, subtype, reason).
SpanRow = tuple[int, int, str, float, str, str | None, str | None]
#: Documents handed to a worker process at once: small, so that at the end of a pass the workers
#: finish close together (a chunk is well under a second of work).
CHUNK_DOCS = 16
#: Chunks waiting for or in a worker, per worker: enough that no worker waits for the main process.
CHUNKS_IN_FLIGHT = 4
#: ``progress(stage, done)``: stage 1 counts documents analysed (pass 1), stage 2 documents finished.
ProgressCallback = Callable[[int, int], None]
T = TypeVar("T")


@dataclass
class DetectConfig:
    model: str = DEFAULT_MODEL
    rules_dirs: list[Path] = field(default_factory=list)
    score_threshold: float = 0.3
    #: Documents per ``nlp.pipe`` batch, as in a worker's chunk (``CHUNK_DOCS``). Larger batches give
    #: the same parses but take longer: 32 diaries per batch cost about 10 % more spaCy CPU time than 16
    #: (measured on this project's 2-core machine; 64 and 128 slower still; page faults are the same).
    batch_size: int = 16
    #: At most this many characters go through spaCy at once (it needs about 4 kB per character):
    #: memory stays bounded, and a longer document is detected in parts (``corpus/split.py``).
    batch_chars: int = 100_000
    jobs: int = 1
    #: Where the private pass-1 spool file goes (default: the system's temporary folder).
    spool_dir: Path | None = None
    #: Apply the review decisions of the rules folders (``decisions.yaml``); the review page reads
    #: the detector's own results and shows the decisions over them.
    apply_decisions: bool = True


@dataclass(frozen=True)
class Failure:
    """Detection failed on one document: the exception's type and the innermost place in qualdeid's
    code it came through (never its message, which may quote the text)."""

    reason: str

    @classmethod
    def of(cls, e: Exception) -> Failure:
        return cls(where_it_failed(e))


@dataclass
class Pass1Result:
    doc_id: str
    spans: list[SpanRow]
    candidates: list[list[Span]]  # one list per processor, of the processor's own span type
    observations: list[Any]  # one per processor
    failure: Failure | None = None

    def spooled(self) -> Spooled:
        """What pass 2 needs (the observations were folded into the processors' knowledge)."""
        return (self.doc_id, self.spans, self.candidates, self.failure)


#: A document's pass-1 result as kept in the spool: (doc_id, spans, candidates per processor, failure).
Spooled = tuple[str, list[SpanRow], list[list[Span]], Failure | None]
#: A document's pass-2 result: its final spans as rows, or why detection failed on it.
Outcome = list[SpanRow] | Failure


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
        for sdoc, doc in self._pipe(pairs):
            if isinstance(sdoc, Failure):
                result = Pass1Result(doc.id, [], [], [], sdoc)
            else:
                try:
                    result = self.analyse(doc, sdoc)
                except Exception as e:
                    result = Pass1Result(doc.id, [], [], [], Failure.of(e))
            yield result

    def analyse(self, doc: Document, sdoc: Any) -> Pass1Result:
        for p in self.processors:
            p.prepare(sdoc)
        spans = self.recognize(doc.text, sdoc)
        candidates, observations = [], []
        for p in self.processors:
            found, observation = p.first_pass(doc, sdoc, spans)
            candidates.append(found)
            observations.append(observation)
        return Pass1Result(doc.id, [_row(s) for s in spans], candidates, observations)

    def _pipe(self, pairs: Iterable[tuple[str, Document]]) -> Iterator[tuple[Any, Document]]:
        """``nlp.pipe`` in batches of at most ``batch_size`` documents and ``batch_chars`` characters.
        When spaCy fails on a batch, its documents not yet parsed are parsed one by one, and the one
        it fails on comes with its :class:`Failure` instead of a parse."""
        for batch in _batches(pairs, self.config.batch_size, self.config.batch_chars):
            done = 0
            try:
                for parsed in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                    keep_text(parsed[0], batch[done][0])
                    done += 1
                    yield parsed
            except Exception:
                for text, doc in batch[done:]:
                    try:
                        sdoc = keep_text(self.nlp(text), text)
                    except Exception as e:
                        sdoc = Failure.of(e)
                    yield sdoc, doc

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


def _batches(pairs: Iterable[tuple[str, T]], max_docs: int, max_chars: int) -> Iterator[list[tuple[str, T]]]:
    batch: list[tuple[str, T]] = []
    chars = 0
    for pair in pairs:
        if batch and (len(batch) == max_docs or chars + len(pair[0]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(pair)
        chars += len(pair[0])
    if batch:
        yield batch


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
    reuse_freed_memory()
    if _worker is None or _worker.config != config:  # not inherited from the parent by fork
        _worker = FirstPass(config)


def _run_chunk(chunk: list[tuple[str, str]]) -> list[Pass1Result]:
    assert _worker is not None
    return list(_worker.run(Document(id=i, text=t) for i, t in chunk))


class SecondPass:
    """Pass 2 of one document: the processors' decisions with corpus-wide knowledge, then the finaliser's."""

    def __init__(self, processors: list[CorpusProcessor], finaliser: Finaliser) -> None:
        self.processors = processors
        self.finaliser = finaliser

    def outcome(self, doc: Document, record: Spooled) -> Outcome:
        """The document's final spans as rows, or why detection failed on it (in either pass)."""
        if record[3] is not None:
            return record[3]
        try:
            return [_row(s) for s in self.spans(doc, record)]
        except Exception as e:
            return Failure.of(e)

    def spans(self, doc: Document, record: Spooled) -> list[Span]:
        base = [_span(r) for r in record[1]]
        candidates = record[2]
        spans = list(base)
        for i, p in enumerate(self.processors):
            others = base + [s for j, c in enumerate(candidates) if j != i for s in c]
            if p.reads_decided:  # the earlier processors' final spans too ("rang <name>": a name found corpus-wide)
                spans.extend(p.second_pass(doc, candidates[i], others, decided=spans[len(base) :]))
            else:
                spans.extend(p.second_pass(doc, candidates[i], others))
        found, doubts = rare_doubts.split(spans)  # a doubt is no detection: the finaliser never sees it
        return self.finaliser.spans(doc.text, found) + doubts


_second: SecondPass | None = None


def _init_second(state: SecondPass | None) -> None:
    global _second
    if state is not None:  # "spawn": the knowledge comes pickled; "fork" inherits it
        _second = state


def _run_second_chunk(chunk: list[tuple[str, Spooled]]) -> list[Outcome]:
    """The outcome of each document of the chunk (span rows: their text is the document's slice)."""
    assert _second is not None
    return [_second.outcome(Document(id=r[0], text=t), r) for t, r in chunk]


class Detector:
    """Finds identifying spans in documents.

    ``detect(corpus)`` reads the corpus twice (a one-shot iterator is buffered in a private temporary
    file); items that are :class:`InputError` pass through unchanged so that a caller can report them
    and go on. Names found anywhere in the corpus are found everywhere in it.
    """

    def __init__(self, config: DetectConfig | None = None) -> None:
        self.config = config or DetectConfig()
        self.rules = Rules(self.config.rules_dirs)
        self.finaliser = Finaliser(self.rules)
        self.shouting = Shouting.read(self.rules, NameLexicon.read(self.rules).is_name)
        #: the researcher's review decisions, applied to every document as it is finished
        self.decisions = Decisions.load(self.config.rules_dirs) if self.config.apply_decisions else Decisions()
        resolve_model_name(self.config.model)  # a missing model fails here, whatever the number of jobs
        self._first: FirstPass | None = None if self.config.jobs > 1 else FirstPass(self.config)
        #: detection runs not yet finished or closed (see :meth:`close`)
        self._runs: weakref.WeakSet[Generator[Document | InputError, None, None]] = weakref.WeakSet()

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
        progress: ProgressCallback | None = None,
    ) -> Generator[Document | InputError, None, None]:
        """Detect spans in every document of ``corpus``.

        ``progress(stage, done)`` is called as documents are analysed (stage 1) and finished (stage 2).
        Without it, a corpus that has a ``detect_progress`` method (the command line's progress bar
        wraps the corpus so) gets those calls. A document longer than ``config.batch_chars`` is
        detected in parts and comes out whole (``corpus/split.py``). A caller that stops before the end
        closes the run (or the detector) to end its worker processes at once.
        """
        run = self._run(corpus, progress)
        self._runs.add(run)
        return run

    def close(self) -> None:
        """End every detection run of this detector that is not finished. A run in a pass with worker
        processes terminates them before this returns."""
        for run in list(self._runs):
            run.close()

    def __enter__(self) -> Detector:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(
        self, corpus: Iterable[Document | InputError], progress: ProgressCallback | None
    ) -> Generator[Document | InputError, None, None]:
        recased = recased_corpus(corpus, self.shouting)
        with closing(self._detect(split_corpus(recased, self.config.batch_chars), progress)) as items:
            yield from as_written(join_parts(items))

    def _detect(
        self, corpus: Iterable[Document | InputError], progress: ProgressCallback | None
    ) -> Iterator[Document | InputError]:
        progress = progress or getattr(corpus, "detect_progress", None)
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
            # the same model as the workers', so that pass 2 decides as it would in one process
            processors = build_processors(self.rules, load_model(self.config.model))
            docs = (d for d in corpus() if isinstance(d, Document))
            with closing(self._pass1(docs)) as results:
                for n, result in enumerate(results, 1):
                    if result.failure is None:
                        for p, observation in zip(processors, result.observations, strict=True):
                            p.observe(result.doc_id, observation)
                    spool.write(result.spooled())
                    if progress:
                        progress(1, n)
            finished = 0
            self.decisions.reset_counts()
            second = SecondPass(processors, self.finaliser)
            with closing(self._pass2(corpus(), spool.read(), second, spool.count)) as items:
                for item in items:
                    if isinstance(item, Document | DocumentError):
                        finished += 1
                        if progress:
                            progress(2, finished)
                    yield item
        finally:
            spool.close()
            if buffer is not None:
                buffer.close()

    def detect_text(self, text: str, doc_id: str = "text") -> Document:
        with closing(self.detect([Document(id=doc_id, text=text)])) as run:
            out = next(run)
        assert isinstance(out, Document)
        return out

    def _parallel(self, documents: int) -> bool:
        """Worker processes pay off from one chunk per worker on."""
        return self.config.jobs > 1 and documents >= CHUNK_DOCS * self.config.jobs

    @contextmanager
    def _pool(
        self, fn: Callable[[Any], Any], initializer: Callable[..., None], state: Any, stage: str
    ) -> Iterator[Workers[Any, Any]]:
        """Worker processes for one pass; leaving the block stops and reaps them, however it is left."""
        workers: Workers[Any, Any] | None = None
        try:
            with _interrupts_held(), _frozen_for_fork():
                context = multiprocessing.get_context(_start_method())
                workers = Workers(context, self.config.jobs, fn, initializer, state, stage)
            yield workers
        finally:
            if workers is not None:
                workers.end()

    def _pass1(self, docs: Iterator[Document]) -> Iterator[Pass1Result]:
        head = list(islice(docs, CHUNK_DOCS * self.config.jobs))
        if not self._parallel(len(head)):  # too few documents to be worth starting workers
            yield from self._first_pass().run(chain(head, docs))
            return
        global _worker
        rest = chain(head, docs)
        chunks = iter(lambda: [(d.id, d.text) for d in islice(rest, CHUNK_DOCS)], [])
        if _start_method() == "fork":
            _worker = self._first_pass()  # loaded once here, shared with the workers
        with self._pool(_run_chunk, _init_worker, self.config, "pass 1 of detection") as workers:
            tasks = ((None, chunk) for chunk in chunks)
            in_flight = CHUNKS_IN_FLIGHT * self.config.jobs
            with closing(workers.map(tasks, in_flight)) as outcomes:
                for _, results in outcomes:
                    yield from results

    def _pass2(
        self, items: Iterator[Document | InputError], records: Iterator[Spooled], second: SecondPass, count: int
    ) -> Iterator[Document | InputError]:
        """The corpus' items in order, documents with their final spans."""
        if not self._parallel(count):
            for item in items:
                if isinstance(item, Document):
                    item = self._finished(item, second.outcome(item, _record_of(item, records)))
                yield item
            return
        global _second
        fork = _start_method() == "fork"
        if fork:
            _second = second  # the workers inherit the corpus-wide knowledge
        try:
            state = None if fork else second
            with self._pool(_run_second_chunk, _init_second, state, "pass 2 of detection") as workers:
                tasks = _chunks_of_items(items, records)
                in_flight = CHUNKS_IN_FLIGHT * self.config.jobs
                with closing(workers.map(tasks, in_flight)) as chunks:
                    for chunk, outcomes in chunks:
                        documents = iter(outcomes)
                        for item in chunk:
                            if isinstance(item, Document):
                                item = self._finished(item, next(documents))
                            yield item
        finally:
            _second = None

    def _finished(self, doc: Document, outcome: Outcome) -> Document | DocumentError:
        """The document with its final spans and the review decisions applied, or its error."""
        if isinstance(outcome, Failure):
            return _failed(doc, outcome)
        doc.spans, doc.doubts = rare_doubts.split(
            Span(r[0], r[1], r[2], doc.text[r[0] : r[1]], r[3], r[4], r[5], r[6]) for r in outcome
        )
        try:
            doc.spans = self.decisions.apply(doc)
        except Exception as e:
            return _failed(doc, Failure.of(e))
        return doc


@contextmanager
def _frozen_for_fork() -> Iterator[None]:
    """Forked workers inherit the model and the lists as they are: frozen, the garbage collector never
    goes over them again in a worker (a full collection of them cost about 3 % of detection's time)
    nor copies their memory by touching it. This process is left as it was, unless something was
    frozen in it before (the command line freezes what it loaded)."""
    if _start_method() != "fork":
        yield
        return
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C while a pass starts its workers waits until they are all started: interrupted half-way,
    a worker could be started after the others were stopped, and outlive the program. The handler
    only notes the signal; it is raised again as soon as the workers exist. Workers ignore Ctrl-C:
    it is for the main process, which stops them."""
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is None:
        yield
        return
    held: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if held:
            signal.raise_signal(signal.SIGINT)


def _failed(doc: Document, failure: Failure) -> DocumentError:
    """The one line that stands for a document detection failed on: its file, its place there (a
    line or row number, never its id or text) and what failed."""
    part = doc.meta.get(PART)
    meta = part.meta if part is not None else doc.meta
    if "_line" in meta:
        place = f"the record on line {meta['_line']}"
    elif "_row" in meta:
        place = f"row {meta['_row']}"
    elif doc.fmt in ("jsonl", "csv", "qdpx"):  # format: input format names
        place = "a document of this file"
    else:
        place = "this file"
    return DocumentError(
        str(doc.source or doc.id),
        f"detection failed on {place} ({failure.reason}), so it is left out (never written, not even "
        "unredacted); the rest of the batch went on. Please report this line to the qualdeid developers",
        {PART: part} if part is not None else None,
    )


def _record_of(doc: Document, records: Iterator[Spooled]) -> Spooled:
    record = next(records, None)
    if record is None or record[0] != doc.id:
        raise RuntimeError("the input changed while it was being scanned; run the scan again")
    return record


ItemChunk = tuple[list[Document | InputError], list[tuple[str, Spooled]]]


def _chunks_of_items(items: Iterator[Document | InputError], records: Iterator[Spooled]) -> Iterator[ItemChunk]:
    """Items in chunks of up to CHUNK_DOCS documents, each with what a worker needs for pass 2."""
    chunk: list[Document | InputError] = []
    work: list[tuple[str, Spooled]] = []
    for item in items:
        chunk.append(item)
        if isinstance(item, Document):
            work.append((item.text, _record_of(item, records)))
            if len(work) == CHUNK_DOCS:
                yield chunk, work
                chunk, work = [], []
    if chunk:
        yield chunk, work
