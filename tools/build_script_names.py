"""Build ``rules/names/script_names.yaml``: first names and surnames written in scripts without capital letters
(Arabic, Persian, Hebrew, Thai, Japanese, Chinese, Devanagari), from the person providers of Faker (already a
dependency of qualdeid; MIT licence; lists of common names, not derived from leaked personal data).

    python3 tools/build_script_names.py rules/names

Korean names in Hangul are built by tools/build_given_syllables.py. A list alone never makes a word a name
here: detect/names/scripts.py reads these names only beside an anchor (an honorific, a title, a sender's
line), to tell how far the name runs and whether a second word belongs to it. Names of more than one word
are split into their words. The output is sorted, so a rebuild with the same Faker gives the same file.
"""

from __future__ import annotations

import importlib
import sys
import unicodedata
from pathlib import Path

import faker

#: Faker locales whose person providers write names in a script without capitals
LOCALES = (
    "ar_AA", "ar_DZ", "ar_PS", "ar_SA", "fa_IR", "he_IL", "th_TH", "ja_JP", "zh_CN", "zh_TW", "hi_IN", "ne_NP",
    "bn_BD", "gu_IN", "or_IN", "ta_IN", "si_LK", "ka_GE",
)  # fmt: skip
#: the scripts kept (the first word of a letter's Unicode name); Hangul has its own list
SCRIPTS = (
    "ARABIC", "HEBREW", "THAI", "CJK", "HIRAGANA", "KATAKANA", "DEVANAGARI", "BENGALI", "GUJARATI", "ORIYA", "TAMIL",
    "SINHALA", "GEORGIAN",
)  # fmt: skip
GIVEN = ("first_names", "first_kana_names")
SURNAMES = ("last_names", "last_kana_names")

HEADER = """\
# First names and surnames in scripts without capital letters (Arabic, Persian, Hebrew, Thai, Japanese,
# Chinese, Devanagari, Bengali, Gujarati, Oriya, Tamil, Sinhala, Georgian), from the person providers of
# Faker {version} (MIT licence: lists of common names), built by tools/build_script_names.py. Read by
# detect/names/scripts.py only beside an anchor (an honorific, a title, a chat sender's line): a list alone
# never makes a word a name. A project adds names; "!name" removes one.
"""


def uncased(word: str) -> bool:
    """A word of letters of the kept scripts only (vowel signs and joiners allowed)."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith(SCRIPTS) for c in letters)


def collect(attrs: tuple[str, ...]) -> list[str]:
    words: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in attrs:
            for name in getattr(provider, attr, ()):
                for word in str(name).split():
                    word = word.strip("\u200c\u200f\u200e,.;")  # a stray comma in a list ("<name>,")
                    if uncased(word) and len(word) >= 1:
                        words.add(word)
    return sorted(words)


def main(folder: str) -> None:
    out = Path(folder) / "script_names.yaml"
    given, surnames = collect(GIVEN), collect(SURNAMES)
    with out.open("w", encoding="utf-8") as f:
        f.write(HEADER.format(version=faker.VERSION))
        f.write(f"given: [{', '.join(given)}]\n")
        f.write(f"surnames: [{', '.join(surnames)}]\n")
    print(f"{out}: {len(given)} first names, {len(surnames)} surnames")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "rules/names")
