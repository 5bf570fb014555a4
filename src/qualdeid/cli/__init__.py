"""The qualdeid command line: ``qualdeid COMMAND --help`` explains each command.

One module per command (``scan``, ``review``, ``evaluate``, ``scrub`` with ``restore``, ``compose``,
``risk``, ``report``); ``common`` holds what every command that reads a corpus shares: input and
detector options, error reporting, progress.
"""

from __future__ import annotations

import _thread
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import click

from qualdeid.cli import compose, evaluate, report, review, risk, scan, scrub
from qualdeid.cli.common import EXIT_INPUT_ERRORS, EXIT_INTERRUPTED, count_documents, one_line, progress
from qualdeid.detect.workers import WorkerError


class _Main(click.Group):
    """The command group; Ctrl-C anywhere ends a command with one line and exit status 130, and so does
    a worker process of detection that died or stalled (exit status 1; its message names no text). The
    worker processes are ended before that line, as the command's context closes its detector
    (``common.make_detector``)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _interrupts_main_process_only():
                return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted: no file was left half-written; run the same command again to finish", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except WorkerError as e:
            click.echo(f"error: {one_line(str(e))}. No file was left half-written", err=True)
            sys.exit(EXIT_INPUT_ERRORS)


@contextmanager
def _interrupts_main_process_only() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt in this process only: worker processes of detection ignore it
    and carry on until this process stops them, so none prints a message. An
    interrupt Python had to swallow (it came while a fork handler or a finaliser ran) is raised again
    as soon as that is over, so that Ctrl-C is never lost."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    main_process = os.getpid()

    def interrupt(signum: int, frame: FrameType | None) -> None:
        if os.getpid() == main_process:
            raise KeyboardInterrupt

    def unraisable(info: Any) -> None:
        if issubclass(info.exc_type, KeyboardInterrupt) and os.getpid() == main_process:
            threading.Timer(0.01, _thread.interrupt_main).start()
        else:
            previous_hook(info)

    previous, previous_hook = signal.signal(signal.SIGINT, interrupt), sys.unraisablehook
    sys.unraisablehook = unraisable
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        sys.unraisablehook = previous_hook


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="qualdeid")
def main() -> None:
    """De-identify qualitative research text: diaries, interview transcripts, field notes.

    \b
    A typical project:
      qualdeid scan      see what would be found (names, places, organisations, dates, ages,
                         contacts, IDs, rare details)
      qualdeid review    decide in your browser what detection is unsure of (saved in --rules DIR)
      qualdeid evaluate  measure detection on a hand-annotated sample of your own data
      qualdeid scrub     write a de-identified copy of the corpus, with an encrypted key
      qualdeid restore   reverse a scrub (research team only, needs the key)
      qualdeid compose   draft a composite vignette from coded fragments
      qualdeid risk      check a vignette or quotes for re-identification risk
      qualdeid report    the record for an ethics committee (HTML) and the methods paragraph

    Run `qualdeid COMMAND --help` for examples. Nothing is ever sent over the network.
    """


for command in (
    scan.scan,
    review.review,
    evaluate.evaluate,
    scrub.scrub,
    scrub.restore,
    compose.compose,
    risk.risk,
    report.report,
):
    main.add_command(command)

__all__ = ["count_documents", "main", "progress"]
