"""Score detected spans against gold annotations (the dev-corpus jsonl format).

Scoring is label-agnostic (a person's name caught as an organisation is still caught), because for
de-identification only exposure matters:

* entity recall: share of gold spans with >= 50% of their characters inside predicted spans;
* leak rate: share of gold spans with no predicted character at all;
* token recall: share of gold word tokens overlapped by a prediction;
* token precision: share of predicted word tokens (word tokens overlapped by a prediction) that
  overlap a gold span of any label; overall and per predicted label.

Gold counts are kept per gold label; precision counts per predicted label. ``DIRECT`` groups the
labels that identify someone on their own (PERSON, LOCATION, ORGANIZATION, CONTACT, ID).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from qualdeid.corpus.model import Span
from qualdeid.labels import DIRECT_LABELS

_WORD = re.compile(r"\w+")
GROUPS: dict[str, tuple[str, ...]] = {"DIRECT": DIRECT_LABELS}


@dataclass
class Counts:
    """Recall counts for the gold spans of one label (or a group of labels)."""

    gold: int = 0
    found: int = 0
    leaked: int = 0
    gold_tokens: int = 0
    gold_tokens_hit: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.found += other.found
        self.leaked += other.leaked
        self.gold_tokens += other.gold_tokens
        self.gold_tokens_hit += other.gold_tokens_hit

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "gold": self.gold,
            "entity_recall": _ratio(self.found, self.gold),
            "leak_rate": _ratio(self.leaked, self.gold),
            "token_recall": _ratio(self.gold_tokens_hit, self.gold_tokens),
        }


@dataclass
class Precision:
    """Precision counts for the predictions of one label."""

    spans: int = 0
    tokens: int = 0
    tokens_correct: int = 0

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "predicted": self.spans,
            "predicted_tokens": self.tokens,
            "token_precision": _ratio(self.tokens_correct, self.tokens),
        }


@dataclass
class Score:
    labels: dict[str, Counts] = field(default_factory=dict)
    predicted: dict[str, Precision] = field(default_factory=dict)
    pred_tokens: int = 0
    pred_tokens_correct: int = 0
    documents: int = 0
    #: Gold spans not found (less than half covered), with their document id, for ``--show-missed``.
    missed: list[tuple[str, Span]] = field(default_factory=list)
    #: Gold spans skipped because their offsets are empty or outside the text.
    invalid: int = 0
    #: Predicted spans with words outside every gold span, for ``--show-false``: document id, the span,
    #: its false words, and "whole" (no word in gold) or "boundary" (the span runs past a gold span).
    false: list[tuple[str, Span, list[str], str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.documents, "labels": {}, "groups": {}}
        for label in sorted(self.labels):
            out["labels"][label] = self.labels[label].as_dict()
        for group, members in GROUPS.items():
            c = Counts()
            for m in members:
                if m in self.labels:
                    c.add(self.labels[m])
            out["groups"][group] = c.as_dict()
        total = Counts()
        for c in self.labels.values():
            total.add(c)
        out["overall"] = total.as_dict() | {
            "token_precision": _ratio(self.pred_tokens_correct, self.pred_tokens),
            "predicted_tokens": self.pred_tokens,
        }
        out["precision_by_predicted_label"] = {k: self.predicted[k].as_dict() for k in sorted(self.predicted)}
        if self.invalid:
            out["invalid_gold_spans"] = self.invalid
        return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _coverage(text_len: int, spans: Iterable[Span]) -> bytearray:
    cov = bytearray(text_len)
    for s in spans:
        start, end = max(0, s.start), min(text_len, s.end)
        if end > start:
            cov[start:end] = b"\x01" * (end - start)
    return cov


def _tokens(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Word tokens overlapping ``text[start:end]`` (whole words, even when the span cuts one)."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_") and _WORD.match(text[start]):
        start -= 1
    for m in _WORD.finditer(text, start):
        if m.start() >= end:
            break
        yield m.start(), m.end()


def score_document(text: str, gold: list[Span], pred: list[Span], score: Score, doc_id: str = "") -> None:
    """Add one document's gold and predicted spans to ``score`` (labels must be canonical)."""
    n_text = len(text)
    valid_gold = [g for g in gold if 0 <= g.start < g.end <= n_text]
    score.invalid += len(gold) - len(valid_gold)
    pcov = _coverage(n_text, pred)
    gcov = _coverage(n_text, valid_gold)
    score.documents += 1
    for g in valid_gold:
        c = score.labels.setdefault(g.label, Counts())
        hit = sum(pcov[g.start : g.end])
        c.gold += 1
        if hit * 2 >= g.end - g.start:
            c.found += 1
        else:
            score.missed.append((doc_id, g))
        if hit == 0:
            c.leaked += 1
        for a, b in _tokens(text, g.start, g.end):
            c.gold_tokens += 1
            if any(pcov[a:b]):
                c.gold_tokens_hit += 1
    for m in _WORD.finditer(text):
        if any(pcov[m.start() : m.end()]):
            score.pred_tokens += 1
            if any(gcov[m.start() : m.end()]):
                score.pred_tokens_correct += 1
    for p in pred:
        if not 0 <= p.start < p.end <= n_text:
            continue
        prec = score.predicted.setdefault(p.label, Precision())
        prec.spans += 1
        words = list(_tokens(text, p.start, p.end))
        false_words = [text[a:b] for a, b in words if not any(gcov[a:b])]
        prec.tokens += len(words)
        prec.tokens_correct += len(words) - len(false_words)
        if false_words:
            kind = "whole" if len(false_words) == len(words) else "boundary"
            score.false.append((doc_id, replace(p, text=text[p.start : p.end]), false_words, kind))
