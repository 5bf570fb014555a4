"""Similarity of a text to each person's accounts (BM25 over lemmas and synonym classes), calibrated
on windows of the corpus that are not about that person, and the rule that words alone link a text
to a person only when one of them names a detail of a life.

Fixture: tests/fixtures/risk_people.jsonl (invented; see test_risk_people.py).
"""

from __future__ import annotations

import math

import pytest

from helpers import FIXTURES
from qualdeid.corpus import Document
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import RiskChecker, load_risk_config
from qualdeid.risk.analysis import analyse
from qualdeid.risk.checks import Finding, _merge_duplicates
from qualdeid.risk.similarity import AccountIndex

CORPUS = FIXTURES / "risk_people.jsonl"
IVO = ("P01", "P02", "P03")
TEODOR = ("P06", "P07")


@pytest.fixture(scope="module")
def checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, Corpus([CORPUS]))


@pytest.fixture(scope="module")
def index(checker: RiskChecker) -> AccountIndex:
    assert checker.linker.index is not None
    return checker.linker.index


def _analysed(checker: RiskChecker, text: str):
    return analyse(checker.detector.nlp, [("t", text)], checker.profile.synonyms)[0]


def _person(checker: RiskChecker, documents: tuple[str, ...]) -> str:
    (pid,) = [p for p, s in checker.profile.sources.items() if s.documents == documents]
    return pid


def test_a_paraphrase_in_other_words_matches_its_person_above_the_threshold(checker, index) -> None:
    # no run of words from the diaries: "reptile" is not there, "mother" stands for nobody's "mum"
    text = "An old man who had worked a river ferry for decades kept a pet tortoise and made marmalade."
    (best, *_) = index.match(_analysed(checker, text))
    assert best.person == _person(checker, IVO)
    assert best.z >= best.threshold and best.linked
    assert {t.text for t in best.tokens} >= {"ferry", "tortoise", "marmalade"}


def test_synonyms_count_as_the_same_word(checker, index) -> None:
    # the corpus has "bandoneon" and "album"; the text writes "mum" where nobody wrote "mother"
    plain = index.scores(["bandoneon"])
    assert max(plain, key=plain.get) == _person(checker, TEODOR)
    mum = _analysed(checker, "Her mum visited.")
    mother = _analysed(checker, "Her mother visited.")
    assert {t.norm for t in mum.tokens if t.content} == {t.norm for t in mother.tokens if t.content}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("He has PTSD.", "He has post-traumatic stress disorder."),  # a condition by its initialism
        ("She lives with OCD.", "She lives with obsessive-compulsive disorder."),
        ("He reached the nationals.", "He reached the national championships."),  # as players call it
        ("She picked up her script.", "She picked up her prescription."),  # a clipped name
        ("Her mammy visited.", "Her mother visited."),
    ],
)
def test_names_of_one_thing_count_as_the_same_word(checker, one: str, other: str) -> None:
    def classes(text: str) -> set[str]:
        return {t.norm for t in _analysed(checker, text).tokens if t.content}

    # a variant of several words is read as its class from its first word on
    assert classes(one) <= classes(other)


def test_a_generic_passage_scores_far_below_a_paraphrase(checker, index) -> None:
    generic = "We had a cup of tea in the kitchen and went for a walk to the shops. Listening helped."
    story = "An old man who had worked a river ferry for decades kept a pet tortoise and made marmalade."
    top = [max((m.z for m in index.match(_analysed(checker, t))), default=0.0) for t in (generic, story)]
    assert top[0] < top[1] / 2
    report = checker.check([Document("t", generic)])
    assert not [f for f in report.findings if f.check == "subject_linkage"]  # no word of it is a detail


def test_the_null_comes_from_windows_not_about_the_person(checker, index) -> None:
    null = index.null(8)
    assert null.windows > 0 and math.isfinite(null.threshold)
    ivo = _person(checker, IVO)
    # Ivo's own diaries are never scored against him: his null mean is what other diaries give
    ivo_windows = [d for d, _ in index._windows(8) if ivo not in index.doc_people[d]]
    assert ivo_windows and not set(ivo_windows) & set(IVO)
    assert null.mean[ivo] < index.scores(["tortoise", "ferry", "marmalade"])[ivo]


def test_ordinary_episode_words_alone_do_not_link(checker) -> None:
    # words only Ivo's diaries use, but none of them a detail of his life
    report = checker.check([Document("t", "He was up early one winter and went out to the garden with a ladder.")])
    assert [f for f in report.findings if f.check == "subject_linkage"] == []


def test_a_detail_of_a_life_lets_the_words_link(checker) -> None:
    report = checker.check([Document("t", "He was up early one winter, feeding the tortoise out in the garden.")])
    links = [f for f in report.findings if f.check == "subject_linkage"]
    assert [f.people for f in links] == [[_person(checker, IVO)]]
    assert "tortoise" in report.texts[0].text[links[0].start : links[0].end] or any(
        report.texts[0].text[s:e] == "tortoise" for s, e in links[0].ranges
    )


def test_the_thresholds_come_from_risk_yaml(tmp_path, detector) -> None:
    (tmp_path / "risk.yaml").write_text("linkage:\n  similarity:\n    quantile: 1.0\n    min_words: 5\n")
    config = load_risk_config([tmp_path])
    assert config.similarity_quantile == 1.0 and config.similarity_min_words == 5


def test_three_uncommon_words_of_one_sentence_link_without_a_detail_word(checker) -> None:
    # none of "tram", "tickets", "album" is a detail word, but three from one sentence of Teodor's
    # accounts are more than an episode; two of them are not
    three = checker.check([Document("t", "He showed us some tickets from an old tram, kept in an album.")])
    links = [f for f in three.findings if f.check == "subject_linkage"]
    assert [f.sources for f in links] == [list(TEODOR)] and "one sentence shares" in links[0].message
    two = checker.check([Document("t", "He kept some old tickets in an album.")])
    assert [f for f in two.findings if f.check == "subject_linkage"] == []


def test_a_related_word_points_at_the_accounts_that_hold_its_narrower_word(checker, index) -> None:
    # the fixture's diaries say "tortoise" and never "turtle"; rules/risk/related.txt relates them
    assert "turtle" not in checker.profile.class_docs
    scores = index.scores(["turtle"])
    assert max(scores, key=scores.get) == _person(checker, IVO)
    (turtle,) = [t for t in _analysed(checker, "He fed the turtle.").tokens if t.text == "turtle"]
    assert index.specific([turtle], 3) == [turtle] and not index.holds(turtle)
    assert 0 < scores[_person(checker, IVO)] < index.scores(["tortoise"])[_person(checker, IVO)]  # weaker


def test_related_weight_zero_turns_related_words_off(checker) -> None:
    off = AccountIndex(checker.profile, related=checker.linker.index.related, related_weight=0.0)
    assert not off.scores(["turtle"]).get(_person(checker, IVO))


def test_the_related_weight_comes_from_risk_yaml(tmp_path) -> None:
    (tmp_path / "risk.yaml").write_text("linkage:\n  similarity:\n    related_weight: 0.2\n")
    assert load_risk_config([tmp_path]).similarity_related_weight == 0.2


def test_links_to_two_people_at_the_same_words_stay_two_findings() -> None:
    def link(person: str, docs: list[str]) -> Finding:
        return Finding("subject_linkage", "warn", "t", f"points to {person}", "", 3, 9, sources=docs, people=[person])

    def rare(docs: list[str]) -> Finding:
        return Finding("rare_detail", "warn", "t", "rare", "", 3, 9, sources=docs, people=["P1"])

    links = _merge_duplicates([link("P1", ["A", "B"]), link("P2", ["C"])])
    assert [(f.people, f.sources) for f in links] == [(["P1"], ["A", "B"]), (["P2"], ["C"])]
    (one,) = _merge_duplicates([rare(["A"]), rare(["B"])])  # the same words found by two routes
    assert one.sources == ["A", "B"]


def test_a_word_held_only_through_a_related_word_is_a_detail_only_when_one_side_is(checker, index) -> None:
    # "turtle" is a pet word of the lexicons (their "tortoise" is one too); "ferryboat" is rare in
    # English but not listed, and their own word for it, "ferry", is no rarer than everyday words
    tokens = {t.text: t for t in _analysed(checker, "He fed the turtle and watched the ferryboat.").tokens}
    assert index.accounts_words(tokens["ferryboat"]) == {"ferry"} and not index.holds(tokens["ferryboat"])
    assert checker.linker._detail_in_accounts(tokens["turtle"])
    assert not checker.linker._detail_in_accounts(tokens["ferryboat"])


def test_a_word_held_through_a_related_strong_quasi_identifier_is_a_detail(checker, index) -> None:
    # the diaries say "stroke", a quasi-identifier of a strong kind (a condition), never "apoplexy"
    tokens = {t.text: t for t in _analysed(checker, "He had an apoplexy last spring.").tokens}
    word = tokens["apoplexy"]
    assert index.accounts_words(word) == {"stroke"} and not index.holds(word)
    assert not checker.suggest.listed_word("stroke")  # not a detail through the rare-detail lexicons
    assert checker.linker._detail_in_accounts(word)


def test_a_sentence_using_two_words_of_a_definition_names_the_word(checker, index) -> None:
    # one diary says "marmalade"; rules/risk/definitions.txt defines it by "citrus", "rind", "preserve" ...
    described = index.described(_analysed(checker, "Every winter he boiled citrus rind into a thick preserve."))
    assert described["marmalade"].text == "citrus" and described["marmalade"].lemma == "marmalade"
    assert "marmalade" not in index.described(_analysed(checker, "Every winter he peeled citrus for the kids."))
    # the two words must stand in one sentence
    assert "marmalade" not in index.described(_analysed(checker, "He bought citrus. The rind was thick."))
    # a sentence that names the word does not describe it as well
    assert "marmalade" not in index.described(_analysed(checker, "He made marmalade from citrus rind."))


def test_a_described_word_counts_toward_its_person(checker, index) -> None:
    text = "An old man who had worked a river ferry for decades boiled citrus rind into a preserve."
    (best, *_) = index.match(_analysed(checker, text))
    assert best.person == _person(checker, IVO)
    assert "marmalade" in {t.lemma for t in best.tokens}


def test_definition_words_zero_turns_definitions_off(tmp_path, detector) -> None:
    (tmp_path / "risk.yaml").write_text("linkage:\n  similarity:\n    definition_words: 0\n")
    config = load_risk_config([tmp_path])
    assert config.similarity_definition_words == 0
    off = RiskChecker(config, detector, Corpus([CORPUS]))
    assert off.linker.index is not None and not off.linker.index.defining


def test_the_retold_sentence_weight_comes_from_risk_yaml(tmp_path) -> None:
    (tmp_path / "risk.yaml").write_text("linkage:\n  similarity:\n    sentence_weight: 2.2\n")
    assert load_risk_config([tmp_path]).similarity_sentence_weight == 2.2
    assert load_risk_config().similarity_sentence_weight == 1.5


def test_one_uncommon_thing_named_in_a_related_word_links(checker) -> None:
    # Teodor's diaries say "tram", never "tramcar": one uncommon noun, held through a related word by
    # fewer than k people, is a rare detail however it is worded
    report = checker.check([Document("t", "He rode a tramcar once.")])
    links = [f for f in report.findings if f.check == "subject_linkage"]
    assert [f.sources for f in links] == [list(TEODOR)]


def test_one_everyday_word_of_theirs_alone_does_not_link(checker) -> None:
    # "tram" itself is no rarer than a detail needs to be, and one word alone is no story
    a = _analysed(checker, "He rode a tram once.")
    tram = next(t for t in a.tokens if t.text == "tram")
    ev = checker.linker.evidence(a, [], [])
    assert not any(checker.linker.rare_thing(e, tram) for e in ev.values())


def test_an_uncommon_compound_of_the_accounts_holds_its_parts(checker, index) -> None:
    # Ivo's diary says "shoebox", which WordNet does not relate to "shoe": the compound's parts are its
    # related words, so a text's "shoe" points to him, more weakly than his own words
    scores = index.scores(["shoe"])
    assert max(scores, key=scores.get) == _person(checker, IVO)
    assert scores[_person(checker, IVO)] < index.scores(["tortoise"])[_person(checker, IVO)]


def test_a_compound_of_the_text_stands_for_its_parts_the_accounts_hold(checker, index) -> None:
    # nobody wrote "sheepfarm", nor does WordNet; Teodor's diaries say "sheep"
    text = "An old man who grew up on a sheepfarm played an accordion and kept tram tickets in an album."
    assert "sheepfarm" not in index.postings
    (best, *_) = index.match(_analysed(checker, text))
    assert best.person == _person(checker, TEODOR)
    assert "sheep" in {t.lemma for t in best.tokens}


def test_a_rare_word_said_by_three_words_of_its_definition_is_a_rare_detail(checker) -> None:
    # "marmalade" (rarer than rare.word_zipf) is in one of Ivo's diaries; definitions.txt: citrus, rind, preserve
    report = checker.check([Document("t", "Every winter he boiled citrus rind into a thick preserve.")])
    rare = [f for f in report.findings if f.check == "rare_detail"]
    assert rare and "'marmalade'" in rare[0].message and set(rare[0].sources) <= set(IVO)
    # two words of it say too little
    report = checker.check([Document("t", "Every winter he peeled citrus rind for the kids.")])
    assert not [f for f in report.findings if f.check == "rare_detail" and "definition" in f.message]


def test_the_people_of_a_service_link_to_no_one(checker) -> None:
    # only the diary about nobody in particular writes "residents": a word for the people of any
    # service (rules/risk/life.yaml service_nouns) is no detail of anyone's life
    a = _analysed(checker, "The residents were tired after the house meeting.")
    evidence = checker.linker.evidence(a, [], [])
    assert not any(t.lemma == "resident" for ev in evidence.values() for t in ev.words)
