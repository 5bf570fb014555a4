"""Choosing fragments for a composite: coded segments on the theme, from enough different sources."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

from qualdeid.compose.config import ComposeConfig
from qualdeid.corpus.model import Document

MAX_SHARE = 0.5
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*\n")
_WORD = re.compile(r"\S+")


class CannotCompose(Exception):
    """No composite can be made; the message explains why in the researcher's terms."""


@dataclass
class Fragment:
    doc_id: str
    source: str  # the author where known, else the document
    start: int  # offsets into the document (heading excluded)
    end: int
    section: int
    codes: list[str]
    text: str

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def code_matches(code: str, theme: str) -> bool:
    """A theme matches a code by name, or by the last part of a hierarchical code ("Parent\\Child")."""
    c, t = code.strip().casefold(), theme.strip().casefold()
    return c == t or re.split(r"\s*[\\/>]\s*", c)[-1] == t


def source_key(doc: Document) -> str:
    author = doc.meta.get("author")
    if author is None or str(author).strip() == "":
        return f"document {doc.id}"
    group = doc.meta.get("group") or doc.meta.get("setting") or ""
    return f"author {group}/{author}" if group else f"author {author}"


def fragments_on(docs: Iterable[Document], themes: list[str], config: ComposeConfig) -> list[Fragment]:
    out = []
    for doc in docs:
        ordered = sorted(doc.segments, key=lambda s: (s.start, s.end))
        n_sections = max(1, len(config.sections))
        for pos, seg in enumerate(ordered):
            if not any(code_matches(c, t) for c in seg.codes for t in themes):
                continue
            raw = doc.text[seg.start : seg.end]
            section, skip = config.section_of(raw)
            if section is None:
                section = min(n_sections - 1, round(pos * (n_sections - 1) / max(1, len(ordered) - 1)))
            body = raw[skip:].rstrip()
            if not body.strip():
                continue
            start = seg.start + skip
            out.append(Fragment(doc.id, source_key(doc), start, start + len(body), section, seg.codes, body))
    return out


def select(fragments: list[Fragment], k: int, rng: random.Random, themes: list[str]) -> list[Fragment]:
    """One fragment from each of ``k`` different sources, spread over the narrative's sections."""
    by_source: dict[str, list[Fragment]] = {}
    for f in fragments:
        by_source.setdefault(f.source, []).append(f)
    if len(by_source) < k:
        what = ", ".join(themes)
        raise CannotCompose(
            f"only {len(by_source)} different source(s) have segments coded '{what}', and a composite needs at "
            f"least {k} (--sources) so that no account can be singled out; code more accounts on this theme, "
            "add another theme, or lower --sources (not below 2)"
        )
    sources = sorted(by_source)
    rng.shuffle(sources)
    covered: dict[int, int] = {}
    chosen = []
    for s in sources[:k]:
        options = by_source[s][:]
        rng.shuffle(options)
        best = min(options, key=lambda f: (covered.get(f.section, 0), -f.words if f.words < 200 else 0))
        covered[best.section] = covered.get(best.section, 0) + 1
        chosen.append(best)
    order = {id(f): i for i, f in enumerate(chosen)}
    return sorted(chosen, key=lambda f: (f.section, order[id(f)]))


def sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text.rstrip())))
    return out


def trim(fragments: list[Fragment], words: int) -> list[Fragment]:
    """Cut each fragment to its share of about ``words`` words, on sentence boundaries; then make sure no
    source supplies more than half of the words (a composite must not be mostly one account)."""
    budget = max(1, words // max(1, len(fragments)))
    cut: list[Fragment] = []
    for f in fragments:
        spans = sentences(f.text)
        keep, total = [], 0
        for s, e in spans:
            n = len(_WORD.findall(f.text[s:e]))
            if keep and total + n > budget * 1.15:
                break
            keep.append((s, e))
            total += n
        cut.append(_shorten(f, keep[-1][1] if keep else len(f.text)))
    while True:
        totals: dict[str, int] = {}
        for f in cut:
            totals[f.source] = totals.get(f.source, 0) + f.words
        grand = sum(totals.values())
        heavy = max(totals, key=lambda s: totals[s])
        if grand == 0 or totals[heavy] <= MAX_SHARE * grand:
            return cut
        victim = max((f for f in cut if f.source == heavy), key=lambda f: f.words)
        spans = sentences(victim.text)
        if len(spans) < 2:
            raise CannotCompose(
                "one account would supply more than half of the words even cut to a single sentence; "
                "try another --seed, a larger --words, or more --sources"
            )
        cut[cut.index(victim)] = _shorten(victim, spans[-2][1])


def _shorten(f: Fragment, end: int) -> Fragment:
    return Fragment(f.doc_id, f.source, f.start, f.start + end, f.section, f.codes, f.text[:end])
