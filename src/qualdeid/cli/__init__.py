"""The qualdeid command line: ``qualdeid COMMAND --help`` explains each command.

One module per command (``scan``, ``review``, ``evaluate``, ``scrub`` with ``restore``, ``compose``,
``risk``, ``report``); ``common`` holds what every command that reads a corpus shares: input and
detector options, error reporting, progress.
"""

from __future__ import annotations

import click

from qualdeid.cli import compose, evaluate, report, review, risk, scan, scrub
from qualdeid.cli.common import count_documents, progress


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
