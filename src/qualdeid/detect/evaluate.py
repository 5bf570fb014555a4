"""Score detected spans against gold annotations (the dev-corpus jsonl format).

Scoring is label-agnostic (a person's name caught as an organisation is still caught), as for
de-identification only exposure matters:

* entity recall: share of gold spans with >= 50% of their characters inside predicted spans;
* leak rate: share of gold spans with no predicted character at all;
* token recall: share of gold word tokens overlapped by a prediction;
* token precision: share of predicted word tokens that overlap a gold span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from qualdeid.corpus.model import DIRECT_LABELS, Span

_WORD = re.compile(r"\w+")
GROUPS = {"DIRECT": DIRECT_LABELS}


@dataclass
class Counts:
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
class Score:
    labels: dict[str, Counts] = field(default_factory=dict)
    pred_tokens: int = 0
    pred_tokens_correct: int = 0
    documents: int = 0
    missed: list[tuple[str, Span]] = field(default_factory=list)

    def as_dict(self) -> dict:
        out: dict = {"documents": self.documents, "labels": {}, "groups": {}}
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
        return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _coverage(text_len: int, spans: Iterable[Span]) -> bytearray:
    cov = bytearray(text_len)
    for s in spans:
        cov[max(0, s.start) : min(text_len, s.end)] = b"\x01" * (min(text_len, s.end) - max(0, s.start))
    return cov


def score_document(text: str, gold: list[Span], pred: list[Span], score: Score, doc_id: str = "") -> None:
    pcov = _coverage(len(text), pred)
    gcov = _coverage(len(text), gold)
    score.documents += 1
    for g in gold:
        c = score.labels.setdefault(g.label, Counts())
        n = max(1, g.end - g.start)
        hit = sum(pcov[g.start : g.end])
        c.gold += 1
        if hit * 2 >= n:
            c.found += 1
        else:
            score.missed.append((doc_id, g))
        if hit == 0:
            c.leaked += 1
        for m in _WORD.finditer(text, g.start, g.end):
            c.gold_tokens += 1
            if any(pcov[m.start() : m.end()]):
                c.gold_tokens_hit += 1
    for m in _WORD.finditer(text):
        if any(pcov[m.start() : m.end()]):
            score.pred_tokens += 1
            if any(gcov[m.start() : m.end()]):
                score.pred_tokens_correct += 1
