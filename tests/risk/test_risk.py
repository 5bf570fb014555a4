"""Risk checks on small fictional fixtures: each kind of finding names the right source, common content passes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import QDA
from qualdeid.corpus import Document, Span
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import EXIT_FAIL, EXIT_PASS, EXIT_WARN, RiskChecker, load_risk_config
from qualdeid.risk.identifiers import IdentifierIndex, index_corpus
from qualdeid.risk.report import render_html, render_json, render_table

DIARIES = QDA / "diaries.jsonl"


@pytest.fixture(scope="module")
def checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, Corpus([DIARIES]), key_identifiers=[("Quillon Vasquez", "PERSON")])


def _source_text(doc_id: str) -> str:
    for line in DIARIES.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] == doc_id:
            return rec["text"]
    raise KeyError(doc_id)


def _check(checker: RiskChecker, *texts: str):
    return checker.check([Document(f"t{i}", t) for i, t in enumerate(texts, 1)])


def test_common_content_over_k_sources_passes(checker: RiskChecker) -> None:
    # every sentence is found in three or more of the diaries
    report = _check(checker, "We went for a walk. She felt listened to. Small things like a walk can build trust.")
    assert report.findings == []
    assert report.exit_code == EXIT_PASS


def test_real_name_is_a_failure_naming_its_source(checker: RiskChecker) -> None:
    text = "It was raining.\nWe sat with Leila's friend in the garden."
    report = _check(checker, text)
    (f,) = [f for f in report.findings if f.check == "residual_identifier"]
    assert f.severity == "fail" and f.sources == ["A02"]
    assert text[f.start : f.end] == "Leila's" and (f.line, f.column) == (2, 13)
    assert report.exit_code == EXIT_FAIL


def test_every_key_value_and_its_parts(checker: RiskChecker) -> None:
    report = _check(checker, "Later Vasquez came by.")
    (f,) = [f for f in report.findings if f.check == "residual_identifier"]
    assert f.matched == "Vasquez" and f.sources == ["key"]


def test_name_that_is_a_common_word_only_with_its_capital() -> None:
    index = IdentifierIndex()
    index.add("Dr Hope Marsh's", "PERSON", "d1")
    assert index.find("I hope it rains.") == []
    (hit,) = index.find("We talked. Later Hope laughed.")
    assert hit.certain and hit.sources == ("d1",)
    (hit,) = index.find("It rained. Hope came in.")  # sentence start: could be the word
    assert not hit.certain
    (hit,) = index.find("marsh's garden")  # not a common word: any case, possessive kept
    assert (hit.start, hit.end) == (0, 7)


def test_listed_word_names_keep_their_case_other_names_match_any_case() -> None:
    index = IdentifierIndex(word_names={"hope", "will"})
    index.add("Phil", "PERSON", "d1")  # a frequent word by count, but only ever a name
    index.add("Will", "PERSON", "d2")
    assert [h.sources for h in index.find("and phil isnt wrong")] == [("d1",)]
    assert index.find("it will rain") == []


def test_short_forms_the_corpus_uses() -> None:
    docs = [Document("d1", "Declan Frost arrived. Later dec cooked."), Document("d2", "Dec was there.")]
    docs[0].spans = [Span(0, 12, "PERSON")]
    index = index_corpus(docs)
    assert [h.sources for h in index.find("then dec left")] == [("d1",)]


def test_rare_detail_from_one_source(checker: RiskChecker) -> None:
    report = _check(checker, "At the weekend the resident played the bagpipes for the group.")
    rare = [f for f in report.findings if f.check == "rare_detail"]
    assert rare and all(f.sources == ["A02"] for f in rare)
    assert any("bagpipes" in f.matched for f in rare)
    assert report.exit_code == EXIT_WARN
    assert "generalise" in rare[0].suggestion


def test_long_verbatim_passage_from_one_source(checker: RiskChecker) -> None:
    source = _source_text("A03")
    passage = source[source.index("We made a cup") : source.index("on the lake.") + len("on the lake.")]
    report = _check(checker, "This is how one worker put it. " + passage)
    verbatim = [f for f in report.findings if f.check == "verbatim"]
    assert [f.sources for f in verbatim] == [["A03"]]
    assert len(verbatim[0].matched.split()) >= load_risk_config().run_warn


def test_reports_quote_only_the_text(checker: RiskChecker) -> None:
    report = _check(checker, "We sat with <Leila> & friends.")
    as_json = render_json(report)
    assert json.loads(as_json)["status"] == "fail"
    # the corpus knows Leila's surname; the report must not tell it
    for rendered in (as_json, render_html(report), render_table(report)):
        assert "Haddad" not in rendered
    page = render_html(report)
    assert "<Leila>" not in page and "&lt;" in page and "<mark" in page
    assert not re.search(r"<script", page)


def test_unreadable_text_fails(checker: RiskChecker, tmp_path: Path) -> None:
    bad = tmp_path / "v.md"
    bad.write_bytes(b"\xff\xfe\x00\x00broken")
    report = checker.check(Corpus([bad]))
    assert report.exit_code == EXIT_FAIL and report.findings[0].check == "input_error"


def test_a_lexicon_word_is_a_detail_as_a_noun_not_as_a_verb(detector) -> None:
    docs = [
        Document("d1", "Before he retired Amos Telford was a judge, and he still reads the law reports."),
        Document("d2", "We went for a walk to the shops and had a cup of tea."),
        Document("d3", "She felt listened to and we had a cup of tea."),
    ]
    checker = RiskChecker(load_risk_config(), detector, docs)
    noun = [f for f in _check(checker, "He used to be a judge.").findings if f.check == "rare_detail"]
    assert [f.sources for f in noun] == [["d1"]]
    verb = [f for f in _check(checker, "Some of them felt judged by the staff.").findings if f.check == "rare_detail"]
    assert verb == []
