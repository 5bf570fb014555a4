"""Detection's worker processes (detect/workers.py): results in order, and a worker that dies, fails or
stalls stops the run with a clear error, never a hang. Each case that could hang if this broke runs in
a child Python with a time limit (no pytest-timeout needed), with workers forked from it."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the cases define their work in the script"
)

#: The child's script starts with this: workers that run ``work`` (dies, fails or sleeps on some tasks).
PRELUDE = """
import multiprocessing, os, signal, sys, time
from qualdeid.detect import workers
from qualdeid.detect.workers import WorkerError, Workers

def ready(state):
    pass

def work(task):
    if task == "die":
        os._exit(3)
    if task == "fail":
        raise KeyError("the secret text of a document")
    if task == "sleep":
        time.sleep(30)
    if task == "stubborn":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        time.sleep(30)
    return task * 2

def run(tasks, in_flight=3):
    pool = Workers(multiprocessing.get_context("fork"), 2, work, ready, None, "pass 9 of detection")
    try:
        return [(context, result) for context, result in pool.map(((i, t) for i, t in enumerate(tasks)), in_flight)]
    finally:
        pool.end()
        assert multiprocessing.active_children() == [], "a worker outlived its pool"
"""


def _child(script: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    code = PRELUDE + textwrap.dedent(script)
    try:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the worker processes hung (no answer in {timeout} s)")


def _error_of(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines and lines[0].startswith("WorkerError: "), done.stdout
    return lines[0]


def test_results_come_back_in_order_with_their_context() -> None:
    done = _child("print(run([1, 2, 3, 4, 5, 6, 7, 8, 9], in_flight=4))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str([(i, t * 2) for i, t in enumerate(range(1, 10))])


def test_a_worker_that_dies_mid_run_stops_it_with_a_clear_error() -> None:
    done = _child("""
        try:
            run([1, 2, 3, 4, "die", 6, 7, 8, 9])
        except WorkerError as e:
            print(f"WorkerError: {e}")
    """)
    error = _error_of(done)
    assert "pass 9 of detection stopped: a worker process ended with exit code 3" in error
    assert "--jobs" in error


def test_a_worker_killed_by_a_signal_is_named_so() -> None:
    done = _child("""
        def work(task):
            if task == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            return task
        try:
            run([1, 2, "kill", 4, 5])
        except WorkerError as e:
            print(f"WorkerError: {e}")
    """)
    assert "a worker process was killed by signal SIGKILL" in _error_of(done)


def test_a_failure_outside_any_document_names_where_never_the_message() -> None:
    done = _child("""
        try:
            run([1, "fail", 3])
        except WorkerError as e:
            print(f"WorkerError: {e}")
    """)
    error = _error_of(done)
    assert "pass 9 of detection failed in a worker process (KeyError in detect/workers.py:" in error
    assert "secret" not in done.stdout + done.stderr


def test_a_stalled_worker_stops_the_run_after_the_time_limit() -> None:
    done = _child("""
        workers.STALL_SECONDS = 0.5
        started = time.monotonic()
        try:
            run([1, "sleep", 3])
        except WorkerError as e:
            print(f"WorkerError: {e}")
        print(f"{time.monotonic() - started:.1f}")
    """)
    assert "pass 9 of detection stalled: no worker process sent a result for 0 s" in _error_of(done)
    assert float(done.stdout.splitlines()[1]) < 15  # the sleeping worker was stopped, not waited for


def test_ending_the_workers_kills_one_that_ignores_the_request() -> None:
    done = _child("""
        workers.END_SECONDS = 0.3
        pool = Workers(multiprocessing.get_context("fork"), 2, work, ready, None, "pass 9 of detection")
        results = pool.map(((i, t) for i, t in enumerate([1, "stubborn", 3, 4])), 4)
        print(next(results))
        time.sleep(0.5)  # the stubborn worker now ignores SIGTERM
        started = time.monotonic()
        pool.end()
        assert multiprocessing.active_children() == []
        print(f"{time.monotonic() - started:.1f}")
        pool.end()  # again: nothing to do
    """)
    assert done.returncode == 0, done.stderr
    first, took = done.stdout.splitlines()
    assert first == "(0, 2)" and float(took) < 10
