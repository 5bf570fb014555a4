"""The rare-detail hook: a detail that failed the rarity test is offered for review, and deciding it
makes it a detail in every later run."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from qualdeid.cli import main
from qualdeid.decisions import REPLACE, Decision, Decisions, Occurrence

#: One unusual job in four documents of five: too common in this corpus to be redacted unasked.
TEXTS = [
    "He told me he was a telegraphist on the railways for years.",
    "Her uncle was a telegraphist before the war.",
    "My dad was a telegraphist too, she said.",
    "I think he was a telegraphist once.",
    "We had a coffee and talked about the weekend.",
]


def scan(corpus: Path, rules: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["scan", str(corpus), "--format", "jsonl", "--quiet", "--rules", str(rules)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_a_shared_detail_is_offered_to_keep_and_a_decision_makes_it_a_detail(tmp_path: Path) -> None:
    corpus, rules = tmp_path / "corpus", tmp_path / "rules"
    corpus.mkdir()
    rules.mkdir()
    (corpus / "notes.jsonl").write_text(
        "".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)), encoding="utf-8"
    )
    records = scan(corpus, rules)
    doubts = [
        (r["id"], i) for r in records for i in r["review"] if i["label"] == "RARE_DETAIL" and i["action"] == "keep"
    ]
    assert [doc for doc, _ in doubts] == ["n0", "n1", "n2", "n3"]
    assert all("telegraphist" in i["text"] and "other documents share" in i["reason"] for _, i in doubts)
    assert not any(s["label"] == "RARE_DETAIL" for r in records for s in r["spans"])

    # the researcher knows the uncle's job identifies him: that one occurrence becomes a detail
    by_id = {r["id"]: r for r in records}
    _, item = doubts[1]
    where = Occurrence.of("n1", by_id["n1"]["text"], item["start"], item["end"])
    Decisions.for_folder(rules).put([Decision(where, REPLACE, "RARE_DETAIL", item["group"], added=True)])
    again = {r["id"]: r for r in scan(corpus, rules)}
    assert [(s["start"], s["end"], s["label"]) for s in again["n1"]["spans"]] == [
        (item["start"], item["end"], "RARE_DETAIL")
    ]
    assert not any(i["label"] == "RARE_DETAIL" for i in again["n1"]["review"])
    assert not any(s["label"] == "RARE_DETAIL" for s in again["n0"]["spans"])
