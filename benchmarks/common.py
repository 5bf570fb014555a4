"""Shared helpers of the benchmark scripts: the synthetic corpus on disk, Presidio's default engine, timing."""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider

import qualdeid
import qualdeid.detect.nlp.offline
from make_corpus import REPO, sources_name, write_corpus
from qualdeid.detect.nlp.loading import resolve_model_name

CACHE = Path(tempfile.gettempdir()) / "qualdeid-bench"


def corpus_folder(n: int, seed: int = 7) -> Path:
    """A folder of ``n`` synthetic .txt documents, generated once and reused by later runs (of any
    checkout: its ``.complete`` stamp says which sources it was generated from)."""
    folder = CACHE / f"corpus-{n}-seed{seed}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder, n, seed)
        done.write_text(sources_name() + "\n", encoding="utf-8")
    return folder


def corpus_source(folder: Path) -> str:
    """What the cached corpus in ``folder`` was generated from (older stamps are empty)."""
    return (folder / ".complete").read_text(encoding="utf-8").strip() or "unknown sources (an older stamp)"


def corpus_texts(n: int, seed: int = 7) -> list[str]:
    """The documents of :func:`corpus_folder`, read from the folder in name order.

    Every method of a benchmark must measure the same documents. Generating them again is not
    enough: the cached folder may come from another checkout, whose sources differ (the gold dev
    corpus gives documents of about 300 words, the bundled examples about 420), and a run once timed
    Presidio and spaCy on the one while ``qualdeid scan`` read the other."""
    return [path.read_text(encoding="utf-8") for path in sorted(corpus_folder(n, seed).glob("*.txt"))]


def presidio_default_analyzer(model: str = "en_core_web_sm") -> AnalyzerEngine:
    """Presidio's AnalyzerEngine as its documentation sets it up: all predefined recognizers, one spaCy model."""
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": resolve_model_name(model)}],
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its children that have been waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of ``fn()``. CPU time barely moves when other processes load the machine."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    fn()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def run_quiet(cmd: list[str], timeout: float | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of a command with stdout discarded; raises with its stderr if it fails
    (or with ``subprocess.TimeoutExpired`` after ``timeout`` seconds: the command is killed)."""
    result: list[subprocess.CompletedProcess[str]] = []

    def run() -> None:
        result.append(
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=timeout)
        )

    times = timed(run)
    if result[0].returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {result[0].returncode}: {result[0].stderr.strip()[-2000:]}")
    return times


def cli_supports(command: str, option: str) -> bool:
    """Whether ``qualdeid COMMAND --help`` lists OPTION (commands grow options while the project is built)."""
    proc = subprocess.run(["qualdeid", command, "--help"], capture_output=True, text=True)
    return proc.returncode == 0 and option in proc.stdout


def git_head() -> str:
    """The commit of this checkout and where the measured qualdeid is imported from (PYTHONPATH may point elsewhere)."""
    source = Path(qualdeid.__file__).resolve().parent.parent
    snapshot = source.parent / "COMMIT"  # written by snapshot_head.sh
    if snapshot.exists():
        return f"{snapshot.read_text().strip()[:70]} (snapshot in {source})"
    proc = subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%h %s"], capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "src", "rules"], capture_output=True, text=True
    )
    state = " + uncommitted changes in src/rules" if dirty.stdout.strip() else ""
    return f"{proc.stdout.strip()[:70] or 'unknown'}{state} (qualdeid from {source})"


def machine_line() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores, load average {load}"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
