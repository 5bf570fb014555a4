"""Words of Chinese text, which writes no space between them: how common a word is and where words end.

Read from wordfreq's small Chinese list (the words jieba finds, with their frequencies; offline, already a
dependency), traditional characters mapped to simplified ones with wordfreq's own table, as wordfreq looks
words up. A run of Han characters is cut into words by the most probable segmentation over that list (the
way jieba cuts without its model of unknown words): a character no listed word holds stands alone.
"""

from __future__ import annotations

import gzip
import math
from functools import lru_cache

import msgpack
from wordfreq import get_frequency_dict
from wordfreq.util import data_path

#: the longest word looked up while cutting a run
LONGEST = 6
#: the log frequency given to a character that no listed word holds
UNKNOWN = math.log(1e-9)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, float], dict[int, int]]:
    words = get_frequency_dict("zh", wordlist="small")
    with gzip.open(data_path("_chinese_mapping.msgpack.gz")) as f:
        simplified = msgpack.load(f, raw=False, strict_map_key=False)
    return words, simplified


def simplified(text: str) -> str:
    """``text`` with traditional characters mapped to simplified ones (character by character)."""
    return text.translate(_table()[1])


def zipf(word: str) -> float:
    """The Zipf frequency of a Chinese word (traditional or simplified), 0 where the list lacks it."""
    freq = _table()[0].get(simplified(word))
    return 9 + math.log10(freq) if freq else 0.0


def cut(run: str) -> list[tuple[int, int]]:
    """(start, end) of each word of a run of Han characters, by the most probable segmentation."""
    words = _table()[0]
    key = simplified(run)
    n = len(key)
    best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for end in range(1, n + 1):
        options = []
        for start in range(max(0, end - LONGEST), end):
            freq = words.get(key[start:end])
            if freq:
                options.append((best[start][0] + math.log(freq), start))
            elif end - start == 1:
                options.append((best[start][0] + UNKNOWN, start))
        best[end] = max(options)
    out = []
    end = n
    while end > 0:
        start = best[end][1]
        out.append((start, end))
        end = start
    return out[::-1]
