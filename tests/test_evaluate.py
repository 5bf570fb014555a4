"""Scoring against gold, checked on small cases computed by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import EXAMPLES
from qualdeid.cli import main
from qualdeid.corpus import Span
from qualdeid.evaluate import Score, score_document


def span(text: str, sub: str, label: str, start_at: int = 0) -> Span:
    start = text.index(sub, start_at)
    return Span(start, start + len(sub), label, sub)


def scored(text: str, gold: list[Span], pred: list[Span]) -> dict:
    score = Score()
    score_document(text, gold, pred, score, "d1")
    return score.as_dict()


TEXT = "Ann met Bob Smith in Paris."


def test_hand_computed_example() -> None:
    gold = [span(TEXT, "Ann", "PERSON"), span(TEXT, "Bob Smith", "PERSON"), span(TEXT, "Paris", "LOCATION")]
    pred = [span(TEXT, "Ann", "PERSON"), span(TEXT, "Bob", "PERSON"), span(TEXT, "met", "DATE_TIME")]
    r = scored(TEXT, gold, pred)
    # Ann found; Bob Smith 3 of 9 characters covered: not found, not leaked; Paris leaked.
    assert r["labels"]["PERSON"] == {"gold": 2, "entity_recall": 0.5, "leak_rate": 0.0, "token_recall": 0.6667}
    assert r["labels"]["LOCATION"] == {"gold": 1, "entity_recall": 0.0, "leak_rate": 1.0, "token_recall": 0.0}
    overall = r["overall"]
    assert (overall["gold"], overall["entity_recall"], overall["leak_rate"]) == (3, 0.3333, 0.3333)
    assert overall["token_recall"] == 0.5  # Ann, Bob of Ann, Bob, Smith, Paris
    assert (overall["predicted_tokens"], overall["token_precision"]) == (3, 0.6667)  # Ann, met, Bob
    assert r["groups"]["DIRECT"] == {k: overall[k] for k in ("gold", "entity_recall", "leak_rate", "token_recall")}
    by_label = r["precision_by_predicted_label"]
    assert by_label["PERSON"] == {"predicted": 2, "predicted_tokens": 2, "token_precision": 1.0}
    assert by_label["DATE_TIME"] == {"predicted": 1, "predicted_tokens": 1, "token_precision": 0.0}


def test_missed_lists_the_spans_not_found() -> None:
    score = Score()
    gold = [span(TEXT, "Ann", "PERSON"), span(TEXT, "Bob Smith", "PERSON"), span(TEXT, "Paris", "LOCATION")]
    score_document(TEXT, gold, [span(TEXT, "Ann", "PERSON")], score, "d1")
    assert [(d, s.text) for d, s in score.missed] == [("d1", "Bob Smith"), ("d1", "Paris")]


@pytest.mark.parametrize(("covered", "found", "leaked"), [(0, 0, 1), (1, 0, 0), (2, 1, 0), (4, 1, 0)])
def test_half_coverage_is_the_threshold(covered: int, found: int, leaked: int) -> None:
    text = "xx abcd yy"
    gold = [Span(3, 7, "ID", "abcd")]
    pred = [Span(3, 3 + covered, "ID")] if covered else []
    c = scored(text, gold, pred)["labels"]["ID"]
    assert (c["entity_recall"], c["leak_rate"]) == (float(found), float(leaked))


def test_scoring_is_label_agnostic_for_recall() -> None:
    r = scored(TEXT, [span(TEXT, "Paris", "LOCATION")], [span(TEXT, "Paris", "ORGANIZATION")])
    assert r["labels"]["LOCATION"]["entity_recall"] == 1.0
    assert r["overall"]["token_precision"] == 1.0


def test_a_prediction_cutting_a_word_counts_the_whole_word() -> None:
    gold = [span(TEXT, "Bob Smith", "PERSON")]
    pred = [Span(TEXT.index("mith"), TEXT.index("mith") + 2, "PERSON")]  # "mi" of Smith
    r = scored(TEXT, gold, pred)
    assert r["labels"]["PERSON"]["token_recall"] == 0.5
    assert r["precision_by_predicted_label"]["PERSON"]["predicted_tokens"] == 1
    assert r["overall"]["token_precision"] == 1.0


def test_invalid_gold_spans_are_ignored_and_counted() -> None:
    r = scored("short", [Span(2, 2, "PERSON"), Span(3, 99, "PERSON"), Span(0, 5, "PERSON")], [])
    assert r["labels"]["PERSON"]["gold"] == 1
    assert r["invalid_gold_spans"] == 2


def test_no_gold_and_no_predictions_give_none_not_zero() -> None:
    r = scored("Nothing here.", [], [])
    assert r["overall"]["entity_recall"] is None and r["overall"]["token_precision"] is None
    assert r["groups"]["DIRECT"]["gold"] == 0


def test_documents_accumulate() -> None:
    score = Score()
    score_document(TEXT, [span(TEXT, "Ann", "PERSON")], [span(TEXT, "Ann", "PERSON")], score, "a")
    score_document(TEXT, [span(TEXT, "Ann", "PERSON")], [], score, "b")
    r = score.as_dict()
    assert r["documents"] == 2
    assert (r["labels"]["PERSON"]["gold"], r["labels"]["PERSON"]["entity_recall"]) == (2, 0.5)


# ---- the command


def gold_as_predictions(tmp_path: Path, drop_label: str | None = None) -> Path:
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for line in (EXAMPLES / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            spans = [s for s in r["spans"] if s["label"] != drop_label]
            out.write(json.dumps({"id": r["id"], "text": r["text"], "spans": spans}) + "\n")
    return pred


def test_gold_scored_against_itself_is_perfect(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["evaluate", str(EXAMPLES / "gold.jsonl"), "--pred", str(gold_as_predictions(tmp_path)), "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    r = json.loads(result.stdout)
    assert r["documents"] == 10
    assert r["overall"]["entity_recall"] == 1.0 and r["overall"]["leak_rate"] == 0.0
    assert r["overall"]["token_precision"] == 1.0
    assert set(r["labels"]) >= {"PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "AGE", "RARE_DETAIL"}


def test_show_missed_goes_to_stderr_with_a_warning(tmp_path: Path) -> None:
    pred = gold_as_predictions(tmp_path, drop_label="AGE")
    result = CliRunner().invoke(main, ["evaluate", str(EXAMPLES / "gold.jsonl"), "--pred", str(pred), "--show-missed"])
    assert result.exit_code == 0
    gold = [json.loads(line) for line in (EXAMPLES / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    ages = [s["text"] for r in gold for s in r["spans"] if s["label"] == "AGE"]
    missed = [line for line in result.stderr.splitlines() if line.startswith("missed\t")]
    assert [line.split("\t")[-1] for line in missed] == ages
    assert "do not share" in result.stderr
    assert "missed\t" not in result.stdout


def test_evaluate_with_the_detector_matches_scoring_its_scan_output(detector, tmp_path: Path) -> None:
    runner = CliRunner()
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join((EXAMPLES / "gold.jsonl").read_text(encoding="utf-8").splitlines(True)[:3]), "utf-8")
    gold = str(gold)
    scan = runner.invoke(main, ["scan", gold, "--format", "jsonl", "--quiet"])
    assert scan.exit_code == 0, scan.stderr
    pred = tmp_path / "scan.jsonl"
    pred.write_text(scan.stdout, encoding="utf-8")
    direct = runner.invoke(main, ["evaluate", gold, "--format", "json", "--quiet"])
    via_pred = runner.invoke(main, ["evaluate", gold, "--pred", str(pred), "--format", "json"])
    assert direct.exit_code == via_pred.exit_code == 0
    assert json.loads(direct.stdout) == json.loads(via_pred.stdout)


def test_bad_prediction_file_is_a_usage_error(tmp_path: Path) -> None:
    pred = tmp_path / "p.jsonl"
    pred.write_text('{"id": "EX01", "spans": []}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(EXAMPLES / "gold.jsonl"), "--pred", str(pred)])
    assert result.exit_code == 2
    assert "line 2" in result.stderr and "Traceback" not in result.output


def test_gold_must_be_jsonl() -> None:
    result = CliRunner().invoke(main, ["evaluate", str(EXAMPLES / "diaries" / "diary-01.txt")])
    assert result.exit_code == 2 and "must be an existing .jsonl" in result.stderr


def test_a_bad_gold_line_is_named_and_the_rest_is_scored(tmp_path: Path) -> None:
    lines = (EXAMPLES / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join([lines[0], '{"id": "broken", "text": "Zebulon', lines[1]]) + "\n", encoding="utf-8")
    pred = gold_as_predictions(tmp_path)
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--pred", str(pred), "--format", "json"])
    assert result.exit_code == 1
    assert str(gold) in result.stderr and "line 2" in result.stderr and "Zebulon" not in result.stderr
    assert json.loads(result.stdout)["documents"] == 2


def test_a_gold_span_whose_text_is_not_the_records_text_there_is_named_not_quoted(tmp_path: Path) -> None:
    record = {"id": "m1", "text": "Rang Zebulon at noon.", "spans": [{"start": 5, "end": 12, "label": "PERSON"}]}
    record["spans"][0]["text"] = "Quentin"  # seven letters, but not what stands there
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--pred", str(gold), "--format", "json"])
    assert result.exit_code == 1
    assert str(gold) in result.stderr and "offsets" in result.stderr
    assert "Zebulon" not in result.stderr and "Quentin" not in result.stderr


def test_show_false_lists_whole_and_boundary_false_words_on_stderr(tmp_path: Path) -> None:
    """One prediction runs past a gold name ("Mr"), one is false as a whole ("Tuesday"); the right one is
    not listed."""
    text = "Mr Bob Smith met Ann on Tuesday."
    gold = tmp_path / "gold.jsonl"
    record = {"id": "d1", "text": text, "spans": [{"start": 3, "end": 12, "label": "PERSON", "text": "Bob Smith"}]}
    record["spans"].append({"start": 17, "end": 20, "label": "PERSON", "text": "Ann"})
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    spans = [
        {"start": 0, "end": 12, "label": "PERSON", "text": "Mr Bob Smith", "detector": "names"},
        {"start": 17, "end": 20, "label": "PERSON", "text": "Ann", "detector": "names"},
        {"start": 24, "end": 31, "label": "ORGANIZATION", "text": "Tuesday", "detector": "SpacyRecognizer"},
    ]
    pred.write_text(json.dumps({"id": "d1", "text": text, "spans": spans}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--pred", str(pred), "--show-false"])
    assert result.exit_code == 0, result.output
    false = [line.split("\t") for line in result.stderr.splitlines() if line.startswith("false\t")]
    assert false == [
        ["false", "d1", "0-12", "PERSON", "names", "boundary", "Mr", "Mr Bob Smith"],
        ["false", "d1", "24-31", "ORGANIZATION", "SpacyRecognizer", "whole", "Tuesday", "Tuesday"],
    ]
    assert "do not share" in result.stderr and "false\t" not in result.stdout
