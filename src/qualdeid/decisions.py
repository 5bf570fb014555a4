"""The researcher's review decisions, kept in a project rules folder: ``DIR/decisions.yaml``.

A decision is about one *occurrence*: a piece of text in one document. It is keyed by the document
id (as ``scan`` prints it), the text itself, its offset when it was decided and a fingerprint of the
characters around it, so that it follows the text when other parts of the document are edited and is
reported as *stale* — never applied elsewhere — when the text around it changed::

    version: 1
    occurrences:
      - doc: diary-03.txt        # document id
        text: Hope               # exactly as written
        at: 120                  # character offset when decided
        context: 9c1f0a2b7e4d    # fingerprint of the 20 characters either side
        decision: keep           # keep: leave as written; replace: an identifier, with its label
        label: PERSON
        added: true              # an identifier detection had left: offered wherever else it occurs
        group: person:hope       # the review group it was decided with (for reading only)
        decided: '2026-11-02T10:31:00+00:00'
    identities:                  # mentions that are one person (merge) or another person (split)
      - person: Will A.          # the researcher's own name for that person
        mentions:
          - {doc: diary-05.txt, text: Will, at: 88, context: 1a2b3c4d5e6f}

Only the corpus model is imported here: detection applies the decisions (``apply``) right after it
finishes, so scan, scrub, compose and risk all follow them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from qualdeid.corpus.model import LABELS, Document, Span
from qualdeid.labels import RARE_DETAIL

FILE_NAME = "decisions.yaml"
#: libyaml's safe dumper and loader where PyYAML has them (a project's file grows with every decision)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
VERSION = 1
#: Characters on either side of an occurrence that its fingerprint covers.
CONTEXT_CHARS = 20
#: The detector name of a span that a decision added.
DETECTOR = "review"
REPLACE, KEEP = "replace", "keep"
ACTIONS = (REPLACE, KEEP)

HEADER = """\
# Review decisions for this project, written by `qualdeid review` (one entry per decided text).
# scan, scrub, compose and risk follow them when this folder is passed with --rules.
#   doc/text/at/context  which occurrence: the document id, the text as written, its offset and a
#                        fingerprint of the 20 characters around it; when those changed (the document
#                        was edited there) the decision is reported as stale and not applied
#   decision             keep (leave as written: not an identifier) or replace (an identifier: label)
#   added                an identifier detection had left: the same text is offered for review elsewhere
#   identities           mentions that are one person (merged) or apart from a namesake (split)
# This file contains identifying text: keep it with the project's raw data, never share it.
"""


class DecisionsError(ValueError):
    """A decisions file that cannot be read; the message names the file and says what to do."""


def fingerprint(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return hashlib.sha256(f"{left}\x1f{text[start:end]}\x1f{right}".encode()).hexdigest()[:12]


#: What is left of a rare detail beside a decided name: from its first word to its last.
_PIECE = re.compile(r"\w(?:.*\w)?", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a decision applies: ``text`` at offset ``at`` of document ``doc``, with its context."""

    doc: str
    text: str
    at: int
    context: str

    @classmethod
    def of(cls, doc_id: str, text: str, start: int, end: int) -> Occurrence:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"offsets {start}-{end} are outside the document")
        return cls(doc_id, text[start:end], start, fingerprint(text, start, end))

    def locate(self, text: str) -> tuple[int, int] | None:
        """Where this occurrence is in ``text`` now: at its offset, or moved by edits elsewhere
        (found exactly once with the same context); None when it is gone or ambiguous."""
        n = len(self.text)
        if text[self.at : self.at + n] == self.text and fingerprint(text, self.at, self.at + n) == self.context:
            return self.at, self.at + n
        hits = [
            m.start()
            for m in re.finditer(re.escape(self.text), text)
            if fingerprint(text, m.start(), m.start() + n) == self.context
        ]
        return (hits[0], hits[0] + n) if len(hits) == 1 else None

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "text": self.text, "at": self.at, "context": self.context}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Occurrence:
        return cls(str(d["doc"]), str(d["text"]), int(d["at"]), str(d["context"]))


@dataclass(frozen=True, slots=True)
class Decision:
    where: Occurrence
    action: str  # REPLACE or KEEP
    label: str | None = None  # for REPLACE
    group: str | None = None
    decided: str = ""
    #: an identifier detection had left (a selection, or an item proposed to keep): offered elsewhere
    added: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = self.where.to_dict()
        d["decision"] = self.action
        if self.label:
            d["label"] = self.label
        if self.added:
            d["added"] = True
        if self.group:
            d["group"] = self.group
        if self.decided:
            d["decided"] = self.decided
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Decision:
        action = str(d.get("decision", ""))
        label = d.get("label")
        if action not in ACTIONS:
            raise ValueError(f"decision must be one of {', '.join(ACTIONS)}, not {action!r}")
        if action == REPLACE and label not in LABELS:
            raise ValueError(f"a replace decision needs a label: one of {', '.join(LABELS)}")
        where = Occurrence.from_dict(d)
        return cls(where, action, label, d.get("group"), str(d.get("decided", "")), bool(d.get("added", False)))


@dataclass
class Identity:
    """Mentions that are one person: a merge (with a mention of another identity) or a split."""

    person: str
    mentions: list[Occurrence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"person": self.person, "mentions": [m.to_dict() for m in self.mentions]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Identity:
        return cls(str(d["person"]), [Occurrence.from_dict(m) for m in d.get("mentions") or []])


@dataclass(frozen=True, slots=True)
class Stale:
    """A decision whose text is no longer where it was decided (no text: safe to print)."""

    doc: str
    kind: str  # "occurrence" or "identity"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Decisions:
    """Every decision of the given rules folders (later folders win for the same occurrence).

    ``apply(doc)`` returns the document's spans with its decisions applied and remembers the
    decisions that no longer match (``stale``). A store opened with ``for_folder`` also writes:
    every change is saved at once, atomically.
    """

    def __init__(self, occurrences: Iterable[Decision] = (), identities: Iterable[Identity] = ()) -> None:
        self._by_key: dict[Occurrence, Decision] = {}
        for d in occurrences:
            self._by_key[d.where] = d
        self.identities: list[Identity] = list(identities)
        self.path: Path | None = None
        #: decisions that ``apply`` and ``identity_pins`` could not place, and those they applied
        self.stale: list[Stale] = []
        self.applied = 0
        self._index()

    # ------------------------------------------------------------------ reading

    @classmethod
    def load(cls, rules_dirs: Iterable[Path]) -> Decisions:
        occurrences: list[Decision] = []
        identities: list[Identity] = []
        for d in rules_dirs:
            occ, ids = _read(Path(d) / FILE_NAME)
            occurrences += occ
            identities += ids
        return cls(occurrences, identities)

    @classmethod
    def for_folder(cls, folder: Path) -> Decisions:
        """The decisions of one project rules folder, to read and change (``qualdeid review``)."""
        occ, ids = _read(Path(folder) / FILE_NAME)
        store = cls(occ, ids)
        store.path = Path(folder) / FILE_NAME
        return store

    def __len__(self) -> int:
        return len(self._by_key)

    def __bool__(self) -> bool:
        return bool(self._by_key or self.identities)

    @property
    def occurrences(self) -> list[Decision]:
        return list(self._by_key.values())

    def _index(self) -> None:
        self._by_doc: dict[str, list[Decision]] = defaultdict(list)
        for d in self._by_key.values():
            self._by_doc[d.where.doc].append(d)
        self._ids_by_doc: dict[str, list[tuple[int, Occurrence]]] = defaultdict(list)
        for i, identity in enumerate(self.identities):
            for m in identity.mentions:
                self._ids_by_doc[m.doc].append((i, m))

    def for_document(self, doc: Document) -> Iterator[tuple[Decision, tuple[int, int] | None]]:
        """This document's decisions, each with where it is now (None: stale)."""
        for d in self._by_doc.get(doc.id, ()):
            yield d, d.where.locate(doc.text)

    def decided_ranges(self, doc: Document) -> list[tuple[int, int]]:
        return [loc for _, loc in self.for_document(doc) if loc is not None]

    def identity_pins(self, doc: Document) -> dict[tuple[int, int], str]:
        """``(start, end) -> person`` for this document's mentions that an identity decision names."""
        pins: dict[tuple[int, int], str] = {}
        for i, m in self._ids_by_doc.get(doc.id, ()):
            loc = m.locate(doc.text)
            if loc is None:
                self.stale.append(Stale(doc.id, "identity"))
            else:
                pins[loc] = self.identities[i].person
                self.applied += 1
        return pins

    # ------------------------------------------------------------------ applying

    def apply(self, doc: Document, *, count: bool = True) -> list[Span]:
        """The document's spans with its decisions applied, later decisions last: a kept text loses
        every span on it, except a rare detail reaching beyond it (a word decided to be no name, inside
        "rebuilt a harpsichord for the chapel", leaves the detail); a replaced one becomes one span with
        the decided label (a rare detail around it is cut around it). Stale decisions are not applied
        (``count``: recorded in ``stale``, the others in ``applied``)."""
        decided = sorted(self.for_document(doc), key=lambda pair: pair[0].decided)
        if not decided:
            return doc.spans
        spans = list(doc.spans)
        for d, loc in decided:
            if loc is None:
                if count:
                    self.stale.append(Stale(doc.id, "occurrence"))
                continue
            start, end = loc
            self.applied += count
            spans = [p for s in spans for p in _left_of(doc.text, s, start, end, d)]
            if d.action == REPLACE and d.label:
                spans.append(Span(start, end, d.label, doc.text[start:end], 1.0, DETECTOR))
        return sorted(spans, key=lambda s: (s.start, s.end))

    def reset_counts(self) -> None:
        self.stale, self.applied = [], 0

    def stale_summary(self) -> str | None:
        """One line for stderr about decisions that could not be applied (document ids only)."""
        if not self.stale:
            return None
        docs = sorted({s.doc for s in self.stale})
        shown = ", ".join(docs[:5]) + (f" and {len(docs) - 5} more" if len(docs) > 5 else "")
        return (
            f"{len(self.stale)} review decision(s) no longer match their text (the document was edited) and were "
            f"not applied, in: {shown}; run `qualdeid review ... --rules DIR` to decide them again"
        )

    def kept_texts(self) -> set[str]:
        """Texts (lower case) the researcher decided are not identifiers, and never decided one."""
        keep = {d.where.text.lower() for d in self._by_key.values() if d.action == KEEP}
        return keep - {d.where.text.lower() for d in self._by_key.values() if d.action == REPLACE}

    # ------------------------------------------------------------------ changing (a store for one folder)

    def get(self, where: Occurrence) -> Decision | None:
        return self._by_key.get(where)

    def put(self, decisions: Iterable[Decision]) -> list[tuple[Occurrence, Decision | None]]:
        """Record decisions (replacing earlier ones on the same occurrences) and save; returns what
        each replaced, for undo."""
        before = []
        for d in decisions:
            before.append((d.where, self._by_key.get(d.where)))
            self._by_key[d.where] = d
        self._changed()
        return before

    def remove(self, where: Iterable[Occurrence]) -> list[tuple[Occurrence, Decision | None]]:
        before = []
        for w in where:
            before.append((w, self._by_key.pop(w, None)))
        self._changed()
        return before

    def restore(self, before: list[tuple[Occurrence, Decision | None]]) -> None:
        """Undo a ``put`` or ``remove``."""
        for where, old in reversed(before):
            if old is None:
                self._by_key.pop(where, None)
            else:
                self._by_key[where] = old
        self._changed()

    def set_identities(self, identities: list[Identity]) -> list[Identity]:
        before = self.identities
        self.identities = identities
        self._changed()
        return before

    def _changed(self) -> None:
        self._index()
        self.save()

    def save(self) -> None:
        if self.path is None:
            raise RuntimeError("these decisions were loaded from several folders; open one with for_folder")
        from qualdeid.corpus.writers import write_text_atomic

        data = {
            "version": VERSION,
            "occurrences": [
                d.to_dict() for d in sorted(self._by_key.values(), key=lambda d: (d.where.doc, d.where.at))
            ],
            "identities": [i.to_dict() for i in self.identities],
        }
        body = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000)
        write_text_atomic(self.path, HEADER + body)


def _read(path: Path) -> tuple[list[Decision], list[Identity]]:
    if not path.is_file():
        return [], []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise DecisionsError(f"{path}: cannot be read ({type(e).__name__}); fix or remove the file") from None
    if not isinstance(data, dict):
        raise DecisionsError(f"{path}: expected a mapping with 'occurrences' and 'identities'; fix or remove it")
    occurrences, identities = [], []
    for i, d in enumerate(data.get("occurrences") or [], 1):
        try:
            occurrences.append(Decision.from_dict(d))
        except (KeyError, TypeError, ValueError) as e:
            raise DecisionsError(f"{path}: occurrence {i} is not valid ({_reason(e)}); fix or remove it") from None
    for i, d in enumerate(data.get("identities") or [], 1):
        try:
            identities.append(Identity.from_dict(d))
        except (KeyError, TypeError, ValueError) as e:
            raise DecisionsError(f"{path}: identity {i} is not valid ({_reason(e)}); fix or remove it") from None
    return occurrences, identities


def _reason(e: Exception) -> str:
    return f"missing {e}" if isinstance(e, KeyError) else str(e)


def _left_of(text: str, span: Span, start: int, end: int, decision: Decision) -> list[Span]:
    """What is left of ``span`` after a decision on ``start:end``: all of it if they do not overlap,
    else nothing, except of a rare detail reaching beyond the decided text. The decision was about the
    words, not the detail: a word kept as no name leaves the detail whole ("rebuilt a harpsichord for
    the chapel"); a name replaced inside it cuts it around the name, as detection does ("ran the
    <Kestrel> bakery for years")."""
    if not (span.start < end and start < span.end):
        return [span]
    if span.label != RARE_DETAIL or (start <= span.start and span.end <= end):
        return []
    if decision.action == KEEP:
        return [span]
    out = []
    for a, b in ((span.start, start), (end, span.end)):
        piece = _PIECE.search(text, a, b) if a < b else None
        if piece is not None:
            a, b = piece.span()
            out.append(Span(a, b, span.label, text[a:b], span.score, span.detector, span.subtype, span.reason))
    return out
