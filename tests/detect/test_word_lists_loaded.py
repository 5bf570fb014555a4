"""English text reads no other language's word list: each wordfreq list costs seconds and tens of
megabytes, and a reader of every line's language once loaded twenty of them for the example diaries."""

from __future__ import annotations

import subprocess
import sys

from helpers import EXAMPLES

_SCRIPT = """
import sys
from pathlib import Path
import wordfreq
from qualdeid.corpus import Document
from qualdeid.detect import Detector
docs = [Document(p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
assert len(docs) >= 5
list(Detector().detect(docs))
print(wordfreq.get_frequency_dict.cache_info().currsize)
"""


def test_english_diaries_read_only_the_english_word_list() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(EXAMPLES / "diaries")], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip().splitlines()[-1]) == 1
