"""Rare details in doubt: frame hits that failed the rarity test, carried out of detection for review.

A finder's hit is only a detail if few documents of the corpus share its key words (or, for a pending
hit, if the same detail is confirmed elsewhere). A hit that fails that test is not redacted, but it is
still a biographical fact in a frame ("used to ...", "worked as ..."): the researcher may know it
identifies someone. Such hits travel beside the spans as *doubts* (``Document.doubts``), never among
them, and ``qualdeid scan`` offers them as ``keep`` review items.

Doubts travel through the pipeline as span rows marked with :data:`DOUBT_DETECTOR`, so that the
worker processes' results keep their shape; :func:`split` takes them back out.
"""

from __future__ import annotations

from collections.abc import Iterable

from qualdeid.corpus.model import Span
from qualdeid.labels import RARE_DETAIL

#: The detector of a doubt's span row: never a detection, only a question for the reviewer.
DOUBT_DETECTOR = "rare-doubt"


def doubt(text: str, start: int, end: int, subtype: str | None, why: str) -> Span:
    """A rare-detail doubt over ``text[start:end]``; ``why`` says which test it failed (no text)."""
    return Span(start, end, RARE_DETAIL, text[start:end], 0.3, DOUBT_DETECTOR, subtype, why)


def is_doubt(span: Span) -> bool:
    return span.detector == DOUBT_DETECTOR


def split(spans: Iterable[Span]) -> tuple[list[Span], list[Span]]:
    """``spans`` as (detections, doubts)."""
    found: list[Span] = []
    doubts: list[Span] = []
    for s in spans:
        (doubts if is_doubt(s) else found).append(s)
    return found, doubts


def uncovered(doubts: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """The doubts that no span covers half of: the rest is already decided by detection."""
    spans = list(spans)
    out = []
    for d in doubts:
        covered = sum(max(0, min(d.end, s.end) - max(d.start, s.start)) for s in spans)
        if covered * 2 < d.end - d.start:
            out.append(d)
    return out
