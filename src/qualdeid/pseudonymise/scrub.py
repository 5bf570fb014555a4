"""The Scrubber: map (per-document detection) → reduce (identity table) → map (replacement, output).

1. Detection streams through the corpus; only each document's mentions and a text hash are kept.
2. The identities are resolved over all mentions and given their pseudonyms; every document's
   edits are planned and the key (with the private log of every replacement) is saved — before
   any output exists, so an interrupted run never leaves outputs the key cannot reverse.
3. The corpus is read again and each file is rendered and written atomically. A re-run skips
   outputs that are already exactly what it would write.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualdeid.corpus.model import LABELS, Document, InputError
from qualdeid.corpus.parts import fits_parts, spans_to_replace
from qualdeid.corpus.readers import ALL_FIELDS, Corpus, discover
from qualdeid.corpus.writers import OutputError, check_writable, write_text_atomic
from qualdeid.edits import apply_edits
from qualdeid.pseudonymise.audit import Audit
from qualdeid.pseudonymise.formats import (
    OutDoc,
    UnsafeOutput,
    parts_read,
    render,
    restore_info,
    unscanned_fields,
)
from qualdeid.pseudonymise.identity import Mention
from qualdeid.pseudonymise.key import Key, KeyLock, KeySaveError, record_id, refuse_inside
from qualdeid.pseudonymise.planner import Plan, Planner
from qualdeid.pseudonymise.policy import Policy
from qualdeid.pseudonymise.result import ScrubResult
from qualdeid.pseudonymise.surrogates import DEFAULT_LOCALE, check_locale
from qualdeid.pseudonymise.writing import OutputWriter

AUDIT_NAME = "qualdeid-audit.json"
#: Labels whose known real values are also replaced in record fields not read as text (``--scan-fields``)
#: and in .qdpx source names.
KNOWN_VALUE_LABELS = ("PERSON", "LOCATION", "ORGANIZATION", "CONTACT", "ID")


class ScrubError(Exception):
    """A problem with the whole run (not one input); the message says what to do."""


@dataclass
class ScrubConfig:
    locale: str | None = None
    seed: str | None = None
    mark: bool = False
    jobs: int = 1
    force: bool = False
    rules_dirs: list[Path] = field(default_factory=list)
    model: str | None = None
    text_column: str | None = None


def doc_key(rel: str, doc: Document) -> str:
    """Identifies a document across the two reads and in the key: file, record id, line/row."""
    where = doc.meta.get("_line", doc.meta.get("_row", 0))
    return f"{rel}\x1f{doc.id}\x1f{where}"


def seeded_date_offset(seed: str) -> int:
    """With --seed a run is reproducible, the date shift included: 30-365 days either way."""
    n = int.from_bytes(hashlib.sha256(f"date-offset:{seed}".encode()).digest()[:8], "big")
    days = 30 + n % 336
    return days if (n >> 32) & 1 else -days


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_out_dir(paths: Iterable[str], out_dir: Path, key_path: Path | None = None) -> None:
    """Refuse, before anything is written, an output folder that is an input, lies inside an input
    folder or contains an input (file or folder), and a key inside an input folder: nothing is ever
    written among the inputs (symbolic links are followed to where they lead)."""
    out = out_dir.resolve()
    key = key_path.resolve() if key_path is not None else None
    for raw in paths:
        if raw == "-" or not Path(raw).exists():
            continue  # a missing input is reported with the others
        p = Path(raw).resolve()
        if out == p:
            raise ScrubError(f"the output folder {out_dir} is the input {raw}; choose a new folder outside every input")
        if p in out.parents:
            raise ScrubError(
                f"the output folder {out_dir} is inside the input folder {raw}; choose a folder outside it"
            )
        if out in p.parents:
            raise ScrubError(
                f"the output folder {out_dir} contains the input {raw}; choose a folder outside every input "
                "(the outputs would mix with the inputs)"
            )
        if key is not None and p.is_dir() and p in key.parents:
            raise ScrubError(
                f"the key {key_path} is inside the input folder {raw}; keep it somewhere private, outside the inputs"
            )


def rel_paths(paths: Iterable[str], *, follow_symlinks: bool = False) -> tuple[dict[str, str], dict[str, str]]:
    """source path → output-relative path, and source path → error for clashing names."""
    rels: dict[str, str] = {}
    clashes: dict[str, str] = {}
    seen: dict[str, str] = {}
    for item in discover(paths, follow_symlinks=follow_symlinks):
        if isinstance(item, InputError):
            continue
        src, rel = str(item.path), item.rel
        if rel == "stdin":
            rel = "stdin.txt"
        if rel in seen and seen[rel] != src:
            clashes[src] = f"{src}: another input also becomes {rel} in the output folder; give the folders separately"
            continue
        seen[rel] = src
        rels[src] = rel
    return rels, clashes


class KnownValues:
    """Replaces the corpus's known real values (whole words) wherever the detector did not look."""

    def __init__(self, mapping: dict[str, str]) -> None:
        self.mapping = {k.lower(): v for k, v in mapping.items() if k.strip()}
        alts = sorted(self.mapping, key=len, reverse=True)
        self.rx = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, alts)) + r")(?!\w)", re.IGNORECASE) if alts else None

    def __call__(self, text: str) -> str:
        if not self.rx or not text:
            return text
        return self.rx.sub(lambda m: self.mapping[m.group(0).lower()], text)

    def scrub_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.scrub_value(v) for v in value]
        if isinstance(value, dict):
            return {k: self.scrub_value(v) for k, v in value.items()}
        return value


#: A capitalised single-word name (no title, no space): what the sweep looks for.
_SWEEPABLE = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*")
SWEEP_DETECTOR = "scrub-known-names"


@dataclass
class _Seen:
    rel: str
    mentions: list[Mention]
    sha: str
    detectors: set[str]
    record: str = ""  # its record id in the key, once planned
    #: review decisions: person mentions pinned to one person, texts decided by offsets
    pins: dict[tuple[int, int], str] = field(default_factory=dict)
    decided: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Run:
    """One run's state, handed from pass to pass: the inputs and where their outputs go, what
    detection saw, the plans, and the outcome so far."""

    corpus: Corpus
    out_dir: Path
    rels: dict[str, str]  # source path -> output-relative path
    clashes: dict[str, str]  # source path -> error (two inputs with one output name)
    result: ScrubResult
    seen: dict[str, _Seen] = field(default_factory=dict)  # doc key -> what detection found
    plans: dict[str, Plan] = field(default_factory=dict)
    known: KnownValues = field(default_factory=lambda: KnownValues({}))
    audit: Audit | None = None

    def doc_key(self, doc: Document) -> str | None:
        """The document's key, or None when its file is not scrubbed (a clash, or not an input)."""
        src = str(doc.source)
        if src in self.clashes or src not in self.rels:
            return None
        return doc_key(self.rels[src], doc)


class Scrubber:
    """Pseudonymise a corpus consistently. ``Scrubber(key).scrub(Corpus(paths), out_dir)``."""

    def __init__(self, key: Key, config: ScrubConfig | None = None, detector: Any = None) -> None:
        self.key = key
        self.config = config or ScrubConfig()
        self.policy = Policy.load(self.config.rules_dirs)
        self._detector = detector
        locale = self.config.locale or key.data.get("locale") or DEFAULT_LOCALE
        self.locale = check_locale(locale)
        if key.data.get("locale") is None:
            key.data["locale"] = self.locale
        self.seed_warning: str | None = None
        if self.config.seed is not None:
            if key.is_new:
                key.data["seed"] = self.config.seed
                key.data["date_offset_days"] = seeded_date_offset(self.config.seed)
            elif key.data.get("seed") != self.config.seed:
                self.seed_warning = "the key was made with another --seed; its existing pseudonyms are kept"

    @property
    def detector(self) -> Any:
        if self._detector is None:
            from qualdeid.detect import DetectConfig, Detector

            cfg = DetectConfig(rules_dirs=list(self.config.rules_dirs), jobs=self.config.jobs)
            if self.config.model:
                cfg.model = self.config.model
            self._detector = Detector(cfg)
        return self._detector

    # ------------------------------------------------------------------ public

    def scrub(
        self,
        corpus: Corpus | Iterable[str | Path],
        out_dir: str | Path,
        *,
        detect_input: Iterable[Document | InputError] | None = None,
    ) -> ScrubResult:
        """Scrub ``corpus`` into ``out_dir``; ``detect_input`` (e.g. the corpus behind a progress bar)
        is what the detector reads, the corpus itself by default."""
        if not isinstance(corpus, Corpus):
            corpus = Corpus(list(corpus), text_column=self.config.text_column)
        if corpus.scan_fields is None:  # every field of a record is read unless the caller chose
            corpus.scan_fields = ALL_FIELDS
        out_dir = Path(out_dir)
        check_out_dir(corpus.paths, out_dir, self.key.path)
        refuse_inside(self.key.path, out_dir)
        with KeyLock(self.key.path):
            return self._scrub(corpus, out_dir, detect_input if detect_input is not None else corpus)

    def _scrub(self, corpus: Corpus, out_dir: Path, detect_input: Iterable[Document | InputError]) -> ScrubResult:
        check_writable(out_dir)  # a read-only folder fails now, not after detection
        rels, clashes = rel_paths(corpus.paths, follow_symlinks=corpus.follow_symlinks)
        run = _Run(corpus, out_dir, rels, clashes, ScrubResult(errors=sorted(clashes.values())))
        self._detect(run, detect_input)
        self._sweep_known_names(run)
        planner = Planner(
            self.key, self.policy, self.locale, mark=self.config.mark, rules_dirs=tuple(self.config.rules_dirs)
        )
        pins = {(k, a, b): person for k, s in run.seen.items() for (a, b), person in s.pins.items()}
        planner.reduce((m for s in run.seen.values() for m in s.mentions), pins)
        month_first = self.locale == "en_US"
        run.plans = {k: planner.plan(k, s.mentions, month_first) for k, s in run.seen.items()}
        run.known = self._known_values(run)
        run.audit = Audit(self.locale, self.policy, planner.resolution_flags)
        # the private log goes into the key, and the key is saved, before any output exists
        for k, s in run.seen.items():
            log = [a.to_log() for a in _applied_from_edits(run.plans[k].edits, s.mentions)]
            # an earlier run that did exactly this keeps its record (and its output stays restorable)
            s.record = record_id(k, s.sha, log)
            self.key.documents.setdefault(s.record, {}).update(in_sha=s.sha, edits=log)
        self.key.save()
        self._write(run)
        result = run.result
        try:
            self.key.save()
        except KeySaveError as e:
            # the outputs written now need what this save holds to be restored: none is left without it
            undone = _remove(result.written)
            raise KeySaveError(f"{e}; the {undone} file(s) this run wrote were removed, run scrub again") from None
        result.errors = list(dict.fromkeys(result.errors))
        decisions = getattr(self.detector, "decisions", None)
        counts = {"applied": decisions.applied, "stale": len(decisions.stale)} if decisions is not None else None
        result.audit = run.audit.finish(result.errors, counts)
        try:
            write_text_atomic(out_dir / AUDIT_NAME, run.audit.to_json(result.audit))
        except OutputError as e:
            result.errors.append(str(e))
        return result

    # ------------------------------------------------------------------ passes

    def _detect(self, run: _Run, detect_input: Iterable[Document | InputError]) -> None:
        for item in self.detector.detect(detect_input):
            if isinstance(item, InputError):
                run.result.errors.append(str(item))
                continue
            k = run.doc_key(item)
            if k is None:
                continue
            spans = spans_to_replace(item)
            mentions = [
                Mention(k, s.start, s.end, s.label, item.text[s.start : s.end]) for s in spans if s.label in LABELS
            ]
            detectors = {s.detector for s in spans if s.detector}
            run.seen[k] = _Seen(run.rels[str(item.source)], mentions, text_hash(item.text), detectors)
            decisions = getattr(self.detector, "decisions", None)
            if decisions:
                run.seen[k].pins = decisions.identity_pins(item)
                run.seen[k].decided = decisions.decided_ranges(item)

    def _sweep_known_names(self, run: _Run) -> None:
        """Safety over readability: a name that detection found standing alone as a person anywhere
        in the corpus is replaced wherever it occurs capitalised, even where the detector's context
        rules took it for a word ("Hope said" vs "Hope you are well" at a sentence start)."""
        names = {
            m.text
            for s in run.seen.values()
            for m in s.mentions
            if m.label == "PERSON" and _SWEEPABLE.fullmatch(m.text)
        }
        if not names:
            return
        rx = re.compile(
            r"(?<![\w'’-])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])"
        )
        for item in run.corpus:
            if not isinstance(item, Document):
                continue
            k = run.doc_key(item)
            s = run.seen.get(k) if k is not None else None
            if k is None or s is None or text_hash(item.text) != s.sha:
                continue
            taken = [(m.start, m.end) for m in s.mentions] + s.decided  # a text the researcher kept stays
            added = [
                Mention(k, m.start(), m.end(), "PERSON", m.group())
                for m in rx.finditer(item.text)
                if not any(a < m.end() and m.start() < b for a, b in taken) and fits_parts(item, m.start(), m.end())
            ]
            if added:
                s.mentions = sorted(s.mentions + added, key=lambda m: m.start)
                s.detectors.add(SWEEP_DETECTOR)

    def _known_values(self, run: _Run) -> KnownValues:
        mapping: dict[str, str] = {}
        for k in sorted(run.plans):
            for e in run.plans[k].edits:
                if e.label in KNOWN_VALUE_LABELS:
                    original = next(
                        (m.text for m in run.seen[k].mentions if m.start == e.start and m.end == e.end), None
                    )
                    if original and len(original) > 1:
                        mapping.setdefault(original, e.new)
        return KnownValues(mapping)

    def _write(self, run: _Run) -> None:
        """Render and write every output; a full disk or read-only folder stops the writing (the error
        is in the result once, the outputs written so far are whole)."""
        with OutputWriter(run.result, force=self.config.force, hint="use --force to overwrite it") as writer:
            try:
                for src, fmt, rel, docs in grouped_inputs(run.corpus, run.rels, run.clashes, run.result):
                    made = [self._out_doc(run, d) for d in docs]
                    outs = [o for o in made if o is not None]
                    if not outs:
                        continue
                    try:
                        data = render(fmt, Path(src), outs, run.known, getattr(run.corpus, "encoding", None))
                    except UnsafeOutput as e:  # never written with a name left in it
                        run.result.errors.append(f"{src}: not written: {e}; please report this file's layout")
                        continue
                    except Exception as e:  # a damaged file the reader accepted: report it, go on
                        run.result.errors.append(f"{src}: could not write its scrubbed copy ({type(e).__name__})")
                        continue
                    writer.write(run.out_dir / rel, fmt, data)
            except OutputError:
                pass  # recorded by the writer

    def _out_doc(self, run: _Run, doc: Document) -> OutDoc | None:
        """One document's replacement (the map step after the reduce); its restore data goes into the key."""
        k = run.doc_key(doc)
        s = run.seen.get(k) if k is not None else None
        if k is None or s is None:
            return None  # detection failed for it: never written
        if text_hash(doc.text) != s.sha:
            run.result.errors.append(f"{doc.source}: changed while it was being scrubbed; run scrub again")
            return None
        new_text, applied = apply_edits(doc.text, run.plans[k].edits)
        fields = {name: run.known.scrub_value(doc.meta[name]) for name in unscanned_fields(doc)}
        fields = {n: v for n, v in fields.items() if v != doc.meta[n]}
        self.key.documents[s.record].update(
            out_sha=text_hash(new_text),
            fields={n: doc.meta[n] for n in fields},
            bounds=_bounds(doc),
            fmt=doc.fmt,
            **restore_info(doc, applied),
        )
        assert run.audit is not None
        run.audit.document(doc.id, s.rel, run.plans[k], s.detectors, bool(fields), parts_read(doc))
        return OutDoc(doc, new_text, applied, fields)


def _applied_from_edits(edits, mentions):
    """The applied log computed from the edits alone (offsets need no text: originals are the mentions)."""
    from qualdeid.edits import Applied, non_overlapping

    by_pos = {(m.start, m.end): m.text for m in mentions}
    out: list[Applied] = []
    delta = 0
    for e in non_overlapping(edits):
        original = by_pos.get((e.start, e.end), "")
        out.append(Applied(e.start, e.end, e.start + delta, e.start + delta + len(e.new), original, e.new, e.label))
        delta += len(e.new) - (e.end - e.start)
    return out


def _remove(paths: Iterable[Path]) -> int:
    removed = 0
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
            removed += 1
    return removed


def _bounds(doc: Document) -> dict[str, list[list[int]]]:
    """Original offsets of coded segments and record spans: restore puts them back exactly."""
    bounds: dict[str, list[list[int]]] = {}
    if doc.segments:
        bounds["segments"] = [[s.start, s.end] for s in doc.segments]
    spans = doc.meta.get("spans")
    if isinstance(spans, list):
        bounds["spans"] = [
            [x["start"], x["end"]] for x in spans if isinstance(x, dict) and isinstance(x.get("start"), int)
        ]
    return bounds


def grouped_inputs(
    corpus: Corpus, rels: dict[str, str], clashes: dict[str, str], result: ScrubResult
) -> Iterator[tuple[str, str, str, list[Document]]]:
    """(source, format, output-relative path, documents) per input file, in reading order."""
    for src, fmt, docs in _by_source(corpus, result):
        if src not in clashes and src in rels:
            yield src, fmt, rels[src], docs


def _by_source(corpus: Corpus, result: ScrubResult) -> Iterator[tuple[str, str, list[Document]]]:
    """Documents grouped by their file, in reading order; read errors go to ``result``."""
    current: str | None = None
    fmt = "txt"
    docs: list[Document] = []
    for item in corpus:
        if isinstance(item, InputError):
            result.errors.append(str(item))
            continue
        src = str(item.source)
        if src != current and docs:
            yield current, fmt, docs  # type: ignore[misc]
            docs = []
        current, fmt = src, item.fmt
        docs.append(item)
    if docs and current is not None:
        yield current, fmt, docs
