"""qualdeid: de-identification for qualitative research text."""

from qualdeid.corpus import Document, InputError, Segment, Span
from qualdeid.corpus.readers import Corpus

__version__ = "0.1.0"
__all__ = ["Corpus", "Document", "InputError", "Key", "ScrubConfig", "Scrubber", "Segment", "Span", "__version__"]

_LAZY = {"Key": "qualdeid.pseudonymise", "ScrubConfig": "qualdeid.pseudonymise", "Scrubber": "qualdeid.pseudonymise"}


def __getattr__(name: str):  # imported on first use: they pull in Faker and cryptography
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'qualdeid' has no attribute {name!r}")
