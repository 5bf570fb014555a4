"""Every identifier known from a corpus (and a key), findable in any text.

Used by ``risk`` (residual identifiers are a hard failure) and by ``compose`` (a name detected in one
document is removed from every fragment, even where detection missed it there). Values are indexed
with their variants: without a title ("Dr Okoro" -> "Okoro"), without a possessive, and, for names of
people, places and organisations, each distinctive word on its own ("Kestrel Street" -> "Kestrel").
A value that is also a common word ("Hope", "Will") is matched only with its capital letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

from qualdeid.corpus.model import DIRECT_LABELS, Document

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)
DEFAULT_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "nurse", "sister", "rev"})


def plain(text: str) -> str:
    """Typographic apostrophes made plain; same length, so offsets stay valid."""
    return text.translate(_APOSTROPHES)


@dataclass
class Identifier:
    value: str
    label: str
    sources: set[str] = field(default_factory=set)
    common: bool = False  # also a common word: matched case-sensitively, sentence-initial = uncertain


@dataclass(frozen=True, slots=True)
class IdentifierHit:
    start: int
    end: int
    label: str
    sources: tuple[str, ...]
    certain: bool


class IdentifierIndex:
    def __init__(
        self,
        *,
        labels: Iterable[str] = DIRECT_LABELS,
        titles: Iterable[str] = DEFAULT_TITLES,
        common_zipf: float = 4.0,
        min_length: int = 3,
    ) -> None:
        self.labels = set(labels)
        self.titles = {t.lower().rstrip(".") for t in titles}
        self.common_zipf = common_zipf
        self.min_length = min_length
        self._by_key: dict[str, Identifier] = {}
        self._regexes: tuple[re.Pattern[str] | None, re.Pattern[str] | None] | None = None

    def __len__(self) -> int:
        return len(self._by_key)

    def values(self) -> Iterator[Identifier]:
        return iter(self._by_key.values())

    def add_document(self, doc: Document) -> None:
        for span in doc.spans:
            if span.label in self.labels:
                self.add(doc.text[span.start : span.end], span.label, doc.id)

    def add(self, value: str, label: str, source: str) -> None:
        for variant in self.variants(value, label):
            key = variant.lower()
            ident = self._by_key.get(key)
            if ident is None:
                ident = self._by_key[key] = Identifier(variant, label, common=self._is_common(variant))
            ident.sources.add(source)
        self._regexes = None

    def variants(self, value: str, label: str) -> set[str]:
        value = " ".join(plain(value).split()).strip(' .,;:!?"()[]')
        words = _WORD.findall(value)
        if not words:
            return set()
        out = {value}
        while words and words[0].lower().rstrip(".") in self.titles:
            words = words[1:]
        if words:
            out.add(" ".join(words))
            out.add(_POSSESSIVE.sub("", " ".join(words)))
        if label in ("PERSON", "LOCATION", "ORGANIZATION") and len(words) > 1:
            for w in words:
                w = _POSSESSIVE.sub("", w)
                # a person's every name part; a place's or organisation's distinctive words only
                if label == "PERSON" or (w[:1].isupper() and not self._is_common(w)):
                    out.add(w)
        return {v for v in out if self._usable(v)}

    def _usable(self, v: str) -> bool:
        if len(v) < self.min_length and not (len(v) == 2 and v[:1].isupper() and v.isalpha()):
            return False
        if v.lower() in self.titles:
            return False
        return not (v.isdigit() and len(v) < 4)

    def _is_common(self, v: str) -> bool:
        words = _WORD.findall(v)
        return bool(words) and all(zipf_frequency(w.lower(), "en") >= self.common_zipf for w in words)

    def _compile(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        if self._regexes is None:
            exact = sorted((i.value for i in self._by_key.values() if i.common), key=len, reverse=True)
            loose = sorted((i.value for i in self._by_key.values() if not i.common), key=len, reverse=True)

            def rx(values: list[str], flags: int) -> re.Pattern[str] | None:
                if not values:
                    return None
                alternation = "|".join(re.escape(v) for v in values)
                return re.compile(rf"(?<![^\W_])(?:{alternation})(?:'s)?(?![^\W_])", flags)

            self._regexes = (rx(exact, 0), rx(loose, re.IGNORECASE))
        return self._regexes

    def find(self, text: str) -> list[IdentifierHit]:
        """Non-overlapping hits, longest first; offsets index ``text`` itself."""
        t = plain(text)
        hits: list[IdentifierHit] = []
        taken = bytearray(len(t))
        candidates = []
        for pattern in self._compile():
            if pattern is not None:
                candidates.extend(pattern.finditer(t))
        for m in sorted(candidates, key=lambda m: (-(m.end() - m.start()), m.start())):
            if any(taken[m.start() : m.end()]):
                continue
            ident = self._by_key.get(_POSSESSIVE.sub("", m.group()).lower()) or self._by_key.get(m.group().lower())
            if ident is None:
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            certain = not (ident.common and _sentence_initial(t, m.start()))
            hits.append(IdentifierHit(m.start(), m.end(), ident.label, tuple(sorted(ident.sources)), certain))
        return sorted(hits, key=lambda h: h.start)


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?:\n"


def index_corpus(docs: Iterable[Document], **kwargs) -> IdentifierIndex:
    index = IdentifierIndex(**kwargs)
    for d in docs:
        index.add_document(d)
    return index
