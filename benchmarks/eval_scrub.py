"""Accuracy of ``qualdeid scrub`` and ``restore`` on gold-annotated data (issue 3, "Must reach").

For gold jsonl files in the dev-corpus format (``{"id", "text", "spans": [{start, end, label, text}],
"segments"}``), copied into a temporary folder that is deleted afterwards:

1. ``qualdeid scrub IN_DIR -o OUT_DIR --key KEY --seed S --quiet`` (the CLI, as a user runs it);
2. residual identifiers: every gold PERSON, LOCATION, ORGANIZATION, CONTACT and ID surface string
   is looked for (whole word, case-sensitive) anywhere in the output files: the raw bytes of every
   file (the audit log included) and every decoded JSON string of the .jsonl outputs;
3. consistency: for each gold PERSON span, the replacement at its mapped offsets in the output text
   (the key's private per-document edit log, ``Key.documents``, turned into an offset map). Counted:
   gold name forms (lower case, possessive stripped) that got more than one replacement, and pairs
   of different gold names that are not variants of each other (no shared word, no prefix/nickname/
   initial relation, titles ignored) yet got the same replacement: two people sharing a pseudonym;
4. ``qualdeid restore OUT_DIR -o BACK --key KEY --quiet``: each restored file byte-exact to its input.

Counts only by default: the surviving strings and inconsistent names are identifying, and are printed
only with ``--show``. Exit status 0 when every target is met, 1 otherwise.

Usage:  python3 benchmarks/eval_scrub.py [GOLD.jsonl ...] [--locale en_GB] [--seed S] [--jobs N] [--show]
        (default GOLD: ../shared/corpus/dev/E.jsonl ../shared/corpus/dev/F.jsonl)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from qualdeid.edits import Applied, OffsetMap
from qualdeid.pseudonymise import Key
from qualdeid.pseudonymise.surrogates import nickname_table
from qualdeid.rules import Rules

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = [REPO.parent / "shared/corpus/dev/E.jsonl", REPO.parent / "shared/corpus/dev/F.jsonl"]
DIRECT = ("PERSON", "LOCATION", "ORGANIZATION", "CONTACT", "ID")
#: Only for this script's throwaway key, which is deleted with its temporary folder.
EVAL_PASSPHRASE = "evaluation-only-passphrase"
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
#: "7" (a room) or "12" also occur as ordinary numbers in any text: such gold strings are checked
#: only where they stood (left in place or not), not anywhere in the output.
SHORT_DIGITS = re.compile(r"\d{1,2}")


@dataclass
class GoldDoc:
    file: str  # the input's name in the temporary folder
    id: str
    group: str  # the setting whose cast the document's people belong to ("group" field; may be empty)
    text: str
    spans: list[dict]


@dataclass
class Figures:
    spans: Counter[str] = field(default_factory=Counter)
    strings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    surviving_spans: Counter[str] = field(default_factory=Counter)  # string found anywhere in the output
    surviving: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    short_digit_spans: Counter[str] = field(default_factory=Counter)  # not searched for anywhere (see SHORT_DIGITS)
    in_place: Counter[str] = field(default_factory=Counter)  # the span's own text unchanged at its mapped offsets
    #: (group, gold name form) → the replacement texts at its mapped offsets
    replacements: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    unlogged: int = 0  # gold documents with no entry in the key's log or no output record


def whole_word(s: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(s) + r"(?!\w)")


def read_gold(path: Path, name: str) -> list[GoldDoc]:
    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        for s in r.get("spans", []):
            if r["text"][s["start"] : s["end"]] != s["text"]:
                raise SystemExit(f"{path} line {n}: a span's text does not match its offsets; is this gold data?")
        docs.append(GoldDoc(name, str(r["id"]), str(r.get("group", "")), r["text"], r.get("spans", [])))
    return docs


def json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)


def output_haystack(out_dir: Path) -> tuple[str, dict[tuple[str, str], str]]:
    """Everything in the output folder as one searchable text, and each output record's text.

    JSON files (.jsonl records, the audit log) contribute their decoded strings, not their raw
    bytes: escapes are undone, and numbers of the structure (offsets, counts) are not text.
    """
    parts: list[str] = []
    texts: dict[tuple[str, str], str] = {}
    for path in sorted(p for p in out_dir.rglob("*") if p.is_file()):
        raw = path.read_bytes().decode("utf-8", errors="replace")
        if path.suffix not in (".jsonl", ".json"):
            parts.append(raw)
            continue
        if path.suffix == ".json":
            records = [json.loads(raw)]
        else:
            records = [json.loads(line) for line in raw.splitlines() if line.strip()]
        for record in records:
            parts.extend(json_strings(record))
            if path.suffix == ".jsonl" and isinstance(record, dict):
                texts[(path.relative_to(out_dir).as_posix(), str(record.get("id")))] = record.get("text", "")
    return "\n".join(parts), texts


def edit_logs(key: Key) -> dict[tuple[str, str], OffsetMap]:
    """(file, record id) → offset map, from the key's private log.

    Log entries are ``[out_start, out_end, start, end, original, label]`` (``Applied.to_log``).
    """
    maps: dict[tuple[str, str], OffsetMap] = {}
    for doc_key, entry in key.documents.items():
        rel, doc_id = doc_key.split("\x1f")[:2]
        applied = [Applied(e[2], e[3], e[0], e[1], e[4], "", e[5] if len(e) > 5 else "") for e in entry["edits"]]
        maps[(rel, doc_id)] = OffsetMap(applied)
    return maps


def name_form(s: str) -> str:
    return POSSESSIVE.sub("", s.strip()).strip().lower()


class Variants:
    """Whether two person names can be the same person: a shared word, a prefix (Kev/Kevin), a
    nickname of the rules' table (Bec/Rebecca), an initial (J./Joshua); titles are ignored."""

    def __init__(self) -> None:
        self.titles = {t.lower() for t in Rules().words("names/titles.txt")}
        self.nicknames = nickname_table()

    def words(self, name: str) -> list[str]:
        return [w for w in re.findall(r"[^\W\d_]+", name.lower()) if w not in self.titles]

    def _related(self, a: str, b: str) -> bool:
        if a == b or (min(len(a), len(b)) >= 2 and (a.startswith(b) or b.startswith(a))):
            return True
        if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
            return True
        return (
            b in self.nicknames.get(a, ())
            or a in self.nicknames.get(b, ())
            or bool(self.nicknames.get(a, set()) & self.nicknames.get(b, set()))
        )

    def __call__(self, x: str, y: str) -> bool:
        wx, wy = self.words(x), self.words(y)
        if not wx or not wy:
            return True  # a bare title: nothing to tell them apart by
        return any(self._related(a, b) for a in wx for b in wy)


def components(items: Iterable[str], related: Variants) -> list[list[str]]:
    """Groups of items linked by chains of the variant relation (Grace ~ Grace Hill ~ Mrs Hill)."""
    groups: list[list[str]] = []
    for item in sorted(set(items)):
        linked = [g for g in groups if any(related(item, other) for other in g)]
        merged = [item] + [x for g in linked for x in g]
        groups = [g for g in groups if g not in linked] + [sorted(merged)]
    return groups


def split_pseudonyms(replacements: dict[tuple[str, str], set[str]], variants: Variants) -> dict:
    """Gold name forms whose replacements are more than one invented identity (or the name itself)."""
    return {
        form: news
        for form, news in replacements.items()
        if len(components(news, variants)) > 1 or (form[1] in news and len(news) > 1)
    }


def shared_pseudonyms(replacements: dict[tuple[str, str], set[str]], variants: Variants) -> list[tuple[str, list]]:
    """Replacements given to gold names of more than one person (names not linked as variants)."""
    by_pseudonym: dict[str, set[str]] = defaultdict(set)
    for (_group, form), news in replacements.items():
        for new in news:
            if new and new != form:  # an unreplaced name is a leak (counted above), not a pseudonym
                by_pseudonym[new].add(form)
    return [(new, forms) for new, f in sorted(by_pseudonym.items()) if len(forms := components(f, variants)) > 1]


def measure(docs: list[GoldDoc], out_dir: Path, key: Key) -> Figures:
    fig = Figures()
    haystack, out_texts = output_haystack(out_dir)
    maps = edit_logs(key)
    found: dict[str, bool] = {}
    for doc in docs:
        offsets = maps.get((doc.file, doc.id))
        out_text = out_texts.get((doc.file, doc.id))
        if offsets is None or out_text is None:
            fig.unlogged += 1
        for s in doc.spans:
            label, text = s["label"], s["text"]
            if label not in DIRECT:
                continue
            fig.spans[label] += 1
            fig.strings[label].add(text)
            if SHORT_DIGITS.fullmatch(text):
                fig.short_digit_spans[label] += 1
            else:
                if text not in found:
                    found[text] = bool(whole_word(text).search(haystack))
                if found[text]:
                    fig.surviving_spans[label] += 1
                    fig.surviving[label].add(text)
            if offsets is None or out_text is None:
                continue
            new = out_text[offsets.start(s["start"]) : offsets.end(s["end"])]
            fig.in_place[label] += new == text
            if label == "PERSON":
                fig.replacements[(doc.group, name_form(text))].add(name_form(new))
    return fig


def run_cli(args: list[str], env: dict[str, str]) -> tuple[int, float, str]:
    t = time.perf_counter()
    proc = subprocess.run(["qualdeid", *args], capture_output=True, text=True, env=env)
    return proc.returncode, time.perf_counter() - t, proc.stderr


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def row(cells: Iterable[object], widths: list[int]) -> str:
    return "  ".join(
        str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=False))
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=DEFAULT_GOLD, help="gold .jsonl files")
    parser.add_argument("--locale", default=None, help="scrub --locale (default: the tool's default)")
    parser.add_argument("--seed", default="eval", help="scrub --seed (default: eval)")
    parser.add_argument("--jobs", type=int, default=1, help="scrub --jobs (default 1)")
    parser.add_argument(
        "--show", action="store_true", help="also print surviving strings and inconsistent names (IDENTIFYING)"
    )
    args = parser.parse_args()
    from common import git_head

    missing = [str(p) for p in args.gold if not p.is_file()]
    if missing:
        raise SystemExit(f"no such gold file: {', '.join(missing)}")
    env = {**os.environ, "QUALDEID_PASSPHRASE": EVAL_PASSPHRASE}
    print(f"qualdeid scrub evaluation at {git_head()}")
    with tempfile.TemporaryDirectory(prefix="qualdeid-eval-scrub-") as tmp_name:
        tmp = Path(tmp_name)
        in_dir, out_dir, back_dir, key_path = tmp / "in", tmp / "out", tmp / "back", tmp / "eval.key"
        in_dir.mkdir()
        names: dict[Path, str] = {}
        docs: list[GoldDoc] = []
        for i, path in enumerate(args.gold):
            name = path.name if path.name not in names.values() else f"{i}-{path.name}"
            names[path] = name
            shutil.copyfile(path, in_dir / name)
            docs += read_gold(path, name)
        print(f"gold: {', '.join(str(p) for p in args.gold)}: {len(docs)} documents")
        options = ["--seed", args.seed, "--jobs", str(args.jobs), "--quiet"]
        options += ["--locale", args.locale] if args.locale else []
        code, seconds, stderr = run_cli(
            ["scrub", str(in_dir), "-o", str(out_dir), "--key", str(key_path), *options], env
        )
        print(f"qualdeid scrub IN -o OUT --key KEY {' '.join(options)}: exit {code}, {seconds:.1f} s")
        if code != 0:
            print(f"scrub failed: {stderr.strip()[-1500:]}", file=sys.stderr)
            return 1
        key = Key.open(key_path, EVAL_PASSPHRASE)
        fig = measure(docs, out_dir, key)
        code, seconds, stderr = run_cli(
            ["restore", str(out_dir), "-o", str(back_dir), "--key", str(key_path), "--quiet"], env
        )
        print(f"qualdeid restore OUT -o BACK --key KEY --quiet: exit {code}, {seconds:.1f} s")
        if code != 0:
            print(f"restore errors: {stderr.strip()[-1500:]}", file=sys.stderr)
        exact = {
            path: (back_dir / name).is_file() and (back_dir / name).read_bytes() == path.read_bytes()
            for path, name in names.items()
        }
    return report(fig, exact, args.show)


def report(fig: Figures, exact: dict[Path, bool], show: bool) -> int:
    widths = [13, 10, 8, 10, 10, 9, 8]
    print()
    print("Gold direct identifiers after scrub. surv.: the string occurs anywhere in the output files")
    print("(whole word, case-sensitive); in place: the gold span's own text is unchanged where it stood;")
    print("digits: pure-digit strings of 1-2 characters, checked in place only (they occur as ordinary numbers).")
    print(row(["label", "gold spans", "strings", "surv.spans", "surv.strs", "in place", "digits"], widths))
    for label in DIRECT:
        cells = [label, fig.spans[label], len(fig.strings[label]), fig.surviving_spans[label]]
        cells += [len(fig.surviving[label]), fig.in_place[label], fig.short_digit_spans[label]]
        print(row(cells, widths))
    total, surviving, in_place = sum(fig.spans.values()), sum(fig.surviving_spans.values()), sum(fig.in_place.values())
    cells = ["all", total, sum(len(v) for v in fig.strings.values()), surviving]
    cells += [sum(len(v) for v in fig.surviving.values()), in_place, sum(fig.short_digit_spans.values())]
    print(row(cells, widths))

    variants = Variants()
    distinct = {f: v for f, v in fig.replacements.items() if len(v) > 1}
    split = split_pseudonyms(fig.replacements, variants)
    shared = shared_pseudonyms(fig.replacements, variants)
    n_forms = len(fig.replacements)
    checks: list[tuple[str, str, str, bool | None]] = [
        ("gold direct-identifier spans surviving in output", f"{surviving}/{total}", "0", surviving == 0),
        ("gold direct-identifier spans left in place", f"{in_place}/{total}", "0", in_place == 0),
        ("PERSON forms with >1 replacement text (info)", f"{len(distinct)}/{n_forms}", "-", None),
        ("PERSON forms with >1 pseudonym or left as is", f"{len(split)}/{n_forms}", "0", not split),
        ("pseudonyms shared by non-variant names", str(len(shared)), "0", not shared),
        ("gold documents missing from key log or output", str(fig.unlogged), "0", fig.unlogged == 0),
    ]
    checks += [(f"restore byte-exact: {path.name}", "yes" if ok else "no", "yes", ok) for path, ok in exact.items()]
    print()
    widths = [50, 10, 7, 7]
    print(row(["figure", "value", "target", "verdict"], widths))
    for name, value, target, ok in checks:
        print(row([name, value, target, "-" if ok is None else verdict(ok)], widths))
    print("(name forms: lower case, possessive stripped, per gold 'group'; replacements that are variants of")
    print(" one another, e.g. a first name and the full name it was part of, count as one pseudonym)")
    if show:
        print("\nWARNING: what follows is IDENTIFYING (original names from the corpus); do not share it.")
        for label in DIRECT:
            if fig.surviving[label]:
                print(f"surviving {label}: {sorted(fig.surviving[label])}")
        for (group, form), news in sorted(split.items()):
            print(f"more than one pseudonym: {form!r} ({group}) -> {sorted(news)}")
        for new, forms in shared:
            print(f"shared pseudonym {new!r} <- {forms}")
    failed = sum(ok is False for *_, ok in checks)
    print(f"\n{'all targets met' if not failed else f'{failed} target(s) not met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
