"""Edits of a text: apply non-overlapping replacements and re-map offsets.

An :class:`Edit` says "``text[start:end]`` becomes ``new``". Scrub (``pseudonymise/``) applies the
replacements of identifiers with these, restore applies their reverse, and compose applies its
pronoun and name changes to a fragment and its last check's placeholders. Everything here works on
given edits, independent of detection, so it can be tested with generated texts and spans.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    new: str
    label: str = ""


@dataclass(slots=True)
class Applied:
    """An edit as applied: where the replacement sits in the new text and what it replaced."""

    start: int  # in the original text
    end: int
    out_start: int  # in the new text
    out_end: int
    original: str
    new: str
    label: str

    def to_log(self) -> list:
        return [self.out_start, self.out_end, self.start, self.end, self.original, self.label]


class Ranged(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


R = TypeVar("R", bound=Ranged)


def non_overlapping(edits: Iterable[R]) -> list[R]:
    """Sorted edits (or anything with a ``start`` and an ``end``); of overlapping ones the earlier
    (then longer) wins.

    Zero-width edits are insertions (the reverse of a replacement by nothing); they go before an
    edit that starts at the same place.
    """
    kept: list[R] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end != e.start, -(e.end - e.start))):
        if e.end < e.start:
            continue
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    return kept


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Applied]]:
    """The new text and, for each edit, its position in both texts."""
    parts: list[str] = []
    applied: list[Applied] = []
    pos = 0
    out = 0
    for e in non_overlapping(edits):
        chunk = text[pos : e.start]
        parts.append(chunk)
        out += len(chunk)
        parts.append(e.new)
        applied.append(Applied(e.start, e.end, out, out + len(e.new), text[e.start : e.end], e.new, e.label))
        out += len(e.new)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts), applied


class OffsetMap:
    """Maps offsets of the original text to the new text after :func:`apply_edits`.

    An offset in untouched text moves by the accumulated length change; an offset inside a
    replaced span snaps to the replacement's start (for a start) or end (for an end), so a
    segment that covered part of a name covers the whole replacement.
    """

    def __init__(self, applied: Sequence[Applied]) -> None:
        self.applied = list(applied)
        self._starts = [a.start for a in self.applied]

    def start(self, offset: int) -> int:
        return self._map(offset, is_end=False)

    def end(self, offset: int) -> int:
        return self._map(offset, is_end=True)

    def _map(self, offset: int, *, is_end: bool) -> int:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        a = self.applied[i]
        if offset == a.start:
            if is_end and i > 0 and self.applied[i - 1].end == offset:
                return self.applied[i - 1].out_end
            return a.out_start
        if offset < a.end:
            return a.out_end if is_end else a.out_start
        return a.out_end + (offset - a.end)


def reverse_edits(applied_log: Iterable[Sequence]) -> list[Edit]:
    """Edits that turn the new text back into the original (from ``Applied.to_log`` records)."""
    return [Edit(int(r[0]), int(r[1]), str(r[4]), str(r[5]) if len(r) > 5 else "") for r in applied_log]
