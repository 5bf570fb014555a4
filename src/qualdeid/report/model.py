"""What a report says, as plain values: built from the JSON files the other commands write.

Every value here is a count, a rate, a label, a setting or an id the audit already lists — never an
original value. A field an input does not record is ``None``, and the report says it was not recorded.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

#: z for a two-sided 95% interval.
_Z95 = 1.959964


def wilson_interval(found: int, total: int) -> tuple[float, float] | None:
    """The 95% Wilson score interval of a proportion (sound at 0% and 100%, unlike the normal one)."""
    if total <= 0:
        return None
    p = found / total
    z2 = _Z95 * _Z95
    centre = (p + z2 / (2 * total)) / (1 + z2 / total)
    half = _Z95 * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / (1 + z2 / total)
    lo = 0.0 if found == 0 else max(0.0, centre - half)
    hi = 1.0 if found == total else min(1.0, centre + half)
    return lo, hi


@dataclass(frozen=True)
class Rate:
    """Detection of one gold label (or group) on the annotated sample."""

    gold: int
    recall: float | None
    leak: float | None
    token_recall: float | None = None

    @property
    def found(self) -> int:
        return round((self.recall or 0.0) * self.gold)

    @property
    def leaked(self) -> int:
        return round((self.leak or 0.0) * self.gold)

    @property
    def partly(self) -> int:
        """Gold spans touched but less than half covered: neither found nor leaked."""
        return max(0, self.gold - self.found - self.leaked)

    @property
    def recall_interval(self) -> tuple[float, float] | None:
        return wilson_interval(self.found, self.gold) if self.recall is not None else None


@dataclass(frozen=True)
class Evaluation:
    """``qualdeid evaluate --format json``: detection measured on the team's annotated sample."""

    source: str
    documents: int
    labels: dict[str, Rate]
    direct: Rate | None
    overall: Rate | None
    token_precision: float | None

    @property
    def gold(self) -> int:
        return self.overall.gold if self.overall else sum(r.gold for r in self.labels.values())


@dataclass(frozen=True)
class DocumentRow:
    id: str
    file: str
    replaced: dict[str, int]
    kept: dict[str, int]
    flags: tuple[str, ...]
    #: what of the file was read (.docx parts such as body, header, comment; record fields), when the audit says
    parts: tuple[str, ...] | None = None

    @property
    def format(self) -> str:
        """The file extension, lower case ("(none)" without one)."""
        return "." + self.file.rsplit(".", 1)[-1].lower() if "." in self.file else "(none)"


@dataclass(frozen=True)
class ReviewFlag:
    kind: str
    documents: tuple[str, ...]
    detail: str
    #: True/False when the audit records it; None when it does not
    resolved: bool | None = None


@dataclass(frozen=True)
class Scrub:
    """``scrubbed/qualdeid-audit.json``."""

    source: str
    created: str | None
    locale: str | None
    policy: dict[str, str]
    documents: tuple[DocumentRow, ...]
    replaced: dict[str, int]
    kept: dict[str, int]
    review_flags: tuple[ReviewFlag, ...]
    failed: int
    errors: tuple[str, ...]
    rare_kept_documents: int
    #: review decisions scrub applied and found stale, when the audit records them
    review_decisions: dict[str, int] | None = None
    #: software versions of the scrub run, when the audit records them
    versions: dict[str, str] | None = None

    @property
    def formats(self) -> list[tuple[str, int, int]]:
        """(file extension, documents, files) per input format, the most common first."""
        files: dict[str, set[str]] = {}
        docs: dict[str, int] = {}
        for d in self.documents:
            files.setdefault(d.format, set()).add(d.file)
            docs[d.format] = docs.get(d.format, 0) + 1
        return sorted(((sfx, docs[sfx], len(fs)) for sfx, fs in files.items()), key=lambda row: (-row[1], row[0]))

    @property
    def files(self) -> int:
        return len({d.file for d in self.documents})

    @property
    def parts_recorded(self) -> bool:
        return any(d.parts is not None for d in self.documents)

    @property
    def open_flags(self) -> int:
        return sum(1 for f in self.review_flags if f.resolved is not True)


@dataclass(frozen=True)
class RiskText:
    id: str
    words: int | None


@dataclass(frozen=True)
class RiskRun:
    """``qualdeid risk --format json``: one check of the texts to be published."""

    source: str
    status: str  # pass | warn | fail
    k: int | None
    corpus_documents: int | None
    texts: tuple[RiskText, ...]
    #: findings counted by (check, severity)
    findings: dict[tuple[str, str], int]
    #: (pseudonymous person id, role, findings pointing to them), when the risk report records people
    by_person: tuple[tuple[str, str | None, int], ...] | None = None

    @property
    def words(self) -> int | None:
        counts = [t.words for t in self.texts]
        return None if any(w is None for w in counts) else sum(w for w in counts if w is not None)

    def count(self, severity: str | None = None, check: str | None = None) -> int:
        return sum(
            n
            for (c, s), n in self.findings.items()
            if (severity is None or s == severity) and (check is None or c == check)
        )

    @property
    def checks(self) -> list[str]:
        return sorted({c for c, _ in self.findings})


@dataclass(frozen=True)
class ReviewRecord:
    """What a project rules folder holds of the researchers' review, counted (never its text)."""

    folder: str
    #: occurrence decisions: keep, replace (a detection confirmed) or added (by hand) -> label -> count
    decisions: dict[str, dict[str, int]]
    identity_decisions: int
    latest_decision: str | None
    generalisations: int
    deny_entries: int
    allow_entries: int

    @property
    def total_decisions(self) -> int:
        return sum(sum(v.values()) for v in self.decisions.values()) + self.identity_decisions

    def decided(self, action: str) -> int:
        return sum(self.decisions.get(action, {}).values())


@dataclass(frozen=True)
class Composite:
    """The numbers of one composite vignette's provenance record (which is private; nothing else is read):
    accounts drawn from, distinct people (subjects) they are about, the largest share of words and the cap."""

    source: str
    themes: tuple[str, ...]
    sources_required: int | None
    accounts: int | None
    share_cap: float | None
    largest_share: float | None
    #: whose share ``largest_share`` is: one "person" (subject) or one "account" (source document)
    share_of: str
    subjects: int | None
    words: int | None

    @property
    def draft(self) -> str:
        """The draft's file name (the provenance record is named after it)."""
        return self.source.removesuffix(".provenance.json")


@dataclass(frozen=True)
class Versions:
    software: dict[str, str]
    #: True when they are the scrub run's own (recorded in the audit); False: installed when the report was made
    recorded: bool


@dataclass(frozen=True)
class Report:
    scrub: Scrub
    versions: Versions
    made: dt.date
    evaluation: Evaluation | None = None
    risks: tuple[RiskRun, ...] = ()
    review: ReviewRecord | None = None
    composites: tuple[Composite, ...] = ()
    title: str = "De-identification report"
    #: wording from rules/report/wording.yaml
    words: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def risk_status(self) -> str | None:
        if not self.risks:
            return None
        order = {"pass": 0, "warn": 1, "fail": 2}  # format: check status codes
        return max((r.status for r in self.risks), key=lambda s: order.get(s, 2))

    def word(self, section: str, key: str) -> str:
        table = self.words.get(section, {})
        return table.get(key) or table.get("default") or key
