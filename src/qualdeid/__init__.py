"""qualdeid: de-identification for qualitative research text."""

from qualdeid.corpus import Document, InputError, Segment, Span
from qualdeid.corpus.readers import Corpus

__version__ = "0.1.0"
__all__ = ["Corpus", "Document", "InputError", "Segment", "Span", "__version__"]
