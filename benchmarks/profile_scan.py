"""Profile ``qualdeid scan`` (the CLI code path, in this process) on the synthetic corpus with cProfile.

Prints the top functions by cumulative and by own time, and the time spent in each spaCy pipeline
component measured separately (no profiler overhead). Use ``--jobs 1`` (the default): worker processes
are not profiled.

Usage:  python3 benchmarks/profile_scan.py [--docs 300] [--top 30] [--out scan.prof]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import time

from click.testing import CliRunner

from common import CACHE, corpus_folder, corpus_texts, git_head, machine_line
from qualdeid.cli import main as qualdeid_main
from qualdeid.detect.model import load_model


def component_times(texts: list[str], model: str) -> None:
    """Seconds per pipeline component of qualdeid's spaCy pipeline, each run over all texts."""
    nlp = load_model(model)
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    print(f"  {'tokenizer':<18}{time.perf_counter() - start:7.2f} s")
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe") else [component(d) for d in docs]
        print(f"  {name:<18}{time.perf_counter() - start:7.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--out", default=str(CACHE / "scan.prof"), help="where the cProfile stats are saved")
    args = parser.parse_args()
    folder = corpus_folder(args.docs)
    print(f"profile of qualdeid scan at {git_head()}; {args.docs} documents; {machine_line()}")

    print("\nspaCy components (qualdeid's pipeline, no profiler):")
    component_times(corpus_texts(args.docs), args.model)

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


if __name__ == "__main__":
    main()
