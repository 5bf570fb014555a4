"""Detection layer: find identifying spans with Presidio + spaCy, extended by qualdeid's rules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qualdeid.detect.pipeline import DetectConfig, Detector

__all__ = ["DetectConfig", "Detector"]


def __getattr__(name: str) -> Any:
    # spaCy and Presidio are imported with the pipeline, when a detector is asked for: the layers that
    # only read detection's results (review, a cached scan) start without them
    if name in __all__:
        from qualdeid.detect import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
