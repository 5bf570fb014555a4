"""Throughput of ``qualdeid scan`` against Presidio and bare spaCy, side by side in one run.

On the same synthetic diary corpus (see make_corpus.py) and the same spaCy model:

* spaCy ``nlp.pipe`` over all texts, the standard pipeline as ``spacy.load`` gives it
  (``--senter`` adds qualdeid's variant, parser swapped for the sentence recogniser);
* Presidio's default AnalyzerEngine called document by document, as a user runs it, on the first
  ``--presidio-docs`` documents only (it is slow; its docs/s is comparable, its total time is not):
  in a process of its own (``presidio_baseline.py --time``; the ratios are taken against this one,
  model loading excluded) and, for comparison, inside this process, which also holds qualdeid;
* qualdeid as a user runs it: ``qualdeid scan FOLDER --format jsonl --quiet`` in a subprocess
  (model loading included), with ``--jobs 2`` too when the CLI has that option;
* qualdeid as a library: ``Detector(DetectConfig(jobs=J)).detect(Corpus([FOLDER]))`` for J = 1, 2
  (detector built once, outside the timing).

All methods read the same documents, the files of the cached corpus folder (``common.corpus_texts``).
Every method runs once per repetition, in a rotated order; medians over repetitions are shown and
ratios are computed within each repetition, so that load from other processes cancels out as far as
possible. Targets (issue 2): qualdeid / Presidio >= 3x, qualdeid / spaCy >= 0.6x.

Usage:  python3 benchmarks/bench_scan.py [--docs 2000] [--repeat 3] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import spacy

from common import (
    cli_supports,
    corpus_folder,
    corpus_source,
    corpus_texts,
    git_head,
    machine_line,
    median,
    presidio_default_analyzer,
    run_quiet,
    timed,
)
from qualdeid.corpus.model import Document
from qualdeid.corpus.readers import Corpus
from qualdeid.detect import DetectConfig, Detector
from qualdeid.detect.nlp.loading import load_model, resolve_model_name

TARGET_VS_PRESIDIO = 3.0
TARGET_VS_SPACY = 0.6


@dataclass
class Method:
    name: str
    docs: int
    processes: str
    run: Callable[[], tuple[float, float]]  # returns (wall, cpu) seconds
    cpu_counts: bool = True  # False where worker processes' CPU time cannot be collected
    rates: list[float] = field(default_factory=list)
    cpu_rates: list[float] = field(default_factory=list)
    failure: str | None = None

    def measure(self) -> str:
        """One timed run; a failing method is reported and skipped from then on, the others go on."""
        if self.failure:
            return "skipped (failed before)"
        try:
            wall, cpu = self.run()
        except Exception as err:
            self.failure = str(err).strip().splitlines()[-1][:300]
            return f"FAILED: {self.failure}"
        self.rates.append(self.docs / wall)
        self.cpu_rates.append(self.docs / cpu if self.cpu_counts and cpu > 0 else float("nan"))
        return f"{self.rates[-1]:8.2f} docs/s wall, {self.cpu_rates[-1]:8.2f} docs per CPU-second"


def spacy_method(name: str, nlp: spacy.language.Language, texts: list[str]) -> Method:
    list(nlp.pipe(texts[:10]))  # warm up
    return Method(name, len(texts), "1", lambda: timed(lambda: list(nlp.pipe(texts))))


def presidio_method(texts: list[str], model: str) -> Method:
    analyzer = presidio_default_analyzer(model)
    analyzer.analyze(texts[0], language="en")  # warm up

    def run() -> tuple[float, float]:
        return timed(lambda: [analyzer.analyze(t, language="en") for t in texts])

    return Method("presidio per doc, in this process", len(texts), "1", run)


def presidio_process_method(folder: Path, n: int, model: str) -> Method:
    """Presidio's loop in a fresh process: whatever this process loaded or set cannot touch it."""
    script = Path(__file__).with_name("presidio_baseline.py")
    cmd = [sys.executable, str(script), "--time", str(folder), "--docs", str(n), "--model", model]

    def run() -> tuple[float, float]:
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"presidio_baseline.py exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        return figures["wall"], figures["cpu"]

    return Method("presidio AnalyzerEngine per doc", n, "1", run)


def library_method(folder: Path, n: int, jobs: int, model: str) -> Method:
    detector = Detector(DetectConfig(model=model, jobs=jobs))
    detector.detect_text("Warm up with Sarah from Ballarat.")

    def run() -> tuple[float, float]:
        def consume() -> None:
            count = sum(isinstance(item, Document) for item in detector.detect(Corpus([folder])))
            if count != n:
                raise RuntimeError(f"library scan returned {count} documents, expected {n}")

        return timed(consume)

    return Method(f"qualdeid library jobs={jobs}", n, str(jobs), run, cpu_counts=jobs == 1)


def cli_method(folder: Path, n: int, jobs: int | None, model: str) -> Method:
    cmd = ["qualdeid", "scan", str(folder), "--format", "jsonl", "--quiet", "--model", model]
    label = "qualdeid scan CLI"
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
        label += f" --jobs {jobs}"
    else:
        label += f" (default: {default_jobs()} jobs)"
    procs = str(jobs) if jobs is not None else str(default_jobs())
    return Method(label, n, procs, lambda: run_quiet(cmd))


def default_jobs() -> int:
    """What ``qualdeid scan`` without --jobs uses on this machine."""
    from qualdeid.cli.common import MAX_AUTO_JOBS

    return max(1, min(len(os.sched_getaffinity(0)), MAX_AUTO_JOBS))


def ratio_line(num: Method, den: Method, target: float | None, cpu: bool = False) -> str:
    head = f"  {num.name:<30} / {den.name:<32}"
    if num.failure or den.failure:
        return f"{head}   n/a (a run failed)"
    a, b = (num.cpu_rates, den.cpu_rates) if cpu else (num.rates, den.rates)
    ratios = [x / y for x, y in zip(a, b, strict=True)]
    r = median(ratios)
    if r != r:  # nan: no CPU time for this method
        return f"{head}   n/a (worker CPU time not collected)"
    spread = f"[{min(ratios):.2f}-{max(ratios):.2f}]" if len(ratios) > 1 else ""
    verdict = "" if target is None else f"target >= {target}x: " + ("meets" if r >= target else "BELOW")
    return f"{head} {r:6.2f}x {spread:<13} {verdict}"


def print_results(methods: list[Method], presidio: Method, spacy_standard: Method, repeat: int) -> None:
    print(f"\nrepetitions: {repeat} (medians; order rotated each repetition); {machine_line()}")
    print(f"{'method':<40}{'docs':>6}{'procs':>6}{'docs/s':>9}{'min-max':>14}{'docs/CPU-s':>12}")
    for m in methods:
        if m.failure:
            print(f"{m.name:<40}{m.docs:>6}{m.processes:>6}{'FAILED':>9}   {m.failure}")
            continue
        spread = f"{min(m.rates):.1f}-{max(m.rates):.1f}" if len(m.rates) > 1 else ""
        cpu = median(m.cpu_rates)
        cpu_text = "-" if cpu != cpu else f"{cpu:.2f}"
        print(f"{m.name:<40}{m.docs:>6}{m.processes:>6}{median(m.rates):>9.2f}{spread:>14}{cpu_text:>12}")
    print(f"(Presidio timed on the first {presidio.docs} documents only, document by document, in its own process;")
    print(" docs/CPU-s counts user+system time of all processes of a run: robust to load, blind to parallelism.)")
    qualdeid_methods = [m for m in methods if m.name.startswith("qualdeid")]
    print("\nthroughput ratios, wall clock (median of per-repetition ratios; the targets of issue 2):")
    for q in qualdeid_methods:
        print(ratio_line(q, presidio, TARGET_VS_PRESIDIO))
    for q in qualdeid_methods:
        print(ratio_line(q, spacy_standard, TARGET_VS_SPACY))
    print("\nper-CPU-second ratios (efficiency of one core, little affected by other load):")
    for q in qualdeid_methods:
        print(ratio_line(q, presidio, None, cpu=True))
    for q in qualdeid_methods:
        print(ratio_line(q, spacy_standard, None, cpu=True))
    for m in methods:
        if m.name.startswith("presidio") and m is not presidio:
            print("\nPresidio inside this process against its own process (1.00x: nothing here distorts it):")
            print(ratio_line(m, presidio, None))
            print(ratio_line(m, presidio, None, cpu=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; medians are reported (default 3)")
    parser.add_argument("--presidio-docs", type=int, default=200, help="documents timed for Presidio (default 200)")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--senter", action="store_true", help="also time spaCy with qualdeid's parser->senter swap")
    parser.add_argument("--no-library", action="store_true", help="skip the in-process library runs")
    parser.add_argument("--no-presidio-in-process", action="store_true", help="time Presidio only in its own process")
    parser.add_argument("--quick", action="store_true", help="500 docs, 1 repetition, 50 Presidio docs")
    args = parser.parse_args()
    if args.quick:
        args.docs, args.repeat, args.presidio_docs = 500, 1, 50

    folder = corpus_folder(args.docs, args.seed)
    texts = corpus_texts(args.docs, args.seed)
    words = sum(len(t.split()) for t in texts) / len(texts)
    presidio_docs = min(args.presidio_docs, len(texts))
    model_name = resolve_model_name(args.model)
    standard = spacy.load(model_name)
    print(f"qualdeid scan benchmark at {git_head()}")
    print(f"corpus: {len(texts)} documents, mean {words:.0f} words, in {folder}, from {corpus_source(folder)}")
    print(f"model: {model_name} {standard.meta.get('version', '')}; {machine_line()}", flush=True)

    print(f"standard pipeline: {', '.join(standard.pipe_names)}")
    methods = [spacy_method("spacy nlp.pipe (standard pipeline)", standard, texts)]
    if args.senter:
        methods.append(spacy_method("spacy nlp.pipe (qualdeid load_model)", load_model(args.model), texts))
    presidio = presidio_process_method(folder, presidio_docs, args.model)
    methods.append(presidio)
    if not args.no_presidio_in_process:
        methods.append(presidio_method(texts[:presidio_docs], args.model))
    cli_jobs: list[int | None] = [None]
    if cli_supports("scan", "--jobs"):
        cli_jobs = [1, 2] if default_jobs() != 2 else [1, None]  # None: the default, --jobs 0
    cli = [cli_method(folder, args.docs, j, args.model) for j in cli_jobs]
    methods += cli
    if not args.no_library:
        methods += [library_method(folder, args.docs, j, args.model) for j in (1, 2)]

    for rep in range(args.repeat):
        shift = rep % len(methods)
        for m in methods[shift:] + methods[:shift]:
            outcome = m.measure()
            print(f"  rep {rep + 1}/{args.repeat}  {m.name:<40} {outcome}", file=sys.stderr, flush=True)

    print_results(methods, presidio, methods[0], args.repeat)


if __name__ == "__main__":
    main()
