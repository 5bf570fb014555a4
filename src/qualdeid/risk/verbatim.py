"""Verbatim traceability: runs of identical words shared by a text and a source document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Run:
    source: str
    start: int  # word index in the text
    length: int  # in words


@dataclass
class SourceVerbatim:
    source: str
    longest: Run | None
    words_verbatim: int  # text words inside traceable runs from this source
    share: float


def find_runs(text_words: Sequence[str], sources: dict[str, Sequence[str]], min_run: int) -> list[Run]:
    """Maximal runs of at least ``min_run`` words that the text shares with each source."""
    index: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for sid, words in sources.items():
        for i in range(len(words) - min_run + 1):
            index[tuple(words[i : i + min_run])].append((sid, i))
    runs: list[Run] = []
    n = len(text_words)
    for i in range(n - min_run + 1):
        for sid, j in index.get(tuple(text_words[i : i + min_run]), ()):
            src = sources[sid]
            if i > 0 and j > 0 and text_words[i - 1] == src[j - 1]:
                continue  # inside a run that started earlier
            length = min_run
            while i + length < n and j + length < len(src) and text_words[i + length] == src[j + length]:
                length += 1
            runs.append(Run(sid, i, length))
    return runs


def traceable_runs(runs: list[Run], k: int) -> list[Run]:
    """Runs whose whole wording occurs in fewer than ``k`` sources (common wording is nobody's)."""
    out = []
    for r in runs:
        holders = {o.source for o in runs if o.start <= r.start and o.start + o.length >= r.start + r.length}
        if len(holders) < k:
            out.append(r)
    return out


def per_source(runs: list[Run], n_words: int) -> list[SourceVerbatim]:
    by_source: dict[str, list[Run]] = defaultdict(list)
    for r in runs:
        by_source[r.source].append(r)
    out = []
    for sid, rs in by_source.items():
        covered = set()
        for r in rs:
            covered.update(range(r.start, r.start + r.length))
        longest = max(rs, key=lambda r: (r.length, -r.start))
        out.append(SourceVerbatim(sid, longest, len(covered), len(covered) / n_words if n_words else 0.0))
    return sorted(out, key=lambda s: (-s.share, s.source))
