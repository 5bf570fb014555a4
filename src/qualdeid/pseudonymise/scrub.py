"""The Scrubber: map (per-document detection) → reduce (identity table) → map (replacement, output).

1. Detection streams through the corpus; only each document's mentions and a text hash are kept.
2. The identities are resolved over all mentions and given their pseudonyms; every document's
   edits are planned and the key (with the private log of every replacement) is saved — before
   any output exists, so an interrupted run never leaves outputs the key cannot reverse.
3. The corpus is read again and each file is rendered and written atomically. A re-run skips
   outputs that are already exactly what it would write.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualdeid.corpus.model import LABELS, Document, InputError
from qualdeid.corpus.parts import fits_parts, spans_to_replace
from qualdeid.corpus.readers import ALL_FIELDS, Corpus, discover
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
from qualdeid.pseudonymise.key import Key, refuse_inside
from qualdeid.pseudonymise.planner import Planner
from qualdeid.pseudonymise.policy import Policy
from qualdeid.pseudonymise.replace import apply_edits
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


@dataclass
class ScrubResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    audit: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


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


def check_out_dir(paths: Iterable[str], out_dir: Path) -> None:
    out = out_dir.resolve()
    for raw in paths:
        if raw == "-":
            continue
        p = Path(raw).resolve()
        folder = p if p.is_dir() else p.parent
        if p.is_dir() and (out == folder or folder in out.parents):
            raise ScrubError(
                f"the output folder {out_dir} is inside the input folder {raw}; choose a folder outside it"
            )
        if p.is_file() and out == p:
            raise ScrubError(f"the output folder {out_dir} is an input file")


def rel_paths(paths: Iterable[str]) -> tuple[dict[str, str], dict[str, str]]:
    """source path → output-relative path, and source path → error for clashing names."""
    rels: dict[str, str] = {}
    clashes: dict[str, str] = {}
    seen: dict[str, str] = {}
    for item in discover(paths):
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
    #: review decisions: person mentions pinned to one person, texts decided by offsets
    pins: dict[tuple[int, int], str] = field(default_factory=dict)
    decided: list[tuple[int, int]] = field(default_factory=list)


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
        check_out_dir(corpus.paths, out_dir)
        refuse_inside(self.key.path, out_dir)
        rels, clashes = rel_paths(corpus.paths)
        result = ScrubResult(errors=sorted(clashes.values()))
        seen = self._detect(detect_input if detect_input is not None else corpus, rels, clashes, result)
        self._sweep_known_names(corpus, rels, clashes, seen)
        planner = Planner(
            self.key, self.policy, self.locale, mark=self.config.mark, rules_dirs=tuple(self.config.rules_dirs)
        )
        pins = {(k, a, b): person for k, s in seen.items() for (a, b), person in s.pins.items()}
        planner.reduce((m for s in seen.values() for m in s.mentions), pins)
        month_first = self.locale == "en_US"
        plans = {k: planner.plan(k, s.mentions, month_first) for k, s in seen.items()}
        known = self._known_values(seen, plans)
        audit = Audit(self.locale, self.policy, planner.resolution_flags)
        # the private log goes into the key, and the key is saved, before any output exists
        for k, s in seen.items():
            new_text_log = [a.to_log() for a in _applied_from_edits(plans[k].edits, s.mentions)]
            self.key.documents[k] = {"in_sha": s.sha, "edits": new_text_log}
        self.key.save()
        self._write(corpus, rels, clashes, seen, plans, known, out_dir, result, audit)
        result.errors = list(dict.fromkeys(result.errors))
        decisions = getattr(self.detector, "decisions", None)
        counts = {"applied": decisions.applied, "stale": len(decisions.stale)} if decisions is not None else None
        result.audit = audit.finish(result.errors, counts)
        from qualdeid.corpus.writers import write_text_atomic

        write_text_atomic(out_dir / AUDIT_NAME, audit.to_json(result.audit))
        self.key.save()
        return result

    # ------------------------------------------------------------------ passes

    def _detect(self, corpus, rels, clashes, result) -> dict[str, _Seen]:
        seen: dict[str, _Seen] = {}
        for item in self.detector.detect(corpus):
            if isinstance(item, InputError):
                result.errors.append(str(item))
                continue
            src = str(item.source)
            if src in clashes or src not in rels:
                continue
            k = doc_key(rels[src], item)
            spans = spans_to_replace(item)
            mentions = [
                Mention(k, s.start, s.end, s.label, item.text[s.start : s.end]) for s in spans if s.label in LABELS
            ]
            seen[k] = _Seen(rels[src], mentions, text_hash(item.text), {s.detector for s in spans if s.detector})
            decisions = getattr(self.detector, "decisions", None)
            if decisions:
                seen[k].pins = decisions.identity_pins(item)
                seen[k].decided = decisions.decided_ranges(item)
        return seen

    def _sweep_known_names(self, corpus: Corpus, rels, clashes, seen: dict[str, _Seen]) -> None:
        """Safety over readability: a name that detection found standing alone as a person anywhere
        in the corpus is replaced wherever it occurs capitalised, even where the detector's context
        rules took it for a word ("Hope said" vs "Hope you are well" at a sentence start)."""
        names = {
            m.text for s in seen.values() for m in s.mentions if m.label == "PERSON" and _SWEEPABLE.fullmatch(m.text)
        }
        if not names:
            return
        rx = re.compile(
            r"(?<![\w'’-])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])"
        )
        for item in corpus:
            if not isinstance(item, Document):
                continue
            src = str(item.source)
            if src in clashes or src not in rels:
                continue
            k = doc_key(rels[src], item)
            s = seen.get(k)
            if s is None or text_hash(item.text) != s.sha:
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

    def _known_values(self, seen: dict[str, _Seen], plans: dict) -> KnownValues:
        mapping: dict[str, str] = {}
        for k in sorted(plans):
            for e in plans[k].edits:
                if e.label in KNOWN_VALUE_LABELS:
                    original = next((m.text for m in seen[k].mentions if m.start == e.start and m.end == e.end), None)
                    if original and len(original) > 1:
                        mapping.setdefault(original, e.new)
        return KnownValues(mapping)

    def _write(self, corpus, rels, clashes, seen, plans, known, out_dir, result, audit) -> None:
        with OutputWriter(result, force=self.config.force, hint="use --force to overwrite it") as writer:
            for src, fmt, rel, docs in grouped_inputs(corpus, rels, clashes, result):
                made = [self._out_doc(src, fmt, rel, d, seen, plans, known, result, audit) for d in docs]
                outs = [o for o in made if o is not None]
                if not outs:
                    continue
                try:
                    data = render(fmt, Path(src), outs, known, getattr(corpus, "encoding", None))
                except UnsafeOutput as e:  # never written with a name left in it
                    result.errors.append(f"{src}: not written: {e}; please report this file's layout")
                    continue
                except Exception as e:  # a damaged file the reader accepted: report it, go on
                    result.errors.append(f"{src}: could not write its scrubbed copy ({type(e).__name__})")
                    continue
                writer.write(out_dir / rel, fmt, data)

    def _out_doc(self, src, fmt, rel, doc, seen, plans, known, result, audit) -> OutDoc | None:
        """One document's replacement (the map step after the reduce); its restore data goes into the key."""
        k = doc_key(rel, doc)
        s = seen.get(k)
        if s is None:
            return None  # detection failed for it: never written
        if text_hash(doc.text) != s.sha:
            result.errors.append(f"{src}: changed while it was being scrubbed; run scrub again")
            return None
        new_text, applied = apply_edits(doc.text, plans[k].edits)
        fields = {name: known.scrub_value(doc.meta[name]) for name in unscanned_fields(doc)}
        fields = {n: v for n, v in fields.items() if v != doc.meta[n]}
        self.key.documents[k].update(
            out_sha=text_hash(new_text),
            fields={n: doc.meta[n] for n in fields},
            bounds=_bounds(doc),
            fmt=fmt,
            **restore_info(doc, applied),
        )
        audit.document(doc.id, rel, plans[k], s.detectors, bool(fields), parts_read(doc))
        return OutDoc(doc, new_text, applied, fields)


def _applied_from_edits(edits, mentions):
    """The applied log computed from the edits alone (offsets need no text: originals are the mentions)."""
    from qualdeid.pseudonymise.replace import Applied, non_overlapping

    by_pos = {(m.start, m.end): m.text for m in mentions}
    out: list[Applied] = []
    delta = 0
    for e in non_overlapping(edits):
        original = by_pos.get((e.start, e.end), "")
        out.append(Applied(e.start, e.end, e.start + delta, e.start + delta + len(e.new), original, e.new, e.label))
        delta += len(e.new) - (e.end - e.start)
    return out


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
