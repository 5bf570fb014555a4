"""Names inside Japanese text, which writes no spaces between words: a whole run of kana and kanji is a
phrase or a sentence, not a name, so the review offers only the pieces of it that could be one.

- the name before a form of address joined to it ("…田中さんが…", "ナカムラ様"): always;
- a run of katakana that is no everyday word, or that joins its parts with "・" (foreign names and
  places, written as they sound: "ロドリゴ", "ジョアン・シルバ");
- a run of kanji that ends with a place suffix (県, 市, 区, 町, ...): an address or a town;
- a run of kanji that opens with a surname of the name lists (Faker's ``ja_JP`` people) or holds a piece
  no dictionary knows;
- a short run that opens a line or a column before a tab or a colon: who writes a chat message or
  speaks;
- the parts of a name found so, wherever else they stand ("マリア" after "マリア・…さん").

Everyday words come from wordfreq's Japanese list, read directly (its tokenizer would need MeCab): a
piece is found by the longest match against the list. The words are in ``rules/review/review.yaml``
(``joined_address``, ``joined_place_suffixes``, ``joined_word_zipf``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import freq_to_zipf, get_frequency_dict

_HIRAGANA = "\u3041-\u309f"
_KATAKANA = "\u30a0-\u30ff\u31f0-\u31ff"
_KANJI = "\u3400-\u4dbf\u4e00-\u9fff\u3005"  # "々" repeats the kanji before it
#: a run written in Japanese: at least one kana (Chinese alone is left to the general finder)
_KANA = re.compile(rf"[{_HIRAGANA}{_KATAKANA}]")
_KATAKANA_RUN = re.compile(rf"[{_KATAKANA}]{{2,}}")
_KANJI_RUN = re.compile(rf"[{_KANJI}]{{2,}}(?:[ \u3000][{_KANJI}]{{1,3}})?")
_LONGEST_WORD = 6
_SPEAKER = re.compile(rf"(?m)(?:^|(?<=\t))[ ]*([{_HIRAGANA}{_KATAKANA}{_KANJI}]{{2,6}})[ \u3000]*(?:\t|[:：])")


@lru_cache(maxsize=1)
def _japanese_words() -> dict[str, float]:
    return get_frequency_dict("ja", wordlist="best")


def _zipf(word: str) -> float:
    freq = _japanese_words().get(word)
    return freq_to_zipf(freq) if freq else 0.0


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    from faker.providers.person.ja_JP import Provider

    return frozenset(Provider.last_names)


@lru_cache(maxsize=8)
def _addressed(address: tuple[str, ...]) -> re.Pattern[str]:
    """A name (group 1) before one of the forms of address ``address``."""
    forms = "|".join(re.escape(a) for a in sorted(address, key=len, reverse=True))
    name = rf"[{_KATAKANA}{_KANJI}]{{2,24}}|[{_HIRAGANA}]{{2,4}}"
    return re.compile(rf"(?<![{_KATAKANA}{_KANJI}])({name})(?:{forms})")


def is_japanese(text: str) -> bool:
    return _KANA.search(text) is not None


@dataclass(frozen=True)
class UnspacedSettings:
    address: tuple[str, ...]
    place_suffixes: str
    word_zipf: float


def _unknown_piece(run: str, word_zipf: float) -> bool:
    """``run`` holds a piece of two characters or more that no dictionary word covers: longest match
    from the left, a character that starts no word of ``word_zipf`` or more is unknown."""
    i, unknown = 0, 0
    while i < len(run):
        for size in range(min(_LONGEST_WORD, len(run) - i), 0, -1):
            if _zipf(run[i : i + size]) >= word_zipf:
                i += size
                unknown = 0
                break
        else:
            i += 1
            unknown += 1
            if unknown >= 2:
                return True
    return False


def candidates(text: str, runs: list[tuple[int, int]], settings: UnspacedSettings) -> list[tuple[int, int, str]]:
    """(start, end, label) of the pieces of the runs of Japanese text ``runs`` (offsets in ``text``)
    that could be a name or a place."""
    out: list[tuple[int, int, str]] = []
    taken = bytearray(len(text))

    def add(s: int, e: int, label: str) -> None:
        if s < e and not any(taken[s:e]):
            out.append((s, e, label))
            taken[s:e] = b"\x01" * (e - s)

    for start, end in runs:
        _pieces(text, start, end, settings, add)
    # the parts of a name found so, wherever else they stand alone ("マリア" after "マリア・…さん")
    parts = {p for s, e, label in out if label == "PERSON" for p in re.split(r"[・ \u3000]", text[s:e]) if len(p) >= 2}
    for part in sorted(parts, key=len, reverse=True):
        for start, end in runs:
            for m in re.finditer(re.escape(part), text[start:end]):
                add(start + m.start(), start + m.end(), "PERSON")
    return sorted(out)


def _pieces(text: str, start: int, end: int, settings: UnspacedSettings, add: Callable[[int, int, str], None]) -> None:
    """The pieces of one run ``text[start:end]`` that could be a name or a place, given to ``add``."""
    if settings.address:
        for m in _addressed(settings.address).finditer(text, start, end):
            s, e = m.span(1)
            if m.group(1)[0] in "のはがをにでともへやお":
                s += 1  # a particle before the name ("…の田中さん"), "お" of respect ("お母さん")
            if e - s >= 2:
                add(s, e, "PERSON")
    # who writes or speaks: a line's or a column's first word before a tab or a colon ("12:03\tまりこ\t…")
    for m in _SPEAKER.finditer(text, start, min(len(text), end + 2)):  # the tab or colon after the run
        add(m.start(1), m.end(1), "PERSON")
    if settings.place_suffixes:
        place = re.compile(rf"[{_KANJI}]{{1,12}}[{re.escape(settings.place_suffixes)}](?:[{_KANJI}]{{1,8}})?")
        for m in place.finditer(text, start, end):
            add(m.start(), m.end(), "LOCATION")
    for m in _KATAKANA_RUN.finditer(text, start, end):
        run = m.group()
        if "・" in run.strip("・") or _zipf(run) < settings.word_zipf:
            add(m.start(), m.end(), "PERSON")
    for m in _KANJI_RUN.finditer(text, start, end):
        run = m.group()
        if any(run.startswith(name) for name in _surnames()) or _unknown_piece(run, settings.word_zipf):
            add(m.start(), m.end(), "PERSON")
