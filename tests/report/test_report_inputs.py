"""Reading the report's inputs: what each file records is taken, what it does not is None, a wrong file
is named with how to make the right one, and text that could quote the data is never read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualdeid.report.inputs import (
    ReportInputError,
    read_audit,
    read_composite,
    read_evaluation,
    read_review,
    read_risk,
)

AUDIT = {
    "tool": "qualdeid scrub",
    "created": "2026-03-02T09:00:00+00:00",
    "locale": "en_NZ",
    "policy": {"PERSON": "pseudonym", "AGE": "band", "RARE_DETAIL": "flag"},
    "summary": {
        "documents_written": 3,
        "inputs_failed": 1,
        "replaced": {"PERSON": 5, "AGE": 1},
        "kept": {"RARE_DETAIL": 2},
        "review_flags": 1,
        "documents_with_rare_details_kept": 2,
    },
    "review": [{"kind": "ambiguous_surname", "documents": ["b.txt"], "detail": "a surname fits 2 people"}],
    "documents": [
        {"id": "a.txt", "file": "a.txt", "replaced": {"PERSON": 3}, "kept": {"RARE_DETAIL": 1}, "flags": []},
        {"id": "r1", "file": "notes.jsonl", "replaced": {"PERSON": 2, "AGE": 1}, "kept": {}, "flags": []},
        {"id": "r2", "file": "notes.jsonl", "replaced": {}, "kept": {"RARE_DETAIL": 1}, "flags": []},
    ],
    "errors": ["broken.docx: not a Word document; re-save it from Word"],
}


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_audit_gives_counts_formats_and_flags(tmp_path: Path) -> None:
    s = read_audit(write(tmp_path / "qualdeid-audit.json", AUDIT))
    assert s.source == "qualdeid-audit.json" and s.locale == "en_NZ"
    assert s.replaced == {"PERSON": 5, "AGE": 1} and s.kept == {"RARE_DETAIL": 2}
    assert s.formats == [(".jsonl", 2, 1), (".txt", 1, 1)] and s.files == 2
    assert s.failed == 1 and s.errors == ("broken.docx: not a Word document; re-save it from Word",)
    (flag,) = s.review_flags
    assert flag.kind == "ambiguous_surname" and flag.documents == ("b.txt",) and flag.resolved is None
    assert s.open_flags == 1
    # not recorded by this audit: said so, not invented
    assert s.versions is None and s.review_decisions is None and not s.parts_recorded


def test_an_audit_folder_is_read_and_fields_added_later_are_used(tmp_path: Path) -> None:
    later = json.loads(json.dumps(AUDIT))
    later["versions"] = {"qualdeid": "9.9"}
    later["summary"]["review_decisions"] = {"applied": 4, "stale": 1}
    later["review"][0]["resolved"] = True
    later["documents"][0]["read"] = ["body", "header"]
    write(tmp_path / "qualdeid-audit.json", later)
    s = read_audit(tmp_path)  # the scrub output folder
    assert s.versions == {"qualdeid": "9.9"} and s.review_decisions == {"applied": 4, "stale": 1}
    assert s.review_flags[0].resolved is True and s.open_flags == 0
    assert s.documents[0].parts == ("body", "header") and s.parts_recorded


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("{ not json", "is not JSON"),
        ('["a list"]', "is not a scrub audit"),
        ('{"tool": "qualdeid compose", "summary": {}, "documents": []}', "is not a qualdeid scrub audit"),
    ],
)
def test_a_wrong_audit_is_named_with_what_to_do(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "audit.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ReportInputError) as e:
        read_audit(path)
    assert str(e.value).startswith(f"{path}: ") and message in str(e.value)
    assert "qualdeid scrub" in str(e.value)


def test_an_evaluation_gives_rates_and_counts(tmp_path: Path) -> None:
    data = {
        "documents": 12,
        "labels": {
            "PERSON": {"gold": 40, "entity_recall": 0.95, "leak_rate": 0.025, "token_recall": 0.96},
            "RARE_DETAIL": {"gold": 0, "entity_recall": None, "leak_rate": None, "token_recall": None},
        },
        "groups": {"DIRECT": {"gold": 40, "entity_recall": 0.95, "leak_rate": 0.025, "token_recall": 0.96}},
        "overall": {"gold": 40, "entity_recall": 0.95, "leak_rate": 0.025, "token_precision": 0.9},
    }
    ev = read_evaluation(write(tmp_path / "e.json", data))
    person = ev.labels["PERSON"]
    assert (ev.documents, ev.gold, ev.token_precision) == (12, 40, 0.9)
    assert (person.found, person.leaked, person.partly) == (38, 1, 1)
    lo, hi = person.recall_interval
    assert 0.83 < lo < 0.84 and 0.98 < hi < 0.99  # Wilson 95% for 38 of 40
    assert ev.labels["RARE_DETAIL"].recall is None and ev.labels["RARE_DETAIL"].recall_interval is None
    with pytest.raises(ReportInputError, match="qualdeid evaluate"):
        read_evaluation(write(tmp_path / "audit.json", AUDIT))


def test_a_risk_report_is_counted_by_check_and_severity_and_its_text_is_not_kept(tmp_path: Path) -> None:
    finding = {"check": "rare_detail", "severity": "warn", "matched": "kept bees on the roof", "message": "m"}
    data = {
        "status": "fail",
        "sources_k": 3,
        "corpus_documents": 20,
        "texts": [{"id": "v1.md", "words": 200}, {"id": "v2.md", "words": 150}],
        "findings": [finding, finding, {"check": "residual_identifier", "severity": "fail", "matched": "Quillon"}],
    }
    run = read_risk(write(tmp_path / "risk.json", data))
    assert run.findings == {("rare_detail", "warn"): 2, ("residual_identifier", "fail"): 1}
    assert run.count("warn") == 2 and run.count("fail", "residual_identifier") == 1 and run.words == 350
    assert "bees" not in repr(run) and "Quillon" not in repr(run)
    assert run.by_person is None  # not recorded by this risk report
    data["summary"] = {"by_check": {"rare_detail": 2}, "by_person": {"P2": 1, "P7": 3}}
    data["people"] = {"P7": {"role": "subject", "documents": ["d3", "d9"]}}
    assert read_risk(write(tmp_path / "r2.json", data)).by_person == (("P7", "subject", 3), ("P2", None, 1))
    with pytest.raises(ReportInputError, match="qualdeid risk"):
        read_risk(write(tmp_path / "other.json", {"status": "ok"}))


def test_a_provenance_record_gives_only_its_numbers(tmp_path: Path) -> None:
    data = {
        "themes": ["coping"],
        "sources_required": 3,
        "target_words": 250,
        "max_share_allowed": 0.5,
        "fragments": [{"document": "d7", "start": 10, "end": 90, "source": "Quillon's diary"}],
        "share_of_words": {"d7": 0.45, "d2": 0.3, "d9": 0.25},
    }
    c = read_composite(write(tmp_path / "v.md.provenance.json", data))
    assert (c.accounts, c.share_cap, c.largest_share, c.share_of, c.sources_required) == (3, 0.5, 0.45, "account", 3)
    assert c.subjects is None and c.draft == "v.md" and c.themes == ("coping",)
    assert "Quillon" not in repr(c) and "d7" not in repr(c)
    # a record that knows the people: shares by subject, the words of no known subject under ""
    data.pop("share_of_words")
    data["share_of_words_by_document"] = {"d7": 0.45, "d2": 0.3, "d9": 0.25}
    data["share_of_words_by_subject"] = {"P1": 0.45, "P4": 0.3, "": 0.25}
    c = read_composite(write(tmp_path / "w.json", data))
    assert (c.accounts, c.subjects, c.largest_share, c.share_of) == (3, 2, 0.45, "person")
    with pytest.raises(ReportInputError, match="qualdeid compose"):
        read_composite(write(tmp_path / "x.json", {"status": "pass"}))


def test_a_rules_folder_is_counted_not_quoted(tmp_path: Path) -> None:
    (tmp_path / "decisions.yaml").write_text(
        "occurrences:\n"
        "  - {doc: a, text: Quillon, decision: keep, decided: '2026-01-02T00:00:00+00:00'}\n"
        "  - {doc: a, text: Brackwater, decision: replace, label: LOCATION, decided: '2026-02-03T00:00:00+00:00'}\n"
        "  - {doc: b, text: Osterly, decision: replace, label: PERSON, added: true}\n",
        encoding="utf-8",
    )
    (tmp_path / "generalise.yaml").write_text("generalisations:\n  - {match: hives, replace: a hobby}\n", "utf-8")
    (tmp_path / "allow.txt").write_text("# words\nRecovery Star\n!Old Entry\n\n", encoding="utf-8")
    r = read_review(tmp_path)
    assert r.decisions == {"added": {"PERSON": 1}, "keep": {"unlabelled": 1}, "replace": {"LOCATION": 1}}
    assert r.total_decisions == 3 and r.latest_decision == "2026-02-03T00:00:00+00:00"
    assert (r.generalisations, r.allow_entries, r.deny_entries, r.identity_decisions) == (1, 1, 0, 0)
    for text in ("Quillon", "Brackwater", "Osterly", "hives", "Recovery"):
        assert text not in repr(r)


def test_a_broken_rules_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "decisions.yaml").write_text("occurrences: [unclosed\n", encoding="utf-8")
    with pytest.raises(ReportInputError, match=r"decisions\.yaml: cannot be read as YAML"):
        read_review(tmp_path)
    with pytest.raises(ReportInputError, match="is not a folder"):
        read_review(tmp_path / "decisions.yaml")
