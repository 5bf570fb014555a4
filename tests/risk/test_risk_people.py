"""Linked by person: findings and words that only one person's accounts use point to that person,
k is counted by person (several diaries about one resident are one source), and the workers who
wrote the diaries are people too.

Fixture: tests/fixtures/risk_people.jsonl (invented): eight diaries by three workers (W1-W3) about
three residents: Ivo (P01-P03, a chain ferry, a tortoise, marmalade), Roz (P04-P05, crosswords) and
Teodor (P06-P07); P08 names nobody. W2 disclosed a night job in a call centre (P02).
"""

from __future__ import annotations

import pytest

from helpers import FIXTURES
from qualdeid.corpus import Document
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import EXIT_PASS, RiskChecker, load_risk_config

CORPUS = FIXTURES / "risk_people.jsonl"
IVO = ["P01", "P02", "P03"]
W2 = ["P02", "P05", "P07"]


@pytest.fixture(scope="module")
def checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, Corpus([CORPUS]))


def _check(checker: RiskChecker, text: str):
    return checker.check([Document("passage", text)])


def _linked(report) -> list:
    return [f for f in report.findings if f.check == "subject_linkage"]


def test_a_paraphrased_story_points_to_its_person(checker: RiskChecker) -> None:
    story = (
        "A man who spent three decades running a cable-drawn boat over a river mouth now lives at the house. "
        "He keeps an old tortoise beside his bed, makes marmalade from oranges his daughter posts from abroad, "
        "and recently broke his wrist falling from a ladder in the shed."
    )
    (link,) = _linked(_check(checker, story))
    assert link.sources == IVO and link.severity == "warn"
    (person,) = link.people
    assert checker.profile.sources[person].role == "subject"
    assert "resident" in link.message and "P01, P02, P03" in link.message
    assert link.ranges  # every word that points there is marked


def test_a_generic_passage_stays_quiet(checker: RiskChecker) -> None:
    report = _check(
        checker, "Over tea, going slowly and listening helped most. A short walk together can build trust over time."
    )
    assert report.findings == [] and report.exit_code == EXIT_PASS


def test_a_workers_self_disclosure_is_checked_against_their_diaries(checker: RiskChecker) -> None:
    report = _check(
        checker,
        "One worker described working nights answering phones in a call centre, where a first panic "
        "attack came on while wearing a headset.",
    )
    (link,) = _linked(report)
    assert link.sources == W2 and checker.profile.sources[link.people[0]].role == "worker"
    assert "worker" in link.message


def test_k_is_counted_by_person_not_by_document(checker: RiskChecker) -> None:
    # "tortoise" is in three diaries, all about Ivo: one person, so traceable with k = 3
    (rare,) = [f for f in _check(checker, "He still talks about the tortoise.").findings if f.check == "rare_detail"]
    assert rare.sources == IVO and rare.k == 1 and len(rare.people) == 1
    assert "one person" in rare.message


def test_findings_carry_the_people_they_point_to_and_the_report_counts_them(checker: RiskChecker) -> None:
    report = _check(checker, "She set cryptic crosswords and sang bass in a barbershop quartet.")
    by_person = report.counts_by_person()
    assert by_person and all(p in checker.profile.sources for p in by_person)
    roz = [p for p, s in checker.profile.sources.items() if s.documents == ("P04", "P05")]
    assert roz and roz[0] in by_person
    as_dict = report.to_dict()
    assert as_dict["summary"]["by_person"] == by_person and roz[0] in as_dict["people"]
    assert as_dict["people"][roz[0]] == {"role": "subject", "documents": ["P04", "P05"]}


def test_one_detail_paraphrased_points_to_its_person_through_its_sentence(checker: RiskChecker) -> None:
    # two uncommon words of one sentence of Roz's diaries: too few to add up by themselves, but
    # together in one sentence of the text and one of hers
    report = _check(
        checker, "In the lounge she mentioned that she once wrote crosswords for a paper, a newspaper in fact."
    )
    (link,) = _linked(report)
    assert link.sources == ["P04", "P05"] and "one sentence shares" in link.message
    assert _linked(_check(checker, "She read the newspaper in the lounge.")) == []


@pytest.mark.parametrize(
    ("text", "name", "acts"),
    [
        # the pronoun is the subject and the name only stands by: the sentence is about the one named before
        ("Before she left she asked Quillan and me to help her write a card.", "Quillan", True),
        ("He handed Quillan the keys.", "Quillan", True),
        # the name is the subject: the sentence is about them
        ("Quillan said she would phone later.", "Quillan", False),
        ("Quillan told her the ferry ran early.", "Quillan", False),
    ],
)
def test_a_pronoun_acting_beside_a_name_standing_by_is_someone_named_before(
    checker: RiskChecker, text: str, name: str, acts: bool
) -> None:
    from qualdeid.risk.analysis import analyse
    from qualdeid.risk.corpus import _pronoun_acts

    (a,) = analyse(checker.detector.nlp, [("t", text)], None)
    start = text.index(name)
    assert _pronoun_acts(a.tokens, [(start, start + len(name))]) is acts
