"""Texts written all in capitals ("CAN ANYONE WALK MR TEO RUIZ'S DOG WHILE HE IS IN KELSO HOSPITAL"): a lay
appeal, a shouted post. Every word is capitalised, so NER and the name lists can tell no name from a
word; such a text is detected in ordinary case instead and comes out as it was written.

A word is written in lower case unless it is a listed given name, surname or title, or rare in English
(wordfreq), when it keeps a capital; a street, venue or organisation word or a compass word after a
capitalised word keeps one too ("Kelso Hospital", "Mill Street", "Kelso East"), and so does a sentence's
first word. Only letters change, so
every offset stays; words with digits ("SW1A") are left as they are. Settings in ``rules/detect.yaml``
(``shouted``).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from qualdeid.corpus.model import Document, InputError
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.rules import Rules

#: the key of a recased document's own text in ``Document.meta`` while it is detected
ORIGINAL = "_shouted_text"
_WORD = re.compile(r"(?<![\w])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“(])[\s\"“'(]*$")
_TYPE_LISTS = ("lexicons/street_types.txt", "lexicons/venue_types.txt", "lexicons/org_types.txt")

Item = Document | InputError

#: the ASCII letters of each case, as bytes (``bytes.translate`` deletes them to count them)
_UPPER = string.ascii_uppercase.encode("ascii")
_LOWER = string.ascii_lowercase.encode("ascii")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class Shouting:
    """When a text counts as shouted, and how its words are written again."""

    min_letters: int
    upper_share: float
    rare_zipf: float
    names: Callable[[str], bool]
    type_words: frozenset[str]

    @classmethod
    def read(cls, rules: Rules, is_name: Callable[[str], bool]) -> Shouting:
        settings = rules.settings("detect.yaml").get("shouted", {})
        titles = rules.words("names/titles.txt", lower=True)
        types = frozenset().union(*(rules.words(name, lower=True) for name in _TYPE_LISTS))
        compass = frozenset(str(w) for w in rules.lists("lexicons/places.yaml")["compass_words"])
        return cls(
            min_letters=int(settings.get("min_letters", 40)),
            upper_share=float(settings.get("upper_share", 0.8)),
            rare_zipf=float(settings.get("rare_zipf", 3.5)),
            names=lambda w: is_name(w) or w.lower() in titles,
            type_words=types | compass,
        )

    def is_shouted(self, text: str) -> bool:
        # the ASCII letters counted by deleting them from the text's bytes, the few other characters one by one
        raw = text.encode("ascii", "ignore")
        upper = len(raw) - len(raw.translate(None, _UPPER))
        cased = upper + len(raw) - len(raw.translate(None, _LOWER))
        if len(raw) < len(text):
            others = [c for c in _NON_ASCII.findall(text) if c.isalpha() and c.lower() != c.upper()]
            upper += sum(c.isupper() for c in others)
            cased += len(others)
        return cased >= self.min_letters and upper >= self.upper_share * cased

    def recase(self, text: str) -> str:
        """``text`` in ordinary case, letter for letter at the same offsets."""
        out = list(text)
        capital_before = False
        for m in _WORD.finditer(text):
            word = m.group()
            if not word.isupper():
                capital_before = word[0].isupper()
                continue
            low = word.lower()
            keep = (
                self.names(word)
                or zipf(low) < self.rare_zipf
                or (capital_before and low in self.type_words)
                or (len(word) == 1 and word == "I")
            )
            new = word.capitalize() if keep else low
            if _SENTENCE_START.search(text, max(0, m.start() - 4), m.start()) and not keep:
                new = low.capitalize()
            if len(new) == len(word):
                out[m.start() : m.end()] = new
            capital_before = keep
        return "".join(out)


def recased_corpus(corpus: Iterable[Item], shouting: Shouting) -> Iterable[Item]:
    """``corpus`` with each shouted document in ordinary case, its own text kept in its meta; re-iterable
    if the corpus is."""
    if iter(corpus) is corpus:
        return (_recased(item, shouting) for item in corpus)
    return _RecasedCorpus(corpus, shouting)


class _RecasedCorpus:
    def __init__(self, corpus: Iterable[Item], shouting: Shouting) -> None:
        self.corpus = corpus
        self.shouting = shouting
        progress = getattr(corpus, "detect_progress", None)
        if progress is not None:  # the command line's progress bar
            self.detect_progress = progress

    def __iter__(self) -> Iterator[Item]:
        return (_recased(item, self.shouting) for item in self.corpus)


def _recased(item: Item, shouting: Shouting) -> Item:
    if not isinstance(item, Document) or not shouting.is_shouted(item.text):
        return item
    return Document(
        item.id,
        shouting.recase(item.text),
        spans=item.spans,
        segments=item.segments,
        meta={**item.meta, ORIGINAL: item.text},
        source=item.source,
        fmt=item.fmt,
        parts=item.parts,
        doubts=item.doubts,
    )


def as_written(items: Iterable[Item]) -> Iterator[Item]:
    """The detected items with each recased document's own text back, its spans' texts with it."""
    for item in items:
        if isinstance(item, Document) and ORIGINAL in item.meta:
            meta = dict(item.meta)
            item.text = meta.pop(ORIGINAL)
            item.meta = meta
            item.spans = [replace(s, text=item.text[s.start : s.end]) for s in item.spans]
            item.doubts = [replace(s, text=item.text[s.start : s.end]) for s in item.doubts]
        elif isinstance(item, InputError) and ORIGINAL in getattr(item, "meta", {}):
            item.meta = {k: v for k, v in item.meta.items() if k != ORIGINAL}  # type: ignore[attr-defined]
        yield item
