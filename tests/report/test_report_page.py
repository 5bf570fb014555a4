"""The page from a report model: what an input records is shown, what it does not is said to be missing."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import replace

import pytest

from qualdeid.report.model import DocumentRow, Report, ReviewFlag, RiskRun, RiskText, Scrub, Versions
from qualdeid.report.page import render_html
from qualdeid.report.wording import load_wording


@pytest.fixture(scope="module")
def base() -> Report:
    docs = (
        DocumentRow("a.docx", "a.docx", {"PERSON": 2}, {}, (), ("body", "header")),
        DocumentRow("b.docx", "b.docx", {"PERSON": 1, "ID": 1}, {}, (), ("body",)),
        DocumentRow("r1", "notes.csv", {}, {"RARE_DETAIL": 1}, (), ("text", "site")),
    )
    scrub = Scrub(
        source="qualdeid-audit.json",
        created="2026-02-01T08:00:00+00:00",
        locale=None,
        policy={"PERSON": "pseudonym", "ID": "placeholder", "RARE_DETAIL": "flag"},
        documents=docs,
        replaced={"PERSON": 3, "ID": 1},
        kept={"RARE_DETAIL": 1},
        review_flags=(),
        failed=0,
        errors=(),
        rare_kept_documents=1,
    )
    return Report(scrub, Versions({"qualdeid": "1.0"}, True), dt.date(2026, 2, 3), words=load_wording())


def text_of(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_what_of_each_file_was_read(base: Report) -> None:
    page = text_of(render_html(base))
    assert ".docx Word document body, header (1) 2 2" in page  # header read in one of the two
    assert ".csv CSV table, one record per row site, text 1 1" in page
    no_parts = replace(base.scrub, documents=tuple(replace(d, parts=None) for d in base.scrub.documents))
    page = text_of(render_html(replace(base, scrub=no_parts)))
    assert "Not recorded: this audit does not say which parts of each file" in page
    assert "What was read and searched" not in page


def test_flags_and_their_status(base: Report) -> None:
    flags = (
        ReviewFlag("ambiguous_surname", ("a.docx",), "a surname fits 2 people"),
        ReviewFlag("surname_shared", ("b.docx",), "kept apart", resolved=True),
        ReviewFlag("a_kind_not_known_yet", (), "something new"),
    )
    page = text_of(render_html(replace(base, scrub=replace(base.scrub, review_flags=flags))))
    assert "1 a surname that fits more than one person (kept as a separate person)" in page
    assert "a.docx Open when scrubbed" in page and "b.docx Resolved" in page
    assert "3 a question about who is who, left for the researchers something new — Open when scrubbed" in page
    assert "3 questions of identity were flagged, 2 of them open" in page


def test_what_was_not_given_is_said_and_how_to_make_it(base: Report) -> None:
    page = text_of(render_html(base))
    assert "Detection accuracy was not measured on these data." in page
    assert "qualdeid evaluate sample-annotated.jsonl --format json > detection-report.json" in page
    assert "No re-identification check of the texts to be published was given to this report." in page
    assert "No project rules folder was given to this report" in page
    assert "Composite vignettes" not in page  # no section for what was not done at all
    assert render_html(base).count("<svg") == 1  # the replacements chart; no recall chart without a sample


def test_risk_checks_in_words_with_the_runs_k(base: Report) -> None:
    run = RiskRun("risk.json", "warn", 4, 25, (RiskText("v.md", 300),), {("combination", "warn"): 2})
    page = text_of(render_html(replace(base, risks=(run,))))
    assert "risk.json Warnings only" in page
    assert "combination ordinary details (age band, role, family, place type...) that together fit fewer " in page
    assert "than 4 source documents · 2" in page
    assert "gave warnings only" in page
    assert "point to" not in page  # this risk report records no people
    run = replace(run, by_person=(("P4", "subject", 2),))
    page = text_of(render_html(replace(base, risks=(run,))))
    assert (
        "The findings point to 1 person of the source documents (ids of the risk check, not names): P4 (subject): 2."
        in page
    )
