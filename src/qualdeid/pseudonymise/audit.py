"""The shareable audit log: counts, detectors and review flags per document — never an original value."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from qualdeid.pseudonymise.planner import Plan
from qualdeid.pseudonymise.policy import Policy
from qualdeid.versions import installed_versions


class Audit:
    def __init__(self, locale: str, policy: Policy, resolution_flags: list[dict]) -> None:
        self.locale = locale
        self.policy = policy
        self.resolution_flags = resolution_flags
        self.documents: list[dict[str, Any]] = []
        self._doc_names: dict[str, str] = {}  # doc key -> "file: id" (keys hold no text values)
        self.replaced: Counter[str] = Counter()
        self.kept: Counter[str] = Counter()

    def document(
        self, doc_id: str, rel: str, plan: Plan, detectors: set[str], fields_scrubbed: bool, read: list[str]
    ) -> None:
        """One document's entry; ``read`` names what was read of it (.docx parts, record fields)."""
        replaced = Counter(e.label for e in plan.edits)
        self.replaced.update(replaced)
        self.kept.update(plan.kept)
        flags = sorted(set(plan.flags))
        if fields_scrubbed:
            flags.append("record_fields_scrubbed")
        entry = {
            "id": doc_id,
            "file": rel,
            "read": read,
            "replaced": dict(sorted(replaced.items())),
            "kept": dict(sorted(plan.kept.items())),
            "detectors": sorted(detectors),
            "flags": flags,
        }
        self.documents.append(entry)

    def finish(self, errors: list[str], decisions: dict[str, int] | None = None) -> dict[str, Any]:
        """The audit; ``decisions`` counts the review decisions applied and stale (``decisions.yaml``)."""
        review = []
        for f in self.resolution_flags:
            docs = sorted({_doc_label(d) for d in f.get("docs", [])})
            review.append(
                {
                    "kind": f["kind"],
                    "documents": docs,
                    "detail": f["detail"],
                    "resolved": bool(f.get("resolved")),
                    "decide": _how_to_decide(f),
                }
            )
        rare_kept = sum(1 for d in self.documents if "rare_detail_kept" in d["flags"])
        return {
            "tool": "qualdeid scrub",
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "versions": installed_versions(),
            "locale": self.locale,
            "policy": self.policy.actions,
            "summary": {
                "documents_written": len(self.documents),
                "inputs_failed": len(errors),
                "replaced": dict(sorted(self.replaced.items())),
                "kept": dict(sorted(self.kept.items())),
                "review_flags": len(review),
                "review_flags_resolved": sum(1 for f in review if f["resolved"]),
                "documents_with_rare_details_kept": rare_kept,
                "review_decisions": decisions or {"applied": 0, "stale": 0},
            },
            "review": review,
            "documents": self.documents,
            "errors": errors,
        }

    @staticmethod
    def to_json(audit: dict[str, Any]) -> str:
        return json.dumps(audit, indent=2, ensure_ascii=False) + "\n"


#: Where a review flag is settled: ``qualdeid review`` saves the decision in the --rules folder.
DECIDE_PEOPLE = (
    "open `qualdeid review <inputs> --rules <folder>`, People: merge or split; the decision is saved in "
    "<folder>/decisions.yaml and scrub follows it when run with --rules <folder>"
)
DECIDE_DETAILS = (
    "open `qualdeid review <inputs> --rules <folder>`, Rare details: keep, generalise or placeholder; saved in "
    "<folder>/decisions.yaml and <folder>/generalise.yaml, followed by scrub with --rules <folder>"
)


def _how_to_decide(flag: dict) -> str:
    return DECIDE_DETAILS if "rare" in flag["kind"] else DECIDE_PEOPLE


def _doc_label(doc_key: str) -> str:
    rel, doc_id, _ = [*doc_key.split("\x1f"), "", ""][:3]
    return doc_id if doc_id == rel else f"{rel}: {doc_id}"
