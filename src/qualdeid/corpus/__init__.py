"""Reading and writing corpora: the Document model, input readers and atomic writers."""

from qualdeid.corpus.model import (
    DIRECT_LABELS,
    LABELS,
    Document,
    DocumentError,
    InputError,
    Part,
    Segment,
    Span,
    canonical_label,
)

__all__ = [
    "DIRECT_LABELS",
    "LABELS",
    "Document",
    "DocumentError",
    "InputError",
    "Part",
    "Segment",
    "Span",
    "canonical_label",
]
