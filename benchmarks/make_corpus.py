"""A deterministic synthetic corpus of diary-length documents for the benchmarks.

Documents are recombined from the three template parts (what happened / what helped / why it
mattered) of the gold dev corpus (``../shared/corpus/dev/*.jsonl``, benchmarks only) or, where that
is absent, of the project's ``examples/``. With the gold corpus, every annotated name, place,
organisation, contact, ID and age is replaced by a Faker surrogate drawn from the cast of the
document's setting, so that the documents differ and people recur across a setting as in a real
corpus. Each document gets a target length of 180-420 words (uniform), reached by taking sentences
from several source paragraphs of the same template part.

Usage:  python3 benchmarks/make_corpus.py OUT_DIR [--docs 2000] [--seed 7] [--format txt|jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

REPO = Path(__file__).resolve().parent.parent
DEV_DIR = REPO.parent / "shared" / "corpus" / "dev"
EXAMPLES_DIR = REPO / "examples"

MIN_WORDS, MAX_WORDS = 180, 420
DOCS_PER_SETTING = 40
LOCALES = ("en_AU", "en_GB", "en_US", "en_CA", "en_NZ", "en_IE")
TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "nurse", "sister", "father", "fr", "aunty", "uncle"}
#: The trailing word of a place or organisation name that says what kind of thing it is.
KIND_WORDS = {
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "drive",
    "way",
    "park",
    "beach",
    "ward",
    "library",
    "hospital",
    "centre",
    "center",
    "clinic",
    "service",
    "services",
    "college",
    "club",
    "church",
    "school",
    "academy",
    "team",
    "house",
    "hall",
    "pool",
    "market",
    "arena",
    "gardens",
    "pond",
    "canal",
    "station",
    "cafe",
    "pub",
    "hotel",
    "infirmary",
    "unit",
    "trust",
    "foundation",
    "society",
    "group",
    "network",
}
_SENTENCE_BREAK = re.compile(r"(?:(?<=[a-z]{2}[.!?])|(?<=[a-z]{2}[.!?][\"”’']))\s+")


@dataclass(frozen=True)
class Source:
    """One source document: its text and gold spans (empty for examples)."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


def sources_name() -> str:
    """Which texts :func:`generate` recombines here: the gold dev corpus where this checkout sees it
    (``../shared`` beside it), else the bundled examples. The two give different corpora."""
    return f"gold dev corpus ({DEV_DIR})" if any(DEV_DIR.glob("*.jsonl")) else f"bundled examples ({EXAMPLES_DIR})"


def load_sources() -> list[Source]:
    """Gold dev documents if available (benchmarks may read them), else the bundled examples."""
    sources: list[Source] = []
    for path in sorted(DEV_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                spans = tuple((int(s["start"]), int(s["end"]), str(s["label"])) for s in r.get("spans", []))
                sources.append(Source(r["text"], spans))
    if not sources:
        for path in sorted(EXAMPLES_DIR.rglob("*")):
            if path.suffix in {".txt", ".md"} and path.is_file():
                sources.append(Source(path.read_text(encoding="utf-8"), ()))
    if not sources:
        raise SystemExit(f"no source texts: neither {DEV_DIR} nor {EXAMPLES_DIR} has documents")
    return sources


class Cast:
    """The invented people, places and organisations of one setting; source surfaces map onto them."""

    def __init__(self, rng: random.Random, locale: str) -> None:
        self.rng = rng
        self.fake = Faker(locale)
        self.fake.seed_instance(rng.getrandbits(32))
        self.first = [self.fake.first_name() for _ in range(12)]
        self.last = [self.fake.last_name() for _ in range(10)]
        self.places = [self._one_line(self.fake.city()) for _ in range(8)]
        self.orgs = [self._one_line(self.fake.company()) for _ in range(6)]
        self.mapping: dict[tuple[str, str], str] = {}

    @staticmethod
    def _one_line(value: str) -> str:
        return " ".join(value.split())

    def _pick(self, kind: str, key: str, pool: list[str]) -> str:
        k = (kind, key.lower())
        if k not in self.mapping:
            self.mapping[k] = self.rng.choice(pool)
        return self.mapping[k]

    def surrogate(self, label: str, surface: str) -> str:
        if label == "PERSON":
            return self._person(surface)
        if label in {"LOCATION", "ORGANIZATION"}:
            return self._named_thing(label, surface)
        if label == "CONTACT":
            if "@" in surface:
                return self.fake.email()
            if any(c.isdigit() for c in surface):
                return self._one_line(self.fake.phone_number())
            return self.fake.url()
        if label in {"ID", "AGE"}:
            return _redigit(surface, self.rng)
        return surface  # DATE and RARE stay as written

    def _person(self, surface: str) -> str:
        words = surface.split()
        out = []
        for i, w in enumerate(words):
            core = w.rstrip(".")
            if core.lower() in TITLES:
                out.append(w)
            elif re.fullmatch(r"(?:[A-Za-z]\.){1,3}", w):
                out.append("".join(f"{self.rng.choice('ABCDEGHJKLMNPRSTW')}." for _ in range(len(w) // 2)))
            else:
                is_last = i == len(words) - 1 and (len(words) > 1)
                name = self._pick("last" if is_last else "first", core, self.last if is_last else self.first)
                out.append(_same_case(core, name) + w[len(core) :])
        return " ".join(out)

    def _named_thing(self, label: str, surface: str) -> str:
        if any(c.isdigit() for c in surface) and label == "LOCATION":
            return self._one_line(self.fake.street_address())
        words = surface.split()
        if len(words) > 1 and words[-1].lower() in KIND_WORDS:
            stem = self._pick("stem", " ".join(words[:-1]), self.places + self.last)
            return f"{_same_case(words[0], stem)} {words[-1]}"
        if label == "ORGANIZATION":
            return self._pick("org", surface, self.orgs)
        return _same_case(surface, self._pick("place", surface, self.places))


def _same_case(original: str, replacement: str) -> str:
    if original.islower():
        return replacement.lower()
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    return replacement


def _redigit(surface: str, rng: random.Random) -> str:
    return "".join(
        str(rng.randrange(1, 10) if i == 0 else rng.randrange(10)) if c.isdigit() else c for i, c in enumerate(surface)
    )


def _substitute(source: Source, cast: Cast) -> str:
    text = source.text
    for start, end, label in sorted(source.spans, reverse=True):
        text = text[:start] + cast.surrogate(label, text[start:end]) + text[end:]
    return text


def _parts(text: str) -> list[list[str]]:
    """The template parts of a document (blank-line separated), each as a list of sentences."""
    return [_SENTENCE_BREAK.split(p.strip()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _words(sentences: list[str]) -> int:
    return sum(len(s.split()) for s in sentences)


def _compose(rng: random.Random, sources: list[Source], cast: Cast) -> str:
    """One document of a random target length from the same template part of four source documents."""
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    picks = [_parts(_substitute(rng.choice(sources), cast)) for _ in range(4)]
    n_parts = max(len(p) for p in picks)
    paragraphs = []
    for part in range(n_parts):
        used = sum(len(p.split()) for p in paragraphs)
        budget = (target - used) // (n_parts - part)
        first = next((p[part] for p in picks if len(p) > part), picks[0][-1])
        sentences = [first[0]]
        pool = [s for p in picks if len(p) > part for s in p[part][1:]]
        rng.shuffle(pool)
        for s in pool:
            if _words(sentences) + len(s.split()) <= budget:
                sentences.append(s)
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def generate(n: int = 2000, seed: int = 7) -> Iterator[tuple[str, str]]:
    """Yield ``(doc_id, text)`` for ``n`` documents; the same ``n`` and ``seed`` give the same corpus."""
    sources = load_sources()
    rng = random.Random(seed)
    width = len(str(n))
    cast = Cast(rng, rng.choice(LOCALES))
    for i in range(n):
        if i and i % DOCS_PER_SETTING == 0:
            cast = Cast(rng, rng.choice(LOCALES))
        text = ""
        while len(text.split()) < MIN_WORDS:  # rarely, the picked paragraphs are too short: draw again
            text = _compose(rng, sources, cast)
        yield f"d{i:0{width}d}", text


def write_corpus(folder: Path, n: int = 2000, seed: int = 7, fmt: str = "txt") -> Path:
    """Write the corpus as one .txt file per document (or one corpus.jsonl) under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        path = folder / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for doc_id, text in generate(n, seed):
                out.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        return folder
    for doc_id, text in generate(n, seed):
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into (created)")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    args = parser.parse_args()
    write_corpus(args.out, args.docs, args.seed, args.format)
    lengths = [len(t.split()) for _, t in generate(args.docs, args.seed)]
    print(
        f"{args.docs} documents in {args.out}: {min(lengths)}-{max(lengths)} words, "
        f"mean {sum(lengths) / len(lengths):.0f}"
    )


if __name__ == "__main__":
    main()
