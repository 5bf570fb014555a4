"""Build ``rules/lexicons/language_names.txt`` from the IANA language subtag registry.

The registry ships inside the ``langcodes`` package (a dependency of qualdeid), so this needs nothing
else: ``python3 tools/build_language_names.py > rules/lexicons/language_names.txt``.

Kept: the one-word name of a language ("Zhuang"), and the last word of several languages' names
when at least three of them end in it ("Lahu Xyz", "Akha Xyz" ...: "Xyz", the people and the family
of languages), in ASCII letters, four letters or more, and found in English text at all
(wordfreq's Zipf of at least ``MIN_ZIPF``: the registry's thousands of obscure names would mostly
match people's and villages' names, not a language anyone writes about in English).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import langcodes
from wordfreq import zipf_frequency

MIN_ZIPF = 2.0
MIN_HEADS = 3
HEADER = """\
# Names of languages and of the peoples who speak them ("in Zhuang", "the Lahu families", "an Akha
# boy"), from the IANA language subtag registry shipped with the langcodes package; built by
# tools/build_language_names.py. compose reads a lone capitalised word of these that detection took for
# a place or an organisation as a language or a people, nothing to replace, except the words that a
# list of first names, surnames or towns also holds; risk never holds a place or an organisation made only of
# them, nor a word of them within a longer name, as an identifier (risk.yaml, never_places). One per
# line; a project rules folder can add lines; "!Name" removes one.
"""


def registry_records(path: Path) -> list[dict[str, list[str]]]:
    records: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line == "%%":
            if current:
                records.append(current)
            current = {}
        elif not line.startswith(" "):
            key, _, value = line.partition(": ")
            current.setdefault(key, []).append(value)
    if current:
        records.append(current)
    return records


def language_names(records: list[dict[str, list[str]]]) -> list[str]:
    single: set[str] = set()
    heads: Counter[str] = Counter()
    for r in records:
        if r.get("Type") != ["language"] or "Deprecated" in r:
            continue
        for d in r.get("Description", []):
            if re.fullmatch(r"[A-Z][a-z]+", d):
                single.add(d)
            m = re.fullmatch(r"(?:[A-Z][\w'-]* )+([A-Z][a-z]+)", d)
            if m:
                heads[m.group(1)] += 1
    words = single | {w for w, n in heads.items() if n >= MIN_HEADS}
    return sorted(w for w in words if len(w) >= 4 and w not in ("Language", "Languages"))


def main() -> None:
    path = Path(langcodes.__file__).parent / "data" / "language-subtag-registry.txt"
    names = [w for w in language_names(registry_records(path)) if zipf_frequency(w.lower(), "en") >= MIN_ZIPF]
    sys.stdout.write(HEADER + "".join(f"{w}\n" for w in names))


if __name__ == "__main__":
    main()
