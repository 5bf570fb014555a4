"""The methods paragraph says what the inputs show, and nothing they do not."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from qualdeid.report.methods import methods_markdown
from qualdeid.report.model import (
    Composite,
    DocumentRow,
    Evaluation,
    Rate,
    Report,
    ReviewFlag,
    ReviewRecord,
    RiskRun,
    RiskText,
    Scrub,
    Versions,
)
from qualdeid.report.wording import load_wording

POLICY = {
    "PERSON": "pseudonym",
    "LOCATION": "pseudonym",
    "ORGANIZATION": "pseudonym",
    "DATE_TIME": "shift",
    "AGE": "band",
    "CONTACT": "placeholder",
    "ID": "placeholder",
    "RARE_DETAIL": "flag",
}


@pytest.fixture(scope="module")
def words() -> dict[str, dict[str, str]]:
    return load_wording()


def scrub(**changes) -> Scrub:
    docs = tuple(
        DocumentRow(f"d{i}.txt", f"d{i}.txt", {"PERSON": 4, "AGE": 1}, {"RARE_DETAIL": 1} if i < 2 else {}, ())
        for i in range(5)
    )
    base = Scrub(
        source="qualdeid-audit.json",
        created="2026-05-14T10:00:00+00:00",
        locale="en_GB",
        policy=POLICY,
        documents=docs,
        replaced={"PERSON": 20, "AGE": 5},
        kept={"RARE_DETAIL": 2},
        review_flags=(),
        failed=0,
        errors=(),
        rare_kept_documents=2,
    )
    return replace(base, **changes)


def report(words, **changes) -> Report:
    base = Report(
        scrub=scrub(),
        versions=Versions({"qualdeid": "1.2.0", "spaCy": "3.8.1", "Presidio Analyzer": "2.2.366"}, recorded=True),
        made=dt.date(2026, 6, 1),
        words=words,
    )
    return replace(base, **changes)


def evaluation(gold: int, found: int, leaked: int) -> Evaluation:
    rate = Rate(gold, found / gold, leaked / gold, 0.97)
    return Evaluation("e.json", 8, {"PERSON": rate, "AGE": Rate(6, 5 / 6, 0.0)}, rate, Rate(gold + 6, 0.9, 0.02), 0.91)


def test_what_was_done_from_the_audit(words) -> None:
    text = methods_markdown(report(words))
    assert text.startswith("The corpus of 5 documents (5 .txt files) was de-identified with qualdeid 1.2.0")
    assert "on 14 May 2026" in text and "spaCy 3.8.1" in text and "Presidio 2.2.366" in text
    assert "versions as installed" not in text  # these were recorded by the run
    found = "27 identifying mentions (each occurrence counted): 20 names of people, 5 ages and 2 rare personal details."
    assert f"The tool found {found}" in text
    assert "names of people, places and organisations were replaced by invented ones" in text
    assert "ages were reduced to bands" in text and "In all, 25 identifiers were replaced" in text
    assert (
        "identification numbers were replaced by a bracketed placeholder naming their kind ([CONTACT] or [ID-2])"
        in text
    )
    assert "In 2 documents, 2 rare personal details were kept as written and flagged" in text


def test_without_an_evaluation_it_says_so_and_recommends_one(words) -> None:
    text = methods_markdown(report(words))
    assert "Detection accuracy was not measured on these data." in text
    assert "We recommend annotating a sample of the documents by hand" in text
    assert not re.search(r"recall|confidence|\d+(\.\d+)?%", text)  # no figure that was not measured
    assert "risk" not in text and "composite" not in text and "question" not in text


def test_measured_recall_and_leak_with_sample_size_and_interval(words) -> None:
    text = methods_markdown(report(words, evaluation=evaluation(40, 38, 1)))
    assert "Detection was measured on a sample of 8 documents annotated by hand (46 identifiers marked)." in text
    assert "Of the 40 direct identifiers" in text
    assert "38 were found (95%; 95% confidence interval 83.5–98.6%), and 1 (2.5%) was missed entirely." in text
    assert "the tool found 5 of 6 ages" in text
    assert "Of the words it marked, 91% were inside a hand-marked identifier." in text
    assert "not measured" not in text
    perfect = methods_markdown(report(words, evaluation=evaluation(40, 40, 0)))
    assert "40 were found (100%; 95% confidence interval 91.2–100%), and none was missed entirely." in perfect


def test_risk_results_as_reported(words) -> None:
    texts = (RiskText("v1.md", 210), RiskText("v2.md", 190))
    passed = RiskRun("risk.json", "pass", 3, 30, texts, {})
    failed = RiskRun("r.json", "fail", 3, 30, texts, {("residual_identifier", "fail"): 1, ("verbatim", "warn"): 2})
    text = methods_markdown(report(words, risks=(passed,)))
    assert (
        "Before publication, 2 texts (400 words) were checked for re-identification risk against the 30 source "
        "documents, a detail counting as traceable when found in fewer than 3 of them: no finding was reported."
    ) in text
    text = methods_markdown(report(words, risks=(failed,)))
    assert "1 failure (residual identifiers: 1) and 2 warnings (verbatim passages: 2) were reported." in text
    assert "no residual identifier" not in text


def test_composites_with_what_their_provenance_records(words) -> None:
    c = Composite("v.md.provenance.json", ("coping",), 3, 3, 0.5, 0.41, "account", None, 250)
    text = methods_markdown(report(words, composites=(c,)))
    assert (
        "A composite vignette on the theme coping was drafted from 3 accounts, no account supplying more than "
        "50% of its words (largest share 41%)."
    ) in text
    assert "distinct" not in text  # the number of people is not recorded in this provenance
    text = methods_markdown(report(words, composites=(replace(c, subjects=3, share_of="person"),)))
    assert "drafted from 3 accounts about 3 distinct people, no one person's accounts supplying more than 50%" in text


def test_review_flags_and_decisions(words) -> None:
    flags = (ReviewFlag("ambiguous_surname", ("d1.txt",), "x"), ReviewFlag("surname_shared", (), "y", True))
    decided = {"keep": {"PERSON": 2}, "replace": {"PERSON": 3}, "added": {"LOCATION": 1}}
    review = ReviewRecord("rules", decided, 1, None, 2, 3, 0)
    text = methods_markdown(
        report(words, scrub=scrub(review_flags=flags, review_decisions={"applied": 4}), review=review)
    )
    assert "The tool flagged 2 questions of identity" in text and "of which 1 was resolved" in text
    assert "The de-identification applied 4 decisions the researchers made in review." in text
    assert (
        "The researchers' review recorded 2 detections judged not identifying, 3 detections confirmed as "
        "identifying, 1 identifier added by hand, "
        "1 decision about who is who, 2 reviewed generalisations and 3 known names always replaced."
    ) in text


def test_versions_not_recorded_are_said_to_be_the_installed_ones(words) -> None:
    text = methods_markdown(report(words, versions=Versions({"qualdeid": "1.2.0", "spaCy": "3.8.1"}, False)))
    assert "versions as installed when this text was generated" in text


def test_a_project_can_change_the_wording(tmp_path: Path) -> None:
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "wording.yaml").write_text(
        "actions:\n  band: replaced by ten-year age groups\n", encoding="utf-8"
    )
    words = load_wording([tmp_path])
    assert words["actions"]["band"] == "replaced by ten-year age groups"
    assert words["actions"]["shift"].startswith("moved by one secret number of days")  # others kept
    assert "ages were replaced by ten-year age groups" in methods_markdown(report(words))


@pytest.mark.parametrize(
    ("failed", "sentence"),
    [(1, "1 input could not be read and was not included."), (3, "3 inputs could not be read and were not included.")],
)
def test_inputs_that_could_not_be_read_are_counted_in_agreement(words, failed: int, sentence: str) -> None:
    text = methods_markdown(report(words, scrub=scrub(failed=failed, errors=("x",) * failed)))
    assert sentence in text
