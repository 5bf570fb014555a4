"""Build ``rules/risk/related.txt``: words related in meaning, from WordNet 3.0 (Princeton, WordNet licence).

WordNet is not a run-time dependency of qualdeid (``wn`` and ``nltk`` fetch it when first used): its
data files come from Debian's ``wordnet-base`` package, read once by this script.

    apt-get install -y wordnet-base
    python3 tools/build_related_words.py /usr/share/wordnet > rules/risk/related.txt
    python3 tools/build_related_words.py --definitions /usr/share/wordnet > rules/risk/definitions.txt
    python3 tools/build_related_words.py --persons /usr/share/wordnet > rules/risk/person_nouns.txt

For each word (single words, lower case, as common as ``MIN_ZIPF`` in general English), the words it
names the same thing as or derives from, in one of these relations:

- derivation: "pianist" ~ "piano", "fiddler" ~ "fiddle", "confusion" ~ "confuse" (any sense);
- pertainym: "medical" ~ "medicine";
- synonym of the word's most frequent sense: "plane" ~ "aeroplane", "abroad" ~ "overseas";
- hypernym, one or two steps up from the most frequent sense of a noun: "earring" ~ "jewellery",
  "airplane" ~ "aircraft" (a broader word that is itself as common as ``MAX_HYPERNYM_ZIPF`` is left out:
  "thing", "person", "act" relate everything to everything).

With ``--definitions``, ``rules/risk/definitions.txt`` instead: for each uncommon noun (rarer than
``MAX_DEFINED_ZIPF``; a phrase too, "sleight of hand"), the uncommon words of the definitions of its
first ``DEFINED_SENSES`` senses (rarer than ``MAX_GLOSS_ZIPF``, outside brackets and examples, in the
singular): "farrier: horse, shoe", "amber: fossil, resin, ...". A passage that says what a thing is
instead of naming it ("shoes horses for a living") uses two of them in one sentence.

With ``--persons``, ``rules/risk/person_nouns.txt`` instead: the single words whose most frequent noun
sense is a kind of person (WordNet's lexicographer file ``noun.person``, not a named individual; as common
as ``MIN_PERSON_ZIPF``): "visitor", "aide", "rider". "A visitor used to ..." tells one person's life as
"a woman used to ..." does.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from wordfreq import zipf_frequency

MIN_ZIPF = 1.5
MAX_HYPERNYM_ZIPF = 4.8
MIN_HYPERNYM_DEPTH = 6  # steps below "entity": "organism" (5) and "artifact" (4) relate too much
HYPERNYM_STEPS = 2
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
MAX_DEFINED_ZIPF = 4.0
MAX_GLOSS_ZIPF = 5.0
DEFINED_SENSES = 3
MIN_GLOSS_WORDS = 2
MIN_PERSON_ZIPF = 2.5
NOUN_PERSON = "18"  # lexicographer file number of noun.person

PERSONS_HEADER = """\
# Nouns for a kind of person, read by `qualdeid risk` (risk/biography.py) beside the hand-written
# person_nouns of risk/life.yaml: "a visitor", "one aide" name one person as "a woman" does. Built from
# WordNet 3.0 (Copyright 2006 by Princeton University; its licence and disclaimer are in
# rules/risk/WORDNET-LICENSE) by tools/build_related_words.py --persons: the words whose most frequent
# noun sense is in noun.person and is not a named individual. One word a line; a project rules folder
# can add words (risk/person_nouns.txt) or take one back with "!" before it.
"""

DEFINITIONS_HEADER = """\
# Definitions, read by `qualdeid risk` when it links a passage to a person's accounts
# (subject_linkage): a passage that says what a thing is instead of naming it ("shoes horses for a
# living" for a farrier) uses two or more words of the thing's definition in one sentence, and then
# counts as naming it. Built from WordNet 3.0 (Copyright 2006 by Princeton University; its licence and
# disclaimer are in rules/risk/WORDNET-LICENSE) by tools/build_related_words.py --definitions; each
# line: `word or phrase: uncommon words of the definitions of its first senses`. A project rules folder
# can add lines (risk/definitions.txt) or take one back with "!" before the whole line.
"""
_GLOSS_WORD = re.compile(r"[a-z]+")

HEADER = """\
# Words related in meaning, read by `qualdeid risk` when it links a passage to a person's accounts
# (subject_linkage): a paraphrase that says "pianist" for "piano", "aircraft" for "plane" or
# "medical school" for "medicine" still points at the accounts that hold the other word. A related word
# counts less than the word itself (linkage.similarity.related_weight in risk.yaml).
# Built from WordNet 3.0 (Copyright 2006 by Princeton University; its licence and disclaimer are in
# rules/risk/WORDNET-LICENSE) by tools/build_related_words.py; each line: `word: related, related, ...`
# (derivations, pertainyms, synonyms of the most frequent sense, broader words of a noun's most
# frequent sense, listed on the narrower word's line only). A project rules folder can add lines
# (risk/related.txt) or take one back with "!" before the whole line.
"""


def _single(word: str) -> str:
    word = word.split("(")[0].lower()
    return word if word.isalpha() and len(word) >= 3 else ""


def read(folder: Path):
    """Synsets as {(pos, offset): (words, pointers)} and, per (word, pos), its synsets by frequency."""
    synsets: dict[tuple[str, str], tuple[list[str], list[tuple[str, str, str, str]]]] = {}
    for pos, name in POS_FILES.items():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, ss_type, n = fields[0], fields[2], int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(n)]
            i = 4 + 2 * n
            pointers = []
            for j in range(int(fields[i])):
                symbol, target, tpos, st = fields[i + 1 + 4 * j : i + 5 + 4 * j]
                pointers.append((symbol, target, "a" if tpos == "s" else tpos, st))
            synsets[("a" if ss_type == "s" else pos, offset)] = (words, pointers)
    senses: dict[tuple[str, str], list[str]] = {}
    for pos, name in POS_FILES.items():
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            count = int(fields[2])
            senses[(fields[0], pos)] = fields[-count:]
    return synsets, senses


def _depths(synsets) -> dict[tuple[str, str], int]:
    """Each noun synset's fewest hypernym steps below a root."""
    children: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    roots = []
    for key, (_, pointers) in synsets.items():
        if key[0] != "n":
            continue
        ups = [("n", t) for s, t, p, _st in pointers if s in ("@", "@i") and p == "n"]
        for up in ups:
            children[up].append(key)
        if not ups:
            roots.append(key)
    depth = {r: 0 for r in roots}
    level = roots
    while level:
        nxt = []
        for key in level:
            for child in children[key]:
                if child not in depth:
                    depth[child] = depth[key] + 1
                    nxt.append(child)
        level = nxt
    return depth


def build(folder: Path) -> dict[str, set[str]]:
    synsets, senses = read(folder)
    depth = _depths(synsets)
    related: dict[str, set[str]] = defaultdict(set)

    def add(a: str, b: str, both: bool = True) -> None:
        a, b = _single(a), _single(b)
        if a and b and a != b:
            related[a].add(b)
            if both:
                related[b].add(a)

    for words, pointers in synsets.values():
        for symbol, target, tpos, st in pointers:
            if symbol in ("+", "\\") and st != "0000":
                source, dest = int(st[:2], 16), int(st[2:], 16)
                target_words = synsets.get((tpos, target), ([], []))[0]
                if 0 < source <= len(words) and 0 < dest <= len(target_words):
                    add(words[source - 1], target_words[dest - 1])
    for (word, pos), offsets in senses.items():
        first = synsets.get((pos, offsets[0]))
        if first is None:
            continue
        for other in first[0]:
            add(word, other)
        if pos != "n":
            continue
        level = [first]
        for _ in range(HYPERNYM_STEPS):
            up_keys = [("n", t) for _, pointers in level for s, t, p, _st in pointers if s == "@" and p == "n"]
            up = [synsets[k] for k in up_keys]
            for key, (words, _) in zip(up_keys, up, strict=True):
                if depth.get(key, 0) < MIN_HYPERNYM_DEPTH:
                    continue
                for broader in words:
                    if zipf_frequency(broader.replace("_", " "), "en") < MAX_HYPERNYM_ZIPF:
                        add(word, broader, both=False)  # "earring" holds "jewellery", not the reverse
            level = up
    known = {w for w in {*related, *(r for rs in related.values() for r in rs)} if zipf_frequency(w, "en") >= MIN_ZIPF}
    return {w: rs & known for w, rs in related.items() if w in known}


def _glosses(folder: Path) -> dict[str, str]:
    """Each noun synset's definition (without its examples), by offset."""
    out = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            head, _, gloss = line.partition(" | ")
            out[head.split()[0]] = gloss.split(";")[0]
    return out


def _base(word: str, nouns: set[str], verbs: set[str]) -> str:
    """The word without a plural or verb ending ("horses" -> "horse", "performs" -> "perform",
    "designed" -> "design"), when WordNet knows the shorter form."""
    inflected = word.endswith(("s", "ed", "ing"))
    if (word in nouns or word in verbs) and not inflected:
        return word
    for suffix, add, table in (
        ("ies", "y", nouns),
        ("ies", "y", verbs),
        ("es", "", nouns),
        ("es", "", verbs),
        ("s", "", nouns),
        ("s", "", verbs),
        ("ied", "y", verbs),
        ("ed", "e", verbs),
        ("ed", "", verbs),
        ("ing", "e", verbs),
        ("ing", "", verbs),
    ):
        if word.endswith(suffix) and not word.endswith("ss") and word[: -len(suffix)] + add in table:
            return word[: -len(suffix)] + add
    return word


def definitions(folder: Path) -> dict[str, set[str]]:
    _, senses = read(folder)
    glosses = _glosses(folder)
    nouns = {w for w, pos in senses if pos == "n"}
    verbs = {w for w, pos in senses if pos == "v"}
    out: dict[str, set[str]] = {}
    for (word, pos), offsets in senses.items():
        name = word.replace("_", " ")
        if pos != "n" or not re.fullmatch(r"[a-z]+(?: [a-z]+){0,2}", name) or len(name) < 4:
            continue
        if not MIN_ZIPF <= zipf_frequency(name, "en") < MAX_DEFINED_ZIPF:
            continue
        words: set[str] = set()
        for offset in offsets[:DEFINED_SENSES]:
            gloss = re.sub(r"\([^)]*\)", " ", glosses.get(offset, ""))
            for w in _GLOSS_WORD.findall(gloss.lower()):
                w = _base(w, nouns, verbs)
                if len(w) >= 3 and w not in name.split() and 0 < zipf_frequency(w, "en") < MAX_GLOSS_ZIPF:
                    words.add(w)
        if len(words) >= MIN_GLOSS_WORDS:
            out[name] = words
    return out


def persons(folder: Path) -> list[str]:
    """The words whose most frequent noun sense is a kind of person (not a named one)."""
    kinds: dict[str, tuple[str, list[str], bool]] = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        n = int(fields[3], 16)
        words = [fields[4 + 2 * i] for i in range(n)]
        i = 4 + 2 * n
        symbols = {fields[i + 1 + 4 * j] for j in range(int(fields[i]))}
        kinds[fields[0]] = (fields[1], words, "@i" in symbols)
    out = []
    _, senses = read(folder)
    for (word, pos), offsets in senses.items():
        if pos != "n" or not word.isalpha():
            continue
        lexfile, words, instance = kinds[offsets[0]]
        # a word written in lower case in its synset ("Haydn" is a person, "haydn" no noun of ours)
        if lexfile == NOUN_PERSON and not instance and word in words and zipf_frequency(word, "en") >= MIN_PERSON_ZIPF:
            out.append(word)
    return sorted(out)


def main(args: list[str]) -> None:
    if args[0] == "--persons":
        sys.stdout.write(PERSONS_HEADER + "".join(f"{w}\n" for w in persons(Path(args[1]))))
        return
    if args[0] == "--definitions":
        table, header = definitions(Path(args[1])), DEFINITIONS_HEADER
    else:
        table, header = build(Path(args[0])), HEADER
    sys.stdout.write(header)
    for word in sorted(table):
        if table[word]:
            sys.stdout.write(f"{word}: {', '.join(sorted(table[word]))}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
