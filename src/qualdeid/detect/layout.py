"""Layout of a text: headings, labels before a colon, line breaks. None of these are entities.

Templates and transcripts put headings in ("Brief description:", "Case Vignette", "What helped"),
which NER happily takes for people or organisations. Spans never cross a blank line, and names,
places and organisations never cross a line break.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qualdeid.corpus.model import Span
from qualdeid.labels import AGE, CONTACT, ID, LOCATION, ORGANIZATION, PERSON

#: A short label at the start of a line, ended by a colon: "Brief description:", "What was helpful:".
_LABEL = re.compile(r"^[ \t>#*-]*([A-Z][A-Za-z'’ ()/&-]{0,60}?)[ \t]*:", re.MULTILINE)
#: A whole short line without sentence punctuation: "Case Vignette", "## Reflective Entry 3".
_LINE = re.compile(r"^[ \t>#*-]*([^\n.!?,;:]{1,60})[ \t]*$", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z'’]+")
#: a form's label in two or more languages, ended by a colon, at the start of a line or after two spaces:
#: "Adresse / Address:", "Data urodzenia / DOB:", "Nome / Nom / Name:"; any script
_PART = r"[^\W\d_][\w'’.,()-]*(?: [\w'’.,()-]+){0,3}"
_TRANSLATED_LABEL = re.compile(
    rf"(?:^|(?<=[ \t]{{2}})|(?<=\t))[ \t>#*•☐☑-]*({_PART}(?:[ \t]*/[ \t]*{_PART}){{1,3}})[ \t]*:", re.MULTILINE
)
_MAX_HEADING_WORDS = 6
_SINGLE_LINE_LABELS = (PERSON, LOCATION, ORGANIZATION, CONTACT, ID, AGE)


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of headings and line labels (template parts, section titles)."""
    ranges = []
    for m in _LABEL.finditer(text):
        words = _WORD.findall(m.group(1))
        # "Brief description:" is a label; "Sarah:" or "Mary Jones:" may be a speaker, and stays.
        if 0 < len(words) <= _MAX_HEADING_WORDS and any(w[0].islower() for w in words):
            ranges.append((m.start(1), m.end(1)))
    ranges.extend(translated_label_ranges(text))
    for m in _LINE.finditer(text):
        words = _WORD.findall(m.group(1))
        if 0 < len(words) <= _MAX_HEADING_WORDS and all(w[0].isupper() or len(w) <= 3 for w in words):
            ranges.append((m.start(1), m.end(1)))
    return ranges


def translated_label_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of form labels written in several languages ("Adresse / Address:"): their
    capitalised words are no names, though no label is all lower case as an English one is."""
    if "/" not in text:
        return []
    # "jo k / sam:" in a case note's lower case is two people, not a label
    return [(m.start(1), m.end(1)) for m in _TRANSLATED_LABEL.finditer(text) if not m.group(1)[0].islower()]


def inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in ranges)


def split_at_breaks(text: str, span: Span) -> Span | None:
    """The span cut back to one paragraph (one line for names and the like): its longest piece
    (``None`` when nothing is left)."""
    piece = text[span.start : span.end]
    breaker = "\n" if span.label in _SINGLE_LINE_LABELS else "\n\n"
    if breaker not in piece and "\r" not in piece:
        return span
    best: tuple[int, int] | None = None
    offset = span.start
    for part in re.split(r"\r?\n\s*\r?\n" if breaker == "\n\n" else r"\s*\r?\n\s*", piece):
        start = text.index(part, offset) if part else offset
        offset = start + len(part)
        if part.strip() and (best is None or len(part) > best[1] - best[0]):
            best = (start, start + len(part))
    if best is None:
        return None
    start, end = best
    return replace(span, start=start, end=end, text=text[start:end] if span.text else "")
