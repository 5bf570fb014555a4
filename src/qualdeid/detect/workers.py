"""Worker processes for one pass of detection, built so that nothing can hang.

Each worker has two pipes of its own: tasks go to it on one, its results come back on the other, in
the order it got the tasks. The main process shares no lock, queue or thread with a worker, so a
worker that dies (killed, out of memory, a crash in compiled code) can leave nothing held: its end is
seen at once (the process's sentinel, or the end of its pipe) and stops the run with a
:class:`WorkerError` that says what happened. Every wait of the main process has a time limit
(``STALL_SECONDS``), past which the run stops with an error naming the pass that stalled. Ending the
workers (:meth:`Workers.end`, always called when a pass is left, however it is left) stops each
process and reaps it, with a time limit too; no thread is left behind to start new ones.

A worker reads its task pipe in a thread of its own, so the main process never waits long to hand
out a task while the worker is busy sending a result back (two full pipes cannot block each other).
"""

from __future__ import annotations

import queue
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
C = TypeVar("C")

#: Longest wait for any worker's next result (a chunk of documents takes well under a second; a
#: chunk of the longest documents, on a loaded machine, a few minutes): past it, the run stops.
STALL_SECONDS = 1200.0
#: How long a worker may take to end once it is told to before it is killed, and then to be reaped.
END_SECONDS = 5.0

#: qualdeid's own code, where a failure is located (paths inside it name no one).
_PACKAGE = Path(__file__).parents[1]


class WorkerError(RuntimeError):
    """A worker process of detection died, failed outside any one document, or stalled: the run stops."""


def where_it_failed(e: BaseException) -> str:
    """The exception's type and the innermost place in qualdeid's code it came through (never its
    message, which may quote the text)."""
    ours = [f for f in traceback.extract_tb(e.__traceback__) if Path(f.filename).is_relative_to(_PACKAGE)]
    if not ours:
        return type(e).__name__
    module = Path(ours[-1].filename).relative_to(_PACKAGE).as_posix()
    return f"{type(e).__name__} in {module}:{ours[-1].lineno}"


def _receive_tasks(tasks: Connection, inbox: queue.SimpleQueue[Any]) -> None:
    """In a worker: move every task from the pipe to the inbox as it comes, then None (at the end of the pipe)."""
    try:
        while (task := tasks.recv()) is not None:
            inbox.put(task)
    except (EOFError, OSError):
        pass
    inbox.put(None)


def _serve(
    tasks: Connection,
    results: Connection,
    fn: Callable[[Any], Any],
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
) -> None:
    """A worker process: set up with ``initializer(*initargs)``, then send ``(True, fn(task))`` for each
    task, in order, until told to stop; ``(False, where)`` if it fails outside any one document."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process, which ends the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_receive_tasks, args=(tasks, inbox), daemon=True).start()
    try:
        initializer(*initargs)
        while (task := inbox.get()) is not None:
            results.send((True, fn(task)))
    except Exception as e:
        results.send((False, where_it_failed(e)))


class Workers(Generic[T, R]):
    """``jobs`` worker processes that compute ``fn(task)``, each set up once by ``initializer(state)``.
    ``stage`` names the work in errors ("pass 1 of detection")."""

    def __init__(
        self,
        context: BaseContext,
        jobs: int,
        fn: Callable[[T], R],
        initializer: Callable[..., None],
        state: Any,
        stage: str,
    ) -> None:
        self.stage = stage
        self.processes: list[Any] = []
        self.tasks: list[Connection] = []
        self.results: list[Connection] = []
        try:
            for n in range(jobs):
                task_reader, task_writer = context.Pipe(duplex=False)
                result_reader, result_writer = context.Pipe(duplex=False)
                process = context.Process(  # type: ignore[attr-defined]
                    target=_serve,
                    args=(task_reader, result_writer, fn, initializer, (state,)),
                    name=f"qualdeid-worker-{n + 1}",
                    daemon=True,
                )
                self.tasks.append(task_writer)
                self.results.append(result_reader)
                try:
                    process.start()
                finally:
                    task_reader.close()
                    result_writer.close()
                self.processes.append(process)
        except BaseException:
            self.end()
            raise

    def map(self, tasks: Iterable[tuple[C, T]], in_flight: int) -> Iterator[tuple[C, R]]:
        """``(context, fn(task))`` for each ``(context, task)``, in order. At most ``in_flight`` tasks are
        taken from ``tasks`` and not yet returned (memory stays bounded); each goes to the worker with
        the fewest tasks waiting. The context stays here (it is not sent to the workers)."""
        jobs = len(self.processes)
        pending: deque[tuple[C, int]] = deque()  # (context, worker) of each task handed out, in order
        waiting = [0] * jobs  # tasks handed to each worker whose result has not come back yet
        received: list[deque[R]] = [deque() for _ in range(jobs)]
        source = iter(tasks)
        more = True
        while True:
            while more and len(pending) < in_flight:
                item = next(source, None)
                if item is None:
                    more = False
                    break
                context, task = item
                worker = min(range(jobs), key=waiting.__getitem__)
                self._send(worker, task)
                waiting[worker] += 1
                pending.append((context, worker))
            if not pending:
                return
            context, worker = pending[0]
            while not received[worker]:
                for w, result in self._receive(waiting):
                    waiting[w] -= 1
                    received[w].append(result)
            pending.popleft()
            yield context, received[worker].popleft()

    def _send(self, worker: int, task: T) -> None:
        try:
            self.tasks[worker].send(task)
        except OSError:
            raise self._lost(worker) from None

    def _receive(self, waiting: list[int]) -> list[tuple[int, R]]:
        """The results that have come back, at least one: waits at most ``STALL_SECONDS`` for it."""
        readers = {self.results[w]: w for w in range(len(self.processes)) if waiting[w]}
        sentinels = {p.sentinel: w for w, p in enumerate(self.processes)}
        ready = wait([*readers, *sentinels], timeout=STALL_SECONDS)
        if not ready:
            raise WorkerError(
                f"{self.stage} stalled: no worker process sent a result for {STALL_SECONDS:.0f} s, so the run "
                "was stopped; run it again (with --jobs 1 if this happens again)"
            )
        out: list[tuple[int, R]] = []
        for handle in ready:
            if handle in sentinels:  # a worker ended: what it sent before is read first
                w = sentinels[handle]
                if waiting[w] and self.results[w].poll():
                    continue  # its reader is ready too (or will be on the next wait)
                raise self._lost(w)
            w = readers[handle]  # type: ignore[index]
            try:
                done, value = self.results[w].recv()
            except (EOFError, OSError):
                raise self._lost(w) from None
            if not done:
                raise WorkerError(
                    f"{self.stage} failed in a worker process ({value}), so the run was stopped. Please "
                    "report this line to the qualdeid developers"
                )
            out.append((w, value))
        return out

    def _lost(self, worker: int) -> WorkerError:
        process = self.processes[worker]
        process.join(END_SECONDS)
        code = process.exitcode
        if code is None:
            how = "stopped answering"
        elif code < 0:
            how = f"was killed by signal {signal.Signals(-code).name}"
        else:
            how = f"ended with exit code {code}"
        return WorkerError(
            f"{self.stage} stopped: a worker process {how} (running out of memory is the usual cause); run "
            "the command again, with fewer --jobs if it happens again"
        )

    def end(self) -> None:
        """Stop every worker and reap it: at once, whatever it is doing (its work is of no use any
        more); one that has not ended after ``END_SECONDS`` is killed. Calling it again does nothing."""
        for process in self.processes:
            if process.exitcode is None:
                process.terminate()
        deadline = time.monotonic() + END_SECONDS
        for process in self.processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in self.processes:
            if process.exitcode is None:
                process.kill()
                process.join(END_SECONDS)
        for conn in (*self.tasks, *self.results):
            conn.close()
        for process in self.processes:
            if process.exitcode is not None:
                process.close()
        self.processes, self.tasks, self.results = [], [], []
