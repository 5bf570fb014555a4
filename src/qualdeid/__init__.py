"""qualdeid: de-identification for qualitative research text."""

from qualdeid.corpus import Document, InputError, Segment, Span
from qualdeid.corpus.readers import Corpus

__version__ = "0.1.0"
__all__ = [
    "Corpus",
    "DetectConfig",
    "Detector",
    "Document",
    "InputError",
    "Key",
    "ScrubConfig",
    "Scrubber",
    "Segment",
    "Span",
    "__version__",
]

_LAZY = {  # format: module names
    "Detector": "qualdeid.detect",
    "DetectConfig": "qualdeid.detect",
    "Key": "qualdeid.pseudonymise",
    "ScrubConfig": "qualdeid.pseudonymise",
    "Scrubber": "qualdeid.pseudonymise",
}


def __getattr__(name: str):  # imported on first use: they pull in spaCy, Presidio, Faker, cryptography
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'qualdeid' has no attribute {name!r}")
