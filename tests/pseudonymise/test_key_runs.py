"""Runs that share one key: they take turns (a lock), never erase each other's records, and two
batches with the same file names both stay restorable."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers import PASSPHRASE, FakeDetector
from qualdeid.corpus.readers import Corpus
from qualdeid.pseudonymise import Key, KeyFileError, Restorer, Scrubber, ScrubConfig
from qualdeid.pseudonymise.key import KeyLock

SPANS = {"Rowena Quist": "PERSON", "Rowena": "PERSON", "Idris Penhale": "PERSON", "Tamsin": "PERSON"}


def _batch(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "diary.txt").write_text(text, encoding="utf-8")
    return folder


def assert_each_batch_restores(key_path: Path, batches: list[Path]) -> None:
    """Each batch's output (``out-NAME`` beside it) restores byte for byte with the key."""
    key = Key.open(key_path, PASSPHRASE)
    for batch in batches:
        back = batch.parent / f"back-{batch.name}"
        result = Restorer(key).restore(Corpus([batch.parent / f"out-{batch.name}"]), back)
        assert result.ok, result.errors
        assert (back / "diary.txt").read_bytes() == (batch / "diary.txt").read_bytes()


def test_two_batches_with_the_same_file_name_both_restore(tmp_path: Path) -> None:
    key_path = tmp_path / "private" / "study.key"
    first = _batch(tmp_path / "week1", "Rowena Quist came in early. Rowena made tea.\n")
    second = _batch(tmp_path / "week2", "Idris Penhale rang. Rowena was away, Tamsin covered.\n")
    for batch in (first, second):
        key = (
            Key.open_or_create(key_path, PASSPHRASE) if key_path.exists() else Key.create(key_path, PASSPHRASE, n=2**12)
        )
        result = Scrubber(key, ScrubConfig(seed="b"), detector=FakeDetector(SPANS)).scrub(
            Corpus([batch]), tmp_path / f"out-{batch.name}"
        )
        assert result.ok, result.errors
    assert_each_batch_restores(key_path, [first, second])


def test_a_save_never_replaces_a_key_another_run_saved_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "study.key"
    Key.create(path, PASSPHRASE, n=2**12).save()
    mine, theirs = Key.open(path, PASSPHRASE), Key.open(path, PASSPHRASE)
    theirs.identities["LOCATION"] = {"theirs": {"pseudo": "Kept"}}
    theirs.save()
    mine.identities["LOCATION"] = {"mine": {"pseudo": "Lost"}}
    with pytest.raises(KeyFileError, match="another qualdeid run changed the key while this one was working"):
        mine.save()
    assert Key.open(path, PASSPHRASE).identities["LOCATION"] == {"theirs": {"pseudo": "Kept"}}


_HOLD = """
import sys
from qualdeid.pseudonymise.key import KeyLock
with KeyLock(sys.argv[1]):
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_the_lock_makes_a_second_run_wait_and_says_who_holds_it(tmp_path: Path) -> None:
    path = tmp_path / "study.key"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        told: list[str] = []
        acquired = threading.Event()

        def second_run() -> None:
            with KeyLock(path, on_wait=told.append):
                acquired.set()

        thread = threading.Thread(target=second_run)
        thread.start()
        assert not acquired.wait(1.0)  # blocked while the other process holds the lock
        assert told == [f"{path} is in use by another qualdeid run (process {holder.pid}); "
                        "waiting for it to finish (Ctrl-C to stop)"]  # fmt: skip
        holder.communicate("\n", timeout=30)
        thread.join(timeout=30)
        assert acquired.is_set()
    finally:
        holder.kill()


class _WaitingDetector(FakeDetector):
    """Holds its run inside the key's lock until the other run is seen waiting for it."""

    def __init__(self, other_waiting: multiprocessing.synchronize.Event | None) -> None:
        super().__init__(SPANS)
        self.other_waiting = other_waiting

    def detect(self, corpus):
        if self.other_waiting is not None:
            assert self.other_waiting.wait(60), "the second run never waited for the key"
        yield from super().detect(corpus)


def _run(key_path: str, batch: str, out: str, other_waiting, wait_for_other: bool, started) -> None:
    def waiting(message: str) -> None:
        other_waiting.set()

    with KeyLock(key_path, on_wait=waiting):
        started.set()
        path = Path(key_path)
        key = Key.open(path, PASSPHRASE) if path.exists() else Key.create(path, PASSPHRASE, n=2**12)
        detector = _WaitingDetector(other_waiting if wait_for_other else None)
        result = Scrubber(key, ScrubConfig(seed="c"), detector=detector).scrub(Corpus([batch]), out)
        assert result.ok, result.errors


def test_two_scrubs_at_once_on_one_key_both_keep_their_records(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    key_path = tmp_path / "private" / "study.key"
    first = _batch(tmp_path / "a", "Rowena Quist came in early.\n")
    second = _batch(tmp_path / "b", "Idris Penhale rang about Tamsin.\n")
    other_waiting, first_started = ctx.Event(), ctx.Event()
    a = ctx.Process(
        target=_run, args=(str(key_path), str(first), str(tmp_path / "out-a"), other_waiting, True, first_started)
    )
    a.start()
    assert first_started.wait(60)
    b = ctx.Process(
        target=_run, args=(str(key_path), str(second), str(tmp_path / "out-b"), other_waiting, False, ctx.Event())
    )
    b.start()
    a.join(120)
    b.join(120)
    assert (a.exitcode, b.exitcode) == (0, 0)
    assert_each_batch_restores(key_path, [first, second])


def test_a_process_forked_while_the_key_is_locked_does_not_keep_it_locked(tmp_path: Path) -> None:
    path = tmp_path / "study.key"
    started, ready = os.pipe()
    with KeyLock(path):
        worker = os.fork()
        if worker == 0:  # a detection worker: outlives the run here (as one left behind by a crash could)
            os.write(ready, b"1")  # the fork handlers have run by now
            time.sleep(60)
            os._exit(0)
        # a child the system has not yet let run holds the lock until it does: wait for it to run
        assert os.read(started, 1) == b"1"
    os.close(started)
    os.close(ready)
    told: list[str] = []
    taken = threading.Event()

    def next_run() -> None:
        with KeyLock(path, on_wait=told.append):
            taken.set()

    thread = threading.Thread(target=next_run)
    try:
        thread.start()
        assert taken.wait(10) and told == []  # free at once, the worker still alive
    finally:
        os.kill(worker, signal.SIGKILL)
        os.waitpid(worker, 0)
        thread.join(timeout=30)
