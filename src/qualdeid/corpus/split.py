"""Long documents in parts: cut before detection, put back together after it.

spaCy holds a whole batch of texts in memory at once (about 4 kB per character) and refuses texts
over a million characters, so a document longer than ``max_chars`` is detected as consecutive parts
of at most ``max_chars`` characters, cut at a paragraph break (else a line break, a sentence end, a
space). The parts keep the document's id and go through detection as documents of the same corpus,
so a name found in one part is found in all of them and in every other document. Afterwards their
spans are shifted back to the whole text and the whole document comes out, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from qualdeid.corpus.model import Document, DocumentError, InputError, Segment, Span
from qualdeid.corpus.model import Part as FilePart

#: Where a part may end, best first: after a blank line, a line break, a sentence end, a space.
_CUTS = (
    re.compile(r"\n[ \t\r]*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?][\"'”’)\]]*\s"),
    re.compile(r"\s"),
)
#: The key of a part's place in its document (in ``Document.meta``).
PART = "_part"

Item = Document | InputError


@dataclass(frozen=True, slots=True)
class Part:
    """A part's place in its document; the first part also carries the document's other fields
    (its segments, record fields and where in its file each stretch of its text comes from)."""

    index: int
    count: int
    start: int
    segments: list[Segment] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    file_parts: list[FilePart] = field(default_factory=list)


def cut_points(text: str, max_chars: int) -> list[int]:
    """Offsets where the parts of ``text`` end (the last is ``len(text)``), each part at most
    ``max_chars`` long and cut at the best break in its second half."""
    ends: list[int] = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start + max_chars // 2 : start + max_chars]
        end = start + max_chars  # no break at all: a hard cut
        for cut in _CUTS:
            last = max((m.end() for m in cut.finditer(window)), default=None)
            if last is not None:
                end = start + max_chars // 2 + last
                break
        ends.append(end)
        start = end
    ends.append(len(text))
    return ends


def split_document(doc: Document, max_chars: int) -> list[Document]:
    """``doc`` itself if it is short enough, else its parts."""
    if len(doc.text) <= max_chars:
        return [doc]
    ends = cut_points(doc.text, max_chars)
    parts, start = [], 0
    for i, end in enumerate(ends):
        first = i == 0
        part = Part(i, len(ends), start, *((doc.segments, doc.meta, doc.parts) if first else ()))
        parts.append(Document(doc.id, doc.text[start:end], meta={PART: part}, source=doc.source, fmt=doc.fmt))
        start = end
    return parts


def split_corpus(corpus: Iterable[Item], max_chars: int) -> Iterable[Item]:
    """``corpus`` with its long documents as parts: re-iterable if the corpus is, one-shot if not (the
    detector keeps a one-shot corpus for its second pass)."""
    if iter(corpus) is corpus:
        return (part for item in corpus for part in _split(item, max_chars))
    return _SplitCorpus(corpus, max_chars)


class _SplitCorpus:
    def __init__(self, corpus: Iterable[Item], max_chars: int) -> None:
        self.corpus = corpus
        self.max_chars = max_chars
        progress: Callable[[int, int], None] | None = getattr(corpus, "detect_progress", None)
        if progress is not None:  # the command line's progress bar
            self.detect_progress = progress

    def __iter__(self) -> Iterator[Item]:
        return (part for item in self.corpus for part in _split(item, self.max_chars))


def _split(item: Item, max_chars: int) -> list[Item]:
    return split_document(item, max_chars) if isinstance(item, Document) else [item]


def join_parts(items: Iterable[Item]) -> Iterator[Item]:
    """The items with each long document's parts put back into the whole document, spans included.
    When detection failed on a part, the whole document is that failure (one error, no document)."""
    texts: list[str] = []
    spans: list[Span] = []
    doubts: list[Span] = []
    first: Part | None = None
    failed: DocumentError | None = None
    for item in items:
        part = item.meta.get(PART) if isinstance(item, Document | DocumentError) else None
        if part is None:
            yield item
            continue
        if part.index != len(texts):
            raise RuntimeError("the parts of a long document came out of order; run again")
        if part.index == 0:
            first = part
        if isinstance(item, DocumentError):
            failed = failed or item
            texts.append("")
        else:
            spans.extend(replace(s, start=s.start + part.start, end=s.end + part.start) for s in item.spans)
            doubts.extend(replace(s, start=s.start + part.start, end=s.end + part.start) for s in item.doubts)
            texts.append(item.text)
        if part.index == part.count - 1:
            assert first is not None
            if failed is not None:
                yield DocumentError(failed.source, failed.message)
            else:
                assert isinstance(item, Document)
                yield Document(
                    item.id,
                    "".join(texts),
                    spans,
                    list(first.segments),
                    dict(first.meta),
                    item.source,
                    item.fmt,
                    list(first.file_parts),
                    doubts,
                )
            texts, spans, doubts, first, failed = [], [], [], None, None
