"""The qualdeid command line: ``qualdeid COMMAND --help`` explains each command.

One module per command (``scan``, ``evaluate``, ``scrub`` with ``restore``, ``compose``, ``risk``);
``common`` holds what every command that reads a corpus shares: input and detector options, error
reporting, progress.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType
from typing import Any

import click

from qualdeid.cli import compose, evaluate, risk, scan, scrub
from qualdeid.cli.common import EXIT_INTERRUPTED, count_documents, progress


class _Main(click.Group):
    """The command group; Ctrl-C anywhere ends a command with one line and exit status 130."""

    def invoke(self, ctx: click.Context) -> Any:
        main_process = os.getpid()

        def interrupt(signum: int, frame: FrameType | None) -> None:
            # Worker processes forked for detection inherit this handler and carry on: the main
            # process stops them, so Ctrl-C prints no message from each of them.
            if os.getpid() == main_process:
                raise KeyboardInterrupt

        in_main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, interrupt) if in_main_thread else None
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted: no file was left half-written; run the same command again to finish", err=True)
            sys.exit(EXIT_INTERRUPTED)
        finally:
            if in_main_thread:
                signal.signal(signal.SIGINT, previous)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="qualdeid")
def main() -> None:
    """De-identify qualitative research text: diaries, interview transcripts, field notes.

    \b
    A typical project:
      qualdeid scan      see what would be found (names, places, organisations, dates, ages,
                         contacts, IDs, rare details)
      qualdeid evaluate  measure detection on a hand-annotated sample of your own data
      qualdeid scrub     write a de-identified copy of the corpus, with an encrypted key
      qualdeid restore   reverse a scrub (research team only, needs the key)
      qualdeid compose   draft a composite vignette from coded fragments
      qualdeid risk      check a vignette or quotes for re-identification risk

    Run `qualdeid COMMAND --help` for examples. Nothing is ever sent over the network.
    """


for command in (scan.scan, evaluate.evaluate, scrub.scrub, scrub.restore, compose.compose, risk.risk):
    main.add_command(command)

__all__ = ["count_documents", "main", "progress"]
