"""What the rare-detail finders share: how sure a hit is (:class:`Status`) and the hit itself (:class:`Hit`)."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


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
    """A detail a finder found: token range, subtype, reason, the key terms counted across the
    corpus, and its :class:`Status`."""

    start: int
    end: int
    subtype: str
    reason: str
    keys: tuple[str, ...]
    status: Status = Status.ACCEPTED
