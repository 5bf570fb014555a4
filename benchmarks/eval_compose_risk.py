"""Composite vignettes and re-identification risk on gold-annotated data (issue 4, "Must reach").

For gold jsonl files in the dev-corpus format (coded ``segments``, annotated ``spans``):

1. Compose: for every code of the corpus' segments, ``Composer.compose`` (the library behind
   ``qualdeid compose``) with ``--sources K`` (3), each seed (1..3) and each ``--pronouns`` choice;
   every draft is checked with ``RiskChecker`` (the library behind ``qualdeid risk``) against the
   corpus, and searched for gold PERSON/LOCATION/ORGANIZATION/CONTACT/ID strings (whole word,
   case-sensitive; pure-digit strings of 1-2 characters are ignored: "7" is also just a number).
   A theme that cannot be composed is reported with the tool's reason (too few sources).
   One theme also goes through the CLI as a user runs it (``qualdeid compose ... -o V.md`` then
   ``qualdeid risk V.md --corpus ...``) in a temporary folder that is deleted afterwards.
2. Planted vignettes, each of which must be flagged with the right source document:
   every gold full name (PERSON with a space) as a hard failure; every gold PERSON, LOCATION and
   ORGANIZATION string (as a residual or possible identifier); every gold RARE detail whose
   distinctive words occur together in one source only (the risk checker's own notion of
   distinctive words); a 30-word verbatim passage of each
   document (the only source named). Plain common wording must pass with no findings.

Counts only by default; ``--show`` also prints what leaked or was missed (IDENTIFYING).
Exit status 0 when every target is met, 1 otherwise.

Usage:  python3 benchmarks/eval_compose_risk.py [GOLD.jsonl ...] [--sources 3] [--seeds 1,2,3] [--words 250] [--show]
        (default GOLD: ../shared/corpus/dev/E.jsonl ../shared/corpus/dev/F.jsonl)
"""

from __future__ import annotations

import argparse
import json
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
from qualdeid.risk import Finding, RiskChecker, load_risk_config

# Private helpers, used so that "one-source rare detail" means what the checker means by it.
from qualdeid.risk.checks import _distinctive, _tokens_in

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = [REPO.parent / "shared/corpus/dev/E.jsonl", REPO.parent / "shared/corpus/dev/F.jsonl"]
DIRECT = ("PERSON", "LOCATION", "ORGANIZATION", "CONTACT", "ID")
PRONOUNS = ("she", "he", "they")
SHORT_DIGITS = re.compile(r"\d{1,2}")
VERBATIM_WORDS = 30
COMMON_TEXTS = [
    "We sat together in the kitchen and talked for a while. It helped to go slowly and to listen.",
    "She was nervous at first, so we had a cup of tea and went for a short walk before the meeting.",
    "I told him a bit about my own bad days. He said it helped to know that things can get better.",
]


@dataclass
class ThemeResult:
    drafts: int = 0
    failing: int = 0  # drafts with at least one risk failure
    warn_only: int = 0
    leaked: list[str] = field(default_factory=list)  # gold strings found in drafts
    fail_checks: Counter[str] = field(default_factory=Counter)
    notes: int = 0  # notes for the author (e.g. unresolved pronouns)
    cannot: str = ""  # why no composite is possible
    error: str = ""  # anything else that went wrong


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


def read_records(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_strings(records: list[dict]) -> set[str]:
    return {
        s["text"] for r in records for s in r["spans"] if s["label"] in DIRECT and not SHORT_DIGITS.fullmatch(s["text"])
    }


def leaks_in(text: str, strings: set[str]) -> list[str]:
    return sorted(s for s in strings if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text))


def compose_all(
    composer: Composer, checker: RiskChecker, docs: list[Document], strings: set[str], args: argparse.Namespace
) -> dict[str, ThemeResult]:
    themes = sorted({c for d in docs for s in d.segments for c in s.codes})
    results: dict[str, ThemeResult] = {}
    for theme in themes:
        res = results[theme] = ThemeResult()
        for seed in args.seeds:
            for pronouns in PRONOUNS:
                try:
                    draft = composer.compose(
                        docs, [theme], sources=args.sources, words=args.words, pronouns=pronouns, seed=seed
                    )
                except CannotCompose as e:
                    res.cannot = str(e)
                    break
                except Exception as e:  # report and go on: one broken theme must not hide the others
                    res.error = f"{type(e).__name__}: {e}"[:200]
                    break
                res.drafts += 1
                res.notes += len(draft.notes)
                res.leaked += leaks_in(draft.text, strings)
                report = checker.check([Document(f"{theme}-{seed}-{pronouns}", draft.text)])
                fails = [f for f in report.findings if f.severity == "fail"]
                res.failing += bool(fails)
                res.warn_only += report.status == "warn"
                res.fail_checks.update(f.check for f in fails)
            if res.cannot or res.error:
                break
    return results


class Planter:
    """Checks one planted text per distinct wording (cached), keeping only the findings of one check."""

    def __init__(self, checker: RiskChecker) -> None:
        self.checker = checker
        self._cache: dict[str, list[Finding]] = {}

    def findings(self, text: str, check: str) -> list[Finding]:
        if text not in self._cache:
            self._cache[text] = self.checker.check([Document("planted", text)]).findings
        return [f for f in self._cache[text] if f.check == check]


def planted_checks(checker: RiskChecker, records: list[dict], k: int) -> tuple[list[Planted], Planted]:
    p = Planter(checker)
    full = Planted("full names flagged as failures with their source")
    for r in records:
        for s in r["spans"]:
            if s["label"] == "PERSON" and " " in s["text"].strip():
                found = p.findings(f"In the end {s['text']} agreed to come along.", "residual_identifier")
                full.add(any(r["id"] in f.sources and f.severity == "fail" for f in found), s["text"])
    names = Planted("PERSON/LOCATION/ORGANIZATION strings flagged with source")
    for r in records:
        for s in r["spans"]:
            if s["label"] in ("PERSON", "LOCATION", "ORGANIZATION"):
                planted = f"Later we talked about {s['text']} for a while."
                found = p.findings(planted, "residual_identifier") + p.findings(planted, "possible_identifier")
                names.add(any(r["id"] in f.sources for f in found), s["text"])
    rare = Planted("one-source rare details flagged with their source")
    profile = checker.profile
    for r in records:
        analysed = profile.analysed.get(r["id"])
        for s in r["spans"]:
            if s["label"] not in ("RARE", "RARE_DETAIL") or analysed is None:
                continue
            lemmas = _distinctive(_tokens_in(analysed, s["start"], s["end"]))
            if lemmas and profile.docs_with_lemmas(lemmas) == {r["id"]}:
                found = p.findings(f"Over the months we learned that the resident {s['text']}.", "rare_detail")
                rare.add(any(r["id"] in f.sources and len(f.sources) < k for f in found), s["text"])
    verbatim = Planted(f"{VERBATIM_WORDS}-word verbatim passages, only the right source")
    for r in records:
        segment = max(r.get("segments") or [{"start": 0, "end": len(r["text"])}], key=lambda g: g["end"] - g["start"])
        words = r["text"][segment["start"] : segment["end"]].split()[4 : 4 + VERBATIM_WORDS]
        if len(words) < VERBATIM_WORDS:
            continue
        passage = " ".join(words)
        found = p.findings(f"As one worker wrote: {passage}", "verbatim")
        verbatim.add([f.sources for f in found] == [[r["id"]]], passage[:40] + "...")
    common = Planted("common wording passes (no findings)")
    for text in COMMON_TEXTS:
        report = checker.check([Document("common", text)])
        common.add(report.status == "pass", text)
    return [full, names, rare, verbatim], common


def cli_spot_check(paths: list[Path], theme: str, sources: int) -> tuple[str, bool]:
    """``qualdeid compose`` then ``qualdeid risk`` on one theme, as a user runs them: their exit codes,
    and whether the draft was written and passed risk without failures."""
    corpus = [str(p) for p in paths]
    with tempfile.TemporaryDirectory(prefix="qualdeid-eval-compose-") as tmp:
        draft = Path(tmp) / "vignette.md"
        compose = ["qualdeid", "compose", *corpus, "--theme", theme, "--sources", str(sources), "--seed", "1"]
        c = subprocess.run([*compose, "-o", str(draft), "--quiet"], capture_output=True, text=True)
        if c.returncode != 0:
            return f"compose {c.returncode}", False
        r = subprocess.run(
            ["qualdeid", "risk", str(draft), "--corpus", *corpus, "--format", "json"], capture_output=True, text=True
        )
        status = json.loads(r.stdout)["status"] if r.stdout.strip() else "?"
        return f"compose 0, risk {r.returncode} ({status})", r.returncode in (0, 3)


def row(cells: list[object], widths: list[int]) -> str:
    return "  ".join(
        str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=False))
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=DEFAULT_GOLD, help="gold .jsonl files")
    parser.add_argument("--sources", type=int, default=3, help="compose --sources and risk k (default 3)")
    parser.add_argument("--seeds", default="1,2,3", help="compose seeds, comma-separated (default 1,2,3)")
    parser.add_argument("--words", type=int, default=250, help="compose --words (default 250)")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI spot check")
    parser.add_argument("--show", action="store_true", help="also print leaked and missed strings (IDENTIFYING)")
    args = parser.parse_args()
    args.seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    from common import git_head

    missing = [str(p) for p in args.gold if not p.is_file()]
    if missing:
        raise SystemExit(f"no such gold file: {', '.join(missing)}")
    print(f"qualdeid compose + risk evaluation at {git_head()}")
    t0 = time.perf_counter()
    records = read_records(args.gold)
    ids = Counter(str(r["id"]) for r in records)
    if any(n > 1 for n in ids.values()):
        print("warning: document ids repeat across the gold files; sources are named by id", file=sys.stderr)
    detector = Detector()
    docs = [d for d in Corpus([str(p) for p in args.gold]) if isinstance(d, Document)]
    risk_config = load_risk_config()
    risk_config.sources = args.sources
    checker = RiskChecker(risk_config, detector, Corpus([str(p) for p in args.gold]))
    composer = Composer(detector, load_compose_config())
    strings = gold_strings(records)
    print(
        f"gold: {', '.join(str(p) for p in args.gold)}: {len(docs)} documents; k = --sources {args.sources}, "
        f"seeds {args.seeds} x pronouns {list(PRONOUNS)}, --words {args.words}"
    )
    results = compose_all(composer, checker, docs, strings, args)
    t_compose = time.perf_counter() - t0
    planted, common = planted_checks(checker, records, args.sources)
    spot: tuple[str, bool] | None = None
    composable = [t for t, r in results.items() if r.drafts]
    if composable and not args.no_cli:
        spot = cli_spot_check(args.gold, composable[0], args.sources)
    return report(results, planted, common, spot, composable, args.show, t_compose, time.perf_counter() - t0)


def report(
    results: dict[str, ThemeResult],
    planted: list[Planted],
    common: Planted,
    spot: tuple[str, bool] | None,
    composable: list[str],
    show: bool,
    t_compose: float,
    t_total: float,
) -> int:
    widths = [20, 6, 9, 9, 7, 6, 30]
    print()
    print("Compose on every theme; each draft checked with risk against the corpus")
    print(row(["theme", "drafts", "risk fail", "warn only", "leaked", "notes", "fail checks / why none"], widths))
    for theme, r in results.items():
        why = r.cannot or r.error
        detail = ", ".join(f"{c} {n}" for c, n in sorted(r.fail_checks.items())) or why[:60]
        print(row([theme, r.drafts, r.failing, r.warn_only, len(r.leaked), r.notes, detail], widths))
    drafts = sum(r.drafts for r in results.values())
    failing = sum(r.failing for r in results.values())
    leaked = sum(len(r.leaked) for r in results.values())
    errors = [t for t, r in results.items() if r.error]
    unexplained = [t for t, r in results.items() if not r.drafts and not r.cannot]
    print(
        row(
            [
                "all",
                drafts,
                failing,
                sum(r.warn_only for r in results.values()),
                leaked,
                sum(r.notes for r in results.values()),
                f"{len(composable)}/{len(results)} themes composed",
            ],
            widths,
        )
    )
    print("(leaked: gold direct-identifier strings found, summed over drafts; whole word, case-sensitive;")
    print(" pure-digit strings of 1-2 characters ignored. notes: points listed for the author, e.g. pronouns")
    print(" left unresolved)")
    print(f"compose + risk of all drafts: {t_compose:.0f} s; whole run {t_total:.0f} s")

    checks: list[tuple[str, str, str, bool]] = [
        ("drafts with risk failures", f"{failing}/{drafts}", "0", failing == 0),
        ("gold direct-identifier strings in drafts", str(leaked), "0", leaked == 0),
        ("themes neither composed nor explained", str(len(unexplained)), "0", not unexplained),
        ("themes that raised an error", str(len(errors)), "0", not errors),
    ]
    if spot:
        checks.append((f"CLI compose + risk ({composable[0]}, seed 1)", spot[0], "no fail", spot[1]))
    checks += [(p.name, f"{p.flagged}/{p.total}", "all", p.flagged == p.total) for p in [*planted, common]]
    print()
    widths = [54, 34, 7, 7]
    print(row(["figure", "value", "target", "verdict"], widths))
    for name, value, target, ok in checks:
        print(row([name, value, target, "PASS" if ok else "FAIL"], widths))
    if show:
        print("\nWARNING: what follows is IDENTIFYING (original names and details from the corpus); do not share it.")
        for theme, r in results.items():
            if r.leaked:
                print(f"leaked in {theme}: {sorted(set(r.leaked))}")
            if r.error:
                print(f"error in {theme}: {r.error}")
        for p in planted:
            if p.missed:
                print(f"missed ({p.name}): {p.missed}")
        if common.missed:
            print(f"common wording with findings: {common.missed}")
    failed = sum(not ok for *_, ok in checks)
    print(f"\n{'all targets met' if not failed else f'{failed} target(s) not met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
