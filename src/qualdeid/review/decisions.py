"""The decisions store lives in :mod:`qualdeid.decisions`, below detection (which applies it); it is
named here too, beside the rest of the review."""

from qualdeid.decisions import (
    ACTIONS,
    DETECTOR,
    FILE_NAME,
    KEEP,
    REPLACE,
    Decision,
    Decisions,
    DecisionsError,
    Identity,
    Occurrence,
    now,
)

__all__ = [
    "ACTIONS",
    "DETECTOR",
    "FILE_NAME",
    "KEEP",
    "REPLACE",
    "Decision",
    "Decisions",
    "DecisionsError",
    "Identity",
    "Occurrence",
    "now",
]
