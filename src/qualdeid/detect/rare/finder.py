"""The interface of the rare-detail finders: each takes one document's :class:`RareContext` and returns
:class:`Hit`\\ s, each with a :class:`Status` that says how the second pass decides on it.

A finder family is one module of ``detect/rare/`` with its word lists in ``rules/rare/<module>.yaml``;
``rules/detect.yaml`` names the finders that run, in order (a project's rules folder can switch one off).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from qualdeid.detect.rare.context import RareContext
    from qualdeid.detect.rare.lexicon import RareRules


class Status(StrEnum):
    """How a rare-detail candidate is decided in the second pass."""

    #: a detail on its own evidence
    ACCEPTED = "accepted"
    #: a detail only if few documents of the corpus share its key terms (within-corpus rarity)
    CORPUS_CHECK = "corpus_check"
    #: a detail only where the same detail is flagged elsewhere in the corpus
    PENDING = "pending"


#: Stronger first: of two overlapping candidates, the merged one keeps the stronger status.
STATUS_RANK = {Status.ACCEPTED: 0, Status.CORPUS_CHECK: 1, Status.PENDING: 2}


class Hit(NamedTuple):
    """A detail a finder found, as tokens of the document: ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    subtype: str
    reason: str  # for the reviewer; never quotes the text
    keys: tuple[str, ...]  # key terms, counted across the corpus (within-corpus rarity)
    status: Status = Status.ACCEPTED
    #: words that are the same detail wherever they recur in the corpus (for a pending hit)
    echo_keys: tuple[str, ...] = ()
    #: the phrase is never cut back before this token (its core); 0: only its first token is
    core_end: int = 0


class Finder(Protocol):
    """One family of rare-detail finders."""

    def find(self, ctx: RareContext) -> list[Hit]: ...


class RuleFinder:
    """Base of the finders: the rare-detail rules and the longest phrase to flag."""

    def __init__(self, rr: RareRules) -> None:
        self.rr = rr
        self.frames = rr.frames
        self.max_tokens = int(rr.threshold("max_tokens"))

    def _w(self, name: str) -> frozenset[str]:
        """A word list of ``rules/rare/*.yaml``."""
        return self.rr.words(name)
