"""Writing output files: atomically, never over a different existing file without ``force``.

Every atomic write ends in an fsync, which waits on the disk rather than the CPU (and releases the
GIL): :class:`OutputWriter` keeps a few writes in flight on threads, so a corpus of thousands of
small files is not written one disk flush at a time.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from qualdeid.corpus.writers import OutputError, write_bytes_atomic
from qualdeid.pseudonymise.formats import docx_text
from qualdeid.pseudonymise.result import ScrubResult

WRITER_THREADS = 4
#: Rendered outputs waiting for a writer thread, per thread (bounds the memory they hold).
QUEUED_PER_THREAD = 4

WRITTEN, UNCHANGED = "written", "unchanged"


class OutputWriter:
    """Writes outputs on a few threads; outcomes go to ``result`` in the order of ``write`` calls:
    an existing identical output counts as unchanged, a different one is an error unless ``force``.

    Leaving the ``with`` block waits for every write; leaving it by an exception (Ctrl-C) drops
    the writes not yet started and lets the running ones finish (each is atomic).

    A write that fails goes to ``result.errors`` (one line: the path and what to do). When no other
    file could be written either (full disk, read-only folder), the next ``write`` raises that
    :class:`OutputError`, so that the run stops instead of failing once per file.
    """

    def __init__(self, result: ScrubResult, *, force: bool, hint: str, threads: int = WRITER_THREADS) -> None:
        self.result = result
        self.force = force
        self.hint = hint
        self._limit = threads * QUEUED_PER_THREAD
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="qualdeid-write")
        self._pending: deque[tuple[Path, Future[str]]] = deque()
        self.stopped_by: OutputError | None = None

    def write(self, target: Path, fmt: str, data: bytes) -> None:
        if self.stopped_by is not None:
            raise self.stopped_by
        future = self._pool.submit(_write_one, target, fmt, data, self.force, self.hint)
        self._pending.append((target, future))
        while len(self._pending) > self._limit:
            self._collect()

    def _collect(self) -> None:
        target, future = self._pending.popleft()
        try:
            outcome = future.result()
        except OutputError as e:
            outcome = str(e)
            if e.whole_folder and self.stopped_by is None:
                self.stopped_by = e
        _record(self.result, target, outcome)

    def __enter__(self) -> OutputWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            try:
                while self._pending:
                    self._collect()
            finally:
                self._pool.shutdown(wait=True, cancel_futures=True)
        else:
            self._pool.shutdown(wait=True, cancel_futures=True)
            while self._pending:  # the writes that ran are recorded (a run stopped by an error undoes them)
                if self._pending[0][1].cancelled():
                    self._pending.popleft()
                else:
                    self._collect()


def _write_one(target: Path, fmt: str, data: bytes, force: bool, hint: str) -> str:
    """WRITTEN, UNCHANGED, or the error message; :class:`OutputError` when it cannot be written."""
    try:
        if target.exists():
            if _same_output(fmt, target, data):
                return UNCHANGED
            if not force:
                return f"{target}: already exists; {hint}"
    except OSError as e:
        return f"{target}: cannot read the existing file ({e.strerror}); check its permissions"
    write_bytes_atomic(target, data)
    return WRITTEN


def _record(result: ScrubResult, target: Path, outcome: str) -> None:
    if outcome == WRITTEN:
        result.written.append(target)
    elif outcome == UNCHANGED:
        result.unchanged.append(target)
    else:
        result.errors.append(outcome)


def _same_output(fmt: str, target: Path, data: bytes) -> bool:
    existing = target.read_bytes()
    if existing == data:
        return True
    if fmt == "docx":
        try:
            return docx_text(existing) == docx_text(data)
        except Exception:
            return False
    return False
