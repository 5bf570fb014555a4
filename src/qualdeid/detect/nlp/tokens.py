"""A parsed document's token attributes as plain lists, read from spaCy once and shared by every finder.

Reading a spaCy token from Python is the cost (each ``for t in sdoc`` makes a Token object per token
and each ``t.lower_`` asks the string store), and the recognizers and processors walked every
document a dozen times for the same few attributes. ``token_table(sdoc)`` reads them with one
``Doc.to_array`` call, once per document, and keeps the table with the parse (``sdoc.user_data``),
so that a finder can skip the tokens that cannot concern it without making them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LEMMA, LIKE_NUM, LOWER, ORTH, POS, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc

#: where the table is kept in ``Doc.user_data``
_KEY = "qualdeid.token_table"
#: where the document's text is kept in ``Doc.user_data``
_TEXT_KEY = "qualdeid.text"


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Per token, in order: the values of ``Token.lower_``, ``lemma_``, ``pos_``, ``tag_``, ``idx``,
    ``is_alpha``, ``is_stop``, ``like_num`` and ``text``."""

    lowers: list[str]
    lemmas: list[str]
    pos: list[str]
    tags: list[str]
    starts: list[int]
    #: the length of the document's text (``len(sdoc.text)``, without building the text)
    length: int
    alpha: list[bool]
    stop: list[bool]
    num: list[bool]
    texts: list[str]

    def where_pos(self, *pos: str) -> list[int]:
        """Indices of the tokens whose part of speech is one of ``pos``, in order."""
        return [i for i, p in enumerate(self.pos) if p in pos]


def token_table(sdoc: Doc) -> TokenTable:
    """The document's :class:`TokenTable`, read on first use. The table assumes the words, lemmas and
    tags of the parse do not change afterwards (entities may: they are not in it)."""
    table = sdoc.user_data.get(_KEY)
    if table is None:
        table = sdoc.user_data[_KEY] = _read(sdoc)
    return table


def doc_text(sdoc: Doc) -> str:
    """``sdoc.text``, built once per document: spaCy joins the text of every token at each call."""
    text = sdoc.user_data.get(_TEXT_KEY)
    if text is None:
        text = sdoc.user_data[_TEXT_KEY] = sdoc.text
    return text


def keep_text(sdoc: Doc, text: str) -> Doc:
    """Keep the text ``sdoc`` was parsed from as its :func:`doc_text` (spaCy's tokens rebuild it exactly),
    so that it is never joined from the tokens."""
    sdoc.user_data[_TEXT_KEY] = text
    return sdoc


def _read(sdoc: Doc) -> TokenTable:
    attrs = [LOWER, LEMMA, POS, TAG, IDX, IS_ALPHA, IS_STOP, LIKE_NUM, ORTH]
    columns = sdoc.to_array(attrs).T.tolist() if len(sdoc) else [[] for _ in attrs]
    lowers, lemmas, pos, tags, starts, alpha, stop, num, texts = columns
    length = sdoc[-1].idx + len(sdoc[-1].text_with_ws) if len(sdoc) else 0
    strings = _Strings.of(sdoc)
    return TokenTable(
        lowers=strings.decode(lowers),
        lemmas=strings.decode(lemmas),
        pos=strings.decode(pos),
        tags=strings.decode(tags),
        starts=starts,
        length=length,
        alpha=[bool(v) for v in alpha],
        stop=[bool(v) for v in stop],
        num=[bool(v) for v in num],
        texts=strings.decode(texts),
    )


class _Strings:
    """A vocabulary's string store as a plain dict, filled as hashes come: a dict lookup costs a
    quarter of asking the store."""

    _by_store: ClassVar[dict[int, _Strings]] = {}

    def __init__(self, store: StringStore) -> None:
        self.store = store
        self.known: dict[int, str] = {}

    @classmethod
    def of(cls, sdoc: Doc) -> _Strings:
        store = sdoc.vocab.strings
        strings = cls._by_store.get(id(store))
        if strings is None or strings.store is not store:
            strings = cls._by_store[id(store)] = cls(store)
        return strings

    def decode(self, hashes: list[int]) -> list[str]:
        known = self.known
        try:
            return list(map(known.__getitem__, hashes))
        except KeyError:
            for h in hashes:
                if h not in known:
                    known[h] = self.store[h]
            return list(map(known.__getitem__, hashes))
