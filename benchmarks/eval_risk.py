"""The re-identification risk check on gold data: constructed passages, compose drafts, planted details.

For each SET (a gold .jsonl corpus in the dev-corpus format, with a passages file beside it):

1. Constructed passages (``passages.jsonl``: ``{"id", "kind", "text", "expect": {"fail", "flagged",
   "person_docs"}}``, written by people who know the corpus) are checked with ``RiskChecker`` (the
   library behind ``qualdeid risk``) against the corpus, detected as a user's corpus would be. Per kind,
   a confusion table: how many passages fail (exit 4), warn only (exit 3), pass (exit 0), are flagged
   (fail or warn), are flagged pointing at the right person (a finding whose sources lie within
   ``person_docs``), and, for story paraphrases, carry a ``subject_linkage`` finding pointing at that
   person. Targets (issue 12): clean 0 fail and <= 10 % warn; name 100 % fail; detail_verbatim >= 95 %
   flagged; detail_paraphrase >= 90 %; story_paraphrase >= 90 % with subject_linkage to the person;
   self_disclosure >= 90 %.
   Names are scored twice: without a key (a name that is also an English word, "Hope", only warns
   there: 100 % flagged is the target) and with the key the real ``qualdeid scrub`` writes for the
   gold corpus (``--key``: every original value fails, so 100 % fail is the target). The clean
   passages are checked with that key too: a key must not turn ordinary words into fails.
2. Compose drafts: for every code of the corpus' segments, ``Composer.compose`` with ``--sources K``,
   each seed and each ``--pronouns`` choice; every draft must pass its own risk check (exit 0 or 3).
3. Planted details (``--planted``): every gold full name must fail with its source; every gold
   PERSON/LOCATION/ORGANIZATION string must be flagged with its source; every gold RARE detail whose
   distinctive words occur in one document only must be flagged; a 30-word verbatim passage of each
   document must name that document only.

Counts only by default; ``--show`` also prints the passages' ids with what was found, and the
planted strings that were missed (IDENTIFYING: never share that output).
Exit status 0 when every target is met, 1 otherwise.

Usage:  python3 benchmarks/eval_risk.py GOLD.jsonl --passages PASSAGES.jsonl [options]
        python3 benchmarks/eval_risk.py [SET ...] [--sources 3] [--seeds 1,2,3] [--no-compose] [--planted] [--show]
        SET is a folder holding gold.jsonl and passages.jsonl (a blind set), or GOLD.jsonl=PASSAGES.jsonl
        (default: ../shared/corpus/dev/{E,F}.jsonl with ../notes/risk-dev-passages-{E,F}.jsonl where they
        exist, kept outside the repository, and every measured set of benchmarks/sets with passages)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from qualdeid import Corpus, Detector, Document
from qualdeid.compose import CannotCompose, Composer, load_compose_config
from qualdeid.risk import Finding, RiskChecker, RiskReport, load_risk_config

# Private helpers, used so that "one-source rare detail" means what the checker means by it.
from qualdeid.risk.checks import _distinctive, _tokens_in
from qualdeid.risk.keyvalues import key_originals, open_key

REPO = Path(__file__).resolve().parent.parent


def _beside_repo(name: str) -> Path:
    """``name`` in the nearest folder above the repository that has it (a clone or a worktree)."""
    return next((p / name for p in REPO.parents if (p / name).exists()), REPO.parent / name)


DEV, NOTES = _beside_repo("shared/corpus/dev"), _beside_repo("notes")
SETS = Path(__file__).parent / "sets"
DEFAULT_SETS = [
    f"{DEV / s}.jsonl={NOTES}/risk-dev-passages-{s}.jsonl"
    for s in ("E", "F")
    if (NOTES / f"risk-dev-passages-{s}.jsonl").is_file()
] + [str(p.parent) for p in sorted(SETS.glob("*/passages.jsonl"))]
DIRECT = ("PERSON", "LOCATION", "ORGANIZATION", "CONTACT", "ID")
PRONOUNS = ("she", "he", "they")
SHORT_DIGITS = re.compile(r"\d{1,2}")
VERBATIM_WORDS = 30
#: kinds checked a second time with the scrub key (``--key``), under "KIND (with --key)"
KEYED_KINDS = ("clean", "name")
KEYED = " (with --key)"
KINDS = ("clean", "name", "detail_verbatim", "detail_paraphrase", "story_paraphrase", "self_disclosure")
#: kind -> (what is measured, the target share); "flagged_right" = flagged with a finding pointing at the person
TARGETS: dict[str, tuple[str, float]] = {
    "name": ("flagged", 1.0),
    "name" + KEYED: ("fail", 1.0),
    "detail_verbatim": ("flagged_right", 0.95),
    "detail_paraphrase": ("flagged_right", 0.90),
    "story_paraphrase": ("linkage_right", 0.90),
    "self_disclosure": ("flagged_right", 0.90),
}
CLEAN_MAX_WARN = 0.10


@dataclass
class KindRow:
    n: int = 0
    fail: int = 0
    warn: int = 0
    passed: int = 0
    flagged_right: int = 0
    linkage_right: int = 0
    checks: Counter[str] = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)  # per passage, for --show

    @property
    def flagged(self) -> int:
        return self.fail + self.warn


def points_to(f: Finding, person_docs: set[str]) -> bool:
    """A finding points at a person when at least half the sources it names are that person's accounts."""
    shared = len(set(f.sources) & person_docs)
    return shared > 0 and 2 * shared >= len(set(f.sources))


def scrub_key_originals(gold: Path) -> list[tuple[str, str]]:
    """Every original value of the key that the real ``qualdeid scrub`` writes for ``gold`` (in a
    temporary folder, removed afterwards)."""
    passphrase = "eval-risk-throwaway"
    with tempfile.TemporaryDirectory(prefix="eval-risk-key-") as tmp:
        key = Path(tmp) / "gold.key"
        command = [
            str(Path(sys.executable).with_name("qualdeid")),
            "scrub",
            str(gold),
            "-o",
            f"{tmp}/out",
            "--key",
            str(key),
            "-q",
        ]
        env = {**os.environ, "QUALDEID_PASSPHRASE": passphrase}
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode not in (0, 3) or not key.is_file():
            raise SystemExit(f"qualdeid scrub {gold} failed (exit {done.returncode}): {done.stderr[-500:]}")
        return list(key_originals(open_key(str(key), passphrase)))


def score_passages(checker: RiskChecker, passages: list[dict], suffix: str = "") -> dict[str, KindRow]:
    rows = {k + suffix: KindRow() for k in KINDS if not suffix or k in KEYED_KINDS}
    for p in passages:
        row = rows.setdefault(p["kind"] + suffix, KindRow())
        report: RiskReport = checker.check([Document(p["id"], p["text"])])
        person_docs = set(p.get("expect", {}).get("person_docs") or [])
        row.n += 1
        row.fail += report.status == "fail"
        row.warn += report.status == "warn"
        row.passed += report.status == "pass"
        row.checks.update({f.check for f in report.findings})
        right = [f for f in report.findings if points_to(f, person_docs)]
        row.flagged_right += bool(right)
        row.linkage_right += any(f.check == "subject_linkage" for f in right)
        found = ", ".join(f"{f.check}({f.severity}:{'+'.join(f.sources) or '-'})" for f in report.findings)
        row.lines.append(f"  {p['id']:<12} {report.status:<4} {found or '-'}")
    return rows


@dataclass
class ThemeResult:
    drafts: int = 0
    failing: int = 0  # drafts whose risk check exits 4
    warn_only: int = 0
    fail_checks: Counter[str] = field(default_factory=Counter)
    cannot: str = ""  # why no composite is possible
    error: str = ""  # anything else that went wrong


def compose_all(composer: Composer, checker: RiskChecker, docs: list[Document], args) -> dict[str, ThemeResult]:
    themes = sorted({c for d in docs for s in d.segments for c in s.codes})
    results: dict[str, ThemeResult] = {}
    for theme in themes:
        res = results[theme] = ThemeResult()
        for seed in args.seeds:
            for pronouns in PRONOUNS:
                try:
                    draft = composer.compose(
                        docs, [theme], sources=args.sources, words=250, pronouns=pronouns, seed=seed
                    )
                except CannotCompose as e:
                    res.cannot = str(e)
                    break
                except Exception as e:  # report and go on: one broken theme must not hide the others
                    res.error = f"{type(e).__name__}: {e}"[:200]
                    break
                res.drafts += 1
                report = checker.check([Document(f"{theme}-{seed}-{pronouns}", draft.text)])
                res.failing += report.exit_code == 4
                res.warn_only += report.status == "warn"
                res.fail_checks.update(f.check for f in report.findings if f.severity == "fail")
            if res.cannot or res.error:
                break
    return results


@dataclass
class Planted:
    name: str
    total: int = 0
    flagged: int = 0
    missed: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.flagged += ok
        if not ok:
            self.missed.append(what)


def planted_checks(checker: RiskChecker, records: list[dict], k: int) -> list[Planted]:
    cache: dict[str, list[Finding]] = {}

    def findings(text: str, *checks: str) -> list[Finding]:
        if text not in cache:
            cache[text] = checker.check([Document("planted", text)]).findings
        return [f for f in cache[text] if f.check in checks]

    full = Planted("gold full names fail with their source")
    names = Planted("gold PERSON/LOCATION/ORGANIZATION flagged with source")
    rare = Planted("one-source gold rare details flagged with their source")
    verbatim = Planted(f"{VERBATIM_WORDS}-word verbatim passages name only their source")
    profile = checker.profile
    for r in records:
        for s in r["spans"]:
            if s["label"] == "PERSON" and " " in s["text"].strip():
                found = findings(f"In the end {s['text']} agreed to come along.", "residual_identifier")
                full.add(any(r["id"] in f.sources and f.severity == "fail" for f in found), s["text"])
            if s["label"] in ("PERSON", "LOCATION", "ORGANIZATION"):
                planted = f"Later we talked about {s['text']} for a while."
                found = findings(planted, "residual_identifier", "possible_identifier")
                names.add(any(r["id"] in f.sources for f in found), s["text"])
            analysed = profile.analysed.get(r["id"])
            if s["label"] in ("RARE", "RARE_DETAIL") and analysed is not None:
                lemmas = _distinctive(_tokens_in(analysed, s["start"], s["end"]))
                if lemmas and profile.docs_with_lemmas(lemmas) == {r["id"]}:
                    found = findings(f"Over the months we learned that the resident {s['text']}.", "rare_detail")
                    rare.add(any(r["id"] in f.sources and len(f.sources) < k for f in found), s["text"])
        segment = max(r.get("segments") or [{"start": 0, "end": len(r["text"])}], key=lambda g: g["end"] - g["start"])
        words = r["text"][segment["start"] : segment["end"]].split()[4 : 4 + VERBATIM_WORDS]
        if len(words) == VERBATIM_WORDS:
            passage = " ".join(words)
            found = findings(f"As one worker wrote: {passage}", "verbatim")
            verbatim.add([f.sources for f in found] == [[r["id"]]], passage[:40] + "...")
    return [full, names, rare, verbatim]


def parse_set(arg: str) -> tuple[Path, Path | None]:
    if "=" in arg:
        gold, passages = arg.split("=", 1)
        return Path(gold), Path(passages)
    path = Path(arg)
    if path.is_dir():
        return path / "gold.jsonl", path / "passages.jsonl"
    return path, None


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pct(a: int, b: int) -> str:
    return f"{a / b:.0%}" if b else "-"


def row(cells: list[object], widths: list[int]) -> str:
    pairs = enumerate(zip(cells, widths, strict=False))
    return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in pairs)


def print_confusion(rows: dict[str, KindRow], show: bool) -> None:
    widths = [26, 4, 5, 5, 5, 8, 9, 9, 44]
    header = ["kind", "n", "fail", "warn", "pass", "flagged", "->person", "linkage", "checks (passages with one)"]
    print(row(header, widths))
    for kind, r in rows.items():
        if not r.n:
            continue
        checks = ", ".join(f"{c} {n}" for c, n in r.checks.most_common())
        cells = [kind, r.n, r.fail, r.warn, r.passed, pct(r.fail + r.warn, r.n), pct(r.flagged_right, r.n)]
        print(row([*cells, pct(r.linkage_right, r.n), checks], widths))
        if show:
            print("\n".join(r.lines))
    print("(flagged: fail or warn; ->person: a finding at least half of whose sources are the person's accounts;")
    print(" linkage: a subject_linkage finding pointing at that person)")


def targets(rows: dict[str, KindRow], printed: bool) -> list[tuple[str, str, str, bool]]:
    if not printed:
        print_confusion(rows, False)
    verdicts: list[tuple[str, str, str, bool]] = []
    clean = rows.get("clean")
    if clean and clean.n:
        verdicts.append(("clean: fail", f"{clean.fail}/{clean.n}", "0", clean.fail == 0))
        verdicts.append(("clean: warn", pct(clean.warn, clean.n), "<= 10%", clean.warn <= CLEAN_MAX_WARN * clean.n))
    keyed = rows.get("clean" + KEYED)
    if keyed and keyed.n:
        verdicts.append(("clean" + KEYED + ": fail", f"{keyed.fail}/{keyed.n}", "0", keyed.fail == 0))
    for kind, (what, share) in TARGETS.items():
        r = rows.get(kind)
        if r and r.n:
            got = getattr(r, what)
            value = f"{got}/{r.n} = {pct(got, r.n)}"
            verdicts.append((f"{kind}: {what}", value, f">= {share:.0%}", got >= share * r.n))
    return verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", default=DEFAULT_SETS, help="SET folders or GOLD.jsonl=PASSAGES.jsonl")
    parser.add_argument("--passages", type=Path, help="the passages file of the one SET given as GOLD.jsonl")
    parser.add_argument("--sources", type=int, default=3, help="risk k and compose --sources (default 3)")
    parser.add_argument("--seeds", default="1,2,3", help="compose seeds, comma-separated (default 1,2,3)")
    parser.add_argument("--no-compose", action="store_true", help="skip composing drafts")
    parser.add_argument("--planted", action="store_true", help="also plant every gold name, rare detail, verbatim run")
    parser.add_argument("--show", action="store_true", help="per-passage findings and missed plants (IDENTIFYING)")
    parser.add_argument("--no-key", action="store_true", help="skip the second scoring with the scrub key")
    args = parser.parse_args()
    args.seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    from common import git_head

    sets = [parse_set(s) for s in args.sets]
    if args.passages is not None:
        if len(sets) != 1:
            raise SystemExit("--passages goes with exactly one SET (GOLD.jsonl)")
        sets = [(sets[0][0], args.passages)]
    missing = [str(p) for g, ps in sets for p in (g, ps) if p is not None and not p.is_file()]
    if missing:
        raise SystemExit(f"no such file: {', '.join(missing)}")
    print(f"qualdeid risk evaluation at {git_head()}; k = {args.sources}")
    detector = Detector()
    config = load_risk_config()
    config.sources = args.sources
    verdicts: list[tuple[str, str, str, bool]] = []
    all_rows: dict[str, KindRow] = {}
    for gold, passages_path in sets:
        t0 = time.perf_counter()
        checker = RiskChecker(config, detector, Corpus([str(gold)]))
        print(f"\n== {gold} ({len(checker.profile.ids)} documents, corpus read in {time.perf_counter() - t0:.0f} s)")
        if passages_path is not None:
            passages = read_jsonl(passages_path)
            t1 = time.perf_counter()
            rows = score_passages(checker, passages)
            if not args.no_key and any(p["kind"] in KEYED_KINDS for p in passages):
                originals = scrub_key_originals(gold)
                keyed = RiskChecker(config, detector, Corpus([str(gold)]), key_identifiers=originals)
                rows |= score_passages(keyed, [p for p in passages if p["kind"] in KEYED_KINDS], KEYED)
            print(f"constructed passages: {passages_path} ({len(passages)}, {time.perf_counter() - t1:.0f} s)")
            print_confusion(rows, args.show)
            for kind, r in rows.items():
                total = all_rows.setdefault(kind, KindRow())
                for name in ("n", "fail", "warn", "passed", "flagged_right", "linkage_right"):
                    setattr(total, name, getattr(total, name) + getattr(r, name))
                total.checks.update(r.checks)
        if not args.no_compose:
            docs = [d for d in Corpus([str(gold)]) if isinstance(d, Document)]
            results = compose_all(Composer(detector, load_compose_config()), checker, docs, args)
            drafts = sum(r.drafts for r in results.values())
            failing = sum(r.failing for r in results.values())
            composed = sum(bool(r.drafts) for r in results.values())
            print(f"compose drafts: {composed}/{len(results)} themes composed, {drafts} drafts; exit 4 on {failing}")
            for theme, r in results.items():
                if r.failing or r.error:
                    print(f"  {theme}: {r.failing}/{r.drafts} fail ({dict(r.fail_checks)}) {r.error}")
            passing = f"{drafts - failing}/{drafts}"
            verdicts.append((f"{gold.name} drafts passing their risk check", passing, "all", failing == 0))
            errors = [t for t, r in results.items() if r.error]
            verdicts.append((f"{gold.name} themes that raised an error", str(len(errors)), "0", not errors))
        if args.planted:
            for p in planted_checks(checker, read_jsonl(gold), args.sources):
                verdicts.append((f"{gold.name} {p.name}", f"{p.flagged}/{p.total}", "all", p.flagged == p.total))
                if args.show and p.missed:
                    print(f"  missed ({p.name}): {p.missed}")
    if all_rows:
        if len(sets) > 1:
            print("\n== all sets together")
        verdicts = targets(all_rows, printed=len(sets) == 1) + verdicts
    print()
    widths = [52, 22, 8, 7]
    print(row(["figure", "value", "target", "verdict"], widths))
    for name, value, target, ok in verdicts:
        print(row([name, value, target, "PASS" if ok else "FAIL"], widths))
    failed = sum(not ok for *_, ok in verdicts)
    print(f"\n{'all targets met' if not failed else f'{failed} target(s) not met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
