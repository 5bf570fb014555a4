"""Composite vignettes measured on gold-annotated, coded data (issue 11, "Must show").

For gold .jsonl files in the dev-corpus format (coded ``segments``, annotated ``spans``), every code
of the corpus is composed with ``Composer.compose`` (the library behind ``qualdeid compose``; detection
runs on the raw text, the gold annotation is only used to judge) for each seed, ``--sources K``, the
pronouns cycling she/he/they over the seeds. Each draft is written to a temporary folder and checked
with ``qualdeid risk DRAFT --corpus GOLD...`` as a user runs it. Per draft:

- heading leaks: template prompts in the draft's paragraphs, found independently of compose's own
  prompt list: the headings of the gold documents' coded parts (the words before a colon or line
  break that opens a part), and the common prompt wordings ("What was helpful", "Why significant:",
  "1. ...") in any form;
- ordinary words turned into names or placeholders: words of the fragments that compose replaced
  with a name or a [placeholder] (its private substitution log) although no gold span covers them,
  per 1,000 words of draft; what the final check replaced (logged without offsets) counts where the fragment
  writes it and never inside a gold span;
- identifiers of the fragments kept: gold PERSON, LOCATION, ORGANIZATION, CONTACT and ID spans inside
  the chosen sentences that no change covers, or whose text (for a person, any of their names) is
  still in the paragraph;
  an identifier that only compose's final check replaced (its log has no document offsets) and of which
  nothing is left in the paragraph is not kept; it is counted apart, as a fix compose should have made earlier;
- subjects: the people of the gold documents (``resolve_people`` on the gold spans, not on what
  detection found), each paragraph's subject the document's subject named most in it; drafts with
  fewer than K distinct subjects, and drafts where one subject supplies more than half of the words
  taken from the accounts;
- risk: the exit status of ``qualdeid risk`` (0 pass, 3 warnings, 4 failure);
- contradicting facts (information, must-be-true 4): drafts whose fragments state basic facts of the
  character that cannot all be true ("no kids" and "her grandson"), by ``compose/facts.py``'s phrases
  read for the gold subject of each fragment (its gender and names from the gold spans).

A theme that cannot be composed is reported with the tool's reason; it is not a failure when the gold
people of the theme's parts are fewer than K.

Counts only by default, with the ordinary words by compose's reason and how it found them and the kept
identifiers by gold label and whether compose replaced them (a fragment audit by class); ``--show``
also prints each finding with the words around it and how compose found it (IDENTIFYING) and ``--drafts DIR`` keeps
the drafts (IDENTIFYING too, if anything leaked). Exit status 0 when every target is met, 1 otherwise.

Usage:  python3 benchmarks/eval_compose.py [GOLD.jsonl ...] [--sources 3] [--seeds 1,2,3,4,5] [--words 250]
        [--themes a,b] [--fast-risk] [--drafts DIR] [--show]
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
from qualdeid.compose import CannotCompose, Composer, load_compose_config, write_draft
from qualdeid.compose.facts import Facts, contradictions
from qualdeid.corpus.model import Span
from qualdeid.detect.nlp.frequency import zipf
from qualdeid.pseudonymise.people import People, resolve_people
from qualdeid.rules import Rules

REPO = Path(__file__).resolve().parent.parent
SHARED = next((p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()), REPO / "shared")
DEFAULT_GOLD = [SHARED / "corpus/dev/E.jsonl", SHARED / "corpus/dev/F.jsonl"]
DIRECT = ("PERSON", "LOCATION", "ORGANIZATION", "CONTACT", "ID")
PRONOUNS = ("she", "he", "they")
REPLACING = ("person", "place", "organisation", "date", "age", "contact", "id", "detail")
#: Prompt wordings of diary templates, written here independently of rules/compose/compose.yaml.
PROMPTS = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:\d[.)]\s*|\*\*|#+\s*)?"
    r"(?:brief description|description|what happened|what was (?:un)?helpful|what helped|what worked|"
    r"helpful\s*/\s*(?:not|unhelpful)|(?:less |not (?:so )?|un)?helpful|"
    r"why (?:it|this|the interaction) (?:was |is )?significant|why significant|significance|why it mattered|"
    r"reflection)\b(?:[^.\n:]{0,40}[:?]|\s+[-–—]\s)"
    r"|\b\d[.)]\s+(?:brief|what|why|description)\b"
    r"|\b(?:what was helpful \(or not\)|why the interaction was significant|brief description of the interaction)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")
TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "nurse",
    "prof",
    "sister",
    "father",
    "nan",
    "auntie",
    "uncle",
    "judge",
    "rev",
    "coach",
    "officer",
    "sergeant",
    "constable",
    "detective",
    "captain",
    "pastor",
    "reverend",
    "minister",
    # kin words used as a title before a name ("Mama Wrenna", "Brother Brisko"): the name after them is the identifier
    "mama",
    "mum",
    "mom",
    "ma",
    "papa",
    "pa",
    "dad",
    "brother",
    "bro",
    "sis",
    "aunt",
    "aunty",
    "aunties",
    "nana",
    "nanna",
    "gran",
    "granny",
    "grandma",
    "grandpa",
    "pop",
    "baba",
    "elder",
}


@dataclass
class Totals:
    drafts: int = 0
    words: int = 0
    heading_leaks: int = 0
    ordinary: int = 0  # words replaced outside any gold span
    kept: int = 0  # gold direct identifiers of the fragments still in the draft
    kept_final: int = 0  # gold direct identifiers the final check replaced, none left (not kept)
    kept_other: int = 0  # gold DATE/AGE/RARE of the fragments left as written (not a target, for information)
    few_subjects: int = 0
    over_share: int = 0
    claim_differs: int = 0  # compose's own subject count differs from the gold people's
    risk: Counter[int] = field(default_factory=Counter)
    #: counts only, not identifying: ordinary words by (compose's reason, how it found them), identifiers
    #: kept by (gold label, replaced but still written / not replaced)
    ordinary_by: Counter[str] = field(default_factory=Counter)
    kept_by: Counter[str] = field(default_factory=Counter)
    notes: int = 0
    found_again: int = 0  # identifiers compose's final check found in the composed text (should be none)
    contradicting: int = 0  # drafts whose fragments contradict the character's basic facts (information)
    cannot: list[str] = field(default_factory=list)
    cannot_ok: int = 0  # could not compose, and the gold people agree there are fewer than K
    errors: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)

    def add(self, other: Totals) -> None:
        for name in ("drafts", "words", "heading_leaks", "ordinary", "kept", "kept_final", "kept_other"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in (
            "few_subjects",
            "over_share",
            "claim_differs",
            "notes",
            "cannot_ok",
            "found_again",
            "contradicting",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.risk.update(other.risk)
        self.ordinary_by.update(other.ordinary_by)
        self.kept_by.update(other.kept_by)
        self.cannot += other.cannot
        self.errors += other.errors
        self.shown += other.shown


def read_records(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_docs(records: list[dict]) -> dict[str, Document]:
    return {
        str(r["id"]): Document(str(r["id"]), r["text"], spans=[Span.from_dict(s) for s in r["spans"]], meta=r)
        for r in records
    }


def gold_headings(records: list[dict]) -> set[str]:
    """The words that open each coded part before a colon or a line break: the template's prompts."""
    out = set()
    for r in records:
        for seg in r.get("segments") or []:
            head = r["text"][seg["start"] : seg["end"]].lstrip()
            m = re.match(r"([^\n:]{3,80}?)(?::|\n)", head)
            if m and len(m.group(1).split()) <= 12:
                phrase = re.sub(r"^\W*\d*[.)]?\s*", "", m.group(1)).strip(" *#").lower()
                if len(phrase.split()) >= 2 or m.group(0).endswith(":"):
                    out.add(phrase)
    return out


#: where a heading of the gold stands as a heading: at the start of the text, a line or a sentence, maybe numbered or
#: in bold ("2. Why it mattered", "**What went on**")
_HEADING_START = r"(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][\"'”’)]\s))\s*(?:\d{1,2}[.)]\s*|\*\*|#+\s*)?"


#: what compose writes in place of words it took for an identifier: a placeholder or a capitalised name of up to
#: three words
_STAND_IN = r"(?P<stand_in>\[[^\]\n]{1,40}\]|[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"


def _replaced_front(heading: str) -> re.Pattern[str] | None:
    """A heading of three words or more whose first words compose replaced by a name or a placeholder, at least
    half of it and two words kept ("Wrenna Tensley het / what happened" for "wat gebeur het / what happened"):
    still a leak where it opens the text, a line or a sentence and the text after it does not go on in lower case."""
    words = heading.split()
    keep = max(2, (len(words) + 1) // 2)
    tails = [r"[ \t]+".join(map(re.escape, words[k:])) for k in range(1, len(words) - keep + 1)]
    if len(words) < 3 or not tails:
        return None
    ends = r"(?!\w)(?=[ \t]*(?:$|\n|[:\-–—/]|[A-Z\[]))"  # a heading, not a sentence going on in lower case
    return re.compile(_HEADING_START + _STAND_IN + r"[ \t]+(?i:" + "|".join(tails) + ")" + ends)


def _is_stand_in(m: re.Match[str]) -> bool:
    """A placeholder, or words rare enough to be a name ("Then", "She" open sentences too)."""
    words = m.group("stand_in").split()
    return m.group("stand_in").startswith("[") or all(zipf(w.lower()) < 4.5 for w in words)


def heading_leaks(text: str, headings: set[str]) -> list[str]:
    """The template's prompts in a paragraph: the common wordings, and each heading of the gold's coded parts
    followed by its colon, or (three words or more) where it opens the text, a line or a sentence, also with
    its first words replaced by a name or a placeholder. A heading's words inside a sentence are prose ("... and
    that is why it mattered to her"), not a heading that leaked."""
    found = list(PROMPTS.finditer(text))
    low = text.lower()
    for h in headings:
        found += re.finditer(r"(?<!\w)" + re.escape(h) + r"\s*:", low)
        if len(h.split()) >= 3:
            found += re.finditer(_HEADING_START + re.escape(h) + r"(?!\w)(?!\s*:)", low)
        if replaced := _replaced_front(h):
            found += [m for m in replaced.finditer(text) if _is_stand_in(m)]
    spans: list[tuple[int, int]] = []  # one leak where several patterns find the same words
    for m in sorted(found, key=lambda m: (m.start(), -m.end())):
        if not any(a < m.end() and m.start() < b for a, b in spans):
            spans.append((m.start(), m.end()))
    return [text[a:b].strip() for a, b in spans]


#: what people call their relatives in many languages, a title before a name as often ("Tito Quorra"): the
#: project's own list, never a name on its own
KIN_WORDS = Rules().words("lexicons/kin_terms.txt", lower=True)


#: a word in lower case this common (Zipf) is an everyday word, no name of its own ("wee", "van")
EVERYDAY_ZIPF = 3.5


def kept_parts(value: str, label: str) -> list[str]:
    """What of a gold span must be gone from the draft: a person's every name (not a title or kin word
    before it: "Mama Wrenna" is kept when "Wrenna" stays, not when "Mama" does), a place or organisation as a whole."""
    parts = [w for w in re.findall(r"[^\W\d_][\w'’-]+", value) if w.lower().rstrip(".") not in TITLES | KIN_WORDS]
    if label == "PERSON" and len(parts) > 1:
        # an everyday word in lower case beside the name ("wee Quorra", "Ana van Pellow") names no one on its own
        names = [w for w in parts if not (w.islower() and zipf(w) >= EVERYDAY_ZIPF)]
        return names or parts
    return [value]


def still_written(part: str, para: str, doc: Document, start: int, end: int) -> bool:
    """``part`` of an identifier is still in the paragraph: written there more often than the fragment
    writes it outside every gold span, where the gold says it identifies no one ("Will mention it to the
    team" beside a Will replaced)."""
    pattern = re.compile(r"(?<![\w'’])" + re.escape(part) + r"(?![\w])")
    plain = [
        m
        for m in pattern.finditer(doc.text, start, end)
        if not any(s.start < m.end() and m.start() < s.end for s in doc.spans)
    ]
    return len(pattern.findall(para)) > len(plain)


def replaced_by_final_check(value: str, label: str, changes: list[dict]) -> bool:
    """Compose's final check (which logs no document offsets) replaced every part of a gold identifier in the
    composed paragraph: each name of a person, a place or organisation as a whole, written in a change it logged
    or holding one ("Wrenna" for "Wrenna Tensley" where "Tensley" went too)."""
    finals = [c["original"].strip().lower() for c in changes if c["reason"] == "final check" and c["original"].strip()]

    def within(a: str, b: str) -> bool:
        return re.search(r"(?<![\w'’])" + re.escape(a) + r"(?![\w])", b) is not None

    parts = [p.lower() for p in kept_parts(value, label)]
    person = label == "PERSON"  # "Mama [a name]" for "Mama Wrenna"; a place goes as a whole
    return bool(finals) and all(any(within(p, f) or (person and within(f, p)) for f in finals) for p in parts)


def final_check_word(original: str, doc: Document, start: int, end: int) -> bool:
    """What compose's final check replaced (no document offsets) is written in the fragment ``doc.text[start:end]``
    and never inside a gold span there: an ordinary word the final check took for an identifier."""
    pattern = re.compile(r"(?<![\w'’])" + re.escape(original.strip()) + r"(?![\w])")
    found = list(pattern.finditer(doc.text, start, end)) if original.strip() else []
    return bool(found) and not any(s.start < m.end() and m.start() < s.end for m in found for s in doc.spans)


def context(text: str, start: int, end: int, width: int = 50) -> str:
    """The words around an audited span on one line, the span in brackets (IDENTIFYING: --show only)."""
    left, right = text[max(0, start - width) : start], text[end : end + width]
    return " ".join(f"…{left}⟦{text[start:end]}⟧{right}…".split())


def subject_at(people: People, doc_id: str, start: int, end: int) -> str | None:
    subjects = people.subjects_of(doc_id)
    if not subjects:
        return None
    named = [m.person_id for m in people.mentions_in(doc_id) if start <= m.start < end and m.person_id in subjects]
    return max(subjects, key=lambda s: (named.count(s), -subjects.index(s))) if named else subjects[0]


def fact_clashes(prov: dict, gold: dict[str, Document], people: People, facts: Facts) -> list[str]:
    """The contradictions between the fragments' basic facts about the character, each pair once."""
    parts = []
    for frag in prov["fragments"]:
        doc = gold[frag["document"]]
        subject = subject_at(people, doc.id, frag["start"], frag["end"])
        gender = people.person(subject).gender if subject else None
        names = {
            w
            for m in people.mentions_in(doc.id)
            if m.person_id == subject
            for w in re.findall(r"[A-Z][\w'’-]+", doc.text[m.start : m.end])
        }
        parts.append(facts.of(doc.text, frag["start"], frag["end"], gender, names))
    return [f"{a.key} ({a.phrase!r}) / {b.key} ({b.phrase!r})" for _, a, _, b in contradictions(facts, parts)]


def judge(
    draft, prov: dict, gold: dict[str, Document], people: People, headings: set[str], k: int, facts: Facts
) -> Totals:
    t = Totals(drafts=1, notes=len(draft.notes), found_again=prov.get("identifiers_found_again", 0))
    clashes = fact_clashes(prov, gold, people, facts)
    t.contradicting = int(bool(clashes))
    t.shown += [f"contradicting facts: {c}" for c in clashes]
    t.words = sum(len(_WORD.findall(p.text)) for p in draft.paragraphs)
    words_by: Counter[str] = Counter()
    for para, frag in zip(draft.paragraphs, prov["fragments"], strict=True):
        doc = gold[frag["document"]]
        leaks = heading_leaks(para.text, headings)
        t.heading_leaks += len(leaks)
        t.shown += [f"heading: {x!r}" for x in leaks]
        changes = [c for c in frag["changes"] if c["start"] >= 0]
        for c in frag["changes"]:
            if c["reason"] == "final check" and final_check_word(c["original"], doc, frag["start"], frag["end"]):
                n = max(1, len(_WORD.findall(c["original"])))
                t.ordinary += n
                t.ordinary_by["final check"] += n
                t.shown += [f"ordinary word replaced: {c['original']!r} -> {c['replacement']!r} [final check]"]
        for c in changes:
            if c["reason"] not in REPLACING:
                continue
            if not any(s.start < c["end"] and c["start"] < s.end for s in doc.spans):
                n = max(1, len(_WORD.findall(c["original"])))
                t.ordinary += n
                t.ordinary_by[f"{c['reason']}, found by {c.get('found') or '?'}"] += n
                t.shown += [
                    f"ordinary word replaced: {c['original']!r} -> {c['replacement']!r} "
                    f"[{c['reason']}, {c.get('found') or '?'}] {context(doc.text, c['start'], c['end'])}"
                ]
        for s in doc.spans:
            if not (frag["start"] <= s.start and s.end <= frag["end"]):
                continue
            covered = any(c["start"] < s.end and s.start < c["end"] for c in changes)
            value = doc.text[s.start : s.end]
            still = any(
                still_written(p, para.text, doc, frag["start"], frag["end"]) for p in kept_parts(value, s.label)
            )
            final = not covered and not still and replaced_by_final_check(value, s.label, frag["changes"])
            if s.label in DIRECT:
                if final:
                    t.kept_final += 1  # a fix of compose's own, counted apart: nothing of it is left in the draft
                    t.shown += [f"replaced by the final check only {s.label}: {context(doc.text, s.start, s.end)}"]
                elif not covered or (still and len(value) > 2):
                    t.kept += 1
                    how = "replaced but still written" if covered else "not replaced"
                    t.kept_by[f"{s.label}, {how}"] += 1
                    t.shown += [f"kept {s.label}: {value!r} [{how}] {context(doc.text, s.start, s.end)}"]
            elif not covered:
                t.kept_other += 1
        subject = subject_at(people, doc.id, frag["start"], frag["end"])
        words_by[subject or f"unknown in {doc.id}"] += frag["words"]  # words taken from the account
    if len(words_by) < k:
        t.few_subjects += 1
    if max(words_by.values()) > 0.5 * sum(words_by.values()):
        t.over_share += 1
    claimed = len({f["subject"] for f in prov["fragments"]})
    t.claim_differs += claimed != len(words_by)
    return t


def run_risk(path: Path, corpora: list[Path], checker) -> int:
    if checker is not None:
        text = path.read_text(encoding="utf-8")
        report = checker.check([Document(path.name, text)])
        return {"pass": 0, "warn": 3, "fail": 4}[report.status]
    r = subprocess.run(
        ["qualdeid", "risk", str(path), "--corpus", *map(str, corpora), "--format", "json"],
        capture_output=True,
        text=True,
    )
    return r.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=DEFAULT_GOLD, help="gold .jsonl files")
    parser.add_argument("--sources", type=int, default=3)
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--themes", default="", help="comma-separated codes (default: every code of the corpus)")
    parser.add_argument("--fast-risk", action="store_true", help="risk through the library, not the CLI")
    parser.add_argument("--drafts", type=Path, help="keep the drafts in this folder (IDENTIFYING if anything leaked)")
    parser.add_argument("--show", action="store_true", help="print what leaked (IDENTIFYING)")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    from common import git_head

    missing = [str(p) for p in args.gold if not p.is_file()]
    if missing:
        raise SystemExit(f"no such gold file: {', '.join(missing)}")
    print(f"qualdeid compose evaluation at {git_head()}")
    t0 = time.perf_counter()
    records = read_records(args.gold)
    gold = gold_docs(records)
    people = resolve_people(list(gold.values()))
    headings = gold_headings(records)
    docs = [d for d in Corpus([str(p) for p in args.gold]) if isinstance(d, Document)]
    detector = Detector()
    composer = Composer(detector, load_compose_config())
    facts = Facts()
    checker = None
    if args.fast_risk:
        from qualdeid.risk import RiskChecker, load_risk_config

        cfg = load_risk_config()
        cfg.sources = args.sources
        checker = RiskChecker(cfg, detector, Corpus([str(p) for p in args.gold]))
    themes = [t for t in args.themes.split(",") if t] or sorted({c for d in docs for s in d.segments for c in s.codes})
    print(
        f"gold: {', '.join(str(p) for p in args.gold)}: {len(docs)} documents; --sources {args.sources}, "
        f"seeds {seeds} (pronouns she/he/they in turn), --words {args.words}; risk by "
        f"{'library' if checker else 'CLI'}"
    )
    scratch = tempfile.TemporaryDirectory(prefix="qualdeid-eval-compose-")
    out_dir = args.drafts or Path(scratch.name)
    out_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Totals] = {}
    for theme in themes:
        res = results[theme] = Totals()
        for i, seed in enumerate(seeds):
            pronouns = PRONOUNS[i % len(PRONOUNS)]
            try:
                draft = composer.compose(
                    docs, [theme], sources=args.sources, words=args.words, pronouns=pronouns, seed=seed
                )
            except CannotCompose as e:
                parts = [f for f in composer.candidates(docs, [theme])[1]]
                gold_subjects = {subject_at(people, f.doc_id, f.start, f.end) for f in parts} - {None}
                if len(gold_subjects) < args.sources:
                    res.cannot_ok += 1
                res.cannot.append(f"seed {seed}: {e}")
                continue
            except Exception as e:  # report and go on: one broken theme must not hide the others
                res.errors.append(f"seed {seed}: {type(e).__name__}: {e}"[:300])
                continue
            path = out_dir / f"{theme}-seed{seed}-{pronouns}.md"
            write_draft(draft, path)
            t = judge(draft, draft.provenance, gold, people, headings, args.sources, facts)
            t.risk[run_risk(path, args.gold, checker)] += 1
            res.add(t)
    status = report(results, args, time.perf_counter() - t0, out_dir if args.drafts else None)
    scratch.cleanup()
    return status


def report(results: dict[str, Totals], args: argparse.Namespace, seconds: float, kept_dir: Path | None) -> int:
    widths = [20, 6, 6, 8, 9, 5, 6, 6, 12, 6]
    head = ["theme", "drafts", "words", "headings", "ordinary", "kept", "<K", ">half", "risk 0/3/4", "notes"]
    print()
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths, strict=True))))
    total = Totals()
    for theme, r in results.items():
        total.add(r)
        cells = [theme, r.drafts, r.words, r.heading_leaks, r.ordinary, r.kept, r.few_subjects, r.over_share]
        cells += [f"{r.risk[0]}/{r.risk[3]}/{r.risk[4]}", r.notes]
        line = "  ".join(
            str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        why = f"  cannot compose ({len(r.cannot)}): {r.cannot[0][:90]}" if r.cannot else ""
        print(line + why + (f"  ERRORS {len(r.errors)}" if r.errors else ""))
    per_k = 1000 * total.ordinary / max(1, total.words)
    print()
    print(f"drafts {total.drafts}, {total.words} words of draft; {seconds:.0f} s")
    print(f"gold DATE/AGE/RARE spans of the fragments left as written (information): {total.kept_other}")
    print(f"drafts whose own subject count differs from the gold people's: {total.claim_differs}")
    print(f"identifiers compose's final check found again in the composed text (replaced): {total.found_again}")
    print(f"gold identifiers of the fragments only the final check replaced (not counted as kept): {total.kept_final}")
    print(f"drafts whose fragments contradict the character's basic facts (information): {total.contradicting}")
    print(
        f"themes or seeds that could not be composed: {len(total.cannot)} "
        f"({total.cannot_ok} with fewer gold subjects than K)"
    )
    for name, counts in (("ordinary words replaced", total.ordinary_by), ("identifiers kept", total.kept_by)):
        if counts:
            print(f"{name}, by class: " + "; ".join(f"{k} {n}" for k, n in counts.most_common()))
    checks = [
        ("heading leaks", total.heading_leaks, "0", total.heading_leaks == 0),
        ("ordinary words replaced per 1,000 words", f"{per_k:.2f} ({total.ordinary})", "<= 1", per_k <= 1),
        ("identifiers of the fragments kept", total.kept, "0", total.kept == 0),
        ("drafts with fewer than K distinct subjects", total.few_subjects, "0", total.few_subjects == 0),
        ("drafts where one subject has more than half", total.over_share, "0", total.over_share == 0),
        ("drafts where risk exits 4", total.risk[4], "0", total.risk[4] == 0 and total.drafts > 0),
        ("could not compose although K subjects exist", len(total.cannot) - total.cannot_ok, "0",
         len(total.cannot) == total.cannot_ok),
        ("errors", len(total.errors), "0", not total.errors),
    ]  # fmt: skip
    print()
    for name, value, target, ok in checks:
        print(f"{name:<48} {value!s:>14}  target {target:<5} {'PASS' if ok else 'FAIL'}")
    if args.show:
        print("\nWARNING: what follows is IDENTIFYING (text from the corpus); do not share it.", file=sys.stderr)
        for theme, r in results.items():
            for line in [*r.shown, *r.errors, *r.cannot]:
                print(f"{theme}: {line}", file=sys.stderr)
    if kept_dir:
        print(f"drafts kept in {kept_dir} (IDENTIFYING if anything leaked)")
    failed = sum(not ok for *_, ok in checks)
    print(f"\n{'all targets met' if not failed else f'{failed} target(s) not met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
