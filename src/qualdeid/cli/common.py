"""What the commands share: input and detector options, error reporting, progress."""

from __future__ import annotations

import gc
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from qualdeid.corpus import Document, InputError
from qualdeid.corpus.readers import (
    ALL_FIELDS,
    BROKEN_LINK,
    DEFAULT_MAX_MB,
    HIDDEN,
    LINK_OUTSIDE,
    READABLE,
    SPECIAL,
    UNSUPPORTED,
    Corpus,
    FieldChoice,
    Skipped,
)

if TYPE_CHECKING:
    from qualdeid.detect import Detector

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2
#: As a shell reports a command stopped by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130
F = TypeVar("F", bound=Callable[..., Any])


def input_options(f: F) -> F:
    """Options for reading a corpus: csv column and delimiter, encoding, size limit."""
    f = click.option(
        "--delimiter",
        default=None,
        metavar="CHAR",
        help="Delimiter of .csv input (default: the one of , ; tab | that the header line uses).",
    )(f)
    f = click.option(
        "--follow-symlinks",
        is_flag=True,
        expose_value=False,  # read by make_corpus from the context: no command needs it otherwise
        callback=lambda ctx, param, value: ctx.meta.__setitem__(FOLLOW_SYMLINKS, value),
        help="Also read files and folders reached through links that lead outside the folders given "
        "(by default they are skipped and named in a warning).",
    )(f)
    f = click.option(
        "--max-mb",
        type=click.FloatRange(min=0, min_open=True),
        default=DEFAULT_MAX_MB,
        show_default=True,
        help="Refuse input files larger than this many megabytes.",
    )(f)
    f = click.option(
        "--encoding",
        default=None,
        metavar="NAME",
        help="Encoding of text inputs without a byte-order mark (default UTF-8), e.g. cp1252 or latin-1; "
        "a file with a byte-order mark is read as it says.",
    )(f)
    f = click.option("--text-column", metavar="NAME", help="Column holding the text, for .csv input (required).")(f)
    return f


#: The most worker processes --jobs 0 starts: each holds its own copy of the model's working memory.
MAX_AUTO_JOBS = 4


def _resolve_jobs(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if value > 0:
        return value
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_JOBS))


def model_and_jobs_options(f: F) -> F:
    """The detector's model and worker processes (``review`` takes these, with its own --rules)."""
    f = click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=0,
        callback=_resolve_jobs,
        help="Worker processes for detection. Default 0: one per CPU core (at most "
        f"{MAX_AUTO_JOBS}); a corpus too small to gain from workers is read in one process anyway.",
    )(f)
    return click.option(
        "--model",
        default=None,
        metavar="NAME",
        help="Installed spaCy pipeline (name or folder) to use instead of en_core_web_sm.",
    )(f)


def detect_options(f: F) -> F:
    """Options that configure the detector: model, rules folders, worker processes."""
    f = click.option(
        "--rules",
        "rules_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="A project rules folder applied on top of the defaults (repeatable; later folders win).",
    )(f)
    return model_and_jobs_options(f)


def fields_option(default: str) -> Callable[[F], F]:
    """``--scan-fields``: which fields of .csv/.jsonl records are read besides the text."""
    return click.option(
        "--scan-fields",
        "--scan-columns",
        "scan_fields",
        default=default,
        show_default=True,
        metavar="all|none|NAME,...",
        callback=_parse_fields,
        help="Fields of .csv rows and .jsonl records read as text besides the text itself: all of them, "
        "none, or the ones named (the id column and jsonl 'segments'/'spans' never are).",
    )


def _parse_fields(ctx: click.Context, param: click.Parameter, value: str) -> FieldChoice:
    if value.strip().lower() == "all":
        return ALL_FIELDS
    if value.strip().lower() == "none":
        return ()
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    if not names:
        raise click.BadParameter("give all, none or field names separated by commas", param=param)
    return names


FOLLOW_SYMLINKS = "qualdeid.follow_symlinks"


def make_corpus(
    paths: Iterable[str],
    text_column: str | None,
    encoding: str | None,
    max_mb: float,
    *,
    delimiter: str | None = None,
    scan_fields: FieldChoice = None,
) -> Corpus:
    """The corpus the input options describe (``--follow-symlinks`` comes from the command's context)."""
    if delimiter is not None and len(delimiter) != 1:
        raise click.BadParameter("give one character, e.g. ';' (use $'\\t' for a tab)", param_hint="--delimiter")
    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.BadParameter(f"unknown encoding '{encoding}'", param_hint="--encoding") from None
    return Corpus(
        list(paths),
        text_column=text_column,
        encoding=encoding,
        max_bytes=int(max_mb * 1_000_000),
        delimiter=delimiter,
        scan_fields=scan_fields,
        follow_symlinks=_context_flag(FOLLOW_SYMLINKS),
    )


def _context_flag(name: str) -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get(name))


def make_detector(model: str | None, rules_dirs: Iterable[Path], jobs: int = 1) -> Detector:
    """A Detector, or exit 2 with one line when the model is not installed."""
    from qualdeid.decisions import DecisionsError
    from qualdeid.detect import DetectConfig, Detector
    from qualdeid.detect.nlp.loading import ModelNotFoundError

    config = DetectConfig(rules_dirs=list(rules_dirs), jobs=jobs)
    if model:
        config.model = model
    try:
        detector = Detector(config)
    except (ModelNotFoundError, DecisionsError) as e:
        fail(str(e))
    ctx = click.get_current_context(silent=True)
    if ctx is not None:  # however the command ends (Ctrl-C too), its detection runs end with their workers
        ctx.call_on_close(detector.close)
    # the model and the lists live as long as the command: the garbage collector need not go over them
    # again and again (a full collection of them cost about 3 % of a scan's time)
    gc.freeze()
    return detector


def fail(message: str, code: int = EXIT_USAGE) -> Any:
    """Print ``error: message`` on one line to stderr and exit."""
    click.echo(f"error: {one_line(message)}", err=True)
    sys.exit(code)


def one_line(message: str) -> str:
    return " ".join(message.split())


class ErrorReport:
    """Reports each failed input once on stderr (one line, naming the file) and counts them.

    A corpus may be read more than once (detection makes two passes), so repeats are dropped.
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()

    @property
    def count(self) -> int:
        return len(self._seen)

    def __call__(self, err: InputError) -> None:
        line = one_line(str(err))
        if line not in self._seen:
            self._seen.add(line)
            click.echo(f"error: {line}", err=True)

    def skipped(self, corpus: Corpus) -> None:
        """Tell the user what the given folders hold that was not read (names and types, no content)."""
        by_reason: dict[str, list[Skipped]] = {}
        for s in corpus.skipped:
            by_reason.setdefault(s.reason, []).append(s)
        unsupported = by_reason.pop(UNSUPPORTED, [])
        if unsupported:
            by_type = Counter(s.path.suffix.lower() or "(no extension)" for s in unsupported)
            kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(by_type.items()))
            click.echo(
                f"warning: skipped {len(unsupported)} file(s) of unsupported types ({kinds}); "
                f"qualdeid reads {READABLE} — convert the others to one of these",
                err=True,
            )
        for reason, what_to_do in _SKIPPED_HINTS.items():
            if by_reason.get(reason):
                click.echo(f"warning: skipped {_names(by_reason[reason])} ({reason}); {what_to_do}", err=True)


#: What to do about each kind of entry a folder holds that was not read.
_SKIPPED_HINTS = {
    HIDDEN: "rename without the leading dot to include it",
    LINK_OUTSIDE: "give the linked path itself, or use --follow-symlinks",
    BROKEN_LINK: "the file it pointed to is gone",
    SPECIAL: "give regular files or folders",
}
#: How many paths a warning names before it just counts the rest.
NAMED_IN_WARNING = 5


def _names(skipped: list[Skipped]) -> str:
    names = [f"{s.path}/" if s.is_dir else str(s.path) for s in skipped]
    shown = ", ".join(names[:NAMED_IN_WARNING])
    return shown + (f" and {len(names) - NAMED_IN_WARNING} more" if len(names) > NAMED_IN_WARNING else "")


class _ProgressCorpus:
    """A corpus behind a progress bar: the detector reports documents analysed (pass 1) and finished
    (pass 2) through ``detect_progress``, so the bar counts work done, not documents read."""

    def __init__(self, corpus: Iterable[Document | InputError], on_progress: Callable[[int, int], None]) -> None:
        self.corpus = corpus
        self.detect_progress = on_progress

    def __iter__(self) -> Iterator[Document | InputError]:
        return iter(self.corpus)


def count_documents(corpus: Corpus) -> int | None:
    """How many documents the corpus holds, when that is cheap to know (None for csv and stdin)."""
    total = 0
    for f in corpus.files():
        suffix = f.path.suffix.lower()
        if str(f.path) == "-" or suffix in (".csv", ".qdpx"):
            return None
        if suffix == ".jsonl":
            try:
                with f.path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


@contextmanager
def progress(corpus: Corpus, *, enabled: bool, label: str = "Scanning") -> Iterator[Iterable[Document | InputError]]:
    """Yield ``corpus`` wrapped so that a progress bar on stderr follows the detector reading it.

    The bar counts documents analysed (pass 1), then documents finished (pass 2); it shows counts
    only, never document text or file names. It is drawn only when ``enabled``, stderr is a terminal
    and there is more than one document.
    """
    total = count_documents(corpus) if enabled else 0
    if not enabled or not sys.stderr.isatty() or total == 1:
        yield corpus
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(
        *columns, console=Console(stderr=True), transient=True, redirect_stdout=False, redirect_stderr=False
    ) as bar:
        task = bar.add_task(f"{label} (1/2: analysing)", total=total)
        stage_shown = 1

        def on_progress(stage: int, done: int) -> None:
            nonlocal stage_shown
            if stage != stage_shown:
                stage_shown = stage
                bar.reset(task, total=total, description=f"{label} (2/2: finishing)")
            bar.update(task, completed=done)

        yield _ProgressCorpus(corpus, on_progress)


def detect_corpus(
    detector: Detector, corpus: Corpus, errors: ErrorReport, *, show_progress: bool, label: str = "Scanning"
) -> Iterator[Document]:
    """Run the detector over the corpus, reporting failed inputs; yields documents with spans."""
    with progress(corpus, enabled=show_progress, label=label) as stream, closing(detector.detect(stream)) as run:
        for item in run:
            if isinstance(item, InputError):
                errors(item)
            else:
                yield item
    errors.skipped(corpus)
    report_stale(detector)


def report_stale(detector: Detector) -> None:
    """One warning line when review decisions could not be applied (their text changed)."""
    stale = detector.decisions.stale_summary()
    if stale:
        click.echo(f"warning: {stale}", err=True)


def summary_line(documents: int, label_counts: Counter[str], failed: int) -> str:
    labels = ", ".join(f"{label} {n}" for label, n in label_counts.most_common())
    line = f"{documents} document(s), {sum(label_counts.values())} span(s)"
    if labels:
        line += f" ({labels})"
    if failed:
        line += f"; {failed} input(s) failed (see errors above)"
    return line


# ---- the key (scrub, restore, compose, risk)


def ask_passphrase(key_path: Path, *, creating: bool) -> str:
    """The passphrase from QUALDEID_PASSPHRASE, else asked for on the terminal (twice for a new key).

    Without a terminal to ask on (a script, cron, input piped in) it exits 2 with one line rather
    than read the passphrase from standard input, which may hold the data.
    """
    from qualdeid.pseudonymise.key import PASSPHRASE_ENV

    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    no_passphrase = f"{key_path}: no passphrase; set {PASSPHRASE_ENV}, or run the command in a terminal to be asked"
    if not _terminal_available():
        fail(no_passphrase)
    if creating:
        click.echo(
            f"Creating a new key at {key_path}. Keep the passphrase safe: the key is useless without it.", err=True
        )
    try:
        return click.prompt("Key passphrase", hide_input=True, confirmation_prompt=creating, err=True)
    except click.Abort as e:
        if isinstance(e.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        fail(no_passphrase)  # end of input at the prompt


def _terminal_available() -> bool:
    """Whether a passphrase can be asked for: a terminal to read it from without echoing it."""
    if sys.stdin.isatty():
        return True
    try:
        os.close(os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY))
    except OSError:
        return False
    return True


def open_key(key_path: Path, *, create: bool) -> Any:
    from qualdeid.pseudonymise.key import Key, KeyFileError

    exists = key_path.exists()
    if not exists and not create:
        fail(f"{key_path}: no such key file")
    try:
        passphrase = ask_passphrase(key_path, creating=not exists)
        return Key.open(key_path, passphrase) if exists else Key.create(key_path, passphrase)
    except KeyFileError as e:
        fail(str(e))


def key_values(key_path: Path | None) -> tuple[list[tuple[str, str]], set[str]]:
    """Adapter to the scrub key: every original value (and its label), every pseudonym."""
    if key_path is None:
        return [], set()
    from qualdeid.risk.keyvalues import key_originals, key_pseudonyms

    identities = open_key(key_path, create=False).identities
    return list(key_originals(identities)), key_pseudonyms(identities)
