"""Reading the files a report is made from, defensively: the JSON outputs of ``scrub`` (the audit),
``evaluate`` and ``risk``, a composite's provenance record, and a project rules folder's review.

Only counts, rates, labels, settings and the ids the audit lists are taken. The risk report's matched
words and messages, the provenance's offsets and document shares, and every text of the rules folder
(decisions, deny and allow lists, generalisations) are never read into the report: they can quote
the data. A file that is not what it should be raises :class:`ReportInputError`, naming the file
and saying how to make the right one.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from qualdeid.report.model import (
    Composite,
    DocumentRow,
    Evaluation,
    Rate,
    ReviewFlag,
    ReviewRecord,
    RiskRun,
    RiskText,
    Scrub,
)

#: The review decisions file of a project rules folder (written by ``qualdeid review``).
DECISIONS_NAME = "decisions.yaml"


class ReportInputError(ValueError):
    """An input of the report that cannot be used; the message names the file and says what to do."""


def _load_json(path: Path, what: str, how: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ReportInputError(f"{path}: no such file; {how}") from None
    except IsADirectoryError:
        raise ReportInputError(f"{path}: is a folder, not {what}; {how}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ReportInputError(f"{path}: cannot be read ({type(e).__name__}); {how}") from None
    except json.JSONDecodeError:
        raise ReportInputError(f"{path}: is not JSON, so it is not {what}; {how}") from None
    if not isinstance(data, dict):
        raise ReportInputError(f"{path}: is not {what}; {how}")
    return data


def _int(v: Any) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else None


def _rate(v: Any) -> float | None:
    if isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1:
        return float(v)
    return None


def _counts(v: Any) -> dict[str, int]:
    if not isinstance(v, dict):
        return {}
    return {str(k): n for k, v2 in v.items() if (n := _int(v2)) is not None and n > 0}


def _strings(v: Any) -> tuple[str, ...]:
    if isinstance(v, str):
        return (v,)
    if isinstance(v, list | tuple):
        return tuple(str(x) for x in v if isinstance(x, str | int))
    return ()


# ---------------------------------------------------------------------------------------- the audit

_AUDIT_HOW = "give the qualdeid-audit.json that `qualdeid scrub` wrote in its output folder"


def audit_path(path: Path) -> Path:
    """The audit file itself, or the one inside a scrub output folder."""
    if not path.is_dir():
        return path
    from qualdeid.pseudonymise.scrub import AUDIT_NAME

    return path / AUDIT_NAME


def read_audit(path: Path) -> Scrub:
    path = audit_path(path)
    data = _load_json(path, "a scrub audit", _AUDIT_HOW)
    summary = data.get("summary")
    docs = data.get("documents")
    if data.get("tool") != "qualdeid scrub" or not isinstance(summary, dict) or not isinstance(docs, list):
        raise ReportInputError(f"{path}: is not a qualdeid scrub audit; {_AUDIT_HOW}")
    documents = tuple(_document_row(d) for d in docs if isinstance(d, dict))
    flags = tuple(
        ReviewFlag(
            kind=str(f.get("kind", "")),
            documents=_strings(f.get("documents")),
            detail=str(f.get("detail", "")),
            resolved=_resolved(f),
        )
        for f in data.get("review") or []
        if isinstance(f, dict)
    )
    policy = data.get("policy")
    versions = data.get("versions")
    decisions = summary.get("review_decisions")
    return Scrub(
        source=path.name,
        created=str(data["created"]) if data.get("created") else None,
        locale=str(data["locale"]) if data.get("locale") else None,
        policy={str(k): str(v) for k, v in policy.items()} if isinstance(policy, dict) else {},
        documents=documents,
        replaced=_counts(summary.get("replaced")),
        kept=_counts(summary.get("kept")),
        review_flags=flags,
        failed=_int(summary.get("inputs_failed")) or 0,
        errors=_strings(data.get("errors")),
        rare_kept_documents=_int(summary.get("documents_with_rare_details_kept"))
        or sum(1 for d in documents if "rare_detail_kept" in d.flags),
        review_decisions=_counts(decisions) if isinstance(decisions, dict) else None,
        versions={str(k): str(v) for k, v in versions.items()} if isinstance(versions, dict) and versions else None,
    )


def _document_row(d: dict[str, Any]) -> DocumentRow:
    return DocumentRow(
        id=str(d.get("id", "")),
        file=str(d.get("file") or d.get("id", "")),
        replaced=_counts(d.get("replaced")),
        kept=_counts(d.get("kept")),
        flags=_strings(d.get("flags")),
        parts=_parts(d),
    )


def _parts(d: dict[str, Any]) -> tuple[str, ...] | None:
    """What of the file was read, as the audit lists it under "read": the .docx parts (body, table,
    header, comment author...) or the record fields scanned; None when the audit does not say."""
    v = d.get("read")
    return _strings(v) if isinstance(v, list) else None


def _resolved(flag: dict[str, Any]) -> bool | None:
    if isinstance(flag.get("resolved"), bool):
        return flag["resolved"]
    status = flag.get("status")
    if isinstance(status, str):
        return status.lower() in ("resolved", "decided", "done")  # format: review status codes
    return None


# ---------------------------------------------------------------------------------------- evaluate

_EVAL_HOW = "make it with `qualdeid evaluate GOLD.jsonl --format json > detection-report.json`"


def read_evaluation(path: Path) -> Evaluation:
    data = _load_json(path, "an evaluation report", _EVAL_HOW)
    labels = data.get("labels")
    documents = _int(data.get("documents"))
    if not isinstance(labels, dict) or documents is None:
        raise ReportInputError(f"{path}: is not the JSON of `qualdeid evaluate`; {_EVAL_HOW}")
    overall = data.get("overall") if isinstance(data.get("overall"), dict) else {}
    direct = (data.get("groups") or {}).get("DIRECT") if isinstance(data.get("groups"), dict) else None
    rates = {str(k): r for k, v in labels.items() if (r := _rate_row(v)) is not None}
    return Evaluation(
        source=path.name,
        documents=documents,
        labels=dict(sorted(rates.items())),
        direct=_rate_row(direct),
        overall=_rate_row(overall),
        token_precision=_rate(overall.get("token_precision")),
    )


def _rate_row(v: Any) -> Rate | None:
    if not isinstance(v, dict) or _int(v.get("gold")) is None:
        return None
    return Rate(
        gold=v["gold"],
        recall=_rate(v.get("entity_recall")),
        leak=_rate(v.get("leak_rate")),
        token_recall=_rate(v.get("token_recall")),
    )


# ---------------------------------------------------------------------------------------- risk

_RISK_HOW = "make it with `qualdeid risk TEXT... --corpus CORPUS --format json -o risk.json`"


def read_risk(path: Path) -> RiskRun:
    data = _load_json(path, "a risk report", _RISK_HOW)
    texts = data.get("texts")
    findings = data.get("findings")
    if (
        data.get("status") not in ("pass", "warn", "fail")  # format: check status codes
        or not isinstance(texts, list)
        or not isinstance(findings, list)
    ):
        raise ReportInputError(f"{path}: is not the JSON of `qualdeid risk`; {_RISK_HOW}")
    counted: Counter[tuple[str, str]] = Counter()
    for f in findings:
        if isinstance(f, dict):
            counted[(str(f.get("check", "")), str(f.get("severity", "")))] += 1
    return RiskRun(
        source=path.name,
        status=data["status"],
        k=_int(data.get("sources_k")),
        corpus_documents=_int(data.get("corpus_documents")),
        texts=tuple(RiskText(str(t.get("id", "")), _int(t.get("words"))) for t in texts if isinstance(t, dict)),
        findings=dict(sorted(counted.items())),
        by_person=_by_person(data),
    )


def _by_person(data: dict[str, Any]) -> tuple[tuple[str, str | None, int], ...] | None:
    """The findings per person of the corpus (ids such as "P3", never names), with each one's role."""
    summary = data.get("summary")
    counts = _counts(summary.get("by_person")) if isinstance(summary, dict) else None
    if counts is None or not isinstance(summary.get("by_person"), dict):
        return None
    people = data.get("people") if isinstance(data.get("people"), dict) else {}
    rows = []
    for pid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        role = (people.get(pid) or {}).get("role") if isinstance(people.get(pid), dict) else None
        rows.append((pid, str(role) if isinstance(role, str) else None, n))
    return tuple(rows)


# ---------------------------------------------------------------------------------------- compose

_COMPOSE_HOW = "give the .provenance.json that `qualdeid compose` wrote beside the draft"


def read_composite(path: Path) -> Composite:
    data = _load_json(path, "a composite's provenance record", _COMPOSE_HOW)
    by_document = _shares(data.get("share_of_words_by_document", data.get("share_of_words")))
    if "fragments" not in data and by_document is None:
        raise ReportInputError(f"{path}: is not a compose provenance record; {_COMPOSE_HOW}")
    by_subject = _shares(data.get("share_of_words_by_subject"))
    if by_subject is not None:
        by_subject = {k: v for k, v in by_subject.items() if k}  # "": words of no known subject
    # the cap is on each person's share where the record knows the people, else on each account's
    shares, share_of = (by_subject, "person") if by_subject else (by_document, "account")
    return Composite(
        source=path.name,
        themes=_strings(data.get("themes")),
        sources_required=_int(data.get("sources_required")),
        accounts=len(by_document) if by_document else None,
        share_cap=_rate(data.get("max_share_allowed", data.get("share_cap"))),
        largest_share=max(shares.values()) if shares else None,
        share_of=share_of,
        subjects=len(by_subject) if by_subject is not None else None,
        words=_int(data.get("words")) or _int(data.get("target_words")),
    )


def _shares(v: Any) -> dict[str, float] | None:
    """A provenance record's shares of words (id -> share), only the ids' count and the shares used."""
    if not isinstance(v, dict):
        return None
    return {str(k): r for k, x in v.items() if (r := _rate(x)) is not None}


# ---------------------------------------------------------------------------------------- review

_REVIEW_HOW = "give the project rules folder that `qualdeid review --rules DIR` saved its decisions in"


def read_review(folder: Path) -> ReviewRecord:
    if not folder.is_dir():
        raise ReportInputError(f"{folder}: is not a folder; {_REVIEW_HOW}")
    decisions: dict[str, Counter[str]] = {}
    identities = 0
    latest: str | None = None
    data = _load_yaml(folder / DECISIONS_NAME)
    if data is not None:
        if not isinstance(data, dict):
            raise ReportInputError(f"{folder / DECISIONS_NAME}: is not a decisions file; {_REVIEW_HOW}")
        for d in data.get("occurrences") or []:
            if isinstance(d, dict) and isinstance(d.get("decision"), str):
                label = d.get("label") if isinstance(d.get("label"), str) else "unlabelled"
                kind = "added" if d["decision"] == "replace" and d.get("added") is True else d["decision"]
                decisions.setdefault(kind, Counter())[label] += 1
                latest = _later(latest, d.get("decided"))
        identities = sum(1 for d in data.get("identities") or [] if isinstance(d, dict))
    generalise = _load_yaml(folder / "generalise.yaml")
    generalisations = (generalise or {}).get("generalisations") if isinstance(generalise, dict) else None
    return ReviewRecord(
        folder=folder.name,
        decisions={k: dict(sorted(v.items())) for k, v in sorted(decisions.items())},
        identity_decisions=identities,
        latest_decision=latest,
        generalisations=len(generalisations) if isinstance(generalisations, list) else 0,
        deny_entries=_list_entries(folder / "deny.txt") + _yaml_entries(folder / "deny.yaml"),
        allow_entries=_list_entries(folder / "allow.txt"),
    )


def _load_yaml(path: Path) -> Any:
    if not path.is_file():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ReportInputError(f"{path}: cannot be read as YAML ({type(e).__name__}); fix or remove it") from None


def _list_entries(path: Path) -> int:
    """Entries of a rules list (``#`` comments and ``!removals`` not counted)."""
    if not path.is_file():
        return 0
    try:
        lines: Iterable[str] = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise ReportInputError(f"{path}: cannot be read as UTF-8 text; fix or remove it") from None
    return sum(1 for raw in lines if (line := raw.split("#", 1)[0].strip()) and not line.startswith("!"))


def _yaml_entries(path: Path) -> int:
    data = _load_yaml(path)
    return len(data) if isinstance(data, list) else 0


def _later(a: str | None, b: Any) -> str | None:
    if not isinstance(b, str) or not b:
        return a
    return b if a is None or b > a else a
