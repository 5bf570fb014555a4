"""Profile ``qualdeid scan`` on the synthetic corpus: where the time goes.

1. each spaCy component of qualdeid's pipeline, timed separately (no profiler overhead);
2. pass 1 per document: spaCy, each Presidio recognizer, each corpus processor's first pass
   (CPU time, no profiler);
3. the ``scan`` command's code path (``--jobs 1``, in this process, model already loaded) under
   cProfile: top functions by cumulative and by own time (the stats are saved for pstats/snakeviz);
4. with ``--timeline J``: ``Detector(jobs=J)`` over the corpus, wall and CPU time of pass 1 and
   pass 2 and how many cores each kept busy (worker processes are not profiled by cProfile).

Usage:  python3 benchmarks/profile_scan.py [--docs 300] [--top 30] [--out scan.prof] [--timeline 2]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import resource
import time
from collections import Counter
from typing import Any

from click.testing import CliRunner

from common import CACHE, corpus_folder, corpus_texts, git_head, machine_line
from qualdeid.cli import main as qualdeid_main
from qualdeid.corpus.model import Document
from qualdeid.corpus.readers import Corpus
from qualdeid.detect import DetectConfig, Detector
from qualdeid.detect.nlp.loading import load_model
from qualdeid.detect.pipeline import FirstPass

#: A text on which every recognizer runs (the contact recognizers only run on texts with a hint).
WARM_UP = (
    "Warm up: Sarah from Ballarat, aged 34, mailed kim.lee@example.org on 3 May 2024 about www.example.net; "
    "ring (03) 9876 5432 or 0412 345 678, server 10.0.0.1."
)


def component_times(texts: list[str], model: str) -> None:
    """Seconds per pipeline component of qualdeid's spaCy pipeline, each run over all texts."""
    nlp = load_model(model)
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    print(f"  {'tokenizer':<22}{time.perf_counter() - start:7.2f} s")
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe") else [component(d) for d in docs]
        print(f"  {name:<22}{time.perf_counter() - start:7.2f} s")


def pass1_stages(texts: list[str], model: str, top: int) -> None:
    """CPU milliseconds per document of each stage of pass 1 (as one worker runs it)."""
    first = FirstPass(DetectConfig(model=model))
    # lazy set-up (each recognizer compiles its patterns on first use) is not what we measure
    list(first.run([Document(id="warm-up", text=WARM_UP), Document(id="warm-up-2", text=texts[0])]))
    clock = time.process_time
    spent: Counter[str] = Counter()

    def timed(name: str, fn: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += clock() - start

        return wrapper

    for recognizer in first.analyzer.registry.recognizers:
        recognizer.analyze = timed(f"  recognizer {recognizer.name}", recognizer.analyze)
    for processor in first.processors:
        processor.first_pass = timed(f"first pass: {processor.name}", processor.first_pass)
    first.recognize = timed("Presidio analyze (all recognizers)", first.recognize)
    start = clock()
    sdocs = list(first.nlp.pipe(texts, batch_size=first.config.batch_size))
    spent["spaCy pipeline"] = clock() - start
    for i, (text, sdoc) in enumerate(zip(texts, sdocs, strict=True)):
        for prepare in (p.prepare for p in first.processors if hasattr(p, "prepare")):
            prepare(sdoc)
        spans = first.recognize(text, sdoc)
        for processor in first.processors:
            processor.first_pass(Document(id=str(i), text=text), sdoc, spans)
    for name, seconds in spent.most_common(top):
        print(f"  {name:<48}{1000 * seconds / len(texts):7.2f} ms/doc")


def timeline(n: int, jobs: int, model: str) -> None:
    """Wall and CPU time of both passes of ``Detector(jobs).detect`` over the corpus folder."""
    folder = corpus_folder(n)
    detector = Detector(DetectConfig(model=model, jobs=jobs))
    detector.detect_text(WARM_UP)

    def cpu() -> tuple[float, float]:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime

    marks: dict[int, tuple[float, tuple[float, float]]] = {}

    def progress(stage: int, done: int) -> None:
        if stage not in marks:
            marks[stage] = (time.perf_counter(), cpu())

    start, cpu0 = time.perf_counter(), cpu()
    count = sum(isinstance(d, Document) for d in detector.detect(Corpus([folder]), progress=progress))
    end, cpu1 = time.perf_counter(), cpu()
    boundary, cpu_b = marks.get(2, (end, cpu1))
    for name, (t0, c0), (t1, c1) in (
        ("pass 1", (start, cpu0), (boundary, cpu_b)),
        ("pass 2", (boundary, cpu_b), (end, cpu1)),
    ):
        main_cpu, worker_cpu = c1[0] - c0[0], c1[1] - c0[1]
        wall = max(t1 - t0, 1e-9)
        print(
            f"  {name}: {wall:6.1f} s wall; CPU main {main_cpu:5.1f} s + workers {worker_cpu:6.1f} s"
            f" = {(main_cpu + worker_cpu) / wall:4.2f} cores busy"
        )
    print(f"  {count} documents in {end - start:.1f} s ({count / (end - start):.1f} docs/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--out", default=str(CACHE / "scan.prof"), help="where the cProfile stats are saved")
    parser.add_argument(
        "--timeline", type=int, default=0, metavar="JOBS", help="also time both passes with JOBS workers"
    )
    args = parser.parse_args()
    folder = corpus_folder(args.docs)
    texts = corpus_texts(args.docs)
    print(f"profile of qualdeid scan at {git_head()}; {args.docs} documents; {machine_line()}")

    print("\nspaCy components (qualdeid's pipeline, no profiler):")
    component_times(texts, args.model)
    print("\npass 1 per document (CPU time, no profiler):")
    pass1_stages(texts, args.model, args.top)

    load_model(args.model)  # model loading is not what we profile
    profiler = cProfile.Profile()
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        profiler.enable()
        result = CliRunner().invoke(
            qualdeid_main, ["scan", str(folder), "--format", "jsonl", "--quiet", "--jobs", "1", "--model", args.model]
        )
        profiler.disable()
    print(f"\nqualdeid scan under cProfile: {time.perf_counter() - start:.1f} s, exit {result.exit_code}")
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    profiler.dump_stats(args.out)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    print(f"stats saved to {args.out}")
    if args.timeline:
        print(f"\npasses of Detector(jobs={args.timeline}) over {args.docs} documents:")
        timeline(args.docs, args.timeline, args.model)


if __name__ == "__main__":
    main()
